"""The results store: one SQLite file holding runs and their per-sample results.

Every scored sample is written as soon as its batch finishes, keyed by (run id, benchmark, sample id), so an
interrupted run resumes by skipping what is already stored. The file uses WAL mode so a report can read it
while an eval writes to it. Only the standard library's ``sqlite3`` is used.

Tables:

- ``runs``: one row per run (model, settings, benchmark names/versions/arguments, versions, times).
- ``samples``: one row per scored sample (score, refused flag, the full Grade as JSON, raw outputs, seconds).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_STORE = Path("runs") / "traitrl.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    model_path TEXT,
    suite TEXT,
    quick INTEGER NOT NULL,
    persona TEXT,
    seed INTEGER NOT NULL,
    mc_format TEXT NOT NULL,
    benchmarks TEXT NOT NULL,
    traitrl_version TEXT,
    git_hash TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS samples (
    run_id TEXT NOT NULL,
    benchmark TEXT NOT NULL,
    sample_id TEXT NOT NULL,
    version TEXT NOT NULL,
    score REAL,
    refused INTEGER,
    grade TEXT NOT NULL,
    outputs TEXT NOT NULL,
    seconds REAL NOT NULL,
    PRIMARY KEY (run_id, benchmark, sample_id)
);
"""


@dataclass
class RunRecord:
    """What a run records about itself. ``benchmarks`` maps name -> {version, args, category, ...}."""

    run_id: str
    model: str
    started_at: str
    quick: bool = False
    seed: int = 0
    mc_format: str = "chat"
    model_path: str | None = None
    suite: str | None = None
    persona: str | None = None
    benchmarks: dict[str, dict[str, Any]] = field(default_factory=dict)
    traitrl_version: str | None = None
    git_hash: str | None = None
    finished_at: str | None = None


@dataclass
class SampleRow:
    """One stored per-sample result."""

    run_id: str
    benchmark: str
    sample_id: str
    version: str
    score: float | None
    refused: bool | None
    grade: dict[str, Any]
    outputs: list[dict[str, Any]]
    seconds: float


class Store:
    """A connection to a results file. Use :func:`open_store` to get one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs -----------------------------------------------------------------------------------------------
    def create_run(self, run: RunRecord) -> None:
        """Insert a new run; raises ValueError if the id exists (resume with :meth:`update_run_benchmarks`)."""
        try:
            with self.db:
                self.db.execute(
                    "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (run.run_id, run.model, run.model_path, run.suite, int(run.quick), run.persona, run.seed,
                     run.mc_format, json.dumps(run.benchmarks, sort_keys=True), run.traitrl_version,
                     run.git_hash, run.started_at, run.finished_at),
                )
        except sqlite3.IntegrityError:
            raise ValueError(f"run {run.run_id!r} already exists in {self.path}") from None

    def get_run(self, run_id: str) -> RunRecord | None:
        """The run with this id, or None."""
        row = self.db.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return _run_from_row(row) if row else None

    def list_runs(self) -> list[RunRecord]:
        """All runs, oldest first."""
        rows = self.db.execute("SELECT * FROM runs ORDER BY started_at, run_id").fetchall()
        return [_run_from_row(r) for r in rows]

    def update_run_benchmarks(self, run_id: str, benchmarks: dict[str, dict[str, Any]]) -> None:
        """Merge benchmark entries into a run's record (a resumed run may add benchmarks)."""
        run = self.get_run(run_id)
        if run is None:
            raise ValueError(f"no run {run_id!r} in {self.path}")
        merged = {**run.benchmarks, **benchmarks}
        with self.db:
            self.db.execute("UPDATE runs SET benchmarks = ? WHERE run_id = ?",
                            (json.dumps(merged, sort_keys=True), run_id))

    def finish_run(self, run_id: str, finished_at: str) -> None:
        """Record the end time of a run."""
        with self.db:
            self.db.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", (finished_at, run_id))

    # samples --------------------------------------------------------------------------------------------
    def record_samples(self, rows: Iterable[SampleRow]) -> None:
        """Write a batch of results in one transaction (a batch is either fully stored or not at all)."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO samples VALUES (?,?,?,?,?,?,?,?,?)",
                [(r.run_id, r.benchmark, r.sample_id, r.version, r.score,
                  None if r.refused is None else int(r.refused), json.dumps(r.grade), json.dumps(r.outputs),
                  r.seconds) for r in rows],
            )

    def finished_ids(self, run_id: str, benchmark: str) -> set[str]:
        """Sample ids of a benchmark already stored for this run."""
        rows = self.db.execute("SELECT sample_id FROM samples WHERE run_id = ? AND benchmark = ?",
                               (run_id, benchmark)).fetchall()
        return {r[0] for r in rows}

    def load_samples(self, run_id: str, benchmarks: Sequence[str] | None = None) -> list[SampleRow]:
        """All stored results of a run (optionally of some benchmarks), ordered by benchmark and sample id."""
        rows = self.db.execute("SELECT * FROM samples WHERE run_id = ? ORDER BY benchmark, sample_id",
                               (run_id,)).fetchall()
        out = [SampleRow(run_id=r[0], benchmark=r[1], sample_id=r[2], version=r[3], score=r[4],
                         refused=None if r[5] is None else bool(r[5]), grade=json.loads(r[6]),
                         outputs=json.loads(r[7]), seconds=r[8]) for r in rows]
        if benchmarks is not None:
            keep = set(benchmarks)
            out = [r for r in out if r.benchmark in keep]
        return out

    def scores_table(self, run_id: str) -> dict[str, dict[str, float | None]]:
        """A run's per-sample scores as ``{benchmark: {sample_id: score}}``."""
        table: dict[str, dict[str, float | None]] = {}
        for r in self.db.execute("SELECT benchmark, sample_id, score FROM samples WHERE run_id = ?", (run_id,)):
            table.setdefault(r[0], {})[r[1]] = r[2]
        return table


def open_store(path: str | Path = DEFAULT_STORE) -> Store:
    """Open (creating if needed) a results store at ``path``."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Store(p)
    except sqlite3.DatabaseError as err:
        raise ValueError(f"{p}: not a traitrl results store ({err})") from None


def _run_from_row(r: Sequence[Any]) -> RunRecord:
    return RunRecord(run_id=r[0], model=r[1], model_path=r[2], suite=r[3], quick=bool(r[4]), persona=r[5],
                     seed=r[6], mc_format=r[7], benchmarks=json.loads(r[8]), traitrl_version=r[9],
                     git_hash=r[10], started_at=r[11], finished_at=r[12])
