"""Re-grading a stored run: the same replies (or option log-probs), scored by today's graders, as a new run.

Graders get stricter as their loopholes are found (``traitrl.grading.copied``, ``traitrl.grading.address``), and
a comparison is only fair when both arms were graded the same way. Re-running the models is slow and, for
checkpoints since deleted, impossible; every run already stores what each model produced. ``regrade_run`` rebuilds
each benchmark of a run from its stored name and arguments, scores the stored outputs with the current scorer and
writes the result as a new run, labelled ``regraded_from`` with the source run's id and stamped with today's
git hash and benchmark versions, so ``traitrl compare`` can pair it with any other run of the same items.

Nothing is generated, so a judge is only called for judge-scored benchmarks, as in ``run_eval``. A stored sample
whose item no longer exists (a benchmark's items changed since) is counted and left out, never guessed at.
Re-grading into a run id that is already a re-grade of the same source resumes it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.console import Console

import traitrl
from traitrl.core.errors import UserError
from traitrl.evals.adapters.base import score_with
from traitrl.evals.api import Output
from traitrl.evals.registry import BenchmarkRef, LoadedBenchmark, load_benchmark
from traitrl.evals.runner import BenchmarkOutcome, RunResult, adapter_metrics, git_hash, now
from traitrl.grading.rubric import CriterionJudge
from traitrl.results.store import RunRecord, SampleRow, Store


def _reload(name: str, entry: dict[str, Any]) -> LoadedBenchmark:
    """The benchmark a run stored as ``name``, rebuilt with its stored arguments (a public-format file from its
    stored source path)."""
    stored = entry.get("args")
    args: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
    source = entry.get("source")
    ref_name = name
    if isinstance(source, str) and source and ":" in name:
        ref_name = f"{name.partition(':')[0]}:{source}"
    return load_benchmark(BenchmarkRef(name=ref_name, args=args))


def regrade_run(store: Store, run_id: str, new_run_id: str, judge: CriterionJudge | None = None,
                console: Console | None = None) -> RunResult:
    """Score every stored sample of ``run_id`` again with the current graders and store it as ``new_run_id``."""
    source = store.get_run(run_id)
    if source is None:
        raise UserError(f"no run {run_id!r} in the store (see `traitrl results list`)")
    if new_run_id == run_id:
        raise UserError("give the re-graded run a new id: the source run is kept as it was graded")
    existing = store.get_run(new_run_id)
    if existing is not None and existing.labels.get("regraded_from") != run_id:
        raise UserError(f"run {new_run_id!r} already exists and is not a re-grade of {run_id!r}; choose another id")
    record = replace(source, run_id=new_run_id, started_at=now(), finished_at=None, git_hash=git_hash(),
                     traitrl_version=traitrl.__version__, labels={**source.labels, "regraded_from": run_id},
                     benchmarks={})
    if existing is None:
        store.create_run(record)
    result = RunResult(run_id=new_run_id)
    for name, entry in source.benchmarks.items():
        if entry.get("status") == "skipped":
            continue
        try:
            lb = _reload(name, entry)
        except UserError as err:
            msg = f"cannot rebuild {name!r} to re-grade it: {err}"
            store.update_run_benchmarks(new_run_id, {name: {**entry, "status": "error", "message": msg}})
            result.outcomes.append(BenchmarkOutcome(name, "error", msg))
            continue
        if lb.spec.requires_judge and judge is None:
            msg = "skipped: judge-scored; set TRAITRL_JUDGE_MODEL and TRAITRL_OPENAI_BASE_URL to re-grade it"
            store.update_run_benchmarks(new_run_id, {name: {**entry, "status": "skipped", "message": msg}})
            result.outcomes.append(BenchmarkOutcome(name, "skipped", msg))
            continue
        result.outcomes.append(_regrade_benchmark(store, source, new_run_id, name, lb,
                                                  judge if lb.spec.requires_judge else None, console))
    store.finish_run(new_run_id, now())
    return result


def _regrade_benchmark(store: Store, source: RunRecord, new_run_id: str, name: str, lb: LoadedBenchmark,
                       judge: CriterionJudge | None, console: Console | None) -> BenchmarkOutcome:
    entry = {**source.benchmarks[name], **lb.record(), "regraded_from_version": source.benchmarks[name].get("version")}
    done = store.finished_ids(new_run_id, name)
    items = {s.id: s for s in lb.samples}
    stored = store.load_samples(source.run_id, [name])
    outcome = BenchmarkOutcome(name, "done", cached=sum(1 for r in stored if r.sample_id in done))
    missing = [r.sample_id for r in stored if r.sample_id not in items]
    rows = []
    for r in stored:
        if r.sample_id in done or r.sample_id not in items:
            continue
        sample = items[r.sample_id]
        outputs = [Output.model_validate(o) for o in r.outputs]
        grade = score_with(lb.spec, sample, outputs, judge)
        rows.append(SampleRow(run_id=new_run_id, benchmark=name, sample_id=r.sample_id, version=lb.version,
                              score=grade.score, refused=grade.refused, grade=grade.model_dump(mode="json"),
                              outputs=r.outputs, seconds=r.seconds, metadata=sample.metadata))
        outcome.scored += grade.score is not None
        outcome.errored += grade.score is None
    store.record_samples(rows)
    if missing:
        outcome.message = (f"{len(missing)} stored sample(s) have no item in today's {name} (e.g. "
                           f"{missing[0]!r}): left out")
    entry.update(status=outcome.status, message=outcome.message, n_items=len(stored) - len(missing))
    metrics = adapter_metrics(store, new_run_id, lb)
    if metrics:
        entry["metrics"] = metrics
    store.update_run_benchmarks(new_run_id, {name: entry})
    if console is not None:
        console.print(f"{name}: re-graded {outcome.scored + outcome.errored} sample(s)"
                      + (f", {outcome.errored} without a score" if outcome.errored else "")
                      + (f"; {outcome.message}" if outcome.message else ""), markup=False, highlight=False)
    return outcome
