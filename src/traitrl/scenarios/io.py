"""Scenario I/O: JSONL, parquet and Hugging Face ``datasets.Dataset``, lossless round trips.

The tabular forms (parquet, Dataset) keep ``messages`` as a list of {role, content} structs — the shape chat
trainers expect — and store the nested ``rubric``, ``oracles`` and ``metadata`` as JSON strings so the schema is
stable across scenarios. Malformed input raises ``ScenarioFileError`` naming the file, the line (JSONL) or row
(parquet) and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from traitrl.scenarios.schema import Scenario

_JSON_COLUMNS = ("rubric", "oracles", "metadata")


class ScenarioFileError(ValueError):
    """A scenario file is malformed; ``str(err)`` says file, line/row and field."""

    def __init__(self, path: str | Path, line: int, field: str, message: str) -> None:
        self.path, self.line, self.field = str(path), line, field
        super().__init__(f"{path}:{line}: field '{field}': {message}")


def _validate(obj: Any, path: str | Path, line: int) -> Scenario:
    if not isinstance(obj, dict):
        raise ScenarioFileError(path, line, "<record>", f"expected a JSON object, got {type(obj).__name__}")
    try:
        return Scenario.model_validate(obj)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "<record>"
        raise ScenarioFileError(path, line, field, first["msg"]) from None


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
    path = Path(path)
    out = []
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ScenarioFileError(path, line_no, "<json>", f"invalid JSON: {err.msg} at column {err.colno}") from None
            out.append(_validate(obj, path, line_no))
    return out


def to_records(scenarios: Iterable[Scenario]) -> list[dict[str, Any]]:
    rows = []
    for s in scenarios:
        d = s.model_dump(exclude_none=True)
        for col in _JSON_COLUMNS:
            d[col] = json.dumps(d.get(col))
        rows.append(d)
    return rows


def from_records(rows: Iterable[dict[str, Any]], source: str | Path = "<records>") -> list[Scenario]:
    out = []
    for i, row in enumerate(rows, start=1):
        d = dict(row)
        for col in _JSON_COLUMNS:
            if isinstance(d.get(col), str):
                try:
                    d[col] = json.loads(d[col])
                except json.JSONDecodeError as err:
                    raise ScenarioFileError(source, i, col, f"invalid JSON: {err.msg}") from None
            if d.get(col) is None:
                d.pop(col, None)
        out.append(_validate(d, source, i))
    return out


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
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises several unrelated types for a bad file
        raise ScenarioFileError(path, 0, "<file>", f"not a readable parquet file: {err}") from None
    return from_records(table.to_pylist(), source=path)


def read_scenarios(path: str | Path) -> list[Scenario]:
    """Read by extension: .jsonl / .json (lines), .parquet, or a directory saved with ``Dataset.save_to_disk``."""
    path = Path(path)
    if not path.exists():
        raise ScenarioFileError(path, 0, "<file>", "no such file")
    if path.is_dir():
        from datasets import load_from_disk

        return from_records(load_from_disk(str(path)), source=path)
    if path.suffix == ".parquet":
        return read_parquet(path)
    return read_jsonl(path)


def write_scenarios(scenarios: Sequence[Scenario], path: str | Path) -> int:
    path = Path(path)
    if path.suffix == ".parquet":
        return write_parquet(scenarios, path)
    if path.suffix in (".jsonl", ".json"):
        return write_jsonl(scenarios, path)
    to_dataset(scenarios).save_to_disk(str(path))
    return len(scenarios)
