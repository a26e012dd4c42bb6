"""Generic multiple-choice JSONL: ``question``, ``choices`` (list of strings), ``answer`` (0-based index of the
correct choice); optional ``id`` and ``system`` (a system prompt for that item).

Scored by log-prob choice among the choices (``--mc-format`` decides the prompt format); score 1 when the
correct choice has the highest log-prob. Category defaults to ``capability``; set ``?category=`` for others.
"""

from __future__ import annotations

from typing import cast

from traitrl.core.types import Message
from traitrl.evals.adapters.base import AdapterError, AdapterSpec, adapter, make_spec, read_records
from traitrl.evals.api import Category, Prompt, Sample


@adapter("mc", "Generic multiple-choice JSONL (question, choices, answer index); log-prob choice.")
def build_mc(source: str, category: str = "capability", split: str = "train", config: str | None = None) -> AdapterSpec:
    """Build a log-prob MC benchmark from generic records."""
    records, tag = read_records(source, config=config, split=split)
    samples = []
    for rec in records:
        question = rec.str_field("question")
        choices = rec.list_field("choices", min_len=2)
        if not all(isinstance(c, str) and c.strip() for c in choices):
            raise rec.fail("choices", "must be a list of non-empty strings")
        answer = rec.int_field("answer")
        if not 0 <= answer < len(choices):
            raise rec.fail("answer", f"must be an index into choices (0..{len(choices) - 1})")
        system = rec.str_field("system", optional=True)
        msgs = ([Message(role="system", content=system)] if system else []) + [Message(role="user", content=question)]
        ident = rec.id_field("id")
        samples.append(Sample(id=ident or f"L{rec.line:05d}",
                              prompts=[Prompt(messages=msgs, options=choices)], target=answer))
    if len({s.id for s in samples}) != len(samples):
        raise AdapterError(f"{source}: duplicate item ids")
    return make_spec(
        kind="mc", source=source, tag=tag, category=cast(Category, category), scoring="logprob_mc",
        description="Generic multiple-choice file: score 1 when the correct choice has the highest log-prob.",
        samples=samples, args={"category": category, "split": split, "config": config},
    )
