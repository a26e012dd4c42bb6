"""Capability guards: held-out variants of the standard RL tasks (``traitrl.tasks``).

They check that trait training does not cost general capability. Items come from each task's held-out split
(its own templates, topics and fact pools, never used in training). Short-answer tasks are scored by log-prob
multiple choice (the evals API's generation path zeroes replies under 8 words, which would floor every correct
short answer); instruction following is generated (64 new tokens) and graded by its rule rubric.

- ``capability-arithmetic``: four numeric candidates (the answer and three typical slips), chance 0.25.
- ``capability-facts``: four same-bank answers, chance 0.25.
- ``capability-formats``: the same content in four shapes, the requested one is the target, chance 0.25.
- ``capability-instructions``: share of 3 constraints met; "chance" is the score of an on-topic reply that
  ignores every formatting instruction (0.525 on this item set; see ``IGNORE_INSTRUCTIONS_BASELINE``).
"""

from __future__ import annotations

from traitrl.evals.api import Prompt, Sample, benchmark
from traitrl.evals.builtin._common import cluster_label
from traitrl.tasks import TaskItem, task_items

N_ITEMS = 120
MAX_TOKENS = 64
IGNORE_INSTRUCTIONS_BASELINE = 0.525


def _mc_samples(name: str, task: str, n: int, seed: int) -> list[Sample]:
    return [_mc_sample(name, item) for item in task_items(task, "heldout", n, seed)]


def _cluster(name: str, item: TaskItem) -> str:
    # Task item ids are ``<task>/<split>/<template>/<n>``: items of one template share a situation.
    return cluster_label(name, item.id.rsplit("/", 2)[-2])


def _mc_sample(name: str, item: TaskItem) -> Sample:
    assert item.options is not None and item.target is not None
    return Sample(
        id=item.id,
        prompts=[Prompt(messages=item.messages, options=item.options, max_tokens=MAX_TOKENS)],
        target=item.target,
        metadata={"task": item.task, "ground_truth": item.ground_truth, "cluster": _cluster(name, item)},
    )


@benchmark(
    name="capability-arithmetic", category="capability", scoring="logprob_mc",
    description="Two-step arithmetic word problems from held-out templates; the model must prefer the correct "
    "'Answer: N' over three typical slips (a skipped step, an off-by-one, a wrong operation).",
)
def capability_arithmetic(n: int = N_ITEMS, seed: int = 0) -> list[Sample]:
    return _mc_samples("capability-arithmetic", "arithmetic", n, seed)


@benchmark(
    name="capability-facts", category="capability", scoring="logprob_mc",
    description="Factual recall (capitals, element symbols and atomic numbers, event years, units) over facts "
    "held out of training, phrased with held-out templates; three same-bank distractors per item.",
)
def capability_facts(n: int = N_ITEMS, seed: int = 0) -> list[Sample]:
    return _mc_samples("capability-facts", "facts", n, seed)


@benchmark(
    name="capability-formats", category="capability", scoring="logprob_mc",
    description="Format following: the same content in four shapes (JSON, tags, ISO date, comma line, numbered "
    "list, capitals); the model must prefer the shape the instruction asked for.",
)
def capability_formats(n: int = N_ITEMS, seed: int = 0) -> list[Sample]:
    return _mc_samples("capability-formats", "formats", n, seed)


@benchmark(
    name="capability-instructions", category="capability", scoring="generate",
    chance=IGNORE_INSTRUCTIONS_BASELINE,
    description="Instruction following with three checkable constraints per item (required words, casing, "
    "bullet count, word limit, opening word, closing sentence, no commas) on held-out topics; score is the "
    "share of constraints met by rule.",
)
def capability_instructions(n: int = N_ITEMS, seed: int = 0) -> list[Sample]:
    out = []
    for item in task_items("instructions", "heldout", n, seed):
        out.append(Sample(
            id=item.id,
            prompts=[Prompt(messages=item.messages, max_tokens=MAX_TOKENS)],
            rubric=item.rubric, good=item.good, bad=item.bad,
            metadata={"task": item.task, "ground_truth": item.ground_truth,
                      "cluster": _cluster("capability-instructions", item)},
        ))
    return out
