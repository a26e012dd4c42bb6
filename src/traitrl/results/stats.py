"""Honest statistics for benchmark scores: cluster-bootstrap CIs and tests, effective n, detectable effects, BH.

All functions are pure (numpy/scipy, seeded) so they can be tested on synthetic data with known answers.

Why clusters. A benchmark's items are not independent: ~110 items typically come from ~15 situations (templates)
and items of one situation agree 70–86% of the time, so an item-level bootstrap treats ~20 effective observations
as ~110 and its nominal 95% CI covers the truth only about two times in three. Every function therefore takes
per-item cluster labels (the situation / template an item was written from). Without labels every item is its
own cluster and everything reduces to the ordinary item-level methods.

Resampling (one engine, :mod:`traitrl.results.resample`). Items are reduced to per-cluster totals ``S_g`` and
sizes ``m_g``; a bootstrap draw picks ``G`` clusters with replacement and keeps all items of each drawn cluster
together, so the resampled mean is ``Σ S / Σ m`` over the drawn clusters (the item mean of the resampled data
set). Paired comparisons resample clusters of per-item differences. A draw is a row of a ``B × G`` count matrix,
so 2,000 draws cost a few matrix products per benchmark.

CIs (:func:`bootstrap_ci`, both the per-benchmark and the paired one): percentile cluster bootstrap whose
deviations from the observed mean are scaled by ``sqrt(G/(G−1)) · t_{G−1, 0.975} / z_0.975`` (1.13 at 15
clusters, 1.02 for 110 singletons) and clipped to the observed range. The bootstrap variance of a mean of ``G``
clusters is short by ``(G−1)/G``, and with ~15 clusters its tails are t-like, not normal; unscaled, the 95% CI
covers ~92% at 15 clusters (scaled: ~94%). Percentile CIs stay sensible when the runs differ on a few items only, where a
bootstrap-t CI blows up to the whole range. With a single cluster nothing about between-cluster variation is
known: the CI is NaN (and the p-value 1, the MDE infinite).

Tests (:func:`paired_bootstrap`): a studentized cluster sign-flip (randomisation) test. If the two runs are
interchangeable, each situation's total difference ``S_g`` is as likely to be negative as positive, so the observed
totals are one of ``2^G`` equally likely sign patterns; for each pattern ``t = mean / se`` with the cluster-robust
standard error ``se = sqrt(G/(G−1) · Σ_g (S_g − mean · m_g)²) / N``, and the two-sided p-value is the share of
patterns with ``|t| ≥ |t_obs|`` — every pattern up to 16 clusters (exact), ``B`` random ones above that
(``(#{|t*| ≥ |t_obs|} + 1) / (B + 1)``). This is the wild cluster bootstrap with Rademacher weights and the null
imposed, evaluated exactly; it needs no assumption about the clusters' sizes, spreads or skew, only that under the
null a situation's difference is symmetric about zero. It replaced a pairs bootstrap-t (stop 28) after that test
was measured on nulls shaped like real comparisons: 14 held-out templates whose differences were given random
signs (truth: no effect). Where a trait arm's gain sat mostly in one template (seed 3 of the dose-90 pair), the
bootstrap-t rejected in 0 of 300 null data sets and found the observed effect in 45% of within-template resamples;
the sign-flip test rejected in 5.7% and found it in 86% (the centred percentile CI: 7.0% and 86%). On a null shaped
like seed 2's pair and on simulated normal clusters the three agreed (2.7–6.3% at 0.05; power at a diffuse shift
41–44%). The smallest p-value is ``2 / 2^G`` exactly (0.00012 at 14 clusters; 0.0625 at 5, where no test at 0.05
is possible), else ``1 / (B + 1)``; it is reported as ``p_min`` and shown as ``≤…`` by :func:`format_p`, never 0.
With 56 benchmarks BH's smallest threshold is 0.05 / 56 = 0.00089, so ``B`` must stay above ~1,100. The CI and
the test are different statistics, so near p = 0.05 they can disagree; significance is the p-value's (and BH's)
call.

Per benchmark (:func:`summarize`): mean, CI, ICC, effective n, MDE, and flags where the model sits at the floor
or ceiling (the CI touches 0 or 1) or at chance (the CI contains the chance level) — effects are only readable
where there is headroom. Calibration benchmarks also get ECE (10 equal-width bins of the chosen option's
probability) and the mean Brier score. Between two runs (:func:`compare_benchmark`, :func:`compare_runs`):
per-item paired differences ``d = B − A`` on the sample ids both runs scored (sign-flipped for benchmarks where
lower is better, so positive means B is better), CI, p-value, MDE; Benjamini–Hochberg across benchmarks; the
headline "ahead on X of N; Y significant after BH; Z significant regressions; mean Δ"; refusal rates of both
runs and the same comparison on items where neither run refused.

ICC and effective n. The ICC is the one-way ANOVA estimator ``(MSB − MSW) / (MSB + (m0 − 1) · MSW)`` with
``m0 = (N − Σ m_g² / N) / (G − 1)`` (the size-adjusted mean cluster size), clipped to [0, 1]; it is NaN when it
cannot be estimated (fewer than 2 clusters, no cluster with 2 items, or no variance at all). The effective n is
Kish's ``n_eff = n / (1 + (m̄ − 1) · ICC)`` with ``m̄ = n / G``; singletons give ``n_eff = n``, and an unknown ICC
is taken as 1, i.e. ``n_eff = G`` (the conservative end).

MDE. The smallest true mean shift a two-sided test at alpha 0.05 detects with power 0.8:
``(z_0.975 + z_0.8) · sd / sqrt(n_eff)`` with ``sd`` the item SD (of the scores, or of the paired differences) —
``sd² / n_eff`` is the clustered variance of the mean. A zero SD would claim any shift is detectable, so it is
never used; a finite, conservative number is reported instead of NaN so tables stay comparable, and
``mde_fallback`` marks it. A single run with no variance uses the SD of responding at chance (a Bernoulli at the
chance level, or 0.5), as before. A comparison whose differences are all equal (e.g. both runs agree on every
item) uses the unpaired bound: ``sd = sqrt(2 · p̃ · (1 − p̃))`` with ``p̃ = (Σ a + Σ b + 0.5) / (2n + 1)`` the
pooled, continuity-corrected mean — each run given the variance of a Bernoulli at that mean (the largest a score
in [0, 1] with that mean can have) and the pairing assumed to buy nothing — on the effective n of the per-item
mean scores ``(a + b) / 2`` (``G`` if their ICC is not estimable, e.g. both runs at the ceiling). The reported
``icc`` is then NaN (the differences have none).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from traitrl.results.resample import (
    FLOAT_TOL,
    N_BOOT,
    ClusterLabels,
    bootstrap_ci,
    cluster_codes,
    crossed_bootstrap,
    effective_n,
    format_p,
    icc_of_codes,
    icc_oneway,
    min_detectable_effect,
    paired_bootstrap,
    sign_flip_p_min,
)

__all__ = [
    "N_BOOT", "BenchmarkSummary", "ClusterLabels", "Comparison", "PairedResult", "benjamini_hochberg", "bootstrap_ci",
    "cluster_codes", "compare_benchmark", "compare_runs", "effective_n", "expected_calibration_error", "format_p",
    "headline_of", "icc_oneway", "min_detectable_effect", "paired_bootstrap", "refusal_rate", "summarize",
]


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


# ---------------------------------------------------------------------------------------------------------------
# One run


@dataclass
class BenchmarkSummary:
    """Per-benchmark result with its uncertainty, clustering and headroom flags."""

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
    n_clusters: int = 0
    icc: float = math.nan
    n_eff: float = 0.0
    mde_fallback: bool = False

    @property
    def flags(self) -> list[str]:
        return [name for name, on in (("floor", self.floor), ("ceiling", self.ceiling), ("chance", self.at_chance)) if on]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "flags": self.flags}


def summarize(
    benchmark: str,
    scores: Sequence[float | None],
    category: str = "",
    chance: float | None = None,
    refused: Sequence[bool | None] | None = None,
    calibration: Sequence[Mapping[str, Any]] | None = None,
    seed: int = 0,
    eps: float = 1e-9,
    clusters: ClusterLabels | None = None,
    n_boot: int = N_BOOT,
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
        clusters: Per-item cluster labels aligned with ``scores`` (situation / template); None, or a None label,
            makes an item its own cluster.
        n_boot: Number of bootstrap draws.
    """
    if clusters is not None and len(clusters) != len(scores):
        raise ValueError(f"{benchmark}: {len(clusters)} cluster labels for {len(scores)} scores")
    kept = [i for i, s in enumerate(scores) if s is not None]
    x = np.asarray([scores[i] for i in kept], dtype=float)
    labels = None if clusters is None else [clusters[i] for i in kept]
    errors = len(scores) - x.size
    flags_known = [r for r in (refused or []) if r is not None]
    refusal = float(np.mean(flags_known)) if flags_known else None
    if x.size == 0:
        return BenchmarkSummary(benchmark, category, 0, math.nan, math.nan, math.nan, math.nan, math.inf, chance,
                                False, False, False, errors, refusal)
    codes = cluster_codes(x.size, labels)
    n_clusters = int(codes.max()) + 1
    icc = icc_of_codes(x, codes)
    n_eff = effective_n(int(x.size), n_clusters, icc)
    lo, hi = bootstrap_ci(x, seed=seed, n_boot=n_boot, clusters=labels)
    sd = float(x.std(ddof=1)) if x.size > 1 else 0.0
    # With every item scored alike the sample SD is 0 and would claim any shift is detectable; use the SD of
    # chance-level responding instead (a Bernoulli at the chance level, or at 0.5 when chance is unknown).
    c = chance if chance is not None and 0 < chance < 1 else 0.5
    fallback = sd <= FLOAT_TOL
    sd_mde = math.sqrt(c * (1 - c)) if fallback else sd
    ece = brier = None
    if calibration:
        meta = [m for m in calibration if "p_chosen" in m and "correct" in m]
        if meta:
            ece = expected_calibration_error([m["p_chosen"] for m in meta], [bool(m["correct"]) for m in meta])
        brier = float(1 - x.mean())  # calibration scores are 1 - (halved multi-class) Brier
    known = not math.isnan(lo)
    return BenchmarkSummary(
        benchmark=benchmark, category=category, n=int(x.size), mean=float(x.mean()), ci_low=lo, ci_high=hi, sd=sd,
        mde=min_detectable_effect(sd_mde, n_eff), chance=chance, floor=known and lo <= eps,
        ceiling=known and hi >= 1 - eps, at_chance=known and chance is not None and lo - eps <= chance <= hi + eps,
        errors=errors, refusal_rate=refusal, ece=ece, brier=brier, n_clusters=n_clusters, icc=icc, n_eff=n_eff,
        mde_fallback=fallback,
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


# ---------------------------------------------------------------------------------------------------------------
# Two runs


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
    n_clusters: int = 0
    icc: float = math.nan
    n_eff: float = 0.0
    mde_fallback: bool = False
    p_min: float = 1 / (N_BOOT + 1)

    @property
    def p_text(self) -> str:
        """The p-value as a table shows it (``≤0.0005`` at the resolution limit)."""
        return format_p(self.p_value, self.p_min)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "p_at_min": self.p_value <= self.p_min * (1 + 1e-9)}


