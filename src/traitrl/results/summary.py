"""Analysis of stored runs (never executes a model): one run, two runs, many runs, and the transfer matrix.

Everything here reads only the results store — benchmark records (category, chance, direction, version,
adapter metrics) and per-sample rows with their metadata — so analyses never rebuild a benchmark and the
report depends on nothing but ``traitrl.results``.

- :func:`summarize_run`: per-benchmark mean, CI, headroom flags of one run.
- :func:`compare_stored_runs`: paired B − A with BH over benchmarks and the refusal re-analysis.
- :func:`compare_many`: several arms against a baseline, over seeds: per (arm, benchmark) the paired Δ pooled
  over seeds (items pair within a seed; one item's, or one situation's, items under every seed form one cluster;
  with two or more seeds the CI resamples seeds and situations as crossed factors), BH over the whole family
  (every arm × benchmark), and the seed-level spread of Δ.
- :func:`transfer_matrix`: arm × benchmark domain (or category) mean paired Δ, with each arm's training slice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from traitrl.core.errors import UserError
from traitrl.results.shift import compare_shift, summarize_shift
from traitrl.results.stats import (
    BenchmarkSummary,
    Comparison,
    PairedResult,
    _adjust,
    compare_benchmark,
    compare_runs,
    headline_of,
    summarize,
)
from traitrl.results.store import RunRecord, SampleRow, Store
from traitrl.results.tables import Column, Table


def benchmark_metadata(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Category, chance, direction and display name per benchmark from a run's stored benchmark records."""
    return {name: {"category": r.get("category", ""), "chance": r.get("chance"),
                   "higher_is_better": r.get("higher_is_better", True), "kind": r.get("kind", "builtin"),
                   "scoring": r.get("scoring", ""), "display": r.get("display", name)}
            for name, r in records.items()}


def _run(store: Store, run_id: str) -> RunRecord:
    run = store.get_run(run_id)
    if run is None:
        raise UserError(f"no run {run_id!r} in {store.path}; see `traitrl results list`")
    return run


@dataclass
class RunSummary:
    """A stored run's per-benchmark statistics and any adapter-specific metrics (e.g. BBQ bias scores)."""

    run: RunRecord
    benchmarks: list[BenchmarkSummary]
    extra: dict[str, dict[str, float | str]]  # adapter metrics; a str is 'n/a (reason)'
    skipped: dict[str, str]
    # Contrast shift per benchmark with contrast sets (traitrl.results.shift; chance 1/2): how far the model's
    # preference moves with the decisive fact, where accuracy only sees whether it flips.
    shift: list[BenchmarkSummary] = field(default_factory=list)


def _by_benchmark(rows: Sequence[SampleRow]) -> dict[str, list[SampleRow]]:
    out: dict[str, list[SampleRow]] = {}
    for r in rows:
        out.setdefault(r.benchmark, []).append(r)
    return out


def summarize_run(store: Store, run_id: str, seed: int = 0) -> RunSummary:
    """Per-benchmark summaries of a stored run (raises UserError for an unknown run)."""
    run = _run(store, run_id)
    meta = benchmark_metadata(run.benchmarks)
    summaries = []
    rows = store.load_samples(run_id)
    by_bench = _by_benchmark(rows)
    for name, rs in sorted(by_bench.items(), key=lambda kv: (meta.get(kv[0], {}).get("category", ""), kv[0])):
        m = meta.get(name, {})
        grades = [r.grade.get("metadata", {}) for r in rs]
        summaries.append(summarize(
            name, [r.score for r in rs], category=m.get("category", ""), chance=m.get("chance"),
            refused=[r.refused for r in rs], calibration=grades if m.get("scoring") == "calibration" else None,
            seed=seed, clusters=[r.metadata.get("cluster") for r in rs]))
    extra = {n: r["metrics"] for n, r in run.benchmarks.items() if isinstance(r.get("metrics"), dict)}
    skipped = {n: r.get("message", "") for n, r in run.benchmarks.items() if r.get("status") in ("skipped", "error")}
    shift = summarize_shift(rows, {n: m.get("category", "") for n, m in meta.items()}, seed=seed)
    return RunSummary(run=run, benchmarks=summaries, extra=extra, skipped=skipped, shift=shift)


