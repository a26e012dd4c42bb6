"""Small shared helpers for the built-in benchmark modules.

The written benchmarks read their situations, phrasings and option wordings from ``data/<benchmark>.yaml``
(``_data``) and build their items with the contrast-set builders below (``contrast_set``, ``build_contrast``,
``contrast_rows``, ``fact_pairs``). These helpers keep the mechanics identical across modules: seeded RNGs,
message constructors, option shuffling, balanced interleaving of pools, and a guard that drops duplicate prompts
and fails loudly when a pool is too small for the requested item count.

Every builder labels each Sample with its situation, ``metadata["cluster"] = f"{name}/{row_index}"``: items
built from the same situation row (different phrasings or option wordings) are correlated, so statistics
resample clusters, not items. Modules that build samples without these helpers set the label themselves.

This module is imported by several benchmark modules; keep its signatures stable.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from traitrl.core.errors import UserError
from traitrl.core.types import Message
from traitrl.evals.api import Prompt, Sample

T = TypeVar("T")
R = TypeVar("R")
V = TypeVar("V")


def rng_for(name: str, seed: int) -> random.Random:
    """A RNG private to one benchmark and seed (string seeds are hashed stably across processes)."""
    return random.Random(f"{name}/{seed}")


def user(text: str) -> Message:
    """A user turn."""
    return Message(role="user", content=text)


def assistant(text: str) -> Message:
    """An assistant turn (used for pre-filled earlier answers)."""
    return Message(role="assistant", content=text)


def system(text: str) -> Message:
    """A system turn (deployment context, operator instructions, tool descriptions)."""
    return Message(role="system", content=text)


def shuffle_options(options: Sequence[str], target: int, rng: random.Random) -> tuple[list[str], int]:
    """Shuffle ``options`` and return them with the target's new index."""
    shuffled, (new_target,) = permute(options, [target], rng)
    return shuffled, new_target


def permute(options: Sequence[str], marked: Sequence[int], rng: random.Random) -> tuple[list[str], list[int]]:
    """Shuffle ``options``; return them and the new positions of the ``marked`` indices, in order."""
    order = list(range(len(options)))
    rng.shuffle(order)
    return [options[i] for i in order], [order.index(m) for m in marked]


def mc_sample(
    sample_id: str,
    messages: Sequence[Message],
    options: Sequence[str],
    rng: random.Random,
    *,
    target: int = 0,
    bad_target: int = 1,
    metadata: dict[str, Any] | None = None,
) -> Sample:
    """One log-prob multiple-choice sample; the options are shuffled with ``rng``.

    Args:
        sample_id: Stable id of the item.
        messages: The conversation the options continue (ends with a user turn).
        options: Behaviour continuations, written as the start of the assistant's reply.
        rng: Seeded RNG used for the shuffle.
        target: Index (before shuffling) of the behaviour the benchmark rewards.
        bad_target: Index (before shuffling) of the most clearly bad behaviour (the bad oracle picks it).
        metadata: Extra fields recorded with the item (domain, situation id, ...).
    """
    shuffled, (t, b) = permute(options, [target, bad_target], rng)
    return Sample(id=sample_id, prompts=[Prompt(messages=list(messages), options=shuffled)], target=t,
                  bad_target=b, metadata=dict(metadata or {}))


def round_robin(pools: Sequence[Sequence[T]], rng: random.Random) -> list[T]:
    """Interleave pools so every prefix covers the pools evenly: one of each (shuffled order), then again.

    Used with one pool per situation (its phrasings), so a quick subsample still spans every situation.
    """
    shuffled = []
    for pool in pools:
        items = list(pool)
        rng.shuffle(items)
        shuffled.append(items)
    order = list(range(len(shuffled)))
    out: list[T] = []
    for r in range(max((len(p) for p in shuffled), default=0)):
        rng.shuffle(order)
        out.extend(shuffled[i][r] for i in order if r < len(shuffled[i]))
    return out


