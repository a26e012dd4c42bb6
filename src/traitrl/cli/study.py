"""``traitrl study``: run a whole study from one config, or show its plan.

- ``traitrl study run configs/study/demo.yaml [--output-dir DIR]``: every stage (arms, the suite on each arm and
  the start model, persistence), then ``report.html``, ``summary.json`` and ``summary.md`` in the study folder.
  Resumable: run the same command after an interruption and finished stages are skipped.
- ``traitrl study plan CONFIG``: the stages, their content keys and which are already done.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from traitrl.cli.common import console, err_console, joined, plain, table, user_errors

app = typer.Typer(help="Run a study (arms → suite → persistence → report) from one config.", no_args_is_help=True)

DEMO_CONFIG = Path("configs/study/demo.yaml")


def _load(config: Path, output_dir: Path | None):  # type: ignore[no-untyped-def]
    from traitrl.study.config import load_study_config

    return load_study_config(config, **({"output_dir": output_dir} if output_dir else {}))


def run_study_file(config: Path, output_dir: Path | None = None, render: bool = True) -> None:
    """Load, run and print where the report is, with its headline."""
    import json

    from traitrl.study.run import run_study

    cfg = _load(config, output_dir)
    err_console.print(joined(("study ", "bold"), (cfg.name, "bold cyan"), f" ({cfg.profile} profile) → {cfg.root}"))
    root = run_study(cfg, console=err_console, render=render)
    summary = json.loads((root / "summary.json").read_text(encoding="utf-8"))
    for h in summary.get("headlines", []):
        console.print(joined((f"{h['arm']} vs {h['baseline']}: ", "bold"), h["text"]))
    report = root / "report.html"
    console.print(joined("report: ", (str(report if report.exists() else root / "summary.json"), "bold")))


@app.command("run")
@user_errors
def run_command(
    config: Annotated[Path, typer.Argument(help="A study YAML (see configs/study/).")],
    output_dir: Annotated[Path | None, typer.Option(help="Where the study writes (default: runs/study/NAME).")] = None,
    no_report: Annotated[bool, typer.Option("--no-report", help="Write summary.json only (no HTML/Markdown).")] = False,
) -> None:
    """Run (or resume) every stage of a study and write its report."""
    run_study_file(config, output_dir, render=not no_report)


@app.command("plan")
@user_errors
def plan_command(
    config: Annotated[Path, typer.Argument(help="A study YAML (see configs/study/).")],
    output_dir: Annotated[Path | None, typer.Option(help="The study folder (default: runs/study/NAME).")] = None,
) -> None:
    """List the stages of a study, their content keys, estimated cost and whether each is already done."""
    from traitrl.study.run import plan
    from traitrl.study.stages import Ledger

    cfg = _load(config, output_dir)
    ledger = Ledger.open(cfg.root / "stages.json")
    grid = table(f"study {cfg.name} ({cfg.profile}) → {cfg.root}", ["stage", "key", "estimate (s)", "status"])
    stages = plan(cfg)
    for st in stages:
        grid.add_row(st.name, st.key, f"{st.estimate:.0f}", "done" if ledger.done(st) else "to run")
    console.print(grid, soft_wrap=False)
    todo = sum(st.estimate for st in stages if not ledger.done(st))
    # The costs are measured for the embedded model on 2 CPU cores; a running study re-paces them per stage kind.
    console.print(plain(f"estimated time to finish: ~{todo / 60:.0f} min on 2 CPU cores with the embedded model "
                        "(other models and GPUs: the running study re-paces its ETA from the first stages)"))


@user_errors
def demo_command(
    output_dir: Annotated[Path | None, typer.Option(help="Where the demo study writes (default: runs/study/demo).")] = None,
) -> None:
    """The demo study (configs/study/demo.yaml) on the embedded model: a real small study, ending in a report."""
    if not DEMO_CONFIG.exists():
        raise typer.BadParameter(f"{DEMO_CONFIG} not found; run from the repository root (or use `traitrl study run`)")
    run_study_file(DEMO_CONFIG, output_dir)
