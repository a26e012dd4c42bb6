"""fp32 master weights for a bf16 model: updates below bf16's spacing survive, accumulation is fp32, resume is exact."""

from __future__ import annotations

import pytest
import torch

from traitrl.rl.master_weights import STATE_KEY, Bf16MasterWeights


def _model(value: float = 1.0) -> torch.nn.Linear:
    layer = torch.nn.Linear(4, 1, bias=False)
    with torch.no_grad():
        layer.weight.fill_(value)
    return layer.to(torch.bfloat16)


def _sgd_steps(layer: torch.nn.Linear, optimizer: torch.optim.Optimizer, steps: int) -> None:
    x = torch.ones(1, 4, dtype=torch.bfloat16)
    for _ in range(steps):
        layer(x).sum().backward()  # d/dw = 1 for every weight
        optimizer.step()
        optimizer.zero_grad()


def test_updates_smaller_than_bf16_spacing_accumulate_in_the_masters() -> None:
    # Near 1.0, bf16 values are 2**-7 = 0.0078 apart (0.0039 below 1): a step of 1e-4 rounds away on its own.
    plain = _model()
    _sgd_steps(plain, torch.optim.SGD(plain.parameters(), lr=1e-4), 100)
    assert torch.all(plain.weight == 1.0)  # the control: pure bf16 SGD never moves

    layer = _model()
    optimizer = torch.optim.SGD(layer.parameters(), lr=1e-4)
    masters = Bf16MasterWeights(layer.parameters())
    masters.attach(optimizer)
    _sgd_steps(layer, optimizer, 100)
    (master,) = masters.masters
    torch.testing.assert_close(master.detach(), torch.full((1, 4), 1.0 - 100 * 1e-4), rtol=0, atol=1e-5)
    assert torch.equal(layer.weight.detach(), master.detach().to(torch.bfloat16))
    assert float(layer.weight[0, 0]) < 1.0
    assert layer.weight.dtype == torch.bfloat16 and master.dtype == torch.float32


def test_gradient_accumulation_sums_in_fp32() -> None:
    layer = _model()
    optimizer = torch.optim.SGD(layer.parameters(), lr=1.0)
    masters = Bf16MasterWeights(layer.parameters())
    masters.attach(optimizer)
    x = torch.ones(1, 4, dtype=torch.bfloat16)
    layer(x).sum().backward()
    (layer(x) * 1e-3).sum().backward()  # in bf16, 1 + 0.001 == 1
    (master,) = masters.masters
    assert layer.weight.grad is None  # moved to the master as soon as backward accumulated it
    assert master.grad is not None
    torch.testing.assert_close(master.grad, torch.full((1, 4), 1.001), rtol=0, atol=1e-5)
    assert masters.grad_norm(float("inf")) == pytest.approx(1.001 * 2, rel=1e-4)  # sqrt(4) * 1.001
    clipped = masters.grad_norm(1.0)
    assert float(clipped) == pytest.approx(2.002, rel=1e-4)  # the norm before clipping, as Trainer reports it
    assert float(master.grad.norm()) == pytest.approx(1.0, rel=1e-3)
    optimizer.step()
    assert master.grad is None  # cleared after the step, so the next accumulation starts at zero


def test_resume_restores_the_exact_fp32_masters() -> None:
    layer = _model()
    optimizer = torch.optim.AdamW(layer.parameters(), lr=1e-4)
    masters = Bf16MasterWeights(layer.parameters())
    masters.attach(optimizer)
    _sgd_steps(layer, optimizer, 3)
    state = optimizer.state_dict()
    assert len(state[STATE_KEY]) == 1

    fresh = layer.__class__(4, 1, bias=False).to(torch.bfloat16)
    with torch.no_grad():
        fresh.weight.copy_(layer.weight)  # what a bf16 checkpoint holds: the rounding of the masters
    fresh_optimizer = torch.optim.AdamW(fresh.parameters(), lr=1e-4)
    fresh_masters = Bf16MasterWeights(fresh.parameters())
    fresh_masters.attach(fresh_optimizer)
    assert not torch.equal(fresh_masters.masters[0], masters.masters[0])  # from bf16 alone the low bits are gone
    fresh_optimizer.load_state_dict(state)
    assert torch.equal(fresh_masters.masters[0], masters.masters[0])
    _sgd_steps(layer, optimizer, 2)
    _sgd_steps(fresh, fresh_optimizer, 2)
    assert torch.equal(fresh_masters.masters[0], masters.masters[0])  # Adam moments came back too


def test_fp32_trainable_parameters_are_their_own_masters() -> None:
    bf16 = _model()
    adapter = torch.nn.Parameter(torch.zeros(2))  # e.g. a LoRA adapter PEFT keeps in fp32 over a bf16 base
    optimizer = torch.optim.SGD([*bf16.parameters(), adapter], lr=0.1)
    masters = Bf16MasterWeights([*bf16.parameters(), adapter])
    masters.attach(optimizer)
    assert len(masters.masters) == 1
    assert any(p is adapter for p in optimizer.param_groups[0]["params"])


def test_attach_refuses_an_optimizer_that_already_stepped() -> None:
    layer = _model()
    optimizer = torch.optim.AdamW(layer.parameters(), lr=1e-4)
    _sgd_steps(layer, optimizer, 1)
    with pytest.raises(ValueError, match="before the optimizer's first step"):
        Bf16MasterWeights(layer.parameters()).attach(optimizer)


def test_a_finished_run_leaves_its_weights_and_masters_collectable() -> None:
    # Grad hooks live in C++ autograd metadata, which Python's cycle collector cannot traverse: a hook that held the
    # master-weights object kept every parameter and master of a run alive after it ended (2.1 GB per arm of the
    # embedded model, carried into every later stage of a study).
    import gc
    import weakref

    layer = _model()
    optimizer = torch.optim.AdamW(layer.parameters(), lr=1e-3)
    masters = Bf16MasterWeights(layer.parameters())
    masters.attach(optimizer)
    _sgd_steps(layer, optimizer, 2)
    alive = [weakref.ref(layer.weight), weakref.ref(masters.masters[0]), weakref.ref(masters), weakref.ref(optimizer)]
    del layer, optimizer, masters
    gc.collect()
    assert [r() is None for r in alive] == [True] * 4
