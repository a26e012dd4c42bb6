"""Constructed stored runs with known scores, for testing the persistence analyses without a model."""

from __future__ import annotations

from collections.abc import Mapping

from traitrl.results.store import RunRecord, SampleRow, Store

N = 60  # items per constructed benchmark


def ones(k: int, n: int = N) -> list[float]:
    """``k`` ones then zeros: runs built this way pair item by item in a known way (the first k items pass)."""
    return [1.0] * k + [0.0] * (n - k)


def put_run(store: Store, run_id: str, benchmarks: Mapping[str, tuple[str, float, list[float]]],
            labels: Mapping[str, object] | None = None) -> str:
    """Store a finished run: benchmark -> (category, chance, per-item scores); items are ``i000``, ``i001``, ..."""
    record = {name: {"category": cat, "chance": chance, "higher_is_better": True, "version": "v1",
                     "status": "done", "scoring": "logprob_mc"} for name, (cat, chance, _) in benchmarks.items()}
    store.create_run(RunRecord(run_id=run_id, model=run_id, started_at="2025-01-01T00:00:00", benchmarks=record,
                               labels=dict(labels or {}), finished_at="2025-01-01T00:01:00"))
    store.record_samples(
        SampleRow(run_id=run_id, benchmark=name, sample_id=f"i{i:03d}", version="v1", score=s, refused=None,
                  grade={}, outputs=[], seconds=0.0)
        for name, (_, _, scores) in benchmarks.items() for i, s in enumerate(scores))
    return run_id
