"""Build the :class:`~traitrl.report.schema.StudyReport` of a study from its stage results and the store.

Pure reads and deterministic statistics (fixed bootstrap seeds): the same stored results and config always give
the same report, which is what makes a resumed study's summary byte-identical to an uninterrupted one's.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from traitrl.core.keys import content_key
from traitrl.report.schema import (
    BenchmarkDelta,
    BenchmarkFlag,
    Curve,
    CurvePoint,
    DoseRow,
    FinetuneSummary,
    HarmPoint,
    Headline,
    Headroom,
    PersonaEffect,
    Provenance,
    RefusalSummary,
    StageInfo,
    StudyReport,
    Transcript,
    TransferCell,
    Verdict,
)
from traitrl.results.stats import Comparison, PairedResult, headline_of
from traitrl.results.store import Store, open_store
from traitrl.study.config import START, StudyConfig
from traitrl.study.stages import StageOutcome


def _f(x: Any) -> float | None:
    """A finite float or None (NaN and infinities are not JSON)."""
    if x is None or isinstance(x, bool):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _headline(arm: str, baseline: str, results: list[PairedResult]) -> Headline:
    return Headline(arm=arm, baseline=baseline, ahead=sum(r.delta > 0 for r in results), n_benchmarks=len(results),
                    significant_gains=sum(r.significant and r.delta > 0 for r in results),
                    significant_regressions=sum(r.significant and r.delta < 0 for r in results),
                    mean_delta=sum(r.delta for r in results) / len(results) if results else 0.0,
                    text=headline_of(results))


def _delta(arm: str, r: PairedResult, flags: list[str]) -> BenchmarkDelta:
    return BenchmarkDelta(arm=arm, benchmark=r.benchmark, category=r.category, n=r.n, n_eff=_f(r.n_eff),
                          mean_baseline=r.mean_a, mean_arm=r.mean_b, delta=r.delta, ci_low=r.ci_low,
                          ci_high=r.ci_high, p_value=_f(r.p_value), q_value=_f(r.p_adjusted),
                          significant=r.significant, flags=flags)


TRAIT_CATEGORY = "trait_heldout"  # the held-out trait scenarios' category; every other benchmark is out of distribution


def _dose_response(config: StudyConfig, results: dict[str, list[PairedResult]]) -> list[DoseRow]:
    """The baseline and the trait arms by dose: each one's held-out trait score and Δ, and its OOD headline.

    Only for studies whose trait arms differ in dose (a dose–response design); arms with another reward (e.g. the
    reward control) are left to the headline. The Δs, CIs and BH flags are the family's own (``results``).
    """
    configs = {a: config.train_config(a, config.seeds[0]) for a in config.arms}
    doses = {a: tc.effective_dose for a, tc in configs.items() if a == config.baseline or tc.arm == "trait"}
    if len({d for a, d in doses.items() if a != config.baseline}) < 2:
        return []
    trait = next((r for rs in results.values() for r in rs if r.category == TRAIT_CATEGORY), None)
    if trait is None:
        return []
    rows = [DoseRow(arm=config.baseline, dose=doses[config.baseline], trait_benchmark=trait.benchmark,
                    mean=trait.mean_a)]
    for arm in sorted((a for a in doses if a != config.baseline), key=lambda a: (doses[a], a)):
        r = next((x for x in results.get(arm, []) if x.benchmark == trait.benchmark), None)
        if r is None:
            continue
        rows.append(DoseRow(arm=arm, dose=doses[arm], trait_benchmark=r.benchmark, mean=r.mean_b, delta=r.delta,
                            ci_low=r.ci_low, ci_high=r.ci_high, p_value=_f(r.p_value), significant=r.significant,
                            ood=_headline(arm, config.baseline,
                                          [x for x in results[arm] if x.category != TRAIT_CATEGORY])))
    return rows


def _either(flags_by_model: dict[str, dict[str, list[str]]], a: str, b: str, benchmark: str) -> list[str]:
    """The floor/ceiling/chance flags either model has on ``benchmark`` (a comparison inherits both)."""
    return sorted(set(flags_by_model.get(a, {}).get(benchmark, [])) | set(flags_by_model.get(b, {}).get(benchmark, [])))


def _flags(store: Store, runs: dict[str, str]
           ) -> tuple[list[BenchmarkFlag], dict[str, dict[str, list[str]]], list[Headroom]]:
    from traitrl.results.summary import summarize_run

    out: list[BenchmarkFlag] = []
    by_model: dict[str, dict[str, list[str]]] = {}
    headroom = []
    for model, rid in runs.items():
        by_model[model] = {}
        summary = summarize_run(store, rid)
        for b in summary.benchmarks:
            by_model[model][b.benchmark] = b.flags
            if b.flags:
                out.append(BenchmarkFlag(model=model, benchmark=b.benchmark, flags=b.flags, mean=_f(b.mean)))
        headroom.append(Headroom(model=model, benchmarks=len(summary.benchmarks),
                                 readable=sum(not b.flags for b in summary.benchmarks),
                                 shift_benchmarks=len(summary.shift),
                                 shift_readable=sum(not b.flags for b in summary.shift)))
    return out, by_model, headroom


def _refusals(store: Store, runs: dict[str, str], vs_baseline: dict[str, Comparison]) -> list[RefusalSummary]:
    """Refusal rate per model, each model's comparison with the baseline on items neither refused, and the share
    of its generated replies that loop."""
    from traitrl.grading.guard import looping_share

    out = []
    for model, rid in runs.items():
        rows = store.load_samples(rid)
        flags = [s.refused for s in rows if s.refused is not None]
        comp = vs_baseline.get(model)
        headline = headline_of(comp.non_refused) if comp is not None and comp.non_refused else ""
        looping, n_replies = looping_share(text for s in rows for text in s.replies)
        out.append(RefusalSummary(model=model, refusal_rate=sum(flags) / len(flags) if flags else None,
                                  n_items=len(flags), non_refused_headline=headline, looping_rate=looping,
                                  n_replies=n_replies))
    return out


def _curves(config: StudyConfig) -> list[Curve]:
    out = []
    for seed in config.seeds:
        for arm in config.arms:
            path = config.arm_dir(arm, seed) / "run_record.json"
            if not path.exists():
                continue
            record = json.loads(path.read_text(encoding="utf-8"))
            name = arm if len(config.seeds) == 1 else f"{arm}-s{seed}"
            reward = [CurvePoint(step=int(p["step"]), value=float(p["reward"])) for p in record.get("reward_curve", [])
                      if _f(p.get("reward")) is not None]
            held = [CurvePoint(step=int(p["step"]), value=float(p["mean"])) for p in record.get("heldout_curve", [])
                    if _f(p.get("mean")) is not None]
            out += [Curve(arm=name, metric="reward", points=reward), Curve(arm=name, metric="heldout_trait",
                                                                          points=held)]
    return out


def _transfer(store: Store, baseline_run: str, arm_runs: dict[str, str], by: str) -> list[TransferCell]:
    from traitrl.results.summary import transfer_matrix

    if not arm_runs:
        return []
    table = transfer_matrix(store, baseline_run, arm_runs, by=by)
    groups = [c.key for c in table.columns if c.key not in ("arm", "trained_on")]
    return [TransferCell(arm=row["arm"], group=g, delta=float(row[g]), n_benchmarks=int(row.get(f"n:{g}", 0)))
            for row in table.rows for g in groups if _f(row.get(g)) is not None]


def _persona_section(config: StudyConfig, store: Store, outcomes: dict[str, StageOutcome]
                     ) -> tuple[list[PersonaEffect], list[Verdict]]:
    from traitrl.attacks.persona import load_personas, select_personas
    from traitrl.attacks.steering import PromptRuns, analyze_prompts

    p = config.persistence
    effects: list[PersonaEffect] = []
    verdicts: list[Verdict] = []
    if p is None:
        return effects, verdicts
    personas = select_personas(load_personas(), p.personas)
    for name, outcome in outcomes.items():
        if not name.startswith("persist-prompts:"):
            continue
        pair = name.split(":", 1)[1]
        runs = PromptRuns(models={}, clean=outcome.result["clean"], steered=outcome.result["steered"],
                          personas=personas)
        rep = analyze_prompts(store, runs, p.decision, seed=0)
        for row in rep.tables[1].rows:
            effects.append(PersonaEffect(
                persona=row["persona"] if len(p.references) == 1 else f"{row['persona']} ({pair})",
                kind=row["kind"], category=row["category"], clean_a=None, steered_a=None, clean_b=None,
                steered_b=None, retention_a=_f(row.get("a_retention")), retention_b=_f(row.get("b_retention")),
                diff=_f(row.get("delta")), ci_low=_f(row.get("ci_low")), ci_high=_f(row.get("ci_high"))))
        verdicts += [Verdict(protocol=f"prompts ({pair})", category=v.category, verdict=v.verdict, reason=v.reason)
                     for v in rep.verdicts]
    return effects, verdicts


def _finetune_section(config: StudyConfig, store: Store, outcomes: dict[str, StageOutcome]) -> FinetuneSummary | None:
    from traitrl.attacks.ft_analysis import analyze_finetune
    from traitrl.attacks.harmful_ft import runs_from_json

    p = config.persistence
    names = [n for n in outcomes if n.startswith("persist-finetune:")]
    if p is None or not names:
        return None
    outcome = outcomes[names[0]]  # the first reference (the report shows one fine-tuning comparison)
    runs = runs_from_json(outcome.result["runs"])
    rep = analyze_finetune(store, runs, p.decision, seed=0)
    points = [HarmPoint(model=pt.role, attack=pt.cell.cell.label, step=pt.step,
                        attacked_drop=_f(pt.drop("attacked")), spillover_drop=_f(pt.drop("spill")))
              for pt in rep.points]
    curve_rows = rep.tables[2].rows
    auc: dict[str, float | None] = {}
    stc: dict[str, int | None] = {}
    ratio = None
    if curve_rows:
        first = curve_rows[0]
        auc = {"A": _f(first.get("auhc_att_a")), "B": _f(first.get("auhc_att_b"))}
        ratio = _f(first.get("ratio_att"))
        for role in ("a", "b"):
            raw = str(first.get(f"stc_{role}", ""))
            stc[role.upper()] = int(raw) if raw.isdigit() else None
    worst = _worst_sentence(rep.headline)
    control = rep.tables[5]
    benign = "; ".join(f"{r.get('role')}: {_pct(r.get('before'))} → {_pct(r.get('after'))} ({r.get('learned')})"
                       for r in control.rows)
    return FinetuneSummary(models=runs.models, points=points, auc=auc, auc_ratio=ratio, steps_to_compromise=stc,
                           worst_case=worst, benign_control=benign)


def _worst_sentence(headline: dict[str, Any]) -> str:
    """The worst-case table of the fine-tuning analysis as one readable sentence (drops in pp, + = harm)."""
    parts = []
    for role in ("A", "B"):
        for which, what in (("attacked", "attacked-domain"), ("spill", "spill-over")):
            h = headline.get(f"{role}_worst_{which}")
            if h is not None:
                parts.append(f"{role}: largest {what} drop {100 * h['drop']:+.1f} pp ({h['config']})")
    for which in ("spill-over", "attacked"):
        h = headline.get(f"min_advantage_{which}")
        if h is not None:
            lo, hi = h["ci"]
            parts.append(f"smallest B advantage on {which} {100 * h['delta']:+.1f} pp, 95% CI "
                         f"[{100 * lo:+.1f}, {100 * hi:+.1f}] ({h['config']})")
    return "; ".join(parts)


def _pct(x: Any) -> str:
    v = _f(x)
    return "—" if v is None else f"{100 * v:.1f}%"


def _transcripts(config: StudyConfig, store: Store, runs: dict[str, str], show: list[str]) -> list[Transcript]:
    """Side-by-side replies of the shown models on the first held-out trait scenarios (same items for each)."""
    from traitrl.evals.builtin.trait_scenarios import heldout_scenarios

    if config.transcripts == 0:
        return []
    out: list[Transcript] = []
    scenarios = None
    for model in show:
        rows = [s for s in store.load_samples(runs[model]) if s.benchmark.startswith("scenarios:heldout")]
        rows.sort(key=lambda s: s.sample_id)
        for s in rows[: config.transcripts]:
            if scenarios is None:
                scenarios = {sc.id: sc for sc in heldout_scenarios(None, 0)}
            sc = scenarios.get(s.sample_id)
            messages = [{"role": m.role, "content": m.content} for m in sc.messages] if sc else []
            text = str(s.outputs[0].get("text", "")) if s.outputs else ""
            out.append(Transcript(model=model, benchmark=s.benchmark, item=s.sample_id, messages=messages,
                                  response=text, score=_f(s.score),
                                  note=f"{sc.trait} · {sc.domain}" if sc else ""))
    return out


def build_report(config: StudyConfig, outcomes: dict[str, StageOutcome], packages: dict[str, str]) -> StudyReport:
    """The study's report from its stage results (see the module docstring)."""
    from traitrl.evals.runner import git_hash
    from traitrl.results.summary import compare_many, compare_stored_runs

    runs = {name.removeprefix("eval:"): o.result["run_id"] for name, o in outcomes.items() if name.startswith("eval:")}
    seeds = [str(s) for s in config.seeds]
    base = config.baseline
    prereg = config.preregistration
    prov = Provenance(
        study=config.name, profile=config.profile, config=config.model_dump(mode="json", exclude={"output_dir"}),
        config_key=config.key(), preregistration=prereg.model_dump(mode="json"), seeds=list(config.seeds),
        git_hash=git_hash(), traitrl_version=packages.get("traitrl", "unknown"), packages=packages,
        subset_note=config.subset_note)
    report = StudyReport(provenance=prov, models=dict(sorted(runs.items())))
    with open_store(config.store) as store:
        flags, flags_by_model, report.headroom = _flags(store, runs)
        report.flags = flags
        others = [a for a in config.arms if a != base]
        baseline_runs = {s: runs[f"{base}-s{s}"] for s in seeds}
        many = compare_many(store, baseline_runs, {a: {s: runs[f"{a}-s{s}"] for s in seeds} for a in others},
                            alpha=prereg.alpha)
        for arm_result in many.arms:
            report.headlines.append(_headline(arm_result.arm, base, arm_result.results))
            for r in arm_result.results:
                both = _either(flags_by_model, f"{arm_result.arm}-s{seeds[0]}", f"{base}-s{seeds[0]}", r.benchmark)
                report.deltas.append(_delta(arm_result.arm, r, both))
        report.dose_response = _dose_response(config, {a.arm: a.results for a in many.arms})
        # What RL in general did: the compute-matched baseline against the start model (not in the BH family).
        start_vs_base = compare_stored_runs(store, runs[START], runs[f"{base}-s{seeds[0]}"])
        report.headlines.append(_headline(base, START, start_vs_base.results))
        for r in start_vs_base.results:  # its forest plot and table, next to the headline it backs
            report.deltas.append(_delta(base, r, _either(flags_by_model, START, f"{base}-s{seeds[0]}", r.benchmark)))
        first = {START: runs[START], **{a: runs[f"{a}-s{seeds[0]}"] for a in config.arms}}
        # One comparison per model with the baseline (first seed) serves the refusal re-analysis and the
        # contrast-shift headlines (its own BH family per arm; traitrl.results.shift).
        vs_baseline = {m: compare_stored_runs(store, first[base], rid) for m, rid in first.items() if m != base}
        report.refusals = _refusals(store, first, vs_baseline)
        report.shift_headlines = [_headline(a, base, shift.results) for a in others
                                  if (shift := vs_baseline[a].shift) is not None]
        report.curves = _curves(config)
        report.transfer_by = config.transfer_by
        report.transfer = _transfer(store, first[base], {a: first[a] for a in others}, config.transfer_by)
        report.persona_effects, report.verdicts = _persona_section(config, store, outcomes)
        if config.persistence is not None:
            p = config.persistence
            report.persona_models = {"A": p.references[0] if len(p.references) == 1 else " / ".join(p.references),
                                     "B": p.candidate}
        report.finetune = _finetune_section(config, store, outcomes)
        shown = [base, *(others[:1])]
        report.transcripts = _transcripts(config, store, first, shown)
    report.stages = [StageInfo(name=o.name, key=o.key, status="done", git=o.git) for o in outcomes.values()]
    report.notes = _notes(config)
    return report


def _notes(config: StudyConfig) -> list[str]:
    notes = []
    if config.profile in ("demo", "quick"):
        t = config.train_config(config.baseline, config.seeds[0])
        notes.append(f"{config.profile} profile: {t.steps} RL steps per arm on {t.model}; small item counts — read "
                     "this as a test of the pipeline and of headroom, not as evidence about the claim.")
    if len(config.seeds) == 1:
        notes.append("one training seed: seed-to-seed variation is not part of the CIs.")
    return notes


def summary_key(path: Path) -> str:
    """Content key of a written summary.json (to check that a resumed study reached the same summary)."""
    return content_key(json.loads(path.read_text(encoding="utf-8")), 16)
