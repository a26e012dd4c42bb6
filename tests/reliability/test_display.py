"""Model and user text is inert wherever the CLI shows it, and results are written before display."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from tests.reliability.conftest import HOSTILE, HostileChatModel
from traitrl.cli import app
from traitrl.core.text import plain, redact, visible

runner = CliRunner()


def test_visible_escapes_controls_surrogates_and_bidi_but_keeps_text() -> None:
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("x\ud800y") == "x\\ud800y"
    assert visible("l\u202er") == "l\\u202er"
    assert visible("tab\tnew\nline [/] é 漢") == "tab\tnew\nline [/] é 漢"
    assert visible("abcdef", limit=3) == "abc…"


def test_plain_text_is_never_markup() -> None:
    buf = io.StringIO()
    Console(file=buf, width=200, color_system=None).print(plain("[/] [bold red]x[/bold red] \x1b[2J"))
    assert buf.getvalue().strip() == "[/] [bold red]x[/bold red] \\x1b[2J"


def test_rollout_with_hostile_model_keeps_its_file_and_shows_text_literally(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.models

    monkeypatch.setattr(traitrl.models, "load_chat_model", lambda *a, **k: HostileChatModel())
    monkeypatch.delenv("TRAITRL_JUDGE_MODEL", raising=False)
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["rollout", "--n", "4", "--split", "train", "--out", str(out), "--show", "4"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and "summary" in records[-1]
    assert sorted(r["response"] for r in records[:4]) == sorted(HOSTILE)  # every reply kept byte for byte
    shown = result.stdout
    assert "[/]" in shown and "[bold red]ALERT[/bold red]" in shown
    assert "\\x1b[2J" in shown and "\x1b" not in shown
    assert "\\ud800" in shown and "\\u202e" in shown


def test_scenarios_show_wraps_long_messages_instead_of_cutting_them() -> None:
    from traitrl.scenarios.bank import build_bank

    s = next(s for s in build_bank(seed=0) if len(s.messages[-1].content) > 150)
    result = runner.invoke(app, ["scenarios", "show", s.id], terminal_width=60)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert " ".join(s.messages[-1].content.split()) in flat


def test_markup_in_a_config_value_is_shown_not_parsed(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("arm: '[/]'\n")
    result = runner.invoke(app, ["train", "--config", str(cfg)])
    assert result.exit_code == 2 and "[/]" in result.stderr and "Traceback" not in result.output


def test_error_messages_redact_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAITRL_OPENAI_API_KEY", "sk-secretsecretsecret1234")
    text = redact("key sk-secretsecretsecret1234 at http://bob:hunter22@host/v1?api_key=abc123&x=1 Bearer tok12345")
    assert "secret" not in text and "hunter22" not in text and "abc123" not in text and "tok12345" not in text
    assert "x=1" in text and "host/v1" in text
