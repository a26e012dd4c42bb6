"""A training run's progress: steps done, elapsed and remaining time, and how the last step went.

Trainer prints every step's whole log dict when its tqdm bar is off (ours is: TRL's bar counts optimizer steps of a
generation batch and would be one more bar beside the evaluation's). A 90-step arm wrote 90 dicts of 30 keys and no
ETA. :class:`TrainingProgress` replaces them: a live bar on a terminal; in a log file (no terminal), one line per
tenth of the run, with the ETA. The metrics themselves are in the run record and in any ``report_to`` logger.
"""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from transformers import TrainerCallback

from traitrl.core.text import clock


def status(logs: dict[str, Any]) -> str:
    """The last step in a few words: mean reward, share of groups whose completions all got the same reward (GRPO
    learns nothing from them), seconds per step and the step's peak memory; '' for a log without them (e.g. the end-of-training summary)."""
    if "reward" not in logs:
        return ""
    parts = [f"reward {float(logs['reward']):.3f}"]
    if "frac_reward_zero_std" in logs:
        parts.append(f"no-variance groups {float(logs['frac_reward_zero_std']):.0%}")
    if "step_time" in logs:
        parts.append(f"{float(logs['step_time']):.1f} s/step")
    if "memory/peak_gb" in logs:
        parts.append(f"peak memory {float(logs['memory/peak_gb']):.1f} GB")
    return " · ".join(parts)


class TrainingProgress(TrainerCallback):
    """Progress of ``trainer.train()`` on the main process (see module docstring)."""

    def __init__(self, console: Console | None = None, lines: int = 10, label: str = "train") -> None:
        self.console = console or Console(stderr=True)
        self.lines = lines
        self.label = label
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.total = 0
        self.first = 0
        self.started = 0.0
        self.printed = -1

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if not state.is_world_process_zero:
            return
        self.total, self.first, self.started = state.max_steps, state.global_step, time.perf_counter()
        if self.console.is_terminal:
            self.progress = Progress(
                TextColumn("{task.description}", markup=False, style="bold"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[status]}", markup=False),
                console=self.console, transient=False)
            self.task = self.progress.add_task(self.label, total=self.total, completed=self.first, status="")
            self.progress.start()

    def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        if not state.is_world_process_zero or not (now := status(logs or {})):
            return
        step = state.global_step
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, completed=step, status=now)
            return
        every = max(1, self.total // max(self.lines, 1))
        if step != self.printed and (step == self.total or step == self.first + 1 or step % every == 0):
            self.printed = step
            done = step - self.first
            elapsed = time.perf_counter() - self.started
            eta = elapsed / done * (self.total - step) if done > 0 else 0.0
            self.console.print(f"[traitrl] {self.label} step {step}/{self.total} · elapsed {clock(elapsed)} · "
                               f"ETA {clock(eta)} · {now}", markup=False, highlight=False, soft_wrap=True)

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, completed=state.global_step)

    def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
