"""The scenario: one object that supplies training prompts, the RL reward and the evaluation check.

A scenario is a multi-turn conversation (possibly with pre-filled assistant turns that contain a planted error)
and a rubric of 3–5 signed criteria. The same rubric grades RL rollouts and evaluation responses
(``traitrl.grading.rubric.grade_rubric``).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["system", "user", "assistant"]
Split = Literal["train", "heldout"]
GraderKind = Literal["rule", "judge"]


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    content: str


class RuleSpec(BaseModel):
    """Regular-expression test on a response (case-insensitive).

    ``met`` iff (``any_of`` is empty or one pattern matches) and every ``all_of`` pattern matches and no
    ``none_of`` pattern matches.
    """

    model_config = ConfigDict(extra="forbid")

    any_of: list[str] = []
    all_of: list[str] = []
    none_of: list[str] = []

    @field_validator("any_of", "all_of", "none_of")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as err:
                raise ValueError(f"pattern {p!r} is not a valid regular expression: {err}") from None
        return patterns

    @model_validator(mode="after")
    def _not_empty(self) -> RuleSpec:
        if not (self.any_of or self.all_of or self.none_of):
            raise ValueError("a rule needs at least one of any_of, all_of, none_of")
        return self


class Criterion(BaseModel):
    """One rubric line: a short imperative, signed points, and how it is graded.

    Positive points reward a behaviour; negative points penalise one (the criterion is *met* when the bad
    behaviour is present). ``rule`` criteria are graded by ``rule`` alone. ``judge`` criteria are graded by an
    OpenAI-compatible judge when one is configured, otherwise by their ``proxy`` rule; a judge criterion with no
    proxy is skipped offline (recorded as such, never counted as a zero).
    """

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=5)
    points: float
    grader: GraderKind = "judge"
    rule: RuleSpec | None = None
    proxy: RuleSpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Criterion:
        if self.points == 0:
            raise ValueError("points must be non-zero (positive rewards, negative penalises)")
        if self.grader == "rule" and self.rule is None:
            raise ValueError("a 'rule' criterion needs a 'rule' field (any_of / all_of / none_of)")
        if self.grader == "judge" and self.rule is not None:
            raise ValueError("a 'judge' criterion takes an offline 'proxy', not a 'rule'")
        return self

    @property
    def offline_rule(self) -> RuleSpec | None:
        return self.rule if self.grader == "rule" else self.proxy


class Oracles(BaseModel):
    """Scripted responses that let us measure the measurer: the grader must rank good far above bad."""

    model_config = ConfigDict(extra="forbid")

    good: str
    bad: str


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9_.:/-]+$")
    trait: str
    domain: str
    split: Split
    messages: list[Message] = Field(min_length=1)
    rubric: list[Criterion] = Field(min_length=3, max_length=5)
    oracles: Oracles | None = None
    metadata: dict[str, Any] = {}

    @model_validator(mode="after")
    def _shape(self) -> Scenario:
        from traitrl.taxonomy import DOMAINS, TRAITS

        if self.trait not in TRAITS:
            raise ValueError(f"unknown trait {self.trait!r}; known: {', '.join(TRAITS)} (add one with a taxonomy YAML)")
        if self.domain not in DOMAINS:
            raise ValueError(f"unknown domain {self.domain!r}; known: {', '.join(DOMAINS)} (add one with a taxonomy YAML)")
        if self.messages[-1].role != "user":
            raise ValueError("the last message must be a user turn: the model answers it")
        if not any(c.points > 0 for c in self.rubric):
            raise ValueError("a rubric needs at least one positive criterion")
        return self

    @property
    def template(self) -> str:
        return str(self.metadata.get("template", ""))

    @property
    def prompt_text(self) -> str:
        """All message text, for leakage checks and deduplication."""
        return "\n".join(m.content for m in self.messages)
