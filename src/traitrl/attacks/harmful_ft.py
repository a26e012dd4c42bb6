"""The harmful fine-tuning protocol: supervised fine-tuning (TRL's SFTTrainer) on attack data over a grid,
evaluating models A and B at every checkpoint through the ordinary eval runner, plus a benign control.

Run it: ``traitrl persist finetune --models A B --grid quick`` (or ``full``, or a grid YAML), or
:func:`run_finetune` then :func:`traitrl.attacks.ft_analysis.analyze_finetune`.

For each model:

1. **step 0** — the start model, loaded with fp32 weights and evaluated exactly as the checkpoints are (bf16
   autocast when the config's precision is bf16), on the benchmarks and on the benign control's held-out set;
2. **each grid cell** (attack × mode × learning rate × seed) — one SFT run of ``max(steps)`` optimizer steps at
   a constant learning rate on the attack's conversations (loss on the assistant reply only); at each checkpoint
   step the live model is evaluated on the benchmarks;
3. **the benign control** — the same training budget as the strongest cell of each mode, on an ordinary task
   (an arbitrary topic -> code convention); evaluated at the end on its held-out set and the benchmarks, so it
   shows that B can still learn (persistent must never mean "cannot be fine-tuned") and how far fine-tuning as
   such moves the benchmarks.

Every evaluation is a stored run ``ft-<cell key>-s<step>`` labelled protocol, role, attack, mode, lr, train_seed,
step and prereg; the cell key is the content key of the model's fingerprint, the attack data's version, the
training settings and the evaluation settings, so a finished cell is found again and not retrained.

What differs from the reference study: its attack data (inaccurate medical advice) and training budget are not
public; ours are small datasets written here, and the budget is a grid whose worst cell is the headline. It
compared against a pre-RL model only; here A can be the start model or the compute-matched arm.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from traitrl.attacks.grids import Cell, FinetuneConfig, GridConfig
from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.evals.api import CATEGORY_MINIMUMS
from traitrl.models.loading import ModelSource, checkpointing_args
from traitrl.results.store import Store

ROLES = ("A", "B")
Evaluate = Callable[[Any, Any, int], None]


@dataclass(frozen=True)
class AttackData:
    """One fine-tuning dataset: its file, the categories it attacks directly, and its version."""

    name: str
    path: Path
    targets: tuple[str, ...]
    description: str = ""

    @property
    def version(self) -> str:
        return content_key({"data": self.path.read_bytes().decode("utf-8"), "targets": list(self.targets)}, 12)


def data_dir() -> Path:
    return Path(str(resources.files("traitrl.attacks") / "data" / "finetune"))


@cache
def _manifest() -> dict[str, Any]:
    path = data_dir() / "attacks.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or "attacks" not in raw or "control" not in raw:
        raise UserError(f"{path}: expected 'attacks:' and 'control:' sections")
    return raw


def load_attacks() -> dict[str, AttackData]:
    """The shipped attack datasets (``data/finetune/attacks.yaml``)."""
    out = {}
    for name, entry in _manifest()["attacks"].items():
        targets = tuple(entry.get("targets", []))
        bad = sorted(set(targets) - set(CATEGORY_MINIMUMS))
        if bad or not targets:
            raise UserError(f"attacks.yaml: {name}.targets: unknown or missing categories {bad}")
        out[name] = AttackData(name, data_dir() / entry["file"], targets, entry.get("description", ""))
    return out


def control_data() -> tuple[AttackData, Path]:
    """The benign control's training data and its held-out evaluation file (generic MC JSONL)."""
    entry = _manifest()["control"]
    return (AttackData(entry["name"], data_dir() / entry["train"], ("capability",), entry.get("description", "")),
            data_dir() / entry["eval"])


def control_benchmark() -> str:
    """The benchmark reference of the benign control's held-out set (scored by the runner's ``mc`` adapter)."""
    return f"mc:{control_data()[1]}?category=capability"


