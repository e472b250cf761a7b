"""json: the machine-readable contract (claimcheck/schema/report.schema.json)."""
from __future__ import annotations

import json

from .. import __version__
from ..model import SEVERITY_ORDER


def report_dict(report, options) -> dict:
    with_findings = options.command != "extract"
    docs = [d.to_dict(include_findings=with_findings, include_all=options.include_all) for d in report.documents]
    suppressions = getattr(report, "suppressions", None) or {}
    if with_findings and suppressions:  # in-file suppression directives (claimcheck/suppressions.py)
        for d, out_doc in zip(report.documents, docs):
            if d.path in suppressions:
                out_doc["suppressions"] = [s.to_dict() for s in suppressions[d.path]]
    out: dict = {"version": __version__}
    if report.reference is not None:
        out["reference"] = {"name": report.reference.name, "version": report.reference.version, "path": report.reference.path}
    out["documents"] = docs
    baseline = getattr(report, "baseline", None)
    if with_findings and baseline is not None:  # claimcheck/baseline.py
        out["baseline"] = baseline.to_dict()
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
