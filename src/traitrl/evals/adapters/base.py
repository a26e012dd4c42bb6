"""Shared machinery for public-format adapters: reading records, validating fields, registering kinds.

An adapter turns a file in a published format into a ``BenchmarkSpec`` plus samples that the ordinary runner
scores. Data are never bundled: the source is a local path (``.jsonl``, ``.json``, ``.csv`` or ``.parquet``)
or a Hugging Face dataset id loaded with ``datasets.load_dataset`` (which honours ``HF_HUB_OFFLINE``, so on
an offline machine only already-cached datasets load). On the command line an adapter benchmark is named
``KIND:SOURCE``, with optional arguments after ``?``, e.g. ``anthropic-evals:data/corrigible-neutral-HHH.jsonl``
or ``truthfulqa:truthful_qa?config=multiple_choice&split=validation&variant=mc2``.

Malformed records raise :class:`AdapterError` naming the file, the line (1-based; the record index in a JSON
list, the row index for HF datasets and the data row for CSV) and the field. A run-level metric that cannot be
computed is reported as :class:`Unavailable` (NaN that prints its reason) and an :class:`AdapterWarning`, never
left out silently.
"""

from __future__ import annotations

import csv
import hashlib
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from traitrl.core.errors import UserError
from traitrl.core.files import FileProblem, check_depth, check_file, iter_json_array, iter_jsonl, read_text
from traitrl.core.keys import content_key
from traitrl.core.text import visible
from traitrl.evals.api import (
    CATEGORY_MINIMUMS,
    BenchmarkSpec,
    Category,
    Output,
    Sample,
    Scoring,
    score_sample,
)
from traitrl.grading.rubric import CriterionJudge
from traitrl.grading.types import Grade

ScoreFn = Callable[[BenchmarkSpec, Sample, Sequence[Output], CriterionJudge | None], Grade]
MetricsFn = Callable[[Sequence[Mapping[str, Any]]], dict[str, float]]
DIGEST_CHARS = 12


class AdapterError(UserError):
    """A public-format file could not be read; the message names file, line and field."""


class AdapterWarning(UserWarning):
    """Part of a public benchmark's score cannot be computed (e.g. items whose biased answer is unknown)."""


class Unavailable(float):
    """A run-level metric that could not be computed: NaN as a number, ``n/a (reason)`` when printed.

    It is a ``float`` so metric dicts keep their type and every consumer still gets a value, never a silent
    gap; formatting it (``f"{m:.3f}"``) shows the reason instead of a number.
    """

    reason: str

    def __new__(cls, reason: str) -> Unavailable:
        obj = super().__new__(cls, math.nan)
        obj.reason = reason
        return obj

    def __format__(self, spec: str) -> str:
        return f"n/a ({self.reason})"

    def __str__(self) -> str:
        return f"n/a ({self.reason})"

    def __repr__(self) -> str:
        return f"Unavailable({self.reason!r})"


def warn_adapter(message: str) -> None:
    """Emit an :class:`AdapterWarning` (shown on stderr by the CLI, capturable in tests)."""
    warnings.warn(message, AdapterWarning, stacklevel=3)


@dataclass
class Record:
    """One input row and where it came from (for error messages and stable sample ids).

    ``unit`` names what ``line`` counts: a text line (JSONL, CSV) or a record (JSON list, HF dataset row);
    ``text_line`` is the line a JSON list's record starts on, so an error can be found in an editor.
    """

    where: str
    line: int
    data: dict[str, Any]
    unit: str = "line"
    text_line: int | None = None

    @property
    def location(self) -> str:
        at = f" (line {self.text_line})" if self.text_line is not None and self.unit != "line" else ""
        return f"{self.where}, {self.unit} {self.line}{at}"

    def fail(self, field_name: str, problem: str) -> AdapterError:
        return AdapterError(f"{self.location}: field {field_name!r} {problem}")

    def dict_field(self, name: str) -> dict[str, Any]:
        """An optional object field: ``{}`` when absent or null, an error when it is another JSON type."""
        value = self.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(name, f"must be an object, not {type(value).__name__}")
        return value

    def id_field(self, name: str) -> str | None:
        """An optional item id: letters, digits and ``_ . : / -`` (at most 200), or None when absent."""
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(name, f"must be a string or an integer, not {type(value).__name__}")
        text = str(value)
        if len(text) > 200 or not all(c.isascii() and (c.isalnum() or c in "_.:/-") for c in text) \
                or any(seg in ("", ".", "..") for seg in text.split("/")):
            raise self.fail(name, f"{visible(text, 60)!r} is not a safe id (letters, digits and _ . : / - only, "
                                  "no empty, '.' or '..' segments, at most 200 characters)")
        return text

    def str_field(self, name: str, optional: bool = False) -> str:
        value = self.data.get(name)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "is missing or not a non-empty string")
        return value

    def list_field(self, name: str, min_len: int = 1) -> list[Any]:
        value = self.data.get(name)
        if not isinstance(value, list) or len(value) < min_len:
            raise self.fail(name, f"is missing or not a list of at least {min_len} entries")
        return value

    def int_field(self, name: str) -> int:
        value = self.data.get(name)
        # CSV has no types, so a decimal string counts there; JSON must use a real integer.
        if isinstance(value, str) and self.where.lower().endswith(".csv") and value.strip().lstrip("-").isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(name, "is missing or not an integer")
        return value


