"""Helpers shared by the checks: which reference entry applies to a claim, range comparison with
tolerance, and building findings."""
from __future__ import annotations

from ..model import Claim, DocumentResult, Finding
from ..nlp.units import format_range
from ..reference.model import Entry, Reference, SourceRef
from . import RULES, CheckSettings

TOLERANCE = 0.01  # relative: bounds within 1% count as equal


def _tol(x: float) -> float:
    return abs(x) * TOLERANCE + 1e-9


def outside(cmin: float | None, cmax: float | None, amin: float | None, amax: float | None) -> bool:
    """True when a stated bound of the claim lies outside the accepted range (open bounds are unstated)."""
    if amin is not None:
        for v in (cmin, cmax):
            if v is not None and v < amin - _tol(amin):
                return True
    if amax is not None:
        for v in (cmin, cmax):
            if v is not None and v > amax + _tol(amax):
                return True
    return False


def overlaps(a: Claim, b: Claim) -> bool:
    lo_a = a.min if a.min is not None else float("-inf")
    hi_a = a.max if a.max is not None else float("inf")
    lo_b = b.min if b.min is not None else float("-inf")
    hi_b = b.max if b.max is not None else float("inf")
    return lo_a <= hi_b + _tol(hi_b if hi_b != float("inf") else 0) and lo_b <= hi_a + _tol(hi_a if hi_a != float("inf") else 0)


def describe(claim: Claim) -> str:
    return format_range(claim.min, claim.max, claim.normalized["unit"])


def depth_context(claim: Claim, result: DocumentResult) -> Claim | None:
    """The needle depth that qualifies a claim: stated in the same sentence, else the nearest
    earlier depth claim with the same setting."""
    depths = [c for c in result.claims if c.kind == "needle_depth" and c.modality not in ("warning", "negated")]
    same = [d for d in depths if d.sentence == claim.sentence]
    if same:
        return min(same, key=lambda d: abs(d.start - claim.start))
    before = [d for d in depths if d.start < claim.start and d.setting == claim.setting]
    return before[-1] if before else None


def applicable_entry(claim: Claim, result: DocumentResult, reference: Reference) -> Entry | None:
    best: tuple[int, Entry] | None = None
    for entry in reference.entries_for(claim.kind or ""):
        if entry.setting is not None and claim.setting not in entry.setting:
            continue
        if entry.subject != claim.subject:
            continue
        if entry.indication is not None and entry.indication != claim.indication:
            continue
        if entry.depth_min is not None or entry.depth_max is not None:
            depth = depth_context(claim, result)
            if depth is not None and outside(depth.min, depth.max, entry.depth_min, entry.depth_max):
                continue
        specificity = (entry.setting is not None) + (entry.indication is not None) + (entry.depth_min is not None or entry.depth_max is not None)
        if best is None or specificity > best[0]:
            best = (specificity, entry)
    return best[1] if best else None


SETTING_WORDS = {"home": "at home", "professional": "in a clinic", None: ""}


def claim_finding(rule: str, claim: Claim, result: DocumentResult, message: str, severity: str,
                  settings: CheckSettings, reference: str | None = None, sources: list[SourceRef] | None = None,
                  related: list[str] | None = None, suggestion: str | None = None) -> Finding:
    r = RULES[rule]
    return Finding(
        rule=rule,
        code=r.code,
        severity=settings.severity_for(rule, severity),
        message=message,
        path=result.path,
        start=claim.start,
        end=claim.end,
        line=claim.line,
        column=claim.column,
        text=claim.text,
        claim=claim.id,
        related=list(related or []),
        reference=reference,
        sources=list(sources or []),
        suggestion=suggestion,
    )


def label(reference: Reference, kind: str | None) -> str:
    k = reference.kinds.get(kind or "")
    return k.label if k else (kind or "quantity")


def entry_violations(result: DocumentResult, reference: Reference, rule: str, claims=None):
    """(claim, entry) for each claim outside the accepted range of the entry that applies to it,
    when that entry belongs to `rule`."""
    for claim in result.claims if claims is None else claims:
        entry = applicable_entry(claim, result, reference)
        if entry is None or entry.rule != rule:
            continue
        if outside(claim.min, claim.max, entry.accepted.min, entry.accepted.max):
            yield claim, entry
