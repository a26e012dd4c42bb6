"""Contrast shift (traitrl.results.shift): prompt-blind scorers tie at 1/2 on every built-in contrast set, the
oracles span 0..1, and the score follows a model whose preference moves with the decisive fact."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from traitrl.evals.api import Output, Sample, oracle_outputs, score_sample
from traitrl.evals.registry import LoadedBenchmark, list_specs, load_benchmark, parse_ref
from traitrl.results.shift import SHIFT_CHANCE, shift_scores, summarize_shift
from traitrl.results.store import RunRecord, SampleRow, Store
from traitrl.results.summary import compare_stored_runs, summarize_run


def _contrast_benchmarks() -> list[LoadedBenchmark]:
    out = []
    for spec in list_specs():
        if spec.scoring == "logprob_mc":
            lb = load_benchmark(parse_ref(spec.name))
            if any("contrast_set" in s.metadata for s in lb.samples):
                out.append(lb)
    return out


@pytest.fixture(scope="module")
def contrast_benchmarks() -> list[LoadedBenchmark]:
    return _contrast_benchmarks()


def _rows(lb: LoadedBenchmark, outputs_of: Callable[[Sample], list[Output]], run_id: str = "r") -> list[SampleRow]:
    rows = []
    for s in lb.samples:
        outs = outputs_of(s)
        g = score_sample(lb.spec, s, outs)
        rows.append(SampleRow(run_id=run_id, benchmark=lb.spec.name, sample_id=s.id, version=lb.version,
                              score=g.score, refused=g.refused, grade=g.model_dump(mode="json"),
                              outputs=[o.model_dump(mode="json", exclude_none=True) for o in outs], seconds=0.0,
                              metadata=s.metadata))
    return rows


def _option_only(fn: Callable[[int, str], float]) -> Callable[[Sample], list[Output]]:
    """Log-probs computed from the option text (and its position) alone: a model that never reads the prompt."""
    def outputs_of(s: Sample) -> list[Output]:
        return [Output(logprobs=[fn(i, o) for i, o in enumerate(p.options or [])]) for p in s.prompts]
    return outputs_of


PROMPT_BLIND = {
    "longest": lambda i, o: float(len(o)),
    "shortest": lambda i, o: -float(len(o)) ** 2,  # summed log-probs fall with length; per character still varies
    "most_tokens": lambda i, o: float(len(re.findall(r"\w+|[^\w\s]", o))),
    "first": lambda i, o: -float(i),
    "text_hash": lambda i, o: -float(int(hashlib.sha256(o.encode()).hexdigest()[:8], 16) % 1000),
}


def test_every_option_scored_builtin_except_generated_capability_items_is_a_contrast_set() -> None:
    names = {lb.spec.name for lb in _contrast_benchmarks()}
    missing = {s.name for s in list_specs() if s.scoring == "logprob_mc"} - names
    assert missing == {"capability-arithmetic", "capability-facts", "capability-formats"}


@pytest.mark.parametrize("rule", sorted(PROMPT_BLIND))
def test_prompt_blind_scorers_score_exactly_one_half(contrast_benchmarks: list[LoadedBenchmark], rule: str) -> None:
    for lb in contrast_benchmarks:
        scores = shift_scores(_rows(lb, _option_only(PROMPT_BLIND[rule])))
        assert len(scores) == len(lb.samples), lb.spec.name
        assert set(scores.values()) == {SHIFT_CHANCE}, (lb.spec.name, rule)


def test_oracles_span_zero_to_one(contrast_benchmarks: list[LoadedBenchmark]) -> None:
    for lb in contrast_benchmarks:
        good = shift_scores(_rows(lb, lambda s: oracle_outputs(s, "good")))
        bad = shift_scores(_rows(lb, lambda s: oracle_outputs(s, "bad")))
        assert set(good.values()) == {1.0}, lb.spec.name
        # The bad oracle picks the bad target: in two-option sets the other version's target (score 0); with
        # more options it can still rank the target above a third version's, so only its mean is bounded.
        assert sum(bad.values()) / len(bad) <= 1 / 3 + 1e-9, lb.spec.name
        if lb.samples[0].prompts[0].options and len(lb.samples[0].prompts[0].options) == 2:
            assert set(bad.values()) == {0.0}, lb.spec.name


def _pair(set_id: str, margins: tuple[float, float], cluster: str) -> list[SampleRow]:
    """Two items of one set: item a's target is option 0, item b's option 1; ``margins`` = s(0) − s(1) in each."""
    rows = []
    for key, target, m in (("a", 0, margins[0]), ("b", 1, margins[1])):
        choice = 0 if m > 0 else 1
        grade = {"score": float(choice == target), "metadata": {"choices": [choice], "target": target,
                                                                 "option_scores": [m / 2, -m / 2]}}
        rows.append(SampleRow(run_id="r", benchmark="toy", sample_id=f"{set_id}-{key}", version="v",
                              score=grade["score"], refused=None, grade=grade, outputs=[], seconds=0.0,
                              metadata={"contrast_set": set_id, "cluster": cluster}))
    return rows


def test_shift_reads_movement_that_accuracy_misses() -> None:
    # A model that always prefers option 0 (accuracy 1/2) but less so where option 1 is right: shift 1.
    rows = _pair("s1", (0.9, 0.4), "c1") + _pair("s2", (0.3, 0.1), "c2")
    assert sum(r.score or 0 for r in rows) / len(rows) == 0.5
    assert shift_scores(rows) == {"s1-a": 1.0, "s1-b": 1.0, "s2-a": 1.0, "s2-b": 1.0}
    # Moving the wrong way scores 0; rows from old runs (no option_scores) are skipped, not scored 0.
    wrong = _pair("s3", (0.1, 0.5), "c3")
    old = [SampleRow(run_id="r", benchmark="toy", sample_id="old-a", version="v", score=1.0, refused=None,
                     grade={"metadata": {"choices": [0]}}, outputs=[], seconds=0.0, metadata={"cluster": "c"})]
    assert shift_scores(wrong + old) == {"s3-a": 0.0, "s3-b": 0.0}


def test_stored_summary_and_comparison_use_clusters(tmp_path: Path) -> None:
    store = Store(tmp_path / "r.sqlite")
    for run, moves in (("a", False), ("b", True)):
        store.create_run(RunRecord(run_id=run, model="m", started_at="2026-01-01", benchmarks={"toy": {"version": "v"}}))
        rows = []
        for i in range(12):
            m = (0.5, 0.2) if moves or i % 2 else (0.2, 0.5)
            rows += _pair(f"s{i}", m, f"c{i // 3}")
        store.record_samples([dataclasses.replace(r, run_id=run) for r in rows])
    [summary] = summarize_run(store, "b").shift
    assert summary.mean == 1.0 and summary.n_clusters == 4 and summary.chance == SHIFT_CHANCE
    assert summary.ceiling and not summary.at_chance
    [a_summary] = summarize_shift(store.load_samples("a"), {"toy": "cat"})
    assert a_summary.mean == 0.5 and a_summary.at_chance and a_summary.category == "cat"
    comp = compare_stored_runs(store, "a", "b")
    assert comp.shift is not None
    [res] = comp.shift.results
    assert res.delta == pytest.approx(0.5) and res.n == 24 and res.n_clusters == 4
    assert comp.to_dict()["shift"]["results"][0]["benchmark"] == "toy"
