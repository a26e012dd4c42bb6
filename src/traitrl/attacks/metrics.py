"""Persistence metrics on score tables: pure functions, testable on constructed tables with known answers.

A :class:`Condition` is one evaluated state of one model — clean, under a persona, or at a fine-tuning checkpoint
— as per-item scores per benchmark. Scores are *goodness* in [0, 1]: a benchmark where lower is better is flipped
(``1 − score``) when it is loaded, so a drop is always bad and a gain always good.

- **Effect** of a condition on a model: per item ``with − clean`` (negative = a drop), pooled over the chosen
  benchmarks' items (benchmarks weigh by their item counts), with a cluster-bootstrap CI and p-value.
- **Retention**: ``mean(with) / mean(clean)`` over the same items (the study's "36% kept vs 74% kept").
- **Difference between models**: per item ``(with_B − clean_B) − (with_A − clean_A)``, paired over items both
  models scored in all four conditions; positive means B lost less (harmful) or gained more (helpful). Items of
  one situation share a cluster (``benchmark/cluster`` from the stored metadata, else the item alone).
- **Headroom**: a benchmark where a model's clean score is at the floor or at chance (its CI touches 0 or
  contains the chance level — :class:`~traitrl.results.stats.BenchmarkSummary` flags) cannot show a drop; one at
  the ceiling cannot show a gain. Such benchmarks are left out and reported as "not measurable".
- **Harm curves** over fine-tuning checkpoints: the area under the harm (drop) curve over ``log2(1 + step)``,
  normalised by that range (so it is the mean drop per log-step, in score units), its ratio B/A,
  steps-to-compromise, and the worst case over a grid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

import numpy as np

from traitrl.results.stats import BenchmarkSummary, paired_bootstrap, summarize

Side = Literal["harm", "help"]
T = TypeVar("T")


@dataclass
class Condition:
    """One model in one condition: benchmark -> item -> goodness score (None = not graded)."""

    scores: dict[str, dict[str, float | None]]
    categories: dict[str, str] = field(default_factory=dict)
    chance: dict[str, float | None] = field(default_factory=dict)
    # benchmark -> item -> global cluster label (e.g. "bench/situation"); missing = the item is its own cluster.
    clusters: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def summary(self, benchmark: str, seed: int = 0) -> BenchmarkSummary:
        """Mean, CI and headroom flags of one benchmark."""
        items = self.scores.get(benchmark, {})
        ids = sorted(items)
        per = self.clusters.get(benchmark, {})
        return summarize(benchmark, [items[i] for i in ids], category=self.categories.get(benchmark, ""),
                         chance=self.chance.get(benchmark), seed=seed, clusters=[per.get(i) for i in ids])

    def by_category(self, benchmarks: Iterable[str] | None = None) -> dict[str, list[str]]:
        """category -> benchmarks (of ``benchmarks`` or all), sorted."""
        out: dict[str, list[str]] = {}
        for b in sorted(benchmarks if benchmarks is not None else self.scores):
            out.setdefault(self.categories.get(b, ""), []).append(b)
        return out


def headroom_reason(summary: BenchmarkSummary, side: Side) -> str | None:
    """Why a clean score leaves no room for the effect looked for (None when there is room).

    A drop needs the clean score above the floor and above chance; a gain also needs it below the ceiling.
    """
    if summary.n == 0:
        return "no items"
    if summary.floor:
        return "floor"
    if summary.at_chance:
        return "chance"
    if side == "help" and summary.ceiling:
        return "ceiling"
    return None


def retention(clean_mean: float, with_mean: float) -> float:
    """Share of the clean score kept under the condition (NaN when the clean score is 0)."""
    return with_mean / clean_mean if clean_mean > 0 else math.nan


@dataclass
class Effect:
    """A pooled mean paired difference with its cluster-bootstrap CI and two-sided p-value."""

    delta: float
    ci_low: float
    ci_high: float
    p_value: float
    n: int
    n_clusters: int
    mean_clean: float = math.nan
    mean_with: float = math.nan

    @property
    def retention(self) -> float:
        return retention(self.mean_clean, self.mean_with)

    def significant(self, alpha: float, direction: int) -> bool:
        """Significantly below (direction −1) or above (+1) zero at ``alpha``."""
        return self.p_value < alpha and direction * self.delta > 0


def _paired_items(conditions: Sequence[Condition], benchmarks: Iterable[str]) -> list[tuple[str, str]]:
    """(benchmark, item) pairs graded in every condition."""
    out = []
    for b in sorted(benchmarks):
        tables = [c.scores.get(b, {}) for c in conditions]
        shared = set(tables[0]).intersection(*tables[1:])
        out += [(b, i) for i in sorted(shared) if all(t[i] is not None for t in tables)]
    return out


def _effect(values: np.ndarray, labels: list[str], clean: float, with_: float, seed: int) -> Effect | None:
    if values.size == 0:
        return None
    lo, hi, p = paired_bootstrap(values, seed=seed, clusters=labels)
    return Effect(delta=float(values.mean()), ci_low=lo, ci_high=hi, p_value=p, n=int(values.size),
                  n_clusters=len(set(labels)), mean_clean=clean, mean_with=with_)


def _label(cond: Condition, b: str, i: str) -> str:
    # Labels are global (namespaced by the loader), so one item stacked under several personas stays one cluster.
    c = cond.clusters.get(b, {}).get(i)
    return c if c is not None else f"{b}#{i}"


def effect(clean: Condition, with_: Condition, benchmarks: Iterable[str], seed: int = 0) -> Effect | None:
    """One model's pooled per-item effect ``with − clean`` over the benchmarks' shared items (None: no items)."""
    items = _paired_items([clean, with_], benchmarks)
    c = np.asarray([clean.scores[b][i] for b, i in items], dtype=float)
    w = np.asarray([with_.scores[b][i] for b, i in items], dtype=float)
    return _effect(w - c, [_label(clean, b, i) for b, i in items], float(c.mean()) if c.size else math.nan,
                   float(w.mean()) if w.size else math.nan, seed)


def effect_difference(clean_a: Condition, with_a: Condition, clean_b: Condition, with_b: Condition,
                      benchmarks: Iterable[str], seed: int = 0) -> Effect | None:
    """``effect_B − effect_A`` paired over items all four conditions scored (positive: B lost less / gained more).

    ``mean_clean`` / ``mean_with`` of the result hold A's and B's mean effects on those items.
    """
    conds = [clean_a, with_a, clean_b, with_b]
    items = _paired_items(conds, benchmarks)
    ca, wa, cb, wb = (np.asarray([c.scores[b][i] for b, i in items], dtype=float) for c in conds)
    ea, eb = wa - ca, wb - cb
    return _effect(eb - ea, [_label(clean_a, b, i) for b, i in items], float(ea.mean()) if ea.size else math.nan,
                   float(eb.mean()) if eb.size else math.nan, seed)


def stack(parts: Sequence[tuple[str, Condition]]) -> Condition:
    """Several conditions side by side as one (benchmark keys become ``tag::benchmark``), to pool an effect over
    several personas; cluster labels are kept, so the same item under two personas stays one cluster."""
    out = Condition(scores={})
    for tag, cond in parts:
        for b, items in cond.scores.items():
            key = f"{tag}::{b}"
            out.scores[key] = dict(items)
            out.categories[key] = cond.categories.get(b, "")
            out.chance[key] = cond.chance.get(b)
            out.clusters[key] = {i: cond.clusters.get(b, {}).get(i) or f"{b}#{i}" for i in items}
    return out


def measurable(clean: Sequence[Condition], benchmarks: Iterable[str], side: Side,
               seed: int = 0) -> tuple[list[str], dict[str, str]]:
    """Split benchmarks into those with headroom in every model's clean condition and the rest (with reasons)."""
    keep, dropped = [], {}
    for b in sorted(benchmarks):
        reasons = []
        for tag, cond in zip("AB", clean, strict=False):
            why = headroom_reason(cond.summary(b, seed), side)
            if why:
                reasons.append(f"{tag} {why}" if len(clean) > 1 else why)
        if reasons:
            dropped[b] = ", ".join(reasons)
        else:
            keep.append(b)
    return keep, dropped