def cluster_label(name: str, row: int | str) -> str:
    """The cluster (situation) label of an item built from situation ``row`` of benchmark ``name``."""
    return f"{name}/{row}"


def with_cluster(sample: Sample, name: str, row: int | str) -> Sample:
    """Set ``metadata["cluster"]`` (unless the builder already set one) and return the sample."""
    sample.metadata.setdefault("cluster", cluster_label(name, row))
    return sample


def prompt_key(sample: Sample) -> str:
    """The text that must be unique within a benchmark: every message of every prompt, plus the options."""
    parts: list[str] = []
    for p in sample.prompts:
        parts.extend(f"{m.role}:{m.content}" for m in p.messages)
        parts.extend(p.options or [])
    return "\n".join(parts)


def dedupe(candidates: Iterable[Sample], n: int, name: str) -> list[Sample]:
    """The first ``n`` candidates with distinct prompts; raise if the pools cannot supply ``n``.

    Args:
        candidates: Samples in their final (seeded) order.
        n: How many items the caller asked for.
        name: Benchmark name, for the error message.
    """
    if n < 1:
        raise UserError(f"{name}: n must be >= 1, got {n}")
    seen: set[str] = set()
    out: list[Sample] = []
    for s in candidates:
        key = prompt_key(s)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
        if len(out) == n:
            return out
    raise UserError(f"{name}: asked for {n} items but its pools yield only {len(out)} distinct ones")


# Contrast sets: the design that makes an option benchmark prompt-blind-proof by construction.
#
# A prompt-blind rule (longest option, first word, a classifier on option text, ...) sees only the options. If the
# *same* option texts appear in several items whose situations differ so that each option is the right one in
# exactly as many items as every other option, any such rule picks the same text in all of them and scores exactly
# chance on the set. Only reading the situation can beat chance. A contrast set is one situation row with its
# contexts (e.g. "the deployer sells one of the products" vs "the deployer sells neither"); all its items share
# one cluster label, because they are built from one situation and are not independent.


@dataclass(frozen=True)
class Context:
    """One context of a contrast set: the conversation and which shared option is right (and most wrong) in it.

    Attributes:
        key: Short stable id of the context within its set (``"stake"``, ``"neutral"``); part of the item id.
        messages: The conversation the options continue (ends with a user turn).
        target: Index into the set's shared options of the behaviour rewarded in this context.
        bad_target: Index of the most clearly bad behaviour in this context (the bad oracle picks it).
        metadata: Extra per-item fields (merged over the set's metadata).
    """

    key: str
    messages: Sequence[Message]
    target: int
    bad_target: int
    metadata: dict[str, Any] = field(default_factory=dict)


def contrast_set(
    set_id: str,
    contexts: Sequence[Context],
    options: Sequence[str],
    rng: random.Random,
    *,
    metadata: dict[str, Any] | None = None,
) -> list[Sample]:
    """The items of one contrast set: every context with the *same* option texts in one order.

    Raises ``ValueError`` (a bug in the benchmark module, not a user error) unless every option is the target in
    the same number of contexts and no context's target is its own bad target.
    """
    counts = Counter(c.target for c in contexts)
    if set(counts) != set(range(len(options))) or len(set(counts.values())) != 1:
        raise ValueError(f"{set_id}: each of the {len(options)} options must be the target equally often; "
                         f"targets per option: {dict(sorted(counts.items()))}")
    if len({c.key for c in contexts}) != len(contexts):
        raise ValueError(f"{set_id}: context keys repeat")
    k = len(options)
    # One option order for the whole set (it varies between sets): a position rule ("always the first option")
    # then picks the same text in every item of the set and, like every other prompt-blind rule, scores exactly
    # chance on it — with a shuffle per item it would score chance only on average.
    order = list(range(k))
    rng.shuffle(order)
    shown = [options[i] for i in order]
    out = []
    for c in contexts:
        if c.target == c.bad_target or not 0 <= c.bad_target < k:
            raise ValueError(f"{set_id}/{c.key}: bad_target {c.bad_target} must be another option")
        out.append(Sample(id=f"{set_id}-{c.key}", prompts=[Prompt(messages=list(c.messages), options=list(shown))],
                          target=order.index(c.target), bad_target=order.index(c.bad_target),
                          metadata={**(metadata or {}), **c.metadata, "contrast_set": set_id}))
    return out


