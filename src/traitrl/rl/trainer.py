"""``TraitGRPOTrainer``: TRL's GRPOTrainer with CPU fixes for speed.

Profiling ``traitrl train`` on the embedded model (2 CPU cores, bf16; docs/training.md, "Speed") found six costs
TRL pays only off-GPU. Fixes 1 and 2 change nothing that is computed; 3 changes the random stream, 4 to 6 the
rounding:

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

4. **Autocast's casts in the update.** On CPU under bf16 the trainer keeps the model itself in bf16, with fp32
   master weights in the optimizer (:mod:`traitrl.rl.master_weights`), instead of TRL's fp32 weights under
   autocast; and it scores with the eager attention kernel, whose backward is faster on CPU than SDPA's at these
   lengths (when the attention scores kept for backward fit in :data:`EAGER_ATTENTION_BYTES`, and without gradient
   checkpointing). Forward and backward run in bf16 end to end, as on a GPU with bf16 weights; the residual stream
   is bf16 instead of fp32, so the numbers differ from autocast's in the last bits, and the policy is the bf16
   rounding of the start checkpoint — the same weights ``precision: auto`` evaluates. Pass ``bf16_weights=False``
   for TRL's autocast.

5. **The chunked LM head.** TRL's fused log-prob kernel never materialises ``[tokens, vocabulary]`` logits; on
   CPU its per-tile loop costs 2.5× a plain ``log_softmax`` over whole logits, so the trainer scores with
   :func:`direct_logprobs` when those fit :data:`DIRECT_LM_HEAD_BYTES` (the same values up to summation order).

6. **Padding.** Rows are padded to the batch's longest prompt and longest completion (a quarter of the update batch
   on the speed benchmark), and a CPU has no variable-length attention kernel to skip it. The trainer packs each
   row's attended tokens into a few shared rows, positions restarting per row, and scores them in one forward in
   which a token attends only within its own row (:mod:`traitrl.rl.padding`); rotary attention sees only relative
   positions, so this changes the rounding only.

All are overrides of TRL methods (``_generate_single_turn``, ``_get_per_token_logps_and_entropies``); if a TRL
release renames them, training stays correct and only loses the speed, and the unit tests that spy on the hooks
fail so the rename is noticed.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
from collections.abc import Callable, Iterator
from typing import Any

import torch
from trl import GRPOTrainer

from traitrl.models.cpu_memory import peak_resident_bytes
from traitrl.models.sampling import inverse_cdf_sampling
from traitrl.rl.master_weights import Bf16MasterWeights
from traitrl.rl.padding import PackedBatch, pack_rows

#: Eager attention keeps every layer's attention probabilities for backward (batch × heads × length² in bf16); above
#: this many bytes the trainer scores with SDPA, which keeps none.
EAGER_ATTENTION_BYTES = 1 << 30


@contextlib.contextmanager
def swapped_trl_util(name: str, device: torch.device, replacement: Callable[[Any], Any]) -> Iterator[bool]:
    """Within the block, on a CPU, ``trl.trainer.utils.<name>`` — which TRL's fused forward reads at call time — is
    ``replacement(original)``; yields whether it was swapped (False off CPU, or when this TRL release has no such
    name, in which case training stays correct and only loses the speed)."""
    import trl.trainer.utils as trl_utils

    original = getattr(trl_utils, name, None)
    if original is None or device.type != "cpu":
        yield False
        return
    setattr(trl_utils, name, replacement(original))
    try:
        yield True
    finally:
        setattr(trl_utils, name, original)


def compact_lm_head_scoring(device: torch.device) -> contextlib.AbstractContextManager[bool]:
    """Within the block, TRL's fused LM head scores only labelled positions on ``device`` (a CPU)."""

    def compact(original: Callable[[torch.device], bool]) -> Callable[[torch.device], bool]:
        return lambda dev: dev.type == "cpu" or original(dev)

    return swapped_trl_util("_use_triton", device, compact)


