"""CLI pieces for training and export; the main CLI mounts them (``app.command("train")(train_command)``,
``app.add_typer(export_app, name="export")``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from traitrl.cli.common import console, plain, user_errors

export_app = typer.Typer(help="Export training data for other RL engines.", no_args_is_help=True)


def _given(**flags: Any) -> dict[str, Any]:
    """Only the flags the user set (None means 'not given'), so YAML values are not silently overridden."""
    return {k: v for k, v in flags.items() if v is not None}


@user_errors
def train_command(
    arm: str = typer.Option(None, help="baseline | trait | reward_control | health_only | no_health_science | custom"),
    dose: float = typer.Option(None, help="Share of trait prompts in the mix (default 0.05; baseline is 0)."),
    model: str = typer.Option(None, help="embedded, or a Hugging Face model folder."),
    precision: str = typer.Option(None, help="fp32 | bf16 | auto (bf16: fp32 master weights; bf16 weights on CPU, autocast elsewhere)."),
    store: Path = typer.Option(None, help="Results store for the held-out curve (default runs/traitrl.sqlite)."),
    steps: int = typer.Option(None, help="Optimizer steps (one GRPO generation batch each)."),
    prompts_per_step: int = typer.Option(None, help="Prompts per step."),
    generations: int = typer.Option(None, "--generations", help="Completions per prompt (GRPO group size)."),
    max_tokens: int = typer.Option(None, help="Max new tokens per completion."),
    lora: bool = typer.Option(None, "--lora/--full", help="LoRA (PEFT) or full fine-tuning."),
    resume: bool = typer.Option(False, "--resume", help="Continue from the last checkpoint in output_dir."),
    config: Path = typer.Option(None, help="A YAML TrainConfig (see configs/train/); flags override it."),
    output_dir: Path = typer.Option(None, help="Where checkpoints and run_record.json go."),
    seed: int = typer.Option(None, help="Seed for the mix, sampling and initialisation."),
    trait: list[str] = typer.Option([], help="Custom arm: only these traits (repeatable)."),
    domain: list[str] = typer.Option([], help="Custom arm: only these domains (repeatable)."),
    report_to: list[str] = typer.Option([], help="wandb | mlflow | tensorboard | none (repeatable)."),
    use_vllm: bool = typer.Option(None, "--use-vllm/--no-vllm", help="TRL vLLM rollouts (GPU only)."),
    vllm_mode: str = typer.Option(None, help="colocate | server"),
) -> None:
    """Train one arm with TRL GRPO and write a run record."""
    from traitrl.rl.config import load_train_config, validate_config

    flags = _given(arm=arm, dose=dose, model=model, steps=steps, prompts_per_step=prompts_per_step,
                   generations_per_prompt=generations, max_tokens=max_tokens, lora=lora, output_dir=output_dir,
                   seed=seed, use_vllm=use_vllm, vllm_mode=vllm_mode, precision=precision, store=store)
    if resume:
        flags["resume"] = True
    if trait:
        flags["traits"] = trait
    if domain:
        flags["domains"] = domain
    if report_to:
        flags["report_to"] = report_to
    cfg = load_train_config(config, **flags) if config else validate_config(flags, where="flags")
    from traitrl.rl.train import (  # heavy (torch, TRL): only once the config is valid
        RECORD_FILE,
        run_training,
    )

    record = run_training(cfg)
    curve = record["heldout_curve"]
    console.print(plain(f"arm {cfg.arm} (dose {cfg.effective_dose}): {record['steps']} steps, "
                        f"{record['compute']['tokens_generated']} tokens generated, {record['wall_seconds']:.0f} s"
                        + (f", peak memory {peak:.1f} GB" if (peak := record.get("peak_memory_gb")) else "")))
    if curve:
        console.print(plain("held-out trait reward: " + ", ".join(f"step {p['step']}: {p['mean']:.3f}" for p in curve)))
    for kind, check in record.get("top_completions", {}).items():
        if kind == "error":  # the samples file could not be read; the record says why
            console.print(plain(f"top completions not checked: {check}", "yellow"))
            continue
        found = ", ".join(sorted({f["kind"] for f in check["findings"]})) or "none"
        console.print(plain(f"top {check['top']} {kind} completions: gaming checks found {found} "
                            f"(traitrl top-completions {cfg.output_dir})"))
    console.print(plain(f"record: {Path(cfg.output_dir) / RECORD_FILE}"))


@user_errors
def top_completions_command(
    run_dir: Path = typer.Argument(..., help="A training output folder (holds samples.jsonl)."),
    top: int = typer.Option(20, "--top", min=1, help="How many of the highest-reward completions."),
    reward: str = typer.Option("rubric", help="rubric | helpfulness | verifier: which reward's completions."),
    chars: int = typer.Option(600, help="Characters of each completion to show."),
) -> None:
    """Show the completions a run was most rewarded for, with what earned the reward; exit 1 on signs of gaming."""
    from rich.table import Table

    from traitrl.rl.top_completions import met_criteria, read_samples, top_completions

    result = top_completions(read_samples(run_dir / "samples.jsonl"), top, reward)
    table = Table(title=f"top {len(result.rows)} of {result.samples} {reward} completions", show_lines=True)
    for col in ("#", "step", "reward", "criteria met", "completion"):
        table.add_column(col)
    for rank, row in enumerate(result.rows, 1):
        table.add_row(str(rank), str(row.get("step", "")), f"{float(row['score']):+.3f}",
                      plain("; ".join(met_criteria(row)) or "-"), plain(row.get("completion", ""), limit=chars))
    console.print(table)
    for f in result.findings:
        console.print(plain(f"#{f.rank} {f.kind}: {f.detail}", "red"))
    if not result.rows:
        console.print(plain(f"no scored {reward} completions in {run_dir / 'samples.jsonl'}"))
    elif result.ok:
        console.print(plain("no sign of gaming: no keyword stuffing, rubric echo, formulaic openers or repetition",
                            "green"))
    else:
        raise typer.Exit(1)


@export_app.command("verl")
@user_errors
def export_verl(
    out: Path = typer.Option(Path("data/verl"), "--out", help="Folder for train.parquet and val.parquet."),
    arm: str = typer.Option("trait", help="Arm whose mix to export."),
    dose: float = typer.Option(None, help="Trait dose (default: the arm's)."),
    n: int = typer.Option(1000, help="Training rows."),
    val_n: int = typer.Option(200, help="Validation rows (held-out tasks and scenarios)."),
    seed: int = typer.Option(0),
) -> None:
    """Write verl parquet files; score them with traitrl/rl/verl_reward.py:compute_score."""
    from traitrl.rl.config import validate_config
    from traitrl.rl.verl_export import write_verl_parquet

    cfg = validate_config(_given(arm=arm, dose=dose, seed=seed), where="flags")
    train_rows, val_rows = export_rows(cfg, n, val_n)
    a = write_verl_parquet(train_rows, out / "train.parquet", "train")
    b = write_verl_parquet(val_rows, out / "val.parquet", "heldout")
    from traitrl.rl import verl_reward

    console.print(plain(f"wrote {len(train_rows)} rows to {a} and {len(val_rows)} to {b}"))
    console.print(plain(f"verl: custom_reward_function.path={verl_reward.__file__} "
                        "custom_reward_function.name=compute_score"))


def export_rows(cfg: Any, n: int, val_n: int) -> tuple[list[Any], list[Any]]:
    """Train rows (the arm's mix) and validation rows (held-out tasks plus held-out scenarios)."""
    import json

    from traitrl.rl.mix import MixRow, build_mix, scenario_ground_truth
    from traitrl.scenarios.bank import build_bank
    from traitrl.tasks import task_items

    bank = build_bank(cfg.seed)
    train_rows = build_mix(n, cfg.resolved_arm, bank, cfg.tasks, cfg.seed)
    val: list[MixRow] = []
    heldout = [s for s in bank if s.split == "heldout"][: val_n // 2]
    for s in heldout:
        val.append(MixRow(index=len(val), kind="trait", reward="rubric", source_id=s.id, task=s.trait,
                          domain=s.domain, prompt=[m.model_dump() for m in s.messages],
                          ground_truth=scenario_ground_truth(s)))
    names = sorted(cfg.tasks)
    per_task = max(1, (val_n - len(val)) // len(names))
    for t in names:
        for item in task_items(t, "heldout", per_task, cfg.seed):
            val.append(MixRow(index=len(val), kind="task", reward="verifier", source_id=item.id, task=t,
                              domain="general", prompt=[m.model_dump() for m in item.messages],
                              ground_truth=json.dumps(item.ground_truth)))
    return train_rows, val
