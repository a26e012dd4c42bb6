"""verl reward entry point: ``compute_score(data_source, solution_str, ground_truth, extra_info=None)``.

Point verl at this file (``custom_reward_function.path=.../verl_reward.py``,
``custom_reward_function.name=compute_score``) after exporting data with ``traitrl export verl``. It calls the
same graders as TRL training: the scenario rubric, the task verifiers, or the helpfulness proxy, chosen by the
``reward`` field that the export writes into ``extra_info`` (and encodes in ``data_source``).
"""

from __future__ import annotations

from typing import Any

DATA_SOURCE_PREFIX = "traitrl"


def parse_data_source(data_source: str) -> tuple[str, str]:
    """``traitrl/<reward>/<task>`` -> (reward, task); anything else -> ("", "")."""
    parts = str(data_source).split("/")
    if len(parts) >= 3 and parts[0] == DATA_SOURCE_PREFIX:
        return parts[1], "/".join(parts[2:])
    return "", ""


def compute_score(data_source: str, solution_str: str, ground_truth: str, extra_info: dict[str, Any] | None = None) -> float:
    """The reward of one verl rollout, as in TRL training (``traitrl.rl.rewards.training_reward``: rubric rows get
    the graded reward in [-1, 1] unless ``extra_info["rubric_reward"] == "score"``). Never raises; ungradable rows
    get 0.0 (verl needs a number)."""
    from traitrl.rl.rewards import score_row, training_reward

    reward, task = parse_data_source(data_source)
    info = extra_info if isinstance(extra_info, dict) else {}
    reward = str(info.get("reward", reward))
    task = str(info.get("task", task))
    try:
        grade = score_row(reward, task, ground_truth, solution_str if isinstance(solution_str, str) else "")
    except Exception:  # verl workers must not die on one bad row; score_row itself never raises on text
        return 0.0
    mode = info.get("rubric_reward")
    value = training_reward(reward, grade, mode if mode in ("score", "partial") else "graded")
    return float(value) if value is not None else 0.0
