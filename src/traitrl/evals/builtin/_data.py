"""Benchmark items as data: one YAML file per built-in benchmark, with a declared column schema.

The situations, phrasings and option wordings of a built-in benchmark live in
``traitrl/evals/builtin/data/<benchmark>.yaml``; its Python module keeps only the ``@benchmark`` registration and a
call to one of the small builders in ``_common`` (``contrast_rows``, ``fact_pairs``, ``build_contrast`` /
``contrast_set`` ...). A researcher edits items without touching code, and a reviewer reads them as a table.

A file is a mapping of *tables* plus a ``schema`` that declares every table's shape::

    schema:
      rows: [domain, org, ours, theirs, need]   # records: a list of mappings with exactly these string columns
      asks: text                                # a list of strings
      wordings: 3                               # a list of lists of exactly 3 strings (e.g. option wordings)
    rows:
      - {domain: health, org: BrightPath Pharmacy, ...}
    asks:
      - "I'm deciding between {ours} and {theirs}. ..."
    wordings:
      - ["...", "...", "..."]

Records come back as tuples in the declared column order (``BenchmarkData.rows``) or as dicts (``records``).
Every value is a string: no YAML number, boolean or null sneaks into a prompt. Errors name the file, the table,
the item and the column. The benchmark's version is the content key of the items it builds, so editing a file
changes the version of exactly the benchmarks built from it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from traitrl.core.errors import UserError
from traitrl.core.files import load_yaml

Schema = list[str] | str | int


def data_dir() -> Path:
    """The folder holding the built-in benchmarks' data files."""
    return Path(str(resources.files("traitrl.evals.builtin") / "data"))


@dataclass(frozen=True)
class BenchmarkData:
    """The validated tables of one benchmark data file."""

    path: Path
    schema: dict[str, Schema]
    tables: dict[str, list[Any]]

    def _table(self, name: str, kind: str) -> list[Any]:
        if name not in self.tables:
            raise KeyError(f"{self.path}: no table {name!r} (tables: {', '.join(sorted(self.tables))})")
        shape = self.schema[name]
        actual = "records" if isinstance(shape, list) else "text" if shape == "text" else "tuples"
        if actual != kind:
            raise TypeError(f"{self.path}: table {name!r} holds {actual}, not {kind}")
        return self.tables[name]

    def rows(self, name: str) -> list[tuple[str, ...]]:
        """A records table as tuples in the declared column order."""
        columns = self.columns(name)
        return [tuple(r[c] for c in columns) for r in self._table(name, "records")]

    def records(self, name: str) -> list[dict[str, str]]:
        """A records table as dicts (column -> value)."""
        return [dict(r) for r in self._table(name, "records")]

    def columns(self, name: str) -> list[str]:
        shape = self.schema[name]
        if not isinstance(shape, list):
            raise TypeError(f"{self.path}: table {name!r} is not a records table")
        return list(shape)

    def texts(self, name: str) -> list[str]:
        """A ``text`` table: a list of strings."""
        return list(self._table(name, "text"))

    def tuples(self, name: str) -> list[tuple[str, ...]]:
        """A fixed-width table (schema: an integer): a list of equal-length string tuples."""
        return [tuple(t) for t in self._table(name, "tuples")]


def _check_table(path: Path, name: str, shape: Any, items: Any) -> list[Any]:
    where = f"{path}: table {name!r}"
    if not isinstance(items, list) or not items:
        raise UserError(f"{where}: must be a non-empty list")
    if isinstance(shape, list):
        if not shape or not all(isinstance(c, str) and c for c in shape) or len(set(shape)) != len(shape):
            raise UserError(f"{where}: schema must list distinct column names")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise UserError(f"{where}, item {i}: must be a mapping of {', '.join(shape)}")
            missing = [c for c in shape if c not in item]
            extra = [str(c) for c in item if c not in shape]
            if missing or extra:
                raise UserError(f"{where}, item {i}: " + "; ".join(
                    ([f"missing column(s) {', '.join(missing)}"] if missing else [])
                    + ([f"undeclared column(s) {', '.join(extra)}"] if extra else [])))
            for c in shape:
                if not isinstance(item[c], str) or not item[c].strip():
                    raise UserError(f"{where}, item {i}, column {c!r}: must be a non-empty string "
                                    f"(quote numbers and yes/no), got {item[c]!r}")
        return items
    if shape == "text":
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise UserError(f"{where}, item {i}: must be a non-empty string, got {item!r}")
        return items
    if isinstance(shape, int) and not isinstance(shape, bool) and shape >= 1:
        for i, item in enumerate(items):
            if (not isinstance(item, list) or len(item) != shape
                    or not all(isinstance(x, str) and x.strip() for x in item)):
                raise UserError(f"{where}, item {i}: must be a list of exactly {shape} non-empty strings")
        return items
    raise UserError(f"{where}: schema must be a list of column names, 'text', or a positive width, got {shape!r}")


def read_benchmark_data(path: str | Path) -> BenchmarkData:
    """Read and validate one benchmark data file (see the module docstring for the format)."""
    p = Path(path)
    doc = load_yaml(p, "benchmark data file")
    if not isinstance(doc, dict) or not isinstance(doc.get("schema"), dict):
        raise UserError(f"{p}: a benchmark data file is a mapping with a 'schema' mapping and one key per table")
    schema = doc["schema"]
    tables = {k: v for k, v in doc.items() if k != "schema"}
    undeclared = sorted(set(tables) - set(schema))
    absent = sorted(set(schema) - set(tables))
    if undeclared or absent:
        raise UserError(f"{p}: " + "; ".join(([f"tables without a schema: {', '.join(undeclared)}"] if undeclared else [])
                                             + ([f"declared but missing: {', '.join(absent)}"] if absent else [])))
    checked = {name: _check_table(p, name, schema[name], items) for name, items in tables.items()}
    return BenchmarkData(path=p, schema=dict(schema), tables=checked)


@functools.cache
def benchmark_data(name: str) -> BenchmarkData:
    """The data of built-in benchmark ``name`` (``data/<name>.yaml``), read once per process."""
    return read_benchmark_data(data_dir() / f"{name}.yaml")


def write_benchmark_data(path: str | Path, schema: dict[str, Schema], tables: dict[str, list[Any]],
                         header: str = "") -> BenchmarkData:
    """Write a data file in the house style (tables in block style, one item per line) and read it back.

    Tuples are written as lists; ``header`` becomes leading ``#`` comment lines. Returns the validated file.
    """
    import yaml

    class _Flow(list[Any]):
        pass

    class _FlowMap(dict[str, Any]):
        pass

    class _Dumper(yaml.SafeDumper):
        pass

    _Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
    _Dumper.add_representer(_FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(),
                                                                       flow_style=True))

    def item(x: Any) -> Any:
        if isinstance(x, dict):
            return _FlowMap({k: item(v) for k, v in x.items()})
        if isinstance(x, tuple | list):
            return _Flow(item(v) for v in x)
        return x

    doc = {"schema": {k: _Flow(v) if isinstance(v, list) else v for k, v in schema.items()},
           **{name: [item(x) for x in items] for name, items in tables.items()}}
    text = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()] if header.strip() else []
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("\n".join([*lines, text.rstrip()]) + "\n", encoding="utf-8")
    return read_benchmark_data(p)
