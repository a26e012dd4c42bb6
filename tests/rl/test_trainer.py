"""TraitGRPOTrainer's CPU fixes are reached; fixes 1-3 leave what TRL computes unchanged, fix 4 (bf16 weights with
fp32 masters) trains as autocast does to within bf16 rounding (tiny random model, bf16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationMixin
from trl import GRPOConfig, GRPOTrainer

from traitrl.models.sampling import inverse_cdf_sampling
from traitrl.models.tiny import build_tiny_model
from traitrl.rl.trainer import TraitGRPOTrainer, compact_lm_head_scoring, direct_logprobs

PROMPTS = ["Name a prime number.", "Say something kind about rain.", "Count to three.", "What is a heat pump?"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", seed=0)


def _length_reward(completions: list[Any], **_: Any) -> list[float]:
    return [float(len(str(c))) / 50 for c in completions]


def _train(cls: type[GRPOTrainer], tiny: Path, out: Path, inverse_cdf: bool = False, checkpointing: bool = True,
           **trainer_kwargs: Any) -> tuple[GRPOTrainer, dict[str, torch.Tensor]]:
    args = GRPOConfig(output_dir=str(out), per_device_train_batch_size=8, num_generations=4, max_completion_length=10,
                      max_steps=2, learning_rate=1e-2, bf16=True, use_cpu=True, report_to=[], logging_steps=1,
                      save_strategy="no", shuffle_dataset=False, seed=0, disable_tqdm=True, log_completions=False,
                      gradient_checkpointing=checkpointing)
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(str(tiny), dtype=torch.float32)
    dataset = Dataset.from_list([{"prompt": [{"role": "user", "content": p}]} for p in PROMPTS])
    trainer = cls(model=model, reward_funcs=[_length_reward], args=args, train_dataset=dataset,
                  processing_class=AutoTokenizer.from_pretrained(str(tiny)), **trainer_kwargs)
    with inverse_cdf_sampling(torch.device("cpu" if inverse_cdf else "meta")):
        trainer.train()
    return trainer, {n: p.detach().clone() for n, p in trainer.model.named_parameters()}


def _autocast_at_generate(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, bool]]:
    """Records, for every ``generate`` call, whether a CPU autocast context was already active around it and
    whether ``torch.multinomial`` was swapped for inverse-CDF sampling."""
    seen: list[tuple[bool, bool]] = []
    original_generate = GenerationMixin.generate
    original_multinomial = torch.multinomial

    def generate(self: Any, *a: Any, **k: Any) -> Any:
        seen.append((torch.is_autocast_enabled("cpu"), torch.multinomial is not original_multinomial))
        return original_generate(self, *a, **k)

    monkeypatch.setattr(GenerationMixin, "generate", generate)
    return seen


def test_generation_runs_under_one_autocast_with_fast_sampling_and_scoring_is_completion_only(tiny: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import trl.trainer.utils as trl_utils

    import traitrl.rl.trainer as trainer_module

    autocast_at_generate = _autocast_at_generate(monkeypatch)
    scored: list[int] = []  # rows given to the LM head, per call
    original_fn = trl_utils._ChunkedLogProbFunction

    class Spy:
        @staticmethod
        def apply(hidden: torch.Tensor, weight: Any, bias: Any, targets: torch.Tensor, *rest: Any) -> Any:
            scored.append(hidden.shape[0])
            return original_fn.apply(hidden, weight, bias, targets, *rest)

    original_prepare = TraitGRPOTrainer._get_per_token_logps_and_entropies
    completion_tokens: list[int] = []

    def prepare(self: Any, model: Any, input_ids: torch.Tensor, attention_mask: torch.Tensor, keep: int,
                *a: Any, **k: Any) -> Any:
        completion_tokens.append(int(attention_mask[:, -keep:].sum()))
        padded = input_ids.numel()
        out = original_prepare(self, model, input_ids, attention_mask, keep, *a, **k)
        assert scored[-1] < padded  # fewer rows than the padded batch: prompt positions were not scored
        return out

    monkeypatch.setattr(trl_utils, "_ChunkedLogProbFunction", Spy)
    monkeypatch.setattr(trainer_module, "DIRECT_LM_HEAD_BYTES", 0)  # every batch through TRL's kernel, seen by Spy
    monkeypatch.setattr(TraitGRPOTrainer, "_get_per_token_logps_and_entropies", prepare)
    _train(TraitGRPOTrainer, tiny, tmp_path / "ours", bf16_weights=False)
    assert autocast_at_generate and all(a and s for a, s in autocast_at_generate)
    assert scored == completion_tokens  # exactly the completion tokens, nothing else
    assert trl_utils._use_triton(torch.device("cpu")) is False  # the switch is put back after scoring


def test_plain_trl_scores_every_position_and_generates_without_an_outer_autocast(tiny: Path, tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # The control for the test above: without TraitGRPOTrainer neither fix happens, so that test can fail.
    seen = _autocast_at_generate(monkeypatch)
    with compact_lm_head_scoring(torch.device("meta")) as switched:
        assert switched is False  # only CPUs are switched
    _train(GRPOTrainer, tiny, tmp_path / "trl")
    assert seen and not any(a or s for a, s in seen)


def test_same_completions_and_losses_as_trl(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.rl.trainer as trainer_module

    # Fixes 4 to 6 change the rounding (tested against TRL's arithmetic below and in test_padding.py); here TRL's
    # kernel, autocast and the padded batch.
    monkeypatch.setattr(trainer_module, "DIRECT_LM_HEAD_BYTES", 0)
    monkeypatch.setattr(trainer_module.TraitGRPOTrainer, "_trims_padding", lambda self, *a: False)
    # TRL runs with the same sampler swapped in (a different random stream from the same distribution, tested in
    # tests/models/test_sampling.py), so what is compared here is that the other two fixes change nothing.
    ours, ours_weights = _train(TraitGRPOTrainer, tiny, tmp_path / "ours", bf16_weights=False)
    assert ours.precision == "bf16-autocast"
    trl, trl_weights = _train(GRPOTrainer, tiny, tmp_path / "trl", inverse_cdf=True)
    ours_log = [e for e in ours.state.log_history if "loss" in e]
    trl_log = [e for e in trl.state.log_history if "loss" in e]
    assert len(ours_log) == len(trl_log) == 2
    # Step 1 samples from the same weights with the same seed: the same completions, so the same lengths and rewards.
    for key in ("completions/mean_length", "reward", "reward_std"):
        assert ours_log[0][key] == trl_log[0][key], key
    for a, b in zip(ours_log, trl_log, strict=True):
        assert a["loss"] == pytest.approx(b["loss"], rel=2e-2, abs=1e-4)
    for name, w in trl_weights.items():
        torch.testing.assert_close(ours_weights[name], w, rtol=1e-3, atol=1e-4)


def test_bf16_weights_with_fp32_masters_train_like_autocast(tiny: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    kernels: list[str] = []  # the attention kernel each scoring call ran with
    original_prepare = TraitGRPOTrainer._get_per_token_logps_and_entropies

    def spy_forward(self: Any, *a: Any, **k: Any) -> Any:
        kernels.append(self.config._attn_implementation)
        return original_forward(self, *a, **k)

    from transformers import LlamaModel
    original_forward = LlamaModel.forward
    monkeypatch.setattr(LlamaModel, "forward", spy_forward)
    ours, weights = _train(TraitGRPOTrainer, tiny, tmp_path / "ours", checkpointing=False)
    assert ours.precision == "bf16" and not ours.args.bf16  # no autocast: the model itself computes in bf16
    assert all(w.dtype == torch.bfloat16 for w in weights.values())
    optimized = {id(p) for g in ours.optimizer.param_groups for p in g["params"]}
    master_of = ours._masters.master_of
    assert set(master_of) == set(ours.model.parameters())
    assert optimized == {id(m) for m in master_of.values()}  # the optimizer holds the masters, not the model's weights
    for p, m in master_of.items():
        assert m.dtype == torch.float32
        assert torch.equal(p.detach(), m.detach().to(torch.bfloat16))  # the model is the masters, rounded
    assert "eager" in kernels and "sdpa" in kernels  # eager attention to score, SDPA to generate
    assert ours.model.config._attn_implementation == "sdpa"  # put back after scoring
    monkeypatch.setattr(LlamaModel, "forward", original_forward)
    assert original_prepare is TraitGRPOTrainer._get_per_token_logps_and_entropies

    auto, _ = _train(TraitGRPOTrainer, tiny, tmp_path / "auto", checkpointing=False, bf16_weights=False)
    ours_log = [e for e in ours.state.log_history if "loss" in e]
    auto_log = [e for e in auto.state.log_history if "loss" in e]
    # Same start (the bf16 rounding of the same weights), same seed: the first step's gradient norm agrees to within
    # bf16 rounding. (Weights after Adam steps are not compared: Adam turns any difference in a near-zero gradient
    # into a full-size step. The update arithmetic is tested exactly in tests/rl/test_master_weights.py.)
    assert ours_log[0]["grad_norm"] == pytest.approx(auto_log[0]["grad_norm"], rel=0.25)
    assert ours_log[0]["grad_norm"] != auto_log[0]["grad_norm"]  # the two runs really computed differently


@pytest.mark.parametrize("budget,checkpointing", [(0, False), (1 << 30, True)])
def test_eager_attention_only_within_its_memory_budget_and_without_checkpointing(
        tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int, checkpointing: bool) -> None:
    from transformers import LlamaModel

    import traitrl.rl.trainer as trainer_module

    kernels: list[str] = []
    original_forward = LlamaModel.forward

    def spy_forward(self: Any, *a: Any, **k: Any) -> Any:
        kernels.append(self.config._attn_implementation)
        return original_forward(self, *a, **k)

    monkeypatch.setattr(LlamaModel, "forward", spy_forward)
    monkeypatch.setattr(trainer_module, "EAGER_ATTENTION_BYTES", budget)
    _train(TraitGRPOTrainer, tiny, tmp_path / "ours", checkpointing=checkpointing)
    assert kernels and set(kernels) == {"sdpa"}


def test_bf16_weights_refused_where_they_do_not_apply(tiny: Path, tmp_path: Path) -> None:
    args = GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=4, num_generations=4, bf16=False,
                      use_cpu=True, report_to=[])
    model = AutoModelForCausalLM.from_pretrained(str(tiny), dtype=torch.float32)
    dataset = Dataset.from_list([{"prompt": [{"role": "user", "content": p}]} for p in PROMPTS])
    with pytest.raises(ValueError, match="bf16_weights=True needs args.bf16"):
        TraitGRPOTrainer(model=model, reward_funcs=[_length_reward], args=args, train_dataset=dataset,
                         processing_class=AutoTokenizer.from_pretrained(str(tiny)), bf16_weights=True)
    trainer = TraitGRPOTrainer(model=model, reward_funcs=[_length_reward], args=args, train_dataset=dataset,
                               processing_class=AutoTokenizer.from_pretrained(str(tiny)))
    assert trainer.precision == "fp32" and next(trainer.model.parameters()).dtype == torch.float32


@pytest.mark.parametrize("dtype,softcap,bias,temperature,scale", [(torch.float32, None, False, 0.7, 1.5),
                                                                    (torch.bfloat16, 30.0, True, 0.7, 1.5),
                                                                    (torch.float32, None, True, 1.0, 1.0)])
def test_direct_lm_head_matches_trls_chunked_kernel(dtype: torch.dtype, softcap: float | None, bias: bool,
                                                    temperature: float, scale: float) -> None:
    from trl.kernels import ChunkedLogProbFunction
    from trl.kernels.chunked_logprob import OPTIONAL_OUTPUTS

    gen = torch.Generator().manual_seed(0)
    hidden = torch.randn(37, 16, generator=gen).to(dtype)
    weight = (torch.randn(300, 16, generator=gen) * 2).to(dtype)
    b = torch.randn(300, generator=gen).to(dtype) if bias else None
    targets = torch.randint(0, 300, (37,), generator=gen)
    targets[0] = int((hidden[0].float() @ weight.float().t()).argmax())  # at least one top-1 target
    results = []
    for fn in (ChunkedLogProbFunction.apply, direct_logprobs):
        h, w = hidden.clone().requires_grad_(), weight.clone().requires_grad_()
        out = fn(h, w, b, targets, temperature, 128, softcap, scale, OPTIONAL_OUTPUTS)
        (out[0].sum() + 0.3 * out[1].sum()).backward()  # log-probabilities and entropy both carry gradient
        results.append((out, h.grad, w.grad))
    (ours, *ours_grads), (theirs, *their_grads) = results[1], results[0]
    tol = {"rtol": 2e-2, "atol": 2e-2} if dtype == torch.bfloat16 else {"rtol": 1e-4, "atol": 1e-4}
    for a, b_ in zip(ours[:4], theirs[:4], strict=True):
        torch.testing.assert_close(a, b_, **tol)
    assert torch.equal(ours[4], theirs[4]) and bool(ours[4][0])
    for a, b_ in zip(ours_grads, their_grads, strict=True):
        torch.testing.assert_close(a.float(), b_.float(), **tol)


def test_entropy_without_a_loss_term_keeps_no_graph() -> None:
    gen = torch.Generator().manual_seed(0)
    hidden = torch.randn(5, 8, generator=gen, requires_grad=True)
    weight = torch.randn(50, 8, generator=gen)
    targets = torch.randint(0, 50, (5,), generator=gen)
    with_grad = direct_logprobs(hidden, weight, None, targets, 1.0, 0, outputs=("entropy",))
    without = direct_logprobs(hidden, weight, None, targets, 1.0, 0, outputs=("entropy",), entropy_grad=False)
    assert with_grad[1] is not None and without[1] is not None
    assert with_grad[1].requires_grad and not without[1].requires_grad and without[0] is not None
    assert without[0].requires_grad
    torch.testing.assert_close(with_grad[1].detach(), without[1])


def test_trainer_scores_with_the_direct_head_within_budget(tiny: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.rl.trainer as trainer_module

    calls: list[int] = []
    original = trainer_module.direct_logprobs

    def spy(hidden: torch.Tensor, *a: Any, **k: Any) -> Any:
        calls.append(hidden.shape[0])
        return original(hidden, *a, **k)

    monkeypatch.setattr(trainer_module, "direct_logprobs", spy)
    _train(TraitGRPOTrainer, tiny, tmp_path / "ours", checkpointing=False)
    assert calls  # every scoring call fit the budget on the tiny model
