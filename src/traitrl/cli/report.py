"""``traitrl report SUMMARY_JSON --out DIR``: re-render a study report from its ``summary.json``.

The study writes the report itself; this command rebuilds ``report.html``, ``summary.json`` and ``summary.md``
from a summary alone (after a traitrl upgrade changed the layout, or from a summary a colleague sent) without
running anything. The summary is validated first: a malformed file gives one message naming the file and the
line or field, and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from traitrl.cli.common import console, joined, user_errors


@user_errors
def report_command(
    summary: Annotated[Path, typer.Argument(help="A study's summary.json.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for report.html, summary.json and summary.md.")],
) -> None:
    """Render the HTML, JSON and Markdown report of a study from its summary.json."""
    from traitrl.report.render import read_summary, write_report  # matplotlib loads only when needed

    report = read_summary(summary)
    paths = write_report(report, out)
    for h in report.headlines:
        console.print(joined((h.arm, "bold"), " vs ", h.baseline, ": ", h.text))
    if not report.headlines:
        console.print("No arm was compared with the baseline in this summary.")
    console.print(joined("report: ", (str(paths.html), "bold")))
    console.print(joined("summaries: ", str(paths.json), ", ", str(paths.markdown)))


def mount(app: typer.Typer) -> None:
    """Attach ``report`` to a typer app."""
    app.command("report")(report_command)
