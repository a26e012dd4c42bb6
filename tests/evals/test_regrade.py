"""Re-grading a stored run: today's graders on the stored outputs, as a new run; no model is run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from traitrl.cli import app
from traitrl.core.errors import UserError
from traitrl.evals.config import EvalConfig
from traitrl.evals.regrade import regrade_run
from traitrl.evals.runner import run_eval
from traitrl.results.store import open_store

from .conftest import FakeChatModel

HELDOUT = "scenarios:heldout?n=14"


@pytest.fixture
def stored(tmp_path: Path, mc_file: Path) -> tuple[Path, dict[tuple[str, str], float | None]]:
    """A run of a fake model, whose stored scores are then overwritten as an older, laxer grader would have left
    them (every item 1.0); returns the store and the scores today's graders gave."""
    db = tmp_path / "r.sqlite"
    with open_store(db) as st:
        run_eval(FakeChatModel(), [HELDOUT, f"mc:{mc_file}"], st, EvalConfig(run_id="old"))
        today = {(r.benchmark, r.sample_id): r.score for r in st.load_samples("old")}
    with sqlite3.connect(db) as con:
        con.execute("UPDATE samples SET score = 1.0 WHERE run_id = 'old'")
    return db, today


def test_regrade_scores_stored_outputs_with_today_s_graders(stored: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    db, today = stored
    model = FakeChatModel()
    with open_store(db) as st:
        result = regrade_run(st, "old", "new")
        assert {(r.benchmark, r.sample_id): r.score for r in st.load_samples("new")} == today
        assert {r.score for r in st.load_samples("old")} == {1.0}  # the source run is kept as it was graded
        run = st.get_run("new")
        assert run is not None and run.labels["regraded_from"] == "old" and run.finished_at is not None
        assert run.model_fingerprint == st.get_run("old").model_fingerprint  # type: ignore[union-attr]
        assert [r.replies for r in st.load_samples("new")] == [r.replies for r in st.load_samples("old")]
    assert model.calls == 0
    assert sorted((o.status, o.scored) for o in result.outcomes) == [("done", 14), ("done", 60)]
    assert any(s != 1.0 for s in today.values())  # the fixture's overwrite did change something


def test_regrade_resumes_and_refuses_to_overwrite_other_runs(stored: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    db, _ = stored
    with open_store(db) as st:
        regrade_run(st, "old", "new")
        again = regrade_run(st, "old", "new")
        assert sorted((o.scored, o.cached) for o in again.outcomes) == [(0, 14), (0, 60)]
        with pytest.raises(UserError, match="not a re-grade"):
            regrade_run(st, "new", "old")
        with pytest.raises(UserError, match="no run"):
            regrade_run(st, "missing", "x")
        with pytest.raises(UserError, match="new id"):
            regrade_run(st, "old", "old")


def test_a_stored_sample_without_an_item_today_is_left_out_and_named(stored: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    db, _ = stored
    with sqlite3.connect(db) as con:
        con.execute("UPDATE samples SET sample_id = 'gone-item' WHERE rowid = (SELECT MIN(rowid) FROM samples)")
    with open_store(db) as st:
        result = regrade_run(st, "old", "new")
    messages = [o.message for o in result.outcomes if o.message]
    assert len(messages) == 1 and "'gone-item'" in messages[0] and "left out" in messages[0]


def test_cli_prints_before_and_after(stored: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    db, today = stored
    res = CliRunner().invoke(app, ["results", "regrade", "old", "--as", "new", "--store", str(db)])
    assert res.exit_code == 0, res.output
    assert "re-graded as new" in res.output and "100.0" in res.output
    res = CliRunner().invoke(app, ["results", "regrade", "nope", "--as", "new2", "--store", str(db)])
    assert res.exit_code != 0 and "no run 'nope'" in res.output
