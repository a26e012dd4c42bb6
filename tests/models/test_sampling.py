"""Inverse-CDF sampling draws from the same categorical distribution as torch.multinomial, and only where asked."""

from __future__ import annotations

import pytest
import torch
from scipy import stats

from traitrl.models.sampling import inverse_cdf_sampling, sample_inverse_cdf


def test_draws_follow_the_categorical_distribution() -> None:
    g = torch.Generator().manual_seed(0)
    weights = torch.tensor([0.5, 0.0, 0.25, 0.125, 0.0625, 0.0625, 0.0])
    n = 40_000
    draws = sample_inverse_cdf(weights.expand(n, -1).contiguous(), g).squeeze(1)
    counts = torch.bincount(draws, minlength=weights.numel()).double()
    assert counts[weights == 0].sum() == 0  # masked entries are never drawn
    positive = weights > 0
    expected = weights[positive].double() / weights.sum() * n
    assert stats.chisquare(counts[positive].numpy(), expected.numpy()).pvalue > 1e-3
    # The control: a sampler off by one entry fails the same test, so the test can fail.
    shifted = torch.roll(counts[positive], 1)
    assert stats.chisquare(shifted.numpy(), expected.numpy()).pvalue < 1e-6


def test_unnormalised_rows_and_mass_far_in_the_tail() -> None:
    g = torch.Generator().manual_seed(1)
    vocab = 49_152
    weights = torch.zeros(4, vocab)
    weights[:, -1] = 3.0  # all mass on the last entry, behind 49,151 zeros
    assert sample_inverse_cdf(weights, g).squeeze(1).tolist() == [vocab - 1] * 4
    weights = torch.zeros(2, vocab)
    weights[0, 7] = 1.0
    weights[1, 0] = 1.0
    assert sample_inverse_cdf(weights, g).squeeze(1).tolist() == [7, 0]


@pytest.mark.parametrize("row", [[0.5, float("nan")], [0.5, float("inf")], [0.7, -0.2], [0.0, 0.0]])
def test_a_broken_distribution_raises_like_torch(row: list[float]) -> None:
    with pytest.raises(RuntimeError):
        torch.multinomial(torch.tensor([row]), 1)  # PyTorch's kernel refuses each of these rows ...
    with pytest.raises(RuntimeError, match="probability tensor"):
        sample_inverse_cdf(torch.tensor([row]))  # ... and so does the inverse-CDF sampler


def test_a_draw_at_the_very_top_never_lands_on_a_masked_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    # torch.rand < 1, but u * total can round up to total; the search then runs off the end onto masked entries.
    monkeypatch.setattr(torch, "rand", lambda shape, **k: torch.ones(shape, dtype=k.get("dtype")))
    weights = torch.tensor([[0.2, 0.8, 0.0, 0.0]])
    assert sample_inverse_cdf(weights).item() == 1


def test_swap_is_scoped_to_the_block_and_to_one_sample_cpu_calls() -> None:
    original = torch.multinomial
    with inverse_cdf_sampling(torch.device("meta")) as active:
        assert active is False and torch.multinomial is original
    with inverse_cdf_sampling(torch.device("cpu")) as active:
        assert active is True and torch.multinomial is not original
        with inverse_cdf_sampling(torch.device("cpu")) as inner:
            assert inner is True
        assert torch.multinomial is not original  # the inner block leaves the outer swap in place
        probs = torch.tensor([[0.0, 1.0, 0.0]])
        assert torch.multinomial(probs, 1).item() == 1
        # Several samples without replacement: PyTorch's own kernel, which never repeats an entry.
        assert sorted(torch.multinomial(torch.tensor([0.3, 0.3, 0.4]), 3).tolist()) == [0, 1, 2]
    assert torch.multinomial is original
    with pytest.raises(RuntimeError), inverse_cdf_sampling(torch.device("cpu")):
        raise RuntimeError("boom")
    assert torch.multinomial is original  # restored on error too
