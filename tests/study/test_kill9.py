"""kill -9 a real `traitrl study run` (tiny model) at three different stages, run it again each time: the final
summary.json is byte-identical to the one an uninterrupted study wrote in the same folder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.study.test_study import _config

TRAITRL = Path(sys.executable).with_name("traitrl")


def _run(cfg: Path, kill_after: int | None, ledger: Path, timeout: float = 300) -> int | None:
    """Run the study; with ``kill_after``, SIGKILL it once the ledger holds that many finished stages."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    proc = subprocess.Popen([str(TRAITRL), "study", "run", str(cfg), "--no-report"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("study run did not finish in time")
        if kill_after is not None and ledger.exists():
            try:
                done = len(json.loads(ledger.read_text())["stages"])
            except (ValueError, KeyError):
                done = 0  # the ledger is replaced atomically, but be safe while polling
            if done >= kill_after:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return None
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    return proc.returncode


@pytest.mark.skipif(not TRAITRL.exists(), reason="the traitrl console script is not installed in this venv")
def test_kill_9_at_three_stages_then_resume_gives_the_uninterrupted_summary(tiny_model_dir: Path,
                                                                             tmp_path: Path) -> None:
    out = tmp_path / "study"
    data = _config(tiny_model_dir, out)
    data["persistence"].pop("finetune")  # keep the subprocess runs short; finetune resume is tested in attacks/
    cfg = tmp_path / "study.yaml"
    cfg.write_text(yaml.safe_dump(data))
    ledger = out / "stages.json"

    _run(cfg, None, ledger)
    reference = (out / "summary.json").read_bytes()
    shutil.rmtree(out)

    for kill_after in (1, 3, 5):  # during the second training run, the trait eval, and the persona stage
        assert _run(cfg, kill_after, ledger) is None
        assert not (out / "summary.json").exists()
    _run(cfg, None, ledger)
    assert (out / "summary.json").read_bytes() == reference
