"""Arms of the study: which trait data enters the mix, at what dose, rewarded how.

All arms of one comparison share the start checkpoint, steps, prompts per step, generations per prompt and max
new tokens (``compute_signature``), so differences come from the data and the reward, not the compute.

- ``baseline``: 100% standard tasks (dose 0).
- ``trait``: dose ``d`` of trait scenarios (train split), rewarded by their rubrics.
- ``reward_control``: the same trait prompts, at the same positions, rewarded by a generic helpfulness proxy.
- ``health_only``: trait scenarios from the health domain only.
- ``no_health_science``: trait scenarios from every domain except health and science.
- ``custom``: the ``traits`` / ``domains`` / ``exclude_domains`` filters of the config.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from traitrl.core.errors import UserError

DEFAULT_DOSE = 0.05
TraitReward = Literal["rubric", "helpfulness"]


@dataclass(frozen=True)
class Arm:
    """A named arm: its default dose, how its trait rows are rewarded and which scenarios it may draw."""

    name: str
    dose: float = DEFAULT_DOSE
    trait_reward: TraitReward = "rubric"
    traits: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    exclude_domains: tuple[str, ...] = ()
    description: str = ""
    fixed_dose: bool = False  # the baseline's dose is part of its definition


ARMS: dict[str, Arm] = {
    "baseline": Arm("baseline", dose=0.0, fixed_dose=True, description="100% standard tasks"),
    "trait": Arm("trait", description="dose d of trait scenarios, rubric reward"),
    "reward_control": Arm("reward_control", trait_reward="helpfulness",
                          description="same trait prompts, generic helpfulness reward"),
    "health_only": Arm("health_only", domains=("health",), description="trait data from health only"),
    "no_health_science": Arm("no_health_science", exclude_domains=("health", "science"),
                             description="trait data without health and science"),
    "custom": Arm("custom", description="trait data filtered by the config's traits/domains"),
}


def get_arm(name: str) -> Arm:
    """The named arm; raises ValueError listing the known arms."""
    if name not in ARMS:
        raise UserError(f"unknown arm {name!r}; choose one of {', '.join(ARMS)} "
                         "(or 'custom' with traits/domains filters)")
    return ARMS[name]