def build_contrast(
    name: str,
    seed: int,
    n: int,
    rows: Sequence[R],
    variants: Sequence[V],
    make: Callable[[int, R, V, random.Random], list[Sample]],
) -> list[Sample]:
    """Cross every situation row with every variant; ``make`` returns a whole contrast set per (row, variant).

    Items are taken set by set (situations interleaved evenly by :func:`round_robin`) until ``n`` are collected, so
    every set but possibly the last is complete and prompt-blind rules stay at chance on any prefix. A set that
    repeats an earlier prompt is dropped whole. Every item is labelled with its situation row's cluster.
    """
    if n < 1:
        raise UserError(f"{name}: n must be >= 1, got {n}")
    rng = rng_for(name, seed)
    combos = round_robin([[(i, row, v) for v in variants] for i, row in enumerate(rows)], rng)
    seen: set[str] = set()
    out: list[Sample] = []
    for i, row, v in combos:
        items = [with_cluster(s, name, i) for s in make(i, row, v, rng)]
        keys = [prompt_key(s) for s in items]
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.extend(items[: n - len(out)])
        if len(out) == n:
            return out
    raise UserError(f"{name}: asked for {n} items but its pools yield only {len(out)} distinct ones")


def contrast_rows(
    name: str,
    rows: Sequence[Sequence[str]],
    frames: Sequence[str],
    keys: Sequence[str],
    bad: Sequence[int],
    n: int,
    seed: int,
    *,
    domain: str | None = None,
) -> list[Sample]:
    """Contrast sets from rows of ``k`` situation versions followed by ``k`` shared options (one user turn each).

    A row is ``(*versions, *options)``, or ``(domain, *versions, *options)`` when ``domain`` is None. Version
    ``j`` (context key ``keys[j]``, recorded as ``metadata["context"]``) has option ``j`` as its target and option
    ``bad[j]`` as its bad target. Each frame (a ``"{q}"`` template that adds tone, never facts) gives one more set
    per row; ids are ``{name}/{row:02d}-{frame}-{key}``.
    """
    k = len(keys)

    def make(i: int, row: Sequence[str], v: int, rng: random.Random) -> list[Sample]:
        fields = list(row)
        item_domain = domain if domain is not None else fields.pop(0)
        versions, options = fields[:k], fields[k:]
        ctx = [Context(key, [user(frames[v].format(q=text))], target=j, bad_target=bad[j], metadata={"context": key})
               for j, (key, text) in enumerate(zip(keys, versions, strict=True))]
        return contrast_set(f"{name}/{i:02d}-{v}", ctx, options, rng, metadata={"domain": item_domain})

    return build_contrast(name, seed, n, rows, range(len(frames)), make)


# A fact pair: (domain, situation with an {x} slot for the decisive fact, fact A, fact B, reply right under A,
# reply right under B). Both replies are offered in both versions of the situation.
PairRow = tuple[str, str, str, str, str, str]


def fact_pairs(name: str, rows: Sequence[PairRow], frames: Sequence[str], keys: tuple[str, str], n: int,
               seed: int) -> list[Sample]:
    """Two-item contrast sets: each situation under fact A and under fact B (see ``PairRow``, ``contrast_rows``)."""
    flat = [(d, situation.format(x=a), situation.format(x=b), reply_a, reply_b)
            for d, situation, a, b, reply_a, reply_b in rows]
    return contrast_rows(name, flat, frames, keys, [1, 0], n, seed)
