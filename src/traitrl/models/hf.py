"""Local Hugging Face causal LMs: batched chat generation and batched per-option log-probs.

Log-prob scoring follows lm-evaluation-harness's convention so scores agree with it: trailing whitespace of the
context moves to the continuation, and the continuation's tokens are those of ``encode(context + continuation)``
beyond ``encode(context)``. Requests are sorted by length so batches pad little.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from traitrl.models.base import Conversation, MCRequest, ModelLoadError, SamplingParams

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


class HFChatModel:
    """A transformers model and tokenizer behind the ChatModel interface."""

    def __init__(self, model: Any, tokenizer: Any, name: str, batch_size: int = 16) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.name = name
        self.batch_size = batch_size
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token

    @classmethod
    def from_dir(cls, path: str | Path, dtype: str = "float32", batch_size: int = 16, name: str | None = None) -> HFChatModel:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = Path(path)
        if not path.is_dir():
            raise ModelLoadError(f"{path}: no such directory (expected a Hugging Face model folder)")
        if not (path / "config.json").exists():
            raise ModelLoadError(f"{path}: not a model directory (no config.json); point at a folder written by "
                                 "save_pretrained, or use --model embedded")
        if dtype not in DTYPES:
            raise ModelLoadError(f"dtype {dtype!r} not one of {', '.join(DTYPES)}")
        try:
            tok = AutoTokenizer.from_pretrained(path)
            model = AutoModelForCausalLM.from_pretrained(path, dtype=DTYPES[dtype])
        except (OSError, ValueError) as err:
            raise ModelLoadError(f"{path}: could not load model: {err}") from None
        return cls(model, tok, name=name or path.name, batch_size=batch_size)

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        msgs = [{"role": m.role, "content": m.content} for m in conversation]
        out = self.tokenizer.apply_chat_template(msgs, tokenize=False, add_generation_prompt=add_generation_prompt)
        return str(out)

    @torch.inference_mode()
    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        texts = [self.format_chat(c) for c in conversations]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        outputs: dict[int, str] = {}
        tok = self.tokenizer
        tok.padding_side = "left"
        torch.manual_seed(params.seed)
        for start in range(0, len(order), self.batch_size):
            idx = order[start:start + self.batch_size]
            enc = tok([texts[i] for i in idx], return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
            do_sample = params.temperature > 0
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
        pairs: list[tuple[int, int, list[int], int]] = []  # (request, option, tokens, n_continuation)
        for ri, req in enumerate(requests):
            for oi, cont in enumerate(req.continuations):
                ctx, cont_ids = self._encode_pair(req.context, cont)
                if not cont_ids:
                    raise ValueError(f"continuation {cont!r} encodes to no tokens")
                pairs.append((ri, oi, ctx + cont_ids, len(cont_ids)))
        pairs.sort(key=lambda p: -len(p[2]))
        result = [[0.0] * len(r.continuations) for r in requests]
        pad = self.tokenizer.pad_token_id
        for start in range(0, len(pairs), self.batch_size):
            chunk = pairs[start:start + self.batch_size]
            width = max(len(p[2]) for p in chunk) - 1
            ids = torch.full((len(chunk), width), pad, dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for row, (_, _, toks, _) in enumerate(chunk):
                ids[row, :len(toks) - 1] = torch.tensor(toks[:-1])
                mask[row, :len(toks) - 1] = 1
            logits_B_T_V = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits
            logp_B_T_V = torch.log_softmax(logits_B_T_V.float(), dim=-1)
            for row, (ri, oi, toks, n_cont) in enumerate(chunk):
                targets = torch.tensor(toks[-n_cont:], device=self.device)
                positions = torch.arange(len(toks) - 1 - n_cont, len(toks) - 1, device=self.device)
                result[ri][oi] = float(logp_B_T_V[row, positions, targets].sum())
        return result
