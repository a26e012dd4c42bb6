"""bf16 weights with fp32 master copies in the optimizer: mixed precision without autocast.

Autocast keeps fp32 weights and casts on the fly: every forward casts each weight to bf16, every linear casts its
fp32 input, the residual stream and element-wise ops run in fp32, and every weight gradient is cast back. On a GPU
those casts are cheap next to the matmuls; on two CPU cores they were most of the update (a forward–backward of the
embedded model on 16 × 181 tokens: 6.7–7.0 s under autocast against 4.1–4.6 s with bf16 weights; docs/training.md,
"Speed"). Keeping the model itself in bf16 removes them.

bf16 alone cannot train at RL learning rates: its 8-bit significand spaces values near 0.05 about 4e-4 apart, so an
Adam step of ~1e-5 rounds away. So the optimizer never sees the bf16 parameters. It updates fp32 copies (the
"masters"); each bf16 gradient is added into its master's fp32 gradient as soon as backward has accumulated it
(gradient accumulation therefore sums in fp32), and after each optimizer step the masters are rounded back into the
model. This is the scheme of Megatron's and DeepSpeed's bf16 optimizers, in one process.

The masters are part of the optimizer's ``state_dict`` (key ``fp32_master_weights``), so a resumed run continues
from the exact fp32 values, not from the bf16 checkpoint's rounding of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import torch

STATE_KEY = "fp32_master_weights"


def _move_grad(master: torch.nn.Parameter, p: torch.Tensor) -> None:
    """After backward accumulates into ``p.grad`` (bf16), add it to the master's fp32 gradient and free it."""
    assert p.grad is not None
    if master.grad is None:
        master.grad = p.grad.float()
    else:
        master.grad.add_(p.grad)
    p.grad = None


class Bf16MasterWeights:
    """fp32 masters for a model's trainable bf16 parameters, wired into one optimizer.

    :meth:`attach` swaps the masters into the optimizer's parameter groups before its first step; trainable
    parameters that are already fp32 (e.g. LoRA adapters PEFT keeps in fp32 over a bf16 base) stay as they are.
    """

    def __init__(self, params: Iterable[torch.nn.Parameter]) -> None:
        self.master_of: dict[torch.nn.Parameter, torch.nn.Parameter] = {}
        for p in params:
            if p.requires_grad and p.dtype == torch.bfloat16 and p not in self.master_of:
                self.master_of[p] = torch.nn.Parameter(p.detach().float().clone())
        self._optimizer: torch.optim.Optimizer | None = None

    @property
    def masters(self) -> list[torch.nn.Parameter]:
        return list(self.master_of.values())

    def attach(self, optimizer: torch.optim.Optimizer) -> None:
        """Point ``optimizer`` at the masters and keep model and masters in step from now on."""
        if optimizer.state:
            raise ValueError("master weights must be attached before the optimizer's first step")
        self._optimizer = optimizer
        for group in optimizer.param_groups:
            group["params"] = [self.master_of.get(p, p) for p in group["params"]]
        # Each hook holds its master only. A hook lives in the parameter's C++ autograd metadata, which Python's
        # cycle collector cannot see into, so a hook holding this object (and through it every parameter) made an
        # uncollectable cycle: a study's later arms trained with every earlier arm's weights and masters still in
        # memory (2.1 GB per arm of the embedded model).
        for p, master in self.master_of.items():
            p.register_post_accumulate_grad_hook(functools.partial(_move_grad, master))
        optimizer.register_step_post_hook(lambda *_: self.push())
        optimizer.register_state_dict_post_hook(self._save)
        optimizer.register_load_state_dict_pre_hook(self._load)

    @torch.no_grad()
    def push(self) -> None:
        """Round the masters into the model and clear their gradients (runs after every optimizer step)."""
        for p, master in self.master_of.items():
            p.copy_(master)
            master.grad = None

    def _save(self, _optimizer: torch.optim.Optimizer, state_dict: dict[str, Any]) -> dict[str, Any]:
        state_dict[STATE_KEY] = [m.detach().clone() for m in self.masters]
        return state_dict

    def _load(self, _optimizer: torch.optim.Optimizer, state_dict: dict[str, Any]) -> dict[str, Any]:
        saved = state_dict.pop(STATE_KEY, None)
        if saved is None:  # an optimizer state saved without masters: keep the ones made from the loaded weights
            return state_dict
        if len(saved) != len(self.master_of) or any(s.shape != m.shape for s, m in zip(saved, self.masters,
                                                                                       strict=True)):
            raise ValueError("the checkpoint's fp32 master weights do not match this model's trainable parameters; "
                             "resume with the model and LoRA settings the run started with")
        with torch.no_grad():
            for master, value in zip(self.masters, saved, strict=True):
                master.copy_(value)
        self.push()
        return state_dict

    def grad_norm(self, max_norm: float) -> torch.Tensor:
        """The gradient norm over everything the optimizer updates (fp32 masters and any fp32 trainable parameters),
        clipping to ``max_norm`` (``inf``: no clipping), as ``Trainer`` reports it for a plain model."""
        assert self._optimizer is not None, "attach() first"
        params = [p for g in self._optimizer.param_groups for p in g["params"] if p.grad is not None]
        return torch.nn.utils.clip_grad_norm_(params, max_norm)
