"""risky-home-use (CC101): home-use advice beyond safe home limits. Quantities are compared with the
reference's home entries (e.g. needles over 0.5 mm); practices come from claims.yaml phrase checks
(pressing hard, a pen, numbing cream, rolling over active acne). Warnings against them are not flagged."""
from __future__ import annotations

import re

from ..model import DocumentResult, Finding
from ..nlp.questions import asks
from ..reference.model import Reference
from . import RULES, CheckSettings
from .common import claim_finding, describe, entry_violations, label

RULE = "risky-home-use"
NOT_ADVICE = ("warning", "negated")  # nor is a reader's question ("should I go up to 2 mm?"): see `asks`
_CONDITION = re.compile(r"(?i)\b(?:if|when|whenever|unless|once)\b")
_MAY = re.compile(r"(?i)\b(?:may|might|could)\s+(?:\w+\s+){0,3}$")
# nor a practice named as a topic: "questions about rollers and numbing creams have doubled"
# (not an opinion about it: "I'm relaxed about a home pen")
_TOPIC = re.compile(r"(?i)\b(?:questions?|quer(?:y|ies)|enquir(?:y|ies)|ask(?:s|ed|ing)?|calls?|emails?|messages?)\s+"
                    r"(?:(?:is|are|was|were)\s+)?(?:about|regarding|concerning)\s+(?:[\w-]+\s+(?:and|or)\s+)?(?:(?:the|a|an|any)\s+)?$")


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    findings = []
    # a size named without its unit ("I started on the 0.5", "ordered a 0.25") is not advice:
    # that is how people talk about the rollers they own; nor is a depth only asked about, reported or
    # that may happen ("Quick question: I've got a 1.0 mm roller", "the needles may extend up to
    # 1.2 mm"), unlike one that advice assumes ("If you use a 1.5 mm roller, go slowly")
    advice = [
        c for c in result.claims
        if c.setting == "home" and c.modality not in NOT_ADVICE and not asks(c.sentence) and c.unit_written
        and (c.modality != "hypothetical" or (_CONDITION.search(c.sentence) is not None
                                              and not _MAY.search(result.text, max(0, c.start - 30), c.start)))
    ]
    for claim, entry in entry_violations(result, reference, RULE, advice):
        message = (
            f"{label(reference, claim.kind)} of {describe(claim)} advised for home use exceeds the safe home limit "
            f"({entry.accepted.describe()})."
        )
        if entry.message:
            message += " " + entry.message
        findings.append(claim_finding(RULE, claim, result, message, entry.severity, settings,
                                      reference=entry.id, sources=entry.sources))

    checks = {c.id: c for c in reference.phrase_checks if c.rule == RULE}
    told: set[tuple] = set()  # one finding per message and sentence ("roll over them, it dries pimples out")
    for hit in result.phrase_hits:  # at most one hit per check and sentence (see nlp/claims.py)
        check_ = checks.get(hit.check)
        if check_ is None or hit.modality in NOT_ADVICE or asks(hit.sentence) \
                or _TOPIC.search(result.text, max(0, hit.start - 40), hit.start):
            continue
        if check_.setting is not None and hit.setting != check_.setting:
            continue
        if check_.requires and not hit.requirement_met:
            continue
        said = (hit.line, hit.sentence, check_.message)
        if said in told:
            continue
        told.add(said)
        findings.append(Finding(
            rule=RULE, code=RULES[RULE].code, severity=settings.severity_for(RULE, check_.severity),
            message=f'"{hit.text}" in home-use advice. {check_.message}', path=result.path,
            start=hit.start, end=hit.end, line=hit.line, column=hit.column, text=hit.text,
            reference=check_.id, sources=list(check_.sources), suggestion=check_.suggestion,
        ))
    return findings
