"""GRPO throughput: ``traitrl train`` as users run it versus TRL's defaults, same workload, one process.

Both variants train the same model on the same prompts (the trait mix: standard tasks plus trait scenarios)
with the same prompts per step, generations per prompt and max new tokens:

- ``trl-default``: a plain ``GRPOTrainer`` with GRPOConfig defaults (gradient checkpointing on, TRL's
  precision default, temperature 1.0), ``use_cpu=True`` on CPU because TRL's default otherwise fails there;
- ``traitrl-train``: ``traitrl.rl.train.run_training`` — the code path of the ``traitrl train`` command —
  with its own defaults (``precision: auto``: bf16 only where the device has native bf16, else fp32; gradient
  checkpointing off; full fine-tuning; ``TraitGRPOTrainer``'s CPU fixes: inverse-CDF sampling, only completion
  positions scored, a whole-logit log-softmax LM head, the update batch scored in length groups cut to their own
  span, and under bf16 a bf16 model with fp32 master weights and eager attention for scoring; the process keeps
  freed memory for reuse (``traitrl.models.cpu_memory``); its reward functions, ledger and checkpointing) and no
  held-out evaluation (``heldout_n: 0``), so only training is timed;
- ``--lora-bf16`` adds ``traitrl-lora-bf16``: the same command path with ``lora: true, precision: bf16``.

Timing instruments TRL's own ``GRPOTrainer._prepare_inputs`` (generation and scoring) and the trainer's step
callbacks in-process; nothing else is changed. Printed: completion tokens/s over the measured steps (after one
warm-up step), the ratio, and the update phase's achieved FLOP/s (training step minus generation-and-scoring)
against a bf16 matmul measured in the same run. Update FLOPs are counted as 6·N·T for full fine-tuning and 4·N·T
for LoRA (no weight gradients for the frozen base), N = matmul parameters, T = non-pad tokens in the batch;
attention score FLOPs are ignored, so the figure is a slight underestimate.

Run (heavy; take the CPU lock): ``flock /tmp/traitrl-cpu.lock python benchmarks/bench_grpo.py``
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def bf16_matmul_peak(n: int = 1536, reps: int = 8, trials: int = 5) -> float:
    """Best achieved FLOP/s of a square bf16 matmul on this device over ``trials`` timings (the 'peak').

    The best of several timings, not one: a single short timing on a shared 2-core machine read anywhere from 490 to
    840 GFLOP/s in one minute, which would make the update's share of peak mostly noise.
    """
    a = torch.randn(n, n, dtype=torch.bfloat16)
    b = torch.randn(n, n, dtype=torch.bfloat16)
    for _ in range(2):
        a @ b
    best = 0.0
    for _ in range(trials):
        t0 = time.perf_counter()
        for _ in range(reps):
            a @ b
        best = max(best, 2 * n**3 * reps / (time.perf_counter() - t0))
    return best


def bench_config(model: str, prompts: int, gens: int, max_tokens: int, steps: int, out: Path, warmup: int = 1,
                 **overrides: Any) -> Any:
    """The TrainConfig both variants share (dose 0.5: half standard tasks, half trait scenarios)."""
    from traitrl.rl.config import validate_config

    return validate_config({"model": model, "arm": "trait", "dose": 0.5, "steps": steps + warmup, "prompts_per_step": prompts,
                            "generations_per_prompt": gens, "max_tokens": max_tokens, "heldout_n": 0,
                            "save_steps": 10_000, "output_dir": str(out / "run"), "store": str(out / "store.sqlite"),
                            **overrides}, where="bench")


class _Timings:
    """Per-step wall time and generation-and-scoring time, taken from TRL's own trainer while it runs."""

    def __init__(self) -> None:
        self.step: list[float] = []
        self.prepare: list[float] = []
        self.update_tokens: list[float] = []
        self.completion_tokens: list[float] = []
        self.t0 = 0.0

    def callback(self) -> Any:
        from transformers import TrainerCallback

        timings = self

        class StepClock(TrainerCallback):
            def on_step_begin(self, *a: Any, **k: Any) -> None:
                timings.t0 = time.perf_counter()

            def on_step_end(self, *a: Any, **k: Any) -> None:
                timings.step.append(time.perf_counter() - timings.t0)

        return StepClock()

    def instrument(self) -> Any:
        """Wrap ``GRPOTrainer._prepare_inputs`` for the duration of one variant; returns the undo function."""
        from trl import GRPOTrainer

        original = GRPOTrainer._prepare_inputs
        timings = self

        def timed(trainer: Any, generation_batch: Any) -> Any:
            t0 = time.perf_counter()
            out = original(trainer, generation_batch)
            timings.prepare.append(time.perf_counter() - t0)
            timings.update_tokens.append(float(out["prompt_mask"].sum() + out["completion_mask"].sum()))
            timings.completion_tokens.append(float(out["completion_mask"].sum()))
            return out

        GRPOTrainer._prepare_inputs = timed  # type: ignore[method-assign]

        def undo() -> None:
            GRPOTrainer._prepare_inputs = original  # type: ignore[method-assign]

        return undo


