"""The report renderer: the three files, a stable JSON summary, a self-contained HTML page, placeholders."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from traitrl.report.render import ReportPaths, read_summary, render_html, render_markdown, summary_json
from traitrl.report.schema import Curve

from .conftest import build_empty_report, build_report
from .html_checks import external_references, section, tags

SECTION_IDS = ["headline", "deltas", "refusals", "training", "transfer", "persistence", "transcripts", "flags",
               "provenance"]


def test_three_files_written(rendered: ReportPaths) -> None:
    assert {p.name for p in rendered.html.parent.iterdir()} == {"report.html", "summary.json", "summary.md"}
    html = rendered.html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert rendered.markdown.read_text(encoding="utf-8").startswith("# Study report: trait-rl-demo")


def test_summary_json_round_trips_and_is_canonical(rendered: ReportPaths) -> None:
    text = rendered.json.read_text(encoding="utf-8")
    loaded = read_summary(rendered.json)
    assert loaded == build_report()  # nothing lost or changed on the way through JSON
    assert summary_json(loaded) == text  # re-serialising the loaded summary gives the same bytes
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2) + "\n"  # sorted keys, indent 2
    assert "started" in json.loads(text)["provenance"] and json.loads(text)["provenance"]["started"] is None


def test_html_is_self_contained(rendered: ReportPaths) -> None:
    html = rendered.html.read_text(encoding="utf-8")
    assert external_references(html) == []
    names = {name for name, _ in tags(html)}
    assert not names & {"script", "link", "iframe", "object", "embed", "img", "image", "base", "form"}
    # a Content-Security-Policy that forbids every fetch and script, in case anything ever slips through
    csp = next(a["content"] for n, a in tags(html) if n == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'") and "script-src" not in csp


def test_external_reference_check_can_fail() -> None:
    # the checker itself: it must see the usual ways a page pulls in something from elsewhere
    bad = ('<link href="https://cdn.example/x.css"><img src="//cdn.example/a.png"><svg><use xlink:href="http://x/y#z"/>'
           '</svg><style>@import "https://fonts.example/f.css"; a { background: url(https://x/y.png) }</style>')
    assert len(external_references(bad)) == 5
    assert external_references('<a href="#deltas">x</a><p>see https://example.org</p>') == []


def test_every_section_and_the_table_of_contents(rendered: ReportPaths) -> None:
    html = rendered.html.read_text(encoding="utf-8")
    for sid in SECTION_IDS:
        assert html.count(f'<section id="{sid}">') == 1, sid
        assert f'<a href="#{sid}">' in html, sid
    ids = [a["id"] for _, a in tags(html) if "id" in a]
    assert [i for i, n in Counter(ids).items() if n > 1] == []  # no id shared between figures or sections


def test_each_plot_is_an_inline_svg_in_its_section(rendered: ReportPaths) -> None:
    html = rendered.html.read_text(encoding="utf-8")
    # forest per arm; reward + held-out; the dose-response under the headline
    expected = {"headline": 1, "deltas": 2, "training": 2, "transfer": 1, "persistence": 2}
    for sid, n in expected.items():
        assert section(html, sid).count('<svg class="plot"') == n, sid
    assert html.count("<svg") == sum(expected.values())
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html and "<metadata>" not in html
    # vector only: heatmap cells are paths, not an embedded PNG
    assert not any(name == "image" for name, _ in tags(html))
    # the forest plot names every benchmark of its arm, and its table shows n_eff
    forest = section(html, "deltas")
    assert "n<sub>eff</sub>" in forest
    for d in build_report().deltas:
        assert f">{d.benchmark}</text>" in forest and f">{d.n_eff:.1f}</td>" in forest


def test_empty_report_shows_placeholders() -> None:
    html = render_html(build_empty_report())
    for sid in SECTION_IDS[:-1]:  # provenance always has content
        assert 'class="empty"' in section(html, sid), sid
    assert "not run in this profile" in section(html, "headline")
    assert "<svg" not in html
    assert "Harmful fine-tuning: not run in this profile." in html and "Persona prompts: not run in this profile." in html
    assert "No arm was compared with the baseline" in render_markdown(build_empty_report())


def test_partly_empty_sections_keep_their_placeholders() -> None:
    report = build_report()
    report.finetune = None
    report.curves = [Curve(arm="baseline", metric="reward", points=[])]
    report.deltas, report.transfer = [], []  # fewer figures: this test is about the two sections above
    html = render_html(report)
    persistence = section(html, "persistence")
    assert persistence.count('<svg class="plot"') == 1  # retention stays, harm curves go
    assert "Harmful fine-tuning: not run in this profile." in persistence
    assert "No points recorded." in section(html, "training")


def test_markdown_has_headline_table_verdicts_and_limits(rendered: ReportPaths) -> None:
    md = rendered.markdown.read_text(encoding="utf-8")
    report = build_report()
    for h in report.headlines:
        assert h.text in md
        arm = h.arm.replace("_", "\\_")  # Markdown-escaped
        assert f"| {arm} | baseline | {h.ahead} of {h.n_benchmarks} | {h.significant_gains} |" in md
    assert "| prompts | health | selectively persistent |" in md
    assert "## Limits" in md and "not expected to be real" in md and "dosage\\_caution (ceiling)" in md


def test_contrast_shift_headline_and_headroom_are_shown(rendered: ReportPaths) -> None:
    html = rendered.html.read_text(encoding="utf-8")
    assert "contrast shift: <span class=\"text\">ahead on 9 of 12; 2 significant after BH" in section(html, "headline")
    flags = section(html, "flags")
    assert "with headroom (shift)" in flags and "<td class=\"n\">5</td>" in flags
    md = rendered.markdown.read_text(encoding="utf-8")
    assert "contrast shift: ahead on 9 of 12" in md and "start 3 of 14 by accuracy, 5 of 12 by contrast shift" in md


def test_looping_replies_are_shown_next_to_refusals(rendered: ReportPaths) -> None:
    html = section(rendered.html.read_text(encoding="utf-8"), "refusals")
    assert "looping replies" in html and '<td class="n">54.5%</td>\n<td class="n">255</td>' in html
    assert '<td class="n">—</td>\n<td class="n">0</td>' in html  # the baseline's were not measured
    md = rendered.markdown.read_text(encoding="utf-8")
    assert "| 54.5% | 255 |" in md and "## Refusals and looping replies" in md


def test_formatting_of_headline_numbers(rendered: ReportPaths) -> None:
    html = section(rendered.html.read_text(encoding="utf-8"), "headline")
    h = build_report().headlines[0]
    assert f"{h.ahead} of {h.n_benchmarks}" in html and f"{100 * h.mean_delta:+.1f} pp" in html


@pytest.mark.parametrize("content", ["{", "[1, 2]", '{"provenance": {}}', '{"schema_version": 99}'])
def test_read_summary_errors_name_the_file(tmp_path: Path, content: str) -> None:
    from traitrl.core.errors import UserError

    path = tmp_path / "summary.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_summary(path)
    assert str(path) in str(err.value)
    assert len(str(err.value).splitlines()) <= 6  # capped: a non-summary does not print 40 missing fields



def test_unencodable_text_does_not_stop_the_report(tmp_path: Path) -> None:
    # a lone surrogate (possible after decoding a model's bytes leniently) cannot be written as UTF-8
    from traitrl.report.render import write_report
    from traitrl.report.schema import Transcript

    report = build_empty_report()
    report.transcripts = [Transcript(model="m", benchmark="b", item="1", messages=[], response="bad \ud800 byte")]
    paths = write_report(report, tmp_path / "out")
    assert "bad ? byte" in paths.html.read_text(encoding="utf-8")
    assert read_summary(paths.json).transcripts[0].response == "bad \ud800 byte"  # JSON keeps it (as \ud800)


def test_dose_response_table_and_plot(rendered: ReportPaths) -> None:
    head = section(rendered.html.read_text(encoding="utf-8"), "headline")
    assert 'id="dose-response"' in head and 'aria-label="Dose–response"' in head
    # both rows, the baseline's without a Δ, the arm's with its CI and its OOD headline
    assert ">0.00</td>" in head and ">0.05</td>" in head and ">6.5%</td>" in head and ">10.4%</td>" in head
    assert "[-0.0 pp, +8.8 pp]" in head and build_report().headlines[0].text in head
    md = rendered.markdown.read_text(encoding="utf-8")
    assert "### Dose–response" in md
    assert "| trait\\_d05 | 0.05 | 10.4% | +3.9 pp (-0.0 pp … +8.8 pp) | 0.1300 | no |" in md
    assert "| baseline | 0 | 6.5% |  |" in md
