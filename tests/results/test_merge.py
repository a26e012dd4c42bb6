"""Merging stores (``Store.merge_from``, ``traitrl results merge``): one store per seed, pooled into one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from traitrl.cli import app
from traitrl.core.errors import UserError
from traitrl.results.store import RunRecord, SampleRow, Store, open_store

BENCH = {"toy": {"category": "trait", "chance": 0.0, "higher_is_better": True, "version": "v1", "status": "done"}}


def _put(store: Store, run_id: str, scores: dict[str, float], key: str = "k", create: bool = True,
         benchmark: str = "toy") -> None:
    if create:
        store.create_run(RunRecord(run_id=run_id, model=run_id, started_at="2026-01-01T00:00:00", run_key=key,
                                   benchmarks={benchmark: BENCH["toy"]}, labels={"seed": run_id[-1]}))
    store.record_samples(SampleRow(run_id=run_id, benchmark=benchmark, sample_id=sid, version="v1", score=v,
                                   refused=None, grade={"why": sid}, outputs=[{"text": f"reply {sid}"}], seconds=0.5,
                                   metadata={"cluster": "sit0"}) for sid, v in scores.items())


def _seed_store(path: Path, seed: int) -> Path:
    with open_store(path) as store:
        _put(store, f"base-s{seed}", {"a": 0.1 * seed, "b": 0.2})
        _put(store, f"arm-s{seed}", {"a": 0.5, "b": 0.4 + seed / 10})
        store.record_training_run(f"train-{seed}", f"/runs/d1-s{seed}", {"arm": {"name": "trait"}, "seed": seed},
                                  "2026-01-01T00:00:00")
    return path


def test_stores_of_two_seeds_become_one_with_every_row_intact(tmp_path: Path) -> None:
    sources = [_seed_store(tmp_path / f"s{seed}.sqlite", seed) for seed in (2, 3)]
    with open_store(tmp_path / "all.sqlite") as target:
        counts = [target.merge_from(src) for src in sources]
        assert [(c.runs, c.runs_present, c.samples, c.training_runs) for c in counts] == [(2, 0, 4, 1)] * 2
        for seed, src in zip((2, 3), sources, strict=True):
            with open_store(src) as one:
                for rid in (f"base-s{seed}", f"arm-s{seed}"):
                    assert target.get_run(rid) == one.get_run(rid)
                    assert target.load_samples(rid) == one.load_samples(rid)
                assert target.get_training_run(f"train-{seed}") == one.get_training_run(f"train-{seed}")
        again = target.merge_from(sources[0])  # merging twice adds nothing
        assert (again.runs, again.runs_present, again.samples, again.training_runs) == (0, 2, 0, 0)


def test_one_run_stored_in_two_places_gains_what_it_lacks(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.sqlite") as a:
        _put(a, "start", {"x": 0.1, "y": 0.2})
    with open_store(tmp_path / "b.sqlite") as b:
        _put(b, "start", {"y": 0.9, "z": 0.3})  # y differs: this store's row is kept
        _put(b, "start", {"q": 0.4}, create=False, benchmark="other")
        b.update_run_benchmarks("start", {"other": BENCH["toy"]})
        b.finish_run("start", "2026-01-02T00:00:00")
    with open_store(tmp_path / "a.sqlite") as a:
        counts = a.merge_from(tmp_path / "b.sqlite")
        assert (counts.runs, counts.runs_present, counts.samples) == (0, 1, 2)
        assert a.scores_table("start") == {"toy": {"x": 0.1, "y": 0.2, "z": 0.3}, "other": {"q": 0.4}}
        run = a.get_run("start")
        assert run is not None and set(run.benchmarks) == {"toy", "other"} and run.finished_at == "2026-01-02T00:00:00"


def test_two_different_runs_under_one_id_merge_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.sqlite") as a:
        _put(a, "base-s0", {"x": 0.1})
    with open_store(tmp_path / "b.sqlite") as b:
        _put(b, "arm-s0", {"x": 0.7})  # sorted first: copied before the conflict is met, then rolled back
        _put(b, "base-s0", {"x": 0.5}, key="other")
    with open_store(tmp_path / "a.sqlite") as a:
        with pytest.raises(UserError, match="run 'base-s0' has content key 'other' there and 'k' in"):
            a.merge_from(tmp_path / "b.sqlite")
        assert [r.run_id for r in a.list_runs()] == ["base-s0"] and a.scores_table("base-s0") == {"toy": {"x": 0.1}}


def test_the_source_is_read_only_and_must_be_a_current_store(tmp_path: Path) -> None:
    src = _seed_store(tmp_path / "s.sqlite", 1)
    before = src.read_bytes()
    with open_store(tmp_path / "t.sqlite") as target:
        target.merge_from(src)
        assert src.read_bytes() == before
        with pytest.raises(UserError, match="no results store to merge"):
            target.merge_from(tmp_path / "missing.sqlite")
        with pytest.raises(UserError, match="is the store being merged into"):
            target.merge_from(tmp_path / "t.sqlite")
        (tmp_path / "junk.sqlite").write_text("not a database\n")
        with pytest.raises(UserError, match="junk.sqlite: not a traitrl results store"):
            target.merge_from(tmp_path / "junk.sqlite")
        newer = tmp_path / "newer.sqlite"
        with sqlite3.connect(newer) as db:
            db.execute("PRAGMA user_version = 99")
        with pytest.raises(UserError, match="newer traitrl"):
            target.merge_from(newer)


def test_cli_merges_and_a_missing_source_creates_nothing(tmp_path: Path) -> None:
    sources = [str(_seed_store(tmp_path / f"s{seed}.sqlite", seed)) for seed in (2, 3)]
    target = tmp_path / "pooled" / "all.sqlite"
    result = CliRunner().invoke(app, ["results", "merge", *sources, "--store", str(target), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert [(r["runs"], r["samples"]) for r in rows] == [(2, 4), (2, 4)]
    with open_store(target) as db:
        assert len(db.list_runs()) == 4
    other = tmp_path / "other.sqlite"
    result = CliRunner().invoke(app, ["results", "merge", sources[0], str(tmp_path / "nope.sqlite"),
                                      "--store", str(other)])
    assert result.exit_code != 0 and "nope.sqlite: no results store to merge" in result.output
    assert not other.exists()