@dataclass
class AdapterSpec(BenchmarkSpec):
    """A BenchmarkSpec built from a file, with optional custom scoring and extra run-level metrics."""

    source: str = ""
    kind: str = ""
    score_fn: ScoreFn | None = None
    metrics_fn: MetricsFn | None = None
    samples: list[Sample] = field(default_factory=list)


@dataclass
class AdapterInfo:
    """A registered public format."""

    kind: str
    description: str
    build: Callable[..., AdapterSpec]
    metrics: MetricsFn | None = None


ADAPTERS: dict[str, AdapterInfo] = {}


def adapter(
    kind: str, description: str, metrics: MetricsFn | None = None
) -> Callable[[Callable[..., AdapterSpec]], Callable[..., AdapterSpec]]:
    """Register an adapter builder ``build(source, **args) -> AdapterSpec`` under ``kind``.

    ``metrics`` computes run-level extras (e.g. BBQ bias scores) from the stored grades' metadata.
    """

    def wrap(fn: Callable[..., AdapterSpec]) -> Callable[..., AdapterSpec]:
        ADAPTERS[kind] = AdapterInfo(kind=kind, description=" ".join(description.split()), build=fn,
                                     metrics=metrics)
        return fn

    return wrap


def _read_local(path: Path) -> list[Record]:
    where = str(path)
    suffix = path.suffix.lower()
    array = False
    try:
        if suffix == ".jsonl" or (suffix == ".json" and not _is_array(path)):
            rows = list(iter_jsonl(path, "JSONL file"))
        elif suffix == ".json":
            rows = list(iter_json_array(path, "JSON file"))
            array = True
        elif suffix == ".csv":
            return _read_csv(path)
        elif suffix == ".parquet":
            return _read_parquet(path)
        else:
            raise AdapterError(f"{where}: unsupported file type {suffix!r} (use .jsonl, .json, .csv or .parquet)")
    except FileProblem as err:
        raise AdapterError(str(err)) from None
    out = []
    for i, (line, obj) in enumerate(rows, start=1):
        # Records of a JSON array are numbered 1, 2, … (what item ids count); errors also give the start line.
        rec = Record(where, i, obj, unit="record", text_line=line) if array else Record(where, line, obj)
        if not isinstance(obj, dict):
            raise AdapterError(f"{rec.location}: expected a JSON object, got {_json_type(obj)}")
        out.append(rec)
    return out


def _json_type(obj: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(obj), type(obj).__name__)


def _is_array(path: Path) -> bool:
    return read_text(path).lstrip().startswith("[")


def _read_csv(path: Path) -> list[Record]:
    where = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            out = []
            for i, row in enumerate(reader, start=1):
                if None in row:
                    raise AdapterError(f"{where}, line {reader.line_num}: more values than header columns")
                out.append(Record(where, i, dict(row)))
            return out
    except (csv.Error, UnicodeDecodeError) as err:
        raise AdapterError(f"{where}: not a readable CSV file ({err})") from None


def _read_parquet(path: Path) -> list[Record]:
    import pyarrow.parquet as pq

    where = str(path)
    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as err:  # pyarrow raises several unrelated types for a bad file
        raise AdapterError(f"{where}: not a readable parquet file ({type(err).__name__}: {str(err)[:200]})") from None
    return [Record(where, i, check_depth(row, where, i)) for i, row in enumerate(rows, start=1)]


