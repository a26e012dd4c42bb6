"""``traitrl rollout`` and ``traitrl demo``: generate with a model on scenarios and grade with their rubrics."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from traitrl.cli.common import console, err_console, joined, plain, progress, table, user_errors
from traitrl.core.errors import UserError
from traitrl.rollout import RolloutResult, RolloutSummary


@user_errors
def rollout(
    model: str = typer.Option("embedded", help="embedded | a HF model dir | openai:MODEL"),
    n: int = typer.Option(16, help="Number of scenarios (stratified across traits)."),
    split: str = typer.Option("heldout", help="Scenario split to roll out on."),
    trait: list[str] = typer.Option([], help="Only these traits."),
    domain: list[str] = typer.Option([], help="Only these domains."),
    max_tokens: int = typer.Option(128, help="New tokens per response."),
    temperature: float = typer.Option(0.0, help="0 = greedy."),
    seed: int = 0,
    batch_size: int = typer.Option(8, help="Generation batch size."),
    precision: str = typer.Option("fp32", help="fp32 | bf16 | auto (HF backends; recorded in the model name)."),
    out: Path | None = typer.Option(None, help="Write per-scenario results (JSONL)."),
    show: int = typer.Option(3, help="Print this many responses in full."),
) -> None:
    """Generate responses with a model on scenarios and grade them with each scenario's rubric."""
    from traitrl.models import SamplingParams, load_chat_model
    from traitrl.rollout import pick_stratified
    from traitrl.rollout import rollout as run_rollout
    from traitrl.scenarios.bank import build_bank

    if split not in ("train", "heldout"):
        raise UserError(f"--split must be train or heldout, not {split!r}")
    pool = build_bank(seed=seed, split=split, traits=trait or None, domains=domain or None)  # type: ignore[arg-type]
    if not pool:
        raise UserError("no scenarios match the filters")
    scenarios = pick_stratified(pool, n, seed)
    err_console.print(joined(f"loading model {model!r} …"))
    chat_model = load_chat_model(model, precision=precision, batch_size=batch_size)
    tokenizer = getattr(chat_model, "tokenizer", None)
    count = (lambda text: len(tokenizer(text, add_special_tokens=False)["input_ids"])) if tokenizer is not None else None
    params = SamplingParams(max_tokens=max_tokens, temperature=temperature, seed=seed)
    from traitrl.grading.judge import judge_from_env

    judge = judge_from_env()
    with progress() as bar:
        task = bar.add_task(f"rollout {chat_model.name}", total=len(scenarios))
        results, summary = run_rollout(chat_model, scenarios, params, judge=judge, batch_size=batch_size,  # type: ignore[arg-type]
                                       on_batch=lambda k: bar.advance(task, k), count_tokens=count)
    if out:
        # Results are written before anything is displayed, so a display problem can never lose a run.
        write_rollout(out, results, summary)
    show_rollout(results, summary, f"{chat_model.name} ({'judge' if judge else 'offline proxies'})", show)
    if out:
        console.print(joined("wrote ", str(out)))


def write_rollout(out: Path, results: list[RolloutResult], summary: RolloutSummary) -> None:
    """One JSON line per result plus a summary line, written atomically.

    ``json.dumps`` escapes non-ASCII (including lone surrogates a model may emit), so any reply round-trips.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(r.model_dump(mode="json")) + "\n")
        f.write(json.dumps({"summary": summary.model_dump(mode="json")}) + "\n")
    tmp.replace(out)


def show_rollout(results: list[RolloutResult], summary: RolloutSummary, label: str, show: int) -> None:
    """The results table, the first ``show`` responses in full, and the summary; all text shown literally."""
    grid = table(f"{len(results)} graded rollouts — {label}", ["scenario", "score", "met", "refused", "response"])
    for r in results:
        met = sum(1 for v in r.grade.verdicts if v.met)
        grid.add_row(plain(r.scenario_id), "—" if r.grade.score is None else f"{r.grade.score:.2f}",
                     f"{met}/{len(r.grade.verdicts)}", "yes" if r.grade.refused else "",
                     plain(r.response.replace("\n", " "), limit=90))
    console.print(grid, soft_wrap=False)
    for r in results[:show]:
        console.print(joined((r.scenario_id, "bold"), " → ", r.response, "\n  ", (r.grade.explanation, "dim")))
    by_trait = "  ".join(f"{k} {v:.2f}" for k, v in summary.by_trait.items())
    mean = summary.mean_score if summary.mean_score is None else round(summary.mean_score, 3)
    console.print(plain(f"mean score {mean}  refusals {summary.refusal_rate:.0%}  {summary.new_tokens} new tokens in "
                        f"{summary.seconds:.1f} s = {summary.tokens_per_second:.1f} tokens/s\nby trait: {by_trait}"))
