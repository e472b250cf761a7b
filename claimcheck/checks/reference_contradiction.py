"""reference-contradiction (CC201): an asserted claim outside the accepted range for its kind and context."""
from __future__ import annotations

from ..model import DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, describe, entry_violations, label

RULE = "reference-contradiction"


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    findings = []
    asserted = [c for c in result.claims if c.modality == "asserted" and not c.mention]
    for claim, entry in entry_violations(result, reference, RULE, asserted):
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
