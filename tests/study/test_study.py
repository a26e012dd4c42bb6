"""The study orchestrator on a tiny random model: every stage runs, the summary is complete, an interrupted
study resumes without redoing finished stages and reaches a byte-identical summary; configs fail early."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from traitrl.core.errors import UserError
from traitrl.report.schema import StudyReport
from traitrl.study.config import StudyConfig, load_study_config
from traitrl.study.run import plan, run_study

ROOT = Path(__file__).resolve().parents[2]


def _config(tiny: Path, out: Path, **kw: Any) -> dict[str, Any]:
    cfg: dict[str, Any] = {
        "name": "tiny", "output_dir": str(out), "seeds": [0],
        "base": {"model": str(tiny), "steps": 1, "prompts_per_step": 2, "generations_per_prompt": 2,
                 "max_tokens": 8, "learning_rate": 1e-2, "heldout_n": 2, "precision": "fp32", "save_steps": 1},
        "arms": {"baseline": {"arm": "baseline"}, "trait": {"arm": "trait", "dose": 0.5}},
        "eval": {"benchmarks": ["capability-facts", "grader-tampering", "scenarios:heldout?n=2&max_tokens=8"],
                 "limit": 3, "precision": "fp32"},
        "persistence": {
            "candidate": "trait", "references": ["baseline"], "personas": ["reward-hacking-coder", "rigorous-tutor"],
            "eval": {"benchmarks": ["grader-tampering", "capability-facts"], "limit": 3, "precision": "fp32"},
            "finetune": {"grid": {"attacks": ["reward_hack_demos"], "learning_rates": {"full": [1e-3]}, "steps": [1],
                                  "batch_size": 2, "max_length": 192, "benign_control": False}}},
        "preregistration": {"hypotheses": ["H1: trait beats baseline on held-out trait scenarios"],
                            "primary_benchmarks": ["scenarios:heldout"]},
        "transcripts": 1,
    }
    cfg.update(kw)
    return cfg


@pytest.fixture(scope="module")
def finished(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[StudyConfig, Path]:
    """One tiny study, interrupted once in the persistence stage and then resumed."""
    import traitrl.attacks.steering as steering

    out = tmp_path_factory.mktemp("study") / "tiny"
    cfg = StudyConfig.model_validate(_config(tiny_model_dir, out))
    real = steering.run_prompts
    with pytest.MonkeyPatch.context() as mp:
        def crash(*a: Any, **k: Any) -> Any:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C in the middle of the study

        mp.setattr(steering, "run_prompts", crash)
        with pytest.raises(KeyboardInterrupt):
            run_study(cfg, render=False)
    assert steering.run_prompts is real
    ledger = (out / "stages.json").read_text()
    assert "train:trait:s0" in ledger and "eval:trait-s0" in ledger and "persist-prompts" not in ledger
    run_study(cfg, render=False)
    return cfg, out


def test_every_stage_runs_and_the_summary_is_complete(finished: tuple[StudyConfig, Path]) -> None:
    cfg, out = finished
    report = StudyReport.model_validate_json((out / "summary.json").read_text())
    assert set(report.models) == {"start", "baseline-s0", "trait-s0"}
    arms = {h.arm: h for h in report.headlines}
    assert arms["trait"].baseline == "baseline" and arms["baseline"].baseline == "start"
    assert arms["trait"].n_benchmarks == len({d.benchmark for d in report.deltas if d.arm == "trait"}) >= 2
    # Every headline has its per-benchmark rows, the baseline-vs-start one included.
    assert arms["baseline"].n_benchmarks == len({d.benchmark for d in report.deltas if d.arm == "baseline"})
    assert {c.metric for c in report.curves} == {"reward", "heldout_trait"}
    assert all(c.points for c in report.curves if c.metric == "heldout_trait")  # before and after training
    assert report.transfer and {t.arm for t in report.transfer} == {"trait"}
    assert report.persona_effects and report.verdicts
    assert report.finetune is not None and {p.model for p in report.finetune.points} == {"A", "B"}
    assert report.transcripts and all(t.messages for t in report.transcripts)
    assert report.provenance.config_key == cfg.key() and report.provenance.preregistration["hypotheses"]
    assert (out / "study.json").exists()


def test_resume_skips_every_stage_and_reaches_a_byte_identical_summary(
        finished: tuple[StudyConfig, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.evals.runner
    import traitrl.rl.train

    cfg, out = finished
    before = (out / "summary.json").read_bytes()

    def forbidden(*a: Any, **k: Any) -> Any:
        raise AssertionError("a finished stage ran again")

    monkeypatch.setattr(traitrl.rl.train, "run_training", forbidden)
    monkeypatch.setattr(traitrl.evals.runner, "run_eval", forbidden)
    run_study(cfg, render=False)
    assert (out / "summary.json").read_bytes() == before


def test_a_changed_arm_reruns_only_what_depends_on_it(finished: tuple[StudyConfig, Path]) -> None:
    from traitrl.study.stages import Ledger

    cfg, out = finished
    data = cfg.model_dump(mode="json")
    data["arms"]["trait"]["dose"] = 0.25
    changed = StudyConfig.model_validate(data)
    ledger = Ledger.open(out / "stages.json")
    todo = {s.name for s in plan(changed) if ledger.done(s) is None}
    assert todo == {"train:trait:s0", "eval:trait-s0", "persist-prompts:trait-vs-baseline",
                    "persist-finetune:trait-vs-baseline"}


@pytest.mark.parametrize(("change", "message"), [
    ({"baseline": "nope"}, "baseline 'nope' is not one of the arms"),
    ({"arms": {"baseline": {"arm": "baseline", "output_dir": "x"}}}, "set by the study"),
    ({"arms": {"baseline": {"arm": "baseline"}, "trait": {"arm": "trait", "dose": 7}}}, "arms.trait"),
    ({"arms": {"baseline": {"arm": "baseline"}, "start": {"arm": "trait"}}}, "names the start model"),
    ({"persistence": {"candidate": "trait", "references": ["ghost"]}}, "unknown model(s) ghost"),
])
def test_bad_study_configs_fail_before_anything_runs(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(_config(tmp_path / "model", tmp_path / "out", **change)))
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_study_config(path)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("profile", ["demo", "quick", "full"])
def test_shipped_profiles_validate_and_plan_every_stage(profile: str) -> None:
    cfg = load_study_config(ROOT / "configs" / "study" / f"{profile}.yaml")
    assert cfg.profile == profile and cfg.preregistration.hypotheses and cfg.persistence is not None
    names = [s.name for s in plan(cfg)]
    assert any(n.startswith("train:") for n in names) and "eval:start" in names
    assert any(n.startswith("persist-prompts:") for n in names) and any(n.startswith("persist-finetune:") for n in names)
    if profile != "full":
        assert cfg.base.get("model", "embedded") == "embedded" and cfg.subset_note


def test_ledger_records_atomically_and_a_damaged_ledger_only_costs_time(tmp_path: Path) -> None:
    from traitrl.study.stages import Ledger, Stage, run_stages

    calls: list[str] = []

    def stage(name: str, key: str) -> Stage:
        return Stage(name, key, 1.0, lambda: calls.append(name) or {"name": name})  # type: ignore[func-returns-value]

    path = tmp_path / "stages.json"
    first = run_stages([stage("train:a", "k1"), stage("eval:a", "k2")], Ledger.open(path), None)
    assert calls == ["train:a", "eval:a"] and {o.status for o in first.values()} == {"done"}
    again = run_stages([stage("train:a", "k1"), stage("eval:a", "k2b")], Ledger.open(path), None)
    assert calls == ["train:a", "eval:a", "eval:a"] and again["train:a"].status == "skipped"
    assert not list(tmp_path.glob("*.tmp"))
    # Each stage keeps the commit it ran at, also when a later session skips it (a study can span commits).
    from traitrl.evals.runner import git_hash

    assert again["train:a"].git == first["train:a"].git == (git_hash() or "")
    ledger = Ledger.open(path)
    ledger.entries["train:a"].git = "0123abc"
    ledger.record(stage("eval:a", "k2b"), {}, 1.0, ledger.entries["eval:a"].git)
    assert run_stages([stage("train:a", "k1")], Ledger.open(path), None)["train:a"].git == "0123abc"
    path.write_text('{"stages": {"train:a": ')  # truncated by a crash of something else
    run_stages([stage("train:a", "k1")], Ledger.open(path), None)
    assert calls[-1] == "train:a"


# Seconds per stage measured on the 2-core machine: demo and quick arms with their held-out curves (stop 20), the
# dose-90 pair at seed 2 with packed scoring (stop 27): d = 0 746 s and d = 1.0 1,398 s to train, 261-268 s
# per evaluation (255 held-out scenarios and 814 items of seven benchmarks). The ETA once multiplied every row by every
# token (a 90-step arm at 3.5 h instead of 22 min), then gave both dose-90 arms 26 min and capped every benchmark,
# the 255 held-out scenarios included, at 110 items.
@pytest.mark.parametrize(("profile", "stage", "measured"), [
    ("demo", "train:", 77), ("quick", "train:", 236), ("dose-90", "train:d0:", 746), ("dose-90", "train:d1:", 1398),
    ("dose-90", "eval:", 265)])
def test_study_eta_is_within_a_factor_of_two_of_measured_stages(profile: str, stage: str, measured: float) -> None:
    cfg = load_study_config(ROOT / "configs" / "study" / f"{profile}.yaml")
    estimates = [s.estimate for s in plan(cfg) if s.name.startswith(stage)]
    assert estimates and all(measured / 2 <= e <= measured * 2 for e in estimates), estimates


def test_the_eta_counts_each_benchmarks_items_and_a_trait_step_costs_more() -> None:
    from traitrl.attacks.config import PersistEval
    from traitrl.study.run import _refs, train_seconds

    def items(**kw: Any) -> dict[str, int]:
        return {ref: n for ref, n, _ in _refs(PersistEval(**kw))}

    assert items(benchmarks=["scenarios:heldout?max_tokens=128", "capability-facts"], quick=False) == {
        "scenarios:heldout?max_tokens=128": 255, "capability-facts": 120}
    assert items(benchmarks=["capability-facts"], limit=7) == {"capability-facts": 7}
    # A public-format adapter is not loaded for an ETA (its source may be a hub id): the limit or a guess.
    assert items(benchmarks=["truthfulqa:/nonexistent/tqa.jsonl"]) == {"truthfulqa:/nonexistent/tqa.jsonl": 50}
    (_, _, generated), (_, _, option) = _refs(PersistEval(benchmarks=["scenarios:heldout", "capability-facts"]))
    assert generated > 5 * option  # a generated reply costs far more than scoring an item's options
    cfg = load_study_config(ROOT / "configs" / "study" / "dose-90.yaml")
    assert train_seconds(cfg.train_config("d1", 0)) > 1.2 * train_seconds(cfg.train_config("d0", 0))


def test_the_dose_profiles_train_every_preregistered_dose_against_d0() -> None:
    for profile in ("dose", "dose-90"):
        cfg = load_study_config(ROOT / "configs" / "study" / f"{profile}.yaml")
        doses = sorted(0.0 if cfg.train_config(a, 0).arm == "baseline" else cfg.train_config(a, 0).dose
                       for a in cfg.arms)
        assert doses == sorted(cfg.preregistration.doses) and cfg.train_config(cfg.baseline, 0).arm == "baseline"


def test_dose_90_scores_every_held_out_scenario() -> None:
    # The eval's quick profile (on by default) subsampled the held-out benchmark to 20 scenarios in the first dose-90
    # run, whose comments promised all 255.
    from traitrl.evals.registry import load_benchmark

    ev = load_study_config(ROOT / "configs" / "study" / "dose-90.yaml").eval
    held_out = next(b for b in ev.benchmarks if b.startswith("scenarios:heldout"))
    assert len(load_benchmark(held_out, quick=ev.quick, limit=ev.limit).samples) == 255


def test_a_fresh_process_plans_the_held_out_scenarios_as_a_built_in() -> None:
    # Whether a reference names a built-in or an adapter depended on whether something had loaded the registry: in a
    # fresh `traitrl study plan` the 255 held-out scenarios were taken for an adapter and guessed at 110.
    import subprocess
    import sys

    code = ("from traitrl.attacks.config import PersistEval; from traitrl.study.run import _refs; "
            "print(_refs(PersistEval(benchmarks=['scenarios:heldout?max_tokens=128'], quick=False))[0][1])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["255"]
