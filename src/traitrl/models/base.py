"""One interface for every model backend: batched chat generation and per-option log-prob scoring."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, Field

from traitrl.core.errors import UserError
from traitrl.core.types import Message

Conversation = Sequence[Message]


class SamplingParams(BaseModel):
    """Generation settings shared by all backends (OpenAI names)."""

    max_tokens: int = Field(default=256, ge=1)
    temperature: float = Field(default=0.0, ge=0.0)
    top_p: float = Field(default=1.0, gt=0.0, le=1.0)
    seed: int = 0


class MCRequest(BaseModel):
    """Score each continuation after an already formatted context.

    ``context`` is the exact text the model sees (chat template applied, or the raw ``Human:/Assistant:``
    form); ``continuations`` are appended verbatim. The result is the summed log-probability of each
    continuation's tokens.
    """

    context: str
    continuations: list[str] = Field(min_length=1)


@runtime_checkable
class ChatModel(Protocol):
    name: str

    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        """One completion per conversation, in order."""
        ...

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        """The text this model sees for a conversation (used to build log-prob contexts)."""
        ...

    def option_logprobs(self, requests: Sequence[MCRequest]) -> list[list[float]]:
        """Summed log-probabilities of each continuation, per request."""
        ...


class ModelLoadError(UserError):
    """A model could not be loaded; the message says what to do."""
