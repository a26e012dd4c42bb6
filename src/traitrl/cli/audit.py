"""``traitrl benchmarks audit``: can the built-in benchmarks be passed without reading the situation?

Prints, per benchmark, chance, the best prompt-blind heuristic, its score and its margin over chance (see
``traitrl.evals.audit``), plus how often the target is the fewest-token option and the largest per-item token
ratio of the options. ``--json`` prints every heuristic's score. ``--overlap N`` also lists the N training /
benchmark sentence pairs most likely to state the same fact in other words. Exit status is 0 whatever the verdicts: the
audit reports, the test suite enforces.
"""

from __future__ import annotations

import json
import time
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from traitrl.cli.common import console, err_console, user_errors


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


@user_errors
def audit_command(
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON (every heuristic's score) instead of a table.")] = False,
    benchmark: Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="Only these benchmarks (repeatable).")] = None,
    no_bank: Annotated[bool, typer.Option("--no-bank", help="Skip the classifier trained on the training bank "
                                          "(saves building the bank).")] = False,
    overlap: Annotated[int, typer.Option("--overlap", help="Also list the top N training/benchmark sentence pairs "
                                         "that share a fact in other words (0: none).")] = 0,
) -> None:
    """Score prompt-blind heuristics on each built-in benchmark with its own scorer, against chance."""
    from traitrl.evals.audit import ALLOWED_MARGIN, MAX_TOKEN_RATIO, audit_suite, training_overlap

    start = time.perf_counter()
    results = audit_suite(benchmark or None, with_bank=not no_bank)
    elapsed = time.perf_counter() - start
    failing = [r for r in results if not r.passes()]
    pairs = training_overlap()[:overlap] if overlap > 0 else []
    if json_out:
        payload = {"allowed_margin": ALLOWED_MARGIN, "max_token_ratio": MAX_TOKEN_RATIO,
                   "failing": [r.name for r in failing], "benchmarks": [r.model_dump() for r in results]}
        if overlap > 0:
            payload["overlap"] = [p.model_dump() for p in pairs]
        typer.echo(json.dumps(payload, indent=2))
        return
    table = Table(title=f"Heuristic audit: {len(failing)} of {len(results)} benchmarks have a prompt-blind "
                        f"heuristic more than {100 * ALLOWED_MARGIN:.0f} points above chance")
    # Percentages; "fewest" = items whose target has the fewest tokens, "rand" = that rate for a random target.
    for col in ("benchmark", "scoring", "n", "chance", "best heuristic", "score", "margin", "fewest", "rand",
                "tok ratio"):
        left = col in ("benchmark", "scoring", "best heuristic")
        table.add_column(col, justify="left" if left else "right", no_wrap=col in ("benchmark", "best heuristic"))
    for r in results:
        if r.skipped:
            table.add_row(escape(r.name), r.scoring, str(r.n_items), _pct(r.chance), "skipped (needs a judge)"
                          if r.scoring == "judge" else f"skipped: {escape(r.skipped)}", "", "", "", "", "")
            continue
        margin = "—" if r.margin is None else f"{100 * r.margin:+.1f}"
        style = "red" if not r.passes() else "green"
        length = r.length
        table.add_row(
            escape(r.name), r.scoring, str(r.n_items), _pct(r.chance), escape(r.best or "—"), _pct(r.best_score),
            f"[{style}]{margin}[/{style}]",
            _pct(length.target_fewest_tokens) if length else "", _pct(length.fewest_expected) if length else "",
            f"{length.token_ratio_max:.2f}" if length else "",
        )
    # Ten columns need ~130 characters; a narrower (or piped, 80-column) console would squeeze them to nothing.
    wide = Console(width=max(console.width, 132), soft_wrap=True)
    wide.print(table)
    wide.print(f"margin = best score - chance, in points (failing above {100 * ALLOWED_MARGIN:.0f}); fewest / rand = "
                  f"% of items whose target has the fewest regex tokens, and that rate for a random target; tok "
                  f"ratio = largest per-item max/min option token count (balanced: <= {MAX_TOKEN_RATIO}).",
                  highlight=False)
    if pairs:
        shared = Table(title=f"Top {len(pairs)} training/benchmark sentence pairs sharing a fact (TF-IDF cosine)")
        for col in ("score", "training template", "training sentence", "benchmark", "benchmark sentence"):
            shared.add_column(col, overflow="fold")
        for p in pairs:
            shared.add_row(f"{p.score:.2f}", escape(p.train_source), escape(p.train_sentence),
                           escape(p.benchmark_source), escape(p.benchmark_sentence))
        wide.print(shared)
    err_console.print(f"audited {len(results)} benchmarks in {elapsed:.1f} s", highlight=False)
