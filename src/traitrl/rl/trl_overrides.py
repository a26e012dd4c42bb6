"""Validate ``trl_overrides`` at config load, so a bad value fails before any model loads, not inside TRL.

Each key must be a ``GRPOConfig`` field; each value must fit the field's declared type (strictly: no booleans or
strings for numbers, no NaN or infinity), and counts, sizes and rates must be in range (``max_steps: -7`` or
``num_generations: 1`` are rejected here, where TRL would fail mid-setup or silently train for epochs).
"""

from __future__ import annotations

import math
import types
import typing
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from traitrl.core.text import visible

# Lower bounds (inclusive unless noted) for the numeric fields whose out-of-range values TRL accepts late or not
# at all. -1 is TRL's "not set" sentinel for max_steps; everything else is a count, size or rate.
_AT_LEAST: dict[str, float] = {
    "max_steps": -1, "num_generations": 2, "per_device_train_batch_size": 1, "per_device_eval_batch_size": 1,
    "gradient_accumulation_steps": 1, "max_completion_length": 1, "max_prompt_length": 1, "num_iterations": 1,
    "steps_per_generation": 1, "generation_batch_size": 1, "logging_steps": 0, "save_steps": 0,
    "eval_steps": 0, "warmup_steps": 0, "warmup_ratio": 0, "weight_decay": 0, "max_grad_norm": 0, "beta": 0,
    "epsilon": 0, "num_train_epochs": 0, "seed": 0, "data_seed": 0, "save_total_limit": 0, "top_k": 0,
    "dataloader_num_workers": 0,
}
_POSITIVE = {"learning_rate", "temperature", "top_p", "num_train_epochs"}
_AT_MOST: dict[str, float] = {"warmup_ratio": 1, "top_p": 1, "min_p": 1}


@cache
def _field_types() -> dict[str, Any]:
    from trl import GRPOConfig

    hints = typing.get_type_hints(GRPOConfig)
    return {name: hints.get(name, Any) for name in GRPOConfig.__dataclass_fields__}


def _members(tp: Any) -> set[Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_members(a) for a in typing.get_args(tp)))
    return {origin or tp}


def _check_value(name: str, tp: Any, value: Any) -> str | None:
    """Why ``value`` does not fit the field, or None."""
    kinds = _members(tp)
    if isinstance(value, bool):
        return None if bool in kinds or Any in kinds else "must not be a boolean"
    if isinstance(value, int | float):
        if not (kinds & {int, float, Any}):
            return f"must be {_describe(tp)}, not a number"
        if isinstance(value, float) and not math.isfinite(value):
            return "must be a finite number"
        if isinstance(value, float) and float not in kinds and Any not in kinds and not value.is_integer():
            return "must be an integer"
        if name in _AT_LEAST and value < _AT_LEAST[name]:
            return f"must be at least {_AT_LEAST[name]:g}"
        if name in _POSITIVE and value <= 0:
            return "must be greater than 0"
        if name in _AT_MOST and value > _AT_MOST[name]:
            return f"must be at most {_AT_MOST[name]:g}"
        if name == "max_steps" and value == 0:
            return "must be a positive number of steps (or -1 for TRL's default)"
        return None
    if isinstance(value, str) and kinds <= {int, float, bool, type(None)}:
        return f"must be {_describe(tp)}, not a string"
    try:
        TypeAdapter(tp).validate_python(value)
    except ValidationError as err:
        return f"must be {_describe(tp)} ({err.errors()[0]['msg']})"
    except Exception:  # a type pydantic cannot build a validator for: accept, TRL checks it itself
        return None
    return None


def _describe(tp: Any) -> str:
    names = sorted(getattr(k, "__name__", str(k)) for k in _members(tp))
    return " or ".join("null" if n == "NoneType" else n for n in names)


def check_trl_overrides(overrides: dict[str, Any]) -> dict[str, Any]:
    """``overrides`` unchanged if every key is a GRPOConfig field with a fitting value; else ValueError."""
    fields = _field_types()
    unknown = sorted(str(k) for k in overrides if k not in fields)
    if unknown:
        raise ValueError(f"{visible(', '.join(unknown), 300)} are not GRPOConfig fields (see trl's GRPOConfig)")
    problems = []
    for name, value in overrides.items():
        why = _check_value(name, fields[name], value)
        if why:
            problems.append(f"{name}: {visible(repr(value), 80)} {why}")
    if problems:
        raise ValueError("; ".join(problems))
    return overrides
