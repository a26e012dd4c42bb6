"""Graders return records, not floats: every number in a report traces back to a criterion and a text."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

VerdictSource = Literal["rule", "proxy", "judge", "guard", "skipped", "error"]
GraderName = Literal["rubric", "rule", "choice", "consistency", "logprob_mc", "calibration", "judge", "refusal"]


class Verdict(BaseModel):
    """The outcome of one criterion on one response.

    ``met`` is None when the criterion could not be graded (no judge and no proxy, or the judge failed after
    retries); such criteria are excluded from the score and listed in ``Grade.errors``, never counted as zero.
    """

    criterion: str
    points: float
    met: bool | None
    source: VerdictSource
    explanation: str = ""
    raw: str | None = None
    # Share of the criterion's evidence present, in [0, 1], for positive rule/proxy criteria (see
    # ``traitrl.grading.rules.rule_credit``); None where only met / not met is known (judge, guard, penalties).
    credit: float | None = None
    # True for a positive rule/proxy criterion that only forbids something (``none_of`` alone, e.g. "gives no
    # invented DOI"): any reply that does not do it meets it, an off-topic one included.
    absence_only: bool = False


class Grade(BaseModel):
    """A scored response. ``score`` is in [0, 1], or None when nothing could be graded."""

    score: float | None
    grader: GraderName
    verdicts: list[Verdict] = []
    explanation: str = ""
    errors: list[str] = []
    refused: bool | None = None
    metadata: dict[str, Any] = {}

    @property
    def ok(self) -> bool:
        return self.score is not None
