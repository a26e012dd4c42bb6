"""The study summary: everything the HTML, JSON and Markdown reports show, as one validated, versioned object.

The study orchestrator (:mod:`traitrl.study`) fills a :class:`StudyReport` from the results store; the renderers
(:mod:`traitrl.report.render`) only read it. ``summary.json`` is this object's ``model_dump(mode="json")`` and
its schema is stable: fields are only ever added (``schema_version`` rises when one changes meaning).

All text that came from a model, a scenario or a user (replies, prompts, persona text, config values) is stored
raw here; renderers escape it for their medium.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 3  # v2: shift_headlines, headroom; v3: dose_response


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Model):
    """What produced the numbers: config, pre-registration, seeds, code and package versions."""

    study: str
    profile: str
    config: dict[str, Any]
    config_key: str  # content key of the config; summaries of the same key are byte-identical
    preregistration: dict[str, Any]
    seeds: list[int]
    git_hash: str | None = None
    traitrl_version: str
    packages: dict[str, str] = Field(default_factory=dict)  # torch, transformers, trl, ...
    started: str | None = None  # ISO time of the first stage (not part of the byte-identical guarantee)
    subset_note: str = ""  # which benchmarks / personas / attack grid a small profile runs, and why


class Headline(_Model):
    """One arm against the baseline, stated as the reference study states it."""

    arm: str
    baseline: str
    ahead: int  # benchmarks where the arm's mean is above the baseline's
    n_benchmarks: int
    significant_gains: int  # after BH over the whole family
    significant_regressions: int
    mean_delta: float  # mean over benchmarks of (arm − baseline), as a fraction (0.01 = 1 point)
    text: str  # e.g. "ahead on 31 of 53; 9 significant after BH; 1 significant regression; mean Δ +1.2 pp"


class BenchmarkDelta(_Model):
    """One benchmark, one arm vs baseline: paired difference with a clustered CI."""

    arm: str
    benchmark: str
    category: str
    n: int
    n_eff: float | None = None
    mean_baseline: float
    mean_arm: float
    delta: float
    ci_low: float
    ci_high: float
    p_value: float | None = None
    q_value: float | None = None  # BH-adjusted over the family
    significant: bool = False
    flags: list[str] = Field(default_factory=list)  # floor / ceiling / chance (either model)


class RefusalSummary(_Model):
    """Refusal rates of each model, the comparison restricted to items neither model refused, and how often its
    generated replies loop (degeneration that no score shows)."""

    model: str
    refusal_rate: float | None
    n_items: int
    non_refused_headline: str = ""  # vs baseline, on items neither refused
    looping_rate: float | None = None  # share of generated replies that say a sentence of 8+ words twice
    n_replies: int = 0  # generated replies read for looping_rate


class CurvePoint(_Model):
    step: int
    value: float
    ci_low: float | None = None
    ci_high: float | None = None


class Curve(_Model):
    """A per-arm series: training reward, or the held-out trait score during training."""

    arm: str
    metric: str  # "reward" | "heldout_trait" | ...
    points: list[CurvePoint]


class TransferCell(_Model):
    """Training arm × benchmark group (domain or category): mean delta vs baseline."""

    arm: str
    group: str
    delta: float
    ci_low: float | None = None
    ci_high: float | None = None
    n_benchmarks: int = 0


class PersonaEffect(_Model):
    """One persona, one category: clean and steered score of models A and B, retention, and the verdict."""

    persona: str
    kind: str  # harmful | helpful
    category: str
    clean_a: float | None
    steered_a: float | None
    clean_b: float | None
    steered_b: float | None
    retention_a: float | None = None  # steered / clean
    retention_b: float | None = None
    diff: float | None = None  # (steered_B − clean_B) − (steered_A − clean_A)
    ci_low: float | None = None
    ci_high: float | None = None


class Verdict(_Model):
    """Per category: selectively persistent / not persistent / not measurable / ... with the reason."""

    protocol: str  # prompts | finetune
    category: str
    verdict: str
    reason: str = ""


class HarmPoint(_Model):
    model: str  # A or B (their names in ``models``)
    attack: str
    step: int
    attacked_drop: float | None
    spillover_drop: float | None


class FinetuneSummary(_Model):
    """Harmful fine-tuning: harm curves per model, area-under-curve ratio, the worst-case attack."""

    models: dict[str, str]  # {"A": name, "B": name}
    points: list[HarmPoint]
    auc: dict[str, float | None] = Field(default_factory=dict)  # per model
    auc_ratio: float | None = None  # B / A
    steps_to_compromise: dict[str, int | None] = Field(default_factory=dict)
    worst_case: str = ""  # a sentence naming the attack cell that hurt B most, with its numbers
    benign_control: str = ""


class Transcript(_Model):
    """A sample conversation shown in the report (all text raw; renderers escape)."""

    model: str
    benchmark: str
    item: str
    messages: list[dict[str, str]]  # role, content
    response: str
    score: float | None = None
    note: str = ""


class BenchmarkFlag(_Model):
    model: str
    benchmark: str
    flags: list[str]  # floor | ceiling | chance
    mean: float | None = None


class DoseRow(_Model):
    """One arm of a dose–response study: its trait dose, the held-out trait score and the rest of the suite."""

    arm: str
    dose: float  # share of trait prompts in the RL mix (0 = the compute-matched baseline)
    trait_benchmark: str  # the held-out trait benchmark (category trait_heldout) the row reads
    mean: float  # the arm's mean on it
    delta: float | None = None  # arm − baseline (None on the baseline's own row)
    ci_low: float | None = None  # clustered by situation template
    ci_high: float | None = None
    p_value: float | None = None
    significant: bool = False  # after BH over the whole family
    ood: Headline | None = None  # vs the baseline on every other benchmark (out of the training distribution)


class Headroom(_Model):
    """How many benchmarks a model's scores can show a difference on: accuracy, and contrast shift."""

    model: str
    benchmarks: int  # benchmarks scored
    readable: int  # off floor, ceiling and chance (accuracy)
    shift_benchmarks: int = 0  # contrast-set benchmarks with a shift score
    shift_readable: int = 0  # off ceiling and chance (shift)


