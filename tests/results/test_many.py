"""Arms over seeds (``compare_many``): how items from one situation are pooled across seeds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from traitrl.results.stats import compare_benchmark
from traitrl.results.store import RunRecord, SampleRow, Store
from traitrl.results.summary import compare_many

SITUATIONS, PER = 8, 5  # 40 items in 8 situations


def _put(store: Store, run_id: str, scores: list[float], clustered: bool = True) -> str:
    store.create_run(RunRecord(run_id=run_id, model=run_id, started_at="2026-01-01T00:00:00",
                               benchmarks={"toy": {"category": "trait", "chance": 0.0, "higher_is_better": True,
                                                   "version": "v1", "status": "done"}},
                               finished_at="2026-01-01T00:01:00"))
    store.record_samples(
        SampleRow(run_id=run_id, benchmark="toy", sample_id=f"i{i:02d}", version="v1", score=s, refused=None,
                  grade={}, outputs=[], seconds=0.0,
                  metadata={"cluster": f"sit{i // PER}"} if clustered else {})
        for i, s in enumerate(scores))
    return run_id


def _scores(seed: int) -> tuple[list[float], list[float]]:
    """Baseline and arm scores where the arm's gain depends on the situation, the same way under every seed."""
    rng = np.random.default_rng(seed)
    gain = [0.6, -0.4, 0.5, 0.0, 0.7, -0.3, 0.4, 0.1]
    base = rng.uniform(0.1, 0.3, SITUATIONS * PER)
    arm = [min(1.0, max(0.0, b + gain[i // PER] + rng.normal(0, 0.05))) for i, b in enumerate(base)]
    return [float(b) for b in base], arm


def test_a_situation_under_two_seeds_is_one_cluster(tmp_path: Path) -> None:
    with Store(tmp_path / "r.sqlite") as store:
        base, arms = {}, {}
        for seed in (0, 1):
            a, b = _scores(seed)
            base[str(seed)] = _put(store, f"base-s{seed}", a)
            arms[str(seed)] = _put(store, f"arm-s{seed}", b)
        many = compare_many(store, base, {"arm": arms})
        [res] = many.arms[0].results
        assert res.n == 2 * SITUATIONS * PER and res.n_clusters == SITUATIONS
        # The same pooled differences resampled as one cluster per (seed, situation) give a narrower interval:
        # that is the overconfidence the shared labels avoid.
        pooled_a = {f"{s}/i{i:02d}": v for s in "01" for i, v in enumerate(_scores(int(s))[0])}
        pooled_b = {f"{s}/i{i:02d}": v for s in "01" for i, v in enumerate(_scores(int(s))[1])}
        per_seed = compare_benchmark("toy", pooled_a, pooled_b,
                                     clusters={k: f"{k[0]}/sit{int(k[3:]) // PER}" for k in pooled_a})
        assert per_seed is not None and per_seed.n_clusters == 2 * SITUATIONS
        assert res.delta == pytest.approx(per_seed.delta)
        assert res.ci_high - res.ci_low > 1.2 * (per_seed.ci_high - per_seed.ci_low)
        assert set(many.arms[0].seed_deltas["toy"]) == {"0", "1"}


def test_an_unclustered_item_pairs_with_itself_across_seeds(tmp_path: Path) -> None:
    with Store(tmp_path / "r.sqlite") as store:
        base = {s: _put(store, f"base-s{s}", _scores(int(s))[0], clustered=False) for s in "01"}
        arm = {s: _put(store, f"arm-s{s}", _scores(int(s))[1], clustered=False) for s in "01"}
        [res] = compare_many(store, base, {"arm": arm}).arms[0].results
        assert res.n == 2 * SITUATIONS * PER and res.n_clusters == SITUATIONS * PER


def test_the_pooled_ci_speaks_for_the_recipe_not_for_the_seeds_that_were_run(tmp_path: Path) -> None:
    # Three seeds whose arms move every item by +12, -8 and +10 points: a recipe whose effect depends on the seed.
    # Pooled as if the seeds were fixed, the items alone give a tight interval above zero; with seeds resampled as
    # a random factor (as the study's claim needs), zero stays inside.
    rng = np.random.default_rng(0)
    shifts = {"0": 0.12, "1": -0.08, "2": 0.10}
    with Store(tmp_path / "r.sqlite") as store:
        base, arms = {}, {}
        for s, shift in shifts.items():
            a = [float(x) for x in rng.uniform(0.2, 0.6, SITUATIONS * PER)]
            b = [min(1.0, max(0.0, x + shift + rng.normal(0, 0.02))) for x in a]
            base[s], arms[s] = _put(store, f"base-s{s}", a), _put(store, f"arm-s{s}", b)
        many = compare_many(store, base, {"arm": arms})
        [res] = many.arms[0].results
        fixed = compare_benchmark("toy", *_pooled(store, base, arms))
    assert fixed is not None and fixed.ci_low > 0  # the seeds-as-fixed interval: confident, and wrong to quote
    assert res.delta == pytest.approx(fixed.delta)
    assert res.ci_low < 0 < res.ci_high and res.p_value > 0.05
    assert res.ci_high - res.ci_low > 3 * (fixed.ci_high - fixed.ci_low)


def test_two_seeds_that_agree_keep_an_interval_above_zero(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    with Store(tmp_path / "r.sqlite") as store:
        base, arms = {}, {}
        for s in ("0", "1"):
            a = [float(x) for x in rng.uniform(0.2, 0.6, SITUATIONS * PER)]
            b = [min(1.0, x + 0.2 + rng.normal(0, 0.02)) for x in a]
            base[s], arms[s] = _put(store, f"base-s{s}", a), _put(store, f"arm-s{s}", b)
        [res] = compare_many(store, base, {"arm": arms}).arms[0].results
    assert res.ci_low > 0.1 and res.p_value < 0.05


def _pooled(store: Store, base: dict[str, str], arms: dict[str, str]) -> tuple[dict[str, float | None], ...]:
    """Both sides pooled over seeds, keyed seed/item, with the one-cluster-per-situation labels: no seed factor."""
    pooled_a: dict[str, float | None] = {}
    pooled_b: dict[str, float | None] = {}
    for s in base:
        pooled_a.update({f"{s}/{r.sample_id}": r.score for r in store.load_samples(base[s])})
        pooled_b.update({f"{s}/{r.sample_id}": r.score for r in store.load_samples(arms[s])})
    return pooled_a, pooled_b
