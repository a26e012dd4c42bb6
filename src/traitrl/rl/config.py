"""TrainConfig: the one validated configuration of a training run (CLI flags or YAML).

Validated when built, so a bad config fails before any model loads, with a message that says how to fix it.
It holds names and numbers only (model spec, arm name, task weights), never live objects, so it can be saved in
the run record, diffed and swept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from traitrl.core.config import load_config
from traitrl.core.config import validate_config as validate_model
from traitrl.core.errors import UserError
from traitrl.core.text import visible
from traitrl.grading.judge import JudgeConfig
from traitrl.grading.rubric import RubricReward
from traitrl.models.loading import Precision
from traitrl.results.store import DEFAULT_STORE
from traitrl.rl.arms import ARMS, Arm, get_arm

DEFAULT_TASKS = {"arithmetic": 1.0, "instructions": 1.0, "facts": 1.0, "formats": 1.0}


# Strict numbers: YAML `steps: "20"`, `lora: 1` or `temperature: .inf` are mistakes, not values to coerce.
Int = Annotated[int, Field(strict=True)]
Float = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class TrainConfig(BaseModel):
    """Everything a training run needs. See ``configs/train/*.yaml`` for examples."""

    model_config = ConfigDict(extra="forbid", strict=False)

    arm: str = "trait"
    dose: Float | None = Field(default=None, ge=0.0, le=1.0)
    traits: list[str] | None = None
    domains: list[str] | None = None
    exclude_domains: list[str] = []
    tasks: dict[str, Float] = Field(default_factory=lambda: dict(DEFAULT_TASKS))

    model: str = Field(default="embedded", min_length=1)
    output_dir: Path = Path("runs/train")
    seed: Int = Field(default=0, ge=0)
    steps: Int = Field(default=20, ge=1)
    prompts_per_step: Int = Field(default=4, ge=1)
    generations_per_prompt: Int = Field(default=4, ge=2)
    max_tokens: Int = Field(default=64, ge=1)
    # 0.7, not TRL's 1.0: at 1.0 the 135M embedded model's samples are mostly word salad; measured on 56 trait
    # prompts x 4 samples (160 tokens), groups with no reward variance fell from 62% to 52% (docs/training.md).
    temperature: Float = Field(default=0.7, gt=0.0, le=100.0)
    # The trait reward trained on: "graded" (partial credit, signed; traitrl.grading.rubric.graded_reward),
    # "partial" (partial credit floored at 0: no edge for off-topic replies over penalised ones) or "score" (the
    # benchmark's [0, 1] rubric score). Dead groups on the same samples: 27% (graded) vs 52% (score).
    rubric_reward: RubricReward = "graded"
    learning_rate: Float = Field(default=1e-5, gt=0.0, le=1.0)
    beta: Float = Field(default=0.0, ge=0.0)
    lora: Annotated[bool, Field(strict=True)] = False
    lora_r: Int = Field(default=16, ge=1)
    lora_alpha: Int = Field(default=32, ge=1)
    precision: Precision = "auto"
    gradient_checkpointing: Annotated[bool, Field(strict=True)] = False

    save_steps: Int = Field(default=10, ge=1)
    # Checkpoints kept (the newest; resuming needs only the last). Each holds the weights and the optimizer state,
    # ~1.6 GB for the 135M embedded model, so keeping every one filled a disk during a dose study. null keeps all.
    save_total_limit: Int | None = Field(default=2, ge=1)
    log_samples_every: Int = Field(default=5, ge=1)
    heldout_every: Int = Field(default=0, ge=0)
    heldout_n: Int = Field(default=24, ge=0)
    judge: JudgeConfig | None = None
    store: Path = DEFAULT_STORE  # where the held-out curve's eval runs and the training record are stored
    report_to: list[str] = ["none"]
    use_vllm: Annotated[bool, Field(strict=True)] = False
    vllm_mode: Literal["colocate", "server"] = "colocate"
    resume: Annotated[bool, Field(strict=True)] = False
    trl_overrides: dict[str, Any] = {}

    @field_validator("output_dir")
    @classmethod
    def _output_dir(cls, v: Path) -> Path:
        """The output folder must be creatable: neither it nor any parent may be an existing file."""
        if not str(v).strip():
            raise ValueError("output_dir is empty")
        for p in (v, *v.parents):
            if p.exists() and not p.is_dir():
                what = "is a file" if p == v else f"is under {p}, which is a file"
                raise ValueError(f"output_dir {visible(v, 200)} {what}; choose a folder path")
        return v

    @field_validator("arm")
    @classmethod
    def _arm(cls, v: str) -> str:
        get_arm(v)
        return v

    @field_validator("tasks")
    @classmethod
    def _tasks(cls, v: dict[str, float]) -> dict[str, float]:
        from traitrl.tasks import TASKS

        unknown = sorted(set(v) - set(TASKS))
        if unknown:
            raise UserError(f"unknown task(s) {', '.join(unknown)}; known: {', '.join(sorted(TASKS))}")
        if not v or any(w < 0 for w in v.values()) or sum(v.values()) <= 0:
            raise UserError("tasks needs at least one task with a positive weight, e.g. {arithmetic: 1}")
        return v

    @field_validator("traits")
    @classmethod
    def _traits(cls, v: list[str] | None) -> list[str] | None:
        from traitrl.core.taxonomy import TRAITS

        bad = sorted(set(v or []) - set(TRAITS))
        if bad:
            raise UserError(f"unknown trait(s) {', '.join(bad)}; known: {', '.join(TRAITS)}")
        return v

    @field_validator("domains", "exclude_domains")
    @classmethod
    def _domains(cls, v: list[str] | None) -> list[str] | None:
        from traitrl.core.taxonomy import DOMAINS

        bad = sorted(set(v or []) - set(DOMAINS))
        if bad:
            raise UserError(f"unknown domain(s) {', '.join(bad)}; known: {', '.join(DOMAINS)}")
        return v

    @field_validator("trl_overrides")
    @classmethod
    def _overrides(cls, v: dict[str, Any]) -> dict[str, Any]:
        from traitrl.rl.trl_overrides import check_trl_overrides

        return check_trl_overrides(v)

    @model_validator(mode="after")
    def _consistent(self) -> TrainConfig:
        arm = get_arm(self.arm)
        if arm.fixed_dose and self.dose not in (None, arm.dose):
            raise UserError(f"arm {self.arm!r} always has dose {arm.dose}; drop --dose or use --arm trait")
        if self.arm == "baseline" and (self.traits or self.domains or self.exclude_domains):
            raise UserError("the baseline arm has no trait data, so traits/domains filters do not apply")
        if self.arm != "baseline" and self.effective_dose == 0:
            raise UserError(f"arm {self.arm!r} with dose 0 is the baseline; use --arm baseline or a dose > 0")
        if self.heldout_every and self.heldout_every > self.steps:
            raise UserError(f"heldout_every ({self.heldout_every}) exceeds steps ({self.steps}); lower it or set 0")
        return self

    @property
    def effective_dose(self) -> float:
        return self.dose if self.dose is not None else get_arm(self.arm).dose

    @property
    def resolved_arm(self) -> Arm:
        """The arm with this config's filters applied (filters in the config override the arm's own)."""
        arm = ARMS[self.arm]
        return Arm(
            name=arm.name, dose=self.effective_dose, trait_reward=arm.trait_reward,
            traits=tuple(self.traits or arm.traits), domains=tuple(self.domains or arm.domains),
            exclude_domains=tuple(self.exclude_domains or arm.exclude_domains), description=arm.description,
            fixed_dose=arm.fixed_dose,
        )

    @property
    def total_prompts(self) -> int:
        return self.steps * self.prompts_per_step

    def compute_signature(self) -> dict[str, Any]:
        """What must be equal across arms for a compute-matched comparison."""
        return {"model": self.model, "steps": self.steps, "prompts_per_step": self.prompts_per_step,
                "generations_per_prompt": self.generations_per_prompt, "max_tokens": self.max_tokens,
                "lora": self.lora, "precision": self.precision}


def load_train_config(path: str | Path, **overrides: Any) -> TrainConfig:
    """Read a YAML config; ``overrides`` (CLI flags that were given) win. Errors name the file and the field."""
    return load_config(TrainConfig, path, overrides, example_dir="configs/train/")


def validate_config(data: dict[str, Any], where: str = "config") -> TrainConfig:
    """Build a TrainConfig; errors name the field (see :func:`traitrl.core.config.validate_config`)."""
    return validate_model(TrainConfig, data, where)
