"""Keep large freed CPU tensors' memory in the process (glibc), so it is reused instead of faulted in again.

glibc serves every allocation above its mmap threshold (128 KiB, raised dynamically to at most 32 MiB) with a
fresh ``mmap`` and gives it back with ``munmap`` when freed. PyTorch has no caching allocator on CPU, so each
``[tokens × vocabulary]`` tensor of a training step or of a scoring pass (96 MiB of fp32 logits for 489 tokens of
a 49,152-entry vocabulary) is new memory that the kernel faults in and zeroes page by page, every step. On the
2-core machine this project is measured on, that was a third of a GRPO step: the same training run took 14.5 s
per step with the default allocator and 9.5 s with this setting (generation + scoring 6.9 → 4.7 s, the update
7.0 → 3.9 s, alternating runs in one session; 14.2 → 12.7 s where 96-token generation dominates), and the
whole-logit LM head's forward–backward fell from 400 to 190 ms for 489 tokens. The peak resident size rose 5%
(10.8 → 11.3 GB on that run): glibc already keeps most freed memory below its threshold.

:func:`keep_freed_memory` raises glibc's mmap and trim thresholds to 1 GiB with ``mallopt`` (what the
``MALLOC_MMAP_THRESHOLD_`` and ``MALLOC_TRIM_THRESHOLD_`` environment variables do at process start, which a
running process can no longer set): allocations below 1 GiB come from the heap, and up to 1 GiB of freed memory
stays with the process for reuse. The cost is that the process keeps memory it has freed, which a training or
evaluation process would allocate again within a step. It is process-wide and stays on; it applies on Linux with
glibc only (elsewhere it does nothing), and ``TRAITRL_CPU_MEMORY=system`` keeps the system's defaults.

A kept heap only grows: the freed memory of one training run stays with the process for the next. :func:`release`
hands the heap's free pages back (glibc's ``malloc_trim``); a study calls it between stages, where nothing is
allocated again soon (measured in docs/training.md, "Speed", fix 7). Within a run it barely helps: a step's own
peak climbs over a long run, and releasing every 10 steps lowered the largest by 4% (measured there too).

:func:`peak_resident_bytes` reads the process's resident high-water mark and starts a new one, so a training run can
log each step's own peak (``memory/peak_gb``): what a machine needs to run it, which the resident size between steps
(what ``top`` shows) understates by the step's transient activations and logits.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

from traitrl.core.errors import UserError

#: ``mallopt`` parameters (glibc's ``malloc.h``).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: Allocations below this come from the heap, and this much freed memory may stay with the process.
KEEP_BYTES = 1 << 30
ENV = "TRAITRL_CPU_MEMORY"

_state: str | None = None


def keep_freed_memory() -> str:
    """Apply the setting once per process; returns what the process runs with: ``kept``, ``system`` (opted out
    with ``TRAITRL_CPU_MEMORY=system``) or ``unsupported`` (not Linux with glibc)."""
    global _state
    if _state is None:
        _state = _apply()
    return _state


def setting() -> str:
    """What the process runs with now, without changing it: ``system`` until :func:`keep_freed_memory` has run."""
    return _state or "system"


def release() -> bool:
    """Give the heap's free pages back to the system (``malloc_trim``) when this process keeps freed memory; returns
    whether it did. For the end of a stage, not inside a run: what is released is faulted in again when reused."""
    if _state != "kept":
        return False
    _libc().malloc_trim(0)
    return True


def peak_resident_bytes(reset: bool = True) -> int | None:
    """The process's peak resident size (``VmHWM``) since it started or since the last reset; with ``reset``, start
    a new peak at the current size (writing ``5`` to ``/proc/self/clear_refs``, Linux 4.0+). None where the kernel
    does not say (not Linux) or a reset is refused (the peak would then be the whole process's, not the interval's).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kib = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), None)
        if kib is not None and reset:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
                refs.write("5")
    except (OSError, ValueError, IndexError):
        return None
    return None if kib is None else kib << 10


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")


def _apply() -> str:
    choice = os.environ.get(ENV, "kept").strip().lower()
    if choice not in {"kept", "system"}:
        raise UserError(f"{ENV}={choice!r}: use 'kept' (the default) or 'system'")
    if choice == "system":
        return "system"
    if not sys.platform.startswith("linux"):
        return "unsupported"
    try:
        libc = _libc()
        libc.gnu_get_libc_version  # noqa: B018 — only glibc has it (musl's mallopt does nothing)
    except (OSError, AttributeError):
        return "unsupported"
    ok = libc.mallopt(M_MMAP_THRESHOLD, KEEP_BYTES) == 1 and libc.mallopt(M_TRIM_THRESHOLD, KEEP_BYTES) == 1
    return "kept" if ok else "unsupported"
