"""Command-line entry points for the eval suite, as typer objects the main CLI mounts.

- ``traitrl benchmarks list [--json] [--category C]``: the registered built-ins (and the adapter kinds).
- ``traitrl eval --model M [--suite default] [--benchmark NAME ...] [--quick] [--persona P] ...``: run, store,
  print per-benchmark and per-category tables with CIs and floor/ceiling/chance flags, and the run id.
- ``traitrl compare RUN_A RUN_B [--json-out F]``: paired comparison of two stored runs with BH.

Use :func:`mount` to attach them to a typer app. User errors (unknown benchmark, run or model) print one line
and exit with status 2, never a traceback.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from traitrl.cli.audit import audit_command
from traitrl.results.store import DEFAULT_STORE, open_store

if TYPE_CHECKING:
    from traitrl.evals.runner import RunSummary

benchmarks_app = typer.Typer(help="Inspect the benchmark suite.", no_args_is_help=True)
benchmarks_app.command("audit")(audit_command)  # prompt-blind heuristics vs chance (traitrl.cli.audit)
_out = Console()
_err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    _err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _pct(x: float | None) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.1f}"


@benchmarks_app.command("list")
def list_command(
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
) -> None:
    """List the built-in benchmarks (name, version, category, scoring, items, chance)."""
    from traitrl.evals.adapters import ADAPTERS
    from traitrl.evals.api import CATEGORY_MINIMUMS
    from traitrl.evals.registry import describe, list_specs

    if category is not None and category not in CATEGORY_MINIMUMS:
        raise _fail(f"unknown category {category!r}; use one of {', '.join(CATEGORY_MINIMUMS)}")
    rows = [describe(s) for s in list_specs(category)]
    if json_out:
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{len(rows)} built-in benchmarks")
    for col in ("name", "version", "category", "scoring", "items", "chance"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["name"], r["version"], r["category"], r["scoring"] + (" (judge)" if r["requires_judge"] else ""),
                      str(r["n_items"]), f"{r['chance']:.2f}" if r["chance"] is not None else "—")
    _out.print(table)
    _out.print("Public-format adapters (use --benchmark KIND:SOURCE[?key=value&...]):")
    for info in ADAPTERS.values():
        _out.print(f"  {info.kind:<16} {info.description}", highlight=False)


def eval_command(
    model: Annotated[str, typer.Option(help="'embedded', a HF model directory, or openai:NAME.")] = "embedded",
    suite: Annotated[str, typer.Option(help="default | judge | all | category:NAME (ignored with --benchmark).")] = "default",
    benchmark: Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="NAME[?k=v&...] or KIND:SOURCE; repeatable; replaces the suite.")] = None,
    quick: Annotated[bool, typer.Option(help="At most 50 items per option-scored and 20 per generation benchmark.")] = False,
    persona: Annotated[str | None, typer.Option(help="A system prompt prefixed to every conversation (or @FILE).")] = None,
    seed: Annotated[int, typer.Option(help="Generation seed (recorded).")] = 0,
    mc_format: Annotated[str, typer.Option("--mc-format", help="Log-prob MC prompt format: chat | raw.")] = "chat",
    store: Annotated[Path, typer.Option(help="Results store (SQLite).")] = DEFAULT_STORE,
    run_id: Annotated[str | None, typer.Option(help="Resume (or name) this run.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many items per benchmark.")] = None,
    dtype: Annotated[str, typer.Option(help="HF backends: float32 | bfloat16 (bf16 is ~1.5-2x faster on CPU; recorded).")] = "float32",
    batch_size: Annotated[int, typer.Option(help="HF forward-pass batch size.")] = 16,
) -> None:
    """Evaluate a model on a suite or a list of benchmarks; results are stored per sample and resumable."""
    from traitrl.evals.registry import suite_names
    from traitrl.evals.runner import EvalOptions, judge_from_env, run_eval, summarize_run
    from traitrl.models import ModelLoadError, load_model, resolve_model_dir

    try:
        if persona is not None and persona.startswith("@"):
            persona = Path(persona[1:]).read_text(encoding="utf-8").strip()
        names = list(benchmark) if benchmark else suite_names(suite)
        if not names:
            raise ValueError(f"suite {suite!r} has no benchmarks")
        opts = EvalOptions(quick=quick, persona=persona, seed=seed, mc_format=mc_format, limit=limit,
                           suite=None if benchmark else suite)
        judge = judge_from_env()
        chat_model = load_model(model, dtype=dtype, batch_size=batch_size)
        path = None if model.startswith("openai:") else resolve_model_dir(model)
        with open_store(store) as db:
            t0 = time.perf_counter()
            result = run_eval(chat_model, names, db, opts, judge=judge, run_id=run_id, model_path=path,
                              console=_err)
            wall = time.perf_counter() - t0
            summary = summarize_run(db, result.run_id)
    except (ModelLoadError, ValueError, OSError) as err:
        raise _fail(str(err)) from None
    _print_summary(summary, wall)
    for o in result.outcomes:
        if o.status != "done":
            _out.print(f"[yellow]{o.name}[/yellow]: {o.status} — {o.message}", highlight=False)
    _out.print(f"run id: [bold]{result.run_id}[/bold]  (store {store}; wall time {wall:.1f} s)")


def _print_summary(summary: RunSummary, wall: float) -> None:
    table = Table(title=f"{summary.run.model} — per benchmark (%, 95% bootstrap CI)")
    for col in ("benchmark", "category", "n", "mean", "95% CI", "chance", "MDE", "refused", "flags"):
        table.add_column(col)
    cats: dict[str, list[float]] = {}
    for b in summary.benchmarks:
        if b.n:
            cats.setdefault(b.category, []).append(b.mean)
        table.add_row(b.benchmark, b.category, str(b.n), _pct(b.mean), f"{_pct(b.ci_low)}–{_pct(b.ci_high)}",
                      _pct(b.chance), _pct(b.mde), _pct(b.refusal_rate), ",".join(b.flags))
    _out.print(table)
    ctable = Table(title="per category (mean of benchmark means, %)")
    for col in ("category", "benchmarks", "mean"):
        ctable.add_column(col)
    for cat, means in sorted(cats.items()):
        ctable.add_row(cat, str(len(means)), _pct(sum(means) / len(means)))
    _out.print(ctable)
    for name, metrics in summary.extra.items():
        _out.print(f"{name}: " + ", ".join(f"{k}={v:.3f}" for k, v in metrics.items()), highlight=False)
    flagged = [b for b in summary.benchmarks if b.flags]
    _out.print(f"{len(summary.benchmarks)} benchmarks scored; {len(flagged)} at floor/ceiling/chance "
               "(read effects only where there is headroom)")


def compare_command(
    run_a: Annotated[str, typer.Argument(help="Baseline run id (A).")],
    run_b: Annotated[str, typer.Argument(help="Run compared against it (B); Δ = B − A.")],
    store: Annotated[Path, typer.Option(help="Results store (SQLite).")] = DEFAULT_STORE,
    json_out: Annotated[Path | None, typer.Option("--json-out", help="Also write the comparison as JSON.")] = None,
) -> None:
    """Paired per-item comparison of two runs: X of N ahead, BH-significant gains and regressions, refusals."""
    from traitrl.evals.runner import compare_stored_runs

    if not store.exists():
        raise _fail(f"{store}: no results store (run `traitrl eval` first or pass --store)")
    try:
        with open_store(store) as db:
            comp = compare_stored_runs(db, run_a, run_b)
    except ValueError as err:
        raise _fail(str(err)) from None
    if not comp.results:
        raise _fail(f"runs {run_a!r} and {run_b!r} share no scored items")
    table = Table(title=f"B = {run_b} vs A = {run_a} (Δ = B − A, pp)")
    for col in ("benchmark", "category", "n", "A", "B", "Δ", "95% CI", "p", "q (BH)", ""):
        table.add_column(col)
    for r in sorted(comp.results, key=lambda r: (r.category, r.benchmark)):
        mark = ("▲" if r.delta > 0 else "▼") if r.significant else ""
        table.add_row(r.benchmark, r.category, str(r.n), _pct(r.mean_a), _pct(r.mean_b), f"{100 * r.delta:+.1f}",
                      f"{100 * r.ci_low:+.1f}…{100 * r.ci_high:+.1f}", f"{r.p_value:.3f}", f"{r.p_adjusted:.3f}", mark)
    _out.print(table)
    ctable = Table(title="per category (mean over benchmarks, %)")
    for col in ("category", "benchmarks", "A", "B", "Δ"):
        ctable.add_column(col)
    for cat, m in comp.category_means.items():
        ctable.add_row(cat, str(m["n_benchmarks"]), _pct(m["a"]), _pct(m["b"]), f"{100 * m['delta']:+.1f}")
    _out.print(ctable)
    _out.print(f"[bold]{comp.headline}[/bold]")
    if comp.refusal_a is not None or comp.refusal_b is not None:
        from traitrl.results.stats import headline_of

        _out.print(f"refusal rate: A {_pct(comp.refusal_a)}%, B {_pct(comp.refusal_b)}% (items with a refusal flag)")
        _out.print(f"on items where neither refused: {headline_of(comp.non_refused)}")
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        payload = _finite({"run_a": run_a, "run_b": run_b, **comp.to_dict()})
        json_out.write_text(json.dumps(payload, indent=2, default=str, allow_nan=False))
        _out.print(f"wrote {json_out}")


def _finite(obj: object) -> object:
    """NaN / infinity become null so the JSON is standard (e.g. the MDE of a single item)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def mount(app: typer.Typer) -> None:
    """Attach ``benchmarks``, ``eval`` and ``compare`` to a typer app."""
    app.add_typer(benchmarks_app, name="benchmarks")
    app.command("eval")(eval_command)
    app.command("compare")(compare_command)
