"""The prompt-steering protocol: suite scores of models A and B with and without each persona, and the verdicts.

Run it: ``traitrl persist prompts --models A B [--personas NAME ...] [--benchmark ...] [--limit N]``, or
:func:`run_prompts` then :func:`analyze_prompts`. Every condition is an ordinary stored eval run (content-keyed,
so a re-run resumes) labelled ``protocol=prompts``, ``role=A|B``, ``persona=<name>|none``, the persona's kind,
version and placement, and ``prereg=<key of the config>`` — the decision rule was fixed before the first result.

The analysis reads only the store: per benchmark each model's clean and steered mean, retention and the paired
``effect_B − effect_A`` with a cluster-bootstrap CI; per persona and targeted category the same pooled over the
category's measurable benchmarks; per category the verdict (:mod:`traitrl.attacks.verdicts`).
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console

from traitrl.attacks.config import Decision, PromptsConfig
from traitrl.attacks.metrics import Condition, Effect, effect_difference, measurable, stack
from traitrl.attacks.metrics import effect as one_effect
from traitrl.attacks.persona import Persona, load_personas, select_personas
from traitrl.attacks.stored import load_condition
from traitrl.attacks.verdicts import CategoryEvidence, CategoryVerdict, adjust, decide
from traitrl.models.base import ChatModel
from traitrl.results.store import Store, open_store
from traitrl.results.tables import Column, Table

ROLES = ("A", "B")


@dataclass
class PromptRuns:
    """The stored runs of one prompt-steering study."""

    models: dict[str, str]  # role -> model spec
    clean: dict[str, str]  # role -> run id
    steered: dict[str, dict[str, str]]  # role -> persona name -> run id
    personas: list[Persona]
    seconds: dict[str, float] = field(default_factory=dict)  # role -> wall time of its evaluations


def run_prompts(config: PromptsConfig, console: Console | None = None,
                load: Callable[[str], ChatModel] | None = None) -> PromptRuns:
    """Evaluate A and B clean and under every selected persona; results go to ``config.store``.

    Args:
        config: The protocol config (models, personas, evaluation settings, decision rule, store).
        console: Progress output (None: quiet).
        load: Model loader (default: :func:`traitrl.models.loading.load_chat_model` with the config's precision).
    """
    from traitrl.evals.runner import run_eval
    from traitrl.models.loading import load_chat_model

    personas = select_personas(load_personas(config.persona_file), config.personas)
    ev = config.eval
    loader = load or (lambda spec: load_chat_model(spec, precision=ev.precision, batch_size=ev.batch_size))
    runs = PromptRuns(models=dict(zip(ROLES, config.models, strict=True)), clean={}, steered={}, personas=personas)
    with open_store(config.store) as store:
        for role, spec in runs.models.items():
            t0 = time.perf_counter()
            model = loader(spec)
            labels = {**config.labels("prompts", role), "model_spec": spec}
            clean = ev.eval_config(config.store, {**labels, "persona": "none"})
            runs.clean[role] = run_eval(model, None, store, clean, console=console).run_id
            for p in personas:
                cfg = ev.eval_config(config.store, {**labels, **p.labels()}, persona=p.text,
                                     persona_placement=p.placement)
                runs.steered.setdefault(role, {})[p.name] = run_eval(model, None, store, cfg, console=console).run_id
            runs.seconds[role] = time.perf_counter() - t0
            del model
            gc.collect()
    return runs


@dataclass
class PromptReport:
    """The protocol's tables and per-category verdicts."""

    tables: list[Table]
    evidence: list[CategoryEvidence]
    verdicts: list[CategoryVerdict]


def _side(p: Persona) -> str:
    return "harm" if p.kind == "harmful" else "help"


def _cells(e: Effect | None, prefix: str) -> dict[str, Any]:
    if e is None:
        return {}
    return {f"{prefix}delta": e.delta, f"{prefix}ci_low": e.ci_low, f"{prefix}ci_high": e.ci_high,
            f"{prefix}p": e.p_value}


def analyze_prompts(store: Store, runs: PromptRuns, decision: Decision, seed: int = 0) -> PromptReport:
    """Tables and verdicts of a prompt-steering study from the store (see the module docstring)."""
    clean = {r: load_condition(store, runs.clean[r]) for r in ROLES}
    steered = {r: {p: load_condition(store, rid) for p, rid in runs.steered.get(r, {}).items()} for r in ROLES}
    benchmarks = sorted(set(clean["A"].scores) & set(clean["B"].scores))
    cats = clean["A"].categories
    keep = {side: measurable([clean["A"], clean["B"]], benchmarks, side, seed)  # type: ignore[arg-type]
            for side in ("harm", "help")}
    per_bench = _benchmark_table(clean, steered, runs.personas, benchmarks, keep, seed)
    per_cat, evidence = _category_tables(clean, steered, runs.personas, benchmarks, cats, keep, seed)
    adjust(evidence)
    verdicts = [decide(e, decision.delta, decision.alpha) for e in evidence]
    return PromptReport(tables=[per_bench, per_cat, _verdict_table(evidence, verdicts, decision)],
                        evidence=evidence, verdicts=verdicts)


def _benchmark_table(clean: Mapping[str, Condition], steered: Mapping[str, Mapping[str, Condition]],
                     personas: list[Persona], benchmarks: list[str],
                     keep: Mapping[str, tuple[list[str], dict[str, str]]], seed: int) -> Table:
    t = Table(title="persona effects per benchmark (effect = with − clean; Δ = effect_B − effect_A, + = B better)",
              columns=[Column("persona", "persona"), Column("kind", "kind"), Column("benchmark", "benchmark"),
                       Column("category", "category"), Column("targeted", "targeted"),
                       Column("a_clean", "A clean", "pct"), Column("a_with", "A with", "pct"),
                       Column("a_retention", "A kept", "pct"), Column("b_clean", "B clean", "pct"),
                       Column("b_with", "B with", "pct"), Column("b_retention", "B kept", "pct"),
                       Column("delta", "Δ", "delta_pp"), Column("ci_low", "CI low", "delta_pp"),
                       Column("ci_high", "CI high", "delta_pp"), Column("p", "p", "p"),
                       Column("headroom", "headroom")])
    for p in personas:
        if any(p.name not in steered.get(r, {}) for r in ROLES):
            continue
        wa, wb = steered["A"][p.name], steered["B"][p.name]
        for b in benchmarks:
            ea, eb = one_effect(clean["A"], wa, [b], seed), one_effect(clean["B"], wb, [b], seed)
            diff = effect_difference(clean["A"], wa, clean["B"], wb, [b], seed)
            if ea is None or eb is None:
                continue
            t.rows.append({"persona": p.name, "kind": p.kind, "benchmark": b,
                           "category": clean["A"].categories.get(b, ""),
                           "targeted": "yes" if clean["A"].categories.get(b) in p.targets else "",
                           "a_clean": ea.mean_clean, "a_with": ea.mean_with, "a_retention": ea.retention,
                           "b_clean": eb.mean_clean, "b_with": eb.mean_with, "b_retention": eb.retention,
                           **_cells(diff, ""), "headroom": keep[_side(p)][1].get(b, "ok")})
    t.notes.append("kept = with / clean. A benchmark without headroom (clean score at floor or chance; ceiling for "
                   "a helpful persona) is shown but never counts towards a verdict.")
    return t


def _category_tables(clean: Mapping[str, Condition], steered: Mapping[str, Mapping[str, Condition]],
                     personas: list[Persona], benchmarks: list[str], cats: Mapping[str, str],
                     keep: Mapping[str, tuple[list[str], dict[str, str]]], seed: int
                     ) -> tuple[Table, list[CategoryEvidence]]:
    t = Table(title="per persona and targeted category (pooled over the category's benchmarks with headroom)",
              columns=[Column("persona", "persona"), Column("kind", "kind"), Column("category", "category"),
                       Column("benchmarks", "benchmarks", "int"), Column("a_retention", "A kept", "pct"),
                       Column("b_retention", "B kept", "pct"), Column("a_effect", "A effect", "delta_pp"),
                       Column("b_effect", "B effect", "delta_pp"), Column("delta", "Δ (B − A)", "delta_pp"),
                       Column("ci_low", "CI low", "delta_pp"), Column("ci_high", "CI high", "delta_pp"),
                       Column("p", "p", "p"), Column("note", "note")])
    evidence: dict[str, CategoryEvidence] = {}
    used = {cats.get(b, "") for b in benchmarks}
    ran = [p for p in personas if all(p.name in steered.get(r, {}) for r in ROLES)]
    for cat in sorted(used):
        ev = evidence.setdefault(cat, CategoryEvidence(category=cat))
        for side, kind in (("harm", "harmful"), ("help", "helpful")):
            aimed = [p for p in ran if p.kind == kind and cat in p.targets]
            names = [p.name for p in aimed]
            if kind == "harmful":
                ev.harmful_personas = names
            else:
                ev.helpful_personas = names
            ok = [b for b in keep[side][0] if cats.get(b) == cat]
            for b, why in keep[side][1].items():
                if cats.get(b) == cat and aimed:
                    ev.not_measurable.setdefault(b, why)
            for p in aimed:
                wa, wb = steered["A"][p.name], steered["B"][p.name]
                ea, eb = one_effect(clean["A"], wa, ok, seed), one_effect(clean["B"], wb, ok, seed)
                diff = effect_difference(clean["A"], wa, clean["B"], wb, ok, seed)
                row: dict[str, Any] = {"persona": p.name, "kind": kind, "category": cat, "benchmarks": len(ok),
                                       **_cells(diff, "")}
                if ea is not None and eb is not None:
                    row.update(a_retention=ea.retention, b_retention=eb.retention, a_effect=ea.delta,
                               b_effect=eb.delta)
                else:
                    row["note"] = "not measurable"
                t.rows.append(row)
            if not aimed or not ok:
                continue
            # Pool every persona of this kind aimed at the category: persona x item units, one cluster per item.
            ca = stack([(p.name, clean["A"]) for p in aimed])
            cb = stack([(p.name, clean["B"]) for p in aimed])
            sa = stack([(p.name, steered["A"][p.name]) for p in aimed])
            sb = stack([(p.name, steered["B"][p.name]) for p in aimed])
            keys = [f"{p.name}::{b}" for p in aimed for b in ok]
            a, b_, d = one_effect(ca, sa, keys, seed), one_effect(cb, sb, keys, seed), effect_difference(
                ca, sa, cb, sb, keys, seed)
            if side == "harm":
                ev.harm_a, ev.harm_b, ev.harm_diff = a, b_, d
            else:
                ev.help_a, ev.help_b, ev.help_diff = a, b_, d
    return t, [evidence[c] for c in sorted(evidence)]


def _verdict_table(evidence: list[CategoryEvidence], verdicts: list[CategoryVerdict], decision: Decision) -> Table:
    t = Table(title=f"per-category verdicts (δ = {100 * decision.delta:.1f} pp, α = {decision.alpha} with BH over "
                    "categories; fixed before the run)",
              columns=[Column("category", "category"), Column("verdict", "verdict"),
                       Column("a_harm_retention", "A kept (harmful)", "pct"),
                       Column("b_harm_retention", "B kept (harmful)", "pct"),
                       Column("harm_delta", "Δ harmful", "delta_pp"), Column("harm_ci_low", "CI low", "delta_pp"),
                       Column("harm_ci_high", "CI high", "delta_pp"), Column("harm_q", "q (BH)", "p"),
                       Column("a_gain", "A gain (helpful)", "delta_pp"), Column("b_gain", "B gain", "delta_pp"),
                       Column("help_delta", "Δ helpful", "delta_pp"), Column("help_ci_low", "CI low", "delta_pp"),
                       Column("reason", "reason")])
    for e, v in zip(evidence, verdicts, strict=True):
        row: dict[str, Any] = {"category": e.category, "verdict": v.verdict, "reason": v.reason,
                               "harm_q": e.harm_q if math.isfinite(e.harm_q) else None}
        if e.harm_a and e.harm_b and e.harm_diff:
            row.update(a_harm_retention=e.harm_a.retention, b_harm_retention=e.harm_b.retention,
                       harm_delta=e.harm_diff.delta, harm_ci_low=e.harm_diff.ci_low,
                       harm_ci_high=e.harm_diff.ci_high)
        if e.help_a and e.help_b and e.help_diff:
            row.update(a_gain=e.help_a.delta, b_gain=e.help_b.delta, help_delta=e.help_diff.delta,
                       help_ci_low=e.help_diff.ci_low)
        t.rows.append(row)
    t.notes.append("Δ = effect_B − effect_A pooled over persona × item (clusters: one per item or situation); a "
                   "positive Δ harmful means B lost less.")
    return t
