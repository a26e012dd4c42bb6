"""The eval runner: score benchmarks on a ChatModel in batches and store every sample as its batch finishes.

For each benchmark the runner skips samples already stored under the same run id (so a killed run resumes
where it stopped, with identical numbers), then works through the rest in batches:

- option scoring (log-prob MC, calibration, consistency): every prompt of every sample in the batch becomes one
  ``MCRequest`` (see ``traitrl.evals.formatting`` for the chat / raw formats) and the model scores the whole
  batch in one ``option_logprobs`` call;
- generation scoring (generate, choice, judge): the prompts of the batch are generated together, grouped by
  their token budget, greedily (temperature 0) with the run's seed.

Judge-scored benchmarks need a judge (``TRAITRL_JUDGE_MODEL`` plus the OpenAI-compatible endpoint variables,
see ``traitrl.grading.judge``); without one they are listed as skipped. The judge is only given to judge-scored
benchmarks, so the offline suite's numbers never depend on whether a judge happened to be configured.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import traitrl
from traitrl.core.provenance import git_state
from traitrl.core.text import redact
from traitrl.evals.adapters.base import score_with
from traitrl.evals.api import Output, Sample
from traitrl.evals.formatting import MC_FORMATS, generation_messages, mc_request
from traitrl.evals.registry import OPTION_SCORING, BenchmarkRef, LoadedBenchmark, load_benchmark, parse_ref
from traitrl.grading.judge import judge_from_env as judge_from_env  # re-exported for the CLI
from traitrl.grading.rubric import CriterionJudge
from traitrl.models.base import ChatModel, SamplingParams
from traitrl.results.stats import BenchmarkSummary, Comparison, compare_runs, summarize
from traitrl.results.store import RunRecord, SampleRow, Store


@dataclass
class EvalOptions:
    """Settings of one eval run (recorded with the run)."""

    quick: bool = False
    persona: str | None = None
    seed: int = 0
    mc_format: str = "chat"
    limit: int | None = None
    suite: str | None = None
    option_batch: int = 64  # samples per option-scoring batch (the model sub-batches its forward passes)
    generation_batch: int = 32  # samples per generation batch

    def __post_init__(self) -> None:
        if self.mc_format not in MC_FORMATS:
            raise ValueError(f"unknown mc format {self.mc_format!r}; use one of {', '.join(MC_FORMATS)}")
        if self.option_batch < 1 or self.generation_batch < 1:
            raise ValueError("batch sizes must be at least 1")


@dataclass
class BenchmarkOutcome:
    """What happened to one benchmark in a run, counted per sample.

    ``scored``: stored in this invocation with a score; ``errored``: stored without a score (a grader or judge
    error) or not stored because its batch failed; ``skipped``: not attempted (e.g. judge-scored without a
    judge); ``cached``: already stored by an earlier invocation of the same run.
    """

    name: str
    status: str  # done | skipped | error
    message: str = ""
    scored: int = 0
    cached: int = 0
    seconds: float = 0.0
    errored: int = 0
    skipped: int = 0

    @property
    def error_share(self) -> float:
        """Errored samples over attempted ones (0 when nothing was attempted)."""
        attempted = self.scored + self.errored
        return self.errored / attempted if attempted else 0.0

    @property
    def scored_nothing(self) -> bool:
        """Samples were attempted in this invocation and none got a score (and none was stored before)."""
        return self.errored > 0 and self.scored == 0 and self.cached == 0


@dataclass
class RunResult:
    run_id: str
    outcomes: list[BenchmarkOutcome] = field(default_factory=list)


def git_hash() -> str | None:
    """The commit of the traitrl checkout, if it is one (with ``+dirty`` for uncommitted changes)."""
    state = git_state(Path(traitrl.__file__).resolve().parent)
    if state["commit"] is None:
        return None
    return str(state["commit"]) + ("+dirty" if state["dirty"] else "")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id(model_name: str) -> str:
    """A readable unique id: model slug, UTC time and a random suffix."""
    slug = "".join(c if c.isalnum() else "-" for c in model_name.lower()).strip("-")[:40] or "model"
    return f"{slug}-{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def _outputs_option(model: ChatModel, samples: Sequence[Sample], opts: EvalOptions) -> list[list[Output]]:
    requests, owners = [], []
    for si, s in enumerate(samples):
        for p in s.prompts:
            requests.append(mc_request(model, p, opts.mc_format, opts.persona))
            owners.append(si)
    logprobs = model.option_logprobs(requests) if requests else []
    out: list[list[Output]] = [[] for _ in samples]
    for si, lp in zip(owners, logprobs, strict=True):
        out[si].append(Output(logprobs=list(lp)))
    return out


def _outputs_generation(model: ChatModel, samples: Sequence[Sample], opts: EvalOptions) -> list[list[Output]]:
    # Group prompts by token budget: one generate call per budget keeps every sample's limit exact.
    by_budget: dict[int, list[tuple[int, int]]] = {}
    for si, s in enumerate(samples):
        for pi, p in enumerate(s.prompts):
            by_budget.setdefault(p.max_tokens, []).append((si, pi))
    texts: dict[tuple[int, int], str] = {}
    for budget, keys in sorted(by_budget.items()):
        convs = [generation_messages(samples[si].prompts[pi], opts.persona) for si, pi in keys]
        params = SamplingParams(max_tokens=budget, temperature=0.0, seed=opts.seed)
        for key, text in zip(keys, model.generate(convs, params), strict=True):
            texts[key] = text
    return [[Output(text=texts[(si, pi)]) for pi in range(len(s.prompts))] for si, s in enumerate(samples)]


def _check_resume(existing: RunRecord, record: RunRecord) -> None:
    for attr in ("model", "quick", "persona", "seed", "mc_format"):
        if getattr(existing, attr) != getattr(record, attr):
            raise ValueError(
                f"run {existing.run_id!r} was started with {attr}={getattr(existing, attr)!r}, not "
                f"{getattr(record, attr)!r}; resume with the same settings or pass a new --run-id")


def _check_benchmark_resume(existing: RunRecord, loaded: dict[str, LoadedBenchmark]) -> None:
    for name, lb in loaded.items():
        old = existing.benchmarks.get(name)
        if old and (old.get("version") != lb.spec.version or old.get("args") != lb.args):
            raise ValueError(f"run {existing.run_id!r} scored {name!r} as version {old.get('version')} with "
                             f"{old.get('args')}; now {lb.spec.version} with {lb.args}; use a new --run-id")


def run_eval(
    model: ChatModel,
    benchmarks: Sequence[str | BenchmarkRef],
    store: Store,
    options: EvalOptions | None = None,
    judge: CriterionJudge | None = None,
    run_id: str | None = None,
    model_path: str | None = None,
    console: Console | None = None,
    on_batch: Callable[[str, int], None] | None = None,
) -> RunResult:
    """Evaluate ``model`` on ``benchmarks`` and store per-sample results under ``run_id`` (resumed if it exists).

    Args:
        model: Any ChatModel backend.
        benchmarks: Benchmark references (``NAME[?args]`` or ``KIND:SOURCE[?args]``).
        store: The results store.
        options: Run settings (quick, persona, seed, mc format, limit, batch sizes).
        judge: Grades judge criteria; None skips judge-scored benchmarks.
        run_id: Resume this run, or start it under this id; default a fresh id.
        model_path: Where the model came from, for the record.
        console: Where progress goes; None disables the progress display.
        on_batch: Called after each stored batch with (benchmark, samples stored) — used by tests.

    Returns:
        The run id and what happened to each benchmark.
    """
    opts = options or EvalOptions()
    refs = [parse_ref(b) if isinstance(b, str) else b for b in benchmarks]
    if not refs:
        raise ValueError("no benchmarks to run")
    # Build every benchmark first so a bad name or file fails before any model time is spent.
    loaded = {}
    for ref in refs:
        lb = load_benchmark(ref, quick=opts.quick, limit=opts.limit)
        loaded[lb.spec.name] = lb
    record = RunRecord(
        run_id=run_id or new_run_id(model.name), model=model.name, model_path=model_path, suite=opts.suite,
        quick=opts.quick, persona=opts.persona, seed=opts.seed, mc_format=opts.mc_format, started_at=now(),
        traitrl_version=traitrl.__version__, git_hash=git_hash(),
    )
    existing = store.get_run(record.run_id)
    if existing is None:
        store.create_run(record)
    else:
        _check_resume(existing, record)
        _check_benchmark_resume(existing, loaded)
    result = RunResult(run_id=record.run_id)
    progress = Progress(TextColumn("{task.description:<40}", markup=False), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, disable=console is None, transient=False)
    with progress:
        for name, lb in loaded.items():
            entry = lb.record()
            if lb.spec.requires_judge and judge is None:
                msg = "skipped: judge-scored; set TRAITRL_JUDGE_MODEL and TRAITRL_OPENAI_BASE_URL to run it"
                store.update_run_benchmarks(record.run_id, {name: {**entry, "status": "skipped", "message": msg}})
                result.outcomes.append(BenchmarkOutcome(name, "skipped", msg, skipped=len(lb.samples)))
                continue
            entry["judge"] = getattr(getattr(judge, "client", None), "model", None) if lb.spec.requires_judge else None
            store.update_run_benchmarks(record.run_id, {name: {**entry, "status": "running"}})
            outcome = _run_benchmark(model, lb, store, record.run_id, opts,
                                     judge if lb.spec.requires_judge else None, progress, on_batch)
            store.update_run_benchmarks(record.run_id, {name: {**entry, "status": outcome.status,
                                                               "message": outcome.message}})
            result.outcomes.append(outcome)
    store.finish_run(record.run_id, now())
    return result


def _run_benchmark(
    model: ChatModel,
    lb: LoadedBenchmark,
    store: Store,
    run_id: str,
    opts: EvalOptions,
    judge: CriterionJudge | None,
    progress: Progress,
    on_batch: Callable[[str, int], None] | None,
) -> BenchmarkOutcome:
    spec = lb.spec
    done = store.finished_ids(run_id, spec.name)
    todo = [s for s in lb.samples if s.id not in done]
    outcome = BenchmarkOutcome(spec.name, "done", cached=len(lb.samples) - len(todo))
    task = progress.add_task(spec.name, total=len(lb.samples), completed=outcome.cached)
    option = spec.scoring in OPTION_SCORING
    size = opts.option_batch if option else opts.generation_batch
    start = time.perf_counter()
    for b in range(0, len(todo), size):
        batch = todo[b:b + size]
        t0 = time.perf_counter()
        try:
            outputs = (_outputs_option if option else _outputs_generation)(model, batch, opts)
            grades = [score_with(spec, s, outs, judge) for s, outs in zip(batch, outputs, strict=True)]
        except Exception as err:  # a failing backend or grader stops this benchmark, not the run
            outcome.status, outcome.message = "error", redact(f"{type(err).__name__}: {err}")
            outcome.errored += len(todo) - b  # this batch and every later one went unscored
            break
        per_sample = (time.perf_counter() - t0) / len(batch)
        store.record_samples(
            SampleRow(run_id=run_id, benchmark=spec.name, sample_id=s.id, version=spec.version, score=g.score,
                      refused=g.refused, grade=g.model_dump(mode="json"),
                      outputs=[o.model_dump(mode="json", exclude_none=True) for o in outs], seconds=per_sample)
            for s, g, outs in zip(batch, grades, outputs, strict=True)
        )
        n_scored = sum(1 for g in grades if g.score is not None)
        outcome.scored += n_scored
        outcome.errored += len(batch) - n_scored
        progress.advance(task, len(batch))
        if on_batch is not None:
            on_batch(spec.name, len(batch))
    outcome.seconds = time.perf_counter() - start
    return outcome


def benchmark_metadata(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Category, chance and direction per benchmark from a run's stored benchmark records."""
    return {name: {"category": r.get("category", ""), "chance": r.get("chance"),
                   "higher_is_better": r.get("higher_is_better", True), "kind": r.get("kind", "builtin"),
                   "scoring": r.get("scoring", "")}
            for name, r in records.items()}


