"""`traitrl persist` on tiny models: both protocols end to end, JSON tables, and clean user errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from traitrl.cli import app


def _json(output: str) -> dict:  # type: ignore[type-arg]
    # Library warnings and progress bars share the captured output; the JSON document starts at its own line.
    return json.loads(output[output.index('{\n  "tables"'):])


def test_personas_list() -> None:
    result = CliRunner().invoke(app, ["persist", "personas", "--json"])
    assert result.exit_code == 0, result.output
    rows = _json(result.output)["tables"][0]["rows"]
    assert {r["kind"] for r in rows} == {"harmful", "helpful"} and all(len(r["version"]) == 12 for r in rows)


def test_prompts_on_tiny_models(tiny_model_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    args = ["persist", "prompts", "--models", str(tiny_model_dir), str(tiny_model_dir),
            "--personas", "reckless-medical-advisor", "--personas", "rigorous-tutor", "-b", "capability-facts",
            "-b", "medication-safety", "--limit", "3", "--store", str(store), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    out = _json(result.output)
    titles = [t["title"] for t in out["tables"]]
    assert titles[0].startswith("persona effects per benchmark") and titles[2].startswith("per-category verdicts")
    assert {r["benchmark"] for r in out["tables"][0]["rows"]} == {"capability-facts", "medication-safety"}
    from traitrl.results.store import open_store

    with open_store(store) as st:
        runs = st.list_runs(protocol="prompts")
        # A and B are the same model here, so content keys make B reuse A's runs: clean + two personas.
        assert len(runs) == 3
        assert {r.labels["persona"] for r in runs} == {"none", "reckless-medical-advisor", "rigorous-tutor"}
        tutor = next(r for r in runs if r.labels["persona"] == "rigorous-tutor")
        assert tutor.config["persona_placement"] == "user_prefix" and tutor.labels["prereg"] == out["prereg"]


def test_finetune_on_tiny_models(tiny_model_dir: Path, tmp_path: Path) -> None:
    grid = tmp_path / "grid.yaml"
    grid.write_text("attacks: [reward_hack_demos]\nlearning_rates: {full: [1.0e-3]}\nsteps: [1]\nbatch_size: 2\n"
                    "benign_control: false\n")
    result = CliRunner().invoke(app, ["persist", "finetune", "--models", str(tiny_model_dir), str(tiny_model_dir),
                                      "--grid", str(grid), "-b", "capability-facts", "--limit", "2",
                                      "--store", str(tmp_path / "s.sqlite"), "--json"])
    assert result.exit_code == 0, result.output
    out = _json(result.output)
    assert len(out["tables"]) == 6 and out["training"][0]["parameters_changed"] > 0


@pytest.mark.parametrize(("args", "needle"), [
    (["prompts", "--models", "a", "--personas", "x"], "models"),
    (["prompts", "--models", "embedded", "embedded", "--personas", "nobody"], "unknown persona(s) nobody"),
    (["prompts", "--models", "a", "b", "--delta", "2"], "delta"),
    (["finetune", "--models", "a", "b", "--grid", "medium"], "not quick or full"),
])
def test_user_errors_exit_2(args: list[str], needle: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["persist", *args, "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2, result.output
    assert needle in result.output and "Traceback" not in result.output


def test_example_configs_load() -> None:
    from traitrl.attacks.config import PromptsConfig
    from traitrl.attacks.grids import FinetuneConfig
    from traitrl.core.config import load_config

    root = Path(__file__).resolve().parent.parent.parent / "configs" / "persist"
    prompts = load_config(PromptsConfig, root / "prompts.yaml")
    ft = load_config(FinetuneConfig, root / "finetune.yaml")
    assert prompts.decision.delta == 0.03 and len(ft.grid.seeds) == 3
    # The decision rule is part of the pre-registration key: a different δ is a different study.
    moved = prompts.model_copy(update={"decision": prompts.decision.model_copy(update={"delta": 0.05})})
    assert moved.prereg_key() != prompts.prereg_key()
