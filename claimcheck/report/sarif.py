"""sarif: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

One run; `tool.driver.rules` lists every rule in `claimcheck.checks.RULES` (id = code, e.g. CC101).
Results carry the finding's span as a region (1-based lines; columns in Unicode code points, declared
with `run.columnKind`; `endColumn` is exclusive, as SARIF defines it) and a stable
`partialFingerprints.primaryLocationLineHash`: the first 16 hex digits of sha256(code, normalized
matched text, path), plus `:n` for the n-th identical hash in the run, so that the same wording
flagged twice in one file stays two alerts. Unreadable files become error notifications in
`invocations[0]` with `executionSuccessful: false`; read warnings (e.g. not UTF-8) become warning
notifications. Check only.

The location helpers (`artifact_path`, `artifact_uri`, `region`) are shared with the github,
markdown and junit formats.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..checks import RULES, Rule

if TYPE_CHECKING:
    from ..checker import Report
    from ..model import DocumentResult, Finding
    from . import RenderOptions

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Tags by code family (CC1xx, CC2xx, ...): what kind of problem a rule finds.
FAMILY_TAGS = {"1": "safety", "2": "accuracy", "3": "overclaim", "4": "consistency", "5": "safety"}


def artifact_path(path: str) -> str:
    """`path` relative to the working directory when it lies below it (forward slashes, no
    leading ./); otherwise absolute. Pseudo-paths such as `<text>` are returned unchanged."""
    if not path or path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        rel = absolute
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = absolute
    return Path(rel).as_posix()


def artifact_uri(path: str) -> str:
    """A URI reference for `path`: percent-encoded relative path, or a file:// URI when outside
    the working directory."""
    shown = artifact_path(path)
    if os.path.isabs(shown):
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def region(doc: "DocumentResult", f: "Finding") -> dict[str, int]:
    """startLine/startColumn from the finding; endLine/endColumn (exclusive) from its `end`
    offset in the document text."""
    end_line, end_column = f.end_line, f.end_column
    if end_line is None or end_column is None:
        text = doc.text
        if text and f.start <= f.end <= len(text):
            end_line = text.count("\n", 0, f.end) + 1
            end_column = f.end - (text.rfind("\n", 0, f.end) + 1) + 1
        else:  # no text to measure against: assume the span stays on its line
            end_line, end_column = f.line, f.column + max(f.end - f.start, 0)
    return {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_column}


def message_text(f: "Finding") -> str:
    """The finding's message followed by its sources (title <url>)."""
    if not f.sources:
        return f.message
    return f"{f.message} Sources: " + "; ".join(f"{s.title} <{s.url}>" for s in f.sources)


def _line_hash(f: "Finding", path: str) -> str:
    matched = " ".join(f.text.split()).casefold()
    return hashlib.sha256(f"{f.code}\0{matched}\0{path}".encode("utf-8")).hexdigest()[:16]


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.help},
        "help": {
            "text": f"{rule.summary}. {rule.help}",
            "markdown": f"**{rule.summary}** (`{rule.code}` {rule.name})\n\n{rule.help}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["claimcheck", "marketing-copy", FAMILY_TAGS.get(rule.code[2], "copy")]},
    }


def _notification(level: str, text: str, path: str) -> dict[str, Any]:
    return {"level": level, "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}


def sarif_log(report: "Report") -> dict[str, Any]:
    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for doc in report.documents:
        if doc.error:
            notifications.append(_notification("error", doc.error, doc.path))
            continue
        notifications.extend(_notification("warning", w, doc.path) for w in doc.warnings)
        shown = artifact_path(doc.path)
        for f in doc.findings:
            base = _line_hash(f, shown)
            seen[base] = seen.get(base, 0) + 1
            result: dict[str, Any] = {"ruleId": f.code}
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            result.update({
                "level": LEVELS[f.severity],
                "message": {"text": message_text(f)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(doc.path)},
                    "region": region(doc, f),
                }}],
                "partialFingerprints": {"primaryLocationLineHash": f"{base}:{seen[base]}"},
            })
            results.append(result)
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
              "rules": [_rule(r) for r in rules]}
    run = {"tool": {"driver": driver}, "invocations": [invocation], "columnKind": "unicodeCodePoints",
           "results": results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: "Report", options: "RenderOptions") -> str:
    if options.command == "extract":
        raise ValueError("sarif output is only available for `claimcheck check`")
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
