#!/usr/bin/env python3
"""Render an HTML claims report and look at it in headless Chromium.

    python scripts/html_screenshot.py [PATH ...] [--extract] [--hostile] [--png out.png] [--dom out.html]

Checks a given corpus (default: /work/shared/seeds and ./corpus when present), renders the report
with `--format html` to a temporary file, then runs Chromium twice: once for a screenshot, once with
--dump-dom. The dumped DOM (after Chromium parsed the page and ran whatever it would run) must have:
highlighted claim spans, one register row per claim, one SVG chart per kind with claims, and, with
--hostile (on by default), no trace of the hostile page's script or onerror handler having run, while
its text is shown escaped.

Exit status 0 when every check passes, 1 when one fails, 2 when no Chromium is installed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars")

# The hostile page: if anything in it ran, the title would change, the body would get an attribute
# and an element with id "pwned" would appear.
HOSTILE_PAYLOAD = "document.title='PWNED';document.body.setAttribute('data-pwned','1')"
HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><title>Derma roller guide</title></head>
<body>
<h1>At-home derma rolling</h1>
<p>Use a 1.5 mm derma roller at home every 2 days for glowing skin.</p>
<script>{HOSTILE_PAYLOAD};var p=document.createElement('p');p.id='pwned';document.body.appendChild(p)</script>
<p>Avoid makeup for 2 hours. <img src=x onerror="{HOSTILE_PAYLOAD}"></p>
<p>Results in 3 days! <a href="javascript:alert(1)">Learn more</a></p>
</body></html>
"""
HOSTILE_TEXT = """Roll your 2 mm derma roller at home daily. <script>alert(1)</script>
Numbing cream can stay on for 3 hours. <img src=x onerror=alert(1)> "quoted" & 'single'
"""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(binary: str, url: str, *, screenshot: str | None = None, dump_dom: bool = False,
                 window: str = "1400,3000", timeout: float = 120) -> str:
    """Run headless Chromium on `url` with a fresh profile; the dumped DOM when dump_dom."""
    with tempfile.TemporaryDirectory(prefix="cc-chromium-") as profile:
        cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={window}"]
        if screenshot:
            cmd.append(f"--screenshot={screenshot}")
        if dump_dom:
            cmd.append("--dump-dom")
        cmd.append(url)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=profile)
        if proc.returncode != 0:
            raise RuntimeError(f"chromium exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
        return proc.stdout


def check_dom(dom: str, *, claims: int, charts: int, hostile: bool) -> list[str]:
    """Problems found in a dumped DOM (empty list: all good)."""
    problems: list[str] = []
    marks = len(re.findall(r'<mark class="claim\b', dom))
    if claims and marks == 0:
        problems.append("no highlighted claim spans (<mark class=\"claim ...\">) in the DOM")
    m = re.search(r'<table class="register">.*?<tbody>(.*?)</tbody>', dom, re.S)
    rows = len(re.findall(r"<tr\b", m.group(1))) if m else 0
    if rows != claims:
        problems.append(f"register has {rows} rows, expected {claims}")
    n_charts = len(re.findall(r'<svg class="chart"', dom))
    if n_charts != charts:
        problems.append(f"{n_charts} SVG charts, expected {charts}")
    if re.search(r"<script\b", dom, re.I):
        problems.append("a <script> element is in the DOM")
    if hostile:
        title = re.search(r"<title>(.*?)</title>", dom, re.S)
        if not title or not title.group(1).startswith("claimcheck "):
            problems.append(f"document.title was changed to {title.group(1) if title else None!r}")
        if re.search(r"<body[^>]*data-pwned", dom):
            problems.append("the hostile script/onerror set data-pwned on <body>")
        if 'id="pwned"' in dom:
            problems.append("the hostile script added an element")
        if re.search(r"<img\b", dom, re.I):
            problems.append("an <img> element is in the DOM")
        if re.search(r'<a\s[^>]*href="\s*javascript:', dom, re.I):
            problems.append("a javascript: link is in the DOM")
        if "&lt;script&gt;" not in dom:
            problems.append("the hostile <script> text is not shown escaped")
        if "&lt;img src=x onerror=" not in dom:
            problems.append("the hostile <img onerror> text is not shown escaped")
    return problems


def expected_counts(report, command: str = "check") -> tuple[int, int]:
    claims = [c for d in report.documents for c in d.claims]
    kinds = {(c.kind, c.normalized.get("unit")) for c in claims if c.kind}
    return len(claims), len(kinds)


def write_hostile(directory: Path) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (directory / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return [str(directory / "hostile.html"), str(directory / "hostile.txt")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="files or directories (default: /work/shared/seeds and ./corpus)")
    ap.add_argument("--extract", action="store_true", help="render `extract` instead of `check`")
    ap.add_argument("--no-hostile", dest="hostile", action="store_false", help="do not add the hostile pages")
    ap.add_argument("--png", default="report.png", help="screenshot file (default: report.png)")
    ap.add_argument("--dom", help="also write the dumped DOM here")
    ap.add_argument("--html", help="keep the rendered report here (default: a temporary file)")
    ap.add_argument("--window", default="1400,3000", help="window size W,H (default: 1400,3000)")
    ap.add_argument("--only", choices=("documents", "register", "charts"),
                    help="screenshot only this section (the other sections hidden with CSS)")
    args = ap.parse_args(argv)

    from claimcheck.checker import Checker, Report
    from claimcheck.report import RenderOptions, render

    binary = find_chromium()
    if binary is None:
        print("html_screenshot: no chromium binary on PATH (apt-get install -y chromium)", file=sys.stderr)
        return 2

    paths = list(args.paths)
    if not paths:
        paths = [p for p in ("/work/shared/seeds", str(ROOT / "corpus")) if os.path.isdir(p)]
    with tempfile.TemporaryDirectory(prefix="cc-html-") as tmp:
        if args.hostile:
            paths += write_hostile(Path(tmp) / "hostile")
        checker = Checker()
        command = "extract" if args.extract else "check"
        if command == "check":
            report = checker.check_paths(paths)
        else:
            from claimcheck.checker import iter_paths

            report = Report(reference=checker.reference)
            for p in iter_paths(paths):
                report.documents.append(checker.extractor.extract_file(p))
        page = render(report, "html", RenderOptions(command))
        html_path = Path(args.html).resolve() if args.html else Path(tmp) / "report.html"
        html_path.write_text(page, encoding="utf-8")
        url = html_path.as_uri()
        shot_url = url
        if args.only:
            hide = f"header.top,footer,body>section:not(#{args.only}){{display:none}}"
            shot = Path(tmp) / f"only-{args.only}.html"
            shot.write_text(page.replace("</style>", hide + "</style>", 1), encoding="utf-8")
            shot_url = shot.as_uri()
        run_chromium(binary, shot_url, screenshot=str(Path(args.png).resolve()), window=args.window)
        dom = run_chromium(binary, url, dump_dom=True, window=args.window)
        if args.dom:
            Path(args.dom).write_text(dom, encoding="utf-8")
        claims, charts = expected_counts(report, command)
        problems = check_dom(dom, claims=claims, charts=charts, hostile=args.hostile)
        print(f"{len(report.documents)} documents, {claims} claims, {charts} charts; "
              f"page {len(page)} bytes; screenshot {args.png}")
        for p in problems:
            print(f"FAIL: {p}")
        if not problems:
            print("OK: highlights, register rows, charts present; hostile copy shown as text, nothing ran")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
