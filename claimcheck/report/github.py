"""github: GitHub Actions workflow commands, one annotation per finding:

    ::error file={path},line={line},col={col},endLine={endLine},endColumn={endColumn},title={title}::{message}

`::warning` for warnings, `::notice` for info. The title is `claimcheck {code} {rule}`. Paths are
relative to the working directory (run from the repository root); endColumn is exclusive, as in
the sarif format. Values are escaped as actions/toolkit does: the message `%`, `\\r`, `\\n`;
property values additionally `:` and `,`. Unreadable files: `::error file={path}::{reason}`;
read warnings (e.g. not UTF-8): `::warning file={path}::{warning}`. Check only.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .sarif import artifact_path, region

if TYPE_CHECKING:
    from ..checker import Report
    from . import RenderOptions

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _reason(path: str, error: str) -> str:
    prefix = f"{path}: "
    return error[len(prefix):] if error.startswith(prefix) else error


def render(report: "Report", options: "RenderOptions") -> str:
    if options.command == "extract":
        raise ValueError("github output is only available for `claimcheck check`")
    lines: list[str] = []
    for doc in report.documents:
        file = escape_property(artifact_path(doc.path))
        if doc.error:
            lines.append(f"::error file={file}::{escape_data(_reason(doc.path, doc.error))}")
            continue
        lines.extend(f"::warning file={file}::{escape_data(w)}" for w in doc.warnings)
        for f in doc.findings:
            r = region(doc, f)
            props = ",".join((
                f"file={file}",
                f"line={r['startLine']}",
                f"col={r['startColumn']}",
                f"endLine={r['endLine']}",
                f"endColumn={r['endColumn']}",
                f"title={escape_property(f'claimcheck {f.code} {f.rule}')}",
            ))
            lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
