"""Shared fixtures for the eval tests: a fake ChatModel that counts calls, and the tiny random HF model."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from traitrl.models.base import Conversation, MCRequest, SamplingParams

FIXTURES = Path(__file__).parent.parent / "fixtures" / "public"


def _h(text: str) -> float:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF


class FakeChatModel:
    """Deterministic, hash-based answers; counts every call and every scored prompt."""

    name = "fake-model"

    def __init__(self, fail_after_calls: int | None = None) -> None:
        self.calls = 0
        self.prompts_seen = 0
        self.fail_after_calls = fail_after_calls
        self.contexts: list[str] = []

    def _tick(self, n: int) -> None:
        if self.fail_after_calls is not None and self.calls >= self.fail_after_calls:
            raise KeyboardInterrupt("simulated kill")
        self.calls += 1
        self.prompts_seen += n

    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        self._tick(len(conversations))
        out = []
        for conv in conversations:
            text = "\n".join(m.content for m in conv)
            out.append("I can't help with that." if _h(text) < 0.3 else f"Here is an answer about {text[:30]}")
        return out

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        body = "".join(f"<{m.role}>{m.content}</{m.role}>" for m in conversation)
        return body + ("<assistant>" if add_generation_prompt else "")

    def option_logprobs(self, requests: Sequence[MCRequest]) -> list[list[float]]:
        self._tick(len(requests))
        self.contexts.extend(r.context for r in requests)
        return [[-5 * _h(r.context + c) for c in r.continuations] for r in requests]


@pytest.fixture
def mc_file(tmp_path: Path) -> Path:
    """A 60-item multiple-choice file in the ``mc`` public format."""
    path = tmp_path / "arith.jsonl"
    rows = [{"id": f"a{i}", "question": f"What is {i} plus {i + 3}?",
             "choices": [str(2 * i + 3), str(2 * i + 4), str(2 * i + 1)], "answer": 0} for i in range(60)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from traitrl.models.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    from traitrl.models import load_chat_model

    return load_chat_model(str(tiny_model_dir))
