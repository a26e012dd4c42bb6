"""`traitrl scenarios …`: generate, validate, stats and show the scenario bank."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.panel import Panel
from rich.table import Table

from traitrl.cli.common import console, err_console, user_errors
from traitrl.core.errors import UserError

app = typer.Typer(help="Build, check and inspect trait scenarios.", no_args_is_help=True)


@app.command()
@user_errors
def generate(
    out: Path = typer.Option(Path("runs/scenarios/bank.parquet"), help="Output: .jsonl, .parquet or a dataset dir."),
    seed: int = typer.Option(0, help="Seed (names and order); the set of scenarios is fixed."),
    split: str | None = typer.Option(None, help="train or heldout (default: both)."),
    trait: list[str] = typer.Option([], help="Only these traits (repeatable)."),
    domain: list[str] = typer.Option([], help="Only these domains (repeatable)."),
    llm: str | None = typer.Option(None, help="Write scenarios with this OpenAI-compatible model instead."),
    n_per_cell: int = typer.Option(2, help="With --llm: scenarios per trait x domain cell."),
    cache_dir: Path = typer.Option(Path("runs/cache/generate"), help="With --llm: reply cache."),
) -> None:
    """Render the procedural bank (offline default) or have an LLM write scenarios, and save them."""
    from traitrl.scenarios.bank import build_bank
    from traitrl.scenarios.io import write_scenarios

    if llm:
        from traitrl.core.taxonomy import DOMAINS, TRAITS
        from traitrl.models.openai_compat import OpenAIClient
        from traitrl.scenarios.generate import generate_scenarios

        result = generate_scenarios(OpenAIClient(model=llm), traits=trait or list(TRAITS),
                                    domains=domain or list(DOMAINS), n_per_cell=n_per_cell, seed=seed,
                                    cache_dir=cache_dir)
        scenarios = list(result.scenarios)
        err_console.print(f"LLM generation: {result}")
    else:
        if split not in (None, "train", "heldout"):
            raise UserError(f"--split must be train or heldout, not {split!r}")
        scenarios = build_bank(seed=seed, split=split, traits=trait or None, domains=domain or None,  # type: ignore[arg-type]
                               shuffle=True)
    n = write_scenarios(scenarios, out)
    console.print(f"wrote {n} scenarios to {out}")


@app.command()
def validate(
    path: Path = typer.Argument(..., help="A scenario file (.jsonl/.parquet/dataset dir) or a template .yaml."),
    audit: bool = typer.Option(False, help="Also check oracle separation and the grader-gaming set."),
) -> None:
    """Validate a scenario or template file; on error print file, line and field and exit 1."""
    from traitrl.scenarios.io import ScenarioFileError, read_scenarios

    try:
        if path.suffix in (".yaml", ".yml"):
            from traitrl.scenarios.templates import load_template_file, render

            templates = load_template_file(path)
            n = sum(1 for t in templates for _ in render(t))
            console.print(f"[green]ok[/] {path}: {len(templates)} templates, {n} scenarios")
            if audit:
                from traitrl.scenarios.audit import audit_template

                bad = [p for t in templates for p in audit_template(t).problems]
                for p in bad:
                    err_console.print(f"[red]audit:[/] {p}")
                if bad:
                    raise typer.Exit(1)
                console.print("[green]audit ok[/]: every good oracle beats its bad one by >= 0.5; no gaming wins")
            return
        scenarios = read_scenarios(path)
    except (ScenarioFileError, ValueError) as err:
        err_console.print(f"[bold red]invalid:[/] {err}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    console.print(f"[green]ok[/] {path}: {len(scenarios)} scenarios")


def _benchmark_texts() -> list[str]:
    """Prompt texts of every built-in offline benchmark, for the leakage check (empty if none registered)."""
    try:
        import traitrl.evals.builtin  # noqa: F401  (registers benchmarks)
        from traitrl.evals.api import REGISTRY
    except ImportError:
        return []
    texts: list[str] = []
    for spec in REGISTRY.values():
        for sample in spec.factory():
            texts.extend("\n".join(m.content for m in p.messages) for p in sample.prompts)
    return texts


@app.command()
@user_errors
def stats(
    path: Path | None = typer.Option(None, help="Stats of a scenario file instead of the built-in bank."),
    seed: int = 0,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    benchmarks: bool = typer.Option(True, help="Include built-in benchmark items in the leakage check."),
) -> None:
    """Counts per split, trait x domain, templates per trait, and the 13-gram leakage between splits."""
    from traitrl.scenarios.bank import bank_stats, build_bank
    from traitrl.scenarios.io import read_scenarios

    scenarios = read_scenarios(path) if path else build_bank(seed=seed)
    bench_texts = _benchmark_texts() if benchmarks else []
    st = bank_stats(scenarios, bench_texts)
    data = st.model_dump() | {"benchmark_prompts_checked": len(bench_texts)}
    if as_json:
        print(json.dumps(data, indent=2))
        return
    table = Table(title="trait x domain (train scenarios)")
    domains = sorted({d for cells in st.cells.values() for d in cells})
    table.add_column("trait")
    for d in domains:
        table.add_column(d, justify="right")
    table.add_column("templates (train/heldout)", justify="right")
    for trait, cells in st.cells.items():
        tp = st.templates_per_trait.get(trait, {})
        table.add_row(trait, *[str(cells.get(d, 0)) for d in domains], f"{tp.get('train', 0)}/{tp.get('heldout', 0)}")
    console.print(table)
    console.print(f"scenarios {st.scenarios}  templates {st.templates}  unique prompts {st.unique_prompts}  "
                  f"heldout disjoint {st.heldout_templates_disjoint}  13-gram leakage {st.leakage_13gram} "
                  f"(train vs heldout + {len(bench_texts)} benchmark prompts)")


@app.command()
@user_errors
def show(
    scenario_id: str | None = typer.Argument(None, help="A scenario id (see `stats`); omit with --template."),
    template: str | None = typer.Option(None, help="Show the first scenarios of this template."),
    n: int = typer.Option(1, help="How many scenarios to show with --template."),
    seed: int = 0,
) -> None:
    """Print scenarios with their rubric and oracle responses."""
    from traitrl.scenarios.bank import build_bank

    bank = build_bank(seed=seed)
    if scenario_id:
        chosen = [s for s in bank if s.id == scenario_id]
    elif template:
        chosen = [s for s in bank if s.template == template][:n]
    else:
        raise UserError("give a scenario id or --template NAME")
    if not chosen:
        raise UserError(f"no scenario matches {scenario_id or template!r}; list ids with `traitrl scenarios generate --out x.jsonl`")
    for s in chosen:
        body = "\n\n".join(f"[bold]{m.role}[/]: {m.content}" for m in s.messages)
        rubric = "\n".join(f"  {c.points:+g}  [{c.grader}] {c.text}" for c in s.rubric)
        oracles = f"\n\n[green]good oracle[/]: {s.oracles.good}\n\n[red]bad oracle[/]: {s.oracles.bad}" if s.oracles else ""
        console.print(Panel(f"{body}\n\n[bold]rubric[/]\n{rubric}{oracles}",
                            title=f"{s.id}  ({s.trait} / {s.domain} / {s.split})"))
