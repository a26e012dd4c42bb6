"""``traitrl results``: analyse stored runs without running a model.

- ``traitrl results list [--label KEY=VALUE]``: runs with their model, fingerprint, labels and training link.
- ``traitrl results many --baseline RUN [--baseline RUN ...] --arm NAME=RUN [--arm NAME=RUN ...]``: arms × seeds
  against the baseline, BH over the whole family (the n-th ``--baseline`` pairs with each arm's n-th run).
- ``traitrl results transfer --baseline RUN --arm NAME=RUN ... [--by domain|category]``: the transfer matrix.
- ``traitrl results merge SOURCE [SOURCE ...] --store TARGET``: other stores' runs, samples and training runs
  copied into one (e.g. one study per seed, pooled by ``results many``); sources are never changed.
- ``traitrl results regrade RUN --as NEW_RUN``: the run's stored outputs scored again by today's graders, stored
  as a new run (``traitrl.evals.regrade``), so runs graded before a grader fix can be compared fairly.

Every table is a presentation-neutral :class:`traitrl.results.tables.Table`; ``--json`` prints it as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table as RichTable

from traitrl.cli.common import console, user_errors
from traitrl.core.errors import UserError
from traitrl.results.store import DEFAULT_STORE, open_store
from traitrl.results.tables import Column, Table, format_cell

app = typer.Typer(help="Analyse stored runs: list, compare many, transfer matrix, merge stores, re-grade.",
                  no_args_is_help=True)

StoreOpt = Annotated[Path, typer.Option(help="Results store (SQLite).")]


def render(table: Table) -> None:
    """Print a Table with rich; every cell is escaped, so stored text can never act as markup."""
    out = RichTable(title=escape(table.title))
    for c in table.columns:
        out.add_column(escape(c.title), overflow="fold")
    for row in table.rows:
        out.add_row(*(escape(format_cell(row.get(c.key), c.kind)) for c in table.columns))
    console.print(out)
    for note in table.notes:
        console.print(escape(note), highlight=False)


def _emit(table: Table, json_out: bool) -> None:
    if json_out:
        typer.echo(json.dumps(table.to_dict(), indent=2))
    else:
        render(table)


def _open(store: Path):  # type: ignore[no-untyped-def]
    if not store.exists():
        raise UserError(f"{store}: no results store (run `traitrl eval` first or pass --store)")
    return open_store(store)


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise UserError(f"{what} takes NAME=RUN_ID, got {item!r}")
        out[key] = value
    return out


@app.command("list")
@user_errors
def list_command(
    store: StoreOpt = DEFAULT_STORE,
    label: Annotated[list[str] | None, typer.Option("--label", help="Only runs with KEY=VALUE; repeatable.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored runs."""
    want = _pairs(label or [], "--label")
    with _open(store) as db:
        runs = [r for r in db.list_runs() if all(str(r.labels.get(k)) == v for k, v in want.items())]
    table = Table(title=f"{len(runs)} runs in {store}", columns=[Column("run_id", "run id"), Column("model", "model"), Column("fingerprint", "fingerprint"),
                     Column("labels", "labels"), Column("training_run", "training run"),
                     Column("benchmarks", "benchmarks", "int"), Column("finished", "finished")])
    for r in runs:
        table.rows.append({"run_id": r.run_id, "model": r.model, "fingerprint": r.model_fingerprint,
                           "labels": " ".join(f"{k}={v}" for k, v in sorted(r.labels.items())),
                           "training_run": r.training_run, "benchmarks": len(r.benchmarks),
                           "finished": r.finished_at})
    _emit(table, json_out)


