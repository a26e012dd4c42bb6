"""``traitrl report SUMMARY --out DIR``: re-render from summary.json, byte for byte; clear errors on bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from traitrl.cli.report import mount
from traitrl.report.render import ReportPaths

from .conftest import build_report

app = typer.Typer()
mount(app)


@app.callback()
def _root() -> None:  # a group, as in the real CLI, so the command is invoked as `report ...`
    pass


runner = CliRunner()


def test_rerender_from_summary_is_byte_identical(rendered: ReportPaths, tmp_path: Path) -> None:
    out = tmp_path / "again"
    res = runner.invoke(app, ["report", str(rendered.json), "--out", str(out)])
    assert res.exit_code == 0, res.output
    # a second, independent render (new process state, report rebuilt from JSON) gives the same three files
    for name in ("summary.json", "report.html", "summary.md"):
        assert (out / name).read_bytes() == (rendered.html.parent / name).read_bytes(), name
    assert str(out / "report.html") in res.output.replace("\n", "")
    assert build_report().headlines[0].text in res.output


@pytest.mark.parametrize(("content", "expect"), [
    ("{\n  \"provenance\": \n}", "line 3"),  # not JSON: the line is named
    ('{"provenance": {"study": "s"}}', "provenance.profile"),  # a field is missing: the field is named
    ('{"schema_version": 7}', "newer than this traitrl reads"),
    ("[]", "expected a JSON object"),
])
def test_malformed_summary_is_one_clear_error(tmp_path: Path, content: str, expect: str) -> None:
    path = tmp_path / "summary.json"
    path.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["report", str(path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 2, res.output
    assert str(path) in res.output and expect in res.output
    assert "Traceback" not in res.output and not (tmp_path / "out").exists()


def test_missing_summary(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(tmp_path / "nope.json"), "--out", str(tmp_path / "out")])
    assert res.exit_code == 2 and "nope.json" in res.output and "no such file" in res.output
