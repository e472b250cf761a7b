"""absolute-claim (CC301): unqualified safety or efficacy absolutes (phrase lists in claims.yaml).
Not flagged when the sentence hedges, negates, warns, or busts a myth."""
from __future__ import annotations

from ..model import DocumentResult, Finding
from ..reference.model import Reference
from . import RULES, CheckSettings

RULE = "absolute-claim"


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    checks = {c.id: c for c in reference.phrase_checks if c.rule == RULE}
    findings = []
    for hit in result.phrase_hits:
        check_ = checks.get(hit.check)
        if check_ is None or hit.modality != "asserted" or hit.hedged:
            continue
        if check_.requires and not hit.requirement_met:
            continue
        message = f'Unqualified "{hit.text}". {check_.message}'
        if check_.suggestion:
            message += f' Consider: "{check_.suggestion}"'
        findings.append(Finding(
            rule=RULE, code=RULES[RULE].code, severity=settings.severity_for(RULE, check_.severity),
            message=message, path=result.path, start=hit.start, end=hit.end, line=hit.line,
            column=hit.column, text=hit.text, reference=check_.id, sources=list(check_.sources),
            suggestion=check_.suggestion,
        ))
    return findings
