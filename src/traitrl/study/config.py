"""StudyConfig: one YAML file per study — arms as overrides of one base training config, the evaluation, the
persistence protocols and a pre-registration written before anything runs.

Arms are never copied files: each arm is ``base`` plus its own overrides, so every arm shares the start checkpoint,
steps, prompts per step, generations and max tokens unless an override says otherwise (and the compute signature
recorded with each training run shows it). Everything is validated when the file is read — including every arm's
full :class:`~traitrl.rl.config.TrainConfig` — so a typo fails before any model loads.

Profiles (``configs/study/``): ``demo`` (embedded model, 2 CPU cores, ≤ 15 min), ``quick`` (embedded model, CPU,
≤ 60 min) and ``full`` (any HF model on GPUs, multi-seed). A small profile may run a subset of the suite, personas
and attack grid; it says which and why in ``subset_note``, and the report repeats it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from traitrl.attacks.config import Decision, PersistEval
from traitrl.attacks.grids import GridConfig
from traitrl.core.config import load_config, validate_config
from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.rl.config import TrainConfig

START = "start"  # the name of the start model (before any RL) among the evaluated models

# Fields of an arm's TrainConfig the study sets itself (per arm and seed); they may not appear in base or arms.
_STUDY_OWNED = ("output_dir", "store", "seed", "resume")


def _check_owned(fields: dict[str, Any], where: str) -> None:
    owned = sorted(set(fields) & set(_STUDY_OWNED))
    if owned:
        raise ValueError(f"{where}: {', '.join(owned)} are set by the study per arm and seed; remove them")


class Preregistration(BaseModel):
    """What the study claims it will test, fixed before the first result exists (stored with the results)."""

    model_config = ConfigDict(extra="forbid")

    hypotheses: list[str] = Field(min_length=1)
    primary_benchmarks: list[str] = Field(min_length=1)
    noninferiority_margin: float = Field(default=0.03, gt=0.0, lt=1.0)
    alpha: float = Field(default=0.05, gt=0.0, lt=1.0)
    doses: list[float] = Field(default_factory=list)


class FinetuneStage(BaseModel):
    """The harmful fine-tuning stage: the grid (same shape as ``traitrl persist finetune --grid``)."""

    model_config = ConfigDict(extra="forbid")

    grid: GridConfig
    eval: PersistEval | None = None  # default: the study's eval settings


class PersistenceConfig(BaseModel):
    """Persistence of ``candidate`` against each of ``references`` (arm names, or ``start``)."""

    model_config = ConfigDict(extra="forbid")

    candidate: str
    references: list[str] = Field(min_length=1)
    personas: list[str] = Field(default_factory=list)  # empty: every shipped persona
    eval: PersistEval | None = None  # default: the study's eval settings
    decision: Decision = Field(default_factory=Decision)
    finetune: FinetuneStage | None = None


class StudyConfig(BaseModel):
    """A whole study. See ``configs/study/demo.yaml`` for a commented example."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    profile: Literal["demo", "quick", "full", "custom"] = "custom"
    output_dir: Path | None = None  # default: runs/study/<name>
    seeds: list[int] = Field(default_factory=lambda: [0], min_length=1)
    base: dict[str, Any] = Field(default_factory=dict)  # TrainConfig fields every arm shares
    arms: dict[str, dict[str, Any]] = Field(min_length=1)  # arm name -> TrainConfig overrides (incl. ``arm``)
    baseline: str = "baseline"  # the compute-matched arm every other arm is compared with
    eval: PersistEval = Field(default_factory=PersistEval)
    persistence: PersistenceConfig | None = None
    preregistration: Preregistration
    subset_note: str = ""
    transcripts: int = Field(default=6, ge=0, le=100)
    transfer_by: Literal["domain", "category"] = "category"

    @field_validator("base")
    @classmethod
    def _base(cls, v: dict[str, Any]) -> dict[str, Any]:
        _check_owned(v, "base")
        return v

    @field_validator("arms")
    @classmethod
    def _arms(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for name, overrides in v.items():
            _check_owned(overrides, f"arms.{name}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> StudyConfig:
        if START in self.arms:
            raise UserError(f"{START!r} names the start model; choose another arm name")
        if self.baseline not in self.arms:
            raise UserError(f"baseline {self.baseline!r} is not one of the arms ({', '.join(self.arms)})")
        for name in self.arms:
            self.train_config(name, self.seeds[0])  # every arm must be a valid TrainConfig, now
        p = self.persistence
        if p is not None:
            known = {*self.arms, START}
            bad = sorted({p.candidate, *p.references} - known)
            if bad:
                raise UserError(f"persistence names unknown model(s) {', '.join(bad)}; use arms or {START!r}")
            if p.candidate in p.references:
                raise UserError("persistence: the candidate cannot also be a reference")
        return self

    @property
    def root(self) -> Path:
        return self.output_dir or Path("runs/study") / self.name

    @property
    def store(self) -> Path:
        return self.root / "results.sqlite"

    def arm_dir(self, arm: str, seed: int) -> Path:
        return self.root / "arms" / f"{arm}-s{seed}"

    def train_config(self, arm: str, seed: int) -> TrainConfig:
        """The full, validated TrainConfig of one arm and seed."""
        data = {**self.base, **self.arms[arm], "seed": seed, "output_dir": self.arm_dir(arm, seed),
                "store": self.store}
        return validate_config(TrainConfig, data, where=f"arms.{arm}")

    def key(self) -> str:
        """Content key of everything that decides the results (not where they are written)."""
        return content_key(self.model_dump(mode="json", exclude={"output_dir"}), 16)


def load_study_config(path: str | Path, **overrides: Any) -> StudyConfig:
    """Read and validate a study YAML (``overrides``: top-level fields given on the command line)."""
    return load_config(StudyConfig, path, overrides, example_dir="configs/study/")


__all__ = ["START", "FinetuneStage", "PersistenceConfig", "Preregistration", "StudyConfig", "load_study_config"]
