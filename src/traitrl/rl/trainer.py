"""``TraitGRPOTrainer``: TRL's GRPOTrainer with three CPU fixes that change speed, not what is computed.

Profiling ``traitrl train`` on the embedded model (2 CPU cores, bf16 autocast; docs/training.md, "Speed") found three
costs TRL pays only off-GPU:

1. **Weight casts in every decoding step.** Accelerate wraps the model's ``forward`` in its own autocast context,
   and autocast forgets its cast weights when the outermost context exits, so each generated token re-casts every
   fp32 weight to bf16 (0.21 s per decoding step for 16 sequences, against 0.12 s with casts kept). One outer
   autocast around generation keeps the casts for the whole call. The weights do not change during generation and
   the same ops run in the same dtypes, so the sampled tokens are the same (tests/rl/test_trainer.py).
2. **Scoring prompt tokens.** TRL's fused LM head scores only the completion positions on CUDA/XPU, but on other
   devices scores every position (to keep tile shapes fixed for compilers such as Neuron's) and masks the prompt
   afterwards; with trait prompts several times longer than a completion, most of the LM head's forward and
   backward went to positions whose result is discarded. On CPU nothing is compiled per shape, so the trainer
   asks TRL for its compact path while it scores; per-token log-probabilities and entropies are unchanged.

3. **Sampling by exponential race.** PyTorch's CPU ``multinomial`` draws an exponential per vocabulary entry for
   every sampled token (~28 ms per decoding step for 16 rows of 49,152 tokens); generation samples by inverse CDF
   instead (:mod:`traitrl.models.sampling`, ~0.8 ms), the same categorical distribution from a different random
   stream — so, unlike fixes 1 and 2, the sampled tokens for a given seed differ from TRL's.

All are overrides of TRL methods (``_generate_single_turn``, ``_get_per_token_logps_and_entropies``); if a TRL
release renames them, training stays correct and only loses the speed, and the unit tests that spy on the hooks
fail so the rename is noticed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import torch
from trl import GRPOTrainer

from traitrl.models.sampling import inverse_cdf_sampling


@contextlib.contextmanager
def compact_lm_head_scoring(device: torch.device) -> Iterator[bool]:
    """Within the block, TRL's fused LM head scores only labelled positions on ``device`` (a CPU); yields whether it
    could (False when TRL's module has no such switch, e.g. an older release)."""
    import trl.trainer.utils as trl_utils

    original: Callable[[torch.device], bool] | None = getattr(trl_utils, "_use_triton", None)
    if original is None or device.type != "cpu":
        yield False
        return

    def compact(dev: torch.device) -> bool:
        return dev.type == "cpu" or original(dev)

    setattr(trl_utils, "_use_triton", compact)  # read by TRL's fused forward at call time  # noqa: B010
    try:
        yield True
    finally:
        setattr(trl_utils, "_use_triton", original)  # noqa: B010


class TraitGRPOTrainer(GRPOTrainer):
    """GRPOTrainer, plus on CPU: cached bf16 weight casts and inverse-CDF sampling during generation, and
    completion-only LM-head scoring."""

    def _cpu_autocast(self) -> contextlib.AbstractContextManager[Any]:
        """One autocast around a whole call on CPU under bf16, so weight casts are made once, not per forward."""
        if self.accelerator.device.type == "cpu" and self.args.bf16:
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _generate_single_turn(self, *args: Any, **kwargs: Any) -> Any:
        with self._cpu_autocast(), inverse_cdf_sampling(self.accelerator.device):
            return super()._generate_single_turn(*args, **kwargs)

    def _get_per_token_logps_and_entropies(self, *args: Any, **kwargs: Any) -> Any:
        with compact_lm_head_scoring(self.accelerator.device):
            return super()._get_per_token_logps_and_entropies(*args, **kwargs)
