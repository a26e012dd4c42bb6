"""Local Hugging Face causal LMs: batched chat generation and batched per-option log-probs.

Log-prob scoring follows lm-evaluation-harness's convention so scores agree with it: trailing whitespace of the
context moves to the continuation, and the continuation's tokens are those of ``encode(context + continuation)``
beyond ``encode(context)``. Requests are sorted by length so batches pad little.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from traitrl.models.base import Conversation, MCRequest, SamplingParams
from traitrl.models.sampling import inverse_cdf_sampling


class HFChatModel:
    """A transformers model and tokenizer behind the ChatModel interface.

    Build one with :func:`traitrl.models.loading.load_chat_model` (from a spec) or
    :func:`traitrl.models.loading.wrap_live_model` (an in-memory model, e.g. during training). Generation
    switches the model to eval mode and restores training mode afterwards; sampled tokens on CPU are drawn by
    inverse CDF (:mod:`traitrl.models.sampling`; same distribution as ``torch.multinomial``, ~35x cheaper).
    """

    def __init__(self, model: Any, tokenizer: Any, name: str, batch_size: int = 16,
                 autocast_bf16: bool = False) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.name = name
        self.batch_size = batch_size
        self.autocast_bf16 = autocast_bf16  # fp32 weights computed in bf16, as during training
        self.fingerprint: str | None = None  # set by traitrl.models.loading
        self.source: Any = None
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        msgs = [{"role": m.role, "content": m.content} for m in conversation]
        out = self.tokenizer.apply_chat_template(msgs, tokenize=False, add_generation_prompt=add_generation_prompt)
        return str(out)

    def _autocast(self) -> Any:
        return torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=self.autocast_bf16)

    @torch.inference_mode()
    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        texts = [self.format_chat(c) for c in conversations]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        outputs: dict[int, str] = {}
        tok = self.tokenizer
        tok.padding_side = "left"
        torch.manual_seed(params.seed)
        was_training = self.model.training
        self.model.eval()
        try:
            for start in range(0, len(order), self.batch_size):
                idx = order[start:start + self.batch_size]
                enc = tok([texts[i] for i in idx], return_tensors="pt", padding=True,
                          add_special_tokens=False).to(self.device)
                do_sample = params.temperature > 0
                with self._autocast(), inverse_cdf_sampling(self.device):
                    gen = self.model.generate(
                        **enc,
                        max_new_tokens=params.max_tokens,
                        do_sample=do_sample,
                        temperature=params.temperature if do_sample else None,
                        top_p=params.top_p if do_sample else None,
                        top_k=None,
                        pad_token_id=tok.pad_token_id,
                    )
                new = gen[:, enc["input_ids"].shape[1]:]
                for i, row in zip(idx, new, strict=True):
                    outputs[i] = tok.decode(row, skip_special_tokens=True).strip()
        finally:
            if was_training:
                self.model.train()
        return [outputs[i] for i in range(len(texts))]

    def _encode_pair(self, context: str, continuation: str) -> tuple[list[int], list[int]]:
        n_space = len(context) - len(context.rstrip())
        if n_space:
            continuation = context[-n_space:] + continuation
            context = context[:-n_space]
        enc = self.tokenizer
        whole = enc(context + continuation, add_special_tokens=False)["input_ids"]
        ctx = enc(context, add_special_tokens=False)["input_ids"]
        return ctx, whole[len(ctx):]

    @torch.inference_mode()
    def option_logprobs(self, requests: Sequence[MCRequest]) -> list[list[float]]:
        """Summed log-probs of each continuation, sharing one context forward pass across its options.

        Contexts (left-padded, longest first) run once with the KV cache on; each option then runs only its
        own tokens against a copy of its context's cache rows. The first continuation token is scored from
        the context pass's last logits, so single-token options need no second pass. Only the logits that are
        scored are computed (the vocabulary projection dominates a small model's cost).
        """
        groups: dict[tuple[int, ...], list[tuple[int, int, list[int]]]] = {}
        for ri, req in enumerate(requests):
            for oi, cont in enumerate(req.continuations):
                ctx, cont_ids = self._encode_pair(req.context, cont)
                if not cont_ids:
                    raise ValueError(f"continuation {cont!r} encodes to no tokens")
                if not ctx:
                    raise ValueError("empty context: log-prob scoring needs a non-empty context")
                groups.setdefault(tuple(ctx), []).append((ri, oi, cont_ids))
        result = [[0.0] * len(r.continuations) for r in requests]
        ordered = sorted(groups.items(), key=lambda g: -len(g[0]))
        was_training = self.model.training
        self.model.eval()
        try:
            with self._autocast():
                for start in range(0, len(ordered), self.batch_size):
                    self._score_groups(ordered[start:start + self.batch_size], result)
        finally:
            if was_training:
                self.model.train()
        return result

    def _score_groups(
        self, chunk: Sequence[tuple[tuple[int, ...], list[tuple[int, int, list[int]]]]], result: list[list[float]]
    ) -> None:
        device = self.device
        pad = self.tokenizer.pad_token_id
        width = max(len(ctx) for ctx, _ in chunk)
        ids_B_L = torch.full((len(chunk), width), pad, dtype=torch.long)
        mask_B_L = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, (ctx, _) in enumerate(chunk):
            ids_B_L[row, width - len(ctx):] = torch.tensor(ctx)
            mask_B_L[row, width - len(ctx):] = 1
        pos_B_L = (mask_B_L.cumsum(-1) - 1).clamp(min=0)
        out = self.model(input_ids=ids_B_L.to(device), attention_mask=mask_B_L.to(device),
                         position_ids=pos_B_L.to(device), use_cache=True, logits_to_keep=1)
        first_B_V = torch.log_softmax(out.logits[:, -1].float(), dim=-1)
        # One row per option: (group row, request, option, continuation tokens).
        rows = [(g, ri, oi, cont) for g, (_, opts) in enumerate(chunk) for ri, oi, cont in opts]
        for g, ri, oi, cont in rows:
            result[ri][oi] = float(first_B_V[g, cont[0]])
        rest = [r for r in rows if len(r[3]) > 1]
        if not rest:
            return
        cache = out.past_key_values
        cache.batch_select_indices(torch.tensor([g for g, *_ in rest], device=device))
        steps = max(len(c) for *_, c in rest) - 1
        ids_R_T = torch.full((len(rest), steps), pad, dtype=torch.long)
        mask_R_T = torch.zeros((len(rest), steps), dtype=torch.long)
        for row, (*_, cont) in enumerate(rest):
            ids_R_T[row, :len(cont) - 1] = torch.tensor(cont[:-1])
            mask_R_T[row, :len(cont) - 1] = 1
        ctx_len_R = mask_B_L.sum(-1)[[g for g, *_ in rest]]
        pos_R_T = ctx_len_R[:, None] + torch.arange(steps)[None, :]
        full_mask = torch.cat([mask_B_L[[g for g, *_ in rest]], mask_R_T], dim=1)
        logits_R_T_V = self.model(input_ids=ids_R_T.to(device), attention_mask=full_mask.to(device),
                                  position_ids=pos_R_T.to(device), past_key_values=cache, use_cache=True).logits
        logp_R_T_V = torch.log_softmax(logits_R_T_V.float(), dim=-1)
        for row, (_, ri, oi, cont) in enumerate(rest):
            targets = torch.tensor(cont[1:], device=device)
            result[ri][oi] += float(logp_R_T_V[row, torch.arange(len(cont) - 1, device=device), targets].sum())
