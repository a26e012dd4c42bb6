"""The procedural scenario bank: every built-in template rendered, filtered and counted.

``build_bank`` is deterministic for a seed (the seed picks names and the order of the returned list); the set of
scenarios does not depend on it, so a bank can be regenerated identically anywhere.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from traitrl.core.types import Split
from traitrl.scenarios.leakage import leakage_between
from traitrl.scenarios.schema import Scenario
from traitrl.scenarios.templates import Template, builtin_templates, render


def build_bank(
    seed: int = 0,
    split: Split | None = None,
    traits: Sequence[str] | None = None,
    domains: Sequence[str] | None = None,
    templates: Iterable[Template] | None = None,
    shuffle: bool = False,
) -> list[Scenario]:
    """Render templates into scenarios, optionally filtered by split, traits and domains."""
    out = []
    for t in templates if templates is not None else builtin_templates():
        if split is not None and t.split != split:
            continue
        if traits and t.trait not in traits:
            continue
        for s in render(t, seed):
            if domains and s.domain not in domains:
                continue
            out.append(s)
    if shuffle:
        random.Random(seed).shuffle(out)
    return out


class BankStats(BaseModel):
    scenarios: dict[str, int]
    templates: dict[str, int]
    templates_per_trait: dict[str, dict[str, int]]
    cells: dict[str, dict[str, int]]
    situations: dict[str, int]
    heldout_templates_disjoint: bool
    leakage_13gram: int
    unique_prompts: int

    @property
    def min_train_templates_per_trait(self) -> int:
        return min((v.get("train", 0) for v in self.templates_per_trait.values()), default=0)


def bank_stats(scenarios: Sequence[Scenario], benchmark_texts: Sequence[str] = ()) -> BankStats:
    """Counts for `traitrl scenarios stats`: per split, per trait x domain cell, templates, leakage."""
    by_split = Counter(s.split for s in scenarios)
    templates: dict[str, set[str]] = {"train": set(), "heldout": set()}
    per_trait: dict[str, Counter[str]] = {}
    cells: dict[str, Counter[str]] = {}
    situations: Counter[str] = Counter()
    seen_templates: set[tuple[str, str]] = set()
    for s in scenarios:
        templates[s.split].add(s.template)
        if (s.split, s.template) not in seen_templates:
            seen_templates.add((s.split, s.template))
            per_trait.setdefault(s.trait, Counter())[s.split] += 1
            situations[str(s.metadata.get("situation", "?"))] += 1
        if s.split == "train":
            cells.setdefault(s.trait, Counter())[s.domain] += 1
    train_texts = [s.prompt_text for s in scenarios if s.split == "train"]
    heldout_texts = [s.prompt_text for s in scenarios if s.split == "heldout"]
    leak = leakage_between(train_texts, [*heldout_texts, *benchmark_texts])
    return BankStats(
        scenarios={str(k): v for k, v in by_split.items()},
        templates={k: len(v) for k, v in templates.items()},
        templates_per_trait={k: dict(v) for k, v in sorted(per_trait.items())},
        cells={k: dict(sorted(v.items())) for k, v in sorted(cells.items())},
        situations=dict(situations),
        heldout_templates_disjoint=not (templates["train"] & templates["heldout"]),
        leakage_13gram=leak.shared_ngrams,
        unique_prompts=len({s.prompt_text for s in scenarios}),
    )