# ---------------------------------------------------------------------------------------------------------------
# Harm curves over fine-tuning checkpoints


def log_steps(steps: Sequence[int]) -> np.ndarray:
    """The x axis of a harm curve: ``log2(1 + step)`` (step 0 sits at 0)."""
    return np.log2(1.0 + np.asarray(steps, dtype=float))


def auhc(steps: Sequence[int], harm: Sequence[float]) -> float:
    """Area under the harm curve over log-steps, divided by the log-step range: the mean drop per log-step.

    Step 0 (the clean model, harm 0 by definition) is added when missing, so a harm that appears early counts
    for more than the same harm appearing late. NaN for fewer than two points.
    """
    pts = sorted(zip(steps, harm, strict=True))
    if not pts or pts[0][0] != 0:
        pts.insert(0, (0, 0.0))
    if len(pts) < 2:
        return math.nan
    x = log_steps([s for s, _ in pts])
    y = np.asarray([h for _, h in pts], dtype=float)
    area = float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))
    return area / float(x[-1] - x[0])


def auhc_ratio(auhc_a: float, auhc_b: float) -> float:
    """``AUHC_B / AUHC_A``: below 1 means B was harmed less. NaN when A was not harmed (AUHC_A ≤ 0)."""
    if not math.isfinite(auhc_a) or not math.isfinite(auhc_b) or auhc_a <= 0:
        return math.nan
    return auhc_b / auhc_a


def steps_to_compromise(steps: Sequence[int], drops: Sequence[float], threshold: float) -> int | None:
    """The first checkpoint whose drop exceeds ``threshold`` (None: never within the grid's steps)."""
    for s, d in sorted(zip(steps, drops, strict=True)):
        if math.isfinite(d) and d > threshold:
            return s
    return None


def worst_case(points: Sequence[T], harm: Callable[[T], float], order: Callable[[T], tuple[object, ...]]) -> T | None:
    """The point with the largest harm; ties go to the smallest ``order`` key (e.g. the earliest step), so the
    pick is deterministic. NaN harms are skipped; None when nothing is finite."""
    finite = [p for p in points if math.isfinite(harm(p))]
    if not finite:
        return None
    return min(finite, key=lambda p: (-harm(p), order(p)))


def mean_of(values: Mapping[str, float] | Sequence[float]) -> float:
    vals = list(values.values()) if isinstance(values, Mapping) else list(values)
    vals = [v for v in vals if math.isfinite(v)]
    return float(np.mean(vals)) if vals else math.nan
