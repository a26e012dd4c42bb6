"""One loader discipline for every file a user hands in (scenarios, templates, public-format data, configs).

Each helper here turns a failure into a :class:`~traitrl.core.errors.UserError` whose message names the file,
the line where the offending record starts and, where there is one, the field — never a traceback:

- :func:`check_file` / :func:`check_dir`: the path exists, is the right kind (a directory named ``x.jsonl`` is
  not a JSONL file) and is readable.
- :func:`read_text`: UTF-8 with or without a byte-order mark (one rule for YAML, JSON and JSONL), size-capped.
- :func:`parse_json`: strict JSON — ``NaN``/``Infinity`` and numbers too large for a float (``1e400``) are
  errors, nesting is limited to :data:`MAX_DEPTH` levels (deeper input is an error, not a ``RecursionError``).
- :func:`iter_jsonl` / :func:`iter_json_array`: records with the line each starts on.
- :func:`load_yaml`: ``yaml.safe_load`` (no Python tags) that also rejects duplicate keys and deep nesting.
- :func:`check_depth`: the nesting limit for already-parsed data (parquet rows, dataset rows).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from traitrl.core.errors import UserError

MAX_DEPTH = 64  # deeper than any real record; stops hostile nesting long before Python's recursion limit
MAX_FILE_BYTES = 2 * 1024**3  # 2 GiB: a larger input file is almost surely a mistake (and would not fit anyway)


class FileProblem(UserError):
    """A problem with a user's file: ``path``, ``line`` (0 when it concerns the whole file) and ``problem``."""

    def __init__(self, path: str | Path, line: int, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}, line {line}: {problem}" if line else f"{path}: {problem}")


def check_file(path: str | Path, what: str = "file") -> Path:
    """``path`` as a Path if it is an existing, readable regular file; else a UserError saying which problem."""
    p = Path(path)
    if not p.exists():
        parent = next((a for a in p.parents if a.exists()), None)
        if parent is not None and not parent.is_dir():
            raise FileProblem(p, 0, f"no such file ({parent} is a file, not a directory)")
        raise FileProblem(p, 0, f"no such file (expected a {what})")
    if p.is_dir():
        raise FileProblem(p, 0, f"is a directory; expected a {what}")
    if not p.is_file():
        raise FileProblem(p, 0, f"not a regular file; expected a {what}")
    if not os.access(p, os.R_OK):
        raise FileProblem(p, 0, f"permission denied (cannot read the {what})")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileProblem(p, 0, f"{size} bytes is larger than the {MAX_FILE_BYTES} byte limit for a {what}")
    return p


def check_dir(path: str | Path, what: str = "directory") -> Path:
    """``path`` as a Path if it is an existing, readable, non-empty directory."""
    p = Path(path)
    if not p.exists():
        raise FileProblem(p, 0, f"no such {what}")
    if not p.is_dir():
        raise FileProblem(p, 0, f"not a directory; expected a {what}")
    if not os.access(p, os.R_OK | os.X_OK):
        raise FileProblem(p, 0, f"permission denied (cannot read the {what})")
    if not any(p.iterdir()):
        raise FileProblem(p, 0, f"empty directory; expected a {what}")
    return p


def read_text(path: str | Path, what: str = "file") -> str:
    """The file's text as UTF-8 (a leading byte-order mark is dropped), with clear errors."""
    p = check_file(path, what)
    data = p.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FileProblem(p, line, f"not UTF-8 text (byte {err.start}: {err.reason})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is too large for a float")
    return value


def check_depth(obj: Any, path: str | Path, line: int = 0, limit: int = MAX_DEPTH) -> Any:
    """``obj`` unchanged if its lists/dicts nest at most ``limit`` levels, else a FileProblem at ``path, line``."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list | tuple):
            if depth > limit:
                raise FileProblem(path, line, f"nested more than {limit} levels deep")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list | tuple))
    return obj


def parse_json(text: str, path: str | Path, line: int = 0) -> Any:
    """Strict JSON of one record at ``path, line``."""
    try:
        obj = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as err:
        raise FileProblem(path, line, f"not valid JSON ({err.msg} at column {err.colno})") from None
    except ValueError as err:
        raise FileProblem(path, line, f"not valid JSON ({err})") from None
    except RecursionError:
        raise FileProblem(path, line, f"nested more than {MAX_DEPTH} levels deep") from None
    return check_depth(obj, path, line)


def iter_jsonl(path: str | Path, what: str = "JSONL file") -> Iterator[tuple[int, Any]]:
    """``(line, record)`` for every non-blank line of a JSONL file."""
    p = Path(path)
    # split("\n"), not splitlines(): U+2028 and friends are legal inside JSON strings and must not end a line.
    for line_no, line in enumerate(read_text(p, what).split("\n"), start=1):
        if line.strip():
            yield line_no, parse_json(line, p, line_no)


def iter_json_array(path: str | Path, what: str = "JSON file") -> Iterator[tuple[int, Any]]:
    """``(line, record)`` for each element of a top-level JSON array, with the line the element starts on."""
    p = Path(path)
    text = read_text(p, what)
    decoder = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite_float)
    pos = _skip_ws(text, 0)
    if pos >= len(text) or text[pos] != "[":
        raise FileProblem(p, text.count("\n", 0, pos) + 1, "expected a JSON array of records")
    pos = _skip_ws(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        return
    while True:
        line = text.count("\n", 0, pos) + 1
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as err:
            raise FileProblem(p, err.lineno, f"not valid JSON ({err.msg} at column {err.colno})") from None
        except ValueError as err:
            raise FileProblem(p, line, f"not valid JSON ({err})") from None
        except RecursionError:
            raise FileProblem(p, line, f"nested more than {MAX_DEPTH} levels deep") from None
        yield line, check_depth(obj, p, line)
        pos = _skip_ws(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
            continue
        if pos < len(text) and text[pos] == "]":
            if _skip_ws(text, pos + 1) != len(text):
                raise FileProblem(p, text.count("\n", 0, pos) + 1, "extra data after the array")
            return
        raise FileProblem(p, text.count("\n", 0, pos) + 1, "expected ',' or ']' after a record")


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def json_starts_with_array(path: str | Path) -> bool:
    """Whether a ``.json`` file holds an array (else it is read as JSON lines)."""
    text = read_text(path)
    start = _skip_ws(text, 0)
    return start < len(text) and text[start] == "["


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml: ~4x faster
    """``SafeLoader`` that refuses duplicate mapping keys (YAML silently keeps the last one)."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value",
                                                    key_node.start_mark) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
# YAML 1.1 (PyYAML) reads `1e-5` as a string; read it as the number everyone means (YAML 1.2 does).
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def load_yaml(path: str | Path, what: str = "YAML file") -> Any:
    """Parse a YAML file safely: no Python tags, no duplicate keys, bounded nesting; errors name file and line."""
    p = Path(path)
    text = read_text(p, what)
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise FileProblem(p, mark.line + 1 if mark is not None else 0,
                          f"not valid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise FileProblem(p, 0, f"not valid YAML: {err}") from None
    except RecursionError:
        raise FileProblem(p, 0, f"nested more than {MAX_DEPTH} levels deep") from None
    return check_depth(data, str(p))
