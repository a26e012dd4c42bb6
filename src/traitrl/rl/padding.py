"""Scoring a GRPO batch without its padding: each row's tokens packed into a few shared rows.

A GRPO update batch is ``[prompt | completion]`` rows, prompts left-padded and completions right-padded to the
longest of the batch. With trait prompts several times longer than standard tasks, and completions from a few tokens
to the budget, about a quarter of the batch is padding (21–34% of six batches captured from the speed benchmark) —
and on a CPU, with no variable-length attention kernel, every padded position costs a full forward and backward.

:func:`pack_rows` cuts each row to the run of columns it attends to and packs those runs into rows as long as the
longest one (first fit, longest first), with position ids restarting at each run. Given ``position_ids`` and no
attention mask, transformers recognises packed sequences and lets a token attend only within its own run, so every
run is scored as if alone: the same log-probabilities as the padded batch up to rounding (rotary attention sees only
relative positions). On six batches captured from the speed benchmark, 10–22% of the packed positions are padding
(21–34% of the padded batch's). The earlier scheme, rows scored in length groups each cut to its own columns, left
less (4–13%) but needed a forward per group, each with its own pass of small kernels and weight reads and matmuls
of its own (often slower) size; one packed forward–backward was faster (docs/training.md, "Speed", fix 6).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class PackedBatch:
    """A batch's attended runs packed into ``[bins, width]`` rows, and where each scored token goes back."""

    input_ids: torch.Tensor
    position_ids: torch.Tensor
    #: Input ids at the completion tokens to score, -100 elsewhere (the ``labels`` of a causal LM's forward).
    labels: torch.Tensor
    #: Batch row and completion column (``[B, logits_to_keep]``) of each scored token, in packed order.
    rows: torch.Tensor
    columns: torch.Tensor
    #: Flat index of each scored token in the packed ``[bins, width - 1]`` scores of a shifted causal LM head.
    sources: torch.Tensor
    shape: tuple[int, int]

    def unpack(self, scores: torch.Tensor) -> torch.Tensor:
        """Shifted ``[bins, width - 1]`` per-token scores back into the batch's ``[B, logits_to_keep]`` layout (zero
        where nothing was scored), differentiably."""
        picked = scores.reshape(-1)[self.sources.to(scores.device)]
        index = (self.rows.to(scores.device), self.columns.to(scores.device))
        return picked.new_zeros(self.shape).index_put(index, picked)


def attended_runs(attention_mask: torch.Tensor) -> list[tuple[int, int]] | None:
    """Each row's attended columns as ``(first, stop)``, or None when some row's are not one contiguous run (or it
    has none)."""
    attended = attention_mask.detach().to("cpu") != 0
    width = attended.shape[1]
    columns = torch.arange(width)
    first = torch.where(attended, columns, width).min(dim=1).values
    stop = torch.where(attended, columns + 1, 0).max(dim=1).values
    if bool((stop <= first).any()) or bool((attended.sum(dim=1) != stop - first).any()):
        return None
    return list(zip(first.tolist(), stop.tolist(), strict=True))


def pack_rows(input_ids: torch.Tensor, attention_mask: torch.Tensor, logits_to_keep: int) -> PackedBatch | None:
    """Pack the attended run of every row of a ``[prompt | completion]`` batch (see the module docstring); None when
    a row's attended columns are not contiguous, which packing cannot represent.

    Scored are the completion columns (the last ``logits_to_keep``) a row attends to, as in TRL's labels, except a
    completion token with no attended token before it (a row without a prompt), which has nothing to be predicted
    from in its own run; it scores 0, like the columns a row does not attend to.
    """
    rows_n, width = input_ids.shape
    completion_start = width - logits_to_keep
    if rows_n == 0 or logits_to_keep <= 0 or completion_start < 0:
        raise ValueError(f"cannot pack a batch of shape {tuple(input_ids.shape)} keeping {logits_to_keep}")
    runs = attended_runs(attention_mask)
    if runs is None:
        return None
    lengths = [stop - first for first, stop in runs]
    capacity = max(lengths)
    bins: list[list[int]] = []
    used: list[int] = []
    for row in sorted(range(rows_n), key=lambda r: (-lengths[r], r)):
        slot = next((b for b, u in enumerate(used) if u + lengths[row] <= capacity), None)
        if slot is None:
            bins.append([])
            used.append(0)
            slot = len(bins) - 1
        bins[slot].append(row)
        used[slot] += lengths[row]

    ids = input_ids.detach().to("cpu")
    packed = torch.zeros(len(bins), capacity, dtype=ids.dtype)
    positions = torch.zeros(len(bins), capacity, dtype=torch.long)
    labels = torch.full((len(bins), capacity), -100, dtype=ids.dtype)
    rows, columns, sources = [], [], []
    for b, members in enumerate(bins):
        offset = 0
        for row in members:
            first, stop = runs[row]
            length = stop - first
            packed[b, offset:offset + length] = ids[row, first:stop]
            positions[b, offset:offset + length] = torch.arange(length)
            scored = range(max(completion_start, first + 1), stop)
            if scored:
                at = torch.arange(scored.start, scored.stop)
                labels[b, offset + at - first] = ids[row, at]
                rows.append(torch.full((len(scored),), row))
                columns.append(at - completion_start)
                # A shifted head's score at column j is for the token at j + 1.
                sources.append(b * (capacity - 1) + offset + at - first - 1)
            offset += length
        # The rest of the row is padding: its own run (positions restart), so no packed token attends to it.
        positions[b, offset:] = torch.arange(capacity - offset)
    empty = torch.zeros(0, dtype=torch.long)
    device = input_ids.device
    return PackedBatch(input_ids=packed.to(device), position_ids=positions.to(device), labels=labels.to(device),
                       rows=torch.cat(rows) if rows else empty, columns=torch.cat(columns) if columns else empty,
                       sources=torch.cat(sources) if sources else empty, shape=(rows_n, logits_to_keep))
