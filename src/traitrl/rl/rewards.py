"""TRL reward callables wrapping our graders, dispatched by the dataset's ``reward`` column.

Three callables, one per reward kind, each returning ``None`` for rows that are not its kind (TRL sums the
non-None rewards and logs each callable's mean separately as ``rewards/<name>/mean``, which gives the reward
components for free):

- ``trait_rubric``: the scenario's rubric (``traitrl.grading.rubric.grade_rubric``), with a judge if configured
  (then the callable is async, so TRL runs it concurrently with the others; the judge has its own cache). By
  default the reward is the rubric's *graded* form (``rubric_training_reward``: partial credit, penalties not
  clipped away, gaming replies at -1); ``rubric_reward: score`` trains on the benchmark's own [0, 1]
  score instead;
- ``task_verifier``: the standard task's program verifier (``traitrl.tasks.verify_task``);
- ``helpfulness_proxy``: the reward-signal control: length, politeness and topicality heuristics, blind to
  the rubric.

``score_row`` grades and ``training_reward`` turns the grade into the number trained on; both are shared with verl's
``compute_score``. A ``RewardLedger`` shared by the
callables counts generated tokens per step, writes sample completions with their grades to a JSONL file and keeps
per-step diagnostics per reward kind (dead groups, criteria met, length, truncation).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from traitrl.core.types import Message
from traitrl.grading.copied import copied_share, prompt_overlap
from traitrl.grading.criteria import Criterion
from traitrl.grading.refusal import is_refusal
from traitrl.grading.rubric import CriterionJudge, RubricReward, grade_rubric, rubric_training_reward
from traitrl.grading.types import Grade
from traitrl.tasks import completion_text, verify_task

_WORD = re.compile(r"[a-z']+")
_POLITE = re.compile(r"\b(happy to help|glad to help|great question|thanks|thank you|hope (this|that) helps|"
                     r"of course|certainly|good luck|let me know)\b", re.IGNORECASE)
_STRUCTURE = re.compile(r"(^\s*(?:[-*]|\d+[.)])\s+\S)|\b(first|second|then|finally|next)\b", re.IGNORECASE | re.MULTILINE)
_STOP = frozenset(["the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "it", "this", "that", "i", "you", "we", "they", "my", "your", "our", "can", "could", "would", "should", "will", "do", "does", "did", "have", "has", "had", "not", "no", "so", "what", "which", "who", "how", "me", "please", "about", "just", "there", "here"])

# A row's messages and rubric, checked as a whole: a field of the wrong shape is a grading error, not a TypeError.
_MESSAGES = TypeAdapter(list[Message])
_RUBRIC = TypeAdapter(list[Criterion])


def _parse_truth(ground_truth: str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(ground_truth, dict):
        return ground_truth
    try:
        obj = json.loads(ground_truth)
    except (TypeError, ValueError):
        return {}
    return obj if isinstance(obj, dict) else {}


def helpfulness_proxy(messages: Sequence[Message], response: str) -> Grade:
    """A generic helpfulness score in [0, 1] that knows nothing about the scenario's rubric.

    0.35 x length (full credit for 30-200 words), 0.35 x topicality (share of the user's content words echoed,
    capped), 0.2 x politeness markers, 0.1 x visible structure (lists, ordered steps). Refusals score 0.
    """
    text = response if isinstance(response, str) else ""
    words = _WORD.findall(text.lower())
    n = len(words)
    if n == 0 or is_refusal(text):
        return Grade(score=0.0, grader="rule", explanation="empty or refusal", metadata={"proxy": "helpfulness"})
    length = min(n / 30, 1.0) if n < 200 else max(0.0, 1 - (n - 200) / 400)
    user = next((m.content for m in reversed(messages) if m.role == "user"), "")
    asked = {w for w in _WORD.findall(user.lower()) if w not in _STOP and len(w) > 3}
    topical = min(len(asked & set(words)) / max(min(len(asked), 8), 1), 1.0)
    polite = 1.0 if _POLITE.search(text) else 0.0
    structure = 1.0 if _STRUCTURE.search(text) else 0.0
    score = 0.35 * length + 0.35 * topical + 0.2 * polite + 0.1 * structure
    parts = {"length": round(length, 3), "topical": round(topical, 3), "polite": polite, "structure": structure}
    return Grade(score=score, grader="rule", explanation=f"helpfulness proxy {parts}",
                 metadata={"proxy": "helpfulness", **parts})


def score_row(
    reward: str,
    task: str,
    ground_truth: str | dict[str, Any],
    response: Any,
    judge: CriterionJudge | None = None,
) -> Grade:
    """Grade one completion of one mix row by its reward kind. Never raises on any response."""
    text = response if isinstance(response, str) else completion_text(response)
    truth = _parse_truth(ground_truth)
    if reward == "verifier":
        return verify_task(task, truth, text)
    try:
        messages = _MESSAGES.validate_python(truth.get("messages", []))
        if reward == "helpfulness":
            return helpfulness_proxy(messages, text)
        if reward == "rubric":
            rubric = _RUBRIC.validate_python(truth.get("rubric", []))
            if not rubric:
                return Grade(score=None, grader="rubric", errors=["ground truth has no rubric"])
            return grade_rubric(messages, text, rubric, judge=judge, require_address=True)  # trait scenarios
    except ValueError as err:  # malformed ground truth (pydantic), never the response
        return Grade(score=None, grader="rubric", errors=[f"malformed ground truth: {err}"])
    return Grade(score=None, grader="rule", errors=[f"unknown reward kind {reward!r}"])


def training_reward(reward: str, grade: Grade, rubric_reward: RubricReward = "graded") -> float | None:
    """The number RL trains on for one graded completion (None: ungradable, TRL then ignores this callable).

    Rubric rows use :func:`traitrl.grading.rubric.rubric_training_reward` (the graded form for ``graded`` and
    ``partial``, the score for ``score``); verifier and helpfulness rows use their score. Benchmarks and reports
    always use ``grade.score``.
    """
    if reward == "rubric":
        return rubric_training_reward(grade, rubric_reward)
    return grade.score


class RewardLedger:
    """Counts generated tokens per training step, logs sample completions and keeps per-step diagnostics.

    Shared by the reward callables. Diagnostics (one record per step and reward kind) say whether GRPO has anything
    to learn from: the share of *groups* (the completions of one prompt) whose rewards are all equal — such a group
    has zero advantage and contributes no gradient — the reward's mean, how often each rubric criterion was met,
    completion length and the share of completions cut off at the token budget.

    Args:
        samples_path: JSONL file for sample completions (None: no samples).
        log_every: write samples on steps divisible by this.
        max_tokens: the completion budget; a completion of this many tokens counts as truncated (0: unknown).
    """

    def __init__(self, samples_path: Path | None = None, log_every: int = 5, max_tokens: int = 0) -> None:
        self.tokens_by_step: dict[int, int] = {}
        self.completions_by_step: dict[int, int] = {}
        self.diagnostics: list[dict[str, Any]] = []
        self.graded_ids: list[str] = []
        self.samples_path = samples_path
        self.log_every = log_every
        self.max_tokens = max_tokens

    def record(self, step: int, rows: list[dict[str, Any]], token_counts: list[int]) -> dict[str, Any] | None:
        """Count one reward call's completions; return its diagnostics record (None when it graded nothing)."""
        self.tokens_by_step[step] = self.tokens_by_step.get(step, 0) + sum(token_counts)
        self.completions_by_step[step] = self.completions_by_step.get(step, 0) + len(token_counts)
        self.graded_ids.extend(r["source_id"] for r in rows)
        if self.samples_path is not None and step % self.log_every == 0 and rows:
            self.samples_path.parent.mkdir(parents=True, exist_ok=True)
            with self.samples_path.open("a", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({"step": step, **r}) + "\n")
        if not rows:
            return None
        diag = step_diagnostics(step, rows, token_counts, self.max_tokens)
        self.diagnostics.append(diag)
        return diag

    @property
    def tokens(self) -> int:
        return sum(self.tokens_by_step.values())

    def state(self) -> dict[str, Any]:
        return {"tokens_by_step": {str(k): v for k, v in sorted(self.tokens_by_step.items())},
                "completions_by_step": {str(k): v for k, v in sorted(self.completions_by_step.items())},
                "diagnostics": self.diagnostics}

    def load(self, state: dict[str, Any], up_to_step: int) -> None:
        """Restore counts from a checkpoint, dropping steps after it (they will be redone)."""
        self.tokens_by_step = {int(k): int(v) for k, v in state.get("tokens_by_step", {}).items() if int(k) <= up_to_step}
        self.completions_by_step = {int(k): int(v) for k, v in state.get("completions_by_step", {}).items()
                                    if int(k) <= up_to_step}
        self.diagnostics = [d for d in state.get("diagnostics", []) if int(d["step"]) <= up_to_step]


