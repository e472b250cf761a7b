"""reference-contradiction (CC201): an asserted claim outside the accepted range for its kind and context."""
from __future__ import annotations

from ..model import DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, applicable_entry, claim_finding, describe, label, outside

RULE = "reference-contradiction"


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    findings = []
    for claim in result.claims:
        if claim.modality != "asserted":
            continue
        entry = applicable_entry(claim, result, reference)
        if entry is None or entry.rule != RULE:
            continue
        if not outside(claim.min, claim.max, entry.accepted.min, entry.accepted.max):
            continue
        where = SETTING_WORDS[claim.setting]
        what = label(reference, claim.kind) + (f" ({claim.subject})" if claim.subject else "")
        typical = f"; typical {entry.typical.describe()}" if entry.typical else ""
        message = (
            f"{what} of {describe(claim)}{(' ' + where) if where else ''} is outside the accepted range "
            f"({entry.accepted.describe()}{typical})."
        )
        if entry.message:
            message += " " + entry.message
        findings.append(claim_finding(RULE, claim, result, message, entry.severity, settings,
                                      reference=entry.id, sources=entry.sources))
    return findings
