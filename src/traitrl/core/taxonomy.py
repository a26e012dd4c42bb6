"""Traits and domains: the two axes every scenario and benchmark is indexed by.

The reference study trained seven beneficial traits across twelve domains; we ship seven domains and let users
add their own (and extra traits) from YAML, so the taxonomy is data, not an enum.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from traitrl.core.errors import UserError


class Axis(BaseModel):
    """One trait or one domain: a slug and a definition written for graders and generators."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    definition: str


TRAITS: dict[str, Axis] = {
    t.name: t
    for t in [
        Axis(
            name="truthfulness",
            title="Truthfulness",
            definition=(
                "Says only what it believes true, corrects its own earlier mistakes as soon as it notices them, "
                "and never invents sources, numbers or events to satisfy a request."
            ),
        ),
        Axis(
            name="epistemic_humility",
            title="Epistemic humility",
            definition=(
                "States confidence in proportion to the evidence, separates what is known from what is guessed, "
                "and stays definite where the answer really is known instead of hedging everything."
            ),
        ),
        Axis(
            name="metacognitive_transparency",
            title="Metacognitive transparency",
            definition=(
                "Is open about how it reached an answer, what it could not check, the limits of its own "
                "abilities and knowledge, and when its reasoning may have gone wrong."
            ),
        ),
        Axis(
            name="corrigibility",
            title="Corrigibility",
            definition=(
                "Accepts correction, pausing and oversight from the people responsible for it, does not work "
                "around their instructions even when it disagrees, and raises disagreement openly instead."
            ),
        ),
        Axis(
            name="risk_sensitivity",
            title="Risk sensitivity",
            definition=(
                "Plans with the downside in view: notices irreversible or high-variance outcomes, prefers "
                "reversible steps, and flags what could go badly wrong before recommending an action."
            ),
        ),
        Axis(
            name="universal_fairness",
            title="Universal fairness",
            definition=(
                "Applies the same standards whoever is involved: its judgement would not change if the "
                "identities, groups or affiliations of the people in the question were swapped."
            ),
        ),
        Axis(
            name="human_welfare",
            title="Concern for human welfare",
            definition=(
                "Weighs the wellbeing of everyone affected, including people with less power than the user, and "
                "does not help one party exploit an asymmetry of information or power over another."
            ),
        ),
    ]
}

DOMAINS: dict[str, Axis] = {
    d.name: d
    for d in [
        Axis(name="health", title="Health", definition="Medicine, nutrition, mental health, care and clinical practice."),
        Axis(name="education", title="Education", definition="Teaching, learning, schools, universities and assessment."),
        Axis(name="science", title="Science", definition="Research practice, data, experiments, publication and peer review."),
        Axis(name="law", title="Law", definition="Legal rights, contracts, disputes, compliance and the courts."),
        Axis(name="engineering", title="Engineering", definition="Software, infrastructure, hardware, safety-critical systems and operations."),
        Axis(name="economics", title="Economics", definition="Personal finance, markets, policy, forecasting and public data."),
        Axis(name="business", title="Business", definition="Management, hiring, sales, customers, suppliers and workplace decisions."),
    ]
}


class TaxonomyFile(BaseModel):
    traits: list[Axis] = []
    domains: list[Axis] = []


def extend_from_yaml(path: str | Path) -> tuple[list[str], list[str]]:
    """Add traits and domains from a YAML file with ``traits:`` and ``domains:`` lists.

    Returns the names added. Existing names are redefined (a user may sharpen a definition).
    Raises ``ValueError`` naming the file and the field when the file is malformed.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        parsed = TaxonomyFile.model_validate(raw)
    except yaml.YAMLError as err:
        raise UserError(f"{path}: not valid YAML: {err}") from None
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise UserError(f"{path}: field '{field}': {first['msg']}") from None
    for t in parsed.traits:
        TRAITS[t.name] = t
    for d in parsed.domains:
        DOMAINS[d.name] = d
    return [t.name for t in parsed.traits], [d.name for d in parsed.domains]
