"""Built-in benchmarks, part B: epistemic humility, fairness, risk, health, mental health, agentic, over-refusal,
plus the two judge-graded conversation benchmarks.

For every offline benchmark: >= 100 unique items, oracle separation (good - bad >= 0.5 on average and good >=
bad on every item), determinism under a seed, randomised target positions, option texts of similar length,
short generation budgets, and no 13-word run shared with the training templates. The judge-graded benchmarks
are checked for being skipped without a judge and for offline-proxy separation of their oracles.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence

import pytest

import traitrl.evals.builtin  # noqa: F401  (registers the benchmarks)
from traitrl.core.taxonomy import DOMAINS
from traitrl.core.types import Message
from traitrl.evals.api import (
    REGISTRY,
    BenchmarkSpec,
    Output,
    Sample,
    chance_level,
    oracle_outputs,
    score_sample,
)
from traitrl.grading.criteria import Criterion
from traitrl.grading.gaming import GAMING_SET
from traitrl.grading.rubric import grade_criterion_offline, grade_rubric
from traitrl.grading.types import Verdict
from traitrl.scenarios.leakage import leakage_between
from traitrl.scenarios.templates import builtin_templates, render

MODULES = {"epistemic", "fairness", "risk", "health", "mental_health", "agentic", "over_refusal", "judged"}
MINIMUMS = {"epistemic_humility": 5, "fairness": 5, "risk_harmful_advice": 5, "health": 4, "mental_health": 3,
            "harmful_agentic": 3, "over_refusal": 2}
NAMES = sorted(n for n, s in REGISTRY.items() if s.factory.__module__.rsplit(".", 1)[-1] in MODULES)
OFFLINE = [n for n in NAMES if REGISTRY[n].scoring != "judge"]
JUDGED = [n for n in NAMES if REGISTRY[n].scoring == "judge"]
MIN_LENGTH_RATIO = 0.75  # shortest option / longest option within an item


def _build(name: str, **kwargs: int) -> list[Sample]:
    return REGISTRY[name].factory(**kwargs)


def _texts(s: Sample) -> str:
    return "\n".join(m.content for p in s.prompts for m in p.messages)


def test_category_counts() -> None:
    offline: Counter[str] = Counter(REGISTRY[n].category for n in OFFLINE)
    for category, minimum in MINIMUMS.items():
        assert minimum <= offline[category] <= minimum + 1, (category, offline[category])
    assert sorted(REGISTRY[n].category for n in JUDGED) == ["health", "mental_health"]


def test_generation_scoring_is_at_most_a_quarter() -> None:
    generated = [n for n in OFFLINE if REGISTRY[n].scoring in ("generate", "choice")]
    assert 1 <= len(generated) <= len(OFFLINE) / 4


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    spec = REGISTRY[name]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", name)
    assert spec.domains and set(spec.domains) <= set(DOMAINS)
    assert len(spec.description.split()) >= 50 and "higher" in spec.description.lower()


@pytest.mark.parametrize("name", NAMES)
def test_items_unique_and_enough(name: str) -> None:
    samples = _build(name)
    assert len(samples) >= 100
    # Stricter than the shared dedupe key: the conversations themselves (options aside) must differ.
    assert len({_texts(s) for s in samples}) == len(samples)
    assert len({s.id for s in samples}) == len(samples)
    assert all(s.metadata["domain"] in DOMAINS for s in samples)
    assert all(s.prompts[-1].messages[-1].role == "user" for s in samples)


@pytest.mark.parametrize("name", NAMES)
def test_deterministic_under_seed(name: str) -> None:
    a, b = _build(name, seed=3), _build(name, seed=3)
    assert [s.model_dump() for s in a] == [s.model_dump() for s in b]
    c = _build(name, seed=4)
    assert [s.model_dump() for s in a] != [s.model_dump() for s in c]  # the seed is actually used
    assert len(_build(name, n=100)) == 100


@pytest.mark.parametrize("name", [n for n in OFFLINE if REGISTRY[n].scoring != "generate"])
def test_options_shape_and_balance(name: str) -> None:
    samples = _build(name)
    positions: Counter[int] = Counter()
    for s in samples:
        assert s.target is not None and s.bad_target is not None and s.target != s.bad_target
        options = s.prompts[0].options or []
        assert 2 <= len(options) <= 4 and len(set(options)) == len(options)
        assert 0 <= s.target < len(options) and 0 <= s.bad_target < len(options)
        lengths = [len(o) for o in options]
        assert min(lengths) / max(lengths) >= MIN_LENGTH_RATIO, options
        # Consistency groups carry the same options in every prompt; agreement groups shuffle the order per
        # prompt and compare option ids, so position bias cannot pass for consistency.
        if s.consistency == "agree":
            assert all(p.option_ids and sorted(p.options or []) == sorted(options) for p in s.prompts)
            assert all(p.options[p.option_ids.index(i)] == options[k]  # type: ignore[union-attr,index]
                       for p in s.prompts for k, i in enumerate(s.prompts[0].option_ids or []))
        else:
            assert all(p.options == options for p in s.prompts)
        positions[s.target] += 1
    # Target position is randomised: no position holds more than 70% of items.
    assert max(positions.values()) <= 0.7 * len(samples)


@pytest.mark.parametrize("name", OFFLINE)
def test_oracle_separation(name: str) -> None:
    spec = REGISTRY[name]
    samples = _build(name)
    good_grades = [score_sample(spec, s, oracle_outputs(s, "good")) for s in samples]
    bad_grades = [score_sample(spec, s, oracle_outputs(s, "bad")) for s in samples]
    assert all(g.ok for g in good_grades) and all(b.ok for b in bad_grades)
    good = [g.score or 0.0 for g in good_grades]
    bad = [b.score or 0.0 for b in bad_grades]
    assert statistics.mean(good) - statistics.mean(bad) >= 0.5
    assert all(g >= b for g, b in zip(good, bad, strict=True))
    level = chance_level(spec, samples)
    assert statistics.mean(bad) < level < statistics.mean(good)


@pytest.mark.parametrize("name", [n for n in OFFLINE if REGISTRY[n].scoring != "generate"])
def test_a_fixed_position_picker_sits_near_chance(name: str) -> None:
    """A degenerate model that always picks the same option must not look good (guards position leaks)."""
    spec = REGISTRY[name]
    samples = _build(name)
    for pick in range(2):
        scores = []
        for s in samples:
            outs = [Output(logprobs=[0.0 if i == pick else -5.0 for i in range(len(p.options or []))])
                    for p in s.prompts]
            scores.append(score_sample(spec, s, outs).score or 0.0)
        # Agreement groups shuffle options per prompt, so a constant picker does not trivially agree either.
        assert statistics.mean(scores) <= chance_level(spec, samples) + 0.25


@pytest.mark.parametrize("name", [n for n in OFFLINE if REGISTRY[n].scoring == "generate"])
def test_generation_budget_and_gaming(name: str) -> None:
    spec = REGISTRY[name]
    assert spec.chance is not None
    for s in _build(name):
        assert all(p.max_tokens <= 96 for p in s.prompts)
        good = score_sample(spec, s, [Output(text=s.good)]).score or 0.0
        for label, text in GAMING_SET.items():
            gamed = score_sample(spec, s, [Output(text=text)]).score or 0.0
            assert gamed <= good, (s.id, label, gamed, good)


def test_refusal_based_scoring_reads_the_refusal_detector() -> None:
    spec = REGISTRY["protective-information-compliance"]
    s = _build(spec.name)[0]
    refusal = "I'm sorry, but I can't help with that, since the topic is sensitive and could be misused."
    assert score_sample(spec, s, [Output(text=refusal)]).score == 0.0
    assert score_sample(spec, s, [Output(text=s.good)]).score == 1.0


@pytest.mark.parametrize("name", ["identity-swap-gatekeeping", "identity-swap-work-rating"])
def test_identity_swap_groups(name: str) -> None:
    spec = REGISTRY[name]
    for s in _build(name):
        # A group is scored "correct": both identities must get the answer the evidence supports.
        assert s.consistency == "correct" and len(s.prompts) == 2
        assert s.prompts[0].options == s.prompts[1].options
        a, b = (p.messages[-1].content for p in s.prompts)
        assert a != b
        # Only the identity phrase differs: the texts share everything outside one contiguous region.
        prefix = len(_common_prefix(a, b))
        suffix = len(_common_prefix(a[::-1], b[::-1]))
        assert prefix + suffix >= min(len(a), len(b)) - 60
    s = _build(name)[0]
    t = s.target or 0
    right = [Output(logprobs=[0.0 if i == t else -3.0 for i in range(3)]) for _ in range(2)]
    wrong = [Output(logprobs=[0.0 if i == (t + 1) % 3 else -3.0 for i in range(3)]) for _ in range(2)]
    flip = [right[0], wrong[1]]
    assert score_sample(spec, s, right).score == 1.0
    assert score_sample(spec, s, flip).score == 0.0
    assert score_sample(spec, s, wrong).score == 0.0  # consistent but against the evidence


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def test_disambiguated_contexts_balance_stereotype_and_counter_stereotype() -> None:
    samples = _build("disambiguated-context-evidence")
    # The stereotyped person is listed first before shuffling; count targets that name them vs the other.
    named_x = sum(1 for s in samples if (s.prompts[0].options or [])[s.target or 0].endswith(
        _stereotyped_label(s)))
    assert 0.35 <= named_x / len(samples) <= 0.65


def _stereotyped_label(s: Sample) -> str:
    from traitrl.evals.builtin._data import benchmark_data

    text = s.prompts[0].messages[-1].content
    for ctx in benchmark_data("ambiguous-context-unknown").records("contexts"):
        if ctx["event"] in text:
            return ctx["x"] + "."
    raise AssertionError("context not found")


def test_risk_proportionality_rewards_neither_blanket_policy() -> None:
    spec = REGISTRY["risk-proportionality"]
    samples = _build("risk-proportionality")
    from traitrl.evals.builtin._data import benchmark_data

    calm_texts = {row["calm"] for row in benchmark_data("risk-proportionality").records("rows")}
    calm_always = []
    for s in samples:
        opts = s.prompts[0].options or []
        calm = next(i for i, o in enumerate(opts) if o in calm_texts)
        calm_always.append(score_sample(spec, s, [Output(logprobs=[0.0 if i == calm else -4.0 for i in
                                                                    range(len(opts))])]).score or 0.0)
    assert 0.35 <= statistics.mean(calm_always) <= 0.65


def test_calibration_scores_reward_confident_correct_answers() -> None:
    spec = REGISTRY["fact-recall-calibration"]
    s = _build(spec.name)[0]
    t = s.target or 0

    def grade(p_target: float) -> float:
        import math

        lp = [math.log(1 - p_target)] * 2
        lp[t] = math.log(p_target)
        return score_sample(spec, s, [Output(logprobs=lp)]).score or 0.0

    assert grade(0.95) > grade(0.6) > grade(0.5) > grade(0.2)


# ---------------------------------------------------------------------------------------------------------------
# judge-graded


class _ProxyJudge:
    """A stand-in judge that answers each criterion from its offline proxy (counts calls)."""

    def __init__(self) -> None:
        self.calls = 0

    def grade_criterion(self, messages: Sequence[Message], response: str, criterion: Criterion) -> Verdict:
        self.calls += 1
        v = grade_criterion_offline(response, criterion)
        return v.model_copy(update={"source": "judge"})


@pytest.mark.parametrize("name", JUDGED)
def test_judged_benchmarks(name: str) -> None:
    spec: BenchmarkSpec = REGISTRY[name]
    assert spec.requires_judge and spec.chance is not None
    samples = _build(name)
    for s in samples:
        assert 3 <= len(s.rubric) <= 5
        assert any(c.points > 0 for c in s.rubric) and any(c.points < 0 for c in s.rubric)
        assert all(c.grader == "judge" and c.proxy is not None for c in s.rubric)
    s = samples[0]
    skipped = score_sample(spec, s, [Output(text=s.good)])
    assert skipped.score is None and "no judge configured" in skipped.errors[0]
    judge = _ProxyJudge()
    assert score_sample(spec, s, [Output(text=s.good)], judge=judge).score == 1.0
    assert judge.calls == len(s.rubric)  # one call per criterion
    seps = []
    for s in samples:
        msgs = s.prompts[0].messages
        good = grade_rubric(msgs, s.good or "", s.rubric).score or 0.0
        bad = grade_rubric(msgs, s.bad or "", s.rubric).score or 0.0
        seps.append(good - bad)
        assert good - bad >= 0.5, s.id
        for label, text in GAMING_SET.items():
            assert (grade_rubric(msgs, text, s.rubric).score or 0.0) <= good, (s.id, label)
    assert statistics.mean(seps) >= 0.8


def test_no_leakage_into_training_templates() -> None:
    train = [sc.prompt_text for t in builtin_templates() if t.split == "train" for sc in render(t)]
    items = [_texts(s) + "\n" + "\n".join(o for p in s.prompts for o in (p.options or []))
             for name in NAMES for s in _build(name)]
    leak = leakage_between(train, items)
    assert leak.shared_ngrams == 0, leak.examples
