"""Shared fixtures. Tests run offline; the tiny random model is built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from traitrl.models.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", seed=0)


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    from traitrl.models import load_chat_model

    return load_chat_model(str(tiny_model_dir), batch_size=4)


@pytest.fixture(scope="session")
def embedded_model():  # type: ignore[no-untyped-def]
    """The real embedded model (converted once to the user cache). Only for tests marked slow."""
    from traitrl.models import load_chat_model

    return load_chat_model("embedded", batch_size=8)
