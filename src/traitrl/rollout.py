"""Roll a model out on scenarios and grade the responses with the scenarios' own rubrics."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

from pydantic import BaseModel

from traitrl.grading.rubric import CriterionJudge, grade_rubric
from traitrl.grading.types import Grade
from traitrl.models.base import ChatModel, SamplingParams
from traitrl.scenarios.schema import Scenario


class RolloutResult(BaseModel):
    scenario_id: str
    trait: str
    domain: str
    template: str
    response: str
    grade: Grade


class RolloutSummary(BaseModel):
    n: int
    mean_score: float | None
    refusal_rate: float
    by_trait: dict[str, float]
    seconds: float
    new_tokens: int
    tokens_per_second: float


def pick_stratified(scenarios: Sequence[Scenario], n: int, seed: int = 0, salt: str = "") -> list[Scenario]:
    """Pick ``n`` scenarios round-robin across traits, deterministically for a seed.

    ``salt`` gives a caller its own random stream (e.g. training's held-out tracking set) for the same seed.
    """
    rng = random.Random(f"{salt}{seed}") if salt else random.Random(seed)
    by_trait: dict[str, list[Scenario]] = defaultdict(list)
    for s in scenarios:
        by_trait[s.trait].append(s)
    pools = []
    for trait in sorted(by_trait):
        pool = list(by_trait[trait])
        rng.shuffle(pool)
        pools.append(pool)
    out: list[Scenario] = []
    while len(out) < n and any(pools):
        for pool in pools:
            if pool and len(out) < n:
                out.append(pool.pop())
    return out


def _count(count_tokens: Callable[[str], int] | None, text: str) -> int:
    """Tokens in a reply; a reply the tokenizer cannot encode (e.g. a lone surrogate) counts by words."""
    if count_tokens is not None:
        try:
            return count_tokens(text)
        except (UnicodeError, TypeError, ValueError):
            pass
    return len(text.split())


def rollout(
    model: ChatModel,
    scenarios: Sequence[Scenario],
    params: SamplingParams,
    judge: CriterionJudge | None = None,
    batch_size: int = 8,
    on_batch: Callable[[int], None] | None = None,
    count_tokens: Callable[[str], int] | None = None,
) -> tuple[list[RolloutResult], RolloutSummary]:
    """Generate one response per scenario (in batches) and grade it; returns results and a summary."""
    results: list[RolloutResult] = []
    start = time.perf_counter()
    new_tokens = 0
    for i in range(0, len(scenarios), batch_size):
        batch = scenarios[i:i + batch_size]
        responses = model.generate([s.messages for s in batch], params)
        for s, text in zip(batch, responses, strict=True):
            new_tokens += _count(count_tokens, text)
            results.append(RolloutResult(scenario_id=s.id, trait=s.trait, domain=s.domain, template=s.template,
                                         response=text, grade=grade_rubric(s.messages, text, s.rubric, judge=judge,
                                                                            require_address=True)))
        if on_batch:
            on_batch(len(batch))
    seconds = time.perf_counter() - start
    scored = [r.grade.score for r in results if r.grade.score is not None]
    by_trait: dict[str, list[float]] = defaultdict(list)
    for r in results:
        if r.grade.score is not None:
            by_trait[r.trait].append(r.grade.score)
    summary = RolloutSummary(
        n=len(results),
        mean_score=sum(scored) / len(scored) if scored else None,
        refusal_rate=sum(1 for r in results if r.grade.refused) / max(len(results), 1),
        by_trait={k: sum(v) / len(v) for k, v in sorted(by_trait.items())},
        seconds=seconds,
        new_tokens=new_tokens,
        tokens_per_second=new_tokens / seconds if seconds > 0 else 0.0,
    )
    return results, summary
