"""Honest statistics for benchmark scores: bootstrap CIs, detectable effects, paired comparisons, BH.

All functions are pure (numpy/scipy, seeded) so they can be tested on synthetic data with known answers.

Per benchmark (:func:`summarize`): mean, percentile bootstrap 95% CI, the minimum detectable effect at the
item count (two-sided alpha 0.05, power 0.8, from the item SD), and flags where the model sits at the floor or
ceiling (the CI touches 0 or 1) or at chance (the CI contains the chance level) — effects are only readable
where there is headroom. Calibration benchmarks also get ECE (10 equal-width bins of the chosen option's
probability) and the mean Brier score.

Between two runs (:func:`compare_benchmark`, :func:`compare_runs`): per-item paired differences on the sample
ids both runs scored, a paired bootstrap CI, and a two-sided bootstrap p-value (resampling the centred
differences, i.e. under the null of no mean difference); Benjamini–Hochberg across benchmarks; the headline
"ahead on X of N; Y significant after BH; Z significant regressions; mean Δ"; refusal rates of both runs and the
same comparison on items where neither run refused. Δ is always B − A, sign-flipped for benchmarks where lower
is better, so positive means B is better.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps

N_BOOT = 2000


def bootstrap_ci(values: ArrayLike, seed: int = 0, n_boot: int = N_BOOT, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap CI of the mean."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return (math.nan, math.nan)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail])
    return (float(lo), float(hi))


def min_detectable_effect(sd: float, n: int, alpha: float = 0.05, power: float = 0.8) -> float:
    """Smallest true mean shift a two-sided z-test on ``n`` items with this SD detects with this power."""
    if n < 2:
        return math.inf
    z = sps.norm.ppf(1 - alpha / 2) + sps.norm.ppf(power)
    return float(z * sd / math.sqrt(n))


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: the item-weighted mean |accuracy − confidence| over equal-width confidence bins."""
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=float)
    if conf.size == 0:
        return math.nan
    # Bin i holds (i/bins, (i+1)/bins]; confidence 0 falls in the first bin.
    idx = np.clip(np.ceil(conf * bins).astype(int) - 1, 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            ece += m.sum() / conf.size * abs(ok[m].mean() - conf[m].mean())
    return float(ece)


@dataclass
class BenchmarkSummary:
    """Per-benchmark result with its uncertainty and headroom flags."""

    benchmark: str
    category: str
    n: int
    mean: float
    ci_low: float
    ci_high: float
    sd: float
    mde: float
    chance: float | None
    floor: bool
    ceiling: bool
    at_chance: bool
    errors: int = 0
    refusal_rate: float | None = None
    ece: float | None = None
    brier: float | None = None

    @property
    def flags(self) -> list[str]:
        return [name for name, on in (("floor", self.floor), ("ceiling", self.ceiling), ("chance", self.at_chance)) if on]


def summarize(
    benchmark: str,
    scores: Sequence[float | None],
    category: str = "",
    chance: float | None = None,
    refused: Sequence[bool | None] | None = None,
    calibration: Sequence[Mapping[str, Any]] | None = None,
    seed: int = 0,
    eps: float = 1e-9,
) -> BenchmarkSummary:
    """Summarise one benchmark's per-item scores (None = could not be graded, counted in ``errors``).

    Args:
        benchmark: Benchmark name.
        scores: Per-item scores in [0, 1].
        category: Benchmark category (carried through for grouping).
        chance: The benchmark's chance level, for the at-chance flag.
        refused: Per-item refusal flags (None where not applicable).
        calibration: Per-item grade metadata with ``p_chosen`` and ``correct`` (calibration benchmarks).
        seed: Bootstrap seed.
        eps: Tolerance for "the CI touches 0 or 1".
    """
    x = np.asarray([s for s in scores if s is not None], dtype=float)
    errors = len(scores) - x.size
    flags_known = [r for r in (refused or []) if r is not None]
    refusal = float(np.mean(flags_known)) if flags_known else None
    if x.size == 0:
        return BenchmarkSummary(benchmark, category, 0, math.nan, math.nan, math.nan, math.nan, math.inf, chance,
                                False, False, False, errors, refusal)
    lo, hi = bootstrap_ci(x, seed=seed)
    sd = float(x.std(ddof=1)) if x.size > 1 else 0.0
    # With every item scored alike the sample SD is 0 and would claim any shift is detectable; use the SD of
    # chance-level responding instead (a Bernoulli at the chance level, or at 0.5 when chance is unknown).
    c = chance if chance is not None and 0 < chance < 1 else 0.5
    sd_mde = sd if sd > 0 else math.sqrt(c * (1 - c))
    ece = brier = None
    if calibration:
        meta = [m for m in calibration if "p_chosen" in m and "correct" in m]
        if meta:
            ece = expected_calibration_error([m["p_chosen"] for m in meta], [bool(m["correct"]) for m in meta])
        brier = float(1 - x.mean())  # calibration scores are 1 - (halved multi-class) Brier
    return BenchmarkSummary(
        benchmark=benchmark, category=category, n=int(x.size), mean=float(x.mean()), ci_low=lo, ci_high=hi, sd=sd,
        mde=min_detectable_effect(sd_mde, int(x.size)), chance=chance, floor=lo <= eps, ceiling=hi >= 1 - eps,
        at_chance=chance is not None and lo - eps <= chance <= hi + eps, errors=errors, refusal_rate=refusal,
        ece=ece, brier=brier,
    )


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """BH-adjusted p-values (same as ``scipy.stats.false_discovery_control(p, method='bh')``)."""
    p = np.asarray(pvalues, dtype=float)
    n = p.size
    if n == 0:
        return []
    order = np.argsort(p)
    ranked = p[order] * n / np.arange(1, n + 1)
    # Enforce monotonicity from the largest p downwards, then undo the sort.
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(adjusted, 1.0)
    return [float(v) for v in out]


@dataclass
class PairedResult:
    """B − A on one benchmark over shared items (sign-flipped when lower is better)."""

    benchmark: str
    category: str
    n: int
    mean_a: float
    mean_b: float
    delta: float
    ci_low: float
    ci_high: float
    p_value: float
    mde: float
    p_adjusted: float = math.nan
    significant: bool = False


def paired_bootstrap(
    diffs: ArrayLike, seed: int = 0, n_boot: int = N_BOOT
) -> tuple[float, float, float]:
    """Percentile CI of the mean paired difference and a two-sided bootstrap p-value.

    The p-value resamples the centred differences (the null of zero mean difference) and counts how often the
    resampled mean is at least as far from zero as the observed one, with the usual +1 correction.
    """
    d = np.asarray(diffs, dtype=float)
    if d.size == 0:
        return (math.nan, math.nan, 1.0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, d.size, size=(n_boot, d.size))
    boot = d[idx].mean(axis=1)
    lo, hi = np.percentile(boot, [2.5, 97.5])
    observed = d.mean()
    null = boot - observed
    # Ties at |null| == |observed| count as extreme; the tolerance absorbs float noise.
    extreme = np.sum(np.abs(null) >= abs(observed) - 1e-12)
    p = (extreme + 1) / (n_boot + 1)
    return (float(lo), float(hi), float(min(p, 1.0)))


def compare_benchmark(
    benchmark: str,
    scores_a: Mapping[str, float | None],
    scores_b: Mapping[str, float | None],
    category: str = "",
    higher_is_better: bool = True,
    seed: int = 0,
) -> PairedResult | None:
    """Paired comparison on the sample ids both runs graded; None if they share none."""
    ids = sorted(k for k in scores_a if k in scores_b and scores_a[k] is not None and scores_b[k] is not None)
    if not ids:
        return None
    a = np.asarray([scores_a[k] for k in ids], dtype=float)
    b = np.asarray([scores_b[k] for k in ids], dtype=float)
    sign = 1.0 if higher_is_better else -1.0
    d = sign * (b - a)
    lo, hi, p = paired_bootstrap(d, seed=seed)
    sd = float(d.std(ddof=1)) if d.size > 1 else 0.0
    return PairedResult(benchmark=benchmark, category=category, n=len(ids), mean_a=float(a.mean()),
                        mean_b=float(b.mean()), delta=float(d.mean()), ci_low=lo, ci_high=hi, p_value=p,
                        mde=min_detectable_effect(sd, len(ids)))


@dataclass
class Comparison:
    """The full A-vs-B table with its headline."""

    results: list[PairedResult]
    ahead: int
    significant: int
    regressions: int
    mean_delta: float
    alpha: float = 0.05
    refusal_a: float | None = None
    refusal_b: float | None = None
    non_refused: list[PairedResult] = field(default_factory=list)
    category_means: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def headline(self) -> str:
        return headline_of(self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "ahead": self.ahead, "n": len(self.results),
                "significant": self.significant, "regressions": self.regressions, "mean_delta": self.mean_delta,
                "alpha": self.alpha, "refusal_a": self.refusal_a, "refusal_b": self.refusal_b,
                "results": [asdict(r) for r in self.results],
                "non_refused": [asdict(r) for r in self.non_refused],
                "category_means": self.category_means}


def _adjust(results: list[PairedResult], alpha: float) -> None:
    adj = benjamini_hochberg([r.p_value for r in results])
    for r, q in zip(results, adj, strict=True):
        r.p_adjusted = q
        r.significant = q < alpha


def compare_runs(
    a: Mapping[str, Mapping[str, float | None]],
    b: Mapping[str, Mapping[str, float | None]],
    categories: Mapping[str, str] | None = None,
    higher_is_better: Mapping[str, bool] | None = None,
    refused_a: Mapping[str, Mapping[str, bool | None]] | None = None,
    refused_b: Mapping[str, Mapping[str, bool | None]] | None = None,
    alpha: float = 0.05,
    seed: int = 0,
) -> Comparison:
    """Compare two runs benchmark by benchmark (``{benchmark: {sample_id: score}}``), BH across benchmarks.

    ``refused_*`` map benchmark -> sample id -> refusal flag; with them the comparison is repeated on items
    where neither run refused, and the refusal rates of both runs (over items with a flag) are reported.
    """
    categories = categories or {}
    hib = higher_is_better or {}
    results = []
    for name in sorted(set(a) & set(b)):
        r = compare_benchmark(name, a[name], b[name], categories.get(name, ""), hib.get(name, True), seed=seed)
        if r is not None:
            results.append(r)
    _adjust(results, alpha)
    comp = Comparison(
        results=results, ahead=sum(r.delta > 0 for r in results),
        significant=sum(r.significant and r.delta > 0 for r in results),
        regressions=sum(r.significant and r.delta < 0 for r in results),
        mean_delta=float(np.mean([r.delta for r in results])) if results else math.nan, alpha=alpha,
    )
    cats: dict[str, list[PairedResult]] = {}
    for r in results:
        cats.setdefault(r.category, []).append(r)
    comp.category_means = {c: {"a": float(np.mean([r.mean_a for r in rs])), "b": float(np.mean([r.mean_b for r in rs])),
                               "delta": float(np.mean([r.delta for r in rs])), "n_benchmarks": len(rs)}
                           for c, rs in sorted(cats.items())}
    if refused_a is not None and refused_b is not None:
        comp.refusal_a = refusal_rate(refused_a)
        comp.refusal_b = refusal_rate(refused_b)
        kept = []
        # Items where either run refused are dropped; items without a flag (option scoring) stay.
        for name in sorted(set(a) & set(b)):
            ra, rb = refused_a.get(name, {}), refused_b.get(name, {})
            keep = [k for k in a[name] if not ra.get(k) and not rb.get(k)]
            r = compare_benchmark(name, {k: a[name][k] for k in keep}, b[name], categories.get(name, ""),
                                  hib.get(name, True), seed=seed)
            if r is not None:
                kept.append(r)
        _adjust(kept, alpha)
        comp.non_refused = kept
    return comp


def refusal_rate(refused: Mapping[str, Mapping[str, bool | None]]) -> float | None:
    """Share of refused items among items that carry a refusal flag, over all benchmarks."""
    flags = [bool(v) for per in refused.values() for v in per.values() if v is not None]
    return float(np.mean(flags)) if flags else None


def headline_of(results: Sequence[PairedResult]) -> str:
    """The X-of-N sentence for an already adjusted list of results."""
    ahead = sum(r.delta > 0 for r in results)
    sig = sum(r.significant and r.delta > 0 for r in results)
    reg = sum(r.significant and r.delta < 0 for r in results)
    mean = float(np.mean([r.delta for r in results])) if results else math.nan
    return (f"ahead on {ahead} of {len(results)}; {sig} significant after BH; {reg} significant regressions; "
            f"mean Δ = {mean * 100:+.1f} pp")
