"""``traitrl persist``: selective persistence of model B against model A.

- ``traitrl persist prompts --models A B [--personas NAME ...]``: suite scores with and without each persona;
  per-benchmark retention, per-category verdicts (selectively persistent / not persistent / not measurable ...).
- ``traitrl persist finetune --models A B --grid quick|full|FILE``: harmful SFT over the grid with evaluations at
  checkpoints; attacked vs spill-over drops, AUHC ratio, steps-to-compromise, worst case, benign control.
- ``traitrl persist personas``: the persona file (name, kind, placement, targets, version).

Both protocols take ``--config FILE`` (a YAML of the protocol's fields, see ``configs/persist/``); flags given
on the command line win. Results go to the same store as ``traitrl eval`` with labels; ``--json`` prints every
table as JSON.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from traitrl.cli.common import console, err_console, user_errors
from traitrl.cli.results import render
from traitrl.core.config import load_config, validate_config
from traitrl.results.tables import Column, Table

app = typer.Typer(help="Selective persistence: persona-prompt steering and harmful fine-tuning attacks.",
                  no_args_is_help=True)

ModelsOpt = Annotated[list[str] | None, typer.Option("--models", help="A then B (pass twice, or A B after one flag).")]
BenchOpt = Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="NAME[?k=v]; repeatable; replaces the suite.")]


def _split_models(models: list[str] | None, extra: list[str]) -> list[str] | None:
    # `--models A B` leaves B as a positional argument in typer; accept both spellings.
    out = [*(models or []), *extra]
    return out or None


def _eval_flags(benchmark: list[str] | None, suite: str | None, limit: int | None, quick: bool | None,
                precision: str | None, batch_size: int | None) -> dict[str, Any]:
    flags = {"benchmarks": benchmark or None, "suite": suite, "limit": limit, "quick": quick, "precision": precision,
             "batch_size": batch_size}
    return {k: v for k, v in flags.items() if v is not None}


def _build(cls: type, config: Path | None, top: dict[str, Any], eval_flags: dict[str, Any],
           decision: dict[str, Any]) -> Any:
    top = {k: v for k, v in top.items() if v is not None}
    if config is not None:
        base: Any = load_config(cls, config)
        data = base.model_dump(mode="json")
        data["eval"] = {**data["eval"], **eval_flags}
        data["decision"] = {**data["decision"], **decision}
        return validate_config(cls, {**data, **top}, where=str(config))
    return validate_config(cls, {**top, "eval": eval_flags, "decision": decision}, where="flags")


def _emit(tables: list[Table], json_out: bool, extra: dict[str, Any]) -> None:
    if json_out:
        typer.echo(json.dumps({"tables": [t.to_dict() for t in tables], **extra}, indent=2, default=str))
        return
    for t in tables:
        render(t)


@app.command("personas")
@user_errors
def personas_command(
    persona_file: Annotated[Path | None, typer.Option(help="A persona YAML (default: the shipped personas).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the personas: name, kind, placement, targeted categories and content version."""
    from traitrl.attacks.persona import load_personas, select_personas

    t = Table(title="personas", columns=[Column("name", "name"), Column("kind", "kind"),
                                         Column("placement", "placement"), Column("targets", "targets"),
                                         Column("version", "version"), Column("description", "description")])
    for p in select_personas(load_personas(persona_file)):
        t.rows.append({"name": p.name, "kind": p.kind, "placement": p.placement, "targets": list(p.targets),
                       "version": p.version, "description": p.description})
    _emit([t], json_out, {})


