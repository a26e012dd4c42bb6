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
