"""Fix 6: the update batch is scored packed — each row's attended tokens in a few shared rows — with the padded
batch's scores and gradients (tiny random model, fp32) from fewer positions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import GRPOConfig

from traitrl.models.tiny import build_tiny_model
from traitrl.rl.padding import attended_runs, pack_rows
from traitrl.rl.trainer import TraitGRPOTrainer


def _mask(prompt_lengths: list[int], completion_lengths: list[int], prompt_width: int, keep: int) -> torch.Tensor:
    """A ``[prompt | completion]`` attention mask: prompts left-padded, completions right-padded."""
    mask = torch.zeros(len(prompt_lengths), prompt_width + keep, dtype=torch.long)
    for i, (p, c) in enumerate(zip(prompt_lengths, completion_lengths, strict=True)):
        mask[i, prompt_width - p:prompt_width + c] = 1
    return mask


def _ids(mask: torch.Tensor, vocab: int = 1000, seed: int = 1) -> torch.Tensor:
    gen = torch.Generator().manual_seed(seed)
    return torch.randint(3, vocab, mask.shape, generator=gen).masked_fill(mask == 0, 0)


def test_every_attended_token_is_packed_once_in_rows_no_longer_than_the_longest() -> None:
    mask = _mask([90] * 8 + [20] * 8, [60, 5, 64, 30, 2, 64, 10, 40] * 2, prompt_width=100, keep=64)
    ids = _ids(mask)
    packed = pack_rows(ids, mask, 64)
    assert packed is not None
    longest = int(mask.sum(dim=1).max())
    assert packed.input_ids.shape[1] == longest
    assert packed.input_ids.numel() < 0.8 * mask.numel()  # most padding is gone
    # Every row's tokens appear once, in order, in one packed row, with positions 0, 1, 2, ... of its own.
    runs = attended_runs(mask)
    assert runs is not None
    flat = packed.input_ids.reshape(-1).tolist()
    starts = (packed.position_ids == 0).nonzero().tolist()
    found = []
    for b, j in starts:
        found.append(packed.input_ids[b, j:j + int(mask.sum(dim=1).max())].tolist())
    for row, (first, stop) in enumerate(runs):
        tokens = ids[row, first:stop].tolist()
        assert any(f[:len(tokens)] == tokens for f in found), row
    assert sum(1 for t in flat if t != 0) == int(mask.sum())
    # Labels: exactly the completion tokens a row attends to.
    assert int((packed.labels != -100).sum()) == int(mask[:, -64:].sum())
    assert sorted(packed.labels[packed.labels != -100].tolist()) == sorted(ids[:, -64:][mask[:, -64:] == 1].tolist())


def test_unpack_puts_scores_back_in_rows_and_columns_with_gradient() -> None:
    mask = _mask([3, 1], [2, 3], prompt_width=3, keep=3)
    ids = _ids(mask)
    packed = pack_rows(ids, mask, 3)
    assert packed is not None
    # A shifted head's score at column j is for the packed token at j + 1: score every position by its token id.
    scores = packed.input_ids[:, 1:].float().requires_grad_()
    out = packed.unpack(scores)
    expected = ids[:, -3:].float() * mask[:, -3:]
    assert torch.equal(out, expected)
    out.sum().backward()
    assert scores.grad is not None and int(scores.grad.sum()) == int(mask[:, -3:].sum())


def test_broken_runs_and_empty_rows_are_not_packed() -> None:
    mask = _mask([4, 2], [2, 2], prompt_width=4, keep=2)
    assert pack_rows(_ids(mask), mask, 2) is not None
    broken = mask.clone()
    broken[0, 1] = 0  # a hole inside row 0's run
    assert pack_rows(_ids(broken), broken, 2) is None
    empty = mask.clone()
    empty[1] = 0
    assert pack_rows(_ids(empty), empty, 2) is None
    with pytest.raises(ValueError, match="cannot pack"):
        pack_rows(_ids(mask), mask, 0)


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


def _spy_forwards(trainer: TraitGRPOTrainer) -> list[int]:
    """Positions of every forward the trainer's model backbone runs."""
    calls: list[int] = []

    def spy(_module: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        calls.append(ids.numel())

    trainer.model.get_decoder().register_forward_pre_hook(spy, with_kwargs=True)
    return calls


def _scores(trainer: TraitGRPOTrainer, ids: torch.Tensor, mask: torch.Tensor, keep: int, packed: bool,
            batch_size: int | None = None) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    model = trainer.model
    model.zero_grad(set_to_none=True)
    fn = trainer._get_per_token_logps_and_entropies if packed else trainer._score
    logps, entropies, _ = fn(model, ids, mask, keep, batch_size=batch_size, compute_entropy=True)
    completion = mask[:, -keep:].bool()
    (logps[completion].sum() + 0.5 * entropies[completion].sum()).backward()
    return logps.detach(), entropies.detach(), {n: p.grad.clone() for n, p in model.named_parameters()}


@pytest.mark.parametrize("batch_size", [None, 4])
def test_packed_scoring_gives_the_padded_batchs_scores_and_gradients(tiny: Path, tmp_path: Path,
                                                                     batch_size: int | None) -> None:
    trainer = _trainer(tiny, tmp_path, bf16=False)
    trainer._entropy_bonus_enabled = True  # so the entropies carry gradient too, and are compared
    keep, prompt_width = 12, 40
    mask = _mask([38, 35, 6, 4, 30, 5], [12, 3, 12, 1, 7, 9], prompt_width, keep)
    ids = _ids(mask, trainer.model.config.vocab_size)
    completion = mask[:, -keep:].bool()
    calls = _spy_forwards(trainer)
    packed = _scores(trainer, ids, mask, keep, packed=True, batch_size=batch_size)
    assert len(calls) == (1 if batch_size is None else 2)  # one forward per chunk of batch_size rows
    assert sum(calls) < (0.7 if batch_size is None else 0.8) * ids.numel()
    padded = _scores(trainer, ids, mask, keep, packed=False)
    torch.testing.assert_close(packed[0][completion], padded[0][completion], rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(packed[1][completion], padded[1][completion], rtol=1e-5, atol=1e-5)
    assert torch.all(packed[0][~completion] == 0) and torch.all(packed[1][~completion] == 0)
    for name, g in padded[2].items():
        torch.testing.assert_close(packed[2][name], g, rtol=1e-4, atol=1e-6)


def test_a_broken_run_scores_the_padded_batch(tiny: Path, tmp_path: Path) -> None:
    trainer = _trainer(tiny, tmp_path, bf16=False)
    mask = _mask([8, 2], [3, 1], 8, 3)
    mask[0, 2] = 0  # e.g. a masked tool output inside a row: packing cannot represent it
    ids = _ids(mask, trainer.model.config.vocab_size)
    calls = _spy_forwards(trainer)
    with torch.no_grad():
        logps, _, _ = trainer._get_per_token_logps_and_entropies(trainer.model, ids, mask, 3)
        padded, _, _ = trainer._score(trainer.model, ids, mask, 3)
    assert calls == [ids.numel(), ids.numel()]
    assert torch.equal(logps, padded)


def test_autocast_runs_are_packed_too(tiny: Path, tmp_path: Path) -> None:
    # One packed forward casts the weights once, as the padded forward does.
    trainer = _trainer(tiny, tmp_path, bf16=True)
    assert trainer.precision == "bf16-autocast"
    mask = _mask([20, 2, 3, 18], [3, 1, 12, 2], 20, 12)
    ids = _ids(mask, trainer.model.config.vocab_size)
    calls = _spy_forwards(trainer)
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
        logps, _, _ = trainer._get_per_token_logps_and_entropies(trainer.model, ids, mask, 12)
        padded, _, _ = trainer._score(trainer.model, ids, mask, 12)
    assert len(calls) == 2 and calls[0] < calls[1]
    completion = mask[:, -12:].bool()
    torch.testing.assert_close(logps[completion], padded[completion], rtol=0.05, atol=0.05)