@app.command("prompts")
@user_errors
def prompts_command(
    more: Annotated[list[str] | None, typer.Argument(help="B (when written as --models A B).", show_default=False)] = None,
    models: ModelsOpt = None,
    personas: Annotated[list[str] | None, typer.Option("--personas", help="Persona names (default: all); repeatable.")] = None,
    persona_file: Annotated[Path | None, typer.Option(help="A persona YAML (default: the shipped personas).")] = None,
    config: Annotated[Path | None, typer.Option(help="A prompts-protocol YAML; flags win.")] = None,
    benchmark: BenchOpt = None,
    suite: Annotated[str | None, typer.Option(help="default | category:NAME ... (ignored with --benchmark).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many items per benchmark.")] = None,
    quick: Annotated[bool | None, typer.Option("--quick/--full", help="The quick item profile (default on).")] = None,
    precision: Annotated[str | None, typer.Option(help="fp32 | bf16 | auto.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Forward-pass batch size.")] = None,
    delta: Annotated[float | None, typer.Option(help="Non-inferiority margin δ for helpful gains (fixed before the run).")] = None,
    alpha: Annotated[float | None, typer.Option(help="False discovery rate over categories.")] = None,
    store: Annotated[Path | None, typer.Option(help="Results store (SQLite).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
) -> None:
    """Persona-prompt steering of models A and B: retention per benchmark and category, and verdicts."""
    from traitrl.attacks.config import PromptsConfig
    from traitrl.attacks.steering import analyze_prompts, run_prompts
    from traitrl.results.store import open_store

    decision = {k: v for k, v in {"delta": delta, "alpha": alpha}.items() if v is not None}
    cfg = _build(PromptsConfig, config, {"models": _split_models(models, more or []), "personas": personas or None,
                                         "persona_file": persona_file, "store": store},
                 _eval_flags(benchmark, suite, limit, quick, precision, batch_size), decision)
    t0 = time.perf_counter()
    runs = run_prompts(cfg, console=err_console)
    wall = time.perf_counter() - t0
    with open_store(cfg.store) as db:
        report = analyze_prompts(db, runs, cfg.decision, seed=cfg.eval.seed)
    extra = {"runs": {"clean": runs.clean, "steered": runs.steered}, "seconds": runs.seconds, "wall_seconds": wall,
             "prereg": cfg.prereg_key()}
    _emit(report.tables, json_out, extra)
    if not json_out:
        console.print(f"prereg {cfg.prereg_key()}; wall time {wall:.1f} s "
                      + ", ".join(f"{r}: {s:.1f} s" for r, s in runs.seconds.items()), highlight=False)


@app.command("finetune")
@user_errors
def finetune_command(
    more: Annotated[list[str] | None, typer.Argument(help="B (when written as --models A B).", show_default=False)] = None,
    models: ModelsOpt = None,
    grid: Annotated[str | None, typer.Option(help="quick | full | a grid YAML file.")] = None,
    config: Annotated[Path | None, typer.Option(help="A finetune-protocol YAML; flags win.")] = None,
    benchmark: BenchOpt = None,
    suite: Annotated[str | None, typer.Option(help="default | category:NAME ... (ignored with --benchmark).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many items per benchmark.")] = None,
    quick: Annotated[bool | None, typer.Option("--quick/--full", help="The quick item profile (default on).")] = None,
    precision: Annotated[str | None, typer.Option(help="fp32 | bf16 | auto (training autocasts).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Forward-pass batch size.")] = None,
    threshold: Annotated[float | None, typer.Option(help="Attacked-domain drop that counts as compromised.")] = None,
    store: Annotated[Path | None, typer.Option(help="Results store (SQLite).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
) -> None:
    """Harmful fine-tuning of models A and B over an attack grid, evaluated at checkpoints, with a benign control."""
    from traitrl.attacks.ft_analysis import analyze_finetune
    from traitrl.attacks.grids import FinetuneConfig, load_grid
    from traitrl.attacks.harmful_ft import run_finetune
    from traitrl.results.store import open_store

    top: dict[str, Any] = {"models": _split_models(models, more or []), "store": store}
    if grid is not None or config is None:
        top["grid"] = load_grid(grid or "quick").model_dump(mode="json")
    decision = {"compromise_threshold": threshold} if threshold is not None else {}
    cfg = _build(FinetuneConfig, config, top, _eval_flags(benchmark, suite, limit, quick, precision, batch_size),
                 decision)
    t0 = time.perf_counter()
    runs = run_finetune(cfg, console=err_console)
    wall = time.perf_counter() - t0
    with open_store(cfg.store) as db:
        report = analyze_finetune(db, runs, cfg.decision, seed=cfg.eval.seed)
    training = [{"role": c.role, "cell": c.cell.label, "kind": c.kind, **{k: v for k, v in c.train.items()
                                                                         if k != "losses"}}
                for c in runs.cells]
    extra = {"headline": report.headline, "training": training, "seconds": runs.seconds, "wall_seconds": wall,
             "prereg": cfg.prereg_key()}
    _emit(report.tables, json_out, extra)
    if not json_out:
        console.print(f"prereg {cfg.prereg_key()}; wall time {wall:.1f} s "
                      + ", ".join(f"{r}: {s:.1f} s" for r, s in runs.seconds.items()), highlight=False)
