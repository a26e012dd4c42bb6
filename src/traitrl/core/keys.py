"""Content keys: a short stable hash of JSON-able data, used to identify runs, benchmarks and study stages.

Two inputs get the same key exactly when their canonical JSON is equal (sorted keys, no whitespace, floats as
``repr``), so a key can be recomputed in another process or on another machine and a finished stage found again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

KEY_CHARS = 16


def canonical_json(data: Any) -> str:
    """The canonical JSON text of ``data`` (pydantic models and paths are converted first)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def _default(obj: Any) -> Any:
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, set | frozenset):
        return sorted(obj, key=str)
    return str(obj)


def content_key(data: Any, chars: int = KEY_CHARS) -> str:
    """A hex digest (``chars`` long) of the canonical JSON of ``data``."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()[:chars]
