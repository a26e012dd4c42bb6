"""Presentation-neutral tables: what the CLI prints now and the HTML report renders later.

A :class:`Table` holds typed columns and rows of plain values (no markup, no formatting), so every renderer
decides how to show a percentage or a p-value, and every piece of text stays data (escaped by the renderer).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ColumnKind = Literal["text", "int", "pct", "delta_pp", "p", "num"]


@dataclass
class Column:
    key: str
    title: str
    kind: ColumnKind = "text"


@dataclass
class Table:
    """A titled table: columns, rows (dicts keyed by column key) and notes shown under it."""

    title: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (NaN and infinities become None)."""
        return {"title": self.title, "columns": [asdict(c) for c in self.columns],
                "rows": [{k: _finite(v) for k, v in r.items()} for r in self.rows], "notes": list(self.notes)}


def format_cell(value: Any, kind: ColumnKind) -> str:
    """A plain-text rendering of one value (shared by the CLI and the Markdown summary)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if kind == "pct":
        return f"{100 * value:.1f}"
    if kind == "delta_pp":
        return f"{100 * value:+.1f}"
    if kind == "p":
        return f"{value:.3f}"
    if kind == "num":
        return f"{value:.3g}" if isinstance(value, float) else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _finite(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v
