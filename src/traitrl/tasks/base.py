"""Standard verifiable RL tasks: the shared item type and the registry.

A task is the "other 95%" of the RL mix: prompts whose answers a program can check. Each task module registers
a generator (``items(split, n, seed)``) and a verifier (``verify(ground_truth, response) -> Grade``). The verifier
reads only the JSON-serialisable ``ground_truth``, so the same check runs inside TRL (reward callables), inside
verl (``traitrl.rl.verl_reward.compute_score``) and in the capability guards of the eval suite.

Train and held-out items never share a question template or a fact: held-out generators draw from their own
template lists and their own fact pools (see each module).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from traitrl.core.types import Message, Split
from traitrl.grading.criteria import Criterion
from traitrl.grading.types import Grade


class TaskItem(BaseModel):
    """One verifiable prompt.

    Attributes:
        id: stable identifier, ``<task>/<split>/<template>/<n>``.
        task: registered task name.
        split: ``train`` items feed RL; ``heldout`` items feed the capability guards.
        messages: the conversation; the last turn is the user's.
        ground_truth: everything the verifier needs (JSON-serialisable).
        options: candidate replies for log-prob multiple choice (held-out scoring), ``target`` indexes them.
        rubric: rule criteria, for tasks graded by rubric (instruction following).
        good: a scripted reply the verifier must accept; bad: one it must reject.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    task: str
    split: Split
    messages: list[Message] = Field(min_length=1)
    ground_truth: dict[str, Any]
    options: list[str] | None = None
    target: int | None = None
    rubric: list[Criterion] = []
    good: str
    bad: str


@dataclass(frozen=True)
class TaskSpec:
    """A registered task: its generator, its verifier and the skill it trains (verl's ``ability``)."""

    name: str
    ability: str
    items: Callable[[Split, int, int], list[TaskItem]]
    verify: Callable[[dict[str, Any], str], Grade]


TASKS: dict[str, TaskSpec] = {}


def register_task(spec: TaskSpec) -> TaskSpec:
    if spec.name in TASKS:
        raise ValueError(f"task {spec.name!r} registered twice")
    TASKS[spec.name] = spec
    return spec


def stable_hash(text: str) -> int:
    """A process-independent hash (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_ANSWER_LINE = re.compile(r"answer\s*(?:is|:|=)\s*\**\s*(-?\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)


def extract_number(text: str) -> float | None:
    """The final numeric answer in a reply: an ``Answer: N`` line if present, else the last number.

    Never raises; returns None when the reply holds no number.
    """
    text = text if isinstance(text, str) else ""
    found = _ANSWER_LINE.findall(text)
    raw = found[-1] if found else (_NUMBER.findall(text) or [None])[-1]
    if raw is None:
        return None
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def completion_text(completion: Any) -> str:
    """The text of a TRL completion: a string, or a list of chat messages (conversational datasets)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list) and completion and isinstance(completion[-1], dict):
        content = completion[-1].get("content", "")
        if isinstance(content, list):  # content blocks
            return " ".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
        return str(content or "")
    return ""
