"""markdown: a PR comment (GitHub-flavoured Markdown).

A summary table (findings by severity, documents, claims, unreadable files), then one table of
findings per file: `line:col`, code, rule, severity, message, sources as links. Everything that
comes from copy, paths or the reference is escaped: whitespace (newlines too) collapses to one
space; `&`, `<`, `>` become entities; inline Markdown syntax (`\\`, backticks, `*`, `_`, `[`,
`]`, `|`, `~`, `$`) is backslash-escaped; `@` is followed by a zero-width space so copy cannot
mention users. Only http(s) source URLs become links. Check only. Starts with an HTML comment
marker (`<!-- claimcheck -->`) so a bot can find and update its own comment.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from .sarif import artifact_path

if TYPE_CHECKING:
    from ..checker import Report
    from ..model import Finding
    from . import RenderOptions

MARKER = "<!-- claimcheck -->"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Only inline syntax needs escaping: every line starts with our own text, so block markers
# (#, -, +, 1.) never begin a line, and ( ) ! only matter next to an (escaped) [ or ].
_PUNCTUATION = set("\\`*_[]|~$")
# URL characters kept as they are inside a link destination; the rest is percent-encoded.
_URL_SAFE = "/:?#@!&'*+,;=%-._~[]$"


def escape(text: str) -> str:
    """Inline-safe Markdown for untrusted text (also safe inside a table cell)."""
    out: list[str] = []
    for ch in " ".join(text.split()):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _PUNCTUATION:
            out.append("\\" + ch)
        elif ch == "@":
            out.append("@\u200b")
        else:
            out.append(ch)
    return "".join(out)


def link(title: str, url: str) -> str:
    label = escape(title) or escape(url)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return f"{label} ({escape(url)})" if url else label
    return f"[{label}]({quote(url, safe=_URL_SAFE)})"


def _row(f: "Finding") -> str:
    sources = ", ".join(link(s.title, s.url) for s in f.sources) or "–"
    cells = [f"{f.line}:{f.column}", f"`{f.code}`", escape(f.rule), escape(f.severity), escape(f.message), sources]
    return "| " + " | ".join(cells) + " |"


def render(report: "Report", options: "RenderOptions") -> str:
    if options.command == "extract":
        raise ValueError("markdown output is only available for `claimcheck check`")
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity] += 1
    claims = sum(len(d.claims) for d in report.documents)
    head = ["Errors", "Warnings", "Info", "Documents", "Claims"]
    values = [counts["error"], counts["warning"], counts["info"], len(report.documents), claims]
    if report.errors:
        head.append("Unreadable")
        values.append(len(report.errors))
    lines = [
        MARKER,
        "## claimcheck",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(" ---: " for _ in head) + "|",
        "| " + " | ".join(str(v) for v in values) + " |",
        "",
    ]
    with_findings = [d for d in report.documents if d.findings]
    if not with_findings:
        lines += ["No findings.", ""]
    for doc in with_findings:
        lines += [
            f"### {escape(artifact_path(doc.path))}",
            "",
            "| Line | Code | Rule | Severity | Message | Sources |",
            "| --- | --- | --- | --- | --- | --- |",
            *(_row(f) for f in doc.findings),
            "",
        ]
    unreadable = [d for d in report.documents if d.error]
    if unreadable:
        lines += ["### Could not read", ""]
        lines += [f"- {escape(d.error or '')}" for d in unreadable]
        lines.append("")
    return "\n".join(lines)