def _trl_default(model_dir: str, rows: list[dict[str, Any]], prompts: int, gens: int, max_tokens: int, steps: int,
                 timings: _Timings, out: Path, warmup: int) -> dict[str, Any]:
    from datasets import Dataset
    from transformers import AutoTokenizer
    from trl import GRPOConfig, GRPOTrainer

    from traitrl.models import cpu_memory
    from traitrl.rl.rewards import RewardLedger, make_reward_funcs

    args = GRPOConfig(output_dir=str(out / "trl"), per_device_train_batch_size=prompts * gens,
                      num_generations=gens, max_completion_length=max_tokens, max_steps=steps + warmup, report_to=["none"],
                      logging_steps=1, save_strategy="no", shuffle_dataset=False,
                      use_cpu=not torch.cuda.is_available(), disable_tqdm=True, seed=0)
    trainer = GRPOTrainer(model=model_dir, reward_funcs=list[Any](make_reward_funcs(["rubric", "verifier"], RewardLedger())),
                          args=args, train_dataset=Dataset.from_list(rows),
                          processing_class=AutoTokenizer.from_pretrained(model_dir), callbacks=[timings.callback()])
    trainer.train()
    trained: Any = trainer.model
    return {"params": sum(int(p.numel()) for n, p in trained.named_parameters() if "lora_" not in n),
            "gradient_checkpointing": args.gradient_checkpointing, "bf16": args.bf16, "lora": False,
            # Process-wide once traitrl's loader has set it, so main() times TRL's defaults first.
            "cpu_memory": cpu_memory.setting()}


def _traitrl_train(model: str, prompts: int, gens: int, max_tokens: int, steps: int, timings: _Timings, out: Path,
                   warmup: int, **overrides: Any) -> dict[str, Any]:
    from traitrl.models import resolve_model
    from traitrl.rl.train import run_training

    config = bench_config(model, prompts, gens, max_tokens, steps, out, warmup, **overrides)
    record = run_training(config, extra_callbacks=[timings.callback()])
    lora = bool(config.lora)
    from math import prod

    from safetensors import safe_open

    # Parameters of the saved full model (or of the base, for LoRA), from the tensor headers only.
    base = resolve_model(model).path if lora else Path(record["final_dir"])
    n_params = 0
    for f in sorted(base.glob("*.safetensors")):
        with safe_open(str(f), framework="pt") as weights:
            n_params += sum(prod(weights.get_slice(k).get_shape()) for k in weights.keys())  # noqa: SIM118
    return {"params": n_params, "gradient_checkpointing": config.gradient_checkpointing,
            "bf16": record["precision"].startswith("bf16"), "lora": lora, "precision": record["precision"],
            "cpu_memory": record["cpu_memory"]}


