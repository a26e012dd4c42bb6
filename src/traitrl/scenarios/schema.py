"""The scenario: one object that supplies training prompts, the RL reward and the evaluation check.

A scenario is a multi-turn conversation (possibly with pre-filled assistant turns that contain a planted error)
and a rubric of 3–5 signed criteria. The same rubric grades RL rollouts and evaluation responses
(``traitrl.grading.rubric.grade_rubric``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from traitrl.core.errors import UserError
from traitrl.core.types import Message, Split
from traitrl.grading.criteria import Criterion

SAFE_ID = r"^[A-Za-z0-9_.:/-]+$"


def check_safe_id(value: str) -> str:
    """Letters, digits and ``_ . : / -`` only; no empty, ``.`` or ``..`` segment between slashes.

    Ids end up in file names, URLs and report anchors, so an id must never read as a path (``../x``, ``/abs``).
    """
    if any(seg in ("", ".", "..") for seg in value.split("/")):
        raise ValueError(f"id {value[:80]!r} has an empty, '.' or '..' segment; ids are names, not paths")
    return value


class Oracles(BaseModel):
    """Scripted responses that let us measure the measurer: the grader must rank good far above bad."""

    model_config = ConfigDict(extra="forbid")

    good: str
    bad: str


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=SAFE_ID, max_length=200)
    trait: str
    domain: str
    split: Split
    messages: list[Message] = Field(min_length=1)
    rubric: list[Criterion] = Field(min_length=3, max_length=5)
    oracles: Oracles | None = None
    metadata: dict[str, Any] = {}

    @field_validator("id")
    @classmethod
    def _safe_id(cls, v: str) -> str:
        return check_safe_id(v)

    @model_validator(mode="after")
    def _shape(self) -> Scenario:
        from traitrl.core.taxonomy import DOMAINS, TRAITS

        if self.trait not in TRAITS:
            raise UserError(f"unknown trait {self.trait!r}; known: {', '.join(TRAITS)} (add one with a taxonomy YAML)")
        if self.domain not in DOMAINS:
            raise UserError(f"unknown domain {self.domain!r}; known: {', '.join(DOMAINS)} (add one with a taxonomy YAML)")
        if self.messages[-1].role != "user":
            raise UserError("the last message must be a user turn: the model answers it")
        if not any(c.points > 0 for c in self.rubric):
            raise UserError("a rubric needs at least one positive criterion")
        return self

    @property
    def template(self) -> str:
        return str(self.metadata.get("template", ""))

    @property
    def prompt_text(self) -> str:
        """All message text, for leakage checks and deduplication."""
        return "\n".join(m.content for m in self.messages)