@dataclass
class RunSummary:
    """A stored run's per-benchmark statistics and any adapter-specific metrics (e.g. BBQ bias scores)."""

    run: RunRecord
    benchmarks: list[BenchmarkSummary]
    extra: dict[str, dict[str, float]]
    skipped: dict[str, str]


def summarize_run(store: Store, run_id: str, seed: int = 0) -> RunSummary:
    """Per-benchmark summaries of a stored run (raises ValueError for an unknown run)."""
    run = store.get_run(run_id)
    if run is None:
        raise ValueError(f"no run {run_id!r} in {store.path}; see the run ids printed by `traitrl eval`")
    rows = store.load_samples(run_id)
    by_bench: dict[str, list[SampleRow]] = {}
    for r in rows:
        by_bench.setdefault(r.benchmark, []).append(r)
    meta = benchmark_metadata(run.benchmarks)
    summaries, extra = [], {}
    for name, rs in sorted(by_bench.items(), key=lambda kv: (meta.get(kv[0], {}).get("category", ""), kv[0])):
        m = meta.get(name, {})
        grades = [r.grade.get("metadata", {}) for r in rs]
        summaries.append(summarize(
            name, [r.score for r in rs], category=m.get("category", ""), chance=m.get("chance"),
            refused=[r.refused for r in rs], calibration=grades if m.get("scoring") == "calibration" else None,
            seed=seed))
        kind = m.get("kind", "builtin")
        if kind != "builtin":
            from traitrl.evals.adapters import ADAPTERS

            info = ADAPTERS.get(kind)
            if info is not None and info.metrics is not None:
                extra[name] = info.metrics(grades)
    skipped = {n: r.get("message", "") for n, r in run.benchmarks.items() if r.get("status") in ("skipped", "error")}
    return RunSummary(run=run, benchmarks=summaries, extra=extra, skipped=skipped)


