"""GRPO throughput: TRL's defaults versus traitrl's tuned configuration, same workload, one process.

Both variants train the same model on the same prompts (the trait mix: standard tasks plus trait scenarios)
with the same prompts per step, generations per prompt and max new tokens; only the knobs differ:

- ``trl-default``: GRPOConfig defaults (fp32 weights, bf16 autocast, gradient checkpointing on, full
  fine-tuning), with ``use_cpu=True`` on CPU because TRL's default otherwise fails there;
- ``traitrl-tuned``: bf16 base weights, LoRA r=16 on every linear layer (adapters kept in fp32 by PEFT),
  gradient checkpointing off (it only recomputes activations a 135M model can hold), prompts sorted by length
  so each generation batch pads less.

Printed: completion tokens/s over the measured steps (after one warm-up step), the ratio, and the update
phase's achieved FLOP/s (training step minus generation-and-scoring) against a bf16 matmul measured in the same
run. Update FLOPs are counted as 6·N·T for full fine-tuning and 4·N·T for LoRA (no weight gradients for the
frozen base), N = matmul parameters, T = non-pad tokens in the batch; attention score FLOPs are ignored, so the
figure is a slight underestimate.

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


def bf16_matmul_peak(n: int = 1536, reps: int = 8) -> float:
    """Achieved FLOP/s of a square bf16 matmul on this device (the 'peak' we compare against)."""
    a = torch.randn(n, n, dtype=torch.bfloat16)
    b = torch.randn(n, n, dtype=torch.bfloat16)
    for _ in range(2):
        a @ b
    t0 = time.perf_counter()
    for _ in range(reps):
        a @ b
    return 2 * n**3 * reps / (time.perf_counter() - t0)


def build_prompts(n: int, seed: int) -> list[dict[str, Any]]:
    from traitrl.rl.arms import ARMS
    from traitrl.rl.config import DEFAULT_TASKS
    from traitrl.rl.mix import build_mix
    from traitrl.scenarios.bank import build_bank

    rows = build_mix(n, ARMS["trait"], build_bank(seed), DEFAULT_TASKS, seed)
    return [r.as_record() for r in rows]


def run_variant(name: str, model_dir: str, rows: list[dict[str, Any]], prompts: int, gens: int, max_tokens: int,
                steps: int) -> dict[str, Any]:
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    from traitrl.rl.rewards import RewardLedger, make_reward_funcs

    tuned = name == "traitrl-tuned"
    data = list(rows)
    if tuned:  # length-sorted within each step's block of prompts: less left padding in generation
        data = [r for i in range(0, len(data), prompts)
                for r in sorted(data[i:i + prompts], key=lambda r: len(json.dumps(r["prompt"])))]
    ledger = RewardLedger()
    common: dict[str, Any] = dict(output_dir=tempfile.mkdtemp(prefix=f"bench-{name}-"), per_device_train_batch_size=prompts * gens,
                  num_generations=gens, max_completion_length=max_tokens, max_steps=steps + 1, report_to=["none"],
                  logging_steps=1, save_strategy="no", shuffle_dataset=False, use_cpu=not torch.cuda.is_available(),
                  disable_tqdm=True, seed=0)
    peft_config = None
    if tuned:
        from peft import LoraConfig

        args = GRPOConfig(**common, bf16=True, gradient_checkpointing=False, learning_rate=1e-5)
        model: Any = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.bfloat16)
        peft_config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.0, target_modules="all-linear",
                                 task_type="CAUSAL_LM")
    else:
        args = GRPOConfig(**common)
        model = model_dir
    tok = AutoTokenizer.from_pretrained(model_dir)
    timings: dict[str, list[float]] = {"step": [], "prepare": [], "update_tokens": [], "completion_tokens": []}

    class StepClock(TrainerCallback):
        def on_step_begin(self, *a: Any, **k: Any) -> None:
            self.t0 = time.perf_counter()

        def on_step_end(self, *a: Any, **k: Any) -> None:
            timings["step"].append(time.perf_counter() - self.t0)

    class TimedTrainer(GRPOTrainer):
        def _prepare_inputs(self, generation_batch: Any) -> Any:
            t0 = time.perf_counter()
            out = super()._prepare_inputs(generation_batch)
            timings["prepare"].append(time.perf_counter() - t0)
            timings["update_tokens"].append(float(out["prompt_mask"].sum() + out["completion_mask"].sum()))
            timings["completion_tokens"].append(float(out["completion_mask"].sum()))
            return out

    trainer = TimedTrainer(model=model, reward_funcs=list[Any](make_reward_funcs(["rubric", "verifier"], ledger)), args=args,
                           train_dataset=Dataset.from_list(data), processing_class=tok, peft_config=peft_config,
                           callbacks=[StepClock()])
    trainer.train()
    trained: Any = trainer.model
    n_params = sum(int(p.numel()) for n, p in trained.named_parameters() if "lora_" not in n)
    m = slice(1, None)  # drop the warm-up step
    step_s, prep_s = sum(timings["step"][m]), sum(timings["prepare"][m])
    update_s = step_s - prep_s
    tokens = sum(timings["completion_tokens"][m])
    update_flops = (4 if tuned else 6) * n_params * sum(timings["update_tokens"][m])
    return {"variant": name, "steps_measured": len(timings["step"][m]), "seconds": step_s,
            "completion_tokens": tokens, "tokens_per_s": tokens / step_s, "generate_score_seconds": prep_s,
            "update_seconds": update_s, "update_flops_per_s": update_flops / max(update_s, 1e-9),
            "params": n_params, "gradient_checkpointing": args.gradient_checkpointing, "bf16": args.bf16,
            "lora": tuned}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--prompts", type=int, default=4)
    parser.add_argument("--generations", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--steps", type=int, default=3, help="measured steps (plus one warm-up)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    a = parser.parse_args()
    from traitrl.models import resolve_model

    model_dir = str(resolve_model(a.model).path)
    rows = build_prompts(a.prompts * (a.steps + 1), seed=0)
    peak = bf16_matmul_peak()
    results = [run_variant(v, model_dir, rows, a.prompts, a.generations, a.max_tokens, a.steps)
               for v in ("trl-default", "traitrl-tuned")]
    peak_after = bf16_matmul_peak()
    peak = max(peak, peak_after)
    print(f"\nGRPO {a.prompts} prompts x {a.generations} generations x {a.max_tokens} tokens, {a.steps} measured steps")
    print(f"bf16 matmul peak (same run): {peak / 1e9:.1f} GFLOP/s")
    for r in results:
        r["update_vs_bf16_peak"] = r["update_flops_per_s"] / peak
        print(f"{r['variant']:>14}: {r['tokens_per_s']:6.1f} completion tokens/s  "
              f"(step {r['seconds'] / r['steps_measured']:.1f} s: generate+score {r['generate_score_seconds'] / r['steps_measured']:.1f} s, "
              f"update {r['update_seconds'] / r['steps_measured']:.1f} s at {r['update_flops_per_s'] / 1e9:.1f} GFLOP/s "
              f"= {r['update_vs_bf16_peak']:.0%} of bf16 peak)")
    ratio = results[1]["tokens_per_s"] / results[0]["tokens_per_s"]
    print(f"tuned / default tokens/s: {ratio:.2f}x")
    if a.json:
        a.json.write_text(json.dumps({"peak_bf16_flops": peak, "ratio": ratio, "results": results}, indent=2))


if __name__ == "__main__":
    main()
