"""The report's figures as inline SVG strings: deterministic, self-contained and inert.

Every function takes parts of a :class:`~traitrl.report.schema.StudyReport` and returns one ``<svg>`` element
(no XML declaration, no DOCTYPE, no metadata) ready to be placed in the HTML as is, or ``None`` when there is
nothing to draw. Three properties matter more than looks:

- **Deterministic**: a fixed ``svg.hashsalt`` and no ``Date`` metadata, so the same report gives the same bytes.
- **Self-contained**: text stays text (``svg.fonttype = none``, the browser's sans-serif draws it), heatmaps are
  vector quads rather than an embedded PNG; nothing is fetched.
- **Inert**: names come from users and models, so mathtext is off (``text.parse_math = False``: a ``$`` is a
  dollar sign) and matplotlib escapes ``& < > "`` in the SVG it writes. Each figure's element ids are prefixed
  with the figure's own name, so several figures in one HTML page never share an id.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: the report is rendered on servers and in CI

import matplotlib.pyplot as plt  # noqa: E402
from markupsafe import escape  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator  # noqa: E402

from traitrl.report.schema import (  # noqa: E402
    BenchmarkDelta,
    Curve,
    DoseRow,
    FinetuneSummary,
    PersonaEffect,
    TransferCell,
)

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
GAIN, REGRESSION, NEUTRAL = "#1a7f37", "#c62828", "#6e7781"
LABEL_LIMIT = 48  # characters of a name shown on an axis; the tables carry the full text

_RC: dict[Any, Any] = {
    "svg.hashsalt": "traitrl-report",
    "svg.fonttype": "none",
    "text.usetex": False,
    "text.parse_math": False,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
}
_NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
_TAG = re.compile(r"<[^<>]*>")  # matplotlib escapes < and > in text and attributes, so this finds exactly the tags
_ID_REF = re.compile(r'(\bid="|xlink:href="#|\bhref="#|url\(#)')


def arm_colors(names: Sequence[str]) -> dict[str, str]:
    """A stable colour per model/arm name, in the given order (the same arm has one colour in every figure)."""
    out: dict[str, str] = {}
    for name in names:
        if name not in out:
            out[name] = PALETTE[len(out) % len(PALETTE)]
    return out


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    """One line of at most ``limit`` characters (newlines would break an axis label)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@contextmanager
def _figure(width: float, height: float, ncols: int = 1) -> Iterator[tuple[Figure, list[plt.Axes]]]:
    with plt.rc_context(_RC):
        fig, axes = plt.subplots(1, ncols, figsize=(width, height), squeeze=False)
        try:
            yield fig, list(axes[0])
        finally:
            plt.close(fig)


def to_svg(fig: Figure, name: str, label: str) -> str:
    """Serialise ``fig`` as an inline ``<svg>`` element whose ids start with ``name``."""
    buf = io.StringIO()
    with plt.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata=_NO_METADATA, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and the DOCTYPE (which names an external DTD)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _TAG.sub(lambda m: _ID_REF.sub(lambda r: r.group(1) + name + "-", m.group(0)), svg)
    return svg.replace("<svg ", f'<svg class="plot" role="img" aria-label="{escape(label)}" ', 1)


def _pp(x: float) -> float:
    return 100.0 * x


def forest_plot(deltas: Sequence[BenchmarkDelta], name: str, title: str) -> str | None:
    """Per-benchmark Δ (percentage points) with CIs, grouped by category; significant ones filled and coloured."""
    if not deltas:
        return None
    by_category: dict[str, list[BenchmarkDelta]] = {}
    for delta in sorted(deltas, key=lambda d: (d.category, d.benchmark)):
        by_category.setdefault(delta.category, []).append(delta)
    rows: list[tuple[str, BenchmarkDelta | None]] = []
    for category, items in by_category.items():
        rows.append((category, None))  # a header row per category
        rows.extend((d.benchmark, d) for d in items)
    with _figure(7.5, 0.9 + 0.24 * len(rows)) as (fig, (ax,)):
        ys = list(range(len(rows), 0, -1))
        for y, (_, d) in zip(ys, rows, strict=True):
            if d is None:
                ax.axhspan(y - 0.5, y + 0.5, color="#eaeef2", zorder=0)
                continue
            lo, hi = _pp(d.ci_low), _pp(d.ci_high)
            color = (GAIN if d.delta > 0 else REGRESSION) if d.significant else NEUTRAL
            ax.plot([lo, hi], [y, y], color=color, linewidth=1.4)
            ax.plot([_pp(d.delta)], [y], marker="o", markersize=5, color=color,
                    markerfacecolor=color if d.significant else "white")
        ax.axvline(0.0, color="#24292f", linewidth=0.8)
        ax.set_yticks(ys, [short(label) for label, _ in rows])
        for tick, (_, d) in zip(ax.get_yticklabels(), rows, strict=True):
            if d is None:
                tick.set_fontweight("bold")
        ax.set_ylim(0.4, len(rows) + 0.6)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("Δ vs baseline (percentage points), with CI")
        ax.legend(handles=[
            Line2D([], [], color=GAIN, marker="o", label="significant gain (BH)"),
            Line2D([], [], color=REGRESSION, marker="o", label="significant regression (BH)"),
            Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", label="not significant"),
        ], loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)  # outside: never covers a row
        return to_svg(fig, name, title)


