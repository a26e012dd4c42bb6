"""The report in a real browser: headless Chromium (Debian's ``chromium``) opens it offline, draws every figure,
logs nothing to the console, runs none of the injected payloads, and writes a screenshot.

Chromium is driven from the command line only (no webdriver, no new dependency): ``--dump-dom`` gives the DOM
after the page loaded and ran whatever it would run, ``--screenshot`` the picture, ``--enable-logging=stderr``
the console. What is checked, and why it would catch a problem:

- **DOM**: seven ``<svg class="plot">`` figures with their drawn paths; no ``<script>``, ``<img>``, ``on*``
  attribute or ``javascript:`` link anywhere (a payload that escaped its text would create one); the title and
  ``<body>`` unchanged (the canary payloads in :func:`_canary_page` set them when they run).
- **Console**: Chromium 150 logs every console message (log, warning, error, uncaught exception, CSP violation) as
  ``INFO:CONSOLE:<line>] "<message>", source: <url>``, without the level, so the test requires *no* console
  line from the report at all: the report has no script, so any line is a problem (an uncaught error, a blocked
  fetch or script, an injected ``console.error``).
- **Dialogs**: an ``alert()`` blocks headless Chromium until the timeout, so a payload that ran would show up as a
  timeout; the run is capped at 60 s so it can never hang the suite.

The control test feeds the same checks a page with live payloads and requires them to see it.

Set ``TRAITRL_KEEP_SCREENSHOT=1`` to copy the screenshot to ``report-screenshot.png`` at the repository root
(or set it to a ``.png`` path). Skipped, saying why, when ``/usr/bin/chromium`` is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from traitrl.report.render import ReportPaths

from .html_checks import tags

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_S = 60
N_PLOTS = 8  # the dose-response, two forest plots, two training curves, the transfer heatmap, retention, harm curves
REPO = Path(__file__).resolve().parents[2]
_CONSOLE = re.compile(r':CONSOLE[:(]\d+\)?\]\s*"(?P<message>.*)", source: (?P<source>\S*)')


def _need_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed (apt install chromium): browser test skipped")


def _chromium(profile: Path, url: str, *mode: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *mode, url]
    # A session of its own, so a timeout ends the browser together with its renderer and GPU processes.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"chromium did not finish within {TIMEOUT_S} s on {url}: a JavaScript dialog (alert) opened by "
                    "an injected payload blocks headless Chromium, so this usually means a payload ran")


def _console(stderr: str, url: str) -> list[str]:
    """Console messages whose source is the page itself."""
    return [m.group("message") for m in _CONSOLE.finditer(stderr) if m.group("source").startswith(url)]


def _problems(dom: str, console: list[str]) -> list[str]:
    """What a rendered report page must not show: created elements, handlers, script links, console lines."""
    found = [f"console: {line}" for line in console]
    for name, attrs in tags(dom):
        if name in {"script", "img", "iframe", "object", "embed"}:
            found.append(f"<{name}> element")
        found += [f"<{name} {k}=...> handler" for k in attrs if k.startswith("on")]
        found += [f"<{name} {k}={v!r}>" for k, v in attrs.items() if "javascript:" in v.lower()]
        if name == "body" and attrs:
            found.append(f"<body> attributes changed: {attrs}")
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    if title is None or not title.group(1).startswith("traitrl study report"):
        found.append(f"title changed: {title.group(1) if title else None!r}")
    return found


def _open(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    url = page.resolve().as_uri()
    run = _chromium(tmp_path / "profile-dom", url, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout, _console(run.stderr, url)


def test_report_opens_in_chromium_and_payloads_are_inert(injected: ReportPaths, tmp_path: Path) -> None:
    _need_chromium()
    dom, console = _open(injected.html, tmp_path)
    assert "<section id=\"provenance\">" in dom, "the page did not load"
    assert _problems(dom, console) == []
    plots = [a for n, a in tags(dom) if n == "svg" and a.get("class") == "plot"]
    assert len(plots) == N_PLOTS
    assert sum(n == "path" for n, _ in tags(dom)) > 100 * N_PLOTS // 10  # the figures were parsed, not emptied
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # the payload is on the page, as text


def test_screenshot(rendered: ReportPaths, tmp_path: Path) -> None:
    # the clean report (the injected one is checked above): this is the picture a reader would see
    _need_chromium()
    from PIL import Image  # installed with matplotlib

    shot = tmp_path / "report.png"
    url = rendered.html.resolve().as_uri()
    run = _chromium(tmp_path / "profile-shot", url, f"--screenshot={shot}", "--window-size=1280,4000")
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    assert _console(run.stderr, url) == []
    with Image.open(shot) as image:
        assert image.size == (1280, 4000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is None or len(colours) > 50  # text, tables and figures, not a blank or error page
    keep = os.environ.get("TRAITRL_KEEP_SCREENSHOT", "")
    if keep:
        target = Path(keep) if keep.endswith(".png") else REPO / "report-screenshot.png"
        shutil.copyfile(shot, target)


def _canary_page(path: Path) -> Path:
    # Live payloads that, when they run, leave marks the checks look for (and no alert, which would hang).
    path.write_text(
        "<!DOCTYPE html><html><head><title>traitrl study report: control</title></head><body>"
        "<script>console.error('canary ran'); document.body.setAttribute('data-pwned', '1')</script>"
        "<img src=x onerror=\"document.title='pwned'\"><a href=\"javascript:void(0)\">x</a></body></html>",
        encoding="utf-8")
    return path


def test_the_checks_see_a_live_payload(tmp_path: Path) -> None:
    _need_chromium()
    dom, console = _open(_canary_page(tmp_path / "live.html"), tmp_path)
    found = "\n".join(_problems(dom, console))
    for expected in ("console: canary ran", "<script> element", "<img> element", "onerror", "javascript:",
                     "data-pwned", "title changed: 'pwned'"):
        assert expected in found, (expected, found)