class StageInfo(_Model):
    """One orchestration stage, for the report's run log."""

    name: str
    key: str
    status: str  # done | skipped | failed
    seconds: float | None = None
    note: str = ""
    git: str = ""  # the commit the stage ran at (a resumed study can span commits; the provenance hash is the summary's)


class StudyReport(_Model):
    """The whole study, as reported."""

    schema_version: int = SCHEMA_VERSION
    provenance: Provenance
    models: dict[str, str] = Field(default_factory=dict)  # arm or "start" -> eval run id
    headlines: list[Headline] = Field(default_factory=list)
    # Trait arms ordered by dose with the baseline first (studies whose trait arms differ in dose)
    dose_response: list[DoseRow] = Field(default_factory=list)
    # Each arm vs the baseline on contrast-shift scores (first seed; a separate BH family; traitrl.results.shift)
    shift_headlines: list[Headline] = Field(default_factory=list)
    deltas: list[BenchmarkDelta] = Field(default_factory=list)
    refusals: list[RefusalSummary] = Field(default_factory=list)
    curves: list[Curve] = Field(default_factory=list)
    transfer: list[TransferCell] = Field(default_factory=list)
    transfer_by: str = "category"
    persona_effects: list[PersonaEffect] = Field(default_factory=list)
    persona_models: dict[str, str] = Field(default_factory=dict)  # "A" / "B" of persona_effects -> model name
    verdicts: list[Verdict] = Field(default_factory=list)
    finetune: FinetuneSummary | None = None
    transcripts: list[Transcript] = Field(default_factory=list)
    flags: list[BenchmarkFlag] = Field(default_factory=list)
    headroom: list[Headroom] = Field(default_factory=list)
    stages: list[StageInfo] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # limits the reader must know (e.g. "demo profile: 6 steps")
