"""The process keeps large freed CPU tensors' memory for reuse (glibc mallopt), checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from traitrl.core.errors import UserError
from traitrl.models import cpu_memory

# A fresh process: the setting is process-wide, and the test process may already have loaded a model.
PROBE = r"""
import ctypes, json, sys
import torch
from traitrl.models.cpu_memory import keep_freed_memory

class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                               "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2

def mapped_while_alive():
    before = libc.mallinfo2().hblkhd
    t = torch.empty(96 << 20, dtype=torch.uint8)  # 96 MiB, above glibc's largest default mmap threshold
    t.fill_(1)
    grew = libc.mallinfo2().hblkhd - before
    del t
    return grew

from traitrl.models.cpu_memory import setting
out = {"default": mapped_while_alive(), "before": setting()}
out["state"] = keep_freed_memory()
out["kept"] = mapped_while_alive()
print(json.dumps(out))
"""


def _probe(env: dict[str, str]) -> dict[str, int | str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    result: dict[str, int | str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_large_tensors_come_from_the_heap_once_set() -> None:
    result = _probe({"TRAITRL_CPU_MEMORY": "kept"})
    assert result["before"] == "system" and result["state"] == "kept"
    assert int(result["default"]) >= 96 << 20  # the control: by default glibc maps a fresh region for it
    assert result["kept"] == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_system_keeps_the_defaults() -> None:
    result = _probe({"TRAITRL_CPU_MEMORY": "system"})
    assert result["state"] == "system" and int(result["kept"]) >= 96 << 20


def test_an_unknown_setting_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAITRL_CPU_MEMORY", "huge")
    with pytest.raises(UserError, match="TRAITRL_CPU_MEMORY=.huge."):
        cpu_memory._apply()


RELEASE_PROBE = r"""
import json, os
import torch
from traitrl.models import cpu_memory

def resident():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

out = {"before": cpu_memory.release()}  # nothing kept yet: nothing to do
out["state"] = cpu_memory.keep_freed_memory()
base = resident()
t = torch.empty(256 << 20, dtype=torch.uint8)
t.fill_(1)
del t
out["kept"] = resident() - base
out["released"] = cpu_memory.release()
out["after"] = resident() - base
print(json.dumps(out))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_release_hands_kept_memory_back() -> None:
    done = subprocess.run([sys.executable, "-c", RELEASE_PROBE], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TRAITRL_CPU_MEMORY": "kept"})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["before"] is False and out["state"] == "kept" and out["released"] is True
    assert out["kept"] >= 200 << 20  # the control: a freed 256 MiB tensor stays resident
    assert out["after"] < 64 << 20


PEAK_PROBE = r"""
import json
import torch
from traitrl.models import cpu_memory

start = cpu_memory.peak_resident_bytes()  # a new peak starts here
t = torch.empty(256 << 20, dtype=torch.uint8)
t.fill_(1)
del t  # the system's allocator hands the 256 MiB back at once
step = cpu_memory.peak_resident_bytes()
after = cpu_memory.peak_resident_bytes()
print(json.dumps({"start": start, "step": step, "after": after}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/status and clear_refs are Linux's")
def test_the_peak_covers_the_interval_since_the_last_reading() -> None:
    done = subprocess.run([sys.executable, "-c", PEAK_PROBE], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TRAITRL_CPU_MEMORY": "system"})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["step"] - out["start"] >= 200 << 20  # the freed tensor counts in the interval it was alive
    assert out["after"] < out["step"] - (200 << 20)  # and not in the next: the reading started a new peak
