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

import gc
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console

from traitrl.attacks.config import PersistEval
from traitrl.core.keys import content_key
from traitrl.study.collect import build_report
from traitrl.study.config import START, StudyConfig
from traitrl.study.stages import Ledger, Stage, StageOutcome, run_stages

# Costs on the 2-core CPU (embedded model), only for the study's ETA; the ETA rescales them by the pace of the stages
# of the same kind that already ran in this session. A GRPO step decodes its group in parallel, so its time grows
# with the token budget more than with the rows: seconds per step ~ max_tokens x (decode + rows x update). Measured:
# demo 77 s and quick 236 s per arm (with their held-out curves), 90 steps of 2 x 8 x 96 tokens 21-24 min.
_TRAIN_FIXED_SECONDS = 30.0  # loading the model, the first held-out pass's setup, saving the final checkpoint
_SECONDS_PER_DECODE_TOKEN = 0.1  # one decoding step of the whole group
_SECONDS_PER_UPDATE_TOKEN = 0.005  # scoring and the update, per row and token of budget
_SECONDS_PER_HELDOUT_ITEM = 2.5  # one held-out trait scenario during training (generated and rubric-graded)
_SECONDS_PER_ITEM = 0.4  # one model, one benchmark item (demo 0.45, quick 0.39)
_SECONDS_PER_SCENARIO = 0.9  # one trait scenario: a greedy reply and its rubric (all 255 held-out at 128 tokens: 3.7 min)
_SECONDS_PER_PERSONA_ITEM = 0.3  # the same under a persona, smaller suites (demo 0.27, quick 0.33)
_SECONDS_PER_FT_CELL = 10.0  # per model and grid cell: loading and the start evaluation ...
_SECONDS_PER_FT_STEP = 3.0  # ... plus per SFT step up to the last checkpoint (demo 21 s at 4 steps, quick 44 s at 12)


def _refs(ev: PersistEval) -> list[tuple[str, int]]:
    """Each benchmark an evaluation scores with how many items (for the ETA only): its ``n`` or the limit."""
    from traitrl.evals.registry import parse_ref, suite_names

    per = ev.limit or (50 if ev.quick else 110)
    out = []
    for ref in list(ev.benchmarks) or suite_names(ev.suite):
        n = parse_ref(ref).args.get("n")
        out.append((ref, min(per, n) if isinstance(n, int) and n > 0 else per))
    return out


def _items(ev: PersistEval) -> int:
    return sum(n for _, n in _refs(ev))


def eval_seconds(ev: PersistEval) -> float:
    """Estimated seconds of one evaluation on the 2-core CPU (ETA only): trait scenarios generate a whole reply."""
    return sum(n * (_SECONDS_PER_SCENARIO if ref.startswith("scenarios:") else _SECONDS_PER_ITEM)
               for ref, n in _refs(ev))


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
    per_step = tc.max_tokens * (_SECONDS_PER_DECODE_TOKEN + rows * _SECONDS_PER_UPDATE_TOKEN)
    passes = 0 if tc.heldout_n == 0 else 2 if tc.heldout_every == 0 else tc.steps // tc.heldout_every + 1
    return _TRAIN_FIXED_SECONDS + tc.steps * per_step + passes * tc.heldout_n * _SECONDS_PER_HELDOUT_ITEM


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
        gc.collect()
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
        del model
        gc.collect()
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
