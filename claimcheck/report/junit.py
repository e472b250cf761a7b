"""junit: JUnit XML for CI test-report views.

`<testsuites>` holds one `<testsuite name="claimcheck">` with one `<testcase>` per document
(classname and name: the path, relative to the working directory when below it).

- Errors and warnings fail the document's testcase with ONE `<failure>` listing them all (JUnit
  readers expect at most one failure per testcase): `type` is the highest severity, `message` is
  `{code} {rule}: {message}` of the first (`(+N more)` when several), and the text has one line
  per finding, `line:col code rule (severity): message`, with its sources indented below.
- Info findings do not fail the testcase; they are listed the same way in its `<system-out>`.
- An unreadable file gets `<error type="unreadable">` instead.

`tests` counts documents, `failures` failing testcases, `errors` unreadable files. Built with
xml.etree.ElementTree; characters XML 1.0 cannot carry are replaced with U+FFFD. Check only.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .. import __version__
from ..model import SEVERITY_ORDER
from .sarif import artifact_path

if TYPE_CHECKING:
    from ..checker import Report
    from ..model import Finding
    from . import RenderOptions

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _describe(findings: list["Finding"]) -> str:
    lines: list[str] = []
    for f in findings:
        lines.append(f"{f.line}:{f.column} {f.code} {f.rule} ({f.severity}): {f.message}")
        lines.extend(f"    source: {s.title} <{s.url}>" for s in f.sources)
    return _x("\n".join(lines))


def junit_tree(report: "Report") -> ET.Element:
    root = ET.Element("testsuites", name="claimcheck")
    suite = ET.SubElement(root, "testsuite", name="claimcheck")
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="claimcheck.version", value=__version__)
    if report.reference is not None:
        ET.SubElement(props, "property", name="claimcheck.reference",
                      value=_x(f"{report.reference.name} {report.reference.version}"))
    failures = errors = 0
    for doc in report.documents:
        path = _x(artifact_path(doc.path))
        case = ET.SubElement(suite, "testcase", classname=path, name=path)
        if doc.error:
            errors += 1
            err = ET.SubElement(case, "error", type="unreadable", message=_x(doc.error))
            err.text = _x(doc.error)
            continue
        failing = [f for f in doc.findings if f.severity != "info"]
        info = [f for f in doc.findings if f.severity == "info"]
        if failing:
            failures += 1
            first = failing[0]
            message = f"{first.code} {first.rule}: {first.message}"
            if len(failing) > 1:
                message += f" (+{len(failing) - 1} more)"
            worst = max((f.severity for f in failing), key=SEVERITY_ORDER.__getitem__)
            failure = ET.SubElement(case, "failure", type=worst, message=_x(message))
            failure.text = _describe(failing)
        if info:
            ET.SubElement(case, "system-out").text = _describe(info)
    counts = {"tests": str(len(report.documents)), "failures": str(failures), "errors": str(errors)}
    root.attrib.update(counts)
    suite.attrib.update(counts, skipped="0")
    return root


def render(report: "Report", options: "RenderOptions") -> str:
    if options.command == "extract":
        raise ValueError("junit output is only available for `claimcheck check`")
    root = junit_tree(report)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
