"""Fix 6: the update batch is scored in length groups cut to their own span — same scores and gradients as the padded
batch (tiny random model, fp32), fewer positions computed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import GRPOConfig

from traitrl.models.tiny import build_tiny_model
from traitrl.rl.padding import ScoringGroup, plan_groups, reassemble
from traitrl.rl.trainer import TraitGRPOTrainer


def _mask(prompt_lengths: list[int], completion_lengths: list[int], prompt_width: int, keep: int) -> torch.Tensor:
    """A ``[prompt | completion]`` attention mask: prompts left-padded, completions right-padded."""
    mask = torch.zeros(len(prompt_lengths), prompt_width + keep, dtype=torch.long)
    for i, (p, c) in enumerate(zip(prompt_lengths, completion_lengths, strict=True)):
        mask[i, prompt_width - p:prompt_width + c] = 1
    return mask


def padded_tokens(groups: list[ScoringGroup]) -> int:
    """Positions the groups score in all (rows × span), padding included."""
    return sum(len(g.rows) * (g.stop - g.start) for g in groups)


def _check_cover(groups: list[ScoringGroup], mask: torch.Tensor, keep: int) -> None:
    rows = torch.cat([g.rows for g in groups])
    assert sorted(rows.tolist()) == list(range(mask.shape[0]))  # every row exactly once
    for g in groups:
        assert g.stop > mask.shape[1] - keep  # at least one completion column scored
        inside = torch.zeros(mask.shape[1], dtype=torch.bool)
        inside[g.start:g.stop] = True
        assert not mask[g.rows][:, ~inside].any()  # nothing a row attends to is cut


def test_long_and_short_rows_are_split_and_nothing_attended_is_cut() -> None:
    mask = _mask([90] * 8 + [20] * 8, [60, 5, 64, 30, 2, 64, 10, 40] * 2, prompt_width=100, keep=64)
    one = plan_groups(mask, 64, overhead_tokens=1e9)
    assert len(one) == 1 and (one[0].start, one[0].stop) == (10, 164)  # the batch's unused columns are cut anyway
    split = plan_groups(mask, 64, overhead_tokens=50)
    _check_cover(split, mask, 64)
    assert len(split) >= 2
    assert padded_tokens(split) < padded_tokens(one) < mask.numel()
    # The short prompts end up without the long prompts' padding.
    short = next(g for g in split if 15 in g.rows.tolist())
    assert short.start >= 80


def test_overhead_and_row_limit_are_respected() -> None:
    gen = torch.Generator().manual_seed(0)
    prompts = torch.randint(1, 50, (16,), generator=gen).tolist()
    completions = torch.randint(0, 30, (16,), generator=gen).tolist()
    mask = _mask(prompts, completions, prompt_width=50, keep=30)
    free = plan_groups(mask, 30, overhead_tokens=0)
    _check_cover(free, mask, 30)
    costly = plan_groups(mask, 30, overhead_tokens=1e9)
    assert len(costly) == 1 and len(free) > 1
    assert padded_tokens(free) <= padded_tokens(costly)
    limited = plan_groups(mask, 30, overhead_tokens=1e9, max_rows=5)
    _check_cover(limited, mask, 30)
    assert max(len(g.rows) for g in limited) <= 5 and len(limited) == 4
    with pytest.raises(ValueError, match="cannot plan"):
        plan_groups(mask, 0, overhead_tokens=0)


def test_reassemble_puts_rows_and_columns_back_with_gradient() -> None:
    groups = [ScoringGroup(torch.tensor([1, 3]), 0, 7), ScoringGroup(torch.tensor([0, 2]), 2, 5)]
    a = torch.arange(8.0).reshape(2, 4).requires_grad_()  # rows 1, 3; 4 completion columns kept
    b = torch.tensor([[10.0], [20.0]], requires_grad=True)  # rows 0, 2; 1 column kept
    out = reassemble([a, b], groups, logits_to_keep=4)
    expected = torch.tensor([[10.0, 0, 0, 0], [0, 1, 2, 3], [20, 0, 0, 0], [4, 5, 6, 7]])
    assert torch.equal(out, expected)
    out.sum().backward()
    assert torch.equal(a.grad, torch.ones_like(a)) and torch.equal(b.grad, torch.ones_like(b))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model", seed=0)


def _trainer(tiny: Path, out: Path, bf16: bool) -> TraitGRPOTrainer:
    args = GRPOConfig(output_dir=str(out), per_device_train_batch_size=4, num_generations=4, bf16=bf16,
                      use_cpu=True, report_to=[], gradient_checkpointing=False)
    model = AutoModelForCausalLM.from_pretrained(str(tiny), dtype=torch.float32)
    dataset = Dataset.from_list([{"prompt": [{"role": "user", "content": "Hi."}]}] * 4)
    return TraitGRPOTrainer(model=model, reward_funcs=[lambda completions, **_: [0.0] * len(completions)], args=args,
                            train_dataset=dataset, processing_class=AutoTokenizer.from_pretrained(str(tiny)),
                            bf16_weights=False if bf16 else None)


def test_grouped_scoring_gives_the_padded_batchs_scores_and_gradients(tiny: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.rl.trainer as trainer_module

    trainer = _trainer(tiny, tmp_path, bf16=False)
    model = trainer.model
    keep, prompt_width = 12, 40
    mask = _mask([38, 35, 6, 4, 30, 5], [12, 3, 12, 1, 7, 9], prompt_width, keep)
    gen = torch.Generator().manual_seed(1)
    ids = torch.randint(3, model.config.vocab_size, mask.shape, generator=gen).masked_fill(mask == 0, 0)
    completion = mask[:, -keep:].bool()

    def scores(grouped: bool) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
        model.zero_grad(set_to_none=True)
        fn = trainer._get_per_token_logps_and_entropies if grouped else trainer._score
        logps, entropies, _ = fn(model, ids, mask, keep, compute_entropy=True)
        (logps[completion].sum() + 0.5 * entropies[completion].sum()).backward()
        return logps.detach(), entropies.detach(), {n: p.grad.clone() for n, p in model.named_parameters()}

    calls: list[int] = []
    original = trainer_module.TraitGRPOTrainer._score

    def spy(self: Any, model: Any, input_ids: torch.Tensor, *a: Any, **k: Any) -> Any:
        calls.append(input_ids.numel())
        return original(self, model, input_ids, *a, **k)

    monkeypatch.setattr(trainer_module, "SCORING_GROUP_OVERHEAD_TOKENS", 10)
    monkeypatch.setattr(trainer_module.TraitGRPOTrainer, "_score", spy)
    grouped = scores(grouped=True)
    assert len(calls) >= 2 and sum(calls) < ids.numel()  # split, and fewer positions computed
    monkeypatch.setattr(trainer_module.TraitGRPOTrainer, "_score", original)
    padded = scores(grouped=False)
    torch.testing.assert_close(grouped[0][completion], padded[0][completion], rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(grouped[1][completion], padded[1][completion], rtol=1e-5, atol=1e-5)
    assert torch.all(grouped[0][~completion] == 0)
    for name, g in padded[2].items():
        torch.testing.assert_close(grouped[2][name], g, rtol=1e-4, atol=1e-6)


def test_autocast_runs_score_the_padded_batch(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under autocast every forward re-casts the weights, which grouping would pay once per group.
    import traitrl.rl.trainer as trainer_module

    trainer = _trainer(tiny, tmp_path, bf16=True)
    assert trainer.precision == "bf16-autocast"
    monkeypatch.setattr(trainer_module, "SCORING_GROUP_OVERHEAD_TOKENS", 0)
    planned: list[int] = []
    monkeypatch.setattr(trainer_module, "plan_groups", lambda *a, **k: planned.append(1))
    mask = _mask([8, 2], [3, 1], 8, 3)
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
        logps, _, _ = trainer._get_per_token_logps_and_entropies(trainer.model, mask.clone(), mask, 3)
    assert logps.shape == (2, 3) and not planned
