"""Write a :class:`~traitrl.report.schema.StudyReport` as ``report.html``, ``summary.json`` and ``summary.md``.

- ``report.html`` is one self-contained file: inline CSS, figures as inline SVG (:mod:`traitrl.report.plots`), no
  script, no network (a Content-Security-Policy forbids every fetch and every script, as a second line of defence).
  The template is rendered by jinja2 with autoescape on, so every model, scenario, persona and config string is
  HTML-escaped; line breaks are kept by CSS (``white-space: pre-wrap``), never by inserting markup.
- ``summary.json`` is ``report.model_dump(mode="json")`` with sorted keys and a fixed indent: identical reports
  give identical bytes (nothing here adds a timestamp).
- ``summary.md`` is the short version: headline, the per-arm table, verdicts and the limits (see
  :mod:`traitrl.report.markdown`).

A section with no data says so ("not run in this profile") instead of disappearing, so a reader can tell a
stage that found nothing from one that never ran.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from traitrl.core.config import validate_config
from traitrl.core.errors import UserError
from traitrl.core.files import FileProblem, check_depth, read_text
from traitrl.report import plots
from traitrl.report.markdown import render_markdown
from traitrl.report.schema import SCHEMA_VERSION, BenchmarkDelta, StudyReport

# (id, title) of every section, in page order; the table of contents and the tests use the same list.
SECTIONS: list[tuple[str, str]] = [
    ("headline", "Headline"),
    ("deltas", "Per-benchmark deltas"),
    ("refusals", "Refusals"),
    ("training", "Training curves"),
    ("transfer", "Transfer matrix"),
    ("persistence", "Persistence"),
    ("transcripts", "Sample transcripts"),
    ("flags", "Flagged benchmarks"),
    ("provenance", "Provenance"),
]


@dataclass(frozen=True)
class ReportPaths:
    """Where :func:`write_report` put the three files."""

    html: Path
    json: Path
    markdown: Path


def write_report(report: StudyReport, out_dir: Path) -> ReportPaths:
    """Render ``report`` into ``out_dir`` (created if missing) and return the three paths.

    Args:
        report: The validated study summary.
        out_dir: Directory for ``report.html``, ``summary.json`` and ``summary.md``; existing files are replaced.

    Returns:
        The paths written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(out_dir / "report.html", out_dir / "summary.json", out_dir / "summary.md")
    # errors="replace": a lone surrogate in a model reply must not stop the report from being written
    _write(paths.json, summary_json(report))
    _write(paths.markdown, render_markdown(report))
    _write(paths.html, render_html(report))
    return paths


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", errors="replace")
    tmp.replace(path)  # a reader never sees half a file


def summary_json(report: StudyReport) -> str:
    """The machine-readable summary: sorted keys, indent 2, ASCII only, a final newline."""
    return json.dumps(report.model_dump(mode="json"), sort_keys=True, indent=2, ensure_ascii=True) + "\n"