def compare_stored_runs(store: Store, run_a: str, run_b: str, seed: int = 0) -> Comparison:
    """Paired comparison of two stored runs (B − A), BH across benchmarks, refusal-restricted re-analysis."""
    runs = [store.get_run(r) for r in (run_a, run_b)]
    for rid, run in zip((run_a, run_b), runs, strict=True):
        if run is None:
            raise ValueError(f"no run {rid!r} in {store.path}")
    meta = {**benchmark_metadata(runs[1].benchmarks), **benchmark_metadata(runs[0].benchmarks)}  # type: ignore[union-attr]
    tables, refusals = [], []
    for rid in (run_a, run_b):
        scores: dict[str, dict[str, float | None]] = {}
        refused: dict[str, dict[str, bool | None]] = {}
        for r in store.load_samples(rid):
            scores.setdefault(r.benchmark, {})[r.sample_id] = r.score
            refused.setdefault(r.benchmark, {})[r.sample_id] = r.refused
        tables.append(scores)
        refusals.append(refused)
    for name in set(tables[0]) & set(tables[1]):
        va = runs[0].benchmarks.get(name, {}).get("version")  # type: ignore[union-attr]
        vb = runs[1].benchmarks.get(name, {}).get("version")  # type: ignore[union-attr]
        if va != vb:
            raise ValueError(f"benchmark {name!r} has version {va} in {run_a} but {vb} in {run_b}; "
                             "item-level pairing would be meaningless")
    return compare_runs(
        tables[0], tables[1], categories={n: m["category"] for n, m in meta.items()},
        higher_is_better={n: m["higher_is_better"] for n, m in meta.items()},
        refused_a=refusals[0], refused_b=refusals[1], seed=seed)
