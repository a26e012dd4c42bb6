from __future__ import annotations

import json
from pathlib import Path

import pytest

from traitrl.core.taxonomy import DOMAINS, TRAITS, extend_from_yaml
from traitrl.grading.gaming import GAMING_SET
from traitrl.scenarios.audit import MIN_SEPARATION, audit_template, off_scenario_audit
from traitrl.scenarios.bank import bank_stats, build_bank
from traitrl.scenarios.io import ScenarioFileError, read_scenarios, write_scenarios
from traitrl.scenarios.leakage import leakage_between
from traitrl.scenarios.schema import Scenario
from traitrl.scenarios.templates import builtin_templates, load_template_file


@pytest.fixture(scope="module")
def bank() -> list[Scenario]:
    return build_bank(seed=0)


def test_bank_meets_issue_counts(bank: list[Scenario]) -> None:
    st = bank_stats(bank)
    assert st.scenarios["train"] >= 2000
    assert set(st.cells) == set(TRAITS)
    for trait, cells in st.cells.items():
        assert set(cells) == set(DOMAINS), f"{trait} misses domains {set(DOMAINS) - set(cells)}"
    for trait, counts in st.templates_per_trait.items():
        assert counts.get("train", 0) >= 10, trait
        assert counts.get("heldout", 0) >= 1, trait
    assert st.heldout_templates_disjoint
    assert st.unique_prompts == len(bank)
    assert len({s.id for s in bank}) == len(bank)


def test_no_leakage_between_splits(bank: list[Scenario]) -> None:
    train = [s.prompt_text for s in bank if s.split == "train"]
    heldout = [s.prompt_text for s in bank if s.split == "heldout"]
    leak = leakage_between(train, heldout)
    assert leak.shared_ngrams == 0, leak.examples


def test_leakage_check_detects_a_copy() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    assert leakage_between([text], ["prefix " + text.upper() + "!"]).shared_ngrams == 2
    assert leakage_between([text], [" ".join(text.split()[:12])]).shared_ngrams == 0


def test_bank_is_deterministic_for_a_seed() -> None:
    a = build_bank(seed=3, shuffle=True)
    b = build_bank(seed=3, shuffle=True)
    assert [s.model_dump() for s in a] == [s.model_dump() for s in b]
    assert {s.id for s in build_bank(seed=4)} == {s.id for s in a}


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.id)
def test_every_template_separates_oracles_and_resists_gaming(template) -> None:  # type: ignore[no-untyped-def]
    audit = audit_template(template)
    assert audit.problems == []
    assert audit.min_separation >= MIN_SEPARATION
    assert set(audit.gaming_max) == {*GAMING_SET, "rubric_echo", "prompt_echo", "prompt_retold",
                                      "prompt_told_back"}
    assert audit.gaming_max["rubric_echo"] == 0.0  # restating the rubric is caught by the guard, not just outscored


def test_roundtrip_all_formats(tmp_path: Path, bank: list[Scenario]) -> None:
    sample = bank[::50]
    for name in ("s.jsonl", "s.parquet", "ds"):
        write_scenarios(sample, tmp_path / name)
        assert read_scenarios(tmp_path / name) == sample


def test_malformed_jsonl_names_file_line_and_field(tmp_path: Path, bank: list[Scenario]) -> None:
    good = bank[0].model_dump(exclude_none=True)
    bad = json.loads(json.dumps(good))
    bad["rubric"][0]["points"] = 0
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(ScenarioFileError) as err:
        read_scenarios(path)
    assert err.value.line == 2 and err.value.field.startswith("rubric.0") and str(path) in str(err.value)
    path.write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(ScenarioFileError, match=r"broken.jsonl:2: field '<json>'"):
        read_scenarios(path)
    good["trait"] = "bravery"
    path.write_text(json.dumps(good) + "\n")
    with pytest.raises(ScenarioFileError, match="unknown trait 'bravery'"):
        read_scenarios(path)


def test_malformed_template_yaml_names_template_and_field(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "trait: truthfulness\ntemplates:\n  - id: x-one\n    split: train\n    situation: uncertainty\n"
        "    messages: [{role: user, content: 'about {topic}'}]\n    cases: {health: [{other: y}]}\n"
        "    rubric: [{text: 'Says so.', points: 1, grader: rule, rule: {any_of: [a]}},"
        " {text: 'Says so.', points: 1, grader: rule, rule: {any_of: [a]}},"
        " {text: 'Says so.', points: -1, grader: rule, rule: {any_of: [b]}}]\n"
        "    oracles: {good: g, bad: b}\n"
    )
    with pytest.raises(ValueError, match=r"t.yaml: template 'x-one'.*lacks slot\(s\) topic"):
        load_template_file(path)


def test_taxonomy_extends_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "tax.yaml"
    path.write_text("domains:\n  - {name: agriculture, title: Agriculture, definition: Farming and food supply.}\n")
    try:
        assert extend_from_yaml(path) == ([], ["agriculture"])
        assert "agriculture" in DOMAINS
    finally:
        DOMAINS.pop("agriculture", None)
    path.write_text("traits:\n  - {name: Bad Name, title: x, definition: y}\n")
    with pytest.raises(ValueError, match="traits.0.name"):
        extend_from_yaml(path)


def test_no_leakage_between_training_scenarios_and_benchmarks(bank: list[Scenario]) -> None:
    from traitrl.cli.scenarios import _benchmark_texts

    texts = _benchmark_texts()
    assert len(texts) > 5000  # every built-in benchmark contributes its prompts
    leak = leakage_between([s.prompt_text for s in bank if s.split == "train"], texts)
    assert leak.shared_ngrams == 0, leak.examples


def test_rubrics_pay_little_for_a_good_reply_to_another_question() -> None:
    # Good oracles of other templates graded on each held-out scenario: what the offline proxies pay for words
    # alone. 2.9% before four loose held-out proxies were tightened, 2.0% after (the embedded model: 5.8%).
    bank = build_bank(seed=0)
    heldout = [s for s in bank if s.split == "heldout"]
    audit = off_scenario_audit(heldout, bank)
    assert audit.replies == 8 * len(heldout)
    assert audit.mean_score < 0.025, audit.by_template
    assert max(audit.by_template.values()) < 0.10, audit.by_template
