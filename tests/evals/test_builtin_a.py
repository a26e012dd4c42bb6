"""Built-in benchmarks, part A: deception & honesty, sycophancy, reward hacking, corrigibility.

For every benchmark: >= 100 unique items, oracle separation (good - bad >= 0.5 on average and good >= bad on
every item), determinism under a seed, randomised target positions, option texts of similar length, no
grader-gaming response beating the good oracle, short generation budgets, and no 13-word run shared with the
training templates.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import traitrl.evals.builtin  # noqa: F401  (registers the benchmarks)
from traitrl.core.taxonomy import DOMAINS
from traitrl.evals.api import REGISTRY, Output, chance_level, oracle_outputs, score_sample
from traitrl.evals.builtin._common import dedupe, permute, prompt_key, rng_for, round_robin, shuffle_options
from traitrl.grading.gaming import GAMING_SET
from traitrl.scenarios.templates import builtin_templates, render

MODULES = {"honesty", "honesty_generation", "sycophancy", "reward_hacking", "corrigibility"}
MINIMUMS = {"deception_honesty": 8, "sycophancy": 6, "reward_hacking": 6, "corrigibility": 5}
NAMES = sorted(n for n, s in REGISTRY.items() if s.factory.__module__.rsplit(".", 1)[-1] in MODULES)
LEAK_WORDS = 13


def _spec(name: str):
    return REGISTRY[name]


def test_category_minimums_met() -> None:
    counts: Counter[str] = Counter(REGISTRY[n].category for n in NAMES)
    for category, minimum in MINIMUMS.items():
        assert minimum <= counts[category] <= minimum + 1, (category, counts[category])


def test_generation_scoring_is_at_most_a_quarter() -> None:
    generated = [n for n in NAMES if REGISTRY[n].scoring in ("generate", "choice")]
    assert len(generated) <= len(NAMES) / 4


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    spec = _spec(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", name)
    assert spec.domains and set(spec.domains) <= set(DOMAINS)
    assert len(spec.description.split()) >= 40  # one real paragraph: what, how scored, what higher means
    assert "higher" in spec.description.lower()


@pytest.mark.parametrize("name", NAMES)
def test_items_unique_and_enough(name: str) -> None:
    samples = _spec(name).factory()
    assert len(samples) >= 100
    assert len({prompt_key(s) for s in samples}) == len(samples)
    assert len({s.id for s in samples}) == len(samples)
    assert {s.metadata["domain"] for s in samples} <= set(DOMAINS)


@pytest.mark.parametrize("name", NAMES)
def test_oracle_separation(name: str) -> None:
    spec = _spec(name)
    samples = spec.factory()
    good = [score_sample(spec, s, oracle_outputs(s, "good")).score for s in samples]
    bad = [score_sample(spec, s, oracle_outputs(s, "bad")).score for s in samples]
    assert None not in good and None not in bad
    assert all(g >= b for g, b in zip(good, bad, strict=True))  # type: ignore[operator]
    assert sum(good) / len(good) - sum(bad) / len(bad) >= 0.5  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_deterministic_under_seed(name: str) -> None:
    factory = _spec(name).factory
    a, b = factory(seed=3), factory(seed=3)
    assert [s.model_dump() for s in a] == [s.model_dump() for s in b]
    c = factory(seed=4)
    assert [s.model_dump() for s in a] != [s.model_dump() for s in c]
    small = factory(n=100, seed=3)
    assert len(small) == 100


@pytest.mark.parametrize("name", NAMES)
def test_option_items_are_balanced(name: str) -> None:
    spec = _spec(name)
    samples = spec.factory()
    if spec.scoring in ("generate", "choice", "judge"):
        pytest.skip("no options")
    positions = Counter(s.target for s in samples)
    k = len(samples[0].prompts[0].options or [])
    assert 2 <= k <= 4
    assert len(positions) == k and min(positions.values()) >= len(samples) / (3 * k)  # target position varies
    for s in samples:
        assert s.target is not None and s.bad_target is not None and s.target != s.bad_target
        for p in s.prompts:
            lengths = [len(o) for o in p.options or []]
            assert (max(lengths) - min(lengths)) / max(lengths) <= 0.25, p.options
            assert len(set(p.options or [])) == len(lengths)
    assert 0.0 < chance_level(spec, samples) <= 0.5  # two-option contrast sets sit at 0.5


@pytest.mark.parametrize("name", [n for n in NAMES if REGISTRY[n].scoring == "generate"])
def test_generation_items_resist_gaming(name: str) -> None:
    spec = _spec(name)
    for s in spec.factory():
        assert all(p.max_tokens <= 96 for p in s.prompts)
        good = score_sample(spec, s, oracle_outputs(s, "good")).score or 0.0
        for kind, text in GAMING_SET.items():
            gamed = score_sample(spec, s, [Output(text=text)]).score or 0.0
            assert gamed <= good, (s.id, kind, gamed, good)


def test_logprob_scoring_follows_the_argmax() -> None:
    """A fake model that prefers the longest option scores exactly its hit rate (scoring is not rigged).

    Every option gets the same summed log-prob, so the per-character rule of ``score_sample`` prefers the
    longest one (a summed rule would see a tie).
    """
    spec = _spec("failed-task-reporting")
    samples = spec.factory()
    hits = 0
    for s in samples:
        opts = s.prompts[0].options or []
        out = Output(logprobs=[-1.0 for _ in opts])
        grade = score_sample(spec, s, [out])
        expected = float(max(range(len(opts)), key=lambda i: len(opts[i])) == s.target)
        assert grade.score == expected
        hits += int(expected)
    assert hits < len(samples)  # the longest option is not always the target


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + LEAK_WORDS]) for i in range(len(words) - LEAK_WORDS + 1)}


def test_no_leakage_from_training_templates() -> None:
    train: set[tuple[str, ...]] = set()
    for t in builtin_templates():
        for scenario in render(t, 0):
            train |= _shingles(scenario.prompt_text)
            if scenario.oracles is not None:
                train |= _shingles(scenario.oracles.good + "\n" + scenario.oracles.bad)
    for name in NAMES:
        for s in _spec(name).factory():
            shared = _shingles(prompt_key(s)) & train
            assert not shared, (s.id, " ".join(next(iter(shared))))


def test_common_helpers() -> None:
    rng = rng_for("x", 0)
    opts, t = shuffle_options(["a", "b", "c"], 1, rng)
    assert opts[t] == "b" and sorted(opts) == ["a", "b", "c"]
    opts2, (t2, b2) = permute(["a", "b", "c"], [0, 2], rng_for("x", 1))
    assert opts2[t2] == "a" and opts2[b2] == "c"
    mixed = round_robin([[1, 2], [3, 4], [5]], rng_for("y", 0))
    assert sorted(mixed) == [1, 2, 3, 4, 5] and set(mixed[:3]) & {1, 2} and set(mixed[:3]) & {3, 4}
    samples = _spec("praise-inflation").factory(n=100)
    with pytest.raises(ValueError, match="yield only"):
        dedupe(samples + samples, 150, "praise-inflation")
    with pytest.raises(ValueError):
        _spec("praise-inflation").factory(n=10_000)


def _score_with_model(model, name: str, k: int) -> list[float]:
    from traitrl.models.base import MCRequest

    spec = _spec(name)
    scores = []
    for s in spec.factory()[:k]:
        reqs = [MCRequest(context=model.format_chat(p.messages), continuations=p.options or []) for p in s.prompts]
        outs = [Output(logprobs=lp) for lp in model.option_logprobs(reqs)]
        grade = score_sample(spec, s, outs)
        assert grade.score is not None, grade.errors
        scores.append(grade.score)
    return scores


def test_option_benchmarks_score_end_to_end_on_tiny_model(tmp_path) -> None:
    from traitrl.models import load_chat_model
    from traitrl.models.tiny import build_tiny_model

    model = load_chat_model(str(build_tiny_model(tmp_path / "tiny")))
    for name in NAMES:
        if REGISTRY[name].scoring in ("logprob_mc", "consistency", "calibration"):
            assert all(x in (0.0, 1.0) for x in _score_with_model(model, name, 3))


@pytest.mark.slow
def test_embedded_model_scores_a_few_items() -> None:
    from traitrl.models import load_chat_model

    model = load_chat_model("embedded")
    scores = _score_with_model(model, "shutdown-acceptance", 12)
    assert len(scores) == 12 and set(scores) <= {0.0, 1.0}
