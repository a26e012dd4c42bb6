"""TrainerCallbacks: held-out trait reward tracking (through the eval runner) and checkpointing of traitrl's state."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transformers import TrainerCallback

from traitrl.core.keys import content_key
from traitrl.grading.rubric import CriterionJudge
from traitrl.rl.rewards import RewardLedger

STATE_FILE = "traitrl_state.json"


@dataclass
class HeldoutTracker:
    """Evaluates the live policy on the held-out trait benchmark through the ordinary eval runner.

    Each evaluation is a stored run (``<training run>-step<N>``) of ``scenarios:heldout`` (or the judged variant
    when a judge is configured) with labels (arm, dose, seed, step, training run), so the training curve and
    ``traitrl eval`` results share one store, one grader and one set of statistics.
    """

    benchmark: str
    store_path: Path
    training_run: str
    labels: dict[str, Any]
    judge: CriterionJudge | None = None
    bf16: bool = False

    def evaluate(self, model: Any, tokenizer: Any, step: int) -> dict[str, Any]:
        import torch

        from traitrl.evals.config import EvalConfig
        from traitrl.evals.runner import run_eval
        from traitrl.models.loading import wrap_live_model
        from traitrl.results.store import open_store

        # fp32 weights (autocast training) evaluate under autocast; bf16 weights (the CPU trainer) need none.
        autocast = self.bf16 and next(model.parameters()).dtype == torch.float32
        live = wrap_live_model(model, tokenizer, f"{self.training_run}@step{step}", autocast_bf16=autocast,
                               fingerprint=content_key({"training_run": self.training_run, "step": step}),
                               batch_size=32)
        run_id = f"{self.training_run}-step{step}"
        config = EvalConfig(run_id=run_id, labels={**self.labels, "step": step, "training_run": self.training_run},
                            precision="bf16" if self.bf16 else "fp32")
        with open_store(self.store_path) as store:
            run_eval(live, [self.benchmark], store, config, judge=self.judge)
            rows = store.load_samples(run_id)
        scores = [r.score for r in rows if r.score is not None]
        by_trait: dict[str, list[float]] = {}
        for r in rows:
            if r.score is not None:
                by_trait.setdefault(str(r.metadata.get("trait", "")), []).append(r.score)
        return {"mean": sum(scores) / max(len(scores), 1), "n": len(scores), "run_id": run_id,
                "by_trait": {t: sum(v) / len(v) for t, v in sorted(by_trait.items())},
                "nonzero": sum(1 for v in scores if v > 0), "errors": len(rows) - len(scores)}


class TraitRLCallback(TrainerCallback):
    """Tracks held-out reward (before, every K steps, after) and saves/restores traitrl state with checkpoints.

    The state (tokens per step, held-out curve, wall time) is written next to each TRL checkpoint, so a resumed
    run continues the same record without counting redone steps twice.
    """

    def __init__(self, tokenizer: Any, tracker: HeldoutTracker | None, ledger: RewardLedger, every: int = 0,
                 prior_wall: float = 0.0, heldout_curve: list[dict[str, Any]] | None = None) -> None:
        self.tokenizer = tokenizer
        self.tracker = tracker
        self.ledger = ledger
        self.every = every
        self.curve: list[dict[str, Any]] = list(heldout_curve or [])
        self.prior_wall = prior_wall
        self.started = time.perf_counter()
        self.eval_seconds = 0.0

    @property
    def wall(self) -> float:
        return self.prior_wall + time.perf_counter() - self.started

    def _evaluate(self, model: Any, step: int) -> None:
        if self.tracker is None or any(p["step"] == step for p in self.curve):
            return
        t0 = time.perf_counter()
        result = self.tracker.evaluate(model, self.tokenizer, step)
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
