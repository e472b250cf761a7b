"""internal-inconsistency (CC401): one document states incompatible values for the same kind,
setting (an unstated setting matches any), subject and indication (and, for treatment frequency,
the same needle depth)."""
from __future__ import annotations

from collections import defaultdict

from ..model import Claim, DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, depth_context, describe, label, overlaps

RULE = "internal-inconsistency"


def claim_context(claim: Claim, result: DocumentResult) -> tuple:
    depth = None
    if claim.kind != "needle_depth":
        d = depth_context(claim, result)
        if d is not None and d.sentence == claim.sentence:
            depth = (d.min, d.max)
    return (claim.kind, claim.subject, claim.indication, depth)


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in result.claims:
        kind = reference.kinds.get(claim.kind or "")
        if claim.modality == "asserted" and kind is not None and kind.consistency:
            groups[claim_context(claim, result)].append(claim)
    findings = []
    severity = reference.rule_severity.get(RULE, "warning")
    for key, claims in groups.items():
        reported: set[tuple] = set()
        for i, later in enumerate(claims):
            for earlier in claims[:i]:
                # an unstated setting on the same page is taken to be the page's setting
                if earlier.setting != later.setting and None not in (earlier.setting, later.setting):
                    continue
                if overlaps(earlier, later):
                    continue
                pair = (describe(earlier), describe(later))
                if pair in reported:
                    break
                reported.add(pair)
                what = label(reference, later.kind) + (f" ({later.subject})" if later.subject else "")
                where = SETTING_WORDS[later.setting]
                message = (
                    f"{what}{(' ' + where) if where else ''} is given as {describe(later)} here but as "
                    f"{describe(earlier)} on line {earlier.line} (\"{earlier.text}\"). Make them agree."
                )
                findings.append(claim_finding(RULE, later, result, message, severity, settings, related=[earlier.id]))
                break
    return findings
