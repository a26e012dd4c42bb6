"""Clustered statistics on simulated data whose truth is known: ICC, effective n, coverage, null p-values, BH, MDE.

The simulations mimic the built-in suite: ~110 items from 15 situations of unequal size, ICC 0.5. Counts are kept
modest (a few hundred data sets, a few hundred draws each) so the module runs in a few seconds; the bounds leave
room for that Monte Carlo noise while still failing for the item-level bootstrap.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy import stats as sps

from traitrl.results.stats import (
    bootstrap_ci,
    compare_benchmark,
    compare_runs,
    effective_n,
    format_p,
    icc_oneway,
    min_detectable_effect,
    paired_bootstrap,
    summarize,
)

ICC = 0.5


def _design(rng: np.random.Generator, n_clusters: int = 15) -> tuple[np.ndarray, list[str]]:
    """Cluster codes for ~110 items in situations of 3–11 items, and their string labels."""
    codes = np.repeat(np.arange(n_clusters), rng.integers(3, 12, size=n_clusters))
    return codes, [f"situation-{c}" for c in codes]


def _normal(rng: np.random.Generator, codes: np.ndarray, icc: float = ICC) -> np.ndarray:
    """Mean-0, variance-1 scores with the given ICC (cluster effect + item noise)."""
    g = int(codes.max()) + 1
    return rng.normal(0, math.sqrt(icc), g)[codes] + rng.normal(0, math.sqrt(1 - icc), codes.size)


def _binary(rng: np.random.Generator, codes: np.ndarray, p: float, icc: float = ICC) -> np.ndarray:
    """0/1 scores with mean p and ICC ``icc``: an item copies its situation's outcome with prob sqrt(icc)."""
    g = int(codes.max()) + 1
    situation = rng.random(g) < p
    copies = rng.random(codes.size) < math.sqrt(icc)
    return np.where(copies, situation[codes], rng.random(codes.size) < p).astype(float)


def _seed(rng: np.random.Generator) -> int:
    return int(rng.integers(1 << 31))


def test_icc_and_effective_n_recover_a_known_design() -> None:
    rng = np.random.default_rng(0)
    codes = np.repeat(np.arange(400), rng.integers(2, 15, size=400))  # unequal sizes exercise m0
    labels = [str(c) for c in codes]
    assert icc_oneway(_normal(rng, codes, 0.5), labels) == pytest.approx(0.5, abs=0.05)
    assert icc_oneway(_normal(rng, codes, 0.0), labels) == pytest.approx(0.0, abs=0.03)
    assert icc_oneway(_binary(rng, codes, 0.3, 0.7), labels) == pytest.approx(0.7, abs=0.05)
    # Singletons, one cluster or no variance: not estimable.
    assert math.isnan(icc_oneway([0.0, 1.0, 1.0]))
    assert math.isnan(icc_oneway([0.0, 1.0, 1.0], ["a", "a", "a"]))
    assert math.isnan(icc_oneway([1.0] * 4, ["a", "a", "b", "b"]))
    # Kish: 110 items in 15 clusters at ICC 0.5 -> 110 / (1 + (110/15 - 1) * 0.5).
    assert effective_n(110, 15, 0.5) == pytest.approx(110 / (1 + (110 / 15 - 1) * 0.5))
    assert effective_n(110, 110, 0.9) == 110  # singletons: no design effect
    assert effective_n(110, 15, math.nan) == pytest.approx(15)  # unknown ICC: the conservative end


def test_without_clusters_every_item_is_its_own_cluster() -> None:
    rng = np.random.default_rng(1)
    x = list(rng.binomial(1, 0.6, 120).astype(float))
    plain = summarize("b", x, seed=2)
    assert plain.n_clusters == 120 and plain.n_eff == 120 and math.isnan(plain.icc)
    assert plain.mde == pytest.approx(min_detectable_effect(plain.sd, 120))
    unique = summarize("b", x, seed=2, clusters=[f"id{i}" for i in range(120)])
    assert unique.n_eff == 120
    assert (unique.ci_low, unique.ci_high) == pytest.approx((plain.ci_low, plain.ci_high), abs=0.02)


