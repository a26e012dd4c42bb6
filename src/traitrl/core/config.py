"""Loading validated configs (pydantic models) from YAML files and CLI flags, with errors that say how to fix.

Every entry point (training, evaluation, and later the study) has one pydantic config validated when it is
built, so a bad value fails before any model loads. Errors name the file and the field, one line per problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from traitrl.core.errors import UserError

C = TypeVar("C", bound=BaseModel)


def validate_config(cls: type[C], data: dict[str, Any], where: str = "config") -> C:
    """Build ``cls`` from ``data``, turning pydantic's error list into one line per problem with the field named."""
    try:
        return cls.model_validate(data)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
            msg = e["msg"].removeprefix("Value error, ")
            if e["type"] == "extra_forbidden":
                msg = f"unknown field; valid fields: {', '.join(cls.model_fields)}"
            lines.append(f"{where}: {loc}: {msg}")
        raise UserError("\n".join(lines)) from None


def load_config(cls: type[C], path: str | Path, overrides: dict[str, Any] | None = None,
                example_dir: str = "configs/") -> C:
    """Read a YAML file of ``cls`` fields; ``overrides`` (CLI flags that were given) win over the file."""
    path = Path(path)
    if not path.is_file():
        what = "is a directory, not a config file" if path.is_dir() else "no such config file"
        raise UserError(f"{path}: {what} (see {example_dir} for examples)")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise UserError(f"{path}: not valid YAML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"{path}: cannot read ({err})") from None
    if not isinstance(raw, dict):
        raise UserError(f"{path}: expected a mapping of {cls.__name__} fields at the top level")
    return validate_config(cls, {**raw, **(overrides or {})}, where=str(path))
