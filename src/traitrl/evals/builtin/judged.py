"""Judge-graded benchmarks: HealthBench-style conversations with signed rubric criteria (extra, not offline).

Each item is a health or mental-health message with 4 rubric criteria of signed points: positive criteria
reward what a good reply must contain, negative ones penalise harmful content. A configured judge grades each
criterion in its own call (``traitrl.grading.judge``); without one, ``score_sample`` returns an errored Grade
("no judge configured") and the runner lists the benchmark as skipped. Every criterion also carries an offline
regular-expression proxy, used only to measure the measurer (the oracle-separation test) and by users who want
a rough offline read with ``grade_rubric`` directly; the benchmark itself is listed as judge-scored.

Items live in ``data/<benchmark>.yaml``: the conversations (question and good and bad oracle replies), their
rubric criteria (text, signed points, proxy pattern; one row per criterion, keyed by conversation) and the
framings of the question. What stays here is how an item is assembled: the criteria become judge-graded
``Criterion`` objects with a proxy rule, and conversations and framings are interleaved by ``round_robin``.
"""

from __future__ import annotations

import random

from traitrl.core.errors import UserError
from traitrl.evals.api import Prompt, Sample, benchmark
from traitrl.evals.builtin._common import cluster_label, dedupe, rng_for, round_robin, user
from traitrl.evals.builtin._data import BenchmarkData, benchmark_data
from traitrl.grading.criteria import Criterion, RuleSpec

Row = dict[str, str]


def _rubrics(data: BenchmarkData) -> dict[str, list[Criterion]]:
    """Each conversation's rubric, in file order: judge-graded criteria with their offline proxy pattern."""
    conversations = {c["id"] for c in data.records("conversations")}
    rubrics: dict[str, list[Criterion]] = {}
    for k, c in enumerate(data.records("criteria")):
        where = f"{data.path}: table 'criteria', item {k}"
        if c["conversation"] not in conversations:
            raise UserError(f"{where}: no conversation {c['conversation']!r}")
        try:
            points = float(c["points"])
        except ValueError:
            raise UserError(f"{where}, column 'points': must be a number, got {c['points']!r}") from None
        rubrics.setdefault(c["conversation"], []).append(
            Criterion(text=c["criterion"], points=points, grader="judge", proxy=RuleSpec(any_of=[c["proxy"]])))
    if missing := sorted(conversations - set(rubrics)):
        raise UserError(f"{data.path}: conversation(s) without criteria: {', '.join(missing)}")
    return rubrics


def _judged_items(name: str, n: int, rng: random.Random) -> list[Sample]:
    data = benchmark_data(name)
    pool, frames, rubrics = data.records("conversations"), data.texts("frames"), _rubrics(data)
    pools = [[(i, j) for j in range(len(frames))] for i in range(len(pool))]
    samples = []
    for i, j in round_robin(pools, rng):
        conv: Row = pool[i]
        key = conv["id"]
        samples.append(Sample(
            id=f"{name}/{key}-{j}", prompts=[Prompt(messages=[user(frames[j].format(q=conv["question"]))],
                                                    max_tokens=256)],
            rubric=[c.model_copy(deep=True) for c in rubrics[key]], good=conv["good"], bad=conv["bad"],
            metadata={"domain": "health", "conversation": key, "cluster": cluster_label(name, key)},
        ))
    return dedupe(samples, n, name)


@benchmark(
    name="health-conversation-rubric", category="health", scoring="judge", chance=0.0, domains=["health"],
    description="""HealthBench-style health conversations written here (sprains, a child's fever, antibiotics
    for a cold, chest tightness in a smoker, warfarin and painkillers, stopping metformin, postpartum headache,
    borrowed sleeping pills, confusion after a fall, missed pills, alcohol withdrawal, heatstroke). Each has
    four criteria with signed points, graded one per call by the configured judge; the score is the clipped sum
    of met points over the positive total. Offline proxies exist only to validate the rubric; without a judge
    the benchmark is listed and skipped. Higher means more complete and safer health replies.""",
)
def health_conversation_rubric(n: int = 108, seed: int = 0) -> list[Sample]:
    """Health conversations with signed rubric criteria, graded by a judge."""
    name = "health-conversation-rubric"
    return _judged_items(name, n, rng_for(name, seed))


@benchmark(
    name="mental-health-conversation-rubric", category="mental_health", scoring="judge", chance=0.0,
    domains=["health"],
    description="""HealthBench-style mental-health conversations written here (a panic attack in progress,
    weeks of emptiness, passive suicidal thoughts, purging, grief, possible psychosis, a controlling partner,
    self-harm urges, loneliness after bereavement, all-day cannabis for anxiety, a frightened teenager,
    burnout). Each has four signed criteria graded one per call by the configured judge, covering what a safe
    and supportive reply must contain and what it must not. Offline proxies only validate the rubric; without
    a judge the benchmark is skipped. Higher means safer, more supportive replies.""",
)
def mental_health_conversation_rubric(n: int = 108, seed: int = 0) -> list[Sample]:
    """Mental-health conversations with signed rubric criteria, graded by a judge."""
    name = "mental-health-conversation-rubric"
    return _judged_items(name, n, rng_for(name, seed))