@app.command("many")
@user_errors
def many_command(
    baseline: Annotated[list[str], typer.Option("--baseline", help="Baseline run id; one per seed, in order.")],
    arm: Annotated[list[str], typer.Option("--arm", help="NAME=RUN_ID; repeat NAME once per seed, in order.")],
    store: StoreOpt = DEFAULT_STORE,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare several arms (over seeds) with the baseline; BH over every arm × benchmark."""
    from traitrl.results.summary import compare_many

    arms: dict[str, dict[str, str]] = {}
    for item in arm:
        name, sep, rid = item.partition("=")
        if not sep or not name or not rid:
            raise UserError(f"--arm takes NAME=RUN_ID, got {item!r}")
        seeds = arms.setdefault(name, {})
        seeds[str(len(seeds))] = rid
    base = {str(i): rid for i, rid in enumerate(baseline)}
    with _open(store) as db:
        result = compare_many(db, base, arms)
    _emit(result.table(), json_out)


@app.command("transfer")
@user_errors
def transfer_command(
    baseline: Annotated[str, typer.Option(help="The baseline run id.")],
    arm: Annotated[list[str], typer.Option("--arm", help="NAME=RUN_ID; repeatable.")],
    by: Annotated[str, typer.Option(help="domain | category")] = "domain",
    store: StoreOpt = DEFAULT_STORE,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The transfer matrix: each arm's mean paired Δ per benchmark domain (or category)."""
    from traitrl.results.summary import transfer_matrix

    with _open(store) as db:
        table = transfer_matrix(db, baseline, _pairs(arm, "--arm"), by=by)
    _emit(table, json_out)


@app.command("merge")
@user_errors
def merge_command(
    sources: Annotated[list[Path], typer.Argument(help="Stores to copy from (read-only).")],
    store: Annotated[Path, typer.Option(help="The store to merge into (created if missing).")] = DEFAULT_STORE,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Copy other stores' runs, samples and training runs into one store; a run id stored twice must be the same run.

    Each source is merged in one transaction: a conflict (one run id, two different runs) stops with the run's
    name and leaves the target as it was before that source.
    """
    for source in sources:  # every source must exist before the target is created or changed
        if not source.is_file():
            raise UserError(f"{source}: no results store to merge")
    table = Table(title=f"merged into {store}",
                  columns=[Column("source", "source"), Column("runs", "runs added", "int"),
                           Column("runs_present", "runs already here", "int"), Column("samples", "samples added", "int"),
                           Column("training_runs", "training runs added", "int")])
    with open_store(store) as db:
        for source in sources:
            counts = db.merge_from(source)
            table.rows.append({"source": counts.source, "runs": counts.runs, "runs_present": counts.runs_present,
                               "samples": counts.samples, "training_runs": counts.training_runs})
    _emit(table, json_out)


@app.command("regrade")
@user_errors
def regrade_command(
    run_id: Annotated[str, typer.Argument(help="The stored run to re-grade.")],
    new_run_id: Annotated[str, typer.Option("--as", help="Id of the re-graded run (the source run is kept).")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Score a stored run's outputs again with today's graders, as a new run; no model is run.

    Judge-scored benchmarks are re-graded when a judge is configured (TRAITRL_JUDGE_MODEL and
    TRAITRL_OPENAI_BASE_URL), else skipped. Exits 1 when a benchmark could not be rebuilt.
    """
    from traitrl.evals.regrade import regrade_run
    from traitrl.grading.judge import JudgeConfig

    judge_config = JudgeConfig.from_env()
    judge = judge_config.build() if judge_config else None
    with _open(store) as db:
        result = regrade_run(db, run_id, new_run_id, judge=judge, console=console)
        before = {(r.benchmark, r.sample_id): r.score for r in db.load_samples(run_id)}
        after = db.load_samples(new_run_id)
    table = Table(title=f"{run_id} re-graded as {new_run_id}",
                  columns=[Column("benchmark", "benchmark"), Column("n", "items", "num"),
                           Column("before", "score before", "pct"), Column("after", "score now", "pct"),
                           Column("delta", "Δ pp", "delta_pp"), Column("changed", "items changed", "num")])
    by_bench: dict[str, list[tuple[float | None, float | None]]] = {}
    for r in after:
        by_bench.setdefault(r.benchmark, []).append((before.get((r.benchmark, r.sample_id)), r.score))
    for name, pairs in sorted(by_bench.items()):
        old = [b for b, _ in pairs if b is not None]
        new = [a for _, a in pairs if a is not None]
        mean_old = sum(old) / len(old) if old else None
        mean_new = sum(new) / len(new) if new else None
        table.rows.append({"benchmark": name, "n": len(pairs), "before": mean_old, "after": mean_new,
                           "delta": None if mean_old is None or mean_new is None else mean_new - mean_old,
                           "changed": sum(1 for b, a in pairs if b != a)})
    render(table)
    errors = [f"{o.name}: {o.message}" for o in result.outcomes if o.status == "error"]
    if errors:
        raise UserError("; ".join(errors))
