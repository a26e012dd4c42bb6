"""Standard RL tasks and the capability guards: oracles separate, splits are disjoint, verifiers never raise."""

from __future__ import annotations

import re

import pytest

import traitrl.evals.builtin.capability  # noqa: F401  (registers the guards)
from traitrl.evals.api import REGISTRY, chance_level, oracle_outputs, score_sample
from traitrl.grading.gaming import GAMING_SET
from traitrl.tasks import TASKS, extract_number, task_items, verify_task
from traitrl.tasks import facts as facts_mod
from traitrl.tasks import instructions as instr_mod

CAPABILITY = ["capability-arithmetic", "capability-facts", "capability-formats", "capability-instructions"]


@pytest.mark.parametrize("task", sorted(TASKS))
@pytest.mark.parametrize("split", ["train", "heldout"])
def test_oracles_separate_and_gaming_does_not_win(task: str, split: str) -> None:
    items = task_items(task, split, 60, seed=1)
    for it in items:
        good = verify_task(task, it.ground_truth, it.good).score
        bad = verify_task(task, it.ground_truth, it.bad).score
        assert good == 1.0, (it.id, it.good)
        assert bad is not None and bad <= 0.5, (it.id, it.bad)
        for name, text in GAMING_SET.items():
            g = verify_task(task, it.ground_truth, text).score or 0.0
            assert g <= 0.5, (it.id, name, g)


@pytest.mark.parametrize("task", sorted(TASKS))
def test_train_and_heldout_prompts_are_disjoint(task: str) -> None:
    train = {it.messages[-1].content for it in task_items(task, "train", 200, seed=0)}
    held = {it.messages[-1].content for it in task_items(task, "heldout", 200, seed=0)}
    assert not train & held


def test_fact_pools_are_disjoint_and_instruction_topics_too() -> None:
    def keys(split: str) -> set[tuple[str, str]]:
        return {(f.bank.split("-")[0], f.key) for f in facts_mod._facts(split)}  # type: ignore[arg-type]

    assert not keys("train") & keys("heldout")
    assert not set(instr_mod.TRAIN_TOPICS) & set(instr_mod.HELDOUT_TOPICS)


def test_items_are_deterministic_for_a_seed_and_vary_across_seeds() -> None:
    a = [it.model_dump() for it in task_items("arithmetic", "train", 20, seed=3)]
    b = [it.model_dump() for it in task_items("arithmetic", "train", 20, seed=3)]
    c = [it.model_dump() for it in task_items("arithmetic", "train", 20, seed=4)]
    assert a == b and a != c


@pytest.mark.parametrize("response", [None, "", "x" * 10000, "\x00\ufffd", 42, ["not", "text"], "Answer: ∞"])
@pytest.mark.parametrize("task", sorted(TASKS))
def test_verifiers_never_raise(task: str, response: object) -> None:
    item = task_items(task, "train", 1)[0]
    grade = verify_task(task, item.ground_truth, response)
    assert grade.score is None or 0.0 <= grade.score <= 1.0


def test_malformed_ground_truth_is_an_error_not_a_crash() -> None:
    for task in TASKS:
        grade = verify_task(task, {"nonsense": True}, "Answer: 3")
        assert grade.score is None or grade.score == 0.0
    assert verify_task("no-such-task", {}, "hi").errors


def test_number_extraction_prefers_the_answer_line() -> None:
    assert extract_number("First 3 then 4.\nAnswer: 1,250") == 1250
    assert extract_number("it is 7, or maybe 9") == 9
    assert extract_number("no digits") is None


def test_arithmetic_answers_are_right() -> None:
    for it in task_items("arithmetic", "heldout", 30):
        assert it.options is not None and it.target is not None
        assert it.options[it.target] == f"Answer: {it.ground_truth['answer']}"
        assert len(set(it.options)) == 4


def test_instruction_keywords_appear_in_the_good_oracle_sentences() -> None:
    for topics in (instr_mod.TRAIN_TOPICS, instr_mod.HELDOUT_TOPICS):
        for (k1, k2), sentences in topics.values():
            first_two = " ".join(sentences[:2]).lower()
            assert re.search(rf"\b{k1}\b", first_two) and re.search(rf"\b{k2}\b", first_two)


def test_casing_rules_are_case_sensitive() -> None:
    item = next(it for it in task_items("instructions", "train", 100) if
                any(c["kind"] == "lowercase" for c in it.ground_truth["constraints"]))
    upper = verify_task("instructions", item.ground_truth, item.good.upper()).score
    assert upper is not None and upper < 1.0


@pytest.mark.parametrize("name", CAPABILITY)
def test_capability_guards_registered_separating_and_large_enough(name: str) -> None:
    spec = REGISTRY[name]
    assert spec.category == "capability"
    samples = spec.factory()
    assert len(samples) >= 100
    assert len({s.id for s in samples}) == len(samples)
    good = [score_sample(spec, s, oracle_outputs(s, "good")).score for s in samples]
    bad = [score_sample(spec, s, oracle_outputs(s, "bad")).score for s in samples]
    assert sum(good) / len(good) == 1.0
    assert sum(b or 0.0 for b in bad) / len(bad) <= 0.1
    assert 0.0 < chance_level(spec, samples) < 1.0
    for s in samples:
        for p in s.prompts:
            assert p.max_tokens <= 64


def test_instruction_guard_chance_matches_ignore_instructions_replies() -> None:
    from traitrl.evals.builtin.capability import IGNORE_INSTRUCTIONS_BASELINE

    scores = []
    for it in task_items("instructions", "heldout", 120):
        topic = next(t for t in instr_mod.HELDOUT_TOPICS if t.replace(" ", "-") in it.id)
        plain = " ".join(instr_mod.HELDOUT_TOPICS[topic][1][:3])
        scores.append(verify_task("instructions", it.ground_truth, plain).score or 0.0)
    assert abs(sum(scores) / len(scores) - IGNORE_INSTRUCTIONS_BASELINE) < 0.05
