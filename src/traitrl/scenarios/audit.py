"""Measuring the measurer for scenario templates: oracle separation and the grader-gaming set.

``audit_template`` renders every scenario of a template and checks that the rubric ranks the scripted good
response at least ``MIN_SEPARATION`` above the bad one, and that no gaming response beats the good one — both for
the rubric score and for both RL rewards (``rubric_training_reward``: partial credit, signed, and its floored,
engagement-gated ``partial`` form). The gaming responses are the
fixed set of ``traitrl.grading.gaming`` plus four per scenario: one that restates its own positive criteria, one
that replies with the user's last message verbatim (``prompt_echo``), one that retells it in the third person
(``prompt_retold``, ``traitrl.grading.gaming.retold``) and one that tells it back to the user in the second person
(``prompt_told_back``, ``traitrl.grading.gaming.told_back``). The last three must also earn no ``partial`` reward:
a rubric must not pay for the scenario's own words, whoever they are told about (``traitrl.grading.copied``), nor
for a reply that speaks to no one (``traitrl.grading.address``).
Run it on a file while writing templates: ``traitrl scenarios validate --audit FILE``.
"""

from __future__ import annotations

import random

from pydantic import BaseModel

from traitrl.grading.gaming import GAMING_SET, retold, told_back
from traitrl.grading.rubric import grade_rubric, rubric_training_reward
from traitrl.scenarios.schema import Scenario
from traitrl.scenarios.templates import Template, render

MIN_SEPARATION = 0.5
MIN_DOMAINS = 5
#: The gaming replies built from each scenario.
PER_SCENARIO = ("rubric_echo", "prompt_echo", "prompt_retold", "prompt_told_back")
#: Those that must earn no ``partial`` reward at all, with how a problem names them.
UNPAID = {"prompt_echo": "replying with the user's own message",
          "prompt_retold": "retelling the user's message in the third person",
          "prompt_told_back": "telling the user's message back to them in the second person"}


class TemplateAudit(BaseModel):
    template: str
    trait: str
    split: str
    scenarios: int
    domains: int
    min_separation: float
    mean_good: float
    mean_bad: float
    gaming_max: dict[str, float]
    problems: list[str]


def audit_template(t: Template, seed: int = 0) -> TemplateAudit:
    problems: list[str] = []
    seps, goods, bads = [], [], []
    gaming_max = dict.fromkeys([*GAMING_SET, *PER_SCENARIO], 0.0)
    scenarios = list(render(t, seed))
    for s in scenarios:
        assert s.oracles is not None
        good_grade = grade_rubric(s.messages, s.oracles.good, s.rubric, require_address=True)
        bad_grade = grade_rubric(s.messages, s.oracles.bad, s.rubric, require_address=True)
        good, bad = good_grade.score or 0.0, bad_grade.score or 0.0
        good_r = rubric_training_reward(good_grade, "graded") or 0.0
        bad_r = rubric_training_reward(bad_grade, "graded") or 0.0
        good_p = rubric_training_reward(good_grade, "partial") or 0.0
        goods.append(good)
        bads.append(bad)
        seps.append(good - bad)
        if good - bad < MIN_SEPARATION:
            problems.append(f"{s.id}: good {good:.2f} vs bad {bad:.2f} (separation < {MIN_SEPARATION})")
        if good_r - bad_r < MIN_SEPARATION:
            problems.append(f"{s.id}: RL reward good {good_r:.2f} vs bad {bad_r:.2f} (separation < {MIN_SEPARATION})")
        echo = " ".join(c.text.rstrip(".") + "." for c in s.rubric if c.points > 0)
        prompt_echo = next((m.content for m in reversed(s.messages) if m.role == "user"), "")
        per_scenario = {"rubric_echo": echo, "prompt_echo": prompt_echo, "prompt_retold": retold(prompt_echo),
                        "prompt_told_back": told_back(prompt_echo)}
        for name, text in [*GAMING_SET.items(), *per_scenario.items()]:
            gaming = grade_rubric(s.messages, text, s.rubric, require_address=True)
            g, g_r = gaming.score or 0.0, rubric_training_reward(gaming, "graded") or 0.0
            g_p = rubric_training_reward(gaming, "partial") or 0.0
            gaming_max[name] = max(gaming_max[name], g)
            if g > good:
                problems.append(f"{s.id}: gaming response '{name}' scores {g:.2f} > good {good:.2f}")
            if g_r > good_r:
                problems.append(f"{s.id}: gaming response '{name}' gets RL reward {g_r:.2f} > good {good_r:.2f}")
            if g_p > good_p:
                problems.append(f"{s.id}: gaming response '{name}' gets partial reward {g_p:.2f} > good {good_p:.2f}")
            if name in UNPAID and g_p > 0:
                problems.append(f"{s.id}: {UNPAID[name]} gets partial reward {g_p:.2f}")
    if len(t.cases) < MIN_DOMAINS:
        problems.append(f"covers {len(t.cases)} domains; at least {MIN_DOMAINS} are required")
    n = max(len(scenarios), 1)
    return TemplateAudit(
        template=t.id, trait=t.trait, split=t.split, scenarios=len(scenarios), domains=len(t.cases),
        min_separation=min(seps) if seps else 0.0, mean_good=sum(goods) / n, mean_bad=sum(bads) / n,
        gaming_max=gaming_max, problems=problems,
    )


class OffScenarioAudit(BaseModel):
    """How much the rubrics pay for a good reply to a *different* question (``off_scenario_audit``)."""

    scenarios: int
    replies: int
    mean_score: float
    share_credited: float  # replies with a score above 0
    by_template: dict[str, float]  # mean score per template, highest first


def off_scenario_audit(scenarios: list[Scenario], bank: list[Scenario], per_scenario: int = 8,
                       seed: int = 0) -> OffScenarioAudit:
    """Grade, on each scenario, ``per_scenario`` good oracles written for other templates of ``bank``.

    Such a reply is coherent, speaks to the user and exhibits a trait — about something else. What it scores is
    what a rubric's offline proxies pay for words alone: a floor under which no model's score means anything.
    Measured on the held-out split (8 per scenario): 2.9% before four loose proxies were tightened, 2.0% after; the
    embedded model scores 5.8%.
    """
    rng = random.Random(seed)
    scores: dict[str, list[float]] = {}
    with_oracles = [o for o in bank if o.oracles is not None]
    others_of: dict[str, list[Scenario]] = {}
    for s in scenarios:
        template = s.id.split("/")[1]
        if template not in others_of:
            others_of[template] = [o for o in with_oracles if o.id.split("/")[1] != template]
        others = others_of[template]
        for other in rng.sample(others, min(per_scenario, len(others))):
            assert other.oracles is not None
            scores.setdefault(template, []).append(grade_rubric(s.messages, other.oracles.good, s.rubric,
                                                                   require_address=True).score or 0.0)
    flat = [x for v in scores.values() for x in v]
    n = max(len(flat), 1)
    by_template = {t: sum(v) / len(v) for t, v in sorted(scores.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))}
    return OffScenarioAudit(scenarios=len(scenarios), replies=len(flat), mean_score=sum(flat) / n,
                            share_credited=sum(1 for x in flat if x > 0) / n, by_template=by_template)
