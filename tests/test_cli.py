from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from traitrl.cli import app

runner = CliRunner()


def test_validate_broken_file_exits_nonzero_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "a", "trait": "truthfulness", "domain": "health", "split": "train"}\n')
    result = runner.invoke(app, ["scenarios", "validate", str(path)])
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    assert "broken.jsonl:1" in out and "messages" in out and "Traceback" not in out


def test_generate_then_validate_roundtrip(tmp_path: Path) -> None:
    out = tmp_path / "bank.jsonl"
    result = runner.invoke(app, ["scenarios", "generate", "--out", str(out), "--trait", "truthfulness",
                                 "--domain", "health"])
    assert result.exit_code == 0, result.output
    n = sum(1 for _ in out.open())
    assert n > 0
    result = runner.invoke(app, ["scenarios", "validate", str(out)])
    assert result.exit_code == 0 and f"{n} scenarios" in result.stdout


def test_stats_json_reports_counts() -> None:
    result = runner.invoke(app, ["scenarios", "stats", "--json", "--no-benchmarks"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenarios"]["train"] > 0 and data["leakage_13gram"] == 0


def test_show_unknown_id_is_a_clean_error() -> None:
    result = runner.invoke(app, ["scenarios", "show", "no/such/id"])
    assert result.exit_code == 2 and "no scenario matches" in result.stderr


def test_rollout_on_tiny_model_grades_every_scenario(tmp_path: Path, tiny_model_dir: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["rollout", "--model", str(tiny_model_dir), "--n", "4", "--split", "train",
                                 "--max-tokens", "8", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.open()]
    assert len(lines) == 5 and "summary" in lines[-1]
    for rec in lines[:4]:
        assert rec["grade"]["grader"] == "rubric" and rec["grade"]["verdicts"]


def test_rollout_bad_model_path_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rollout", "--model", str(tmp_path / "nope"), "--split", "train"])
    assert result.exit_code == 2 and "no such directory" in result.stderr


def test_template_audit_reports_the_off_scenario_floor() -> None:
    import traitrl.scenarios

    path = Path(traitrl.scenarios.__file__).parent / "templates" / "metacognitive_transparency.yaml"
    result = runner.invoke(app, ["scenarios", "validate", "--audit", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "audit ok" in result.stdout
    floor = result.stdout.split("off-scenario floor: ", 1)[1]
    assert float(floor.split("%", 1)[0]) < 10.0 and "good replies to other questions" in floor
