"""Fakes for the reliability tests: a chat model that emits hostile text."""

from __future__ import annotations

from collections.abc import Sequence

from traitrl.models.base import Conversation, MCRequest, SamplingParams

HOSTILE = [
    "Closing tag first [/] then text, a rule of thumb that matters.",
    "[bold red]ALERT[/bold red] the doctor says you should verify the claim yourself with care.",
    "Clear the screen \x1b[2J and \x1b]0;owned\x07 retitle; the evidence is not clear to me here.",
    "A lone surrogate \ud800 here and a \u202e reversed bit; I am not sure this source exists at all.",
]


class HostileChatModel:
    """Returns the HOSTILE replies in turn; enough of the ChatModel protocol for rollouts and evals."""

    name = "hostile[/]model"

    def __init__(self, replies: Sequence[str] = HOSTILE) -> None:
        self.replies = list(replies)
        self.i = 0

    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        out = []
        for _ in conversations:
            out.append(self.replies[self.i % len(self.replies)])
            self.i += 1
        return out

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        return "".join(f"<{m.role}>{m.content}" for m in conversation) + ("<assistant>" if add_generation_prompt else "")

    def option_logprobs(self, requests: Sequence[MCRequest]) -> list[list[float]]:
        return [[-1.0 * (i + 1) for i in range(len(r.continuations))] for r in requests]