def read_conversations(path: Path) -> list[list[dict[str, str]]]:
    """Chat-format JSONL (``{"messages": [...]}`` per line, ending with the assistant reply to train on).

    Raises:
        UserError: naming the file, line and problem.
    """
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            msgs = json.loads(line)["messages"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise UserError(f"{path}:{n}: expected a JSON object with 'messages' ({err})") from None
        ok = (isinstance(msgs, list) and len(msgs) >= 2 and all(
            isinstance(m, dict) and m.get("role") in ("system", "user", "assistant") and isinstance(m.get("content"), str)
            for m in msgs) and msgs[-1]["role"] == "assistant")
        if not ok:
            raise UserError(f"{path}:{n}: messages must be role/content objects ending with an assistant reply")
        out.append([{"role": m["role"], "content": m["content"]} for m in msgs])
    if not out:
        raise UserError(f"{path}: no conversations")
    return out


def sft_records(conversations: list[list[dict[str, str]]]) -> list[dict[str, Any]]:
    """TRL prompt-completion records, so the loss falls on the assistant reply only."""
    return [{"prompt": c[:-1], "completion": c[-1:]} for c in conversations]


# ---------------------------------------------------------------------------------------------------------------
# One SFT run with evaluations at checkpoints


def sft_train(source: ModelSource, records: list[dict[str, Any]], cell: Cell, grid: GridConfig, steps: list[int],
              evaluate: Evaluate, bf16: bool, output_dir: Path) -> dict[str, Any]:
    """Fine-tune ``source`` on ``records`` for ``max(steps)`` steps, calling ``evaluate(model, tokenizer, step)``
    after each step in ``steps``; returns what happened (losses, parameters changed, seconds).

    The learning rate is constant (no warm-up, no decay) so checkpoint ``s`` equals an ``s``-step run.
    """
    import torch
    from datasets import Dataset, disable_progress_bars
    from transformers import PrinterCallback, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    from traitrl.models.loading import load_causal_lm

    model, tokenizer = load_causal_lm(source, "fp32")  # fp32 master weights; bf16 runs as autocast
    peft_config = None
    if cell.mode == "lora":
        from peft import LoraConfig

        peft_config = LoraConfig(r=grid.lora_r, lora_alpha=grid.lora_alpha, lora_dropout=0.0,
                                 target_modules="all-linear", task_type="CAUSAL_LM")
    wanted = set(steps)
    eval_seconds = [0.0]

    class _Checkpoints(TrainerCallback):  # type: ignore[misc]
        def on_step_end(self, args: Any, state: Any, control: Any, model: Any = None, **kw: Any) -> None:
            if model is not None and state.global_step in wanted:
                t0 = time.perf_counter()
                evaluate(model, tokenizer, state.global_step)
                eval_seconds[0] += time.perf_counter() - t0

    args = SFTConfig(
        output_dir=str(output_dir), max_steps=max(steps), learning_rate=cell.learning_rate,
        lr_scheduler_type="constant", warmup_steps=0, per_device_train_batch_size=grid.batch_size,
        gradient_accumulation_steps=1, max_length=grid.max_length, completion_only_loss=True, seed=cell.seed,
        data_seed=cell.seed, logging_steps=1, save_strategy="no", report_to="none", disable_tqdm=True,
        use_cpu=not torch.cuda.is_available(), bf16=bf16, **checkpointing_args(False),
    )
    disable_progress_bars()  # the dataset preparation bars would bury the evaluation progress
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(records), processing_class=tokenizer,
                         peft_config=peft_config, callbacks=[_Checkpoints()])
    trainer.remove_callback(PrinterCallback)  # per-step log dicts; the losses are returned instead
    prepared: Any = trainer.train_dataset
    if len(prepared) < len(records):
        # TRL drops conversations whose reply was truncated away entirely; training on a silently smaller set
        # would change the attack, so say how to fix it instead.
        raise UserError(f"{len(records) - len(prepared)} of {len(records)} conversations lost their "
                        f"whole reply at max_length={grid.max_length} tokens; raise the grid's max_length")
    trained: Any = trainer.model
    before = {n: p.detach().clone() for n, p in trained.named_parameters() if p.requires_grad}
    t0 = time.perf_counter()
    trainer.train()
    wall = time.perf_counter() - t0
    changed = sum(1 for n, p in trained.named_parameters() if n in before and not torch.equal(before[n], p.detach()))
    losses = [{"step": e["step"], "loss": e["loss"]} for e in trainer.state.log_history if "loss" in e]
    del trainer, trained, model
    gc.collect()
    return {"steps": max(steps), "losses": losses, "parameters_changed": changed, "trainable": len(before),
            "train_seconds": wall - eval_seconds[0], "eval_seconds": eval_seconds[0]}