def dose_plot(rows: Sequence[DoseRow], name: str) -> str | None:
    """Δ vs the baseline by dose: the held-out trait score with its clustered CI, and the OOD benchmarks' mean Δ.

    Doses sit at evenly spaced positions (0.05 and 0.25 would crowd 0 on a linear axis; a log axis has no 0).
    """
    arms = [r for r in rows if r.delta is not None]
    if not arms:
        return None
    with _figure(6.0, 3.0) as (fig, (ax,)):
        xs = list(range(1, len(arms) + 1))
        for x, r in zip(xs, arms, strict=True):
            color = (GAIN if (r.delta or 0) > 0 else REGRESSION) if r.significant else NEUTRAL
            if r.ci_low is not None and r.ci_high is not None:
                ax.plot([x, x], [_pp(r.ci_low), _pp(r.ci_high)], color=color, linewidth=1.4)
            ax.plot([x], [_pp(r.delta or 0.0)], marker="o", markersize=6, color=color,
                    markerfacecolor=color if r.significant else "white")
            if r.ood is not None and r.ood.n_benchmarks:
                ax.plot([x + 0.12], [_pp(r.ood.mean_delta)], marker="D", markersize=5, color=PALETTE[0],
                        linestyle="none")
        ax.axhline(0.0, color="#24292f", linewidth=0.8)
        ax.set_xticks(xs, [short(f"d = {r.dose:g} ({r.arm})", 24) for r in arms])
        ax.set_xlim(0.5, len(arms) + 0.5)
        ax.grid(axis="x", visible=False)
        ax.set_ylabel("Δ vs baseline (pp)")
        ax.legend(handles=[
            Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", label=short(arms[0].trait_benchmark, 32)
                   + ", with CI"),
            Line2D([], [], color=PALETTE[0], marker="D", linestyle="none", label="OOD benchmarks, mean Δ"),
        ], loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
        return to_svg(fig, name, "Dose–response")


METRIC_TITLES = {"reward": "Training reward", "heldout_trait": "Held-out trait score during training"}


def metric_title(metric: str) -> str:
    return METRIC_TITLES.get(metric, metric)


def curve_plot(curves: Sequence[Curve], metric: str, colors: dict[str, str], name: str) -> str | None:
    """One metric over training steps, a line per arm, with a CI band where the points carry one."""
    curves = [c for c in curves if c.metric == metric and c.points]
    if not curves:
        return None
    with _figure(6.5, 3.2) as (fig, (ax,)):
        for curve in curves:
            pts = sorted(curve.points, key=lambda p: p.step)
            color = colors.get(curve.arm, NEUTRAL)
            ax.plot([p.step for p in pts], [p.value for p in pts], marker=".", color=color, label=short(curve.arm, 32))
            band = [(p.step, p.ci_low, p.ci_high) for p in pts if p.ci_low is not None and p.ci_high is not None]
            if band:
                ax.fill_between([b[0] for b in band], [b[1] for b in band], [b[2] for b in band], color=color,
                                alpha=0.15, linewidth=0)
        ax.set_xlabel("training step")
        ax.set_ylabel(short(metric, 32))
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        return to_svg(fig, name, metric_title(metric))


def transfer_heatmap(cells: Sequence[TransferCell], by: str, name: str) -> str | None:
    """Arm × group mean Δ as a heatmap on a diverging scale centred at 0, values annotated in pp."""
    if not cells:
        return None
    arms = list(dict.fromkeys(c.arm for c in cells))
    groups = list(dict.fromkeys(c.group for c in cells))
    grid = [[math.nan] * len(groups) for _ in arms]
    for c in cells:
        grid[arms.index(c.arm)][groups.index(c.group)] = _pp(c.delta)
    finite = [abs(v) for row in grid for v in row if not math.isnan(v)]
    vmax = max(finite + [0.5])  # never a zero-width scale
    with _figure(max(4.0, 1.1 * len(groups) + 2.0), 0.9 + 0.5 * len(arms)) as (fig, (ax,)):
        mesh = ax.pcolormesh(grid, cmap="RdBu", vmin=-vmax, vmax=vmax, edgecolors="white", linewidth=1)
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                text = "n/a" if math.isnan(v) else f"{v:+.1f}"
                ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=8,
                        color="white" if not math.isnan(v) and abs(v) > 0.6 * vmax else "#24292f")
        ax.set_xticks([j + 0.5 for j in range(len(groups))], [short(g, 24) for g in groups], rotation=30, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(arms))], [short(a, 32) for a in arms])
        ax.invert_yaxis()
        ax.grid(False)
        bar = fig.colorbar(mesh, ax=ax, label="Δ vs baseline (pp)")
        if bar.solids is not None:
            bar.solids.set_rasterized(False)  # matplotlib embeds long colour ramps as a PNG; keep the page vector-only
        ax.set_title(f"Transfer: mean Δ by {short(by, 24)}", loc="left")
        return to_svg(fig, name, f"transfer matrix by {by}")


