"""Real TRL GRPO steps on a tiny random model: weights move, rewards come from our graders, resume works."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import torch
from safetensors.torch import load_file
from transformers import TrainerCallback

from traitrl.grading.copied import copied_share
from traitrl.models.tiny import build_tiny_model
from traitrl.rl.config import TrainConfig, validate_config
from traitrl.rl.rewards import score_row, training_reward
from traitrl.rl.train import prepare_data, run_training


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", seed=0)


def _config(tiny: Path, out: Path, **kw: Any) -> TrainConfig:
    base = {"model": str(tiny), "output_dir": str(out), "steps": 2, "prompts_per_step": 2,
            "generations_per_prompt": 4, "max_tokens": 12, "learning_rate": 1e-2, "heldout_n": 2,
            "log_samples_every": 1, "save_steps": 10, "precision": "fp32", "store": str(out.parent / "store.sqlite")}
    return validate_config({**base, **kw})


def _samples(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]


def test_grpo_steps_change_weights_and_use_our_graders(tiny: Path, tmp_path: Path,
                                                       capfd: pytest.CaptureFixture[str]) -> None:
    cfg = _config(tiny, tmp_path / "run", arm="reward_control", dose=0.5)
    rows = prepare_data(cfg)
    record = run_training(cfg)
    assert record["steps"] == 2
    # Progress, not Trainer's per-step log dicts: in a log file (no terminal), a line per step here (2 steps).
    out, err = capfd.readouterr()
    assert "{'loss'" not in out + err
    assert "[traitrl] reward_control d=0.5 seed 0 step 2/2 · elapsed" in err and "ETA 0:00 · reward " in err
    assert record["trainer"] == "traitrl.rl.trainer.TraitGRPOTrainer"  # the run records which trainer made it
    start = load_file(str(tiny / "model.safetensors"))
    end = load_file(str(tmp_path / "run" / "final" / "model.safetensors"))
    moved = [k for k in start if k in end and not torch.equal(start[k], end[k])]
    assert moved, "no weight changed after two GRPO steps"
    samples = _samples(tmp_path / "run")
    assert len(samples) == 2 * 2 * 4  # every completion of both steps was graded and logged
    by_id = {r.source_id: r for r in rows}
    assert {s["source_id"] for s in samples} <= set(by_id)
    assert {s["reward"] for s in samples} == {"helpfulness", "verifier"}
    for s in samples:  # the logged reward is exactly what our grader gives for that completion
        row = by_id[s["source_id"]]
        assert score_row(s["reward"], row.task, row.ground_truth, s["completion"]).score == s["score"]
    assert record["compute"]["completions"] == 16 and record["compute"]["tokens_generated"] > 0
    assert any(k.startswith("rewards/helpfulness_proxy") for k in record["reward_curve"][0])
    # Diagnostics per step and reward source, recomputed here from the logged samples.
    diags = {(d["step"], d["reward"]): d for d in record["diagnostics"]}
    assert {k[0] for k in diags} == {1, 2} and {k[1] for k in diags} == {"helpfulness", "verifier"}
    for (step, kind), d in diags.items():
        groups: dict[str, list[float]] = {}
        for s in samples:
            if s["step"] == step and s["reward"] == kind:
                groups.setdefault(s["source_id"], []).append(s["score"])
        assert d["groups"] == len(groups) and d["completions"] == sum(map(len, groups.values()))
        assert d["zero_std_groups"] == sum(1 for g in groups.values() if len(set(g)) == 1)
        assert 0.0 <= d["truncated"] <= 1.0 and d["mean_length"] > 0
    assert any("/frac_zero_std" in k for point in record["reward_curve"] for k in point)
    if sys.platform.startswith("linux"):  # each step's own peak memory, logged and kept
        assert all(0 < point["memory/peak_gb"] < 64 for point in record["reward_curve"])
        assert record["peak_memory_gb"] == max(point["memory/peak_gb"] for point in record["reward_curve"])
        assert "peak memory " in err


def test_trait_arm_trains_on_the_graded_rubric_reward(tiny: Path, tmp_path: Path) -> None:
    cfg = _config(tiny, tmp_path / "trait", arm="trait", dose=1.0, steps=1, heldout_n=0)
    assert cfg.rubric_reward == "graded" and cfg.temperature == 0.7
    rows = {r.source_id: r for r in prepare_data(cfg)}
    record = run_training(cfg)
    samples = _samples(tmp_path / "trait")
    assert {s["reward"] for s in samples} == {"rubric"} and len(samples) == 8
    for s in samples:  # what GRPO got is the graded reward; the [0, 1] rubric score is kept beside it
        grade = score_row("rubric", rows[s["source_id"]].task, rows[s["source_id"]].ground_truth, s["completion"])
        assert s["score"] == training_reward("rubric", grade)
        assert s.get("rubric_score", s["score"]) == grade.score
        truth = json.loads(rows[s["source_id"]].ground_truth)
        assert s["copied_share"] == round(copied_share(s["completion"], [m["content"] for m in truth["messages"]]), 3)
    (diag,) = record["diagnostics"]
    assert diag["reward"] == "rubric" and diag["mean_rubric_score"] is not None
    check = record["top_completions"]["rubric"]
    assert check["top"] == 8 and check["samples"] == 8 and isinstance(check["ok"], bool)


class _Interrupt(TrainerCallback):
    def __init__(self, at: int) -> None:
        self.at = at

    def on_save(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if state.global_step == self.at:
            raise RuntimeError("simulated interruption")


def test_interrupt_and_resume_reaches_same_step_without_redoing(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "resume"
    cfg = _config(tiny, out, arm="trait", dose=0.5, steps=3, save_steps=1, generations_per_prompt=2, max_tokens=8)
    with pytest.raises(RuntimeError, match="simulated interruption"):
        run_training(cfg, extra_callbacks=[_Interrupt(at=2)])
    assert (out / "checkpoint-2").is_dir() and not (out / "run_record.json").exists()
    with pytest.raises(ValueError, match="--resume"):
        run_training(cfg)
    record = run_training(cfg.model_copy(update={"resume": True}))
    assert record["steps"] == 3
    assert record["resumed_from"].endswith("checkpoint-2")
    assert sorted(record["compute"]["tokens_by_step"]) == ["1", "2", "3"]
    per_step = Counter(s["step"] for s in _samples(out))
    assert per_step == {1: 4, 2: 4, 3: 4}, per_step  # steps 1-2 were not regenerated after resuming
    assert [p["step"] for p in record["heldout_curve"]] == [0, 3]
    assert any(s["reward"] == "rubric" and "/" in s["source_id"] for s in _samples(out))
    # save_total_limit (default 2) keeps only the newest checkpoints.
    assert sorted(p.name for p in out.glob("checkpoint-*")) == ["checkpoint-2", "checkpoint-3"]


def test_lora_arm_heldout_curve_is_stored_and_its_output_evaluates(tiny: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from traitrl.cli import app
    from traitrl.evals.runner import run_eval
    from traitrl.models import load_chat_model
    from traitrl.results.store import open_store
    from traitrl.rl.train import heldout_benchmark

    out = tmp_path / "lora-arm"
    cfg = _config(tiny, out, arm="trait", dose=0.5, steps=2, lora=True, generations_per_prompt=2, max_tokens=8)
    record = run_training(cfg)
    store_path = Path(cfg.store)
    curve_runs = [p["run_id"] for p in record["heldout_curve"]]
    assert [p["step"] for p in record["heldout_curve"]] == [0, 2] and len(set(curve_runs)) == 2
    with open_store(store_path) as st:
        runs = {r.run_id: r for r in st.list_runs()}
        assert set(curve_runs) <= set(runs)
        assert all(runs[r].labels["arm"] == "trait" and runs[r].labels["training_run"] == record["training_run"]
                   for r in curve_runs)
        assert st.get_training_run(record["training_run"])["arm"]["name"] == "trait"  # type: ignore[index]
        # The LoRA arm's output folder is evaluable, and is linked to the training run that wrote it.
        final = load_chat_model(str(out / "final"))
        assert final.source.kind == "lora"  # type: ignore[attr-defined]
        res = run_eval(final, [heldout_benchmark(cfg)], st)
        evaluated = st.get_run(res.run_id)
        assert evaluated is not None and evaluated.training_run == record["training_run"]
        assert evaluated.labels["arm"] == "trait"
        rows = st.load_samples(res.run_id)
        assert rows and all(r.metadata["trait"] and r.metadata["cluster"] for r in rows)
    # `traitrl compare` pairs the trained model against the start model on the held-out trait benchmark.
    out_json = tmp_path / "cmp.json"
    cmp = CliRunner().invoke(app, ["compare", curve_runs[0], curve_runs[1], "--store", str(store_path),
                                   "--json-out", str(out_json)])
    assert cmp.exit_code == 0, cmp.output
    assert "ahead on" in cmp.output
    compared = json.loads(out_json.read_text())["results"]
    assert [r["benchmark"] for r in compared] == ["scenarios:heldout"] and compared[0]["n"] == 2


def test_unreadable_samples_are_reported_not_raised(tmp_path: Path) -> None:
    from traitrl.rl.train import _top_completions_check

    samples = tmp_path / "samples.jsonl"
    samples.write_text('{"reward": "rubric", "completion": "fine", "score": 0.5}\n{cut off mid-li')
    check = _top_completions_check(samples, ["rubric"])
    assert "samples.jsonl, line 2" in check["error"]


def test_a_failing_check_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.rl.train as train_module

    samples = tmp_path / "samples.jsonl"
    samples.write_text('{"reward": "rubric", "completion": "fine", "score": 0.5, "step": 1, "source_id": "a"}\n')
    assert train_module._top_completions_check(samples, ["rubric"])["rubric"]["samples"] == 1

    def broken(*_: object, **__: object) -> None:
        raise AttributeError("module has no attribute 'repeated_sentence'")

    monkeypatch.setattr(train_module, "top_completions", broken)
    check = train_module._top_completions_check(samples, ["rubric"])
    assert check == {"error": "top-completions check failed: AttributeError: module has no attribute "
                              "'repeated_sentence'"}


def test_bf16_run_resumes_from_its_fp32_masters(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from traitrl.rl.master_weights import STATE_KEY, Bf16MasterWeights

    out = tmp_path / "bf16"
    cfg = _config(tiny, out, arm="reward_control", dose=0.5, steps=3, save_steps=1, generations_per_prompt=4,
                  max_tokens=8, precision="bf16")
    with pytest.raises(RuntimeError, match="simulated interruption"):
        run_training(cfg, extra_callbacks=[_Interrupt(at=2)])
    saved = torch.load(out / "checkpoint-2" / "optimizer.pt", weights_only=True)[STATE_KEY]
    assert saved and all(t.dtype == torch.float32 for t in saved)
    restored: list[list[torch.Tensor]] = []
    original_load = Bf16MasterWeights._load

    def load(self: Bf16MasterWeights, optimizer: Any, state: dict[str, Any]) -> dict[str, Any]:
        out_state = original_load(self, optimizer, state)
        restored.append([m.detach().clone() for m in self.masters])
        return out_state

    monkeypatch.setattr(Bf16MasterWeights, "_load", load)
    record = run_training(cfg.model_copy(update={"resume": True}))
    assert record["steps"] == 3 and record["precision"] == "bf16"
    # Accelerate round-trips the fresh optimizer's own state first; the Trainer's load of checkpoint-2 comes last.
    assert restored and all(torch.equal(a, b) for a, b in zip(restored[-1], saved, strict=True))
    assert record["parameters_changed"] > 0


def test_lora_arm_trains_in_bf16(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "lora-bf16"
    record = run_training(_config(tiny, out, arm="reward_control", dose=0.5, steps=1, lora=True, max_tokens=8,
                                  precision="bf16", heldout_n=0))
    assert record["precision"] == "bf16" and record["parameters_changed"] > 0
    assert record["cpu_memory"] in {"kept", "system", "unsupported"}
