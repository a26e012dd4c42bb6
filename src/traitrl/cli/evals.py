"""Command-line entry points for the eval suite, as typer objects the main CLI mounts.

- ``traitrl benchmarks list [--json] [--category C]``: the registered built-ins (and the adapter kinds).
- ``traitrl benchmarks export --out DIR``: the suite as a Hugging Face dataset folder (``traitrl.evals.export``).
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

from traitrl.cli.audit import audit_command
from traitrl.cli.common import console as _out
from traitrl.cli.common import describe_error, fail, joined, plain, table
from traitrl.cli.common import err_console as _err
from traitrl.core.config import validate_config
from traitrl.results.stats import PairedResult, ci_excludes_zero_unflagged, format_p
from traitrl.results.store import DEFAULT_STORE, open_store

if TYPE_CHECKING:
    from traitrl.evals.runner import BenchmarkOutcome
    from traitrl.results.summary import RunSummary

benchmarks_app = typer.Typer(help="Inspect the benchmark suite.", no_args_is_help=True)
benchmarks_app.command("audit")(audit_command)  # prompt-blind heuristics vs chance (traitrl.cli.audit)


def _fail(message: str) -> typer.Exit:
    return fail(message)


def _neff(x: float | None) -> str:
    """Effective number of independent items (clusters of one situation count less than their size)."""
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.0f}"


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
    grid = table(f"{len(rows)} built-in benchmarks", ["name", "version", "category", "scoring", "items", "chance"])
    for r in rows:
        grid.add_row(r["name"], r["version"], r["category"], r["scoring"] + (" (judge)" if r["requires_judge"] else ""),
                     str(r["n_items"]), f"{r['chance']:.2f}" if r["chance"] is not None else "—")
    _out.print(grid, soft_wrap=False)
    _out.print(plain("Public-format adapters (use --benchmark KIND:SOURCE[?key=value&...]):"))
    for info in ADAPTERS.values():
        _out.print(plain(f"  {info.kind:<16} {info.description}"))


@benchmarks_app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write (one sub-folder per benchmark + README.md).")],
    benchmark: Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="Only these built-ins; repeatable.")] = None,
) -> None:
    """Export the built-in suite as a Hugging Face dataset folder (one config per benchmark, split 'test')."""
    from traitrl.core.errors import UserError
    from traitrl.evals.export import export_suite

    try:
        entries = export_suite(out, benchmark)
    except UserError as err:
        raise _fail(str(err)) from None
    items = sum(e["n"] for e in entries)
    _out.print(plain(f"wrote {len(entries)} benchmarks ({items} items) to {out}; "
                     f"load one with datasets.load_dataset({str(out)!r}, NAME, split='test')"))


def eval_command(
    model: Annotated[str | None, typer.Option(help="'embedded', a HF model folder, a LoRA adapter folder, or openai:NAME.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="An EvalConfig YAML file; flags given here win.")] = None,
    suite: Annotated[str | None, typer.Option(help="default | judge | all | category:NAME (ignored with --benchmark).")] = None,
    benchmark: Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="NAME[?k=v&...] or KIND:SOURCE; repeatable; replaces the suite.")] = None,
    quick: Annotated[bool | None, typer.Option("--quick/--full", help="At most 50 items per option-scored and 20 per generation benchmark.")] = None,
    persona: Annotated[str | None, typer.Option(help="A system prompt prefixed to every conversation (or @FILE).")] = None,
    seed: Annotated[int | None, typer.Option(help="Generation seed (recorded).")] = None,
    mc_format: Annotated[str | None, typer.Option("--mc-format", help="Log-prob MC prompt format: chat | raw.")] = None,
    store: Annotated[Path | None, typer.Option(help="Results store (SQLite), default runs/traitrl.sqlite.")] = None,
    run_id: Annotated[str | None, typer.Option(help="Name this run (default: derived from model, settings and benchmarks, so a re-run resumes).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many items per benchmark.")] = None,
    precision: Annotated[str | None, typer.Option(help="fp32 | bf16 | auto (bf16 is ~1.5-2x faster on CPU; recorded).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="HF forward-pass batch size.")] = None,
    label: Annotated[list[str] | None, typer.Option("--label", help="KEY=VALUE describing the run (study, arm, seed, attack); repeatable.")] = None,
    allow_errors: Annotated[float | None, typer.Option(
        "--allow-errors", min=0.0, max=1.0,
        help="Tolerated share of errored items per benchmark (0-1). Default: fail (exit 1) only when a "
             "benchmark scored nothing; 1 never fails.")] = None,
) -> None:
    """Evaluate a model on a suite or a list of benchmarks; results are stored per sample and resumable.

    Exits 1 when a benchmark scored nothing (every attempted item errored, e.g. an unreachable judge) or, with
    ``--allow-errors F``, when more than a share F of a benchmark's attempted items errored. Results are
    stored either way.
    """
    from traitrl.evals.config import EvalConfig, load_eval_config
    from traitrl.evals.runner import run_eval
    from traitrl.grading.judge import JudgeConfig
    from traitrl.models import load_chat_model
    from traitrl.results.summary import summarize_run

    given = {k: v for k, v in {
        "model": model, "suite": suite, "benchmarks": list(benchmark) if benchmark else None, "quick": quick,
        "persona": persona, "seed": seed, "mc_format": mc_format, "store": store, "run_id": run_id, "limit": limit,
        "precision": precision, "batch_size": batch_size, "labels": _labels(label or []) or None,
    }.items() if v is not None}
    try:
        cfg = load_eval_config(config, **given) if config else validate_config(EvalConfig, given, where="eval")
        if cfg.judge is None:
            cfg = cfg.model_copy(update={"judge": JudgeConfig.from_env()})
        judge = cfg.judge.build() if cfg.judge else None
        names = cfg.benchmark_refs()
        chat_model = load_chat_model(cfg.model, precision=cfg.precision, batch_size=cfg.batch_size)
        with open_store(cfg.store) as db:
            t0 = time.perf_counter()
            result = run_eval(chat_model, names, db, cfg, judge=judge, console=_err)
            wall = time.perf_counter() - t0
            summary = summarize_run(db, result.run_id)
    except (ValueError, OSError) as err:  # UserError, ModelLoadError, bad files
        raise _fail(describe_error(err)) from None
    _print_summary(summary, wall)
    _print_outcomes(result.outcomes)
    _out.print(joined("run id: ", (result.run_id, "bold"), f"  (store {cfg.store}; wall time {wall:.1f} s)"))
    failing = failing_benchmarks(result.outcomes, allow_errors)
    if failing:
        raise fail("; ".join(failing), label="failed:", code=1)


def failing_benchmarks(outcomes: list[BenchmarkOutcome], allow_errors: float | None = None) -> list[str]:
    """Why the run should exit non-zero: one line per benchmark over the error threshold.

    Args:
        outcomes: The run's per-benchmark outcomes.
        allow_errors: Tolerated errored share per benchmark; None means only "scored nothing" fails.
    """
    out = []
    for o in outcomes:
        if o.status == "skipped":
            continue
        if allow_errors is None and o.scored_nothing:
            out.append(f"{o.name} scored nothing ({o.errored} items errored; rerun to retry them, or pass "
                       "--allow-errors 1 to accept)")
        elif allow_errors is not None and o.error_share > allow_errors:
            out.append(f"{o.name}: {o.errored} of {o.scored + o.errored} items errored "
                       f"({o.error_share:.0%} > --allow-errors {allow_errors:g})")
    if outcomes and all(o.status == "skipped" for o in outcomes):
        out.append("every benchmark was skipped; nothing was scored")
    return out


def _print_outcomes(outcomes: list[BenchmarkOutcome]) -> None:
    """Scored / errored / skipped / cached items per benchmark, with the reason for anything not done."""
    grid = table("items per benchmark in this invocation", ["benchmark", "status", "scored", "errored", "skipped",
                                                             "cached", "message"])
    for o in outcomes:
        style = "" if o.status == "done" and not o.errored else "yellow"
        grid.add_row(plain(o.name), plain(o.status, style), str(o.scored), plain(str(o.errored), style),
                     str(o.skipped), str(o.cached), plain(o.message))
    _out.print(grid, soft_wrap=False)


def _labels(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise _fail(f"--label takes KEY=VALUE, got {item!r}")
        out[key.strip()] = value.strip()
    return out


def _print_summary(summary: RunSummary, wall: float) -> None:
    grid = table(f"{summary.run.model} — per benchmark (%, 95% bootstrap CI)",
                 ["benchmark", "category", "n", "n_eff", "mean", "95% CI", "chance", "MDE", "refused", "flags"])
    cats: dict[str, list[float]] = {}
    for b in summary.benchmarks:
        if b.n:
            cats.setdefault(b.category, []).append(b.mean)
        grid.add_row(plain(b.benchmark), b.category, str(b.n), _neff(b.n_eff), _pct(b.mean),
                     f"{_pct(b.ci_low)}–{_pct(b.ci_high)}",
                     _pct(b.chance), _pct(b.mde), _pct(b.refusal_rate), ",".join(b.flags))
    _out.print(grid, soft_wrap=False)
    ctable = table("per category (mean of benchmark means, %)", ["category", "benchmarks", "mean"])
    for cat, means in sorted(cats.items()):
        ctable.add_row(cat, str(len(means)), _pct(sum(means) / len(means)))
    _out.print(ctable, soft_wrap=False)
    for name, metrics in summary.extra.items():
        shown = ", ".join(f"{k}={v:.3f}" if isinstance(v, int | float) else f"{k}={v}" for k, v in metrics.items())
        _out.print(plain(f"{name}: {shown}"))
    flagged = [b for b in summary.benchmarks if b.flags]
    _out.print(f"{len(summary.benchmarks)} benchmarks scored; {len(flagged)} at floor/ceiling/chance "
               "(read effects only where there is headroom)")
    if summary.shift:
        grid = table("contrast shift — does the target's score rise in its own version of a set? "
                     "(%, chance 50; a sensitivity measure shown beside accuracy, see docs/benchmarks.md)",
                     ["benchmark", "category", "n", "n_eff", "shift", "95% CI", "accuracy", "flags"])
        acc = {b.benchmark: b.mean for b in summary.benchmarks}
        for b in summary.shift:
            grid.add_row(plain(b.benchmark), b.category, str(b.n), _neff(b.n_eff), _pct(b.mean),
                         f"{_pct(b.ci_low)}–{_pct(b.ci_high)}", _pct(acc.get(b.benchmark)), ",".join(b.flags))
        _out.print(grid, soft_wrap=False)
        readable = [b for b in summary.shift if not b.flags]
        _out.print(f"contrast shift: {len(readable)} of {len(summary.shift)} contrast-set benchmarks off chance "
                   "and ceiling")


def compare_command(
    run_a: Annotated[str, typer.Argument(help="Baseline run id (A).")],
    run_b: Annotated[str, typer.Argument(help="Run compared against it (B); Δ = B − A.")],
    store: Annotated[Path, typer.Option(help="Results store (SQLite).")] = DEFAULT_STORE,
    json_out: Annotated[Path | None, typer.Option("--json-out", help="Also write the comparison as JSON.")] = None,
) -> None:
    """Paired per-item comparison of two runs: X of N ahead, BH-significant gains and regressions, refusals."""
    from traitrl.grading.address import narrating_share
    from traitrl.grading.guard import REPEAT_MIN_WORDS, looping_share
    from traitrl.results.summary import compare_stored_runs

    if not store.exists():
        raise _fail(f"{store}: no results store (run `traitrl eval` first or pass --store)")
    try:
        with open_store(store) as db:
            comp = compare_stored_runs(db, run_a, run_b)
            rows = {rid: db.load_samples(rid) for rid in (run_a, run_b)}
            looping = [looping_share(t for row in rows[rid] for t in row.replies) for rid in (run_a, run_b)]
            # Only where the narration gate applies: rubric-graded trait scenarios (evals.api.score_sample).
            trait = {rid: {n for n, e in run.benchmarks.items() if e.get("category") == "trait_heldout"}
                     for rid in (run_a, run_b) if (run := db.get_run(rid)) is not None}
            narrating = [narrating_share(t for row in rows[rid] if row.benchmark in trait.get(rid, set())
                                         and row.grade.get("grader") == "rubric" for t in row.replies)
                         for rid in (run_a, run_b)]
    except (ValueError, OSError) as err:
        raise _fail(describe_error(err)) from None
    if not comp.results:
        raise _fail(f"runs {run_a!r} and {run_b!r} share no scored items")
    _print_paired(comp.results, f"B = {run_b} vs A = {run_a} (Δ = B − A, pp)")
    ctable = table("per category (mean over benchmarks, %)", ["category", "benchmarks", "A", "B", "Δ"])
    for cat, m in comp.category_means.items():
        ctable.add_row(cat, str(m["n_benchmarks"]), _pct(m["a"]), _pct(m["b"]), f"{100 * m['delta']:+.1f}")
    _out.print(ctable, soft_wrap=False)
    _out.print(plain(comp.headline, "bold"))
    if comp.refusal_a is not None or comp.refusal_b is not None:
        from traitrl.results.stats import headline_of

        _out.print(plain(f"refusal rate: A {_pct(comp.refusal_a)}%, B {_pct(comp.refusal_b)}% (items with a refusal flag)"))
        _out.print(plain(f"on items where neither refused: {headline_of(comp.non_refused)}"))
    if looping[0][1] or looping[1][1]:
        _out.print(plain(f"looping replies: A {_pct(looping[0][0])}% of {looping[0][1]}, B {_pct(looping[1][0])}% of "
                         f"{looping[1][1]} (generated replies that say a sentence of {REPEAT_MIN_WORDS}+ words twice)"))
    if narrating[0][1] or narrating[1][1]:
        _out.print(plain(f"replies speaking to no one: A {_pct(narrating[0][0])}% of {narrating[0][1]}, B "
                         f"{_pct(narrating[1][0])}% of {narrating[1][1]} (rubric-graded trait-scenario replies with no first- "
                         "or second-person word, direct answer or advice: retellings, which earn no offline credit)"))
    if comp.shift is not None:
        _print_paired(comp.shift.results, f"contrast shift, B = {run_b} vs A = {run_a} (Δ = B − A, pp; its own "
                      "BH family)")
        _out.print(plain(f"contrast shift: {comp.shift.headline}"))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        payload = _finite({"run_a": run_a, "run_b": run_b, **comp.to_dict(),
                           "looping": {"a": looping[0][0], "b": looping[1][0], "n_a": looping[0][1],
                                       "n_b": looping[1][1]},
                           "narrating": {"a": narrating[0][0], "b": narrating[1][0], "n_a": narrating[0][1],
                                         "n_b": narrating[1][1]}})
        json_out.write_text(json.dumps(payload, indent=2, default=str, allow_nan=False))
        _out.print(joined("wrote ", str(json_out)))


def _print_paired(results: list[PairedResult], title: str) -> None:
    grid = table(title, ["benchmark", "category", "n", "n_eff", "A", "B", "Δ", "95% CI", "p", "q (BH)", "MDE", ""])
    for r in sorted(results, key=lambda r: (r.category, r.benchmark)):
        mark = ("▲" if r.delta > 0 else "▼") if r.significant else ""
        grid.add_row(plain(r.benchmark), r.category, str(r.n), _neff(r.n_eff), _pct(r.mean_a), _pct(r.mean_b),
                     f"{100 * r.delta:+.1f}", f"{100 * r.ci_low:+.1f}…{100 * r.ci_high:+.1f}", r.p_text,
                     format_p(r.p_adjusted, r.p_min), _pct(r.mde), mark)
    _out.print(grid, soft_wrap=False)
    unflagged = ci_excludes_zero_unflagged(results)
    if unflagged:
        _out.print(plain(f"note: the 95% CI excludes 0 on {len(unflagged)} benchmark(s) that are not significant "
                         "(CIs are not corrected for multiple comparisons, and with few clusters the CI and the "
                         "sign-flip p, which decides significance, can disagree near 0): "
                         + ", ".join(unflagged)))


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