def test_clusters_widen_the_ci_and_shrink_the_effective_n() -> None:
    rng = np.random.default_rng(2)
    codes, labels = _design(rng)
    x = list(_binary(rng, codes, 0.6))
    plain = summarize("b", x, seed=0)
    clustered = summarize("b", x, seed=0, clusters=labels)
    assert clustered.n_clusters == 15 and 0 < clustered.icc <= 1
    assert clustered.n_eff == pytest.approx(effective_n(len(x), 15, clustered.icc))
    assert clustered.n_eff < 0.6 * len(x)
    assert clustered.ci_high - clustered.ci_low > 1.4 * (plain.ci_high - plain.ci_low)
    assert clustered.mde == pytest.approx(min_detectable_effect(clustered.sd, clustered.n_eff))
    assert clustered.mde > plain.mde
    d = clustered.to_dict()
    assert d["n_clusters"] == 15 and d["n_eff"] == clustered.n_eff and d["flags"] == clustered.flags


def test_cluster_bootstrap_covers_the_truth_where_the_item_bootstrap_does_not() -> None:
    rng = np.random.default_rng(3)
    sims, p = 250, 0.6
    covered = {"item": 0, "cluster": 0}
    for _ in range(sims):
        codes, labels = _design(rng)
        x = _binary(rng, codes, p)
        for name, clusters in (("item", None), ("cluster", labels)):
            lo, hi = bootstrap_ci(x, seed=_seed(rng), n_boot=400, clusters=clusters)
            covered[name] += lo <= p <= hi
    item, cluster = covered["item"] / sims, covered["cluster"] / sims
    assert cluster >= 0.88, (item, cluster)
    assert item < cluster - 0.15 and item < 0.80, (item, cluster)


@pytest.mark.parametrize("kind", ["normal", "binary"])
def test_paired_p_values_are_uniform_under_a_clustered_null(kind: str) -> None:
    rng = np.random.default_rng(4 if kind == "normal" else 5)
    sims, n_boot = 500, 499
    clustered, naive = [], []
    for sim in range(sims):
        codes, labels = _design(rng)
        if kind == "normal":
            a = _normal(rng, codes)
            b = _normal(rng, codes)
        else:
            a, b = _binary(rng, codes, 0.6), _binary(rng, codes, 0.6)
        ids = [str(i) for i in range(codes.size)]
        r = compare_benchmark("x", dict(zip(ids, a, strict=True)), dict(zip(ids, b, strict=True)), seed=_seed(rng),
                              clusters=dict(zip(ids, labels, strict=True)), n_boot=n_boot)
        assert r is not None and r.n_clusters == 15
        clustered.append(r.p_value)
        if sim < 100:
            naive.append(paired_bootstrap(b - a, seed=_seed(rng), n_boot=199)[2])
    p = np.asarray(clustered)
    fpr = float(np.mean(p <= 0.05))
    assert 0.02 <= fpr <= 0.08, fpr
    assert sps.kstest(p, "uniform").pvalue > 0.01
    # The item-level test on the same data is badly anti-conservative: the check above has teeth.
    assert float(np.mean(np.asarray(naive) <= 0.05)) > 0.15


def test_benjamini_hochberg_holds_its_fdr_on_clustered_benchmarks() -> None:
    rng = np.random.default_rng(6)
    n_bench, n_alt, sims, alpha = 40, 12, 20, 0.05
    fdp, power = [], []
    for _ in range(sims):
        a, b, clusters = {}, {}, {}
        for j in range(n_bench):
            codes, labels = _design(rng)
            ids = [f"{j}-{i}" for i in range(codes.size)]
            base = _normal(rng, codes)
            # Alternatives: B better by 1.2 SD of the differences (~ the MDE at 15 clusters); nulls: no shift.
            diff = _normal(rng, codes) + (1.2 if j < n_alt else 0.0)
            a[f"b{j}"] = dict(zip(ids, base, strict=True))
            b[f"b{j}"] = dict(zip(ids, base + diff, strict=True))
            clusters[f"b{j}"] = dict(zip(ids, labels, strict=True))
        comp = compare_runs(a, b, clusters=clusters, seed=_seed(rng), n_boot=600, alpha=alpha)
        rejected = {r.benchmark for r in comp.results if r.significant}
        false = sum(int(name[1:]) >= n_alt for name in rejected)
        fdp.append(false / max(len(rejected), 1))
        power.append((len(rejected) - false) / n_alt)
    assert float(np.mean(fdp)) <= alpha + 0.02, np.mean(fdp)
    assert float(np.mean(power)) > 0.5  # the family does get discoveries, so the FDR bound is not vacuous


