"""Attack grids: steps × learning rate × LoRA/full × seeds, over one or more attack datasets.

A grid **cell** is one fine-tuning run (attack, mode, learning rate, seed); its **checkpoints** are the grid's
step counts, evaluated on the way through one run of ``max(steps)`` steps. The learning rate is constant (no
warm-up, no decay), so the model at checkpoint ``s`` is the model an ``s``-step run would give — steps are a real
grid dimension, not a point on one schedule. Learning rates are given per mode, because LoRA needs roughly ten
times the full fine-tuning rate to move a model as far.

Named grids ship in ``traitrl/attacks/data/grids/``: ``quick`` (CPU: two learning rates × two step counts × one
seed, one attack) and ``full`` (GPU: four attacks, both modes, three learning rates, four step counts, three
seeds). ``--grid PATH`` reads any YAML of the same shape.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from traitrl.attacks.config import ProtocolConfig
from traitrl.core.config import load_config
from traitrl.core.errors import UserError
from traitrl.core.keys import content_key

Mode = Literal["lora", "full"]
GRID_NAMES = ("quick", "full")


class Cell(BaseModel):
    """One fine-tuning run of the grid."""

    model_config = ConfigDict(frozen=True)

    attack: str
    mode: Mode
    learning_rate: float
    seed: int

    @property
    def label(self) -> str:
        """A readable name, e.g. ``medical_misinfo/lora/lr=0.0001/seed=0``."""
        return f"{self.attack}/{self.mode}/lr={self.learning_rate:g}/seed={self.seed}"


class GridConfig(BaseModel):
    """The attack grid and the training settings every cell shares."""

    model_config = ConfigDict(extra="forbid")

    name: str = "custom"
    attacks: list[str] = Field(min_length=1)
    learning_rates: dict[Mode, list[float]] = Field(min_length=1)
    steps: list[int] = Field(min_length=1, description="Checkpoints evaluated (optimizer steps).")
    seeds: list[int] = Field(default_factory=lambda: [0], min_length=1)
    batch_size: int = Field(default=4, ge=1)
    max_length: int = Field(default=256, ge=16)
    lora_r: int = Field(default=16, ge=1)
    lora_alpha: int = Field(default=32, ge=1)
    benign_control: bool = True

    @field_validator("steps")
    @classmethod
    def _steps(cls, v: list[int]) -> list[int]:
        if any(s < 1 for s in v):
            raise ValueError("checkpoint steps must be >= 1 (step 0, the clean model, is always evaluated)")
        return sorted(set(v))

    @field_validator("learning_rates")
    @classmethod
    def _rates(cls, v: dict[Mode, list[float]]) -> dict[Mode, list[float]]:
        for mode, rates in v.items():
            if not rates or any(r <= 0 for r in rates):
                raise ValueError(f"{mode}: give at least one positive learning rate")
        return {m: sorted(set(r)) for m, r in v.items()}

    @model_validator(mode="after")
    def _attacks(self) -> GridConfig:
        from traitrl.attacks.harmful_ft import load_attacks

        known = load_attacks()
        bad = [a for a in self.attacks if a not in known]
        if bad:
            raise ValueError(f"unknown attack(s) {', '.join(bad)}; known: {', '.join(sorted(known))}")
        return self

    @property
    def max_steps(self) -> int:
        return self.steps[-1]

    def cells(self) -> list[Cell]:
        """Every cell, in a fixed order (attack, mode, learning rate, seed)."""
        return [Cell(attack=a, mode=m, learning_rate=lr, seed=s)
                for a in self.attacks for m in sorted(self.learning_rates) for lr in self.learning_rates[m]
                for s in self.seeds]

    def control_cells(self, control: str) -> list[Cell]:
        """The benign control for each mode: the mode's largest learning rate and the first seed, so the control
        gets the budget of the strongest attack cell (it trains for ``max_steps`` like every cell)."""
        return [Cell(attack=control, mode=m, learning_rate=max(r), seed=self.seeds[0])
                for m, r in sorted(self.learning_rates.items())]

    def training_identity(self, cell: Cell) -> dict[str, Any]:
        """Everything about a cell's training that changes its weights."""
        out: dict[str, Any] = {**cell.model_dump(), "batch_size": self.batch_size, "max_length": self.max_length,
                               "schedule": "constant"}
        if cell.mode == "lora":
            out.update(lora_r=self.lora_r, lora_alpha=self.lora_alpha)
        return out

    def n_trainings(self) -> int:
        return len(self.cells()) + (len(self.learning_rates) if self.benign_control else 0)


class FinetuneConfig(ProtocolConfig):
    """The harmful fine-tuning protocol: the grid plus the shared protocol settings."""

    grid: GridConfig

    def cell_key(self, model_fingerprint: str, attack_version: str, cell: Cell, benchmarks: list[str]) -> str:
        """Content key of one cell's evaluations for one model (its stored runs are ``ft-<key>-s<step>``)."""
        return content_key({"model": model_fingerprint, "attack": attack_version,
                            "train": self.grid.training_identity(cell), "eval": self.eval.model_dump(mode="json"),
                            "benchmarks": benchmarks}, 12)


def grid_path(name: str) -> Path:
    """The YAML file of a named grid."""
    return Path(str(resources.files("traitrl.attacks") / "data" / "grids" / f"{name}.yaml"))


def load_grid(name_or_path: str | Path) -> GridConfig:
    """A named grid (``quick`` | ``full``) or a grid YAML file.

    Raises:
        UserError: unknown name, missing file or invalid field (named by file and field).
    """
    text = str(name_or_path)
    if text in GRID_NAMES:
        grid = load_config(GridConfig, grid_path(text))
        return grid
    path = Path(text)
    if not path.is_file():
        raise UserError(f"--grid {text!r}: not {' or '.join(GRID_NAMES)} and no such grid file")
    return load_config(GridConfig, path)
