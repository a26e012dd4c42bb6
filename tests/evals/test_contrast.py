"""Contrast sets: shared options whose right answer depends only on the situation put prompt-blind rules at chance."""

from __future__ import annotations

import pytest

from traitrl.core.errors import UserError
from traitrl.evals.api import BenchmarkSpec, Output, score_sample
from traitrl.evals.builtin._common import Context, build_contrast, contrast_set, rng_for, system, user

OPTIONS = ["Short one.", "A considerably longer option that a length rule would always pick first."]


def _set(i: int, row: str, v: int, rng) -> list:  # type: ignore[no-untyped-def]
    ctx = [Context("a", [system(f"{row} context A"), user(f"ask {v}")], target=0, bad_target=1),
           Context("b", [system(f"{row} context B"), user(f"ask {v}")], target=1, bad_target=0)]
    return contrast_set(f"demo/{i:02d}-{v}", ctx, OPTIONS, rng, metadata={"domain": "law"})


def test_any_prompt_blind_rule_scores_exactly_chance_on_whole_sets() -> None:
    samples = build_contrast("demo", 0, 12, ["r1", "r2", "r3"], [0, 1], _set)
    assert len(samples) == 12
    spec = BenchmarkSpec(name="demo", category="deception_honesty", domains=["law"], scoring="logprob_mc",
                         description="d", factory=lambda: samples)
    rules = {"longest": lambda o, j: len(o), "shortest": lambda o, j: -len(o), "alphabetical": lambda o, j: o,
             "first": lambda o, j: -j, "last": lambda o, j: j}
    for rule in rules.values():
        scores = []
        for s in samples:
            opts = s.prompts[0].options or []
            pick = max(range(len(opts)), key=lambda j: rule(opts[j], j))
            lp = [0.0 if j == pick else -50.0 * len(opts[j]) for j in range(len(opts))]
            scores.append(score_sample(spec, s, [Output(logprobs=lp)]).score)
        assert sum(scores) / len(scores) == pytest.approx(0.5)
    # Both items of a set share the situation's cluster and the same option texts.
    by_cluster: dict[str, list] = {}
    for s in samples:
        by_cluster.setdefault(s.metadata["cluster"], []).append(s)
    assert set(by_cluster) == {"demo/0", "demo/1", "demo/2"}
    assert all(sorted(s.prompts[0].options or []) == sorted(OPTIONS) for s in samples)


def test_unbalanced_targets_are_a_bug_in_the_module() -> None:
    ctx = [Context("a", [user("x")], 0, 1), Context("b", [user("y")], 0, 1)]
    with pytest.raises(ValueError, match="target equally often"):
        contrast_set("demo/0", ctx, OPTIONS, rng_for("demo", 0))
    with pytest.raises(ValueError, match="bad_target"):
        contrast_set("demo/0", [Context("a", [user("x")], 0, 0), Context("b", [user("y")], 1, 0)], OPTIONS,
                     rng_for("demo", 0))


def test_pools_too_small_say_so() -> None:
    with pytest.raises(UserError, match="yield only 4"):
        build_contrast("demo", 0, 5, ["r1", "r2"], [0], _set)