def run_variant(name: str, model: str, prompts: int, gens: int, max_tokens: int, steps: int,
                warmup: int = 1) -> dict[str, Any]:
    from traitrl.models import resolve_model
    from traitrl.rl.train import prepare_data

    timings = _Timings()
    # Each variant saves a model (and traitrl train its checkpoints): several GB per run, so nothing outlives it.
    with tempfile.TemporaryDirectory(prefix="bench-grpo-") as work:
        out = Path(work)
        # The same rows, in the same order, that traitrl train builds for this config.
        rows = [r.as_record() for r in prepare_data(bench_config(model, prompts, gens, max_tokens, steps, out, warmup))]
        undo = timings.instrument()
        try:
            if name == "trl-default":
                info = _trl_default(str(resolve_model(model).path), rows, prompts, gens, max_tokens, steps, timings,
                                    out, warmup)
            elif name == "traitrl-train":
                info = _traitrl_train(model, prompts, gens, max_tokens, steps, timings, out, warmup)
            else:
                info = _traitrl_train(model, prompts, gens, max_tokens, steps, timings, out, warmup, lora=True,
                                      precision="bf16")
        finally:
            undo()
    m = slice(warmup, None)  # drop the warm-up steps
    step_s, prep_s = sum(timings.step[m]), sum(timings.prepare[m])
    update_s = step_s - prep_s
    tokens = sum(timings.completion_tokens[m])
    update_flops = (4 if info["lora"] else 6) * info["params"] * sum(timings.update_tokens[m])
    return {"variant": name, "steps_measured": len(timings.step[m]), "seconds": step_s,
            "completion_tokens": tokens, "tokens_per_s": tokens / step_s, "generate_score_seconds": prep_s,
            "update_seconds": update_s, "update_flops_per_s": update_flops / max(update_s, 1e-9), **info}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--prompts", type=int, default=4)
    parser.add_argument("--generations", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--steps", type=int, default=3, help="measured steps (after the warm-up steps)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="steps not measured (the first steps also grow the process heap to its high-water mark)")
    parser.add_argument("--lora-bf16", action="store_true", help="also time traitrl train with lora + bf16")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    a = parser.parse_args()
    peak = bf16_matmul_peak()
    variants = ["trl-default", "traitrl-train"] + (["traitrl-lora-bf16"] if a.lora_bf16 else [])
    results = [run_variant(v, a.model, a.prompts, a.generations, a.max_tokens, a.steps, a.warmup) for v in variants]
    peak_after = bf16_matmul_peak()
    peak = max(peak, peak_after)
    print(f"\nGRPO {a.prompts} prompts x {a.generations} generations x {a.max_tokens} tokens, {a.steps} measured steps "
          f"after {a.warmup} warm-up")
    print(f"bf16 matmul peak (same run): {peak / 1e9:.1f} GFLOP/s")
    for r in results:
        r["update_vs_bf16_peak"] = r["update_flops_per_s"] / peak
        print(f"{r['variant']:>14}: {r['tokens_per_s']:6.1f} completion tokens/s  "
              f"(step {r['seconds'] / r['steps_measured']:.1f} s: generate+score {r['generate_score_seconds'] / r['steps_measured']:.1f} s, "
              f"update {r['update_seconds'] / r['steps_measured']:.1f} s at {r['update_flops_per_s'] / 1e9:.1f} GFLOP/s "
              f"= {r['update_vs_bf16_peak']:.0%} of bf16 peak; freed memory {r['cpu_memory']})")
    ratio = results[1]["tokens_per_s"] / results[0]["tokens_per_s"]
    print(f"traitrl train / TRL defaults, completion tokens/s: {ratio:.2f}x")
    for r in results[2:]:
        print(f"{r['variant']} / TRL defaults: {r['tokens_per_s'] / results[0]['tokens_per_s']:.2f}x")
    if a.json:
        a.json.write_text(json.dumps({"peak_bf16_flops": peak, "ratio": ratio, "results": results}, indent=2))


if __name__ == "__main__":
    main()
