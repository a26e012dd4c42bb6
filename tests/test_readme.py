"""Every command in the README exists as written: each `traitrl …` line's subcommand answers --help and
lists every --option the line uses; each `make …` target exists in the Makefile."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from traitrl.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _commands(prefix: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```(?:bash|sh|console)\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()  # drop trailing comments
            if line.startswith(prefix + " "):
                lines.append(line)
    return lines


TRAITRL = _commands("traitrl")


def test_readme_has_commands() -> None:
    assert len(TRAITRL) >= 10 and _commands("make")


@pytest.mark.parametrize("line", TRAITRL)
def test_traitrl_command_exists_with_its_options(line: str) -> None:
    words = shlex.split(re.sub(r"\[([^\]]*)\]", r"\1", line))[1:]  # [--json] marks an optional flag
    path = []
    for w in words:
        if w.startswith("-") or not re.fullmatch(r"[a-z][a-z-]*", w):
            break
        path.append(w)
    res = CliRunner().invoke(app, [*path, "--help"], terminal_width=200)
    assert res.exit_code == 0, (line, res.output)
    for opt in (w.split("=")[0] for w in words if w.startswith("--")):
        assert opt in res.output, f"README line {line!r}: {' '.join(path)} has no option {opt}"


def test_make_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for line in _commands("make"):
        target = line.split()[1]
        assert re.search(rf"^{re.escape(target)}:", makefile, flags=re.M), line