def retention_plot(effects: Sequence[PersonaEffect], names: dict[str, str], name: str) -> str | None:
    """Clean → steered score per persona and category, an arrow for model A and one for model B."""
    rows = [e for e in effects if any(v is not None for v in (e.clean_a, e.steered_a, e.clean_b, e.steered_b))]
    if not rows:
        return None
    colors = {"A": PALETTE[0], "B": PALETTE[1]}
    with _figure(7.0, 1.0 + 0.42 * len(rows)) as (fig, (ax,)):
        ys = list(range(len(rows), 0, -1))
        values = [v for e in rows for v in (e.clean_a, e.steered_a, e.clean_b, e.steered_b) if v is not None]
        pad = 0.05 * (max(values) - min(values) or 1.0)
        ax.set_xlim(min(values) - pad, max(values) + pad)  # annotations do not widen the axes by themselves
        for y, e in zip(ys, rows, strict=True):
            for model, clean, steered, dy in (("A", e.clean_a, e.steered_a, 0.14), ("B", e.clean_b, e.steered_b, -0.14)):
                if clean is None or steered is None:
                    continue
                ax.plot([clean], [y + dy], marker="o", color=colors[model], markersize=4)
                ax.annotate("", xy=(steered, y + dy), xytext=(clean, y + dy),
                            arrowprops={"arrowstyle": "->", "color": colors[model], "lw": 1.4})
        ax.set_yticks(ys, [short(f"{e.persona} · {e.category} ({e.kind})", 56) for e in rows])
        ax.set_ylim(0.4, len(rows) + 0.6)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("score (dot: clean, arrow head: with the persona)")
        ax.set_title("Persona prompts: clean → steered", loc="left")
        ax.legend(handles=[Line2D([], [], color=colors[m], marker="o", label=short(f"{m}: {names.get(m, m)}", 40))
                           for m in ("A", "B")], fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        return to_svg(fig, name, "persona retention")


def harm_curves(finetune: FinetuneSummary, name: str) -> str | None:
    """Attacked-domain drop and spill-over drop against fine-tuning steps (log x), a line per model × attack."""
    if not finetune.points:
        return None
    colors = {"A": PALETTE[0], "B": PALETTE[1]}
    attacks = list(dict.fromkeys(p.attack for p in finetune.points))
    styles: list[Any] = ["-", "--", ":", "-."]
    steps = [p.step for p in finetune.points]
    with _figure(9.0, 3.4, ncols=2) as (fig, axes):
        for ax, field, title in ((axes[0], "attacked_drop", "Attacked domain: drop"),
                                 (axes[1], "spillover_drop", "Other domains: spill-over drop")):
            for model in dict.fromkeys(p.model for p in finetune.points):
                for k, attack in enumerate(attacks):
                    pts = sorted((p for p in finetune.points if p.model == model and p.attack == attack
                                  and getattr(p, field) is not None), key=lambda p: p.step)
                    if pts:
                        ax.plot([p.step for p in pts], [getattr(p, field) for p in pts], marker=".",
                                color=colors.get(model, NEUTRAL), linestyle=styles[k % len(styles)])
            if min(steps) <= 0:
                ax.set_xscale("symlog", linthresh=1)  # step 0 (before the attack) stays on the axis
            else:
                ax.set_xscale("log")
            # The log formatters write mathtext ("$10^{1}$"), shown literally with parse_math off: label the
            # measured steps in plain numbers instead.
            ax.xaxis.set_major_locator(FixedLocator(sorted(set(steps))))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
            ax.xaxis.set_minor_locator(NullLocator())
            ax.set_xlabel("fine-tuning steps (log)")
            ax.set_ylabel("score drop")
            ax.set_title(title, loc="left")
        handles = [Line2D([], [], color=colors.get(m, NEUTRAL), label=short(f"{m}: {finetune.models.get(m, m)}", 40))
                   for m in dict.fromkeys(p.model for p in finetune.points)]
        if len(attacks) <= 6:
            handles += [Line2D([], [], color=NEUTRAL, linestyle=styles[k % len(styles)], label=short(a, 32))
                        for k, a in enumerate(attacks)]
        axes[1].legend(handles=handles, fontsize=7)
        return to_svg(fig, name, "harmful fine-tuning curves")
