"""missing-safety-information (CC501): home-use instructions that mention none of the safety topics
of the reference (disinfecting the device, contraindications, sun protection)."""
from __future__ import annotations

from ..model import DocumentResult, Finding
from ..reference.model import Reference
from . import RULES, CheckSettings

RULE = "missing-safety-information"
INSTRUCTION_KINDS = {"needle_depth", "session_interval", "session_count", "session_duration", "numbing_time"}


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    if not reference.safety_topics:
        return []
    home = [
        c for c in result.claims
        if c.setting == "home" and c.kind in INSTRUCTION_KINDS and c.modality in ("asserted", "hypothetical")
    ]
    if not home:
        return []
    # flagged when the page mentions none of the topics: one mention shows the writer thought about safety
    if any(t.id in result.topics for t in reference.safety_topics):
        return []
    missing = list(reference.safety_topics)
    anchor = home[0]
    names = ", ".join(t.label for t in missing)
    message = f"Home-use instructions without any mention of: {names}. Add them before publishing."
    severity = reference.rule_severity.get(RULE, RULES[RULE].severity)
    return [Finding(
        rule=RULE, code=RULES[RULE].code, severity=settings.severity_for(RULE, severity), message=message,
        path=result.path, start=anchor.start, end=anchor.end, line=anchor.line, column=anchor.column,
        text=anchor.text, claim=anchor.id, sources=list(reference.safety_sources),
    )]
