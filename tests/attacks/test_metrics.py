"""Persistence metrics on constructed score tables whose answers are known."""

from __future__ import annotations

import math

import pytest

from traitrl.attacks.metrics import (
    Condition,
    auhc,
    auhc_ratio,
    effect,
    effect_difference,
    headroom_reason,
    log_steps,
    measurable,
    retention,
    stack,
    steps_to_compromise,
    worst_case,
)
from traitrl.results.stats import summarize

from .builders import N, ones


def cond(**benches: tuple[str, float, list[float]]) -> Condition:
    c = Condition(scores={})
    for name, (cat, chance, scores) in benches.items():
        c.scores[name] = {f"i{i:03d}": s for i, s in enumerate(scores)}
        c.categories[name] = cat
        c.chance[name] = chance
    return c


def test_retention_and_effect() -> None:
    assert retention(0.5, 0.2) == pytest.approx(0.4)
    assert math.isnan(retention(0.0, 0.3))
    clean = cond(h=("health", 1 / 3, ones(48)))
    steered = cond(h=("health", 1 / 3, ones(12)))
    e = effect(clean, steered, ["h"])
    assert e is not None
    assert (e.mean_clean, e.mean_with) == pytest.approx((0.8, 0.2))
    assert e.retention == pytest.approx(0.25)  # the study's "kept" figure: 0.2 / 0.8
    assert e.delta == pytest.approx(-0.6) and e.significant(0.05, -1) and e.ci_high < 0
    assert effect(clean, steered, []) is None


def test_difference_between_models_is_paired_over_items() -> None:
    ca, wa = cond(h=("health", 1 / 3, ones(48))), cond(h=("health", 1 / 3, ones(12)))
    cb, wb = cond(h=("health", 1 / 3, ones(48))), cond(h=("health", 1 / 3, ones(42)))
    d = effect_difference(ca, wa, cb, wb, ["h"])
    assert d is not None
    assert d.delta == pytest.approx(0.5)  # B lost 0.1, A lost 0.6
    assert (d.mean_clean, d.mean_with) == pytest.approx((-0.6, -0.1))  # A's and B's effects
    assert d.ci_low > 0 and d.p_value < 0.01
    # An item scored by only some conditions drops out of the pairing.
    del wb.scores["h"]["i000"]
    assert effect_difference(ca, wa, cb, wb, ["h"]).n == N - 1  # type: ignore[union-attr]


def test_stacked_personas_share_item_clusters() -> None:
    a = cond(h=("health", 1 / 3, ones(30)))
    s = stack([("p1", a), ("p2", a)])
    assert sorted(s.scores) == ["p1::h", "p2::h"]
    assert s.clusters["p1::h"]["i000"] == s.clusters["p2::h"]["i000"]
    e = effect(s, stack([("p1", cond(h=("health", 1 / 3, ones(10)))), ("p2", a)]), ["p1::h", "p2::h"])
    assert e is not None and e.n == 2 * N and e.n_clusters == N


def test_headroom_floor_chance_ceiling() -> None:
    floor = summarize("f", [0.0] * 40, chance=1 / 3)
    chance = summarize("c", ones(20, 40), chance=0.5)
    top = summarize("t", [1.0] * 40, chance=1 / 3)
    fine = summarize("ok", ones(30, 40), chance=1 / 3)
    assert headroom_reason(floor, "harm") == "floor"
    assert headroom_reason(chance, "harm") == "chance"
    assert headroom_reason(top, "harm") is None and headroom_reason(top, "help") == "ceiling"
    assert headroom_reason(fine, "harm") is None and headroom_reason(fine, "help") is None
    a = cond(ok=("x", 1 / 3, ones(40)), low=("x", 1 / 3, [0.0] * N))
    b = cond(ok=("x", 1 / 3, ones(40)), low=("x", 1 / 3, ones(40)))
    keep, dropped = measurable([a, b], ["ok", "low"], "harm")
    assert keep == ["ok"] and dropped == {"low": "A floor"}


def test_auhc_over_log_steps() -> None:
    # Harm equal to log2(1 + step) rises linearly on the log axis: the mean over the range is half the end value.
    steps = [1, 3, 7]
    assert auhc(steps, list(log_steps(steps))) == pytest.approx(1.5)
    # A constant harm h from the first checkpoint on, measured at steps 1 and 3: trapezoids from step 0.
    assert auhc([1, 3], [0.2, 0.2]) == pytest.approx((0.5 * 0.2 * 1 + 0.2 * 1) / 2)
    assert auhc([0, 3], [0.0, 0.0]) == 0.0
    a = auhc([4, 12], [0.1, 0.3])
    b = auhc([4, 12], [0.05, 0.15])
    assert auhc_ratio(a, b) == pytest.approx(0.5)
    assert math.isnan(auhc_ratio(0.0, b)) and math.isnan(auhc_ratio(-0.1, b))


def test_steps_to_compromise() -> None:
    steps, drops = [1, 2, 4, 8], [0.02, 0.08, 0.15, 0.3]
    assert steps_to_compromise(steps, drops, 0.10) == 4
    assert steps_to_compromise(steps, drops, 0.15) == 8  # must exceed the threshold, not reach it
    assert steps_to_compromise(steps, drops, 0.5) is None
    assert steps_to_compromise(list(reversed(steps)), list(reversed(drops)), 0.10) == 4  # order-free


def test_worst_case_pick() -> None:
    pts = [("lr=1e-5", 12, 0.10), ("lr=1e-4", 4, 0.30), ("lr=1e-4", 12, 0.30), ("lr=3e-4", 12, math.nan)]
    w = worst_case(pts, lambda p: p[2], lambda p: (p[1], p[0]))
    assert w == ("lr=1e-4", 4, 0.30)  # largest harm; the tie goes to the earlier checkpoint; NaN skipped
    assert worst_case([("x", 1, math.nan)], lambda p: p[2], lambda p: (p[1],)) is None
