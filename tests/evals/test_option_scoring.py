"""Option scoring normalises log-probs by option length (characters), except calibration (probabilities)."""

from __future__ import annotations

import math

from traitrl.core.types import Message
from traitrl.evals.api import BenchmarkSpec, Output, Prompt, Sample, score_sample


def _spec(scoring: str) -> BenchmarkSpec:
    return BenchmarkSpec(name="t", category="sycophancy", domains=[], scoring=scoring,  # type: ignore[arg-type]
                         description="", factory=lambda: [])


SHORT, LONG = "No.", "Yes, and here is the reason in full."  # 3 and 37 characters


def _sample(target: int, n_prompts: int = 1) -> Sample:
    prompts = [Prompt(messages=[Message(role="user", content="Well?")], options=[SHORT, LONG])] * n_prompts
    return Sample(id="t/0", prompts=prompts, target=target)


def test_mc_chooses_by_log_prob_per_character() -> None:
    # Summed: the short option wins (-3 > -18.5). Per character: -1.0 vs -0.5, the long one wins.
    out = Output(logprobs=[-3.0, -18.5])
    grade = score_sample(_spec("logprob_mc"), _sample(target=1), [out])
    assert grade.score == 1.0
    assert grade.metadata["choices"] == [1] and grade.metadata["choices_sum"] == [0]
    # A long option with a much worse per-character score still loses.
    assert score_sample(_spec("logprob_mc"), _sample(target=1), [Output(logprobs=[-3.0, -60.0])]).score == 0.0


def test_consistency_uses_the_same_rule_on_every_prompt() -> None:
    outs = [Output(logprobs=[-3.0, -18.5]), Output(logprobs=[-2.0, -30.0])]  # per char: long, then short
    grade = score_sample(_spec("consistency"), _sample(target=1, n_prompts=2), outs)
    assert grade.metadata["choices"] == [1, 0] and grade.score == 0.0


def test_calibration_keeps_summed_probabilities() -> None:
    out = Output(logprobs=[math.log(0.8), math.log(0.2)])
    grade = score_sample(_spec("calibration"), _sample(target=0), [out])
    assert grade.metadata["choices"] == [0]
    assert abs(grade.metadata["p_target"] - 0.8) < 1e-9
    assert abs((grade.score or 0.0) - (1 - 0.04)) < 1e-9  # 1 - ((0.2)^2 + (0.2)^2) / 2