def on_plain_cpu(args: Any) -> bool:
    """Whether a run with these TrainingArguments trains in one CPU process (no accelerator, DeepSpeed or FSDP)."""
    accelerated = torch.cuda.is_available() or torch.backends.mps.is_available() or (
        hasattr(torch, "xpu") and torch.xpu.is_available())
    return ((args.use_cpu or not accelerated) and int(os.environ.get("WORLD_SIZE", "1")) == 1
            and not args.deepspeed and not args.fsdp)


@contextlib.contextmanager
def attention_kernel(model: Any, name: str) -> Iterator[None]:
    """Within the block, ``model`` attends with the kernel ``name`` (a transformers attention implementation)."""
    before = getattr(model.config, "_attn_implementation", None)
    if before is None or before == name or not hasattr(model, "set_attn_implementation"):
        yield
        return
    model.set_attn_implementation(name)
    try:
        yield
    finally:
        model.set_attn_implementation(before)


#: The direct LM head keeps fp32 logits, their log-softmax and its exponent for a batch (N tokens × vocabulary × 12
#: bytes); above this it falls back to TRL's chunked kernel, which recomputes tiles in backward instead.
DIRECT_LM_HEAD_BYTES = 1 << 30


def direct_logprobs(hidden: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, targets: torch.Tensor,
                    temperature: float, chunk_size: int, final_logit_softcapping: float | None = None,
                    logit_scale: float = 1.0, outputs: tuple[str, ...] = (),
                    entropy_grad: bool = True) -> tuple[torch.Tensor | None, ...]:
    """What TRL's ``ChunkedLogProbFunction.apply`` returns — per-token log-probabilities of ``targets`` under
    ``hidden @ weight.T`` and the requested extras — from whole fp32 logits and ``log_softmax``, differentiated by
    autograd (log-probabilities and entropy; the extras are not differentiable, as in TRL).

    The chunked kernel exists to avoid materialising ``[N, V]`` logits on a GPU; on CPU its tile loop makes about
    ten fp32 passes over every tile, forward and again in backward (2.5–2.8 s for 1,024 tokens × 49,152 entries
    against 1.0–1.2 s here). Same transform as TRL's: ``logit_scale``, then the soft cap, then ``1 / temperature``.
    """
    del chunk_size  # whole logits: there are no chunks
    z = hidden @ weight.t()
    if bias is not None:
        z = z + bias
    # Multiplying by exactly 1 changes no value but costs a pass over [N, V] fp32 forward and another in backward.
    z = z.float()
    if logit_scale != 1.0:
        z = z * logit_scale
    if final_logit_softcapping is not None:
        z = final_logit_softcapping * torch.tanh(z / final_logit_softcapping)
    if temperature != 1.0:
        z = z * (1 / temperature)
    logp = torch.log_softmax(z, dim=-1)
    logprobs = logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    entropy = log_sum_sq = mean_logits = is_top1 = None
    if "entropy" in outputs:
        with torch.set_grad_enabled(entropy_grad and torch.is_grad_enabled()):
            entropy = -(logp.exp() * logp).sum(-1)
    with torch.no_grad():
        if "log_sum_sq_probs" in outputs:
            log_sum_sq = torch.logsumexp(2 * logp, dim=-1)
        if "mean_logits" in outputs:
            mean_logits = z.mean(-1)
        if "is_top1" in outputs:
            is_top1 = z.argmax(-1) == targets  # the first maximum, as TRL counts a tie with an earlier token
    return logprobs, entropy, log_sum_sq, mean_logits, is_top1


def direct_lm_head_scoring(device: torch.device, entropy_grad: bool = True) -> contextlib.AbstractContextManager[bool]:
    """Within the block, TRL's fused LM head scores with :func:`direct_logprobs` on a CPU when the batch's logits fit
    :data:`DIRECT_LM_HEAD_BYTES` (else with its chunked kernel); ``entropy_grad`` as in :func:`direct_logprobs`."""

    direct = functools.partial(direct_logprobs, entropy_grad=entropy_grad)

    def direct_or(chunked: Any) -> Any:
        class DirectOrChunked:
            @staticmethod
            def apply(hidden: torch.Tensor, weight: torch.Tensor, *rest: Any) -> Any:
                if hidden.shape[0] * weight.shape[0] * 12 <= DIRECT_LM_HEAD_BYTES:
                    return direct(hidden, weight, *rest)
                return chunked.apply(hidden, weight, *rest)

        return DirectOrChunked

    return swapped_trl_util("_ChunkedLogProbFunction", device, direct_or)


