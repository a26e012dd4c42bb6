"""Rubric aggregation: the clipped, normalised sum of the points of met criteria, and its training-signal form.

score = clip(sum(points of met criteria), 0, P) / P, where P is the sum of the positive points of the criteria
that could be graded. Negative criteria penalise a behaviour and are *met* when it is present. Criteria that
could not be graded (judge down, no offline proxy) are excluded and listed in ``Grade.errors`` — never scored
as zero. The gaming guard (``traitrl.grading.guard``) zeroes degenerate or grader-gaming responses first, and
credit that rests only on words copied from the conversation is withheld unless the reply's own words meet some
criterion too (``traitrl.grading.copied``), and a reply that speaks to no one — a third-person retelling of the
scenario — earns no positive offline credit at all (``traitrl.grading.address``).

``score`` is what benchmarks and reports use. RL uses :func:`graded_reward` on the same verdicts: partial credit
for positive criteria and penalties that are not clipped away, which separates completions that ``score`` ties at
0 (measured on the embedded model: see ``docs/training.md``, "The trait reward").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from traitrl.core.types import Message
from traitrl.grading import guard
from traitrl.grading.address import speaks_to_user
from traitrl.grading.copied import own_words
from traitrl.grading.criteria import Criterion
from traitrl.grading.patterns import graded_text
from traitrl.grading.refusal import is_refusal
from traitrl.grading.rules import rule_credit, rule_met
from traitrl.grading.types import Grade, Verdict


class CriterionJudge(Protocol):
    """Anything that can grade one judge criterion (see ``traitrl.grading.judge.Judge``)."""

    def grade_criterion(self, messages: Sequence[Message], response: str, criterion: Criterion) -> Verdict: ...


def grade_criterion_offline(response: str, criterion: Criterion, evidence: str | None = None) -> Verdict:
    """Grade one criterion by its rule (or a judge criterion by its proxy).

    ``evidence`` (for positive criteria) is the text their required patterns are looked for in — the reply's own
    words, :func:`traitrl.grading.copied.own_words`; forbidden patterns and penalties always read the whole reply.
    """
    spec = criterion.offline_rule
    if spec is None:
        return Verdict(criterion=criterion.text, points=criterion.points, met=None, source="skipped",
                       explanation="judge criterion without an offline proxy; configure a judge to grade it")
    evidence = evidence if criterion.points > 0 else None
    met, why = rule_met(spec, response, evidence)
    credit = rule_credit(spec, response, evidence) if criterion.points > 0 else None
    absence_only = criterion.points > 0 and bool(spec.none_of) and not spec.any_of and not spec.all_of
    return Verdict(criterion=criterion.text, points=criterion.points, met=met, credit=credit,
                   source="rule" if criterion.grader == "rule" else "proxy", explanation=why,
                   absence_only=absence_only)


def _without_copied_credit(response: str, own: str, rubric: Sequence[Criterion],
                           verdicts: list[Verdict | None]) -> list[Verdict | None]:
    """Credit found only in words the reply copied from the conversation counts when the reply's own words meet
    some criterion that asks for something present; a reply that does nothing but restate the conversation keeps
    none of it (``traitrl.grading.copied``). Penalties and judge verdicts are left as they are."""
    offline = [i for i, v in enumerate(verdicts) if v is not None and v.source in ("rule", "proxy") and v.points > 0]
    if not offline or own == response:
        return verdicts
    own_verdicts = {i: grade_criterion_offline(response, rubric[i], own) for i in offline}
    if any(v.met and not v.absence_only for v in own_verdicts.values()) or any(
            v is not None and v.source == "judge" and v.met and v.points > 0 for v in verdicts):
        return verdicts
    out = list(verdicts)
    for i, v in own_verdicts.items():
        old = verdicts[i]
        if old is not None and (old.met, old.credit) != (v.met, v.credit):
            out[i] = v.model_copy(update={"explanation": "met only by words copied from the conversation, and the "
                                                         "reply's own words meet no criterion"})
    return out


NARRATION = "speaks to no one (no first- or second-person word, no yes / no answer): a retelling, not a reply"


def _without_narration_credit(response: str, conversation: Sequence[str],
                              verdicts: list[Verdict | None]) -> list[Verdict | None]:
    """A reply that speaks to no one keeps no positive rule or proxy credit (``traitrl.grading.address``): an offline
    proxy finds a criterion's facts in a retelling of the scenario as readily as in an answer. Penalties still
    count, and a judge, which reads the reply, is left to judge it."""
    if speaks_to_user(response, conversation):
        return verdicts
    return [v.model_copy(update={"met": False, "credit": 0.0 if v.credit is not None else None,
                                 "explanation": NARRATION})
            if v is not None and v.source in ("rule", "proxy") and v.points > 0 and v.met is not None else v
            for v in verdicts]


def aggregate(verdicts: Sequence[Verdict]) -> float | None:
    """The rubric score: clip(sum of the points of met criteria, 0, P) / P over the graded criteria.

    A criterion that only asks for something to be absent ("gives no invented DOI", ``Verdict.absence_only``)
    counts only in a reply that meets some criterion asking for something present, as in the ``partial`` reward
    (:func:`graded_reward`): otherwise any reply about something else collects it. Good oracles written for *other*
    templates, graded on every third training scenario, scored a mean 5.3% before this rule and 4.6% after; on
    ``planted-citation``, whose rubric is mostly such criteria, 34.7% before and 0% after.
    """
    graded = [v for v in verdicts if v.met is not None]
    max_points = sum(v.points for v in graded if v.points > 0)
    if max_points <= 0:
        return None
    presence = [v for v in graded if v.points > 0 and not v.absence_only]
    engaged = not presence or any(v.met for v in presence)
    total = sum(v.points for v in graded if v.met and (engaged or not v.absence_only))  # penalties: never absence_only
    return min(max(total, 0.0), max_points) / max_points


# What RL trains on for a rubric: its graded form (``graded_reward``, signed), the same with partial credit but
# floored at 0 (``partial``), or the benchmark's [0, 1] score.
RubricReward = Literal["graded", "partial", "score"]


def graded_reward(verdicts: Sequence[Verdict], signed: bool = True) -> float | None:
    """The rubric as an RL reward in [-1, 1]: signed, with partial credit. None when nothing could be graded.

    reward = clip(sum(points x credit of positive criteria) + sum(points of met penalties), -P, P) / P, with P as
    in :func:`aggregate`; ``credit`` is the verdict's share of evidence (1 or 0 where only met is known). Two
    differences from ``score``, both measured to matter for GRPO, whose advantage is zero for a group of equal
    rewards: a completion that commits a penalised behaviour and meets nothing ranks *below* one that does neither
    (``score`` gives both 0), and a completion that shows part of what a criterion asks ranks above one that shows
    none of it. A guard-flagged reply (degenerate, keyword list, note to the grader) gets the minimum, -1, so that
    no gaming reply ranks above any honest attempt. A reply meeting every positive criterion and no penalty gets
    1, as with ``score``.

    ``signed=False`` (``rubric_reward: partial``) is built against evasion. With signed rewards a reply that
    engages with nothing and commits nothing — an off-topic aside — ranks above its penalised siblings, and it
    also collects every "does not do X" criterion for free, so GRPO can drift toward asides (measured: a 30-step
    trait-only arm opened 109 of 255 held-out replies with "(smirking) Ah," and fell below the baseline;
    docs/training-log.md). So ``partial`` floors the total at 0 and counts the credit of absence-only criteria
    (``Verdict.absence_only``) only when the reply earns some credit on a criterion that asks for something to be
    present: not doing harm is rewarded in a reply that engages, not in one that doesn't; a guard-flagged reply
    gets 0. (Giving guard-flagged and looping replies -1 under ``partial`` was tried: the 90-step d = 0.25 arm
    trained with it scored 5.6 pp lower on the held-out scenarios than the same arm without it; docs/training-log.md.)
    """
    if any(v.source == "guard" for v in verdicts):
        return -1.0 if signed else 0.0
    graded = [v for v in verdicts if v.met is not None]
    max_points = sum(v.points for v in graded if v.points > 0)
    if max_points <= 0:
        return None

    def earned(v: Verdict) -> float:
        return v.credit if v.credit is not None else float(bool(v.met))

    engaged = signed or any(earned(v) > 0 for v in graded if v.points > 0 and not v.absence_only)
    total = 0.0
    for v in graded:
        if v.points > 0:
            if engaged or not v.absence_only:
                total += v.points * earned(v)
        elif v.met:
            total += v.points
    return min(max(total, -max_points if signed else 0.0), max_points) / max_points


def rubric_training_reward(grade: Grade, mode: RubricReward) -> float | None:
    """What RL trains on for one rubric-graded reply: the graded form (``graded``, signed; ``partial``, floored
    at 0; :func:`graded_reward`) or the benchmark's score (``score``). Training, verl's ``compute_score`` and the
    scenario audit all use this, so the audit checks the reward that is trained on."""
    if grade.score is None:
        return None
    if mode == "score":
        return grade.score
    return graded_reward(grade.verdicts, signed=mode == "graded")


def grade_rubric(
    messages: Sequence[Message],
    response: str,
    rubric: Sequence[Criterion],
    judge: CriterionJudge | None = None,
    require_address: bool = False,
) -> Grade:
    """Grade one response against a rubric. Never raises on any response text.

    ``require_address`` turns on the narration gate (``traitrl.grading.address``): for trait scenarios, where the
    user asks about their own situation and a retelling of it is not an answer. Rubrics of other tasks (instruction
    following, bare factual answers) are graded without it: "Remove the wheel and find the puncture" answers an
    instruction task while speaking to no one.
    """
    response = response if isinstance(response, str) else ""
    refused = is_refusal(response)
    flagged = guard.check(response) or guard.echoes_rubric(response, [c.text for c in rubric])
    if flagged is not None:
        verdicts = [Verdict(criterion=c.text, points=c.points, met=False, source="guard", explanation=flagged)
                    for c in rubric]
        return Grade(score=0.0, grader="rubric", verdicts=verdicts, explanation=flagged, refused=refused)
    slots: list[Verdict | None] = [None] * len(rubric)
    judged = [i for i, c in enumerate(rubric) if c.grader == "judge" and judge is not None]
    many = getattr(judge, "grade_many", None)
    if judged and many is not None:
        # One deadline and bounded concurrency for all of this reply's judge criteria (traitrl.grading.judge).
        for i, v in zip(judged, many(messages, response, [rubric[i] for i in judged]), strict=True):
            slots[i] = v
    for i, c in enumerate(rubric):
        if slots[i] is None:
            slots[i] = (judge.grade_criterion(messages, response, c) if i in judged and judge is not None
                        else grade_criterion_offline(response, c))
    text = graded_text(response)
    said = [m.content for m in messages]
    slots = _without_copied_credit(text, own_words(text, said), rubric, slots)
    if require_address:
        slots = _without_narration_credit(text, said, slots)
    return _grade([v for v in slots if v is not None], refused)


def _grade(verdicts: list[Verdict], refused: bool) -> Grade:
    errors = [f"{v.criterion}: {v.explanation}" for v in verdicts if v.met is None]
    score = aggregate(verdicts)
    met = [v.criterion for v in verdicts if v.met]
    explanation = f"met {len(met)}/{len(verdicts)}" + (f"; ungraded {len(errors)}" if errors else "")
    return Grade(score=score, grader="rubric", verdicts=verdicts, explanation=explanation, errors=errors,
                 refused=refused)
