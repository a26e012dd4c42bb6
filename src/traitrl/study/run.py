"""Run a study: arms → the suite on every arm and the start model → persistence → the report.

Stages (each keyed by its inputs' content, see :mod:`traitrl.study.stages`):

1. ``train:<arm>:s<seed>`` — every arm and seed, from one start checkpoint (:func:`traitrl.rl.train.run_training`;
   resumes from its last checkpoint after an interruption).
2. ``eval:<model>`` — the evaluation suite (held-out trait scenarios included) on the start model and on every
   arm's final checkpoint: ordinary content-keyed eval runs labelled ``study``, ``arm``, ``seed``.
3. ``persist-prompts:<candidate>-vs-<reference>`` and ``persist-finetune:…`` — the persistence protocols
   (:mod:`traitrl.attacks`), when configured.

Then the analysis — comparisons with BH over the whole family, the transfer matrix, persistence verdicts — is
computed from the store every time (seconds, deterministic: fixed bootstrap seeds), and written as
``summary.json`` / ``report.html`` / ``summary.md`` in the study folder. Because the summary depends only on the
stored results and the config, a study killed anywhere and run again reaches a byte-identical summary.
"""

from __future__ import annotations

import functools
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console

from traitrl.attacks.config import PersistEval
from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.study.collect import build_report
from traitrl.study.config import START, StudyConfig
from traitrl.study.stages import Ledger, Stage, StageOutcome, run_stages

# Costs on the 2-core CPU (embedded model), only for the study's ETA; the ETA rescales them by the pace of the stages
# of the same kind that already ran in this session. A GRPO step costs about the same per row and token of budget
# across group shapes, but a trait row costs twice a standard one: its prompt is longer (chat-templated, 107 tokens on
# average against 62) and its completions run to the budget (79-91% cut off, against a quarter to a half of standard
# completions), so a step's cost grows with the dose. Measured at stop 27 (packed scoring), the dose-90 pair at
# seed 2, 90 steps of 2 x 8 x 96 tokens: d = 0 746 s, d = 1.0 1,398 s (the previous constants said 1,585 s for both).
# Evaluation, same run: 0.07 s per option-scored item, 0.82 s per held-out scenario (a 128-token greedy reply and its
# rubric); the earlier flat 0.4 s per item put the dose-90 evaluation at 6.8 min (measured 4.4) while counting only
# 110 of its 255 scenarios.
_TRAIN_FIXED_SECONDS = 30.0  # loading the model, the first held-out pass's setup, saving the final checkpoint
_SECONDS_PER_STANDARD_ROW_TOKEN = 0.0052  # one row of a standard task per token of budget: decoding, scoring, update
_SECONDS_PER_TRAIT_ROW_TOKEN = 0.0099  # the same for a trait scenario
_SECONDS_PER_HELDOUT_ITEM = 2.5  # one held-out trait scenario during training (generated and rubric-graded)
_SECONDS_PER_OPTION_ITEM = 0.07  # one model, one option-scored item (log-probabilities of its options)
_SECONDS_PER_GENERATED_ITEM = 0.85  # one model, one item answered by a generated reply (trait scenarios: 0.82)
_SECONDS_PER_PERSONA_ITEM = 0.3  # the same under a persona, smaller suites (demo 0.27, quick 0.33)
_SECONDS_PER_FT_CELL = 10.0  # per model and grid cell: loading and the start evaluation ...
_SECONDS_PER_FT_STEP = 3.0  # ... plus per SFT step up to the last checkpoint (demo 21 s at 4 steps, quick 44 s at 12)


@functools.cache
def _item_cost(ref: str, quick: bool, limit: int | None) -> tuple[int, float] | None:
    """How many items an evaluation scores of one built-in benchmark and the seconds each takes (building the items
    takes milliseconds, the held-out trait scenarios 0.4 s), or None for a public-format adapter, whose data the ETA
    must not load (it may be a hub id), and for a reference the eval stage will reject with its own message."""
    from traitrl.evals.registry import OPTION_SCORING, load_benchmark, parse_ref

    try:
        if parse_ref(ref).is_adapter:
            return None
        loaded = load_benchmark(ref, quick=quick, limit=limit)
    except UserError:
        return None
    option = loaded.spec.scoring in OPTION_SCORING
    return len(loaded.samples), _SECONDS_PER_OPTION_ITEM if option else _SECONDS_PER_GENERATED_ITEM


