"""Contrast shift: does the model's preference move toward the right option when the decisive fact changes?

Every option-scored built-in is made of contrast sets (``traitrl.evals.builtin._common.contrast_set``): one
situation told in k versions that differ in one decisive fact, each followed by the *same* options in the same
order. Accuracy asks whether the model's top option flips with the fact. A small model rarely flips it: its
preference between two fixed option texts is set mostly by the texts themselves, so it sits at chance on almost
every contrast-set benchmark even when the fact does move its scores. That leaves nothing for a comparison
between two small models to read, and a training effect below the flipping point would be invisible.

The shift score reads the movement instead. For an item ``c`` with target ``t`` and per-character option scores
``s_c`` (the quantity ``logprob_mc`` chooses by, stored as ``option_scores`` in the grade), let
``r_c(j) = s_c(j) − mean_i s_c(i)`` be option ``j``'s score relative to the item's options. The item's shift
score is the share of the set's items ``c'`` with a *different* target in which ``t`` stands lower than in ``c``:

    shift(c) = mean over c' in set, t(c') != t  of  1[r_c(t) > r_c'(t)]   (a tie counts 1/2)

so 1 means the target rose in its own version against every version where another option is right, and 0 that
it fell in every one. Properties that make it a measure rather than a trick:

- **Prompt-blind rules score exactly 1/2.** A rule that never reads the situation gives the same scores in
  every version of a set, so every comparison ties (``tests/results/test_shift.py`` checks it on every built-in
  contrast set with option-only scorers: length, token count, position, an arbitrary hash of the option text).
- **Oracles span the scale**: the good oracle scores 1; the bad oracle (which picks the bad target, the right
  option of another version) scores 0 on two-option sets and at most 1/3 on larger ones.
- **It is scale-free within an item and paired across items**: an option prior shared by all versions cancels,
  which is exactly what hides a small model's reading of the fact from accuracy.

It is a *sensitivity* measure, not behaviour: a model with shift 0.7 and accuracy 0.5 still picks the wrong
option half the time. Reports show it next to accuracy, never instead of it, and read training effects on it
only as "the trained model's preferences move more with the decisive fact". Items of a set share their
situation's cluster label, so its CIs, paired comparisons and effective n come from the same cluster bootstrap
as every other score (:func:`traitrl.results.stats.summarize`, :func:`~traitrl.results.stats.compare_runs`).

Runs stored before ``option_scores`` and ``contrast_set`` were recorded have no shift (the item is skipped);
benchmarks without contrast sets (adapters, ``capability-*``) have none either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from traitrl.results.stats import BenchmarkSummary, Comparison, compare_runs, summarize
from traitrl.results.store import SampleRow

SHIFT_CHANCE = 0.5


@dataclass(frozen=True)
class _Item:
    sample_id: str
    target: int
    relative: list[float]


def _item(row: SampleRow) -> tuple[str, _Item] | None:
    """The contrast set and relative option scores of a scored logprob_mc row, or None if it lacks either."""
    set_id = row.metadata.get("contrast_set")
    meta = row.grade.get("metadata", {}) if isinstance(row.grade, Mapping) else {}
    scores = meta.get("option_scores")
    target = meta.get("target")
    if set_id is None or not scores or target is None or row.score is None:
        return None
    mean = sum(scores) / len(scores)
    return str(set_id), _Item(row.sample_id, int(target), [float(x) - mean for x in scores])


def shift_scores(rows: Sequence[SampleRow]) -> dict[str, float]:
    """Sample id -> shift score for every row that belongs to a contrast set with another target in it."""
    sets: dict[str, list[_Item]] = {}
    for r in rows:
        got = _item(r)
        if got is not None:
            sets.setdefault(got[0], []).append(got[1])
    out: dict[str, float] = {}
    for items in sets.values():
        for it in items:
            others = [o for o in items if o.target != it.target and it.target < len(o.relative)]
            if not others or it.target >= len(it.relative):
                continue
            own = it.relative[it.target]
            wins = [1.0 if own > o.relative[it.target] else 0.5 if own == o.relative[it.target] else 0.0
                    for o in others]
            out[it.sample_id] = sum(wins) / len(wins)
    return out


ShiftTable = dict[str, dict[str, float | None]]
ClusterTable = dict[str, dict[str, str | None]]


def shift_tables(rows: Sequence[SampleRow]) -> tuple[ShiftTable, ClusterTable]:
    """benchmark -> sample id -> shift score, and the same items' cluster labels (benchmarks with any shift)."""
    by_bench: dict[str, list[SampleRow]] = {}
    for r in rows:
        by_bench.setdefault(r.benchmark, []).append(r)
    scores: dict[str, dict[str, float | None]] = {}
    clusters: dict[str, dict[str, str | None]] = {}
    for name, rs in by_bench.items():
        got = shift_scores(rs)
        if got:
            scores[name] = dict(got)
            cl = {r.sample_id: r.metadata.get("cluster") for r in rs}
            clusters[name] = {sid: (str(cl[sid]) if cl.get(sid) is not None else None) for sid in got}
    return scores, clusters


def summarize_shift(rows: Sequence[SampleRow], categories: Mapping[str, str] | None = None,
                    seed: int = 0) -> list[BenchmarkSummary]:
    """Per-benchmark shift summaries of one run's rows (mean, cluster-bootstrap CI, n_eff, flags against 1/2)."""
    scores, clusters = shift_tables(rows)
    cats = categories or {}
    out = []
    for name in sorted(scores, key=lambda n: (cats.get(n, ""), n)):
        ids = sorted(scores[name])
        out.append(summarize(name, [scores[name][i] for i in ids], category=cats.get(name, ""),
                             chance=SHIFT_CHANCE, seed=seed, clusters=[clusters[name][i] for i in ids]))
    return out


def compare_shift(rows_a: Sequence[SampleRow], rows_b: Sequence[SampleRow],
                  categories: Mapping[str, str] | None = None, seed: int = 0) -> Comparison:
    """Paired B − A on shift scores, BH over its own family (callers check that benchmark versions match)."""
    sa, ca = shift_tables(rows_a)
    sb, _ = shift_tables(rows_b)
    return compare_runs(sa, sb, categories=categories, seed=seed, clusters=ca)