def read_summary(path: Path) -> StudyReport:
    """Load and validate a ``summary.json``; every problem is a UserError naming the file (and line or field).

    Non-finite numbers (``NaN``) are accepted because :func:`summary_json` writes them when a report holds one.
    """
    text = read_text(path, "study summary (summary.json)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FileProblem(path, err.lineno, f"not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise FileProblem(path, 0, "nested too deeply to be a study summary") from None
    check_depth(data, path)
    if not isinstance(data, dict):
        raise FileProblem(path, 0, "expected a JSON object (a study summary written by `traitrl study`)")
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise FileProblem(path, 0, f"summary schema v{version} is newer than this traitrl reads (v{SCHEMA_VERSION}); "
                                   "upgrade traitrl")
    try:
        return validate_config(StudyReport, data, where=str(path))
    except UserError as err:
        problems = str(err).splitlines()
        more = f"\n{path}: ... and {len(problems) - MAX_PROBLEMS} more problems" if len(problems) > MAX_PROBLEMS else ""
        raise UserError("\n".join(problems[:MAX_PROBLEMS]) + more) from None


MAX_PROBLEMS = 5  # a file that is not a summary at all would otherwise print one line per missing field


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("traitrl.report", "templates"),
        autoescape=True,  # explicit: select_autoescape would not match the .j2 suffix
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(num=fmt_num, pct=fmt_pct, pp=fmt_pp, yaml=to_yaml)
    return env


def render_html(report: StudyReport) -> str:
    """The whole report as one HTML document."""
    return _environment().get_template("report.html.j2").render(**_context(report))


# ---------------------------------------------------------------- formatting (also used by the Markdown summary)


def fmt_num(x: float | int | None, digits: int = 3) -> str:
    if x is None:
        return "—"
    if isinstance(x, int):
        return str(x)
    return f"{x:.{digits}f}"


def fmt_pct(x: float | None, digits: int = 1) -> str:
    """A fraction as a percentage: 0.132 → ``13.2%``."""
    return "—" if x is None else f"{100 * x:.{digits}f}%"


def fmt_pp(x: float | None, digits: int = 1) -> str:
    """A fractional difference in signed percentage points: 0.012 → ``+1.2 pp``."""
    return "—" if x is None else f"{100 * x:+.{digits}f} pp"


def to_yaml(data: Any) -> str:
    """Pretty, key-sorted YAML for the config and the pre-registration (shown escaped in a ``<pre>``)."""
    if not data:
        return "(empty)"
    return yaml.safe_dump(data, sort_keys=True, allow_unicode=True, default_flow_style=False,
                          width=1_000_000)  # no folding: the <pre> wraps long values, YAML would split them


# ---------------------------------------------------------------- the template's view of the report


def arm_order(report: StudyReport) -> list[str]:
    """Arms in the order the study lists them: headlines first, then any other arm with deltas."""
    return list(dict.fromkeys([h.arm for h in report.headlines] + [d.arm for d in report.deltas]))


def _svg(svg: str | None) -> Markup | None:
    # Trusted: matplotlib wrote it and escaped every text node and attribute (see traitrl.report.plots).
    return None if svg is None else Markup(svg)


def _context(report: StudyReport) -> dict[str, Any]:
    arms = arm_order(report)
    # Colours follow lists and sorted keys only: summary.json sorts dict keys, and a report re-rendered from it
    # must look (and be, byte for byte) the same as the first render.
    baselines = [h.baseline for h in report.headlines]
    colors = plots.arm_colors(["start", *baselines, *arms, *sorted(report.models), *(c.arm for c in report.curves)])
    per_arm: list[dict[str, Any]] = []
    for i, arm in enumerate(arms):
        rows = sorted((d for d in report.deltas if d.arm == arm), key=lambda d: (d.category, d.benchmark))
        baseline = next((h.baseline for h in report.headlines if h.arm == arm), "baseline")
        per_arm.append({
            "arm": arm,
            "baseline": baseline,
            "rows": rows,
            "plot": _svg(plots.forest_plot(rows, f"forest{i}", f"{arm} vs {baseline}")),
        })
    known = [m for m in plots.METRIC_TITLES if any(c.metric == m for c in report.curves)]
    metrics = known + sorted({c.metric for c in report.curves} - set(known))
    curve_plots = [{"title": plots.metric_title(m), "plot": _svg(plots.curve_plot(report.curves, m, colors, f"curve{i}"))}
                   for i, m in enumerate(metrics)]
    ft = report.finetune
    return {
        "r": report,
        "p": report.provenance,
        "sections": SECTIONS,
        "arms": per_arm,
        "curve_plots": curve_plots,
        "dose_plot": _svg(plots.dose_plot(report.dose_response, "dose")),
        "transfer_plot": _svg(plots.transfer_heatmap(report.transfer, report.transfer_by, "transfer")),
        "persona_names": report.persona_models,
        "retention_plot": _svg(plots.retention_plot(report.persona_effects, report.persona_models, "retention")),
        "ft": ft,
        "harm_plot": _svg(plots.harm_curves(ft, "harm")) if ft is not None else None,
        "ft_models": sorted(set(ft.models) | set(ft.auc) | set(ft.steps_to_compromise)) if ft is not None else [],
        "delta_flags": _delta_flags(report.deltas),
    }


def _delta_flags(deltas: list[BenchmarkDelta]) -> list[BenchmarkDelta]:
    """Comparisons whose benchmark sits at floor, ceiling or chance for either model (so its Δ says little)."""
    return sorted((d for d in deltas if d.flags), key=lambda d: (d.arm, d.category, d.benchmark))
