"""Statistics on synthetic data whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps

from traitrl.results.stats import (
    benjamini_hochberg,
    bootstrap_ci,
    compare_benchmark,
    compare_runs,
    expected_calibration_error,
    min_detectable_effect,
    paired_bootstrap,
    summarize,
)


def test_bootstrap_ci_covers_mean_and_is_seeded() -> None:
    x = np.random.default_rng(1).binomial(1, 0.6, size=200).astype(float)
    lo, hi = bootstrap_ci(x, seed=3)
    assert lo < x.mean() < hi
    # Roughly the normal-approximation width for a proportion.
    assert hi - lo == pytest.approx(2 * 1.96 * x.std() / math.sqrt(200), rel=0.2)
    assert bootstrap_ci(x, seed=3) == (lo, hi)


def test_mde_matches_formula_and_shrinks_with_n() -> None:
    assert min_detectable_effect(0.5, 100) == pytest.approx((1.959964 + 0.841621) * 0.5 / 10, rel=1e-5)
    assert min_detectable_effect(0.5, 400) == pytest.approx(min_detectable_effect(0.5, 100) / 2)


def test_summary_flags_floor_ceiling_and_chance() -> None:
    floor = summarize("f", [0.0] * 49 + [1.0], chance=0.5)
    assert floor.floor and not floor.ceiling and not floor.at_chance
    zero = summarize("z", [0.0] * 100, chance=0.5)
    assert zero.mde == pytest.approx(min_detectable_effect(0.5, 100))  # never "0 is detectable"
    ceiling = summarize("c", [1.0] * 60, chance=0.25)
    assert ceiling.ceiling and not ceiling.floor
    rng = np.random.default_rng(0)
    coin = summarize("k", list(rng.binomial(1, 0.5, 100).astype(float)), chance=0.5)
    assert coin.at_chance and coin.flags == ["chance"]
    good = summarize("g", list(rng.binomial(1, 0.85, 100).astype(float)), chance=0.5)
    assert good.flags == []


def test_summary_counts_errors_and_refusals() -> None:
    s = summarize("x", [1.0, None, 0.0, 1.0], refused=[True, None, False, False])
    assert s.n == 3 and s.errors == 1
    assert s.refusal_rate == pytest.approx(1 / 3)


def test_ece_known_values() -> None:
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0] * 4, [False] * 4) == pytest.approx(1.0)
    # Two bins: conf .25 with acc .5 and conf .75 with acc .5 -> ECE .25
    assert expected_calibration_error([0.25, 0.25, 0.75, 0.75], [True, False, True, False]) == pytest.approx(0.25)


def test_calibration_summary_reports_ece_and_brier() -> None:
    meta = [{"p_chosen": 0.9, "correct": True}, {"p_chosen": 0.9, "correct": False}]
    s = summarize("cal", [0.99, 0.19], calibration=meta)
    assert s.brier == pytest.approx(1 - 0.59)
    assert s.ece == pytest.approx(0.4)


def test_bh_matches_scipy() -> None:
    p = np.random.default_rng(4).uniform(0, 0.2, size=37)
    np.testing.assert_allclose(np.asarray(benjamini_hochberg(list(p))), sps.false_discovery_control(p, method="bh"))
    assert benjamini_hochberg([]) == []


def test_paired_bootstrap_detects_shift_and_not_null() -> None:
    rng = np.random.default_rng(5)
    shifted = rng.normal(0.1, 0.2, size=150)
    lo, hi, p = paired_bootstrap(shifted, seed=0)
    assert lo > 0 and p < 0.01
    null = rng.normal(0.0, 0.2, size=150)
    lo, hi, p = paired_bootstrap(null - null.mean(), seed=0)
    assert lo < 0 < hi and p > 0.5
    assert paired_bootstrap([0.0] * 10)[2] == 1.0


def test_compare_uses_only_shared_ids_and_direction() -> None:
    a = {"1": 0.0, "2": 0.0, "3": 1.0, "only_a": 1.0}
    b = {"1": 1.0, "2": 1.0, "3": 1.0, "only_b": 0.0}
    r = compare_benchmark("x", a, b)
    assert r is not None and r.n == 3 and r.delta == pytest.approx(2 / 3)
    flipped = compare_benchmark("x", a, b, higher_is_better=False)
    assert flipped is not None and flipped.delta == pytest.approx(-2 / 3)
    assert compare_benchmark("x", {"1": 1.0}, {"2": 1.0}) is None


def _run(rng: np.random.Generator, p: float, n: int = 200) -> dict[str, float | None]:
    return {str(i): float(v) for i, v in enumerate(rng.binomial(1, p, n))}


def test_compare_runs_headline_counts_gains_and_regressions() -> None:
    rng = np.random.default_rng(6)
    a = {f"b{i}": _run(rng, 0.5) for i in range(6)}
    b = {}
    for i in range(6):
        b[f"b{i}"] = {k: v for k, v in a[f"b{i}"].items()}
    # b0, b1: strong gains (flip most zeros to ones); b2: strong regression; others unchanged.
    for name in ("b0", "b1"):
        b[name] = {k: 1.0 if (v == 0.0 and int(k) % 5) else v for k, v in a[name].items()}
    b["b2"] = {k: 0.0 if (v == 1.0 and int(k) % 5) else v for k, v in a["b2"].items()}
    comp = compare_runs(a, b, categories={n: "cat" for n in a})
    assert comp.ahead == 2 and comp.significant == 2 and comp.regressions == 1
    assert comp.headline.startswith("ahead on 2 of 6; 2 significant after BH; 1 significant regressions")
    assert comp.category_means["cat"]["n_benchmarks"] == 6


def test_refusal_restricted_comparison_drops_refused_items() -> None:
    a = {"x": {"1": 1.0, "2": 1.0, "3": 0.0, "4": 1.0}}
    b = {"x": {"1": 0.0, "2": 1.0, "3": 1.0, "4": 1.0}}
    ra = {"x": {"1": False, "2": False, "3": False, "4": False}}
    rb = {"x": {"1": True, "2": False, "3": False, "4": None}}
    comp = compare_runs(a, b, refused_a=ra, refused_b=rb)
    assert comp.refusal_a == 0.0 and comp.refusal_b == pytest.approx(1 / 3)
    assert comp.results[0].n == 4 and comp.non_refused[0].n == 3
    assert comp.non_refused[0].delta == pytest.approx(1 / 3)