def _refs(ev: PersistEval) -> list[tuple[str, int, float]]:
    """Each benchmark an evaluation scores, with how many items and the seconds per item (for the ETA only;
    adapters: the limit or a guess, at the generated-reply rate)."""
    from traitrl.evals.registry import suite_names

    guess = (ev.limit or (50 if ev.quick else 110), _SECONDS_PER_GENERATED_ITEM)
    return [(ref, *(_item_cost(ref, ev.quick, ev.limit) or guess)) for ref in list(ev.benchmarks) or suite_names(ev.suite)]


def _items(ev: PersistEval) -> int:
    return sum(n for _, n, _ in _refs(ev))


def eval_seconds(ev: PersistEval) -> float:
    """Estimated seconds of one evaluation on the 2-core CPU (ETA only)."""
    return sum(n * seconds for _, n, seconds in _refs(ev))


def model_specs(config: StudyConfig) -> dict[str, str]:
    """Every evaluated model: ``start`` and ``<arm>-s<seed>`` -> model spec (a final checkpoint folder)."""
    specs = {START: str(config.base.get("model", "embedded"))}
    for seed in config.seeds:
        for arm in config.arms:
            specs[f"{arm}-s{seed}"] = str(config.arm_dir(arm, seed) / "final")
    return specs


def train_seconds(tc: Any) -> float:
    """Estimated seconds of one training run on the 2-core CPU (for the study's ETA only)."""
    rows = tc.prompts_per_step * tc.generations_per_prompt
    dose = tc.effective_dose
    per_token = (1 - dose) * _SECONDS_PER_STANDARD_ROW_TOKEN + dose * _SECONDS_PER_TRAIT_ROW_TOKEN
    passes = 0 if tc.heldout_n == 0 else 2 if tc.heldout_every == 0 else tc.steps // tc.heldout_every + 1
    return _TRAIN_FIXED_SECONDS + tc.steps * rows * tc.max_tokens * per_token + passes * tc.heldout_n * _SECONDS_PER_HELDOUT_ITEM


def _train_stage(config: StudyConfig, arm: str, seed: int) -> Stage:
    from traitrl.evals.identity import training_run_id

    tc = config.train_config(arm, seed)
    key = training_run_id({"config": json.loads(tc.model_dump_json(exclude={"resume"}))})
    cost = train_seconds(tc)

    def run() -> dict[str, Any]:
        from traitrl.rl.train import run_training

        out = Path(tc.output_dir)
        resume = out.is_dir() and any(out.glob("checkpoint-*"))  # an interrupted earlier attempt
        record = run_training(tc.model_copy(update={"resume": resume}))
        return {"training_run": record["training_run"], "final_dir": record["final_dir"], "steps": record["steps"],
                "wall_seconds": record["wall_seconds"]}

    return Stage(f"train:{arm}:s{seed}", key, cost, run)


def _eval_stage(config: StudyConfig, name: str, spec: str, depends: str, console: Console | None) -> Stage:
    ev = config.eval
    arm, _, seed = name.rpartition("-s") if name != START else (START, "", "")
    labels: dict[str, Any] = {"study": config.name, "arm": arm}
    if seed:
        labels["seed"] = int(seed)
    key = content_key({"model": spec, "after": depends, "eval": ev.model_dump(mode="json"), "labels": labels}, 16)

    def run() -> dict[str, Any]:
        from traitrl.evals.runner import run_eval
        from traitrl.models.loading import load_chat_model
        from traitrl.results.store import open_store

        model = load_chat_model(spec, precision=ev.precision, batch_size=ev.batch_size)
        with open_store(config.store) as store:
            result = run_eval(model, None, store, ev.eval_config(config.store, labels), console=console)
        failed = [o.name for o in result.outcomes if o.status == "error"]
        return {"run_id": result.run_id, "failed": failed}

    return Stage(f"eval:{name}", key, eval_seconds(ev), run)


