"""Categorical sampling on CPU by inverse CDF, for ``generate`` calls that sample one token per row.

Transformers samples each next token with ``torch.multinomial(probs, num_samples=1)``. PyTorch's CPU kernel draws
one exponential variate per vocabulary entry (the exponential-race form of sampling without replacement), so on the
embedded model's 49,152-token vocabulary it costs ~28 ms for 16 rows — a fifth of a decoding step on two cores —
and ``replacement=True`` is no faster. One uniform per row against the cumulative distribution draws from the
same categorical distribution in ~0.8 ms (float64 cumulative sums, so tokens with probability ~1e-7 keep their
share). Only the random stream differs: with the same seed the samples are not the same tokens as before.

:func:`inverse_cdf_sampling` swaps ``torch.multinomial`` for the duration of a block and only for the calls
transformers' sampling loop makes (2-D floating-point probabilities on CPU, one sample); every other call goes to
PyTorch's kernel. The swap is process-wide while the block runs, which is why it wraps a single generate call
rather than being installed at import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import torch

_ORIGINAL_MULTINOMIAL = torch.multinomial


def sample_inverse_cdf(probs: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """One index per row of ``probs`` (rows of non-negative weights, not necessarily normalised), shape (rows, 1).

    Zero-weight entries (masked by top-k / top-p) are never drawn: the search returns the first entry whose
    cumulative weight exceeds the uniform draw, and a zero-weight entry never raises the cumulative sum.
    """
    cdf = probs.to(torch.float64).cumsum(dim=-1)
    total = cdf[:, -1:]
    if not bool(torch.isfinite(total).all()) or bool((total <= 0).any()) or bool((probs < 0).any()):
        # The same refusal as torch.multinomial's, so a broken distribution fails loudly rather than sampling.
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0, or a row sums to 0")
    u = torch.rand(total.shape, dtype=torch.float64, generator=generator, device=probs.device) * total
    idx = torch.searchsorted(cdf, u, right=True).clamp_(max=probs.shape[-1] - 1)
    # u can round up to the total; the clamp then lands on the last entry, which may have zero weight.
    bad = probs.gather(-1, idx) <= 0
    if bool(bad.any()):
        idx = torch.where(bad, probs.argmax(dim=-1, keepdim=True), idx)
    return idx


def _multinomial(input: torch.Tensor, num_samples: Any, replacement: bool = False, *,  # noqa: A002
                 generator: torch.Generator | None = None, out: torch.Tensor | None = None) -> torch.Tensor:
    if (num_samples == 1 and out is None and input.dim() == 2 and input.device.type == "cpu"
            and input.is_floating_point()):
        return sample_inverse_cdf(input, generator)
    kwargs: dict[str, Any] = {"generator": generator}
    if out is not None:
        kwargs["out"] = out
    return _ORIGINAL_MULTINOMIAL(input, num_samples, replacement, **kwargs)


@contextlib.contextmanager
def inverse_cdf_sampling(device: torch.device) -> Iterator[bool]:
    """Within the block, one-sample ``torch.multinomial`` calls on CPU use :func:`sample_inverse_cdf`; yields whether
    the swap is active (only when ``device`` is a CPU: GPU kernels sample fast already)."""
    if device.type != "cpu":
        yield False
        return
    if torch.multinomial is not _ORIGINAL_MULTINOMIAL:  # an enclosing block swapped it and will restore it
        yield True
        return
    torch.multinomial = _multinomial  # type: ignore[assignment]  # same signature; num_samples may be a SymInt
    try:
        yield True
    finally:
        torch.multinomial = _ORIGINAL_MULTINOMIAL
