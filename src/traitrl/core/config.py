"""Loading validated configs (pydantic models) from YAML files and CLI flags, with errors that say how to fix.

Every entry point (training, evaluation, and later the study) has one pydantic config validated when it is
built, so a bad value fails before any model loads. Errors name the file and the field, one line per problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from traitrl.core.errors import UserError
from traitrl.core.files import FileProblem, check_file, load_yaml
from traitrl.core.text import visible

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
            lines.append(f"{where}: {visible(loc, 200)}: {visible(msg, 500)}")
        raise UserError("\n".join(lines)) from None


def load_config(cls: type[C], path: str | Path, overrides: dict[str, Any] | None = None,
                example_dir: str = "configs/") -> C:
    """Read a YAML file of ``cls`` fields; ``overrides`` (CLI flags that were given) win over the file."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path}: no such config file (see {example_dir} for examples)")
    check_file(path, "config file")  # a directory, unreadable or oversized file: one message naming it
    raw = load_yaml(path, "config file")  # no Python tags, no duplicate keys, bounded nesting
    if raw is None:
        # An empty file is almost always a mistake (a truncated write, the wrong path), not "all defaults".
        raise UserError(f"{path}: the config file is empty (see {example_dir} for examples)")
    if not isinstance(raw, dict):
        raise UserError(f"{path}: expected a mapping of {cls.__name__} fields at the top level")
    return validate_config(cls, {**raw, **(overrides or {})}, where=str(path))


__all__ = ["FileProblem", "load_config", "validate_config"]
