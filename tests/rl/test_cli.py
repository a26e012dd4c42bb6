"""`traitrl train` turns bad configs into one-line errors with exit code 2, before any model loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from traitrl.cli.train import train_command


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("train")(train_command)
    app.command("noop")(lambda: None)  # two commands, so typer keeps the 'train' sub-command name
    return app


@pytest.mark.parametrize("args,needle", [
    (["--arm", "baseline", "--dose", "0.2"], "always has dose 0"),
    (["--arm", "nonsense"], "unknown arm"),
    (["--config", "/no/such/file.yaml"], "no such config file"),
    (["--generations", "1"], "generations_per_prompt"),
])
def test_bad_train_invocations_exit_2(args: list[str], needle: str) -> None:
    result = CliRunner().invoke(_app(), ["train", *args])
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_yaml_unknown_field_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("arm: trait\nstepz: 3\n")
    result = CliRunner().invoke(_app(), ["train", "--config", str(cfg)])
    assert result.exit_code == 2 and "stepz: unknown field" in result.output
