"""json: the machine-readable contract (claimcheck/schema/report.schema.json)."""
from __future__ import annotations

import json

from .. import __version__
from ..model import SEVERITY_ORDER


def report_dict(report, options) -> dict:
    with_findings = options.command != "extract"
    docs = [d.to_dict(include_findings=with_findings, include_all=options.include_all) for d in report.documents]
    out: dict = {"version": __version__}
    if report.reference is not None:
        out["reference"] = {"name": report.reference.name, "version": report.reference.version, "path": report.reference.path}
    out["documents"] = docs
    counts = {sev: 0 for sev in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.get, reverse=True)}
    for f in report.findings:
        counts[f.severity] += 1
    summary = {"documents": len(report.documents), "claims": sum(len(d.claims) for d in report.documents),
               "errors": len(report.errors)}
    if with_findings:
        summary["findings"] = counts
    out["summary"] = summary
    return out


def render(report, options) -> str:
    return json.dumps(report_dict(report, options), ensure_ascii=False, indent=2) + "\n"
