"""cross-document-inconsistency (CC402): several documents checked together state incompatible
values for the same kind and context. One finding per disagreement, on the first page's claim,
listing every value and page."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ..model import Claim, DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, describe, label, tolerance
from .internal_inconsistency import claim_context

RULE = "cross-document-inconsistency"
# how much one finding's message lists (every claim is in the finding's related claims)
MAX_VALUES = 8
MAX_PLACES = 3


@dataclass
class _Stated:
    path: str
    claim: Claim


class CrossDocumentIndex:
    """Compact record of asserted claims per context, fed one document at a time."""

    def __init__(self, reference: Reference) -> None:
        self.groups: dict[tuple, list[_Stated]] = defaultdict(list)
        self.compared = {k.id for k in reference.kinds.values() if k.consistency}

    def add(self, result: DocumentResult) -> None:
        for claim in result.claims:
            if claim.modality == "asserted" and claim.setting is not None and claim.kind in self.compared:
                self.groups[(claim.setting, *claim_context(claim, result))].append(_Stated(result.path, claim))

    def findings(self, reference: Reference, settings: CheckSettings) -> list[Finding]:
        severity = reference.rule_severity.get(RULE, "warning")
        out = []
        for key, stated in self.groups.items():
            paths = {s.path for s in stated}
            if len(paths) < 2:
                continue
            if not _pages_disagree(stated):
                continue
            anchor = stated[0]
            what = label(reference, anchor.claim.kind) + (f" ({anchor.claim.subject})" if anchor.claim.subject else "")
            where = SETTING_WORDS[anchor.claim.setting]
            values = _values_and_places(stated)
            message = f"Pages disagree on {what}{(' ' + where) if where else ''}: {values}. Use one value across the site."
            related = [f"{s.path}#{s.claim.id}" for s in stated[1:]]
            finding = claim_finding(RULE, anchor.claim, _Path(anchor.path), message, severity, settings, related=related)
            out.append(finding)
        return out


class _Path:
    def __init__(self, path: str) -> None:
        self.path = path


def _pages_disagree(stated: list[_Stated]) -> bool:
    """Whether two claims from different pages have disjoint ranges (one's low above the other's high,
    with the tolerance of `overlaps`). Linear: it is enough to try the two highest lows and the two
    lowest highs that come from different pages."""
    highest_lows = _two_extremes(stated, lambda c: c.min if c.min is not None else -math.inf, highest=True)
    lowest_highs = _two_extremes(
        stated, lambda c: c.max + tolerance(c.max) if c.max is not None else math.inf, highest=False
    )
    return any(path_a != path_b and low > high for low, path_a in highest_lows for high, path_b in lowest_highs)


def _two_extremes(stated: list[_Stated], value, highest: bool) -> list[tuple[float, str]]:
    """The most extreme value and the most extreme one from another page, with their pages."""
    best: dict[str, float] = {}
    for s in stated:
        v = value(s.claim)
        if s.path not in best or (v > best[s.path] if highest else v < best[s.path]):
            best[s.path] = v
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=highest)[:2]
    return [(v, path) for path, v in ranked]


def _values_and_places(stated: list[_Stated]) -> str:
    """"4 weeks to 6 weeks in a.md:3, b.md:9 and 4 more places; 1 week in c.md:2": each distinct value
    once, in order of first appearance, so a site-wide disagreement stays readable."""
    places: dict[str, list[str]] = defaultdict(list)
    for s in stated:
        places[describe(s.claim)].append(f"{s.path}:{s.claim.line}")
    parts = []
    for value, where in list(places.items())[:MAX_VALUES]:
        listed = ", ".join(where[:MAX_PLACES])
        more = len(where) - MAX_PLACES
        parts.append(f"{value} in {listed}" + (f" and {more} more place{'s' if more > 1 else ''}" if more > 0 else ""))
    text = "; ".join(parts)
    if len(places) > MAX_VALUES:
        text += f"; and {len(places) - MAX_VALUES} more values"
    return text