def _read_hub(dataset_id: str, config: str | None, split: str) -> list[Record]:
    try:
        import datasets

        ds = datasets.load_dataset(dataset_id, config, split=split)
    except Exception as err:  # datasets raises many types (offline, missing config, ...)
        raise AdapterError(
            f"{dataset_id!r} is neither a local file nor a loadable Hugging Face dataset "
            f"(config={config!r}, split={split!r}): {type(err).__name__}: {str(err)[:300]}. Offline "
            "(HF_HUB_OFFLINE=1) only datasets already in the local cache load; pass a local path instead."
        ) from None
    where = f"{dataset_id}[{split}]"
    return [Record(where, i, dict(row), unit="record") for i, row in enumerate(ds, start=1)]


def read_records(source: str, config: str | None = None, split: str = "train") -> tuple[list[Record], str]:
    """Records of a local file or HF dataset, and the content digest of the data.

    The digest (of the file's bytes, or of a hub split's rows) names the benchmark, so the same data under two
    paths, or as a relative and an absolute path, is the same benchmark and pairs across runs.
    """
    path = Path(source).expanduser()
    if path.exists() or path.suffix.lower() in (".jsonl", ".json", ".csv", ".parquet"):
        try:
            check_file(path, "data file")
        except FileProblem as err:
            raise AdapterError(str(err)) from None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:DIGEST_CHARS]
        records = _read_local(path)
    else:
        records = _read_hub(source, config, split)
        digest = content_key([r.data for r in records], DIGEST_CHARS)
    if not records:
        raise AdapterError(f"{source}: no records (the file is empty or only white space)")
    return records, digest


def make_spec(
    *,
    kind: str,
    source: str,
    tag: str,
    category: Category,
    scoring: Scoring,
    description: str,
    samples: list[Sample],
    args: dict[str, Any],
    chance: float | None = None,
    domains: Sequence[str] = (),
    score_fn: ScoreFn | None = None,
    metrics_fn: MetricsFn | None = None,
) -> AdapterSpec:
    """Assemble an AdapterSpec named ``KIND:DIGEST`` whose factory returns the already loaded samples.

    ``tag`` is the data digest from :func:`read_records`; ``source`` (the path or hub id as given) is kept as
    provenance only.
    """
    if not samples:
        raise AdapterError(f"{source}: no usable records for the {kind} adapter")
    if category not in CATEGORY_MINIMUMS:
        raise AdapterError(f"{source}: unknown category {category!r}; use one of {', '.join(CATEGORY_MINIMUMS)}")
    loaded = list(samples)
    return AdapterSpec(
        name=f"{kind}:{tag}", category=category, domains=list(domains),
        scoring=scoring, description=" ".join(description.split()), factory=lambda: list(loaded), chance=chance,
        default_args=dict(args), source=source, kind=kind, score_fn=score_fn, metrics_fn=metrics_fn,
        samples=loaded,
    )


def score_with(spec: BenchmarkSpec, sample: Sample, outputs: Sequence[Output], judge: CriterionJudge | None) -> Grade:
    """Score a sample with the spec's custom scorer if it has one, else the standard one."""
    fn = getattr(spec, "score_fn", None)
    if fn is not None:
        return fn(spec, sample, outputs, judge)  # type: ignore[no-any-return]
    return score_sample(spec, sample, outputs, judge)


def argmax(xs: Sequence[float]) -> int:
    return max(range(len(xs)), key=lambda i: xs[i])


def score_option_set(spec: BenchmarkSpec, sample: Sample, outputs: Sequence[Output], judge: CriterionJudge | None) -> Grade:
    """Log-prob MC where several options count as correct: 1 if the top option is in ``metadata['good']``."""
    lp = outputs[0].logprobs if outputs else None
    options = sample.prompts[0].options or []
    if lp is None or len(lp) != len(options):
        return Grade(score=None, grader="logprob_mc", errors=["missing or mis-sized option log-probs"])
    good = set(sample.metadata.get("good", []))
    choice = argmax(lp)
    return Grade(score=float(choice in good), grader="logprob_mc", metadata={"choices": [choice]},
                 explanation=f"chose option {choice}; acceptable {sorted(good)}")
