"""Export the built-in suite as a Hugging Face dataset folder: one config per benchmark, loadable offline.

``export_suite(out)`` writes ``out/<benchmark>/test.parquet`` (``:`` in a name becomes ``--``, in
the folder and the config name) for every built-in benchmark (its default items) and a
``README.md`` dataset card whose YAML header declares one ``config_name`` per benchmark, so

    datasets.load_dataset("path/to/out", "conflict-of-interest-disclosure", split="test")

loads one benchmark, and ``load_exported(out, name)`` turns its rows back into the very ``Sample`` objects that
were exported (a test checks equality for the whole suite). The folder can be pushed to the Hub as it is.

Row schema (stable across benchmarks, so every config has the same features): ``id``, ``benchmark``, ``version``,
``category``, ``scoring``, ``target`` / ``bad_target`` (int or null), ``consistency``, ``good`` / ``bad`` (oracle
replies or null), and the nested parts as JSON strings — ``prompts`` (messages, options, generation budget),
``rubric`` (criteria) and ``metadata`` (domain, cluster, ...). JSON columns keep one schema for all 57 benchmarks,
whose prompts and metadata differ in shape; parse them with ``json.loads``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from traitrl.core.errors import UserError
from traitrl.evals.api import Sample, chance_level

SPLIT = "test"
_JSON_FIELDS = ("prompts", "rubric", "metadata")
_SCHEMA = pa.schema([("id", pa.string()), ("benchmark", pa.string()), ("version", pa.string()),
                     ("category", pa.string()), ("scoring", pa.string()), ("target", pa.int64()),
                     ("bad_target", pa.int64()), ("consistency", pa.string()), ("good", pa.string()),
                     ("bad", pa.string()), *[(k, pa.string()) for k in _JSON_FIELDS]])


def _folder(name: str) -> str:
    """A benchmark's folder and config name (``datasets`` refuses ``:`` in config names: ``scenarios:heldout`` ->
    ``scenarios--heldout``)."""
    return name.replace(":", "--")


def sample_row(sample: Sample, benchmark: str, version: str, category: str, scoring: str) -> dict[str, Any]:
    """One dataset row for ``sample`` (see the module docstring for the schema)."""
    data = sample.model_dump(mode="json")
    row: dict[str, Any] = {"id": data["id"], "benchmark": benchmark, "version": version, "category": category,
                           "scoring": scoring}
    for key in ("target", "bad_target", "consistency", "good", "bad"):
        row[key] = data[key]
    for key in _JSON_FIELDS:
        row[key] = json.dumps(data[key], ensure_ascii=False, sort_keys=True)
    return row


def row_sample(row: dict[str, Any]) -> Sample:
    """The ``Sample`` a dataset row was made from."""
    data = {k: row[k] for k in ("id", "target", "bad_target", "consistency", "good", "bad")}
    data.update({k: json.loads(row[k]) for k in _JSON_FIELDS})
    return Sample.model_validate(data)


def _card(entries: Sequence[dict[str, Any]]) -> str:
    import yaml

    configs = [{"config_name": _folder(e["name"]), "data_files": [{"split": SPLIT, "path": f"{_folder(e['name'])}/{SPLIT}.parquet"}]}
               for e in entries]
    header = yaml.safe_dump({"configs": configs, "license": "mit", "language": ["en"], "pretty_name": "traitrl suite"},
                            sort_keys=False, width=10_000)
    lines = ["---", header.rstrip(), "---", "", "# traitrl built-in benchmark suite", "",
             "Held-out alignment benchmarks written for traitrl, one config per benchmark (split `test`). "
             "Load one with `datasets.load_dataset(PATH, NAME, split='test')`; the nested columns `prompts`, "
             "`rubric` and `metadata` are JSON strings. Items from one situation share `metadata.cluster`: "
             "resample clusters, not items, for confidence intervals.", "",
             "| benchmark | category | scoring | items | chance | version |", "|---|---|---|---|---|---|"]
    for e in entries:
        chance = "—" if e["chance"] is None else f"{e['chance']:.3f}"
        lines.append(f"| {e['name']} | {e['category']} | {e['scoring']} | {e['n']} | {chance} | {e['version']} |")
    return "\n".join(lines) + "\n"


def export_suite(out: str | Path, names: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Write the built-in benchmarks ``names`` (default: all) to ``out`` as a dataset folder; return its index.

    Raises:
        UserError: an unknown benchmark name, or ``out`` exists and is not a directory.
    """
    import pyarrow.parquet as pq

    from traitrl.evals.registry import factory_args, items_version, load_builtins

    registry = load_builtins()
    chosen = list(names) if names else sorted(registry)
    unknown = [n for n in chosen if n not in registry]
    if unknown:
        raise UserError(f"unknown built-in benchmark(s): {', '.join(unknown)} (see `traitrl benchmarks list`)")
    root = Path(out)
    if root.exists() and not root.is_dir():
        raise UserError(f"{root}: exists and is not a directory")
    entries = []
    for name in chosen:
        spec = registry[name]
        samples = spec.factory(**factory_args(spec, {}))
        version = items_version(spec, samples)
        rows = [sample_row(s, name, version, spec.category, spec.scoring) for s in samples]
        folder = root / _folder(name)
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), folder / f"{SPLIT}.parquet")
        entries.append({"name": name, "category": spec.category, "scoring": spec.scoring, "n": len(samples),
                        "chance": chance_level(spec, samples) if samples else spec.chance, "version": version})
    (root / "README.md").write_text(_card(entries), encoding="utf-8")
    return entries


def load_exported(path: str | Path, name: str) -> list[Sample]:
    """Load one benchmark of an exported folder (or a Hub id) through ``datasets`` and rebuild its samples.

    A local folder is read through a throw-away cache: ``datasets`` keys its cache of a local folder by the folder's
    name and config rather than its contents, so after a re-export into a folder of the same name it would serve
    the old items.
    """
    import tempfile

    from datasets import load_dataset

    if not Path(path).exists():  # a Hub id: the Hub's revisions keep the cache honest
        return [row_sample(dict(r)) for r in load_dataset(str(path), _folder(name), split=SPLIT)]
    with tempfile.TemporaryDirectory(prefix="traitrl-export-") as cache:
        rows = load_dataset(str(path), _folder(name), split=SPLIT, cache_dir=cache)
        return [row_sample(dict(r)) for r in rows]
