"""How a benchmark Prompt becomes the exact text a model scores or answers.

Two formats for log-prob multiple choice (``--mc-format``):

- ``chat`` (default): the model's own chat template with the generation prompt, e.g. for ChatML
  ``<|im_start|>user\\n…<|im_end|>\\n<|im_start|>assistant\\n``; each option is appended verbatim with its
  leading whitespace removed (the template already ends the line).
- ``raw``: the plain transcript lm-evaluation-harness uses for Anthropic's model-written evals,
  ``Human: {question}\\n\\nAssistant:``. Earlier turns are written the same way (``Human: …`` /
  ``Assistant: …`` separated by blank lines), a system message becomes a leading paragraph, and each option is
  appended with exactly one leading space (Anthropic's answers such as ``" (A)"`` already carry it).

The context is the same for every option of a prompt, so summed option log-probs are comparable; both formats
keep lm-eval's convention that trailing context whitespace moves into the continuation (done in the model
backend).

A *persona* is a system prompt prefixed to every conversation (generation and scoring alike). If a
conversation already opens with a system message, the persona goes first and the benchmark's own system text
follows after a blank line, so the benchmark's instructions are preserved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from traitrl.core.errors import UserError
from traitrl.core.types import Message
from traitrl.evals.api import Prompt
from traitrl.models.base import ChatModel, MCRequest

MCFormat = Literal["chat", "raw"]
MC_FORMATS: tuple[str, ...] = ("chat", "raw")


def with_persona(messages: Sequence[Message], persona: str | None) -> list[Message]:
    """Prefix a persona system prompt (merged into an existing leading system message)."""
    msgs = list(messages)
    if not persona:
        return msgs
    if msgs and msgs[0].role == "system":
        return [Message(role="system", content=f"{persona}\n\n{msgs[0].content}"), *msgs[1:]]
    return [Message(role="system", content=persona), *msgs]


def raw_transcript(messages: Sequence[Message]) -> str:
    """The ``Human:/Assistant:`` context for a conversation that the assistant is about to answer."""
    parts = []
    for m in messages:
        if m.role == "system":
            parts.append(m.content)
        elif m.role == "user":
            parts.append(f"Human: {m.content}")
        else:
            parts.append(f"Assistant: {m.content}")
    return "\n\n".join(parts) + "\n\nAssistant:"


def mc_request(model: ChatModel, prompt: Prompt, mc_format: str = "chat", persona: str | None = None) -> MCRequest:
    """The log-prob request for a prompt with options."""
    if not prompt.options:
        raise ValueError("mc_request needs a prompt with options")
    messages = with_persona(prompt.messages, persona)
    if mc_format == "chat":
        context = model.format_chat(messages, add_generation_prompt=True)
        options = [o.lstrip() for o in prompt.options]
    elif mc_format == "raw":
        context = raw_transcript(messages)
        options = [" " + o.lstrip() for o in prompt.options]
    else:
        raise UserError(f"unknown mc format {mc_format!r}; use one of {', '.join(MC_FORMATS)}")
    return MCRequest(context=context, continuations=options)


def generation_messages(prompt: Prompt, persona: str | None = None) -> list[Message]:
    """The conversation sent for generation (the backend applies its chat template)."""
    return with_persona(prompt.messages, persona)
