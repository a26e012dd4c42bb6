"""What identifies an evaluation run, and the rule for resuming one.

A run's **key** is the content key of the model's fingerprint (a hash of its files, see
:mod:`traitrl.models.loading`) and the settings that can change a result (:meth:`EvalConfig.identity`). Each
benchmark inside a run is identified by its name (a built-in's name, or ``KIND:DATA_DIGEST`` for public data),
its version (the content key of its items) and its arguments. Resuming a run is allowed only when the key is
the same and every benchmark already in the run has the same version and arguments; a run may gain benchmarks.

A checkpoint written by ``traitrl train`` has a ``run_record.json`` beside it; the evaluation run links to that
training run (its id is the content key of the training config) and takes its arm, dose and seed as labels.
"""

from __future__ import annotations

import json
from typing import Any

from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.evals.config import IDENTITY_FIELDS, EvalConfig
from traitrl.models.base import ChatModel
from traitrl.models.loading import ModelSource
from traitrl.results.store import RunRecord


def model_fingerprint(model: ChatModel) -> str:
    """The model's content fingerprint; a backend without one (a test fake) is identified by its name."""
    fp = getattr(model, "fingerprint", None)
    return fp if isinstance(fp, str) and fp else content_key({"name": model.name})


def run_key(fingerprint: str, config: EvalConfig) -> str:
    """The content key of a run: model fingerprint + result-relevant settings."""
    return content_key({"model": fingerprint, "settings": config.identity()})


# Training settings that never change the weights a run produces (resuming must keep the run's id).
_TRAIN_EXECUTION_FIELDS = ("resume", "store", "report_to")


def training_run_id(record: dict[str, Any]) -> str:
    """A training run's id: ``train-`` + the content key of its config (seed, arm, dose, model, steps, ...)."""
    config = record.get("config", record)
    config = {k: v for k, v in config.items() if k not in _TRAIN_EXECUTION_FIELDS} if isinstance(config, dict) else config
    return "train-" + content_key(config, 12)


def training_link(source: ModelSource | None) -> tuple[str | None, dict[str, Any], dict[str, Any] | None]:
    """(training run id, labels, record) for a checkpoint written by ``traitrl train``, else (None, {}, None)."""
    path = source.training_record if source is not None else None
    if path is None:
        return None, {}, None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None, {}, None  # a damaged record must not stop an evaluation; the link is simply absent
    if not isinstance(record, dict):
        return None, {}, None
    arm: dict[str, Any] = record["arm"] if isinstance(record.get("arm"), dict) else {}
    labels: dict[str, Any] = {"arm": arm.get("name"), "dose": arm.get("dose"), "train_seed": record.get("seed")}
    record.setdefault("output_dir", str(path.parent))
    return training_run_id(record), {k: v for k, v in labels.items() if v is not None}, record


def check_resume(existing: RunRecord, record: RunRecord, entries: dict[str, dict[str, Any]]) -> None:
    """Refuse to continue ``existing`` with another model, other settings, or changed benchmarks."""
    rid = existing.run_id
    if existing.run_key is None:
        raise UserError(f"run {rid!r} was stored by an older traitrl without a content key, so it cannot be "
                        "resumed safely; start a new run (omit --run-id)")
    if existing.model_fingerprint != record.model_fingerprint:
        raise UserError(
            f"run {rid!r} was made with model {existing.model!r} (fingerprint {existing.model_fingerprint}); "
            f"{record.model!r} has fingerprint {record.model_fingerprint} — a different checkpoint. Use another "
            "--run-id, or omit it to get one derived from the model")
    if existing.run_key != record.run_key:
        changed = [k for k in IDENTITY_FIELDS if existing.config.get(k) != record.config.get(k)]
        detail = ", ".join(f"{k}: {existing.config.get(k)!r} -> {record.config.get(k)!r}" for k in changed)
        raise UserError(f"run {rid!r} was made with other settings ({detail or 'judge or settings differ'}); "
                        "resume with the same settings, or use another --run-id")
    for name, entry in entries.items():
        old = existing.benchmarks.get(name)
        if not old:
            continue
        for field in ("version", "args", "judge"):
            if old.get(field) != entry.get(field):
                raise UserError(f"run {rid!r} scored {name!r} with {field} {old.get(field)!r}; now "
                                f"{entry.get(field)!r}; its stored items would not match — use another --run-id")
