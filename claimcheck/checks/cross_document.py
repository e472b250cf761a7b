"""cross-document-inconsistency (CC402): several documents checked together state incompatible
values for the same kind and context. One finding per disagreement, on the first page's claim,
naming the values and where they are stated. The index behind it keeps a constant amount per context,
so memory stays flat however many pages stream through."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Claim, DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, describe, label, tolerance
from .internal_inconsistency import claim_context, is_compared

RULE = "cross-document-inconsistency"
# how much one finding lists: values and places in its message, other claims in `related`
MAX_VALUES = 8
MAX_PLACES = 3
MAX_RELATED = 100


@dataclass
class _Group:
    """What the index keeps per context, bounded however many pages state it: the first claim (the
    finding's anchor), counts, the two highest lows and two lowest highs from different pages (enough to
    tell whether any two pages disagree), the first places of the first values, the first related
    claims, and the set of further distinct values (as many as the site has different values)."""

    anchor_path: str
    anchor: Claim
    claims: int = 0
    pages: int = 0
    last_document: int = -1
    lows: list[tuple[float, str]] = field(default_factory=list)
    highs: list[tuple[float, str]] = field(default_factory=list)
    values: dict[str, list] = field(default_factory=dict)  # value -> [places, count], first MAX_VALUES values
    more_values: set[str] = field(default_factory=set)
    related: list[str] = field(default_factory=list)


class CrossDocumentIndex:
    """Compact record of asserted claims per context, fed one document at a time."""

    def __init__(self, reference: Reference) -> None:
        self.groups: dict[tuple, _Group] = {}
        self.compared = {k.id for k in reference.kinds.values() if k.consistency}
        self.not_compared_in = {k.id: set(k.consistency_except) for k in reference.kinds.values()}
        self.documents = 0

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        personal: dict[str, bool] = {}
        for claim in result.claims:
            if claim.setting is not None and claim.kind in self.compared \
                    and claim.setting not in self.not_compared_in[claim.kind] and is_compared(claim, personal):
                # pages are compared target by target (a page's redness with another's, not with bruising)
                key = (claim.setting, *claim_context(claim, result), claim.target)
                group = self.groups.get(key)
                if group is None:
                    group = self.groups[key] = _Group(result.path, claim)
                else:
                    if len(group.related) < MAX_RELATED:
                        group.related.append(f"{result.path}#{claim.id}")
                _record(group, result.path, claim, self.documents)

    def findings(self, reference: Reference, settings: CheckSettings) -> list[Finding]:
        severity = reference.rule_severity.get(RULE, "warning")
        out = []
        for group in self.groups.values():
            if group.pages < 2 or not _disagree(group, reference.kinds[group.anchor.kind].consistency_ratio):
                continue
            anchor = group.anchor
            what = label(reference, anchor.kind) + (f" ({anchor.subject})" if anchor.subject else "")
            where = SETTING_WORDS[anchor.setting]
            message = f"Pages disagree on {what}{(' ' + where) if where else ''}: {_values_and_places(group)}. Use one value across the site."
            finding = claim_finding(RULE, anchor, _Path(group.anchor_path), message, severity, settings, related=group.related)
            out.append(finding)
        return out


class _Path:
    def __init__(self, path: str) -> None:
        self.path = path


def _record(group: _Group, path: str, claim: Claim, document: int) -> None:
    group.claims += 1
    if group.last_document != document:
        group.pages += 1
        group.last_document = document
    _keep_two(group.lows, claim.min if claim.min is not None else -math.inf, path, highest=True)
    _keep_two(group.highs, claim.max + tolerance(claim.max) if claim.max is not None else math.inf, path, highest=False)
    value = describe(claim)
    entry = group.values.get(value)
    if entry is None:
        if len(group.values) >= MAX_VALUES:
            group.more_values.add(value)
            return
        entry = group.values[value] = [[], 0]
    if len(entry[0]) < MAX_PLACES:
        entry[0].append(f"{path}:{claim.line}")
    entry[1] += 1


def _keep_two(best: list[tuple[float, str]], value: float, path: str, highest: bool) -> None:
    """Keep `best` as [the most extreme value, the most extreme one from another page]."""
    better = (lambda a, b: a > b) if highest else (lambda a, b: a < b)
    if not best:
        best.append((value, path))
    elif path == best[0][1]:
        if better(value, best[0][0]):
            best[0] = (value, path)
    elif better(value, best[0][0]):
        best[:] = [(value, path), best[0]]
    elif len(best) == 1 or better(value, best[1][0]):
        best[1:] = [(value, path)]


def _disagree(group: _Group, ratio: float = 1.0) -> bool:
    """Whether two claims from different pages have disjoint ranges (one's low above the other's high,
    with the tolerance of `overlaps`, `ratio` times over): it is enough to try the two highest lows
    against the two lowest highs."""
    return any(pa != pb and low > high * ratio for low, pa in group.lows for high, pb in group.highs)


def _values_and_places(group: _Group) -> str:
    """"4 weeks to 6 weeks in a.md:3, b.md:9 and 4 more places; 1 week in c.md:2": each distinct value
    once, in order of first appearance, so a site-wide disagreement stays readable."""
    parts = []
    for value, (places, count) in group.values.items():
        more = count - len(places)
        parts.append(f"{value} in {', '.join(places)}" + (f" and {more} more place{'s' if more > 1 else ''}" if more > 0 else ""))
    text = "; ".join(parts)
    if group.more_values:
        text += f"; and {len(group.more_values)} more values"
    return text
