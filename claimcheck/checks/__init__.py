"""The checks: each rule is a small module with a name, a code, a default severity and a function
that turns a document's claims (and phrase hits) into findings. Codes are accepted wherever a
rule name is."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import DocumentResult, Finding
from ..reference.model import Reference


@dataclass(frozen=True)
class Rule:
    name: str
    code: str
    severity: str
    summary: str
    help: str


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("risky-home-use", "CC101", "error", "Home-use advice beyond safe home limits",
             "Needles over the home maximum, pressing hard to penetrate deeply, a pen, numbing cream or rolling over "
             "active acne at home. A warning against these is not flagged."),
        Rule("reference-contradiction", "CC201", "warning", "Claim outside the reference's accepted range",
             "A quantity (needle depth, sessions, intervals, recovery, results, avoidance periods) outside the range "
             "the reference accepts for its kind and context."),
        Rule("absolute-claim", "CC301", "warning", "Unqualified safety or efficacy absolute",
             "Painless, no side effects, no downtime, safe for all skin types, can't scar, permanent, guaranteed, "
             "instant results. Hedged, negated or myth-busting sentences are not flagged."),
        Rule("internal-inconsistency", "CC401", "warning", "Document contradicts itself",
             "The same document states incompatible values for the same kind of claim, setting and subject."),
        Rule("cross-document-inconsistency", "CC402", "warning", "Pages disagree with each other",
             "Several checked documents state incompatible values for the same kind of claim and context."),
        Rule("missing-safety-information", "CC501", "info", "Home-use instructions without safety information",
             "Home-use instructions that never mention disinfecting the device, who should not use it, or sun protection."),
    )
}
BY_CODE = {r.code: r for r in RULES.values()}


class UnknownRuleError(ValueError):
    pass


def resolve_rule(name_or_code: str) -> Rule:
    key = name_or_code.strip()
    rule = RULES.get(key.lower()) or BY_CODE.get(key.upper())
    if rule is None:
        known = ", ".join(f"{r.name} ({r.code})" for r in RULES.values())
        raise UnknownRuleError(f"unknown rule {name_or_code!r}; known rules: {known}")
    return rule


@dataclass
class CheckSettings:
    """Which rules run and at what severity (from the reference, config and command line)."""

    disabled: frozenset[str] = frozenset()
    severity: dict[str, str] | None = None  # rule name -> severity override

    def enabled(self, rule: str) -> bool:
        return rule not in self.disabled

    def severity_for(self, rule: str, default: str) -> str:
        if self.severity and rule in self.severity:
            return self.severity[rule]
        return default


def check_document(result: DocumentResult, reference: Reference, settings: CheckSettings | None = None) -> list[Finding]:
    """Run every per-document rule; findings sorted by position."""
    from . import absolute_claim, internal_inconsistency, missing_safety, reference_contradiction, risky_home_use

    settings = settings or CheckSettings()
    findings: list[Finding] = []
    for module in (risky_home_use, reference_contradiction, absolute_claim, internal_inconsistency, missing_safety):
        if settings.enabled(module.RULE):
            findings.extend(module.check(result, reference, settings))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


__all__ = ["RULES", "Rule", "CheckSettings", "check_document", "resolve_rule", "UnknownRuleError"]
