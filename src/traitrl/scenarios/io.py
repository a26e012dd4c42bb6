"""Scenario I/O: JSONL, parquet and Hugging Face ``datasets.Dataset``, lossless round trips.

The tabular forms (parquet, Dataset) keep ``messages`` as a list of {role, content} structs — the shape chat
trainers expect — and store the nested ``rubric``, ``oracles`` and ``metadata`` as JSON strings so the schema is
stable across scenarios. Malformed input raises ``ScenarioFileError`` (a ``UserError``) naming the file, the line (JSONL; for a ``.json``
array the line where the record starts) or row (parquet, datasets) and the field. An empty file, duplicate ids, a
directory that is not a saved dataset and an unreadable file are errors too (see ``traitrl.core.files``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from traitrl.core.errors import UserError
from traitrl.core.files import (
    FileProblem,
    check_depth,
    check_dir,
    check_file,
    iter_json_array,
    iter_jsonl,
    json_starts_with_array,
)
from traitrl.scenarios.schema import Scenario

_JSON_COLUMNS = ("rubric", "oracles", "metadata")


class ScenarioFileError(UserError):
    """A scenario file is malformed; ``str(err)`` says file, line/row and field."""

    def __init__(self, path: str | Path, line: int, field: str, message: str) -> None:
        self.path, self.line, self.field = str(path), line, field
        super().__init__(f"{path}:{line}: field '{field}': {message}")


def _validate(obj: Any, path: str | Path, line: int) -> Scenario:
    if not isinstance(obj, dict):
        raise ScenarioFileError(path, line, "<record>", f"expected a JSON object, got {type(obj).__name__}")
    try:
        check_depth(obj, path, line)
        return Scenario.model_validate(obj)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "<record>"
        raise ScenarioFileError(path, line, field, first["msg"].removeprefix("Value error, ")) from None
    except FileProblem as err:
        raise ScenarioFileError(path, line, "<record>", err.problem) from None
    except RecursionError:
        raise ScenarioFileError(path, line, "<record>", "nested too deeply") from None


def _unique(scenarios: list[Scenario], lines: list[int], path: str | Path) -> list[Scenario]:
    """The scenarios, or an error naming the first id that appears twice and both lines."""
    first: dict[str, int] = {}
    for s, line in zip(scenarios, lines, strict=True):
        if s.id in first:
            raise ScenarioFileError(path, line, "id", f"duplicate scenario id {s.id!r} (first at {first[s.id]})")
        first[s.id] = line
    if not scenarios:
        raise ScenarioFileError(path, 0, "<file>", "no scenarios (the file is empty or only white space)")
    return scenarios


def write_jsonl(scenarios: Iterable[Scenario], path: str | Path) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for s in scenarios:
            f.write(s.model_dump_json(exclude_none=True) + "\n")
            n += 1
    tmp.replace(path)  # atomic: an interrupted write never leaves a half file behind
    return n


def read_jsonl(path: str | Path) -> list[Scenario]:
    """Scenarios from JSON lines, or from a ``.json`` file holding one array of scenario objects."""
    path = Path(path)
    out, lines = [], []
    try:
        records = iter_json_array(path) if path.suffix == ".json" and json_starts_with_array(path) else iter_jsonl(path)
        for line_no, obj in records:
            out.append(_validate(obj, path, line_no))
            lines.append(line_no)
    except FileProblem as err:
        raise ScenarioFileError(path, err.line, "<json>" if err.line else "<file>", err.problem) from None
    return _unique(out, lines, path)


def to_records(scenarios: Iterable[Scenario]) -> list[dict[str, Any]]:
    rows = []
    for s in scenarios:
        d = s.model_dump(exclude_none=True)
        for col in _JSON_COLUMNS:
            d[col] = json.dumps(d.get(col))
        rows.append(d)
    return rows


def from_records(rows: Iterable[dict[str, Any]], source: str | Path = "<records>") -> list[Scenario]:
    out, lines = [], []
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise ScenarioFileError(source, i, "<record>", f"expected a record, got {type(row).__name__}")
        d = dict(row)
        for col in _JSON_COLUMNS:
            if isinstance(d.get(col), str):
                try:
                    d[col] = json.loads(d[col], parse_constant=_reject_constant)
                except (json.JSONDecodeError, ValueError) as err:
                    raise ScenarioFileError(source, i, col, f"invalid JSON: {getattr(err, 'msg', err)}") from None
                except RecursionError:
                    raise ScenarioFileError(source, i, col, "nested too deeply") from None
            if d.get(col) is None:
                d.pop(col, None)
        out.append(_validate(d, source, i))
        lines.append(i)
    return _unique(out, lines, source)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def to_dataset(scenarios: Sequence[Scenario]) -> Any:
    """A ``datasets.Dataset`` with one row per scenario."""
    from datasets import Dataset

    return Dataset.from_list(to_records(scenarios))


def from_dataset(ds: Any) -> list[Scenario]:
    return from_records(ds, source=getattr(ds, "info", None) and ds.info.dataset_name or "<dataset>")


def write_parquet(scenarios: Sequence[Scenario], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(to_records(scenarios))
    pq.write_table(table, path)
    return table.num_rows


def read_parquet(path: str | Path) -> list[Scenario]:
    import pyarrow.parquet as pq

    try:
        check_file(path, "parquet file")
        table = pq.read_table(path)
        rows = table.to_pylist()
    except FileProblem as err:
        raise ScenarioFileError(path, 0, "<file>", err.problem) from None
    except Exception as err:  # pyarrow raises several unrelated types for a bad file
        raise ScenarioFileError(path, 0, "<file>", f"not a readable parquet file: {err}") from None
    return from_records(rows, source=path)


def read_scenarios(path: str | Path) -> list[Scenario]:
    """Read by extension: .jsonl / .json (lines), .parquet, or a directory saved with ``Dataset.save_to_disk``."""
    path = Path(path)
    if not path.exists():
        raise ScenarioFileError(path, 0, "<file>", "no such file or directory")
    if path.is_dir():
        return _read_dataset_dir(path)
    if path.suffix == ".parquet":
        return read_parquet(path)
    return read_jsonl(path)


def _read_dataset_dir(path: Path) -> list[Scenario]:
    """A directory written by ``Dataset.save_to_disk``; anything else is a clear error."""
    if path.suffix in (".jsonl", ".json", ".parquet"):
        raise ScenarioFileError(path, 0, "<file>", f"is a directory; a {path.suffix} path must be a file")
    try:
        check_dir(path, "dataset directory")
    except FileProblem as err:
        raise ScenarioFileError(path, 0, "<file>", err.problem) from None
    if not (path / "dataset_info.json").is_file() or not (path / "state.json").is_file():
        raise ScenarioFileError(path, 0, "<file>", "a directory that is not a dataset saved with "
                                "Dataset.save_to_disk (no dataset_info.json / state.json); pass a .jsonl or "
                                ".parquet file instead")
    from datasets import load_from_disk

    try:
        ds = load_from_disk(str(path))
        rows = list(ds)
    except Exception as err:  # datasets raises many unrelated types for a damaged directory
        raise ScenarioFileError(path, 0, "<file>", f"not a readable saved dataset: {type(err).__name__}: "
                                f"{str(err)[:300]}") from None
    return from_records(rows, source=path)


def write_scenarios(scenarios: Sequence[Scenario], path: str | Path) -> int:
    path = Path(path)
    if path.suffix == ".parquet":
        return write_parquet(scenarios, path)
    if path.suffix in (".jsonl", ".json"):
        return write_jsonl(scenarios, path)
    to_dataset(scenarios).save_to_disk(str(path))
    return len(scenarios)
