"""``summary.md``: the study in a page of Markdown — headline, per-arm table, verdicts, limits.

Markdown viewers render inline HTML and links, so every string from the report goes through :func:`md`: HTML
special characters become entities and Markdown punctuation is backslash-escaped, so a benchmark called
``<img src=x onerror=...>`` or ``[x](javascript:...)`` is shown as text. Table cells also lose their line breaks
and have ``|`` escaped, so one row stays one row.
"""

from __future__ import annotations

from traitrl.report.schema import StudyReport

_MD_SPECIAL = "\\`*_[]()#|!~"


def md(text: object) -> str:
    """``text`` as inert Markdown on one line."""
    out = []
    for ch in " ".join(str(text).split()):
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _MD_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _pp(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:+.1f} pp"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def render_markdown(report: StudyReport) -> str:
    """The Markdown summary of ``report`` (deterministic: the same report gives the same text)."""
    p = report.provenance
    lines = [f"# Study report: {md(p.study)} ({md(p.profile)} profile)", ""]

    lines += ["## Headline", ""]
    if report.headlines:
        lines += [f"- **{md(h.arm)}** vs {md(h.baseline)}: {md(h.text)}" for h in report.headlines]
        lines += ["", _row(["arm", "baseline", "ahead", "significant gains (BH)", "significant regressions", "mean Δ"]),
                  _row(["---"] * 6)]
        lines += [_row([md(h.arm), md(h.baseline), f"{h.ahead} of {h.n_benchmarks}", str(h.significant_gains),
                        str(h.significant_regressions), _pp(h.mean_delta)]) for h in report.headlines]
        if report.shift_headlines:
            lines += [""] + [f"- **{md(h.arm)}** vs {md(h.baseline)}, contrast shift: {md(h.text)}"
                             for h in report.shift_headlines]
    else:
        lines.append("No arm was compared with the baseline (not run in this profile).")
    lines.append("")
    if report.dose_response:
        base = report.dose_response[0]
        lines += ["### Dose–response", "",
                  _row(["arm", "dose", md(base.trait_benchmark), f"Δ vs {md(base.arm)} (CI)", "p", "significant (BH)",
                        "out-of-distribution benchmarks"]), _row(["---"] * 7)]
        for d in report.dose_response:
            ci = "" if d.delta is None else f"{_pp(d.delta)} ({_pp(d.ci_low)} … {_pp(d.ci_high)})"
            sig = "" if d.delta is None else ("yes" if d.significant else "no")
            p_value = "—" if d.p_value is None else f"{d.p_value:.4f}"
            lines.append(_row([md(d.arm), f"{d.dose:g}", _pct(d.mean), ci, p_value, sig,
                               md(d.ood.text) if d.ood else "baseline"]))
        lines.append("")
    if report.headroom:
        lines += ["Headroom (benchmarks off floor, ceiling and chance): "
                  + "; ".join(f"{md(h.model)} {h.readable} of {h.benchmarks} by accuracy, {h.shift_readable} of "
                              f"{h.shift_benchmarks} by contrast shift" for h in report.headroom), ""]

    if report.refusals:
        lines += ["## Refusals and looping replies", "",
                  _row(["model", "refusal rate", "items", "on items neither model refused", "looping replies",
                        "replies"]), _row(["---"] * 6)]
        lines += [_row([md(r.model), _pct(r.refusal_rate), str(r.n_items), md(r.non_refused_headline) or "—",
                        _pct(r.looping_rate), str(r.n_replies)]) for r in report.refusals]
        lines.append("")

    lines += ["## Persistence verdicts", ""]
    if report.verdicts:
        lines += [_row(["protocol", "category", "verdict", "reason"]), _row(["---"] * 4)]
        lines += [_row([md(v.protocol), md(v.category), md(v.verdict), md(v.reason) or "—"]) for v in report.verdicts]
    else:
        lines.append("No persistence verdicts (not run in this profile).")
    if report.finetune is not None and report.finetune.worst_case:
        lines += ["", f"Worst-case fine-tuning attack: {md(report.finetune.worst_case)}"]
    lines.append("")

    lines += ["## Limits", ""]
    limits = ([f"Subset: {md(p.subset_note)}"] if p.subset_note else []) + [md(n) for n in report.notes]
    flagged = sorted({(f.benchmark, tuple(f.flags)) for f in report.flags})
    if flagged:
        names = ", ".join(f"{md(b)} ({md('/'.join(fl))})" for b, fl in flagged)
        limits.append(f"{len(flagged)} benchmark(s) at floor, ceiling or chance for some model: {names}")
    lines += [f"- {item}" for item in limits] or ["- None recorded."]
    lines.append("")

    lines += ["## Provenance", "",
              f"- config key: {md(p.config_key)}; git: {md(p.git_hash or 'unknown')}; "
              f"traitrl {md(p.traitrl_version)}; seeds: {', '.join(str(s) for s in p.seeds) or '—'}",
              "- full report: report.html (figures, per-benchmark tables, transcripts, config); "
              "machine-readable: summary.json", ""]
    other = sorted({st.git for st in report.stages if st.git and st.git != p.git_hash})
    if other:  # a resumed study whose stages ran at other commits than the one that wrote the summary
        lines.insert(-1, f"- stages ran at other commits too: {', '.join(md(g) for g in other)} (see the stage log)")
    return "\n".join(lines)
