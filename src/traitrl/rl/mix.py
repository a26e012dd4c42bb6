"""The training mix: a seeded stream of prompts where a dose ``d`` are trait scenarios, the rest standard tasks.

The stream has exactly ``round(d * N)`` trait rows out of ``N = steps * prompts_per_step``, spread evenly (one
every ``1/d`` rows, with a seeded phase), so every stretch of training sees the dose and the count is exact.
The standard stream is built first and independently of the dose: trait rows *replace* standard rows at their
positions, as in the study, and two arms with the same seed differ only at those positions. ``reward_control``
gets the same trait prompts at the same positions; only the reward column differs.

Rows are plain dicts of strings (a datasets.Dataset and verl's parquet take them as they are): ``ground_truth``
is a JSON string holding everything the reward needs, so no lookup table has to travel with the data.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel

from traitrl.core.errors import UserError
from traitrl.rl.arms import Arm
from traitrl.scenarios.schema import Scenario
from traitrl.tasks import TaskItem, task_items

RewardKind = Literal["rubric", "verifier", "helpfulness"]


class MixRow(BaseModel):
    """One prompt of the stream. ``reward`` names the reward callable that scores it."""

    index: int
    kind: Literal["trait", "task"]
    reward: RewardKind
    source_id: str
    task: str  # the task name, or the scenario's trait
    domain: str
    prompt: list[dict[str, str]]
    ground_truth: str

    def as_record(self) -> dict[str, Any]:
        return self.model_dump()


def trait_positions(n: int, dose: float, seed: int) -> list[bool]:
    """Which of ``n`` rows are trait rows: exactly ``round(dose * n)`` of them, evenly spaced, seeded phase."""
    k = round(dose * n)
    if k <= 0:
        return [False] * n
    phase = random.Random(f"phase:{seed}").random()
    # Row i is a trait row when the running count floor((i + phase) * k / n) steps up: k steps over n rows.
    return [math.floor((i + 1 + phase) * k / n) > math.floor((i + phase) * k / n) for i in range(n)]


def filter_scenarios(scenarios: Sequence[Scenario], arm: Arm) -> list[Scenario]:
    """The train-split scenarios an arm may draw from (its traits / domains / exclusions)."""
    out = []
    for s in scenarios:
        if s.split != "train":
            continue
        if arm.traits and s.trait not in arm.traits:
            continue
        if arm.domains and s.domain not in arm.domains:
            continue
        if s.domain in arm.exclude_domains:
            continue
        out.append(s)
    return out


def scenario_ground_truth(s: Scenario) -> str:
    return json.dumps({
        "scenario_id": s.id,
        "messages": [m.model_dump() for m in s.messages],
        "rubric": [c.model_dump(mode="json") for c in s.rubric],
    })


def _task_row(i: int, item: TaskItem) -> MixRow:
    return MixRow(index=i, kind="task", reward="verifier", source_id=item.id, task=item.task, domain="general",
                  prompt=[m.model_dump() for m in item.messages], ground_truth=json.dumps(item.ground_truth))


def standard_stream(n: int, tasks: dict[str, float], seed: int) -> list[MixRow]:
    """``n`` standard-task rows; the task of each row is a seeded weighted draw, items cycle per task."""
    rng = random.Random(f"standard:{seed}")
    names = sorted(t for t, w in tasks.items() if w > 0)
    weights = [tasks[t] for t in names]
    picks = rng.choices(names, weights=weights, k=n)
    counts = Counter(picks)
    pools = {t: task_items(t, "train", counts[t], seed) for t in names}
    used: Counter[str] = Counter()
    rows = []
    for i, t in enumerate(picks):
        rows.append(_task_row(i, pools[t][used[t]]))
        used[t] += 1
    return rows


def build_mix(
    n: int,
    arm: Arm,
    scenarios: Sequence[Scenario],
    tasks: dict[str, float],
    seed: int = 0,
) -> list[MixRow]:
    """The arm's stream of ``n`` rows (see module docstring). Raises ValueError if the arm has no scenarios."""
    rows = standard_stream(n, tasks, seed)
    positions = trait_positions(n, arm.dose, seed)
    if not any(positions):
        return rows
    pool = filter_scenarios(scenarios, arm)
    if not pool:
        raise UserError(f"arm {arm.name!r} matches no train-split scenarios (traits={list(arm.traits)}, "
                         f"domains={list(arm.domains)}, exclude_domains={list(arm.exclude_domains)}); "
                         "widen the filters or add templates")
    # The draw order depends on the seed only, not on the arm's reward, so reward_control sees the trait arm's
    # exact prompts; filtered arms draw from their own pools.
    order = sorted(pool, key=lambda s: s.id)
    random.Random(f"scenarios:{seed}").shuffle(order)
    reward: RewardKind = "helpfulness" if arm.trait_reward == "helpfulness" else "rubric"
    j = 0
    for i, is_trait in enumerate(positions):
        if not is_trait:
            continue
        s = order[j % len(order)]
        j += 1
        rows[i] = MixRow(index=i, kind="trait", reward=reward, source_id=s.id, task=s.trait, domain=s.domain,
                         prompt=[m.model_dump() for m in s.messages], ground_truth=scenario_ground_truth(s))
    return rows


def mix_summary(rows: Sequence[MixRow]) -> dict[str, Any]:
    """Counts for the run record: rows, trait rows, realised dose, by task/trait and domain."""
    trait = [r for r in rows if r.kind == "trait"]
    return {
        "rows": len(rows),
        "trait_rows": len(trait),
        "dose_realised": len(trait) / max(len(rows), 1),
        "by_task": dict(Counter(r.task for r in rows if r.kind == "task")),
        "trait_by_trait": dict(Counter(r.task for r in trait)),
        "trait_by_domain": dict(Counter(r.domain for r in trait)),
        "rewards": dict(Counter(r.reward for r in rows)),
    }