def clusters_of(metadata: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> dict[str, dict[str, str | None]]:
    """benchmark -> sample id -> cluster label (the situation an item belongs to), from stored metadata."""
    return {b: {sid: (str(m["cluster"]) if m.get("cluster") is not None else None) for sid, m in per.items()}
            for b, per in metadata.items()}


Tables = tuple[dict[str, dict[str, float | None]], dict[str, dict[str, bool | None]],
               dict[str, dict[str, dict[str, Any]]]]


def _tables(store: Store, run_id: str) -> Tables:
    return _tables_of(store.load_samples(run_id))


def _tables_of(rows: Sequence[SampleRow]) -> Tables:
    """Scores, refusal flags and metadata per benchmark and sample id."""
    scores: dict[str, dict[str, float | None]] = {}
    refused: dict[str, dict[str, bool | None]] = {}
    metadata: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        scores.setdefault(r.benchmark, {})[r.sample_id] = r.score
        refused.setdefault(r.benchmark, {})[r.sample_id] = r.refused
        metadata.setdefault(r.benchmark, {})[r.sample_id] = r.metadata
    return scores, refused, metadata


def _check_versions(run_a: RunRecord, run_b: RunRecord, names: set[str]) -> None:
    for name in sorted(names):
        va = run_a.benchmarks.get(name, {}).get("version")
        vb = run_b.benchmarks.get(name, {}).get("version")
        if va != vb:
            raise UserError(f"benchmark {name!r} has version {va} in {run_a.run_id} but {vb} in {run_b.run_id}; "
                            "its items differ, so item-level pairing would be meaningless")


def compare_stored_runs(store: Store, run_a: str, run_b: str, seed: int = 0) -> Comparison:
    """Paired comparison of two stored runs (B − A), BH across benchmarks, refusal-restricted re-analysis."""
    ra, rb = _run(store, run_a), _run(store, run_b)
    meta = {**benchmark_metadata(rb.benchmarks), **benchmark_metadata(ra.benchmarks)}
    rows_a, rows_b = store.load_samples(run_a), store.load_samples(run_b)
    sa, fa, ma = _tables_of(rows_a)
    sb, fb, _ = _tables_of(rows_b)
    _check_versions(ra, rb, set(sa) & set(sb))
    # Same version means the same items, so run A's metadata holds the clusters of every paired item.
    categories = {n: m["category"] for n, m in meta.items()}
    comp = compare_runs(sa, sb, categories=categories,
                        higher_is_better={n: m["higher_is_better"] for n, m in meta.items()},
                        refused_a=fa, refused_b=fb, seed=seed, clusters=clusters_of(ma))
    shift = compare_shift(rows_a, rows_b, categories, seed=seed)
    comp.shift = shift if shift.results else None
    return comp


@dataclass
class ArmResult:
    """One arm against the baseline over its seeds."""

    arm: str
    results: list[PairedResult]
    seed_deltas: dict[str, dict[str, float]] = field(default_factory=dict)  # benchmark -> seed -> Δ

    @property
    def headline(self) -> str:
        return headline_of(self.results)

    def seed_spread(self, benchmark: str) -> float:
        """Sample SD of the per-seed mean Δ on one benchmark (NaN with fewer than two seeds)."""
        vals = list(self.seed_deltas.get(benchmark, {}).values())
        return float(np.std(vals, ddof=1)) if len(vals) > 1 else math.nan


@dataclass
class ManyComparison:
    """Arms × seeds × benchmarks against one baseline, BH-adjusted over the whole family."""

    baseline: dict[str, str]
    arms: list[ArmResult]
    alpha: float = 0.05

    def table(self) -> Table:
        t = Table(title="arms vs baseline (Δ = arm − baseline, pooled over seeds; BH over every arm × benchmark)",
                  columns=[Column("arm", "arm"), Column("benchmark", "benchmark"), Column("category", "category"),
                           Column("n", "n", "int"), Column("delta", "Δ", "delta_pp"),
                           Column("ci_low", "CI low", "delta_pp"), Column("ci_high", "CI high", "delta_pp"),
                           Column("q", "q (BH)", "p"), Column("seed_sd", "seed SD", "delta_pp"),
                           Column("seeds", "seeds", "int")])
        for arm in self.arms:
            for r in arm.results:
                t.rows.append({"arm": arm.arm, "benchmark": r.benchmark, "category": r.category, "n": r.n,
                               "delta": r.delta, "ci_low": r.ci_low, "ci_high": r.ci_high, "q": r.p_adjusted,
                               "seed_sd": arm.seed_spread(r.benchmark),
                               "seeds": len(arm.seed_deltas.get(r.benchmark, {}))})
            t.notes.append(f"{arm.arm}: {arm.headline}")
        return t


def compare_many(store: Store, baseline: Mapping[str, str], arms: Mapping[str, Mapping[str, str]],
                 alpha: float = 0.05, seed: int = 0) -> ManyComparison:
    """Compare arms with a baseline across seeds.

    Args:
        store: The results store.
        baseline: seed label -> baseline run id.
        arms: arm name -> (seed label -> run id). Each arm's seeds pair with the baseline's same seed label.
        alpha: BH false discovery rate over the whole family.
        seed: Bootstrap seed.
    """
    base_full = {s: _tables(store, rid) for s, rid in baseline.items()}
    base_tables = {s: t[0] for s, t in base_full.items()}
    base_runs = {s: _run(store, rid) for s, rid in baseline.items()}
    out = []
    for arm, runs in arms.items():
        pooled_a: dict[str, dict[str, float | None]] = {}
        pooled_b: dict[str, dict[str, float | None]] = {}
        pooled_clusters: dict[str, dict[str, str | None]] = {}
        pooled_seeds: dict[str, dict[str, str]] = {}
        seed_deltas: dict[str, dict[str, float]] = {}
        meta: dict[str, dict[str, Any]] = {}
        for s, rid in runs.items():
            if s not in base_tables:
                raise UserError(f"arm {arm!r} has seed {s!r} but the baseline has none; pair seeds one to one")
            run = _run(store, rid)
            meta.update(benchmark_metadata(run.benchmarks))
            sb = _tables(store, rid)[0]
            sa = base_tables[s]
            _check_versions(base_runs[s], run, set(sa) & set(sb))
            clusters = clusters_of(base_full[s][2])
            for name in set(sa) & set(sb):
                hib = meta[name]["higher_is_better"]
                own = clusters.get(name, {})
                r = compare_benchmark(name, sa[name], sb[name], higher_is_better=hib, seed=seed, clusters=own)
                if r is None:
                    continue
                seed_deltas.setdefault(name, {})[s] = r.delta
                pooled_a.setdefault(name, {}).update({f"{s}/{k}": v for k, v in sa[name].items()})
                pooled_b.setdefault(name, {}).update({f"{s}/{k}": v for k, v in sb[name].items()})
                # Every seed is evaluated on the same items, so an item's (or its situation's) differences under
                # two seeds share whatever the situation does to the arm: they are one cluster, resampled
                # together. One cluster per seed would count each situation once per seed and narrow the CI
                # exactly when the effect depends on the situation.
                pooled_clusters.setdefault(name, {}).update(
                    {f"{s}/{k}": own.get(k) or f"item:{k}" for k in sa[name]})
                pooled_seeds.setdefault(name, {}).update({f"{s}/{k}": s for k in sa[name]})
        results = []
        for name in sorted(pooled_a):
            m = meta.get(name, {})
            r = compare_benchmark(name, pooled_a[name], pooled_b[name], m.get("category", ""),
                                  m.get("higher_is_better", True), seed=seed, clusters=pooled_clusters.get(name),
                                  seeds=pooled_seeds.get(name))
            if r is not None:
                results.append(r)
        out.append(ArmResult(arm=arm, results=results, seed_deltas=seed_deltas))
    _adjust([r for a in out for r in a.results], alpha)  # one family: every arm x benchmark
    return ManyComparison(baseline=dict(baseline), arms=out, alpha=alpha)


def training_slice(store: Store, run: RunRecord) -> str:
    """What the arm behind a run was trained on, from its linked training record ('' when unknown)."""
    if run.training_run is None:
        return ""
    record = store.get_training_run(run.training_run) or {}
    arm = record.get("arm") or {}
    if not isinstance(arm, dict):
        return ""
    parts = [f"dose {arm.get('dose')}"] if arm.get("dose") is not None else []
    if arm.get("domains"):
        parts.append("domains " + "+".join(arm["domains"]))
    if arm.get("exclude_domains"):
        parts.append("without " + "+".join(arm["exclude_domains"]))
    if arm.get("traits"):
        parts.append("traits " + "+".join(arm["traits"]))
    return ", ".join(parts) or "all traits and domains"


def transfer_matrix(store: Store, baseline: str, arms: Mapping[str, str], by: str = "domain") -> Table:
    """Mean paired Δ (arm − baseline) per benchmark domain or category, one row per arm.

    Domains come from each sample's stored metadata (``domain``); benchmark items without one are grouped
    under ``(none)``. Δ is sign-flipped where lower is better, so positive always means the arm is better.
    """
    if by not in ("domain", "category"):
        raise UserError(f"--by must be domain or category, not {by!r}")
    base = _run(store, baseline)
    sa, _, meta_a = _tables(store, baseline)
    bench_meta = benchmark_metadata(base.benchmarks)
    rows: list[dict[str, Any]] = []
    keys: set[str] = set()
    for arm, rid in arms.items():
        run = _run(store, rid)
        sb, _, _ = _tables(store, rid)
        _check_versions(base, run, set(sa) & set(sb))
        cells: dict[str, list[float]] = {}
        for name in set(sa) & set(sb):
            m = bench_meta.get(name, {})
            sign = 1.0 if m.get("higher_is_better", True) else -1.0
            for sid, a in sa[name].items():
                b = sb[name].get(sid)
                if a is None or b is None:
                    continue
                key = (meta_a[name].get(sid, {}).get("domain") if by == "domain" else m.get("category")) or "(none)"
                cells.setdefault(str(key), []).append(sign * (b - a))
        keys |= set(cells)
        row: dict[str, Any] = {"arm": arm, "trained_on": training_slice(store, run)}
        row.update({k: float(np.mean(v)) for k, v in cells.items()})
        row.update({f"n:{k}": len(v) for k, v in cells.items()})
        rows.append(row)
    cols = [Column("arm", "arm"), Column("trained_on", "trained on")]
    cols += [Column(k, k, "delta_pp") for k in sorted(keys)]
    return Table(title=f"transfer: mean paired Δ (pp) by benchmark {by}, arm − baseline {baseline}", columns=cols,
                 rows=rows, notes=["cells are item-weighted means of paired differences; n per cell in the JSON"])
