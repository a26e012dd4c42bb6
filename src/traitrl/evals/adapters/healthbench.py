"""HealthBench-format rubric JSONL: ``prompt`` (a list of ``{"role", "content"}`` messages ending with the
user), ``rubrics`` (a list of ``{"criterion", "points", "tags"}``; negative points penalise), optional
``prompt_id`` and ``ideal_completions_data.ideal_completion``.

The model answers the conversation; a judge grades each criterion in its own call (HealthBench-style) and the
score is the clipped sum of the points of met criteria over the total positive points. Needs a judge: without
one the benchmark is listed and skipped. There is no random-guess baseline, so chance is declared as 0.
"""

from __future__ import annotations

from traitrl.core.types import Message
from traitrl.evals.adapters.base import AdapterSpec, adapter, make_spec, read_records
from traitrl.evals.api import Prompt, Sample
from traitrl.grading.criteria import MAX_POINTS, Criterion


@adapter("healthbench", "HealthBench-format rubric JSONL (prompt messages + rubrics with criterion/points); "
         "one judge call per criterion.")
def build_healthbench(source: str, max_tokens: int = 256, split: str = "test",
                      config: str | None = None) -> AdapterSpec:
    """Build a judge-graded rubric benchmark from HealthBench-format records."""
    records, tag = read_records(source, config=config, split=split)
    samples = []
    for rec in records:
        messages = []
        for j, m in enumerate(rec.list_field("prompt")):
            if not isinstance(m, dict) or m.get("role") not in ("system", "user", "assistant") \
                    or not isinstance(m.get("content"), str):
                raise rec.fail(f"prompt[{j}]", "must be an object with role system/user/assistant and content")
            messages.append(Message(role=m["role"], content=m["content"]))
        if messages[-1].role != "user":
            raise rec.fail("prompt", "must end with a user message")
        rubric = []
        for j, r in enumerate(rec.list_field("rubrics")):
            points = r.get("points") if isinstance(r, dict) else None
            text = r.get("criterion") if isinstance(r, dict) else None
            if not isinstance(text, str) or len(text.strip()) < 5:
                raise rec.fail(f"rubrics[{j}].criterion", "is missing or shorter than 5 characters")
            if not isinstance(points, int | float) or isinstance(points, bool) or points == 0 \
                    or not -MAX_POINTS <= points <= MAX_POINTS:
                raise rec.fail(f"rubrics[{j}].points", f"must be a non-zero number between -{MAX_POINTS:g} and "
                                                        f"{MAX_POINTS:g}")
            if len(text) > 2000:
                raise rec.fail(f"rubrics[{j}].criterion", "is longer than 2000 characters")
            rubric.append(Criterion(text=text.strip(), points=float(points), grader="judge"))
        if not any(c.points > 0 for c in rubric):
            raise rec.fail("rubrics", "needs at least one criterion with positive points")
        ideal = rec.dict_field("ideal_completions_data").get("ideal_completion")
        ident = rec.id_field("prompt_id")
        tags = rec.data.get("example_tags")
        tags = [] if tags is None else tags
        if not isinstance(tags, list):
            raise rec.fail("example_tags", f"must be a list, not {type(tags).__name__}")
        samples.append(Sample(
            id=ident or f"L{rec.line:05d}",
            prompts=[Prompt(messages=messages, max_tokens=int(max_tokens))], rubric=rubric,
            good=ideal if isinstance(ideal, str) else None,
            metadata={"tags": tags},
        ))
    return make_spec(
        kind="healthbench", source=source, tag=tag, category="health", scoring="judge", domains=["health"],
        description=("HealthBench-format rubric conversations: the model replies and a judge grades each "
                     "physician-style criterion separately; score = clipped met points / positive points. "
                     "Higher is better. Requires a judge."),
        samples=samples, args={"max_tokens": max_tokens, "split": split, "config": config}, chance=0.0,
    )
