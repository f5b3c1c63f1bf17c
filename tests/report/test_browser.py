"""The HTML report in a real headless browser (Debian ``chromium``).

Checks that the report loads without console errors, that the charts are in the rendered DOM,
that a screenshot and a printed PDF come out. Skipped when chromium is not installed, unless
``PERSONA_NLP_REQUIRE_BROWSER=1`` (CI), where a missing browser fails the test.

Install locally with ``apt-get install -y chromium``. Set ``PERSONA_NLP_SCREENSHOT_DIR`` to keep
the screenshot and PDF (CI artifacts).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_builders import make_analysis, make_embeddings

from persona_nlp.report import write_reports

pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    message = "headless chromium not found (install it with: apt-get install -y chromium)"
    if os.environ.get("PERSONA_NLP_REQUIRE_BROWSER") == "1":
        pytest.fail(message + "; PERSONA_NLP_REQUIRE_BROWSER=1 requires it")
    pytest.skip(message)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    analysis = make_analysis()
    write_reports(analysis, out, formats=["html"], embeddings=make_embeddings(analysis))
    return out / "report.html"


def _run(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _keep(path: Path) -> None:
    target = os.environ.get("PERSONA_NLP_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


class _SvgCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svg_classes: list[str] = []
        self.circles = 0
        self.rects = 0
        self.articles = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg":
            self.svg_classes.append(attributes.get("class") or "")
        self.circles += tag == "circle" and attributes.get("class") == "pt"
        self.rects += tag == "rect"
        self.articles += tag == "article"


def test_report_loads_without_errors_and_renders_charts(report, tmp_path):
    browser = _browser()
    result = _run(
        browser, tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", report.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    assert "Uncaught" not in result.stderr
    dom = _SvgCounter()
    dom.feed(result.stdout)
    classes = " ".join(dom.svg_classes)
    for chart in ("kind-bars", "heatmap", "statement-map", "bar"):
        assert re.search(rf"\b{chart}\b", classes), chart
    assert dom.circles == len(make_analysis().statements)
    assert dom.articles == 2
    assert "Bargain Bente" in result.stdout


def test_report_screenshot(report, tmp_path):
    browser = _browser()
    png = tmp_path / "report.png"
    result = _run(
        browser, tmp_path, f"--screenshot={png}", "--window-size=1280,2000", report.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    _keep(png)


def test_report_prints_to_several_pages(report, tmp_path):
    browser = _browser()
    pdf = tmp_path / "report.pdf"
    result = _run(
        browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    # overview, one page per persona, themes, chart, map, skipped
    assert pages >= 5, pages
    _keep(pdf)