def test_mde_is_never_zero_when_two_runs_agree_on_every_item() -> None:
    rng = np.random.default_rng(7)
    codes, labels = _design(rng)
    ids = [str(i) for i in range(codes.size)]
    same = dict(zip(ids, _binary(rng, codes, 0.6), strict=True))
    by_id = dict(zip(ids, labels, strict=True))
    r = compare_benchmark("x", same, same, clusters=by_id)
    assert r is not None and r.delta == 0 and r.p_value == 1.0
    assert r.mde_fallback and 0 < r.mde < math.inf
    # The documented unpaired bound: pooled continuity-corrected mean, n_eff of the pooled scores.
    x = np.asarray(list(same.values()))
    pooled = (2 * x.sum() + 0.5) / (2 * x.size + 1)
    n_eff = effective_n(x.size, 15, icc_oneway(x, labels))
    assert r.mde == pytest.approx(min_detectable_effect(math.sqrt(2 * pooled * (1 - pooled)), n_eff))
    unclustered = compare_benchmark("x", same, same)
    assert unclustered is not None and unclustered.mde_fallback and 0 < unclustered.mde < r.mde
    ceiling = {k: 1.0 for k in ids}
    top = compare_benchmark("x", ceiling, ceiling, clusters=by_id)
    assert top is not None and top.mde_fallback and 0 < top.mde < math.inf and top.n_eff == 15
    # A comparison with variance uses it, on the effective n.
    other = dict(zip(ids, _binary(rng, codes, 0.6), strict=True))
    r2 = compare_benchmark("x", same, other, clusters=by_id)
    assert r2 is not None and not r2.mde_fallback
    d = np.asarray(list(other.values())) - x
    assert r2.mde == pytest.approx(min_detectable_effect(float(d.std(ddof=1)), r2.n_eff))


def test_p_value_bottoms_out_at_the_tests_resolution() -> None:
    rng = np.random.default_rng(8)
    codes, labels = _design(rng)
    ids = [str(i) for i in range(codes.size)]
    a = dict(zip(ids, np.zeros(codes.size), strict=True))
    b = dict(zip(ids, 0.8 + 0.1 * _normal(rng, codes), strict=True))
    # 15 situations, every one ahead: only the observed signs and their mirror image are as extreme (exact test).
    r = compare_benchmark("x", a, b, clusters=dict(zip(ids, labels, strict=True)), n_boot=999)
    assert r is not None and r.n_clusters == 15 and r.p_min == pytest.approx(2 / 2**15)
    assert r.p_value == pytest.approx(2 / 2**15) and r.p_text == "≤6.1e-05" and r.to_dict()["p_at_min"] is True
    # Items as their own clusters (more than 16): random sign patterns, never below 1 / (B + 1).
    r = compare_benchmark("x", a, b, n_boot=999)
    assert r is not None and r.p_min == pytest.approx(1 / 1000) and r.p_value == pytest.approx(1 / 1000)
    assert r.p_text == "≤0.001"
    # Five situations cannot reach 0.05 whatever the data: 2 of 32 patterns are always as extreme.
    small = {str(i): f"s{i % 5}" for i in range(20)}
    r = compare_benchmark("x", {k: 0.0 for k in small}, {k: 1.0 for k in small}, clusters=small)
    assert r is not None and r.p_value == pytest.approx(2 / 32) and r.p_value > 0.05
    assert format_p(0.0234, 1 / 2001) == "0.023" and format_p(1 / 2001, 1 / 2001) == "≤0.0005"


def test_a_single_cluster_leaves_the_uncertainty_unknown() -> None:
    x = [1.0, 0.0, 1.0, 1.0, 0.0, 1.0]
    s = summarize("one", x, chance=0.5, clusters=["same"] * len(x))
    assert s.n_clusters == 1 and s.n_eff == 1 and math.isnan(s.ci_low) and s.mde == math.inf
    assert s.flags == []  # no floor / ceiling / chance claim without a CI
    assert paired_bootstrap(x, clusters=["same"] * len(x))[2] == 1.0


