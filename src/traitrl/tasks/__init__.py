"""Standard verifiable RL tasks (arithmetic, instruction following, factual recall, format following).

Importing the package registers every built-in task in ``TASKS``; ``verify_task`` checks a reply against a
ground truth without ever raising.
"""

from __future__ import annotations

from typing import Any

from traitrl.core.errors import UserError
from traitrl.grading.types import Grade
from traitrl.tasks import arithmetic, facts, formats, instructions
from traitrl.tasks.base import TASKS, TaskItem, TaskSpec, completion_text, extract_number

__all__ = ["TASKS", "TaskItem", "TaskSpec", "completion_text", "extract_number", "task_items", "verify_task",
           "arithmetic", "facts", "formats", "instructions"]


def task_items(task: str, split: str, n: int, seed: int = 0) -> list[TaskItem]:
    """``n`` items of a registered task; raises ValueError naming the known tasks for an unknown one."""
    if task not in TASKS:
        raise UserError(f"unknown task {task!r}; known: {', '.join(sorted(TASKS))}")
    if split not in ("train", "heldout"):
        raise UserError(f"split must be 'train' or 'heldout', not {split!r}")
    return TASKS[task].items(split, n, seed)  # type: ignore[arg-type]


def verify_task(task: str, ground_truth: dict[str, Any], response: Any) -> Grade:
    """Grade one reply with the task's verifier. Never raises: unknown tasks and bad inputs give errored Grades."""
    spec = TASKS.get(task)
    if spec is None:
        return Grade(score=None, grader="rule", errors=[f"unknown task {task!r}"])
    text = response if isinstance(response, str) else completion_text(response)
    try:
        return spec.verify(ground_truth if isinstance(ground_truth, dict) else {}, text)
    except Exception as err:  # a verifier bug must not crash a training run; it is recorded on the Grade
        return Grade(score=None, grader="rule", errors=[f"{task} verifier raised {type(err).__name__}: {err}"])
