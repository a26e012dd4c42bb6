"""HFChatModel.option_logprobs (context shared across options via the KV cache) against a naive reference."""

from __future__ import annotations

import torch

from traitrl.models.base import MCRequest

REQUESTS = [
    MCRequest(context="Human: What is 12 plus 7?\n\nAssistant:", continuations=[" It is 19.", " 20", " I cannot say."]),
    MCRequest(context="The quick brown fox ", continuations=["jumps", "sleeps over the lazy dog"]),
    MCRequest(context="<|im_start|>user\nIs the evidence limited?<|im_end|>\n<|im_start|>assistant\n",
              continuations=["Yes.", "No, it is strong and settled."]),
    MCRequest(context="Human: What is 12 plus 7?\n\nAssistant:", continuations=[" 19"]),
    MCRequest(context="A", continuations=["B", "C"]),
]


def _reference(model, req: MCRequest) -> list[float]:  # type: ignore[no-untyped-def]
    """One unpadded full forward per (context, continuation) pair, lm-eval style."""
    out = []
    for cont in req.continuations:
        ctx, cont_ids = model._encode_pair(req.context, cont)
        toks = torch.tensor([ctx + cont_ids])
        with torch.inference_mode():
            logp = torch.log_softmax(model.model(input_ids=toks[:, :-1]).logits.float(), dim=-1)[0]
        positions = torch.arange(len(ctx) - 1, len(ctx) + len(cont_ids) - 1)
        out.append(float(logp[positions, torch.tensor(cont_ids)].sum()))
    return out


def test_shared_context_scoring_matches_reference(tiny_model) -> None:  # type: ignore[no-untyped-def]
    for batch_size in (1, 2, 16):
        tiny_model.batch_size = batch_size
        got = tiny_model.option_logprobs(REQUESTS)
        for req, row in zip(REQUESTS, got, strict=True):
            ref = _reference(tiny_model, req)
            assert len(row) == len(ref)
            for a, b in zip(row, ref, strict=True):
                assert abs(a - b) < 1e-5, (req.context, a, b)
    tiny_model.batch_size = 16
