"""EvalConfig: the one validated configuration of an evaluation run (CLI flags or a YAML file).

``traitrl eval --config eval.yaml`` reads it; flags given on the command line win over the file. Fields split in
two: those that can change a result (model, benchmarks and their arguments, quick, limit, persona, prompt format,
seed, precision; the judge is keyed with the judge-scored benchmarks it grades) go into the run's content key (:func:`traitrl.evals.identity.run_key`); execution
settings (batch sizes, store path, run id, labels) do not, so the same evaluation finds its stored results again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from traitrl.core.config import load_config
from traitrl.core.errors import UserError
from traitrl.evals.formatting import MCFormat
from traitrl.grading.judge import JudgeConfig
from traitrl.models.loading import Precision
from traitrl.results.store import DEFAULT_STORE

LabelValue = str | int | float | bool


class EvalConfig(BaseModel):
    """Everything an evaluation run needs. Example: ``configs/eval/quick.yaml``."""

    model_config = ConfigDict(extra="forbid")

    model: str = "embedded"
    suite: str = "default"
    benchmarks: list[str] = Field(default_factory=list, description="Replaces the suite when given.")
    quick: bool = False
    limit: int | None = Field(default=None, ge=1)
    persona: str | None = None
    mc_format: MCFormat = "chat"
    seed: int = 0
    precision: Precision = "fp32"
    judge: JudgeConfig | None = None
    # Execution only (not part of the run's identity).
    batch_size: int = Field(default=16, ge=1)
    option_batch: int = Field(default=64, ge=1)
    generation_batch: int = Field(default=32, ge=1)
    store: Path = DEFAULT_STORE
    run_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.:@+-]{1,120}$")
    labels: dict[str, LabelValue] = Field(default_factory=dict)

    @field_validator("persona")
    @classmethod
    def _persona(cls, v: str | None) -> str | None:
        if v is not None and v.startswith("@"):
            path = Path(v[1:])
            try:
                v = path.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as err:
                raise UserError(f"cannot read persona file {path}: {err}") from None
        return v or None

    def benchmark_refs(self) -> list[str]:
        """The benchmarks to run: the explicit list, or the suite's members."""
        from traitrl.evals.registry import suite_names

        names = list(self.benchmarks) or suite_names(self.suite)
        if not names:
            raise UserError(f"suite {self.suite!r} has no benchmarks")
        return names

    def identity(self) -> dict[str, Any]:
        """The settings that can change a result. The model and each benchmark (with the judge that grades it,
        for judge-scored ones) are keyed separately."""
        return {name: getattr(self, name) for name in IDENTITY_FIELDS}


IDENTITY_FIELDS = ("quick", "limit", "persona", "mc_format", "seed", "precision")


def load_eval_config(path: str | Path, **overrides: Any) -> EvalConfig:
    """Read a YAML EvalConfig; ``overrides`` (flags that were given) win. Errors name the file and field."""
    return load_config(EvalConfig, path, overrides, example_dir="configs/eval/")