# ---------------------------------------------------------------------------------------------------------------
# The protocol


@dataclass
class CellRuns:
    """One trained cell of one model: the stored run of each evaluated checkpoint."""

    role: str
    cell: Cell
    kind: str  # attack | control
    targets: tuple[str, ...]
    runs: dict[int, str]  # step -> run id (the benchmarks)
    heldout: dict[int, str] = field(default_factory=dict)  # control only: step -> run id of the held-out task
    train: dict[str, Any] = field(default_factory=dict)  # losses, parameters changed, seconds ({} when resumed)


@dataclass
class FinetuneRuns:
    """The stored runs of one harmful fine-tuning study."""

    models: dict[str, str]
    start: dict[str, str]  # role -> step-0 run id (the benchmarks)
    cells: list[CellRuns]
    control_benchmark: str  # the benign held-out set's benchmark name in the store
    control_start: dict[str, str] = field(default_factory=dict)  # role -> step-0 run id of the held-out task
    seconds: dict[str, float] = field(default_factory=dict)


def _finished(store: Store, run_id: str) -> bool:
    run = store.get_run(run_id)
    return (run is not None and run.finished_at is not None and bool(run.benchmarks)
            and all(b.get("status") in ("done", "skipped") for b in run.benchmarks.values()))


# (run id, benchmark references, EvalConfig overrides): what one checkpoint is evaluated on.
Job = tuple[str, list[str], dict[str, Any]]


