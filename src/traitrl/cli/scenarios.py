"""`traitrl scenarios …`: generate, validate, stats and show the scenario bank."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.panel import Panel
from rich.text import Text

from traitrl.cli.common import console, err_console, fail, joined, plain, table, user_errors
from traitrl.core.errors import UserError

if TYPE_CHECKING:
    from traitrl.scenarios.schema import Scenario

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
        err_console.print(joined(f"LLM generation: {result}"))
    else:
        if split not in (None, "train", "heldout"):
            raise UserError(f"--split must be train or heldout, not {split!r}")
        scenarios = build_bank(seed=seed, split=split, traits=trait or None, domains=domain or None,  # type: ignore[arg-type]
                               shuffle=True)
    n = write_scenarios(scenarios, out)
    console.print(joined(f"wrote {n} scenarios to {out}"))


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
            console.print(joined(("ok", "green"), f" {path}: {len(templates)} templates, {n} scenarios"))
            if audit:
                from traitrl.scenarios.audit import audit_template

                bad = [p for t in templates for p in audit_template(t).problems]
                for p in bad:
                    err_console.print(joined(("audit:", "red"), " ", p))
                if bad:
                    raise typer.Exit(1)
                console.print(joined(("audit ok", "green"), ": every good oracle beats its bad one by >= 0.5; no gaming wins"))
                _print_off_scenario_floor([s for t in templates for s in render(t)])
            return
        scenarios = read_scenarios(path)
    except (ScenarioFileError, ValueError, OSError) as err:
        from traitrl.cli.common import describe_error

        raise fail(describe_error(err), label="invalid:", code=1) from None
    console.print(joined(("ok", "green"), f" {path}: {len(scenarios)} scenarios"))


def _print_off_scenario_floor(scenarios: list[Any]) -> None:
    """What the file's rubrics pay for good replies to other questions: the built-in bank's good oracles of other
    templates, graded on each scenario (``traitrl.scenarios.audit.off_scenario_audit``). Shown, not enforced: some
    criteria ("still gives a workable plan") are met by any helpful reply by design."""
    from traitrl.scenarios.audit import off_scenario_audit
    from traitrl.scenarios.bank import build_bank

    floor = off_scenario_audit(scenarios, build_bank(seed=0))
    worst, worst_score = next(iter(floor.by_template.items()), ("-", 0.0))
    console.print(joined("off-scenario floor: ", f"{100 * floor.mean_score:.1f}% mean over {floor.replies} good replies "
                         f"to other questions ({100 * floor.share_credited:.0f}% credited; highest {worst}: "
                         f"{100 * worst_score:.1f}%)"))


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
    domains = sorted({d for cells in st.cells.values() for d in cells})
    grid = table("trait x domain (train scenarios)", ["trait", *domains, "templates (train/heldout)"])
    for trait, cells in st.cells.items():
        tp = st.templates_per_trait.get(trait, {})
        grid.add_row(plain(trait), *[str(cells.get(d, 0)) for d in domains], f"{tp.get('train', 0)}/{tp.get('heldout', 0)}")
    console.print(grid, soft_wrap=False)
    console.print(plain(f"scenarios {st.scenarios}  templates {st.templates}  unique prompts {st.unique_prompts}  "
                  f"heldout disjoint {st.heldout_templates_disjoint}  13-gram leakage {st.leakage_13gram} "
                  f"(train vs heldout + {len(bench_texts)} benchmark prompts)"))


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
        console.print(Panel(scenario_text(s), title=plain(f"{s.id}  ({s.trait} / {s.domain} / {s.split})")),
                      soft_wrap=False)


def scenario_text(s: Scenario) -> Text:
    """A scenario's messages, rubric and oracles as inert text (it wraps; nothing in it is parsed as markup)."""
    parts: list[tuple[object, str] | object] = []
    for m in s.messages:
        parts += [(m.role, "bold"), ": ", m.content, "\n\n"]
    parts += [("rubric", "bold")]
    for c in s.rubric:
        parts += [f"\n  {c.points:+g}  [{c.grader}] ", c.text]
    if s.oracles:
        parts += ["\n\n", ("good oracle", "green"), ": ", s.oracles.good, "\n\n", ("bad oracle", "red"), ": ",
                  s.oracles.bad]
    return joined(*parts)
