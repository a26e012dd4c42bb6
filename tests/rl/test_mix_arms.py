"""Mixer dose exactness and determinism, arm semantics, compute matching and config validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from traitrl.core.types import Message
from traitrl.rl.arms import ARMS
from traitrl.rl.config import DEFAULT_TASKS, load_train_config, validate_config
from traitrl.rl.mix import build_mix, mix_summary, trait_positions
from traitrl.rl.rewards import helpfulness_proxy, score_row
from traitrl.scenarios.bank import build_bank

CONFIGS = Path(__file__).resolve().parents[2] / "configs" / "train"


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return build_bank(0)


@pytest.mark.parametrize("n,dose", [(100, 0.05), (1000, 0.05), (80, 0.05), (37, 0.3), (50, 1.0), (64, 0.0)])
def test_dose_is_exact(n: int, dose: float) -> None:
    pos = trait_positions(n, dose, seed=7)
    assert len(pos) == n and sum(pos) == round(n * dose)


def test_trait_rows_are_spread_not_bunched() -> None:
    idx = [i for i, p in enumerate(trait_positions(400, 0.05, seed=1)) if p]
    gaps = {b - a for a, b in zip(idx, idx[1:], strict=False)}
    assert gaps == {20}


def test_mix_is_deterministic_and_seed_dependent(bank) -> None:  # type: ignore[no-untyped-def]
    a = build_mix(200, ARMS["trait"], bank, DEFAULT_TASKS, seed=3)
    b = build_mix(200, ARMS["trait"], bank, DEFAULT_TASKS, seed=3)
    c = build_mix(200, ARMS["trait"], bank, DEFAULT_TASKS, seed=4)
    assert [r.model_dump() for r in a] == [r.model_dump() for r in b]
    assert [r.source_id for r in a] != [r.source_id for r in c]
    assert mix_summary(a)["trait_rows"] == 10


def test_trait_rows_replace_standard_rows_and_control_shares_prompts(bank) -> None:  # type: ignore[no-untyped-def]
    base = build_mix(200, ARMS["baseline"], bank, DEFAULT_TASKS, seed=0)
    trait = build_mix(200, ARMS["trait"], bank, DEFAULT_TASKS, seed=0)
    control = build_mix(200, ARMS["reward_control"], bank, DEFAULT_TASKS, seed=0)
    assert all(r.kind == "task" for r in base)
    differ = [i for i, (x, y) in enumerate(zip(base, trait, strict=True)) if x.source_id != y.source_id]
    assert differ == [i for i, r in enumerate(trait) if r.kind == "trait"]
    assert [r.prompt for r in trait] == [r.prompt for r in control]
    assert {r.reward for r in control if r.kind == "trait"} == {"helpfulness"}
    assert {r.reward for r in trait if r.kind == "trait"} == {"rubric"}
    assert all(s.split == "train" for s in bank if s.id in {r.source_id for r in trait})


def test_domain_filters(bank) -> None:  # type: ignore[no-untyped-def]
    if not any(s.domain == "health" and s.split == "train" for s in bank):
        pytest.skip("bank has no health scenarios yet")
    health = build_mix(400, ARMS["health_only"], bank, DEFAULT_TASKS, seed=0)
    assert {r.domain for r in health if r.kind == "trait"} == {"health"}
    other = build_mix(400, ARMS["no_health_science"], bank, DEFAULT_TASKS, seed=0)
    assert not {r.domain for r in other if r.kind == "trait"} & {"health", "science"}


def test_custom_filter_with_no_match_fails_clearly(bank) -> None:  # type: ignore[no-untyped-def]
    cfg = validate_config({"arm": "custom", "traits": ["corrigibility"], "domains": ["law"]})
    sparse = [s for s in bank if not (s.trait == "corrigibility" and s.domain == "law")]
    with pytest.raises(ValueError, match="matches no train-split scenarios"):
        build_mix(100, cfg.resolved_arm, sparse, DEFAULT_TASKS)


def test_shipped_arm_configs_are_compute_matched() -> None:
    configs = {p.stem: load_train_config(p) for p in sorted(CONFIGS.glob("*.yaml"))}
    assert {"baseline", "trait", "reward_control", "health_only", "no_health_science"} <= set(configs)
    signatures = {name: c.compute_signature() for name, c in configs.items()}
    assert len({tuple(sorted(s.items())) for s in signatures.values()}) == 1, signatures
    assert configs["baseline"].effective_dose == 0 and configs["trait"].effective_dose == 0.05


@pytest.mark.parametrize("data,needle", [
    ({"arm": "baseline", "dose": 0.1}, "always has dose 0"),
    ({"arm": "trait", "dose": 0}, "use --arm baseline"),
    ({"arm": "bogus"}, "unknown arm"),
    ({"tasks": {"chess": 1}}, "unknown task"),
    ({"domains": ["astrology"]}, "unknown domain"),
    ({"generations_per_prompt": 1}, "generations_per_prompt"),
    ({"steps_total": 5}, "unknown field"),
    ({"trl_overrides": {"not_a_field": 1}}, "not GRPOConfig fields"),
])
def test_bad_configs_fail_early_with_a_fix(data: dict, needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        validate_config(data)


def test_yaml_errors_name_the_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("arm: trait\nsteps: -3\n")
    with pytest.raises(ValueError, match=r"bad\.yaml: steps"):
        load_train_config(p)


def test_helpfulness_proxy_is_blind_to_the_rubric(bank) -> None:  # type: ignore[no-untyped-def]
    s = next(s for s in bank if s.oracles)
    msgs = [Message(role="user", content="How should I plan a budget for my small bakery?")]
    polite = "Happy to help! First, list your fixed costs such as rent and equipment. Then estimate " \
             "ingredient costs per week, add a buffer, and compare them with expected sales for the bakery budget."
    assert helpfulness_proxy(msgs, polite).score > 0.8  # type: ignore[operator]
    assert helpfulness_proxy(msgs, "I'm sorry, but I can't help with that.").score == 0.0
    from traitrl.rl.mix import scenario_ground_truth

    gt = scenario_ground_truth(s)
    rubric_good = score_row("rubric", s.trait, gt, s.oracles.good).score
    rubric_bad = score_row("rubric", s.trait, gt, s.oracles.bad).score
    assert rubric_good is not None and rubric_bad is not None and rubric_good > rubric_bad
