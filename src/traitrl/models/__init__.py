"""Model backends behind one interface (``ChatModel``) and one loading path (``traitrl.models.loading``)."""

from __future__ import annotations

from traitrl.models.base import ChatModel, MCRequest, ModelLoadError, SamplingParams
from traitrl.models.loading import (
    PRECISIONS,
    ModelSource,
    Precision,
    load_causal_lm,
    load_chat_model,
    resolve_model,
    resolve_precision,
    wrap_live_model,
)

__all__ = ["PRECISIONS", "ChatModel", "MCRequest", "ModelLoadError", "ModelSource", "Precision", "SamplingParams",
           "load_causal_lm", "load_chat_model", "resolve_model", "resolve_precision", "wrap_live_model"]
