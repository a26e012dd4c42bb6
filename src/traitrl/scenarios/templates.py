"""Procedural scenario templates: YAML files of situations written here, rendered into Scenarios.

A template file holds one trait's templates::

    trait: truthfulness
    templates:
      - id: planted-citation          # unique across the bank
        split: train                  # train | heldout (heldout templates never feed training)
        situation: planted_error      # see SITUATIONS
        system: optional system prompt with {slots}
        messages:                     # the conversation; the last turn is the user's
          - {role: user, content: "... {topic} ..."}
          - {role: assistant, content: "... a planted error ..."}
          - {role: user, content: "... {pressure}"}
        variants:                     # optional; each adds or overrides slots (phrasing of pressure, stakes...)
          - {pressure: "..."}
        cases:                        # per domain, a list of slot dictionaries with domain-specific details
          health: [{topic: ..., ...}, ...]
        rubric:                       # 3-5 criteria; text, patterns and oracles may use {slots}
          - {text: "...", points: 4, grader: judge, proxy: {any_of: [...]}}
          - {text: "...", points: 3, grader: rule, rule: {none_of: [...]}}
        oracles: {good: "...", bad: "..."}

Every (domain, case, variant) combination renders one scenario, so a template with 7 domains x 3 cases x 2
variants yields 42. Slots inside regular expressions are inserted with ``re.escape``. The optional slot
``{name}`` is filled deterministically from a pool of first names, keyed by the seed and the scenario id.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import string
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from traitrl.core.errors import UserError
from traitrl.core.files import load_yaml
from traitrl.core.text import visible
from traitrl.core.types import Message, Role, Split
from traitrl.grading.criteria import Criterion, RuleSpec
from traitrl.scenarios.schema import Oracles, Scenario

SITUATIONS = (
    "user_pressure",
    "competing_incentives",
    "uncertainty",
    "planted_error",
    "identity_swap",
    "oversight_override",
    "self_report",
    "irreversible_action",
    "power_asymmetry",
)

NAMES = (
    "Amara", "Bilal", "Chen", "Dana", "Emeka", "Farah", "Gustavo", "Hana", "Ivan", "Jae", "Kavya", "Liam",
    "Mei", "Nadia", "Oren", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf", "Zoe",
)


class TemplateMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Role
    content: str


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    split: Split
    situation: str
    system: str | None = None
    messages: list[TemplateMessage] = Field(min_length=1)
    variants: list[dict[str, str]] = [{}]
    cases: dict[str, list[dict[str, str]]]
    rubric: list[Criterion] = Field(min_length=3, max_length=5)
    oracles: Oracles
    trait: str = ""

    @model_validator(mode="after")
    def _check(self) -> Template:
        if self.situation not in SITUATIONS:
            raise UserError(f"situation {self.situation!r} is not one of {', '.join(SITUATIONS)}")
        if not self.variants:
            self.variants = [{}]
        if self.messages[-1].role != "user":
            raise ValueError("the last message must be a user turn: the model answers it")
        if not self.cases or not any(self.cases.values()):
            raise ValueError("cases: needs at least one domain with at least one case")
        from traitrl.core.taxonomy import DOMAINS

        unknown = sorted(set(self.cases) - set(DOMAINS))
        if unknown:
            raise ValueError(f"cases: unknown domain(s) {', '.join(d[:40] for d in unknown)}; known: {', '.join(DOMAINS)}")
        if not any(c.points > 0 for c in self.rubric):
            raise ValueError("rubric: needs at least one criterion with positive points")
        for domain, cases in self.cases.items():
            for i, case in enumerate(cases):
                for variant in self.variants:
                    slots = {**case, **variant, "name": "X"}
                    used = _fields(self).union(*(_fields_of(v) for v in variant.values()))
                    missing = sorted(used - set(slots))
                    if missing:
                        raise UserError(f"cases.{domain}[{i}] lacks slot(s) {', '.join(missing)}")
        return self


def _fields_of(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _fields(t: Template) -> set[str]:
    texts = [m.content for m in t.messages] + [t.oracles.good, t.oracles.bad] + [c.text for c in t.rubric]
    if t.system:
        texts.append(t.system)
    out: set[str] = set()
    for text in texts:
        out |= _fields_of(text)
    for c in t.rubric:
        for spec in (c.rule, c.proxy):
            if spec is not None:
                # In regexes only {identifier} is a slot; quantifiers such as \d{4,9} or .{0,60} are not.
                for p in spec.any_of + spec.all_of + spec.none_of:
                    out |= set(_SLOT.findall(p))
    return out


_SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _fill(text: str, slots: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), text)


def _fill_pattern(pattern: str, slots: dict[str, str]) -> str:
    """Insert slots into a regex: literally (escaped), except slots named ``*_re``, which are regexes."""

    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in slots:
            return m.group(0)
        return f"(?:{slots[key]})" if key.endswith("_re") else re.escape(slots[key])

    return _SLOT.sub(one, pattern)


def _fill_rule(spec: RuleSpec | None, slots: dict[str, str]) -> RuleSpec | None:
    if spec is None:
        return None
    return RuleSpec(
        any_of=[_fill_pattern(p, slots) for p in spec.any_of],
        all_of=[_fill_pattern(p, slots) for p in spec.all_of],
        none_of=[_fill_pattern(p, slots) for p in spec.none_of],
    )


def _pick_name(seed: int, key: str) -> str:
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return NAMES[digest[0] % len(NAMES)]


def render(template: Template, seed: int = 0) -> Iterator[Scenario]:
    """Every (domain, case, variant) of a template as a Scenario, in a fixed order."""
    for domain, cases in template.cases.items():
        for ci, case in enumerate(cases):
            for vi, variant in enumerate(template.variants):
                sid = f"{template.trait}/{template.id}/{domain}/{ci}-{vi}"
                base = {"name": _pick_name(seed, sid), **case}
                # Variant values may themselves use case slots ("... {right} ..."): fill them first.
                slots = {**base, **{k: _fill(v, base) for k, v in variant.items()}}
                messages = [Message(role="system", content=_fill(template.system, slots))] if template.system else []
                messages += [Message(role=m.role, content=_fill(m.content, slots)) for m in template.messages]  # type: ignore[arg-type]
                yield Scenario(
                    id=sid,
                    trait=template.trait,
                    domain=domain,
                    split=template.split,
                    messages=messages,
                    rubric=[
                        c.model_copy(
                            update={
                                "text": _fill(c.text, slots),
                                "rule": _fill_rule(c.rule, slots),
                                "proxy": _fill_rule(c.proxy, slots),
                            }
                        )
                        for c in template.rubric
                    ],
                    oracles=Oracles(good=_fill(template.oracles.good, slots), bad=_fill(template.oracles.bad, slots)),
                    metadata={
                        "template": template.id,
                        "situation": template.situation,
                        "case": ci,
                        "variant": vi,
                        "seed": seed,
                        "generator": "procedural",
                    },
                )


class TemplateFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    trait: str
    templates: list[Template]

    @model_validator(mode="after")
    def _known_trait(self) -> TemplateFile:
        from traitrl.core.taxonomy import TRAITS

        if self.trait not in TRAITS:
            raise ValueError(f"trait {self.trait[:80]!r} is unknown; known: {', '.join(TRAITS)}")
        return self


def load_template_file(path: str | Path) -> list[Template]:
    """Parse one template YAML file; errors name the file, the line or template, and the field.

    An empty file, a file with no templates and a template id used twice are errors (``UserError``).
    """
    path = Path(path)
    raw = load_yaml(path, "template file")
    if raw is None:
        raise UserError(f"{path}: empty template file; expected 'trait:' and 'templates:'")
    try:
        parsed = TemplateFile.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        loc = list(first["loc"])
        where = ".".join(str(p) for p in loc) or "(top level)"
        if len(loc) >= 2 and loc[0] == "templates" and isinstance(raw, dict):
            with contextlib.suppress(KeyError, IndexError, TypeError):
                where = f"template '{visible(raw['templates'][loc[1]]['id'], 80)}': " + ".".join(str(p) for p in loc[2:])
        raise UserError(f"{path}: {where}: {first['msg'].removeprefix('Value error, ')}") from None
    if not parsed.templates:
        raise UserError(f"{path}: templates: the list is empty; a template file needs at least one template")
    seen: set[str] = set()
    for t in parsed.templates:
        if t.id in seen:
            raise UserError(f"{path}: template '{t.id}': id: defined twice in this file; template ids must be unique")
        seen.add(t.id)
        t.trait = parsed.trait
    return parsed.templates


def builtin_template_dir() -> Path:
    return Path(str(resources.files("traitrl.scenarios") / "templates"))


@cache
def builtin_templates() -> tuple[Template, ...]:
    out: list[Template] = []
    seen: dict[str, Path] = {}
    for path in sorted(builtin_template_dir().glob("*.yaml")):
        for t in load_template_file(path):
            if t.id in seen:
                raise UserError(f"{path}: template id {t.id!r} already defined in {seen[t.id]}")
            seen[t.id] = path
            out.append(t)
    return tuple(out)


def template_slots_example(t: Template) -> dict[str, Any]:
    """The first case's slots, for documentation and `scenarios show`."""
    domain, cases = next(iter(t.cases.items()))
    return {"domain": domain, **cases[0], **t.variants[0]}