def step_diagnostics(step: int, rows: Sequence[dict[str, Any]], token_counts: Sequence[int],
                     max_tokens: int = 0) -> dict[str, Any]:
    """Diagnostics of one reward kind's completions at one step (see :class:`RewardLedger`).

    ``rows`` carry ``source_id`` (completions of one prompt share it: one GRPO group), ``reward`` (the kind),
    ``score`` (the value trained on; None when grading failed), optionally ``rubric_score`` (the [0, 1] rubric
    score, when the trained value is the graded reward) and ``verdicts`` as ``(criterion, met)`` pairs.
    """
    groups: dict[str, list[float]] = {}
    for r in rows:
        if r.get("score") is not None:
            groups.setdefault(str(r["source_id"]), []).append(float(r["score"]))
    # A group with a single scored completion (the others errored) has zero variance too: no advantage, no gradient.
    dead = sum(1 for g in groups.values() if max(g) - min(g) < 1e-9)
    met: dict[str, list[bool]] = {}
    for r in rows:
        for criterion, ok in r.get("verdicts") or []:
            if ok is not None:
                met.setdefault(str(criterion), []).append(bool(ok))
    scores = [s for g in groups.values() for s in g]
    rubric_scores = [float(r["rubric_score"]) for r in rows if r.get("rubric_score") is not None]
    lengths = list(token_counts)
    return {
        "step": step, "reward": rows[0].get("reward"), "completions": len(rows), "groups": len(groups),
        "zero_std_groups": dead, "frac_zero_std": dead / len(groups) if groups else None,
        "mean": sum(scores) / len(scores) if scores else None,
        "nonzero": sum(1 for s in scores if s > 0),
        "mean_rubric_score": sum(rubric_scores) / len(rubric_scores) if rubric_scores else None,
        "errors": sum(1 for r in rows if r.get("score") is None),
        "criteria_met": {c: sum(v) / len(v) for c, v in sorted(met.items())},
        "mean_length": sum(lengths) / len(lengths) if lengths else None,
        "truncated": (sum(1 for n in lengths if n >= max_tokens) / len(lengths)) if lengths and max_tokens else None,
    }


