"""Rubric criteria: a short imperative, signed points, and how it is graded (a rule or a judge).

Used by training scenarios, standard tasks and generation benchmarks alike; graded by
``traitrl.grading.rubric.grade_rubric``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from traitrl.core.errors import UserError
from traitrl.grading.patterns import check_pattern

GraderKind = Literal["rule", "judge"]
MAX_POINTS = 1000.0
MAX_PATTERNS = 64

# A real number: no booleans, no numeric strings, no NaN or infinity (a rubric's sums must stay finite).
Points = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-MAX_POINTS, le=MAX_POINTS)]


class RuleSpec(BaseModel):
    """Regular-expression test on a response (case-insensitive).

    ``met`` iff (``any_of`` is empty or one pattern matches) and every ``all_of`` pattern matches and no
    ``none_of`` pattern matches.
    """

    model_config = ConfigDict(extra="forbid")

    any_of: list[str] = Field(default=[], max_length=MAX_PATTERNS)
    all_of: list[str] = Field(default=[], max_length=MAX_PATTERNS)
    none_of: list[str] = Field(default=[], max_length=MAX_PATTERNS)

    @field_validator("any_of", "all_of", "none_of")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        """Every pattern must compile and run in bounded time (see ``traitrl.grading.patterns``)."""
        for p in patterns:
            check_pattern(p)
        return patterns

    @model_validator(mode="after")
    def _not_empty(self) -> RuleSpec:
        if not (self.any_of or self.all_of or self.none_of):
            raise UserError("a rule needs at least one of any_of, all_of, none_of")
        return self


class Criterion(BaseModel):
    """One rubric line: a short imperative, signed points, and how it is graded.

    Positive points reward a behaviour; negative points penalise one (the criterion is *met* when the bad
    behaviour is present). ``rule`` criteria are graded by ``rule`` alone. ``judge`` criteria are graded by an
    OpenAI-compatible judge when one is configured, otherwise by their ``proxy`` rule; a judge criterion with no
    proxy is skipped offline (recorded as such, never counted as a zero).
    """

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=5, max_length=2000)
    points: Points
    grader: GraderKind = "judge"
    rule: RuleSpec | None = None
    proxy: RuleSpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Criterion:
        if self.points == 0:
            raise UserError("points must be non-zero (positive rewards, negative penalises)")
        if self.grader == "rule" and self.rule is None:
            raise UserError("a 'rule' criterion needs a 'rule' field (any_of / all_of / none_of)")
        if self.grader == "judge" and self.rule is not None:
            raise UserError("a 'judge' criterion takes an offline 'proxy', not a 'rule'")
        return self

    @property
    def offline_rule(self) -> RuleSpec | None:
        return self.rule if self.grader == "rule" else self.proxy