def test_labels_follow_their_scores_and_mismatches_are_reported() -> None:
    s = summarize("x", [1.0, None, 0.0, 1.0, 0.0], clusters=["a", "b", "a", None, "c"])
    assert s.n == 4 and s.errors == 1 and s.n_clusters == 3  # "b" went with its None score; None is a singleton
    with pytest.raises(ValueError, match="x: 2 cluster labels for 3 scores"):
        summarize("x", [1.0, 0.0, 1.0], clusters=["a", "b"])


def test_compare_runs_passes_each_benchmark_its_clusters() -> None:
    rng = np.random.default_rng(9)
    codes, labels = _design(rng)
    ids = [str(i) for i in range(codes.size)]
    a = {n: dict(zip(ids, _binary(rng, codes, 0.5), strict=True)) for n in ("p", "q")}
    b = {n: dict(zip(ids, _binary(rng, codes, 0.6), strict=True)) for n in ("p", "q")}
    # Only "p" has labels, and one of its ids lacks one (it becomes its own cluster).
    partial = dict(zip(ids[1:], labels[1:], strict=True))
    refused = {n: {k: False for k in ids} for n in ("p", "q")}
    comp = compare_runs(a, b, clusters={"p": partial}, refused_a=refused, refused_b=refused, n_boot=300)
    by_name = {r.benchmark: r for r in comp.results}
    extra = 1 if sum(c == codes[0] for c in codes) > 1 else 0
    assert by_name["p"].n_clusters == 15 + extra
    assert by_name["q"].n_clusters == codes.size and by_name["q"].n_eff == codes.size
    assert comp.non_refused[0].n_clusters == by_name["p"].n_clusters
    row = comp.to_dict()["results"][0]
    assert {"n_clusters", "n_eff", "icc", "mde_fallback", "p_min", "p_at_min"} <= set(row)


def _t_by_hand(d: np.ndarray, labels: list[str], signs: dict[str, float]) -> float:
    """mean / cluster-robust SE of the data with each situation's differences multiplied by its sign."""
    x = np.array([v * signs[c] for v, c in zip(d, labels, strict=True)])
    groups = sorted(set(labels))
    mean = float(x.mean())
    resid = [sum(v - mean for v, c in zip(x, labels, strict=True) if c == g) for g in groups]
    se = math.sqrt(len(groups) / (len(groups) - 1) * sum(r * r for r in resid)) / len(x)
    return mean / se


def test_sign_flip_p_is_the_share_of_sign_patterns_at_least_as_extreme() -> None:
    rng = np.random.default_rng(11)
    labels = [f"s{i % 7}" for i in range(40)]
    d = rng.normal(0.3, 1.0, 40) + np.array([0.5 * (int(c[1:]) - 3) for c in labels])
    groups = sorted(set(labels))
    observed = abs(_t_by_hand(d, labels, dict.fromkeys(groups, 1.0)))
    ts = [abs(_t_by_hand(d, labels, dict(zip(groups, signs, strict=True))))
          for signs in itertools.product([1.0, -1.0], repeat=len(groups))]
    expected = sum(t >= observed * (1 - 1e-9) for t in ts) / len(ts)
    assert paired_bootstrap(d, clusters=labels)[2] == pytest.approx(expected)
    assert 0 < expected < 1


def test_a_gain_concentrated_in_one_situation_is_found_when_the_rest_lean_the_same_way() -> None:
    """Shaped like seed 3's held-out pair (stop 28): 14 situations of 18 replies, one gaining a lot, most a little.
    The bootstrap-t this test replaced gave p 0.073 on the real pair; every sign flip of it is a null."""
    gains = [0, 2, 1, 4, 1, 1, 1, 1, 1, 1, 2, -1, 1, 1]  # replies (of 18) that gained, per situation
    labels = [f"s{g}" for g in range(14) for _ in range(18)]
    d = np.array([(1.0 if i < k else 0.0) if k >= 0 else (-1.0 if i < -k else 0.0)
                  for k in gains for i in range(18)])
    lo, hi, p = paired_bootstrap(d, clusters=labels)
    assert lo > 0 and p < 0.01
    mixed = [k if g % 2 else -k for g, k in enumerate(gains)]  # the same sizes, half of them losses
    d2 = np.array([(1.0 if i < k else 0.0) if k >= 0 else (-1.0 if i < -k else 0.0)
                   for k in mixed for i in range(18)])
    assert paired_bootstrap(d2, clusters=labels)[2] > 0.3
