"""The results store: one SQLite file holding evaluation runs, their per-sample results and training runs.

Every scored sample is written as soon as its batch finishes, keyed by (run id, benchmark, sample id), so an
interrupted run resumes by skipping what is already stored. WAL mode lets a report read while an eval writes.
Only the standard library's ``sqlite3`` is used; every statement names its columns.

The schema is versioned with ``PRAGMA user_version`` (:data:`SCHEMA_VERSION`). Opening an older file migrates
it in place inside one transaction (nothing is dropped; new columns get neutral defaults); a file written by a
newer traitrl is refused rather than guessed at.

Tables:

- ``runs``: one row per evaluation run — its content key, the model's fingerprint and provenance, the evaluation
  config, labels (study, arm, seed, attack, step, ...), the training run that produced the checkpoint, every
  benchmark's name, version and arguments, versions and times.
- ``samples``: one row per scored sample — score, refused flag, the full Grade, raw outputs, seconds, and the
  sample's metadata (domain, cluster/situation, template, trait) so analyses never rebuild a benchmark.
- ``training_runs``: one row per training run (its record), so evaluation runs can be joined to the arm, seed
  and data slice that produced their checkpoint.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from traitrl.core.errors import UserError

DEFAULT_STORE = Path("runs") / "traitrl.sqlite"
SCHEMA_VERSION = 2

_RUNS_V2 = """
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
    finished_at TEXT,
    run_key TEXT,
    model_fingerprint TEXT,
    model_info TEXT NOT NULL DEFAULT '{}',
    config TEXT NOT NULL DEFAULT '{}',
    labels TEXT NOT NULL DEFAULT '{}',
    training_run TEXT
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
    metadata TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (run_id, benchmark, sample_id)
);
CREATE TABLE IF NOT EXISTS training_runs (
    training_run TEXT PRIMARY KEY,
    output_dir TEXT NOT NULL,
    arm TEXT,
    seed INTEGER,
    record TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_key ON runs (run_key);
"""

# v1 -> v2: columns added to existing tables (name, SQL type with default); the new table is created above.
_V2_RUN_COLUMNS = [("run_key", "TEXT"), ("model_fingerprint", "TEXT"), ("model_info", "TEXT NOT NULL DEFAULT '{}'"),
                   ("config", "TEXT NOT NULL DEFAULT '{}'"), ("labels", "TEXT NOT NULL DEFAULT '{}'"),
                   ("training_run", "TEXT")]
_V2_SAMPLE_COLUMNS = [("metadata", "TEXT NOT NULL DEFAULT '{}'")]

_JSON_RUN_FIELDS = ("benchmarks", "model_info", "config", "labels")


@dataclass
class RunRecord:
    """What a run records about itself. ``benchmarks`` maps name -> {version, args, category, status, ...}.

    ``run_key`` is the content key of what produced the results (model fingerprint + evaluation config); see
    :mod:`traitrl.evals.identity`.
    """

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
    run_key: str | None = None
    model_fingerprint: str | None = None
    model_info: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, Any] = field(default_factory=dict)
    training_run: str | None = None


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
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def replies(self) -> list[str]:
        """The text the model generated for this item (empty for option-scored items, whose outputs are log-probs)."""
        return [o["text"] for o in self.outputs if isinstance(o, dict) and isinstance(o.get("text"), str)]


_RUN_COLUMNS = [f.name for f in fields(RunRecord)]
_SAMPLE_COLUMNS = [f.name for f in fields(SampleRow)]


class Store:
    """A connection to a results file. Use :func:`open_store` to get one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=60)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    # schema -----------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise UserError(f"{self.path}: written by a newer traitrl (store schema v{version}; this version "
                            f"reads up to v{SCHEMA_VERSION}); upgrade traitrl or use another --store")
        if version == SCHEMA_VERSION:
            return
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # One explicit transaction: a migration either completes or leaves the v1 file as it was.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if "runs" in tables:
                # A v1 file (traitrl 0.1, no user_version): add the v2 columns; no row is touched.
                for table, added in (("runs", _V2_RUN_COLUMNS), ("samples", _V2_SAMPLE_COLUMNS)):
                    have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
                    for name, decl in added:
                        if name not in have:
                            self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")
            for statement in _RUNS_V2.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs -------------------------------------------------------------------------------------------------
    def create_run(self, run: RunRecord) -> None:
        """Insert a new run; raises UserError if the id exists (resume with :meth:`update_run_benchmarks`)."""
        values = {name: getattr(run, name) for name in _RUN_COLUMNS}
        values["quick"] = int(run.quick)
        for name in _JSON_RUN_FIELDS:
            values[name] = json.dumps(values[name], sort_keys=True)
        cols = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        try:
            with self.db:
                self.db.execute(f"INSERT INTO runs ({cols}) VALUES ({marks})", values)
        except sqlite3.IntegrityError:
            raise UserError(f"run {run.run_id!r} already exists in {self.path}") from None

    def get_run(self, run_id: str) -> RunRecord | None:
        """The run with this id, or None."""
        row = self.db.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return _run_from_row(row) if row else None

    def list_runs(self, **labels: Any) -> list[RunRecord]:
        """All runs, oldest first; with keyword arguments only runs whose labels have those values."""
        rows = self.db.execute("SELECT * FROM runs ORDER BY started_at, run_id").fetchall()
        runs = [_run_from_row(r) for r in rows]
        return [r for r in runs if all(r.labels.get(k) == v for k, v in labels.items())]

    def update_run_benchmarks(self, run_id: str, benchmarks: dict[str, dict[str, Any]]) -> None:
        """Merge benchmark entries into a run's record (a resumed run may add benchmarks)."""
        run = self.get_run(run_id)
        if run is None:
            raise UserError(f"no run {run_id!r} in {self.path}")
        merged = {**run.benchmarks, **benchmarks}
        with self.db:
            self.db.execute("UPDATE runs SET benchmarks = ? WHERE run_id = ?",
                            (json.dumps(merged, sort_keys=True), run_id))

    def update_run_labels(self, run_id: str, labels: dict[str, Any]) -> None:
        """Merge labels into a run (labels describe a run; they never change its results)."""
        run = self.get_run(run_id)
        if run is None:
            raise UserError(f"no run {run_id!r} in {self.path}")
        with self.db:
            self.db.execute("UPDATE runs SET labels = ? WHERE run_id = ?",
                            (json.dumps({**run.labels, **labels}, sort_keys=True), run_id))

    def finish_run(self, run_id: str, finished_at: str) -> None:
        """Record the end time of a run."""
        with self.db:
            self.db.execute("UPDATE runs SET finished_at = ? WHERE run_id = ?", (finished_at, run_id))

    # samples ----------------------------------------------------------------------------------------------
    def record_samples(self, rows: Iterable[SampleRow]) -> None:
        """Write a batch of results in one transaction (a batch is either fully stored or not at all)."""
        cols = ", ".join(_SAMPLE_COLUMNS)
        marks = ", ".join(f":{c}" for c in _SAMPLE_COLUMNS)
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO samples ({cols}) VALUES ({marks})",
                [{**{c: getattr(r, c) for c in _SAMPLE_COLUMNS},
                  "refused": None if r.refused is None else int(r.refused), "grade": json.dumps(r.grade),
                  "outputs": json.dumps(r.outputs), "metadata": json.dumps(r.metadata, sort_keys=True)}
                 for r in rows],
            )

    def finished_ids(self, run_id: str, benchmark: str) -> set[str]:
        """Sample ids of a benchmark already stored for this run."""
        rows = self.db.execute("SELECT sample_id FROM samples WHERE run_id = ? AND benchmark = ?",
                               (run_id, benchmark)).fetchall()
        return {r["sample_id"] for r in rows}

    def load_samples(self, run_id: str, benchmarks: Sequence[str] | None = None) -> list[SampleRow]:
        """All stored results of a run (optionally of some benchmarks), ordered by benchmark and sample id."""
        rows = self.db.execute("SELECT * FROM samples WHERE run_id = ? ORDER BY benchmark, sample_id",
                               (run_id,)).fetchall()
        out = [SampleRow(run_id=r["run_id"], benchmark=r["benchmark"], sample_id=r["sample_id"],
                         version=r["version"], score=r["score"],
                         refused=None if r["refused"] is None else bool(r["refused"]), grade=json.loads(r["grade"]),
                         outputs=json.loads(r["outputs"]), seconds=r["seconds"],
                         metadata=json.loads(r["metadata"] or "{}")) for r in rows]
        if benchmarks is not None:
            keep = set(benchmarks)
            out = [r for r in out if r.benchmark in keep]
        return out

    def scores_table(self, run_id: str) -> dict[str, dict[str, float | None]]:
        """A run's per-sample scores as ``{benchmark: {sample_id: score}}``."""
        table: dict[str, dict[str, float | None]] = {}
        for r in self.db.execute("SELECT benchmark, sample_id, score FROM samples WHERE run_id = ?", (run_id,)):
            table.setdefault(r["benchmark"], {})[r["sample_id"]] = r["score"]
        return table

    # training runs ----------------------------------------------------------------------------------------
    def record_training_run(self, training_run: str, output_dir: str, record: dict[str, Any], updated_at: str) -> None:
        """Insert or update a training run's record (written at start and again when it finishes)."""
        arm = record.get("arm", {}).get("name") if isinstance(record.get("arm"), dict) else record.get("arm")
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO training_runs (training_run, output_dir, arm, seed, record, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (training_run, output_dir, arm, record.get("seed"), json.dumps(record, sort_keys=True), updated_at))

    def get_training_run(self, training_run: str) -> dict[str, Any] | None:
        """A training run's stored record, or None."""
        row = self.db.execute("SELECT record FROM training_runs WHERE training_run = ?", (training_run,)).fetchone()
        return json.loads(row["record"]) if row else None

    # merging -------------------------------------------------------------------------------------------------
    def merge_from(self, source: str | Path) -> MergeCounts:
        """Copy another store's runs, samples and training runs into this one, in one transaction.

        Studies run one at a time write separate stores (one per seed, say); analyses that pool them
        (``traitrl results many``) need one. The source is opened read-only and never changed. A run already here
        with the same id and the same content key (``run_key``: model fingerprint + evaluation config) is the same
        run — an evaluation resumed elsewhere, or the start model scored by two studies — and gains the samples
        and benchmarks it lacks here; a sample stored in both keeps this store's row. The same id with another
        content key is a conflict: nothing is merged and the error names the run. A training run stored in both
        keeps the record updated last.
        """
        src_path = Path(source)
        if not src_path.is_file():
            raise UserError(f"{src_path}: no results store to merge")
        if src_path.resolve() == self.path.resolve():
            raise UserError(f"{src_path}: is the store being merged into")
        try:
            src = sqlite3.connect(f"{src_path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
            src.row_factory = sqlite3.Row
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as err:
            raise UserError(f"{src_path}: not a traitrl results store ({err})") from None
        try:
            if version != SCHEMA_VERSION:
                raise UserError(f"{src_path}: store schema v{version}, this traitrl writes v{SCHEMA_VERSION}; open it "
                                f"once with this version (traitrl results list --store {src_path}) to migrate it"
                                if version < SCHEMA_VERSION else
                                f"{src_path}: written by a newer traitrl (store schema v{version}); upgrade traitrl")
            return self._merge(src, src_path)
        except sqlite3.DatabaseError as err:
            raise UserError(f"{src_path}: not a traitrl results store ({err})") from None
        finally:
            src.close()

    def _merge(self, src: sqlite3.Connection, src_path: Path) -> MergeCounts:
        counts = MergeCounts(source=str(src_path))
        run_cols = ", ".join(_RUN_COLUMNS)
        sample_cols = ", ".join(_SAMPLE_COLUMNS)
        with self.db:  # one transaction: a conflict leaves this store as it was
            for row in src.execute(f"SELECT {run_cols} FROM runs ORDER BY run_id"):
                here = self.db.execute("SELECT run_key, benchmarks, finished_at FROM runs WHERE run_id = ?",
                                       (row["run_id"],)).fetchone()
                if here is None:
                    self.db.execute(f"INSERT INTO runs ({run_cols}) VALUES ({', '.join('?' * len(_RUN_COLUMNS))})",
                                    tuple(row))
                    counts.runs += 1
                elif here["run_key"] != row["run_key"]:
                    raise UserError(f"{src_path}: run {row['run_id']!r} has content key {row['run_key']!r} there and "
                                    f"{here['run_key']!r} in {self.path}: two different runs share the id; "
                                    "nothing was merged")
                else:
                    counts.runs_present += 1
                    benchmarks = {**json.loads(row["benchmarks"] or "{}"), **json.loads(here["benchmarks"] or "{}")}
                    self.db.execute("UPDATE runs SET benchmarks = ?, finished_at = ? WHERE run_id = ?",
                                    (json.dumps(benchmarks, sort_keys=True), here["finished_at"] or row["finished_at"],
                                     row["run_id"]))
            before = self.db.total_changes
            self.db.executemany(
                f"INSERT OR IGNORE INTO samples ({sample_cols}) VALUES ({', '.join('?' * len(_SAMPLE_COLUMNS))})",
                (tuple(r) for r in src.execute(f"SELECT {sample_cols} FROM samples")))
            counts.samples = self.db.total_changes - before
            for row in src.execute("SELECT training_run, output_dir, arm, seed, record, updated_at FROM training_runs"):
                here = self.db.execute("SELECT updated_at FROM training_runs WHERE training_run = ?",
                                       (row["training_run"],)).fetchone()
                if here is None or here["updated_at"] < row["updated_at"]:
                    self.db.execute("INSERT OR REPLACE INTO training_runs (training_run, output_dir, arm, seed, record, "
                                    "updated_at) VALUES (?, ?, ?, ?, ?, ?)", tuple(row))
                    counts.training_runs += 1
        return counts


@dataclass
class MergeCounts:
    """What :meth:`Store.merge_from` copied from one source."""

    source: str
    runs: int = 0  # new here
    runs_present: int = 0  # the same run (id and content key) was already here
    samples: int = 0
    training_runs: int = 0  # new here, or newer than the record here


def open_store(path: str | Path = DEFAULT_STORE) -> Store:
    """Open (creating if needed, migrating if older) a results store at ``path``."""
    p = Path(path)
    if p.is_dir():
        raise UserError(f"{p}: is a directory; --store takes a file path such as runs/traitrl.sqlite")
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Store(p)
    except sqlite3.DatabaseError as err:
        raise UserError(f"{p}: not a traitrl results store ({err})") from None


def _run_from_row(r: sqlite3.Row) -> RunRecord:
    data = {name: r[name] for name in _RUN_COLUMNS}
    data["quick"] = bool(data["quick"])
    for name in _JSON_RUN_FIELDS:
        data[name] = json.loads(data[name] or "{}")
    return RunRecord(**data)
