"""Hostile text in replies, prompts, benchmark, persona and arm names and config values stays text.

The payloads (see ``conftest.PAYLOADS``): a ``<script>``, an ``<img onerror=>``, a ``javascript:`` link, template
syntax ``{{ 7*7 }}`` and mathtext ``$x^2$``. The checks read the HTML as a browser's tokenizer would (stdlib
parser): no tag or attribute a payload could have created exists, and every payload is visible in escaped form.
The browser test (test_browser.py) then shows the same page runs no script in Chromium.
"""

from __future__ import annotations

import html as htmllib
import re

from markupsafe import escape

from traitrl.report.render import ReportPaths, read_summary

from .conftest import INJECTED, PAYLOADS, build_injected_report
from .html_checks import section, tags


def test_no_payload_becomes_markup(injected: ReportPaths) -> None:
    html = injected.html.read_text(encoding="utf-8")
    parsed = tags(html)
    names = [name for name, _ in parsed]
    assert "script" not in names and "img" not in names
    assert all(a.get("href", "").startswith("#") for n, a in parsed if n == "a")  # only the table of contents
    handlers = [(n, k) for n, a in parsed for k in a if k.startswith("on")]
    assert handlers == []
    assert not any("javascript:" in v for _, a in parsed for v in a.values())
    # and on the raw bytes, in case the parser and a browser ever disagree
    assert not re.search(r"<\s*script", html, re.I)
    assert not re.search(r"<[^<>]*\bonerror\s*=", html, re.I)
    assert 'href="javascript:' not in html and "<img" not in html


def test_payloads_are_shown_escaped_everywhere(injected: ReportPaths) -> None:
    html = injected.html.read_text(encoding="utf-8")
    shown = str(escape(INJECTED))
    # the whole string, escaped, in each place that shows full text (plots and <pre> blocks differ, see below)
    for sid, at_least in {"headline": 4, "deltas": 3, "refusals": 1, "persistence": 4, "transcripts": 4,
                          "flags": 1, "provenance": 3}.items():
        assert section(html, sid).count(shown) >= at_least, sid
    # inside the YAML of the config and the pre-registration (YAML may quote it, so per payload)
    pre = re.findall(r"<pre>(.*?)</pre>", section(html, "provenance"), re.S)
    assert len(pre) == 2
    for block in pre:
        text = htmllib.unescape(block)
        assert all(p in text for p in PAYLOADS)
    assert "{{ 7*7 }}" in html and ">49<" not in html  # template syntax in data is never evaluated


def test_newlines_kept_by_css_not_by_markup(injected: ReportPaths) -> None:
    transcripts = section(injected.html.read_text(encoding="utf-8"), "transcripts")
    assert f'<div class="text">{escape(INJECTED)}\nsecond line</div>' in transcripts
    assert "<br" not in transcripts
    assert "white-space: pre-wrap" in injected.html.read_text(encoding="utf-8")


def test_plot_text_is_escaped_and_not_mathtext(injected: ReportPaths) -> None:
    html = injected.html.read_text(encoding="utf-8")
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert svgs
    texts = [t for svg in svgs for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    # the benchmark names carry the payload into the forest plot: escaped by matplotlib, shown as typed
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in t for t in texts)
    # a dollar sign, not mathtext (which would drop the $ and ^ and typeset x²)
    assert "cost in $x^2$ &amp; &lt;b&gt;units&lt;/b&gt;" in texts
    assert not any("mathdefault" in t for t in texts)


def test_markdown_is_inert(injected: ReportPaths) -> None:
    md = injected.markdown.read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<a " not in md
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    assert "\\{" not in md and "{{ 7\\*7 }}" in md  # braces are not Markdown; * is escaped


def test_summary_json_keeps_the_raw_text(injected: ReportPaths) -> None:
    # JSON stores what the model said; escaping is the renderer's job, so the round trip is exact.
    assert read_summary(injected.json) == build_injected_report()
