"""Public-format adapters: each registers a ``KIND`` usable as ``--benchmark KIND:SOURCE[?key=value&...]``."""

from traitrl.evals.adapters import (
           anthropic,
           bbq,
           healthbench,
           mask,
           mc_jsonl,
           strongreject,
           truthfulqa,
           xstest,
)
from traitrl.evals.adapters.base import ADAPTERS, AdapterError, AdapterSpec, score_with

__all__ = ["ADAPTERS", "AdapterError", "AdapterSpec", "anthropic", "bbq", "healthbench", "mask", "mc_jsonl",
           "score_with", "strongreject", "truthfulqa", "xstest"]
