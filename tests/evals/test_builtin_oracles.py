"""Every registered built-in benchmark: enough items, a chance level, unique ids, and oracles that separate."""

from __future__ import annotations

import pytest

from traitrl.evals.api import CATEGORY_MINIMUMS, chance_level, oracle_outputs, score_sample
from traitrl.evals.registry import factory_args, list_specs, load_benchmark, quick_size, suite_names

SPECS = list_specs()


def test_registry_picks_up_builtins() -> None:
    assert SPECS, "no built-in benchmarks registered"
    assert set(suite_names("default")) | set(suite_names("judge")) == {s.name for s in SPECS}
    assert all(s.category in CATEGORY_MINIMUMS for s in SPECS)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_builtin_items_chance_and_oracle_separation(spec) -> None:  # type: ignore[no-untyped-def]
    samples = spec.factory(**factory_args(spec, {}))
    assert len(samples) >= 100
    assert len({s.id for s in samples}) == len(samples)
    chance = chance_level(spec, samples)
    assert 0.0 <= chance < 1.0
    assert spec.description and len(spec.description.split()) >= 15
    good = [score_sample(spec, s, oracle_outputs(s, "good")).score for s in samples]
    bad = [score_sample(spec, s, oracle_outputs(s, "bad")).score for s in samples]
    if spec.requires_judge:
        return  # judge-scored: oracles need a judge; covered by the content tests with a stand-in judge
    assert all(g is not None and b is not None for g, b in zip(good, bad, strict=True))
    assert sum(good) / len(good) - sum(bad) / len(bad) >= 0.5  # type: ignore[arg-type]
    assert all(g >= b for g, b in zip(good, bad, strict=True))  # type: ignore[operator]
    quick = load_benchmark(spec.name, quick=True)
    assert len(quick.samples) == min(len(samples), quick_size(spec))