RewardFunc = Callable[..., Any]


def make_reward_funcs(kinds: Sequence[str], ledger: RewardLedger, judge: CriterionJudge | None = None,
                      rubric_reward: RubricReward = "graded") -> list[RewardFunc]:
    """One TRL reward callable per reward kind present in the mix, in a fixed order."""
    names = {"rubric": "trait_rubric", "verifier": "task_verifier", "helpfulness": "helpfulness_proxy"}
    funcs: list[RewardFunc] = []
    for kind in ("rubric", "verifier", "helpfulness"):
        if kind in kinds:
            funcs.append(_reward_func(kind, names[kind], ledger, judge if kind == "rubric" else None, rubric_reward))
    return funcs


def _reward_func(kind: str, name: str, ledger: RewardLedger, judge: CriterionJudge | None,
                 rubric_reward: RubricReward) -> RewardFunc:
    def rows_of(kwargs: dict[str, Any]) -> list[int]:
        return [i for i, r in enumerate(kwargs.get("reward", [])) if r == kind]

    def finish(idx: list[int], grades: list[Grade], completions: list[Any], kwargs: dict[str, Any]) -> list[float | None]:
        out: list[float | None] = [None] * len(completions)
        records = []
        counts = []
        ids = kwargs.get("completion_ids") or [[] for _ in completions]
        for i, g in zip(idx, grades, strict=True):
            text = completion_text(completions[i])
            out[i] = training_reward(kind, g, rubric_reward)
            counts.append(len(ids[i]))
            record = {"source_id": kwargs["source_id"][i], "reward": kind, "score": out[i],
                      "completion": text, "explanation": g.explanation,
                      "verdicts": [(v.criterion, v.met) for v in g.verdicts]}
            if out[i] != g.score:
                record["rubric_score"] = g.score
            if kind == "rubric":
                # How much of the reply restates the conversation: top-completions flags retellings.
                messages = _parse_truth(kwargs["ground_truth"][i]).get("messages")
                sources = [str(m.get("content", "")) for m in messages if isinstance(m, dict)] \
                    if isinstance(messages, list) else []
                record["copied_share"] = round(copied_share(text, sources), 3)
                record["prompt_overlap"] = round(prompt_overlap(text, sources), 3)
            records.append(record)
        state = kwargs.get("trainer_state")
        step = int(getattr(state, "global_step", 0)) + 1  # rewards are computed for the step about to run
        diag = ledger.record(step, records, counts)
        log_metric = kwargs.get("log_metric")
        if callable(log_metric) and idx:
            scored = [g.score for g in grades if g.score is not None]
            if scored:
                log_metric(f"{name}/pass_rate", sum(s >= 0.999 for s in scored) / len(scored))
            if diag is not None and diag["frac_zero_std"] is not None:
                # TRL's own frac_reward_zero_std pools every reward kind; this one is per source.
                log_metric(f"{name}/frac_zero_std", diag["frac_zero_std"])
        return out

    def grade(i: int, completions: list[Any], kwargs: dict[str, Any]) -> Grade:
        return score_row(kind, kwargs["task"][i], kwargs["ground_truth"][i], completions[i], judge=judge)

    if judge is not None:
        async def async_reward(prompts: list[Any], completions: list[Any], **kwargs: Any) -> list[float | None]:
            idx = rows_of(kwargs)
            # Judge calls are network-bound: run each row's grading in a thread, all rows concurrently.
            grades = await asyncio.gather(*[asyncio.to_thread(grade, i, completions, kwargs) for i in idx])
            return finish(idx, list(grades), completions, kwargs)

        async_reward.__name__ = name
        return async_reward

    def reward(prompts: list[Any], completions: list[Any], **kwargs: Any) -> list[float | None]:
        idx = rows_of(kwargs)
        return finish(idx, [grade(i, completions, kwargs) for i in idx], completions, kwargs)

    reward.__name__ = name
    return reward