def step_peak_memory(device: torch.device) -> int | None:
    """Bytes at the peak since the last call, and start a new peak: the device's allocator peak on CUDA, the
    process's resident peak on CPU (Linux; None elsewhere)."""
    if device.type == "cuda":
        peak = torch.cuda.max_memory_allocated(device)
        torch.cuda.reset_peak_memory_stats(device)
        return int(peak)
    return peak_resident_bytes(reset=True) if device.type == "cpu" else None


class TraitGRPOTrainer(GRPOTrainer):
    """GRPOTrainer, plus on CPU: cached bf16 weight casts and inverse-CDF sampling during generation,
    completion-only scoring with whole-logit log-softmax over rows packed without padding, and under bf16 a bf16
    model with fp32 master weights.

    ``bf16_weights``: None (default) takes fix 4 where it applies — ``args.bf16``, a model object, one CPU process;
    False keeps TRL's fp32 weights under autocast; True requires it to apply.
    """

    def __init__(self, model: Any, reward_funcs: Any, args: Any = None, *rest: Any,
                 bf16_weights: bool | None = None, **kwargs: Any) -> None:
        applies = (args is not None and bool(args.bf16) and isinstance(model, torch.nn.Module)
                   and on_plain_cpu(args))
        if bf16_weights and not applies:
            raise ValueError("bf16_weights=True needs args.bf16, a model object and a single CPU process")
        self.bf16_weights = applies if bf16_weights is None else bf16_weights
        if self.bf16_weights:
            model.to(torch.bfloat16)
            args = copy.copy(args)  # the caller's args keep saying bf16; this trainer's accelerator must not autocast
            args.bf16, args.mixed_precision = False, "no"
        self._masters: Bf16MasterWeights | None = None
        super().__init__(model, reward_funcs, args, *rest, **kwargs)

    @property
    def precision(self) -> str:
        """What the run computes in: ``bf16`` (bf16 weights, fp32 masters), ``bf16-autocast`` or ``fp32``."""
        if self.bf16_weights:
            return "bf16"
        return "bf16-autocast" if self.args.bf16 else "fp32"

    def train(self, *args: Any, **kwargs: Any) -> Any:
        step_peak_memory(self.accelerator.device)  # each logged peak covers training only, from here on
        return super().train(*args, **kwargs)

    def log(self, logs: dict[str, float], start_time: float | None = None) -> None:
        """TRL's log, plus ``memory/peak_gb``: the peak memory since the previous training log (every step here)."""
        if getattr(self.model, "training", False) and "loss" in logs:
            peak = step_peak_memory(self.accelerator.device)
            if peak is not None:
                logs["memory/peak_gb"] = round(peak / 2**30, 2)
        super().log(logs, start_time)

    def create_optimizer(self, model: Any = None) -> torch.optim.Optimizer:
        optimizer = super().create_optimizer(model)
        if self.bf16_weights and self._masters is None:
            params = [p for g in optimizer.param_groups for p in g["params"]]
            self._masters = Bf16MasterWeights(params)
            self._masters.attach(optimizer)
        return optimizer

    def _clip_grad_norm(self, model: Any) -> Any:
        if self._masters is None:
            return super()._clip_grad_norm(model)
        return self._masters.grad_norm(self.args.max_grad_norm)

    def _get_grad_norm(self, model: Any, grad_norm: Any = None) -> Any:
        if self._masters is not None and grad_norm is None:
            grad_norm = self._masters.grad_norm(float("inf"))
        return super()._get_grad_norm(model, grad_norm=grad_norm)

    def _cpu_autocast(self) -> contextlib.AbstractContextManager[Any]:
        """One autocast around a whole call on CPU under bf16, so weight casts are made once, not per forward."""
        if self.accelerator.device.type == "cpu" and self.args.bf16:
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _generate_single_turn(self, *args: Any, **kwargs: Any) -> Any:
        with self._cpu_autocast(), inverse_cdf_sampling(self.accelerator.device):
            return super()._generate_single_turn(*args, **kwargs)

    def _get_per_token_logps_and_entropies(self, model: Any, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                                           logits_to_keep: int, batch_size: int | None = None,
                                           compute_entropy: bool = False, compute_aux_loss: bool = False,
                                           **kwargs: Any) -> Any:
        if not self._trims_padding(compute_aux_loss, kwargs):
            return self._score(model, input_ids, attention_mask, logits_to_keep, batch_size=batch_size,
                               compute_entropy=compute_entropy, compute_aux_loss=compute_aux_loss, **kwargs)
        size = batch_size or input_ids.shape[0]
        chunks = [(start, min(start + size, input_ids.shape[0])) for start in range(0, input_ids.shape[0], size)]
        packs = [pack_rows(input_ids[a:b], attention_mask[a:b], logits_to_keep) for a, b in chunks]
        if any(p is None for p in packs):  # a row attends to a broken run of columns: score the padded batch
            return self._score(model, input_ids, attention_mask, logits_to_keep, batch_size=batch_size,
                               compute_entropy=compute_entropy)
        scored = [self._score_packed(model, p, compute_entropy) for p in packs if p is not None]
        entropies = torch.cat([e for _, e in scored if e is not None]) if compute_entropy else None
        return torch.cat([lp for lp, _ in scored]), entropies, None

    def _score_packed(self, model: Any, packed: PackedBatch,
                      compute_entropy: bool) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Fix 6: one forward over a packed batch, with TRL's fused LM head and fixes 2, 4 and 5 as in
        :meth:`_score`; the scores are put back in the batch's ``[rows, logits_to_keep]`` layout."""
        with (compact_lm_head_scoring(self.accelerator.device), self._scoring_attention(model, packed.input_ids),
              direct_lm_head_scoring(self.accelerator.device, self._entropy_grad), self.accelerator.autocast()):
            out = model(input_ids=packed.input_ids, position_ids=packed.position_ids, labels=packed.labels,
                        fused_lm_head=True)
        return packed.unpack(out.log_probs), packed.unpack(out.entropy) if compute_entropy else None

    def _score(self, model: Any, input_ids: torch.Tensor, *args: Any, **kwargs: Any) -> Any:
        """TRL's scoring of one batch, with fixes 2, 4 (eager attention) and 5 around it."""
        with (compact_lm_head_scoring(self.accelerator.device), self._scoring_attention(model, input_ids),
              direct_lm_head_scoring(self.accelerator.device, self._entropy_grad)):
            return super()._get_per_token_logps_and_entropies(model, input_ids, *args, **kwargs)

    @property
    def _entropy_grad(self) -> bool:
        """Whether a loss term differentiates the entropy (TRL's entropy bonus); True if this TRL does not say."""
        return bool(getattr(self, "_entropy_bonus_enabled", True))

    def _trims_padding(self, compute_aux_loss: bool, extra: dict[str, Any]) -> bool:
        """Fix 6 applies on CPU to text-only batches without an MoE auxiliary loss (TRL's chunking of images and
        router losses is left alone)."""
        return (self.accelerator.device.type == "cpu" and not compute_aux_loss
                and all(v is None for v in extra.values()))

    def _scoring_attention(self, model: Any, input_ids: torch.Tensor) -> contextlib.AbstractContextManager[None]:
        """Eager attention for scoring under fix 4 when what it keeps for backward fits the budget. Not with gradient
        checkpointing: backward recomputes the forward after this call returns, and must use the same kernel."""
        if not self.bf16_weights or self.args.gradient_checkpointing:
            return contextlib.nullcontext()
        unwrapped = self.accelerator.unwrap_model(model)
        heads = getattr(unwrapped.config, "num_attention_heads", 0) or 0
        layers = getattr(unwrapped.config, "num_hidden_layers", 0) or 0
        batch, length = input_ids.shape[0], input_ids.shape[-1]
        if not heads or not layers or batch * heads * length * length * 2 * layers > EAGER_ATTENTION_BYTES:
            return contextlib.nullcontext()
        return attention_kernel(unwrapped, "eager")
