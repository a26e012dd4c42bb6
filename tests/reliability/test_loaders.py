"""Every malformed user file gives a clear error naming the file: no traceback, no silent acceptance."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from traitrl.testing.malformed import (
    Case,
    config_cases,
    public_cases,
    run_case,
    scenario_cases,
    template_cases,
)

# BBQ and TruthfulQA adapters belong to another work stream; their known gaps are reported, not asserted here.
OTHERS = ("public:bbq", "public:truthfulqa")


def _check(cases: list[Case], root: Path) -> None:
    bad = []
    for case in cases:
        outcome, message = run_case(case, root)
        ok = {"reject": ("clear",), "accept": ("accepted",), "either": ("clear", "accepted")}[case.expect]
        if outcome not in ok:
            bad.append(f"{case.family}/{case.name}: {outcome} {message[:200]}")
    assert not bad, "\n".join(bad)


def test_scenario_files(tmp_path: Path) -> None:
    cases = scenario_cases()
    assert len(cases) >= 100
    _check(cases, tmp_path)


def test_template_files(tmp_path: Path) -> None:
    _check(template_cases(), tmp_path)


def test_public_format_files(tmp_path: Path) -> None:
    cases = [c for c in public_cases() if c.family not in OTHERS]
    assert len(cases) >= 200
    _check(cases, tmp_path)


def test_training_configs(tmp_path: Path) -> None:
    _check(config_cases(), tmp_path)


def test_json_array_errors_name_the_line_where_the_record_starts(tmp_path: Path) -> None:
    from traitrl.evals.adapters.base import AdapterError
    from traitrl.evals.registry import load_benchmark

    path = tmp_path / "items.json"
    path.write_text('[\n  {"question": "a?", "choices": ["x", "y"], "answer": 0},\n\n  {"question": "b?",\n'
                    '   "choices": ["x"], "answer": 0}\n]\n')
    with pytest.raises(AdapterError, match=r"items.json, record 2 \(line 4\): field 'choices'"):
        load_benchmark(f"mc:{path}")


def test_healthbench_wrong_type_is_named(tmp_path: Path) -> None:
    import json

    from traitrl.evals.adapters.base import AdapterError
    from traitrl.evals.registry import load_benchmark
    from traitrl.testing.malformed import PUBLIC_GOOD

    path = tmp_path / "hb.jsonl"
    path.write_text(json.dumps({**PUBLIC_GOOD["healthbench"], "ideal_completions_data": ["x"]}) + "\n")
    with pytest.raises(AdapterError, match="line 1: field 'ideal_completions_data' must be an object"):
        load_benchmark(f"healthbench:{path}")


def test_validate_cli_reports_directory_and_empty_file_cleanly(tmp_path: Path) -> None:
    from traitrl.cli import app

    runner = CliRunner()
    (tmp_path / "x.jsonl").mkdir()
    (tmp_path / "empty.jsonl").write_text("  \n")
    for target, needle in [(tmp_path / "x.jsonl", "is a directory"), (tmp_path / "empty.jsonl", "no scenarios")]:
        result = runner.invoke(app, ["scenarios", "validate", str(target)])
        assert result.exit_code == 1 and needle in result.stderr and "Traceback" not in result.output


def test_catastrophic_pattern_is_rejected_but_look_behind_is_fine() -> None:
    from traitrl.grading.criteria import RuleSpec

    RuleSpec(any_of=["(?<!not )verify", "(a+)+$"])  # RE2 runs (a+)+$ in linear time; look-behind is safe
    with pytest.raises(ValueError, match="backtrack"):
        RuleSpec(any_of=["(?<=x)(a+)+$"])
    with pytest.raises(ValueError, match="back-reference"):
        RuleSpec(any_of=["(a)\\1"])