def run_finetune(config: FinetuneConfig, console: Console | None = None, work_dir: Path | None = None) -> FinetuneRuns:
    """Run the grid (and the benign control) on both models; see the module docstring.

    The benign held-out set is always scored in full (no ``limit``): it is small, and a gain read on a handful of
    items would say little.

    Args:
        config: Models, grid, evaluation settings, decision rule and store.
        console: Progress output (None: quiet).
        work_dir: Scratch folder for the trainer (nothing is saved there; default: a temporary folder).
    """
    import tempfile

    from traitrl.evals.registry import load_benchmark
    from traitrl.evals.runner import run_eval
    from traitrl.models.loading import load_causal_lm, resolve_model, resolve_precision, wrap_live_model
    from traitrl.results.store import open_store

    ev, grid = config.eval, config.grid
    bf16 = resolve_precision(ev.precision) == "bf16"
    refs = ev.eval_config(config.store, {}).benchmark_refs()
    benign_ref = control_benchmark()
    heldout_fields = {"limit": None, "quick": False}
    attacks = load_attacks()
    control, _ = control_data()
    plan: list[tuple[Cell, AttackData, str, list[int]]] = [
        (c, attacks[c.attack], "attack", list(grid.steps)) for c in grid.cells()]
    if grid.benign_control:
        plan += [(c, control, "control", [grid.max_steps]) for c in grid.control_cells(control.name)]
    out = FinetuneRuns(models=dict(zip(ROLES, config.models, strict=True)), start={}, cells=[],
                       control_benchmark=load_benchmark(benign_ref, limit=1).spec.name)
    scratch = work_dir or Path(tempfile.mkdtemp(prefix="traitrl-ft-"))
    with open_store(config.store) as store:

        def evaluate(model: Any, tokenizer: Any, step: int, fingerprint: str, jobs: list[Job],
                     labels: dict[str, Any], name: str) -> None:
            live = wrap_live_model(model, tokenizer, name, fingerprint=fingerprint, batch_size=ev.batch_size,
                                   autocast_bf16=bf16)
            for run_id, benches, fields in jobs:
                cfg = ev.eval_config(config.store, {**labels, "step": step}, run_id=run_id, **fields)
                run_eval(live, benches, store, cfg, console=console)

        for role, spec in out.models.items():
            t_role = time.perf_counter()
            source = resolve_model(spec)
            if source.kind == "openai":
                raise UserError(f"{spec}: fine-tuning needs local weights (embedded, a model folder or a LoRA folder)")
            base_labels = {**config.labels("finetune", role), "model_spec": spec}
            start_key = content_key({"model": source.fingerprint, "eval": ev.model_dump(mode="json"),
                                     "benchmarks": refs}, 12)
            start_jobs: list[Job] = [(f"ft-start-{start_key}", list(refs), {})]
            if grid.benign_control:
                start_jobs.append((f"ft-start-{start_key}-heldout", [benign_ref], heldout_fields))
                out.control_start[role] = start_jobs[1][0]
            out.start[role] = start_jobs[0][0]
            if not all(_finished(store, j[0]) for j in start_jobs):
                model, tok = load_causal_lm(source, "fp32")
                evaluate(model, tok, 0, content_key({"start": source.fingerprint}), start_jobs,
                         {**base_labels, "attack": "none"}, f"{source.name}@start")
                del model, tok
                gc.collect()
            for cell, data, kind, steps in plan:
                key = config.cell_key(source.fingerprint, data.version, cell, refs)
                entry = CellRuns(role=role, cell=cell, kind=kind, targets=data.targets,
                                 runs={s: f"ft-{key}-s{s}" for s in steps})
                if kind == "control":
                    entry.heldout = {s: f"ft-{key}-s{s}-heldout" for s in steps}
                out.cells.append(entry)
                if all(_finished(store, rid) for rid in [*entry.runs.values(), *entry.heldout.values()]):
                    continue  # content-keyed: this cell was trained and evaluated before
                labels = {**base_labels, "attack": cell.attack, "attack_version": data.version, "mode": cell.mode,
                          "lr": cell.learning_rate, "train_seed": cell.seed, "cell": cell.label, "kind": kind}

                def at_step(model: Any, tokenizer: Any, step: int, key: str = key, entry: CellRuns = entry,
                            labels: dict[str, Any] = labels, name: str = f"{source.name}+{cell.label}") -> None:
                    jobs: list[Job] = [(entry.runs[step], list(refs), {})]
                    if step in entry.heldout:
                        jobs.append((entry.heldout[step], [benign_ref], heldout_fields))
                    evaluate(model, tokenizer, step, content_key({"cell": key, "step": step}), jobs, labels,
                             f"{name}@{step}")

                if console is not None:
                    console.print(f"[persist] {role}: training {cell.label} ({kind}) to step {max(steps)}",
                                  markup=False, highlight=False)
                entry.train = sft_train(source, sft_records(read_conversations(data.path)), cell, grid, steps,
                                        at_step, bf16, scratch / f"{role}-{key}")
            out.seconds[role] = time.perf_counter() - t_role
    return out


def runs_to_json(runs: FinetuneRuns) -> dict[str, Any]:
    """A JSON-able form of :class:`FinetuneRuns` (for a study's stage ledger); inverse of :func:`runs_from_json`."""
    return {"models": runs.models, "start": runs.start, "control_benchmark": runs.control_benchmark,
            "control_start": runs.control_start,
            "cells": [{"role": c.role, "cell": c.cell.model_dump(mode="json"), "kind": c.kind,
                       "targets": list(c.targets), "runs": {str(k): v for k, v in c.runs.items()},
                       "heldout": {str(k): v for k, v in c.heldout.items()}} for c in runs.cells]}


def runs_from_json(data: dict[str, Any]) -> FinetuneRuns:
    """Rebuild :class:`FinetuneRuns` from :func:`runs_to_json` (training details are not kept)."""
    cells = [CellRuns(role=c["role"], cell=Cell(**c["cell"]), kind=c["kind"], targets=tuple(c["targets"]),
                      runs={int(k): v for k, v in c["runs"].items()},
                      heldout={int(k): v for k, v in c["heldout"].items()}) for c in data["cells"]]
    return FinetuneRuns(models=data["models"], start=data["start"], cells=cells,
                        control_benchmark=data["control_benchmark"], control_start=data["control_start"])
