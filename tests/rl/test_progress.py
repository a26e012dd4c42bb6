"""Training progress: a live bar on a terminal, a line per tenth of the run in a log, always with the ETA."""

from __future__ import annotations

import io
from types import SimpleNamespace

from rich.console import Console

from traitrl.rl.progress import TrainingProgress, status


def _run(console: Console, steps: int, first: int = 0) -> None:
    cb = TrainingProgress(console, lines=4, label="trait d=1 seed 0")
    state = SimpleNamespace(is_world_process_zero=True, max_steps=steps, global_step=first)
    cb.on_train_begin(None, state, None)
    for step in range(first + 1, steps + 1):
        state.global_step = step
        cb.on_step_end(None, state, None)
        cb.on_log(None, state, None, logs={"loss": 0.1, "reward": 0.25, "frac_reward_zero_std": 0.5, "step_time": 7.94,
                                                 "memory/peak_gb": 9.83})
    cb.on_log(None, state, None, logs={"train_runtime": 1.0})  # the end-of-training summary says nothing new
    cb.on_train_end(None, state, None)


def test_a_log_gets_a_line_per_tenth_of_the_run_with_its_eta() -> None:
    buf = io.StringIO()
    _run(Console(file=buf, force_terminal=False, width=200), steps=12)
    lines = buf.getvalue().splitlines()
    assert [line.split(" · ")[0] for line in lines] == [
        f"[traitrl] trait d=1 seed 0 step {s}/12" for s in (1, 3, 6, 9, 12)]
    assert all("ETA " in line and line.endswith("reward 0.250 · no-variance groups 50% · 7.9 s/step · peak memory 9.8 GB") for line in lines)
    buf = io.StringIO()
    _run(Console(file=buf, force_terminal=False, width=200), steps=12, first=6)  # resumed: counts from the checkpoint
    assert buf.getvalue().splitlines()[0].startswith("[traitrl] trait d=1 seed 0 step 7/12")


def test_a_terminal_gets_a_bar() -> None:
    buf = io.StringIO()
    _run(Console(file=buf, force_terminal=True, width=160), steps=5)
    text = buf.getvalue()
    assert "5/5" in text and "no-variance groups 50%" in text and "[traitrl]" not in text


def test_other_processes_and_other_logs_stay_quiet() -> None:
    buf = io.StringIO()
    cb = TrainingProgress(Console(file=buf, force_terminal=False), lines=1)
    state = SimpleNamespace(is_world_process_zero=False, max_steps=2, global_step=0)
    cb.on_train_begin(None, state, None)
    state.global_step = 2
    cb.on_log(None, state, None, logs={"reward": 1.0})
    assert buf.getvalue() == "" and status({"train_loss": 0.0}) == ""
