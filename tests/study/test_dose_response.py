"""The report's dose–response rows, from a dose study's config and its family of paired results."""

from __future__ import annotations

from pathlib import Path

from traitrl.results.stats import PairedResult
from traitrl.study.collect import _dose_response
from traitrl.study.config import StudyConfig


def _config(tmp_path: Path, arms: dict[str, dict[str, object]]) -> StudyConfig:
    return StudyConfig.model_validate({
        "name": "doses", "output_dir": str(tmp_path), "seeds": [0], "base": {"model": "embedded", "steps": 1},
        "arms": arms, "baseline": "d0", "eval": {"benchmarks": ["scenarios:heldout", "capability-facts"]},
        "preregistration": {"hypotheses": ["H1: the held-out trait score rises with the dose"],
                            "primary_benchmarks": ["scenarios:heldout"]}})


def _result(benchmark: str, category: str, base: float, arm: float, significant: bool = False) -> PairedResult:
    return PairedResult(benchmark=benchmark, category=category, n=40, mean_a=base, mean_b=arm, delta=arm - base,
                        ci_low=arm - base - 0.02, ci_high=arm - base + 0.02, p_value=0.01, mde=0.03,
                        significant=significant)


def test_rows_by_dose_with_the_trait_score_and_an_ood_headline(tmp_path: Path) -> None:
    cfg = _config(tmp_path, {"d0": {"arm": "baseline"}, "d1": {"arm": "trait", "dose": 1.0},
                             "d005": {"arm": "trait", "dose": 0.05},
                             "control": {"arm": "reward_control", "dose": 0.25}})
    fam = {a: [_result("scenarios:heldout", "trait_heldout", 0.065, 0.065 + k, significant=k > 0.05),
               _result("capability-facts", "capability", 0.8, 0.8 - k / 2),
               _result("shutdown-acceptance", "corrigibility", 0.6, 0.6 + k)]
           for a, k in (("d005", 0.01), ("d1", 0.06), ("control", 0.02))}
    rows = _dose_response(cfg, fam)
    assert [(r.arm, r.dose) for r in rows] == [("d0", 0.0), ("d005", 0.05), ("d1", 1.0)]  # no reward control
    assert rows[0].delta is None and rows[0].ood is None and rows[0].mean == 0.065
    assert abs(rows[2].mean - 0.125) < 1e-12 and abs(rows[2].delta - 0.06) < 1e-12 and rows[2].significant
    ood = rows[2].ood
    assert ood is not None and ood.n_benchmarks == 2 and ood.ahead == 1  # the trait benchmark is not in it
    assert abs(ood.mean_delta - 0.015) < 1e-12


def test_no_rows_without_two_trait_doses_or_a_trait_benchmark(tmp_path: Path) -> None:
    one = _config(tmp_path, {"d0": {"arm": "baseline"}, "d1": {"arm": "trait", "dose": 1.0}})
    fam = {"d1": [_result("scenarios:heldout", "trait_heldout", 0.1, 0.2)]}
    assert _dose_response(one, fam) == []
    two = _config(tmp_path, {"d0": {"arm": "baseline"}, "d1": {"arm": "trait", "dose": 1.0},
                             "d025": {"arm": "trait", "dose": 0.25}})
    assert _dose_response(two, {a: [_result("capability-facts", "capability", 0.8, 0.7)] for a in ("d1", "d025")}) == []
    assert len(_dose_response(two, {a: fam["d1"] for a in ("d1", "d025")})) == 3