def compare_benchmark(
    benchmark: str,
    scores_a: Mapping[str, float | None],
    scores_b: Mapping[str, float | None],
    category: str = "",
    higher_is_better: bool = True,
    seed: int = 0,
    clusters: Mapping[str, str | None] | None = None,
    n_boot: int = N_BOOT,
    seeds: Mapping[str, str] | None = None,
) -> PairedResult | None:
    """Paired comparison on the sample ids both runs graded; None if they share none.

    Args:
        benchmark: Benchmark name.
        scores_a: Sample id -> score of run A (None = not graded).
        scores_b: Sample id -> score of run B.
        category: Benchmark category (carried through).
        higher_is_better: False flips the sign so a positive Δ still means B is better.
        seed: Bootstrap seed.
        clusters: Sample id -> cluster label; ids without a label are their own cluster.
        n_boot: Number of bootstrap draws.
        seeds: Sample id -> training seed, when the ids pool several seeds' runs of one arm. With two or more seeds
            the CI and p resample seeds and situations as crossed factors (:func:`crossed_bootstrap`), so they
            speak for the training recipe rather than for the seeds that happened to be run.
    """
    ids = sorted(k for k in scores_a if k in scores_b and scores_a[k] is not None and scores_b[k] is not None)
    if not ids:
        return None
    a = np.asarray([scores_a[k] for k in ids], dtype=float)
    b = np.asarray([scores_b[k] for k in ids], dtype=float)
    labels = None if clusters is None else [clusters.get(k) for k in ids]
    sign = 1.0 if higher_is_better else -1.0
    d = sign * (b - a)
    p_floor = 1 / (n_boot + 1)
    pooled_seeds = seeds is not None and len({seeds[k] for k in ids}) >= 2
    if seeds is not None and pooled_seeds:
        lo, hi, p = crossed_bootstrap(d, [seeds[k] for k in ids], labels or [None] * len(ids), seed=seed,
                                      n_boot=n_boot)
    else:
        lo, hi, p = paired_bootstrap(d, seed=seed, n_boot=n_boot, clusters=labels)
    codes = cluster_codes(d.size, labels)
    n_clusters = int(codes.max()) + 1
    sd = float(d.std(ddof=1)) if d.size > 1 else 0.0
    icc = icc_of_codes(d, codes)
    fallback = sd <= FLOAT_TOL
    if fallback:
        # No variance in the differences: the unpaired bound (see the module docstring).
        pooled = (float(a.sum() + b.sum()) + 0.5) / (2 * d.size + 1)
        sd = math.sqrt(2 * pooled * (1 - pooled))
        n_eff = effective_n(d.size, n_clusters, icc_of_codes((a + b) / 2, codes))
    else:
        n_eff = effective_n(d.size, n_clusters, icc)
    return PairedResult(benchmark=benchmark, category=category, n=len(ids), mean_a=float(a.mean()),
                        mean_b=float(b.mean()), delta=float(d.mean()), ci_low=lo, ci_high=hi, p_value=p,
                        mde=min_detectable_effect(sd, n_eff), n_clusters=n_clusters, icc=icc, n_eff=n_eff,
                        mde_fallback=fallback,
                        p_min=p_floor if pooled_seeds else sign_flip_p_min(n_clusters, n_boot))


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
    # The same paired comparison on contrast-shift scores (traitrl.results.shift), a separate BH family; None
    # when neither run has contrast sets with stored option scores.
    shift: Comparison | None = None

    @property
    def headline(self) -> str:
        return headline_of(self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "ahead": self.ahead, "n": len(self.results),
                "significant": self.significant, "regressions": self.regressions, "mean_delta": self.mean_delta,
                "alpha": self.alpha, "refusal_a": self.refusal_a, "refusal_b": self.refusal_b,
                "results": [r.to_dict() for r in self.results],
                "non_refused": [r.to_dict() for r in self.non_refused],
                "category_means": self.category_means,
                "shift": self.shift.to_dict() if self.shift is not None else None}


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
    clusters: Mapping[str, Mapping[str, str | None]] | None = None,
    n_boot: int = N_BOOT,
) -> Comparison:
    """Compare two runs benchmark by benchmark (``{benchmark: {sample_id: score}}``), BH across benchmarks.

    Args:
        a: Run A's scores, benchmark -> sample id -> score.
        b: Run B's scores, same layout.
        categories: Benchmark -> category.
        higher_is_better: Benchmark -> direction (default True).
        refused_a: Benchmark -> sample id -> refusal flag of run A; with ``refused_b`` the comparison is
            repeated on items where neither run refused, and both runs' refusal rates (over items with a flag)
            are reported.
        refused_b: Same for run B.
        alpha: BH false discovery rate.
        seed: Bootstrap seed.
        clusters: Benchmark -> sample id -> cluster label (situation / template). A benchmark or sample id
            without a label is treated as its own cluster(s).
        n_boot: Bootstrap draws per benchmark; the smallest reportable p-value is ``1 / (n_boot + 1)``.
    """
    categories = categories or {}
    hib = higher_is_better or {}
    cl = clusters or {}
    results = []
    for name in sorted(set(a) & set(b)):
        r = compare_benchmark(name, a[name], b[name], categories.get(name, ""), hib.get(name, True), seed=seed,
                              clusters=cl.get(name), n_boot=n_boot)
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
                                  hib.get(name, True), seed=seed, clusters=cl.get(name), n_boot=n_boot)
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
    if not results:
        return "no benchmark has items both runs scored"
    ahead = sum(r.delta > 0 for r in results)
    sig = sum(r.significant and r.delta > 0 for r in results)
    reg = sum(r.significant and r.delta < 0 for r in results)
    mean = float(np.mean([r.delta for r in results])) if results else math.nan
    return (f"ahead on {ahead} of {len(results)}; {sig} significant after BH; {reg} significant regressions; "
            f"mean Δ = {mean * 100:+.1f} pp")


def ci_excludes_zero_unflagged(results: Sequence[PairedResult]) -> list[str]:
    """Benchmarks whose 95% CI excludes 0 although they are not significant.

    Two reasons, both by design: a benchmark's CI is not corrected for the other benchmarks compared with it (BH
    adjusts the p-values), and the percentile CI and the sign-flip p are different statistics, which with few clusters
    can disagree near zero. Reports say so next to such rows, so that a CI just clear of zero is not read as a
    finding.
    """
    return [r.benchmark for r in results
            if not r.significant and math.isfinite(r.ci_low) and math.isfinite(r.ci_high)
            and (r.ci_low > 0 or r.ci_high < 0)]
