"""Helpers shared by the checks: which reference entry applies to a claim, range comparison with
tolerance, and building findings."""
from __future__ import annotations

import bisect
from collections import defaultdict

from ..model import Claim, DocumentResult, Finding
from ..nlp.units import format_range
from ..reference.model import Entry, Reference, SourceRef
from . import RULES, CheckSettings

TOLERANCE = 0.01  # relative: bounds within 1% count as equal


def tolerance(x: float) -> float:
    return abs(x) * TOLERANCE + 1e-9


def outside(cmin: float | None, cmax: float | None, amin: float | None, amax: float | None) -> bool:
    """True when a stated bound of the claim lies outside the accepted range (open bounds are unstated)."""
    if amin is not None:
        for v in (cmin, cmax):
            if v is not None and v < amin - tolerance(amin):
                return True
    if amax is not None:
        for v in (cmin, cmax):
            if v is not None and v > amax + tolerance(amax):
                return True
    return False


def overlaps(a: Claim, b: Claim) -> bool:
    lo_a = a.min if a.min is not None else float("-inf")
    hi_a = a.max if a.max is not None else float("inf")
    lo_b = b.min if b.min is not None else float("-inf")
    hi_b = b.max if b.max is not None else float("inf")
    return lo_a <= hi_b + tolerance(hi_b if hi_b != float("inf") else 0) and lo_b <= hi_a + tolerance(hi_a if hi_a != float("inf") else 0)


def describe(claim: Claim) -> str:
    return format_range(claim.min, claim.max, claim.normalized["unit"])


def depth_context(claim: Claim, result: DocumentResult) -> Claim | None:
    """The needle depth that qualifies a claim: stated in the same sentence (the nearest one), else the
    nearest earlier depth claim with the same setting."""
    return _depth_index(result).context_of(claim)


class _DepthIndex:
    """The document's needle depths by sentence and by setting, in document order, so each claim's
    depth is found by bisection (a page of thousands of claims stays linear)."""

    def __init__(self, claims: list[Claim]) -> None:
        depths = [c for c in claims if c.kind == "needle_depth" and c.modality not in ("warning", "negated")]
        self.by_sentence: dict[str, list[Claim]] = defaultdict(list)
        self.by_setting: dict[str | None, list[Claim]] = defaultdict(list)
        for d in sorted(depths, key=lambda d: d.start):  # stable: claims of one span keep their order
            self.by_sentence[d.sentence].append(d)
            self.by_setting[d.setting].append(d)
        self.sentence_starts = {k: [d.start for d in v] for k, v in self.by_sentence.items()}
        self.setting_starts = {k: [d.start for d in v] for k, v in self.by_setting.items()}

    def context_of(self, claim: Claim) -> Claim | None:
        same = self.by_sentence.get(claim.sentence)
        if same:
            starts = self.sentence_starts[claim.sentence]
            i = bisect.bisect_left(starts, claim.start)
            if i == len(same):
                return same[bisect.bisect_left(starts, starts[-1])]
            if i == 0:
                return same[0]
            left = bisect.bisect_left(starts, starts[i - 1])  # first of the nearest start before
            # the nearer by the gap between them ("0.25 mm daily, 0.5 mm 2–3 times a week")
            return same[left] if claim.start - same[left].end <= starts[i] - claim.end else same[i]
        before = self.by_setting.get(claim.setting)
        if not before:
            return None
        i = bisect.bisect_left(self.setting_starts[claim.setting], claim.start)
        return before[i - 1] if i else None


_last_index: tuple[DocumentResult, list[Claim], int, _DepthIndex] | None = None


def _depth_index(result: DocumentResult) -> _DepthIndex:
    global _last_index
    cached = _last_index
    if cached is not None and cached[0] is result and cached[1] is result.claims and cached[2] == len(result.claims):
        return cached[3]
    index = _DepthIndex(result.claims)
    _last_index = (result, result.claims, len(result.claims), index)
    return index


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
            if depth is None and entry.depth_unstated == "skip":
                continue
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
        if entry is None or entry.rule != rule or entry.accepted is None:
            continue
        if outside(claim.min, claim.max, entry.accepted.min, entry.accepted.max):
            yield claim, entry
