"""A long training run hands its freed heap back every N steps (``ReleaseFreedMemory``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from traitrl.models import cpu_memory
from traitrl.rl.callbacks import ReleaseFreedMemory


@pytest.mark.parametrize(("kept", "expected"), [(True, [10, 20, 30]), (False, [])])
def test_release_runs_every_tenth_step_only_when_memory_is_kept(monkeypatch: pytest.MonkeyPatch, kept: bool,
                                                                 expected: list[int]) -> None:
    calls: list[int] = []
    state = SimpleNamespace(global_step=0)

    def release() -> bool:  # what cpu_memory.release answers: whether it trimmed (only a kept heap is trimmed)
        calls.append(state.global_step)
        return kept

    monkeypatch.setattr(cpu_memory, "release", release)
    cb = ReleaseFreedMemory(every=10)
    for step in range(1, 36):
        state.global_step = step
        cb.on_step_end(None, state, None)
    assert calls == [10, 20, 30] and cb.released == len(expected)
    off = ReleaseFreedMemory(every=0)
    off.on_step_end(None, state, None)
    assert calls == [10, 20, 30]
