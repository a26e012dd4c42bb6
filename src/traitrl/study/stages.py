"""Stages of a study: named, keyed by their inputs' content, recorded in a ledger, skipped when already done.

A stage's key is the content key of everything it depends on (its config and the keys of the stages it reads).
The ledger (``<study>/stages.json``) is rewritten atomically after every stage, so a study killed at any point
(kill -9 included) loses at most the stage that was running — and the heavy stages resume inside themselves too
(training from its last checkpoint, evaluation from its stored items). A stage whose key changed runs again.

Progress: before each stage one line gives its place in the study, the elapsed time and an ETA for the whole
study; the ETA scales the remaining stages' estimated costs by how fast the finished ones went in this session.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from traitrl.cli.common import joined
from traitrl.core.text import clock
from traitrl.models import cpu_memory


@dataclass
class Stage:
    """One unit of work: ``run`` returns a JSON-able result stored in the ledger."""

    name: str
    key: str
    estimate: float  # expected seconds on the machine the profile targets (for the study's ETA)
    run: Callable[[], dict[str, Any]]


@dataclass
class LedgerEntry:
    key: str
    result: dict[str, Any]
    seconds: float
    git: str = ""  # the commit the stage ran at: a resumed study can span commits


@dataclass
class Ledger:
    """The finished stages of a study, persisted as JSON beside its results."""

    path: Path
    entries: dict[str, LedgerEntry] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path) -> Ledger:
        if not path.exists():
            return cls(path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            entries = {k: LedgerEntry(v["key"], v["result"], float(v["seconds"]), str(v.get("git", "")))
                       for k, v in raw["stages"].items()}
        except (ValueError, KeyError, TypeError):
            # A damaged ledger costs only time: every stage is keyed, so running it again reaches the same state.
            return cls(path)
        return cls(path, entries)

    def done(self, stage: Stage) -> LedgerEntry | None:
        entry = self.entries.get(stage.name)
        return entry if entry is not None and entry.key == stage.key else None

    def record(self, stage: Stage, result: dict[str, Any], seconds: float, git: str = "") -> None:
        self.entries[stage.name] = LedgerEntry(stage.key, result, seconds, git)
        payload = {"stages": {k: {"key": e.key, "result": e.result, "seconds": round(e.seconds, 3), "git": e.git}
                              for k, e in self.entries.items()}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)


@dataclass
class StageOutcome:
    name: str
    key: str
    status: str  # done (ran now) | skipped (done earlier)
    seconds: float
    result: dict[str, Any]
    git: str = ""  # the commit it ran at


def _kind(stage: Stage) -> str:
    return stage.name.split(":", 1)[0]


def _pace(ran: dict[str, list[float]], stage: Stage) -> float:
    """Actual / estimated seconds of the stages of this kind that ran in this session (1 before any ran)."""
    est, actual = ran.get(_kind(stage), (0.0, 0.0))
    return actual / est if est > 0 else 1.0


def run_stages(stages: list[Stage], ledger: Ledger, console: Console | None) -> dict[str, StageOutcome]:
    """Run every stage not already done under the same key, in order; report progress with a study ETA."""
    from traitrl.evals.runner import git_hash

    commit = git_hash() or ""
    out: dict[str, StageOutcome] = {}
    t_study = time.perf_counter()
    ran: dict[str, list[float]] = {}  # stage kind ("train", "eval", ...) -> [estimated, actual] seconds so far
    for i, stage in enumerate(stages, start=1):
        entry = ledger.done(stage)
        if entry is not None:
            out[stage.name] = StageOutcome(stage.name, stage.key, "skipped", entry.seconds, entry.result, entry.git)
            if console is not None:
                console.print(joined((f"[{i}/{len(stages)}] ", "bold"), stage.name,
                                     ("  done earlier — skipped", "dim")))
            continue
        eta = sum(s.estimate * _pace(ran, s) for s in stages[i - 1:] if ledger.done(s) is None)
        elapsed = time.perf_counter() - t_study
        if console is not None:
            console.print(joined((f"[{i}/{len(stages)}] ", "bold"), (stage.name, "bold cyan"),
                                 f"  elapsed {clock(elapsed)}, study ETA ~{clock(eta)}"))
        t0 = time.perf_counter()
        result = stage.run()
        seconds = time.perf_counter() - t0
        # A stage's model, optimizer and activations are garbage now; hand their heap back before the next stage
        # allocates its own (a process that keeps freed memory otherwise carries every stage's high-water mark).
        gc.collect()
        cpu_memory.release()
        tally = ran.setdefault(_kind(stage), [0.0, 0.0])
        tally[0] += stage.estimate
        tally[1] += seconds
        ledger.record(stage, result, seconds, commit)
        out[stage.name] = StageOutcome(stage.name, stage.key, "done", seconds, result, commit)
    return out