def _persist_stages(config: StudyConfig, specs: dict[str, str], deps: dict[str, str],
                    console: Console | None) -> list[Stage]:
    from traitrl.attacks.config import PromptsConfig
    from traitrl.attacks.grids import FinetuneConfig

    p = config.persistence
    if p is None:
        return []
    seed = config.seeds[0]
    resolve = {START: START, **{arm: f"{arm}-s{seed}" for arm in config.arms}}
    cand = resolve[p.candidate]
    stages = []
    for ref_name in p.references:
        ref = resolve[ref_name]
        pair = [specs[ref], specs[cand]]
        after = content_key([deps.get(ref, ""), deps.get(cand, "")], 16)
        prompts = PromptsConfig(models=pair, personas=p.personas, eval=p.eval or config.eval, decision=p.decision,
                                store=config.store)

        def run_prompts_stage(cfg: PromptsConfig = prompts) -> dict[str, Any]:
            from traitrl.attacks.steering import run_prompts

            runs = run_prompts(cfg, console=console)
            return {"clean": runs.clean, "steered": runs.steered}

        n_personas = max(len(p.personas), 1)
        stages.append(Stage(f"persist-prompts:{p.candidate}-vs-{ref_name}",
                            content_key([prompts.model_dump(mode="json"), after], 16),
                            2 * (n_personas + 1) * _items(prompts.eval) * _SECONDS_PER_PERSONA_ITEM,
                            run_prompts_stage))
        if p.finetune is not None:
            ft = FinetuneConfig(models=pair, grid=p.finetune.grid, eval=p.finetune.eval or p.eval or config.eval,
                                decision=p.decision, store=config.store)
            work = config.root / "finetune" / f"{p.candidate}-vs-{ref_name}"

            def run_ft_stage(cfg: FinetuneConfig = ft, work_dir: Path = work) -> dict[str, Any]:
                from traitrl.attacks.harmful_ft import run_finetune, runs_to_json

                return {"runs": runs_to_json(run_finetune(cfg, console=console, work_dir=work_dir))}

            g = p.finetune.grid
            n_cells = len(g.attacks) * sum(len(v) for v in g.learning_rates.values()) * len(g.seeds) + g.benign_control
            stages.append(Stage(f"persist-finetune:{p.candidate}-vs-{ref_name}",
                                content_key([ft.model_dump(mode="json"), after], 16),
                                2 * n_cells * (_SECONDS_PER_FT_CELL + max(g.steps) * _SECONDS_PER_FT_STEP),
                                run_ft_stage))
    return stages


def plan(config: StudyConfig, console: Console | None = None) -> list[Stage]:
    """Every stage of the study, in order."""
    stages: list[Stage] = []
    deps: dict[str, str] = {}
    for seed in config.seeds:
        for arm in config.arms:
            st = _train_stage(config, arm, seed)
            deps[f"{arm}-s{seed}"] = st.key
            stages.append(st)
    for name, spec in model_specs(config).items():
        stages.append(_eval_stage(config, name, spec, deps.get(name, ""), console))
    stages += _persist_stages(config, model_specs(config), deps, console)
    return stages


def package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("traitrl", "torch", "transformers", "trl", "peft", "datasets", "accelerate"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            continue
    return out


def run_study(config: StudyConfig, console: Console | None = None, render: bool = True) -> Path:
    """Run (or resume) every stage, then write the summary and report; returns the report's folder."""
    root = config.root
    root.mkdir(parents=True, exist_ok=True)
    # The config as run, and its pre-registration, are written before any stage starts.
    (root / "study.json").write_text(json.dumps(config.model_dump(mode="json"), indent=2, sort_keys=True) + "\n")
    stages = plan(config, console)
    outcomes: dict[str, StageOutcome] = run_stages(stages, Ledger.open(root / "stages.json"), console)
    report = build_report(config, outcomes, package_versions())
    from traitrl.report.render import summary_json, write_report

    if render:
        write_report(report, root)
    else:
        (root / "summary.json").write_text(summary_json(report), encoding="utf-8")
    return root
