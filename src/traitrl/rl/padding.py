"""Scoring a GRPO batch without most of its padding: rows grouped by length, each group cut to its own span.

A GRPO update batch is ``[prompt | completion]`` rows, prompts left-padded and completions right-padded to the
longest of the batch. With trait prompts several times longer than standard tasks, and completions from a few tokens
to the budget, about a quarter of the batch is padding (21–34% of six batches captured from the speed benchmark) — and on a CPU, with
no variable-length attention kernel, every padded position costs a full forward and backward. Scoring the rows in a
few groups, each cut to the columns its own rows use, skips most of it; each extra group costs a fixed overhead (one
more pass of small kernels and weight reads), so rows are split only where the padding saved outweighs it.

The plan is exact up to rounding: a group keeps every column any of its rows attends to, positions shift by the same
amount for every row of a group (rotary attention depends only on relative positions), and the scores are put back
in the batch's rows and columns, zero where a group was cut.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class ScoringGroup:
    """Rows of the batch (ascending) scored together, within columns ``[start, stop)`` of the padded batch."""

    rows: torch.Tensor
    start: int
    stop: int

    def kept(self, completion_start: int) -> int:
        """How many completion columns this group scores (the ``logits_to_keep`` of its call)."""
        return self.stop - completion_start


def plan_groups(attention_mask: torch.Tensor, logits_to_keep: int, overhead_tokens: float,
                max_rows: int | None = None) -> list[ScoringGroup]:
    """Partition the rows of a ``[prompt | completion]`` batch into groups that minimise padded tokens scored plus
    ``overhead_tokens`` per group, each group at most ``max_rows`` rows.

    Rows are ordered by the span they attend to (first to last attended column); groups are contiguous runs of that
    order, chosen by dynamic programming over the split points (B² for B rows: 256 steps for the usual 16). Every
    group keeps at least its last completion column, so each scores at least one completion position.
    """
    rows_n, width = attention_mask.shape
    completion_start = width - logits_to_keep
    if rows_n == 0 or logits_to_keep <= 0 or completion_start < 0:
        raise ValueError(f"cannot plan a batch of shape {tuple(attention_mask.shape)} keeping {logits_to_keep}")
    attended = attention_mask.detach().to("cpu") != 0
    columns = torch.arange(width)
    # First attended column (the completion's first column for a row with none), last attended column + 1 (at least
    # one completion column).
    first = torch.where(attended, columns, width).min(dim=1).values.clamp(max=completion_start).tolist()
    stop = (torch.where(attended, columns + 1, 0).max(dim=1).values.clamp(min=completion_start + 1)).tolist()
    order = sorted(range(rows_n), key=lambda r: (stop[r] - first[r], r), reverse=True)
    limit = rows_n if max_rows is None else max(1, max_rows)

    cost = [0.0] + [float("inf")] * rows_n
    cut = [0] * (rows_n + 1)
    for end in range(1, rows_n + 1):
        lo, hi = width, 0
        for begin in range(end - 1, max(-1, end - 1 - limit), -1):
            r = order[begin]
            lo, hi = min(lo, first[r]), max(hi, stop[r])
            total = cost[begin] + (end - begin) * (hi - lo) + overhead_tokens
            if total < cost[end]:
                cost[end], cut[end] = total, begin
    groups: list[ScoringGroup] = []
    end = rows_n
    while end > 0:
        begin = cut[end]
        members = order[begin:end]
        groups.append(ScoringGroup(rows=torch.tensor(sorted(members), dtype=torch.long),
                                   start=min(first[r] for r in members), stop=max(stop[r] for r in members)))
        end = begin
    return groups[::-1]


def reassemble(parts: list[torch.Tensor], groups: list[ScoringGroup], logits_to_keep: int) -> torch.Tensor:
    """Per-group ``[rows, kept]`` scores back into the batch's ``[B, logits_to_keep]`` layout (zero where a group
    was cut), differentiably."""
    padded = [torch.nn.functional.pad(p, (0, logits_to_keep - p.shape[1])) for p in parts]
    stacked = torch.cat(padded, dim=0)
    order = torch.cat([g.rows for g in groups]).to(stacked.device)
    return stacked[torch.argsort(order)]
