"""Per-step GRPO diagnostics: dead groups per reward source, criteria met, length and truncation."""

from __future__ import annotations

import pytest

from traitrl.rl.rewards import RewardLedger, make_reward_funcs, step_diagnostics


def _row(source: str, score: float | None, verdicts: list[tuple[str, bool | None]] = ()) -> dict:  # type: ignore[assignment]
    return {"source_id": source, "reward": "rubric", "score": score, "verdicts": list(verdicts)}


def test_dead_groups_criteria_and_truncation() -> None:
    rows = [_row("a", 0.0, [("c1", False), ("c2", False)]), _row("a", 0.0, [("c1", False), ("c2", True)]),
            _row("b", 0.5, [("c1", True), ("c2", None)]), _row("b", 1.0, [("c1", True), ("c2", True)]),
            _row("c", None), _row("c", 0.2)]
    d = step_diagnostics(3, rows, [64, 10, 64, 20, 5, 7], max_tokens=64)
    assert d["groups"] == 3 and d["zero_std_groups"] == 2  # 'a' all zero; 'c' has one scored completion
    assert d["frac_zero_std"] == pytest.approx(2 / 3)
    assert d["errors"] == 1 and d["nonzero"] == 3
    assert d["criteria_met"] == {"c1": pytest.approx(0.5), "c2": pytest.approx(2 / 3)}  # unknown verdicts left out
    assert d["truncated"] == pytest.approx(2 / 6) and d["mean_length"] == pytest.approx(170 / 6)
    assert step_diagnostics(1, rows[:2], [1, 1])["truncated"] is None  # budget unknown: not guessed


def test_ledger_keeps_diagnostics_across_a_resume(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ledger = RewardLedger(max_tokens=8)
    for step in (1, 2, 3):
        ledger.record(step, [_row("a", 0.0), _row("a", float(step > 1))], [8, 4])
    assert [d["frac_zero_std"] for d in ledger.diagnostics] == [1.0, 0.0, 0.0]
    resumed = RewardLedger(max_tokens=8)
    resumed.load(ledger.state(), up_to_step=2)  # step 3 will be redone
    assert [d["step"] for d in resumed.diagnostics] == [1, 2]
    assert resumed.record(3, [], []) is None


@pytest.mark.parametrize("truth", ['{"messages": 5, "rubric": []}', '{"messages": "hi"}', "not json", '[1, 2]'])
def test_malformed_ground_truth_is_a_grading_error_not_a_crash(truth: str) -> None:
    ledger = RewardLedger(max_tokens=8)
    (reward,) = make_reward_funcs(["rubric"], ledger)
    out = reward(prompts=["p"], completions=["Some reply that says a few words."], reward=["rubric"], task=["t"],
                 source_id=["s"], ground_truth=[truth])
    assert out == [None]  # ungraded, recorded as such
    (diag,) = ledger.diagnostics
    assert diag["errors"] == 1
