"""The HTML report: structure, escaping of hostile copy and hostile reference strings, self-containment,
and (when Chromium is installed) what a real browser makes of it."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from claimcheck.checker import Checker, Report
from claimcheck.model import Finding
from claimcheck.reference.model import SourceRef
from claimcheck.report import RenderOptions, render

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "html"
HOSTILE_PATTERNS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')


def _load_script():
    path = ROOT / "scripts" / "html_screenshot.py"
    spec = importlib.util.spec_from_file_location("html_screenshot", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Page(HTMLParser):
    """Tags and attributes as a browser's tokenizer sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def with_class(page: Page, tag: str, cls: str) -> list[dict]:
    return [a for t, a in page.tags if t == tag and cls in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def report(checker):
    return checker.check_paths([str(DATA), str(DATA / "missing.md")])


@pytest.fixture(scope="module")
def page_html(report):
    return render(report, "html", RenderOptions("check"))


@pytest.fixture(scope="module")
def page(page_html):
    return Page(page_html)


def kinds_with_claims(report) -> set:
    return {(c.kind, c.normalized["unit"]) for d in report.documents for c in d.claims if c.kind}


# -- structure -----------------------------------------------------------------------------------

def test_one_section_per_document_in_order(report, page):
    sections = with_class(page, "section", "doc")
    assert [s["id"] for s in sections] == [f"doc-{i}" for i in range(len(report.documents))]


def test_every_claim_is_highlighted_with_its_kind_colour(report, page_html, page):
    marks = with_class(page, "mark", "claim")
    assert marks
    for di, doc in enumerate(report.documents):
        for ci, _ in enumerate(sorted(doc.claims, key=lambda c: (c.start, c.end))):
            assert f'id="d{di}-c{ci}"' in page_html
    kind_classes = {c for m in marks for c in m["class"].split() if re.fullmatch(r"k\d+", c)}
    assert len(kind_classes) == len({c.kind for d in report.documents for c in d.claims})
    # the legend names every kind present
    legend = page_html.split('<div class="legend">', 1)[1].split("</div>", 1)[0]
    for label in ("Needle depth", "Number of sessions", "Interval between sessions"):
        assert label in legend


def test_register_has_one_row_per_claim_with_verdicts(report, page_html):
    body = re.search(r'<table class="register">.*?<tbody>(.*?)</tbody>', page_html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    assert len(rows) == sum(len(d.claims) for d in report.documents)
    head = re.search(r'<table class="register"><thead>(.*?)</thead>', page_html, re.S).group(1)
    for col in ("Kind", "Text", "Normalized value", "Setting", "Subject", "Modality", "Page", "Verdict"):
        assert f"<th>{col}</th>" in head
    hostile = next(d for d in report.documents if d.path.endswith("hostile.html"))
    flagged = {f.claim for f in hostile.findings if f.claim}
    verdict_codes = [re.findall(r">(CC\d+)</a>", r) for r in rows]
    assert sum(1 for v in verdict_codes if v) >= len(flagged)
    assert any('<span class="ok">ok</span>' in r for r in rows)
    assert any("hostile.html:5" in r and "CC101" in r for r in rows)


def test_one_chart_per_kind_with_reference_bands(report, page_html):
    charts = re.findall(r'<figure class="chartbox".*?</figure>', page_html, re.S)
    assert len(charts) == len(kinds_with_claims(report))
    depth = next(c for c in charts if "<b>Needle depth</b>" in c)
    entries = report.reference.entries_for("needle_depth")
    assert depth.count('<g class="band">') == len(entries)
    for e in entries:
        assert e.id in depth
    assert "Needle depth (millimetres)" in depth
    # every needle-depth claim has its bar
    n = sum(1 for d in report.documents for c in d.claims if c.kind == "needle_depth")
    assert depth.count('<g class="claimrow">') == n


def test_chart_axes_use_readable_units(page_html):
    charts = re.findall(r'<figure class="chartbox".*?</figure>', page_html, re.S)
    axis = {re.search(r"<b>(.*?)</b>", c).group(1): re.search(r'class="axislabel"[^>]*>(.*?)</text>', c).group(1)
            for c in charts}
    assert axis["Numbing time"].endswith("(minutes)")  # 20-60 min band, a 3 h claim
    assert axis["Interval between sessions"].endswith("(weeks)")
    assert axis["Number of sessions"].endswith("(count)")


def test_open_bounds_fade_and_vague_claims_are_dashed(page_html):
    charts = re.findall(r'<figure class="chartbox".*?</figure>', page_html, re.S)
    avoid = next(c for c in charts if "<b>Avoidance period</b>" in c)
    row = next(r for r in re.findall(r'<g class="claimrow">.*?</g>', avoid, re.S) if "“at least 24 hours”</text>" in r)
    assert re.search(r'fill="url\(#ch\d+-cr\)"', row)  # fades out to the right edge
    results = next(c for c in charts if "<b>Time to results</b>" in c)
    row = next(r for r in re.findall(r'<g class="claimrow">.*?</g>', results, re.S) if "“a few weeks”</text>" in r)
    assert "stroke-dasharray" in row


def test_summary_header_counts_and_unreadable_files(report, page_html):
    header = page_html.split('<header class="top">', 1)[1].split("</header>", 1)[0]
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    for sev, n in counts.items():
        assert re.search(rf'class="card sev-{sev}[^"]*"><span class="num">{n}</span>', header)
    assert f'<span class="num">{len(report.documents)}</span>documents' in header
    assert f'<span class="num">{sum(len(d.claims) for d in report.documents)}</span>claims' in header
    assert "Files that could not be read" in header and "missing.md" in header


def test_markup_sources_are_shown_as_escaped_text_with_line_breaks(report, page_html):
    di = next(i for i, d in enumerate(report.documents) if d.path.endswith("hostile.html"))
    section = re.search(rf'<section class="doc" id="doc-{di}">.*?</section>', page_html, re.S).group(0)
    assert "&lt;h1&gt;At-home derma rolling&lt;/h1&gt;" in section
    n_lines = report.documents[di].text.count("\n") + 1
    assert len(re.findall(r'<div class="ln" id="d\d+-L\d+"', section)) == n_lines
    md = next(i for i, d in enumerate(report.documents) if d.path.endswith("clinic.md"))
    section = re.search(rf'<section class="doc" id="doc-{md}">.*?</section>', page_html, re.S).group(0)
    # the Markdown emphasis stays visible, the claim inside it is marked
    assert re.search(r'\*\*(<span class="anchor"[^>]*></span>)?<mark class="claim k\d+"[^>]*>3 to 6 sessions</mark>', section)


def test_findings_are_shown_beside_the_text(report, page):
    findings = with_class(page, "div", "finding")
    assert len(findings) == len(report.findings)
    assert with_class(page, "span", "badge")
    assert with_class(page, "ul", "sources")


def test_extract_page_has_claims_but_no_findings(checker):
    from claimcheck.checker import iter_paths

    rep = Report(reference=checker.reference)
    for p in iter_paths([str(DATA)]):
        rep.documents.append(checker.extractor.extract_file(p))
    out = render(rep, "html", RenderOptions("extract"))
    page = Page(out)
    assert not with_class(page, "div", "finding")
    assert "<th>Verdict</th>" not in out
    body = re.search(r'<table class="register">.*?<tbody>(.*?)</tbody>', out, re.S).group(1)
    assert body.count("<tr>") == sum(len(d.claims) for d in rep.documents)
    assert out.count('<svg class="chart"') == len(kinds_with_claims(rep))


def test_empty_report_renders():
    out = render(Report(), "html", RenderOptions("check"))
    assert "No documents." in out and "</html>" in out


# -- escaping ------------------------------------------------------------------------------------

def assert_inert(out: str) -> None:
    page = Page(out)
    tags = {t for t, _ in page.tags}
    assert "script" not in tags and "img" not in tags and "iframe" not in tags and "object" not in tags
    svg_tags = [t for t, _ in page.tags if t == "svg"]
    assert all(a.get("class") == "chart" for t, a in page.tags if t == "svg"), svg_tags
    for t, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (t, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert value is not None
                assert value.startswith("#") or re.match(r"https?://", value), (t, name, value)
    assert not re.search(r"<script", out, re.I)


def test_hostile_copy_is_shown_as_text(page_html):
    assert_inert(page_html)
    for raw in HOSTILE_PATTERNS:
        assert raw not in page_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in page_html
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in page_html
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;Learn more" in page_html


def test_csp_meta_tag(page):
    metas = [a for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    csp = metas[0]["content"]
    assert "default-src 'none'" in csp and "style-src 'unsafe-inline'" in csp and "img-src data:" in csp
    assert "script-src" not in csp


@pytest.fixture(scope="module")
def hostile_reference(tmp_path_factory):
    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    data["name"] = "<script>alert('name')</script>"
    data["description"] = "<img src=x onerror=alert(1)>"
    data["kinds"]["needle_depth"]["label"] = 'Needle <img src=x onerror=alert(1)> "depth"'
    home = next(e for e in data["entries"] if e["id"] == "needle-depth-home")
    home["rationale"] = "</title><script>alert('rationale')</script>"
    home["message"] = "Keep it short <script>alert('message')</script>"
    data["sources"]["AAD18"] = {"title": "<b onmouseover=alert(1)>AAD</b>",
                                "url": 'https://evil.example/"><script>alert(2)</script>'}
    path = tmp_path_factory.mktemp("ref") / "claims.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_hostile_reference_strings_are_escaped(hostile_reference):
    checker = Checker(hostile_reference)
    rep = checker.check_paths([str(DATA / "hostile.txt")])
    assert rep.reference.name.startswith("<script>")
    # a source address the loader would refuse, added the way a plugin or a future loader might
    doc = rep.documents[0]
    doc.findings.append(Finding(
        rule="reference-contradiction", code="CC201", severity="warning", message="<svg onload=alert(3)>",
        path=doc.path, start=0, end=4, line=1, column=1, text="Roll", reference="<i>ref</i>",
        sources=[SourceRef("js", "<script>alert('title')</script>", "javascript:alert(1)"),
                 SourceRef("js2", "data link", " JavaScript:alert(1)"),
                 SourceRef("ok", "Good source", "https://example.org/a?b=1&c=2")],
        suggestion="<img src=x onerror=alert(4)>", related=["<b>x</b>"]))
    out = render(rep, "html", RenderOptions("check"))
    assert_inert(out)
    for raw in ("<script>alert('name')", "<img src=x onerror=alert(1)>", "<script>alert('rationale')",
                "<script>alert('message')", "<b onmouseover", "<svg onload=alert(3)>", "<i>ref</i>",
                "<script>alert('title')", "<img src=x onerror=alert(4)>", "<b>x</b>"):
        assert raw not in out, raw
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in out
    assert "Needle &lt;img src=x onerror=alert(1)&gt; &quot;depth&quot;" in out  # legend, labels, register, chart
    assert "&lt;/title&gt;&lt;script&gt;alert(&#x27;rationale&#x27;)" in out  # SVG <title> of the band
    assert "Keep it short &lt;script&gt;" in out
    page = Page(out)
    hrefs = [a["href"] for t, a in page.tags if t == "a" and not a["href"].startswith("#")]
    # the evil-but-http URL is a link with its quote escaped; javascript: is never a link
    assert 'https://evil.example/"><script>alert(2)</script>' in hrefs
    assert 'href="https://evil.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in out
    assert "https://example.org/a?b=1&c=2" in hrefs
    assert not any("javascript" in h.lower() for h in hrefs)
    assert "javascript:alert(1)" in out  # shown as text
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; <span class=\"rawurl\">(javascript:alert(1))</span>" in out


def test_safe_url():
    from claimcheck.report.html import safe_url

    assert safe_url("https://example.org/x") == "https://example.org/x"
    assert safe_url("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                "data:text/html,<script>", "vbscript:x", "//evil.example/x", "http:/x", "ftp://x.org",
                "https://x.org/a b", "ht\ntp://x.org", "", None, 3):
        assert safe_url(bad) is None, bad


# -- self-contained ------------------------------------------------------------------------------

def test_page_is_self_contained(report, page_html, page):
    source_urls = {s.url for f in report.findings for s in f.sources}
    for t, attrs in page.tags:
        assert t not in ("script", "link", "iframe", "img", "object", "embed", "base"), t
        assert "src" not in attrs and "srcset" not in attrs
        href = attrs.get("href")
        if href and not href.startswith("#"):
            assert t == "a" and href in source_urls, href
    style = re.search(r"<style>(.*?)</style>", page_html, re.S).group(1)
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    assert re.findall(r'(?:src|href)="(https?:[^"]*)"', page_html) == [
        h for h in re.findall(r'href="(https?:[^"]*)"', page_html)]


def test_cli_writes_the_html_report(tmp_path):
    out = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--format", "html", str(DATA / "clinic.md"),
                           "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<table class="register">' in text
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "extract", "--format", "html", str(DATA / "clinic.md")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "<th>Verdict</th>" not in proc.stdout and '<mark class="claim' in proc.stdout


# -- a real browser -------------------------------------------------------------------------------

def test_chromium_renders_the_page_and_runs_nothing_hostile(report, page_html, tmp_path):
    script = _load_script()
    binary = script.find_chromium()
    if binary is None:
        pytest.skip("no chromium binary on PATH (looked for: " + ", ".join(script.CHROMIUM_NAMES) + ")")
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    dom = script.run_chromium(binary, path.as_uri(), dump_dom=True)
    assert "<body" in dom
    claims, charts = script.expected_counts(report)
    assert script.check_dom(dom, claims=claims, charts=charts, hostile=True) == []
    # the hostile page's own payload did not run either (its script would set these)
    assert "<title>claimcheck report</title>" in dom
    assert "data-pwned" not in re.sub(r"&lt;.*?&gt;", "", dom.split("<body", 1)[1].split(">", 1)[0])
    shot = tmp_path / "shot.png"
    script.run_chromium(binary, path.as_uri(), screenshot=str(shot), window="1400,1200")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
