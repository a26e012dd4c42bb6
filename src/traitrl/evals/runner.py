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

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

import traitrl
from traitrl.core.errors import UserError
from traitrl.core.provenance import git_state
from traitrl.core.text import redact
from traitrl.evals.adapters.base import score_with
from traitrl.evals.api import Output, Sample
from traitrl.evals.config import EvalConfig
from traitrl.evals.formatting import generation_messages, mc_request
from traitrl.evals.identity import check_resume, model_fingerprint, run_key, training_link
from traitrl.evals.registry import OPTION_SCORING, BenchmarkRef, LoadedBenchmark, load_benchmark, parse_ref
from traitrl.grading.rubric import CriterionJudge
from traitrl.models.base import ChatModel, SamplingParams
from traitrl.results.store import RunRecord, SampleRow, Store


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


def _outputs_option(model: ChatModel, samples: Sequence[Sample], opts: EvalConfig) -> list[list[Output]]:
    requests, owners = [], []
    for si, s in enumerate(samples):
        for p in s.prompts:
            requests.append(mc_request(model, p, opts.mc_format, opts.persona, opts.persona_placement))
            owners.append(si)
    logprobs = model.option_logprobs(requests) if requests else []
    out: list[list[Output]] = [[] for _ in samples]
    for si, lp in zip(owners, logprobs, strict=True):
        out[si].append(Output(logprobs=list(lp)))
    return out


def _outputs_generation(model: ChatModel, samples: Sequence[Sample], opts: EvalConfig) -> list[list[Output]]:
    # Group prompts by token budget: one generate call per budget keeps every sample's limit exact.
    by_budget: dict[int, list[tuple[int, int]]] = {}
    for si, s in enumerate(samples):
        for pi, p in enumerate(s.prompts):
            by_budget.setdefault(p.max_tokens, []).append((si, pi))
    texts: dict[tuple[int, int], str] = {}
    for budget, keys in sorted(by_budget.items()):
        convs = [generation_messages(samples[si].prompts[pi], opts.persona, opts.persona_placement) for si, pi in keys]
        params = SamplingParams(max_tokens=budget, temperature=0.0, seed=opts.seed)
        for key, text in zip(keys, model.generate(convs, params), strict=True):
            texts[key] = text
    return [[Output(text=texts[(si, pi)]) for pi in range(len(s.prompts))] for si, s in enumerate(samples)]


