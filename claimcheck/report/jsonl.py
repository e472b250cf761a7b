"""jsonl: one JSON object per document per line, for streaming pipelines.

Each line is the document object of the json format (`#/$defs/document` in
claimcheck/schema/report.schema.json) with a leading `"version"` key. No summary line. With
`extract`, documents carry claims only (no `findings` key). U+0085, U+2028 and U+2029 are written
as `\\u` escapes so that no line splitter can break a record.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import __version__

if TYPE_CHECKING:
    from ..checker import Report
    from ..model import DocumentResult
    from . import RenderOptions

_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def document_record(doc: "DocumentResult", options: "RenderOptions") -> dict[str, Any]:
    body = doc.to_dict(include_findings=options.command != "extract", include_all=options.include_all)
    return {"version": __version__, **body}


def dumps_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _LINE_BREAKS.items():
        line = line.replace(char, escaped)  # only ever inside JSON strings
    return line + "\n"


def render(report: "Report", options: "RenderOptions") -> str:
    return "".join(dumps_line(document_record(doc, options)) for doc in report.documents)
