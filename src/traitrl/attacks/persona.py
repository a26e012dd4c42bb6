"""Personas as data: named harmful and helpful personas, each tied to the benchmark categories it targets.

The personas live in ``traitrl/attacks/data/personas.yaml`` (written for traitrl; a researcher edits the file, not
this module) or any YAML file of the same shape passed as ``persona_file``. Each persona records its **placement**
— ``system`` (a system prompt, merged before a benchmark's own system text) or ``user_prefix`` (the opening
paragraph of the first user turn, the way a user rather than an operator would supply it) — and its **version**,
the content key of its kind, placement, targets and text, so a stored run always names the exact text it ran.

What differs from the reference study: its prompt test used a few health and mental-health personas on five
evals; here every category has at least one harmful and one helpful persona aimed at it (the trait held-out set
only a helpful one), and a persona is evaluated on every benchmark of the run, so spill-over is visible too.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from traitrl.core.config import validate_config
from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.evals.api import CATEGORY_MINIMUMS
from traitrl.evals.formatting import PersonaPlacement

PersonaKind = Literal["harmful", "helpful"]
KINDS: tuple[PersonaKind, ...] = ("harmful", "helpful")


class Persona(BaseModel):
    """One persona: what the model is told, where, and which categories it is meant to move."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    kind: PersonaKind
    placement: PersonaPlacement = "system"
    targets: tuple[str, ...] = Field(min_length=1)
    text: str = Field(min_length=1)
    description: str = ""

    @field_validator("targets")
    @classmethod
    def _targets(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = sorted(set(v) - set(CATEGORY_MINIMUMS))
        if bad:
            raise ValueError(f"unknown categories {', '.join(bad)}; use {', '.join(CATEGORY_MINIMUMS)}")
        return v

    @property
    def version(self) -> str:
        """Content key of everything that can change a result (the description is documentation only)."""
        return content_key({"kind": self.kind, "placement": self.placement, "targets": list(self.targets),
                            "text": " ".join(self.text.split())}, 12)

    def labels(self) -> dict[str, str]:
        """What a stored run records about the persona it ran with."""
        return {"persona": self.name, "persona_kind": self.kind, "persona_version": self.version,
                "persona_placement": self.placement}


def default_persona_file() -> Path:
    """The personas shipped with traitrl."""
    return Path(str(resources.files("traitrl.attacks") / "data" / "personas.yaml"))


def load_personas(path: str | Path | None = None) -> dict[str, Persona]:
    """Read a persona file (``harmful:`` and ``helpful:`` mappings of name -> fields); errors name file and field.

    Raises:
        UserError: the file is missing, not YAML, has an unknown section, or a persona is invalid.
    """
    file = Path(path) if path is not None else default_persona_file()
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise UserError(f"{file}: cannot read persona file ({err})") from None
    except yaml.YAMLError as err:
        raise UserError(f"{file}: not valid YAML: {err}") from None
    if not isinstance(raw, dict):
        raise UserError(f"{file}: expected 'harmful:' and 'helpful:' mappings at the top level")
    unknown = sorted(set(raw) - set(KINDS))
    if unknown:
        raise UserError(f"{file}: unknown section(s) {', '.join(unknown)}; use harmful and helpful")
    out: dict[str, Persona] = {}
    for kind in KINDS:
        section: Any = raw.get(kind) or {}
        if not isinstance(section, dict):
            raise UserError(f"{file}: {kind}: expected a mapping of persona name -> fields")
        for name, fields in section.items():
            if name in out:
                raise UserError(f"{file}: persona {name!r} appears twice")
            if not isinstance(fields, dict):
                raise UserError(f"{file}: {kind}.{name}: expected a mapping with placement, targets and text")
            out[name] = validate_config(Persona, {"name": name, "kind": kind, **fields}, where=f"{file}: {kind}.{name}")
    return out


def select_personas(personas: dict[str, Persona], names: Sequence[str] = ()) -> list[Persona]:
    """The named personas in the given order (all, harmful first, when ``names`` is empty).

    Raises:
        UserError: a name is not in the file.
    """
    if not names:
        return sorted(personas.values(), key=lambda p: (KINDS.index(p.kind), p.name))
    missing = [n for n in names if n not in personas]
    if missing:
        raise UserError(f"unknown persona(s) {', '.join(missing)}; known: {', '.join(sorted(personas))}")
    return [personas[n] for n in dict.fromkeys(names)]


def coverage(personas: Sequence[Persona]) -> dict[str, dict[str, list[str]]]:
    """category -> kind -> persona names aiming at it (categories no persona targets are left out)."""
    out: dict[str, dict[str, list[str]]] = {}
    for p in personas:
        for cat in p.targets:
            out.setdefault(cat, {k: [] for k in KINDS})[p.kind].append(p.name)
    return out
