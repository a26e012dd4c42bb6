"""TrainerCallbacks: held-out trait reward tracking and checkpointing of traitrl's own run state."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from transformers import TrainerCallback

from traitrl.grading.rubric import CriterionJudge, grade_rubric
from traitrl.rl.rewards import RewardLedger
from traitrl.scenarios.schema import Scenario

STATE_FILE = "traitrl_state.json"


@torch.no_grad()
def generate_greedy(model: Any, tokenizer: Any, conversations: Sequence[Sequence[dict[str, str]]],
                    max_new_tokens: int, batch_size: int = 32, bf16: bool = False) -> list[str]:
    """Greedy completions for chat conversations (left padding, one batch per ``batch_size``)."""
    was_training = model.training
    model.eval()
    tokenizer.padding_side = "left"
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    texts = [tokenizer.apply_chat_template(list(c), tokenize=False, add_generation_prompt=True) for c in conversations]
    out: list[str] = []
    device = next(model.parameters()).device
    try:
        for start in range(0, len(texts), batch_size):
            enc = tokenizer(texts[start:start + batch_size], return_tensors="pt", padding=True,
                            add_special_tokens=False).to(device)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
                gen = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False, temperature=None,
                                     top_p=None, top_k=None, pad_token_id=tokenizer.pad_token_id)
            new = gen[:, enc["input_ids"].shape[1]:]
            out += [tokenizer.decode(row, skip_special_tokens=True).strip() for row in new]
    finally:
        if was_training:
            model.train()
    return out


def heldout_reward(model: Any, tokenizer: Any, scenarios: Sequence[Scenario], max_new_tokens: int,
                   judge: CriterionJudge | None = None, bf16: bool = False) -> dict[str, Any]:
    """Mean rubric reward of greedy replies on held-out scenarios, with per-trait means."""
    convs = [[m.model_dump() for m in s.messages] for s in scenarios]
    replies = generate_greedy(model, tokenizer, convs, max_new_tokens, bf16=bf16)
    scores: list[float] = []
    by_trait: dict[str, list[float]] = {}
    for s, r in zip(scenarios, replies, strict=True):
        g = grade_rubric(s.messages, r, s.rubric, judge=judge)
        v = g.score if g.score is not None else 0.0
        scores.append(v)
        by_trait.setdefault(s.trait, []).append(v)
    return {
        "mean": sum(scores) / max(len(scores), 1),
        "n": len(scores),
        "by_trait": {t: sum(v) / len(v) for t, v in sorted(by_trait.items())},
        "nonzero": sum(1 for v in scores if v > 0),
    }


class TraitRLCallback(TrainerCallback):
    """Tracks held-out reward (before, every K steps, after) and saves/restores traitrl state with checkpoints.

    The state (tokens per step, held-out curve, wall time) is written next to each TRL checkpoint, so a resumed
    run continues the same record without counting redone steps twice.
    """

    def __init__(self, tokenizer: Any, heldout: Sequence[Scenario], ledger: RewardLedger, max_new_tokens: int,
                 every: int = 0, judge: CriterionJudge | None = None, bf16: bool = False,
                 prior_wall: float = 0.0, heldout_curve: list[dict[str, Any]] | None = None) -> None:
        self.tokenizer = tokenizer
        self.heldout = list(heldout)
        self.ledger = ledger
        self.max_new_tokens = max_new_tokens
        self.every = every
        self.judge = judge
        self.bf16 = bf16
        self.curve: list[dict[str, Any]] = list(heldout_curve or [])
        self.prior_wall = prior_wall
        self.started = time.perf_counter()
        self.eval_seconds = 0.0

    @property
    def wall(self) -> float:
        return self.prior_wall + time.perf_counter() - self.started

    def _evaluate(self, model: Any, step: int) -> None:
        if not self.heldout or any(p["step"] == step for p in self.curve):
            return
        t0 = time.perf_counter()
        result = heldout_reward(model, self.tokenizer, self.heldout, self.max_new_tokens, self.judge, self.bf16)
        self.eval_seconds += time.perf_counter() - t0
        self.curve.append({"step": step, **result})
        print(f"[traitrl] step {step}: held-out trait reward {result['mean']:.3f} (n={result['n']})", flush=True)

    def on_train_begin(self, args: Any, state: Any, control: Any, model: Any = None, **kwargs: Any) -> None:
        # A resumed run already has its "before" point (restored from the checkpoint); evaluating again at the
        # checkpoint step would add a point a non-interrupted run never has.
        if model is not None and not self.curve:
            self._evaluate(model, state.global_step)

    def on_step_end(self, args: Any, state: Any, control: Any, model: Any = None, **kwargs: Any) -> None:
        if model is not None and self.every and state.global_step % self.every == 0:
            self._evaluate(model, state.global_step)

    def on_train_end(self, args: Any, state: Any, control: Any, model: Any = None, **kwargs: Any) -> None:
        if model is not None:
            self._evaluate(model, state.global_step)

    def on_save(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        ckpt = Path(args.output_dir) / f"checkpoint-{state.global_step}"
        if ckpt.is_dir():
            (ckpt / STATE_FILE).write_text(json.dumps(self.snapshot(state.global_step)))

    def snapshot(self, step: int) -> dict[str, Any]:
        return {"step": step, "ledger": self.ledger.state(), "heldout_curve": self.curve, "wall_seconds": self.wall}


def load_state(checkpoint: Path) -> dict[str, Any]:
    """traitrl's saved state next to a TRL checkpoint ({} if absent)."""
    path = Path(checkpoint) / STATE_FILE
    return json.loads(path.read_text()) if path.exists() else {}