def run_eval(
    model: ChatModel,
    benchmarks: Sequence[str | BenchmarkRef] | None,
    store: Store,
    config: EvalConfig | None = None,
    judge: CriterionJudge | None = None,
    console: Console | None = None,
    on_batch: Callable[[str, int], None] | None = None,
) -> RunResult:
    """Evaluate ``model`` on ``benchmarks`` and store per-sample results (resuming the run if it exists).

    The run id defaults to one derived from the content of what is evaluated (the model's fingerprint, the
    result-relevant settings and every benchmark's name, version and arguments), so running the same
    evaluation again resumes it instead of duplicating it. A given ``config.run_id`` whose stored run was made
    with another model or other settings is refused with the reason.

    Args:
        model: Any ChatModel backend (its ``fingerprint`` attribute, when present, identifies it).
        benchmarks: Benchmark references (``NAME[?args]`` or ``KIND:SOURCE[?args]``); None uses the config's.
        store: The results store.
        config: Run settings (quick, limit, persona, seed, prompt format, precision, batch sizes, run id, labels).
        judge: Grades judge criteria; None skips judge-scored benchmarks.
        console: Where progress goes; None disables the progress display.
        on_batch: Called after each stored batch with (benchmark, samples stored) — used by tests.

    Returns:
        The run id and what happened to each benchmark.
    """
    opts = config or EvalConfig()
    refs = [parse_ref(b) if isinstance(b, str) else b for b in (benchmarks if benchmarks is not None
                                                                 else opts.benchmark_refs())]
    if not refs:
        raise UserError("no benchmarks to run")
    # Build every benchmark first so a bad name or file fails before any model time is spent.
    loaded: dict[str, LoadedBenchmark] = {}
    for ref in refs:
        lb = load_benchmark(ref, quick=opts.quick, limit=opts.limit)
        loaded[lb.spec.name] = lb
    fingerprint = model_fingerprint(model)
    key = run_key(fingerprint, opts)
    entries = {name: _benchmark_entry(lb, judge) for name, lb in loaded.items()}
    source = getattr(model, "source", None)
    training_run, training_labels, training_record = training_link(source)
    record = RunRecord(
        run_id=opts.run_id or default_run_id(model.name, key, entries), model=model.name,
        model_path=str(source.path) if source is not None and source.path else None, suite=opts.suite,
        quick=opts.quick, persona=opts.persona, seed=opts.seed, mc_format=opts.mc_format, started_at=now(),
        traitrl_version=traitrl.__version__, git_hash=git_hash(), run_key=key, model_fingerprint=fingerprint,
        model_info=source.provenance() if source is not None else {"name": model.name},
        config=opts.model_dump(mode="json", exclude={"store", "run_id", "labels", "benchmarks", "judge"}),
        labels={**training_labels, **opts.labels}, training_run=training_run,
    )
    if training_run is not None and training_record is not None and store.get_training_run(training_run) is None:
        store.record_training_run(training_run, str(training_record.get("output_dir", "")), training_record, now())
    existing = store.get_run(record.run_id)
    if existing is None:
        store.create_run(record)
    else:
        check_resume(existing, record, entries)
        if opts.labels:
            store.update_run_labels(record.run_id, opts.labels)
    result = RunResult(run_id=record.run_id)
    progress = Progress(TextColumn("{task.description:<40}", markup=False), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=console, disable=console is None,
                        transient=False)
    with progress:
        for name, lb in loaded.items():
            entry = entries[name]
            if lb.spec.requires_judge and judge is None:
                msg = "skipped: judge-scored; set TRAITRL_JUDGE_MODEL and TRAITRL_OPENAI_BASE_URL to run it"
                store.update_run_benchmarks(record.run_id, {name: {**entry, "status": "skipped", "message": msg}})
                result.outcomes.append(BenchmarkOutcome(name, "skipped", msg, skipped=len(lb.samples)))
                continue
            store.update_run_benchmarks(record.run_id, {name: {**entry, "status": "running"}})
            outcome = _run_benchmark(model, lb, store, record.run_id, opts,
                                     judge if lb.spec.requires_judge else None, progress, on_batch)
            final = {**entry, "status": outcome.status, "message": outcome.message}
            metrics = adapter_metrics(store, record.run_id, lb)
            if metrics:
                final["metrics"] = metrics
            store.update_run_benchmarks(record.run_id, {name: final})
            result.outcomes.append(outcome)
    store.finish_run(record.run_id, now())
    return result


def _benchmark_entry(lb: LoadedBenchmark, judge: CriterionJudge | None) -> dict[str, Any]:
    entry = lb.record()
    if lb.spec.requires_judge:
        # Which judge graded a benchmark is part of its result; offline benchmarks never see the judge.
        config = getattr(judge, "config", None)
        entry["judge"] = config.identity() if config is not None else getattr(getattr(judge, "client", None),
                                                                              "model", None)
    return entry


def adapter_metrics(store: Store, run_id: str, lb: LoadedBenchmark) -> dict[str, Any] | None:
    """Run-level extras of a public format (e.g. BBQ bias scores), stored with the run so analysis needs no
    adapter code."""
    fn = getattr(lb.spec, "metrics_fn", None)
    if fn is None:
        return None
    grades = [r.grade.get("metadata", {}) for r in store.load_samples(run_id, [lb.spec.name])]
    if not grades:
        return None
    # A metric that cannot be computed is stored as its "n/a (reason)" text, never as a bare NaN.
    return {k: v if isinstance(v, int | float) and math.isfinite(v) else format(v, ".3f")
            for k, v in fn(grades).items()}


def default_run_id(model_name: str, key: str, entries: dict[str, dict[str, Any]]) -> str:
    """``<model slug>-<content key>``: the same model, settings and benchmarks always give the same id."""
    from traitrl.core.keys import content_key

    slug = "".join(c if c.isalnum() else "-" for c in model_name.lower()).strip("-")[:40] or "model"
    benches = {n: {"version": e["version"], "args": e["args"]} for n, e in entries.items()}
    return f"{slug}-{content_key({'run': key, 'benchmarks': benches}, 12)}"


def _run_benchmark(
    model: ChatModel,
    lb: LoadedBenchmark,
    store: Store,
    run_id: str,
    opts: EvalConfig,
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
            SampleRow(run_id=run_id, benchmark=spec.name, sample_id=s.id, version=lb.version, score=g.score,
                      refused=g.refused, grade=g.model_dump(mode="json"),
                      outputs=[o.model_dump(mode="json", exclude_none=True) for o in outs], seconds=per_sample,
                      metadata=s.metadata)
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
