"""internal-inconsistency (CC401): one document states incompatible values for the same kind,
setting (an unstated setting matches any), subject, target and indication (and, for treatment
frequency, the same needle depth). Different targets (redness vs bruising, the needling vs the whole
visit) are never compared; a value without a target is compared with every target. Entries of a list, a table or a run of sibling
headings are alternatives and are not compared with each other, and neither are personal reports ("my
redness lasts 10 days": in a thread, each poster describes their own routine) nor research findings
("the 2014 trial found..."). A kind may ask for values to differ by its `consistency_ratio` before they
contradict (milestones of one timeline), and in its `consistency_except` settings values are compared
only against a stated limit (how often to roll at home). Values in one paragraph
are variants of one thing; only a restatement in apposition within a sentence is compared there."""
from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict

from ..model import Claim, DocumentResult, Finding
from ..reference.model import SETTINGS, Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, depth_context, describe, label, overlaps, tolerance

RULE = "internal-inconsistency"
# a first-person report ("I do 1mm every 10 days", "mine is gone in 4 days"), not advice given in the
# first person ("I recommend", "I always tell clients")
_PERSONAL = re.compile(
    r"(?i)\b(?:my(?!\s+(?:advice|recommendation|tip|rule)s?\b)|mine|(?<=for )me|i(?!\.e\.))\b(?!(?:'d|\s+would|\s+always|\s+usually|\s+often|\s+strongly)*\s+(?:recommend|advise|suggest|tell))"
    r"(?!\s+(?:will\s+follow|understand|agree|accept|acknowledge|confirm|consent|have\s+read)\b)")


# a finding of research ("the 2014 trial found the clearest difference at six months"), not the page's advice
# (not a bride's makeup trials)
_RESEARCH = re.compile(
    r"(?i)\b(?:stud(?:y|ies)|researchers|participants|meta-analys[ie]s|systematic review"
    r"|(?:clinical|randomi[sz]ed|controlled|split-face)\s+trials?|in\s+(?:the|one|a|two|several)\s+trials?"
    r"|trials?(?:\s+\S+){0,3}?\s+(?:found|showed|reported|suggested))\b")


def is_compared(claim: Claim, personal: dict[str, bool] | None = None) -> bool:
    """Whether a claim takes part in consistency checks: asserted, and neither a personal report nor a
    research finding. `personal` caches the answer per sentence (one long sentence may hold thousands
    of claims)."""
    if claim.modality != "asserted" or claim.mention:
        return False
    if personal is None:
        personal = {}
    found = personal.get(claim.sentence)
    if found is None:
        found = personal[claim.sentence] = _PERSONAL.search(claim.sentence) is not None or \
            _RESEARCH.search(claim.sentence) is not None
    return not found


def claim_context(claim: Claim, result: DocumentResult) -> tuple:
    depth = None
    if claim.kind != "needle_depth":
        d = depth_context(claim, result)
        if d is not None and (d.sentence == claim.sentence or _labels(d, claim)):
            depth = (d.min, d.max)
    return (claim.kind, claim.subject, claim.indication, depth)


def _labels(depth: Claim, claim: Claim) -> bool:
    """Whether a depth stands in a short label or heading right above the claim's paragraph ("0.5 mm
    heads" over "Roll once a week."), or in the heading of its section (a product card's "Velvet Skin
    0.25 mm Face Roller" over its "How to use: roll 2-3 times a week")."""
    if depth.paragraph is None or claim.paragraph is None:
        return False
    if depth.paragraph == claim.section and depth.paragraph != claim.paragraph:
        return len(depth.sentence.split()) <= 8
    if claim.paragraph - depth.paragraph != 1:
        return False
    if depth.enumeration is not None and claim.enumeration is not None and depth.enumeration[0] == claim.enumeration[0]:
        return False  # the entry before in the same list: "0.5 mm: once a week" over "Body: every 2 weeks"
    return len(depth.sentence.split()) <= 6


def check(result: DocumentResult, reference: Reference, settings: CheckSettings) -> list[Finding]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    personal: dict[str, bool] = {}
    for claim in result.claims:
        kind = reference.kinds.get(claim.kind or "")
        if kind is not None and kind.consistency and is_compared(claim, personal):
            groups[claim_context(claim, result)].append(claim)
    findings = []
    severity = reference.rule_severity.get(RULE, "warning")
    for claims in groups.values():
        reported: set[frozenset] = set()
        kind = reference.kinds[claims[0].kind]
        earlier_values = _EarlierValues(list(kind.targets), kind.consistency_ratio)
        # values within one paragraph describe variants of one thing ("leave it on for 30 to 45 minutes.
        # Around the eyes, 20 minutes is enough"): a claim is compared only with those of earlier
        # paragraphs, and with an earlier value of its sentence that it restates in apposition
        this_paragraph: list[Claim] = []
        for later in claims:
            if this_paragraph and not _same_paragraph(this_paragraph[0], later):
                for claim in this_paragraph:
                    earlier_values.add(claim)
                this_paragraph.clear()
            earlier = earlier_values.first_conflicting(later) or _restated_differently(this_paragraph, later, result.text)
            this_paragraph.append(later)
            if earlier is None:
                continue
            if later.setting in kind.consistency_except and earlier.setting in kind.consistency_except \
                    and None not in (later.min, later.max, earlier.min, earlier.max):
                continue  # "every day" and "once a week" at home, each for its own needle length, perhaps
            pair = frozenset((describe(earlier), describe(later)))  # "24 hours" vs "the same day" once, either way round
            if pair in reported:
                continue
            reported.add(pair)
            what = label(reference, later.kind) + (f" ({later.subject})" if later.subject else "")
            where = SETTING_WORDS[later.setting]
            message = (
                f"{what}{(' ' + where) if where else ''} is given as {describe(later)} here but as "
                f"{describe(earlier)} on line {earlier.line} (\"{earlier.text}\"). Make them agree."
            )
            findings.append(claim_finding(RULE, later, result, message, severity, settings, related=[earlier.id]))
    return findings


# what may stand between a value and its restatement in the same sentence: "a slight angle to your
# skin, about 90 degrees" (no "or", "for", "and", ";"... that would make them alternatives)
_RESTATEMENT = re.compile(r"(?i)(?:(?!\b(?:or|for|and|but|if|while|then|to\s+\d)\b)[^;.!?()])*?[,(–—-]\s*(?:about|around|roughly|approximately|approx\.?|i\.e\.,?|that is,?)?\s*")


def _restated_differently(same_paragraph: list[Claim], later: Claim, text: str) -> Claim | None:
    """The value just before `later` in its sentence, when `later` restates it in apposition with a
    disjoint range."""
    if not same_paragraph:
        return None
    earlier = same_paragraph[-1]
    compatible = (later.setting is None or earlier.setting in (later.setting, None)) and (
        later.target is None or earlier.target in (later.target, None))
    if compatible and _same_sentence(earlier, later) and not overlaps(earlier, later) \
            and _RESTATEMENT.fullmatch(text, earlier.end, later.start):
        return earlier
    return None


def _same_paragraph(a: Claim, b: Claim) -> bool:
    if a.paragraph is None or b.paragraph is None:
        return _same_sentence(a, b)
    return a.paragraph == b.paragraph


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.sentence == b.sentence and abs(a.start - b.start) <= len(a.sentence)


def _low(claim: Claim) -> float:
    return claim.min if claim.min is not None else -math.inf


def _high(claim: Claim) -> float:
    """The upper bound with the 1% tolerance of `overlaps`: two claims are disjoint when one's low
    exceeds the other's high."""
    if claim.max is None:
        return math.inf
    return claim.max + tolerance(claim.max)


class _EarlierValues:
    """The claims seen so far in a group, answering: which is the first one whose range is disjoint
    from a new claim's (with a compatible setting, and not an alternative in a list)? Same answer as
    comparing the new claim with each earlier one in turn, in O(log n): only a claim whose low is above
    every earlier low (or whose high is below every earlier high) can be the first one disjoint from
    anything, so each pool of claims keeps two short "staircases" in document order per setting and
    target, searched by bisection.

    Pools: every claim; the claims outside any enumeration; the claims of each entry of an enumeration
    (list item, table row, heading of a run of sibling headings). A claim outside enumerations is
    compared with every earlier claim; a claim in an entry with claims outside enumerations, in the
    same entry, and with every claim that came before its enumeration began (a prefix of the pool of
    every claim): entries of one list, table or menu are alternatives ("Express Glow ... 30 min",
    "Signature ... 75 min"), not statements that contradict each other, but a checklist that repeats
    the aftercare list above it with other values does contradict it."""

    def __init__(self, targets: list[str], ratio: float = 1.0) -> None:
        # (pool, setting filter, target filter) -> (ascending lows, their claims) and (descending highs
        # negated, their claims); setting filter None holds every claim of the pool (for a claim of
        # unstated setting), "home"/"professional" the claims of that setting or of unstated setting;
        # likewise for targets
        self.targets = targets
        self.ratio = ratio  # how many times over one value must exceed the other (the kind's consistency_ratio)
        self.rising: dict[tuple, tuple[list[float], list[int]]] = {}
        self.falling: dict[tuple, tuple[list[float], list[int]]] = {}
        self.claims: list[Claim] = []
        # enumeration -> how many claims had been added when its first claim came
        self.enumeration_start: dict[tuple, int] = {}

    def add(self, claim: Claim) -> None:
        n = len(self.claims)
        self.claims.append(claim)
        pools = ["all", "plain" if claim.enumeration is None else ("entry", claim.enumeration)]
        settings = [None] + [s for s in SETTINGS if claim.setting in (s, None)]
        targets = [None] + [t for t in self.targets if claim.target in (t, None)]
        filters = [(s, t) for s in settings for t in targets]
        for pool in pools:
            for f in filters:
                lows, owners = self.rising.setdefault((pool, f), ([], []))
                if not lows or _low(claim) > lows[-1]:
                    lows.append(_low(claim))
                    owners.append(n)
                highs, owners = self.falling.setdefault((pool, f), ([], []))
                if not highs or -_high(claim) > highs[-1]:
                    highs.append(-_high(claim))
                    owners.append(n)

    def first_conflicting(self, claim: Claim) -> Claim | None:
        found: list[int] = []
        if claim.enumeration is None:
            searches = [("all", len(self.claims))]
        else:
            start = self.enumeration_start.setdefault(claim.enumeration[0], len(self.claims))
            searches = [("plain", len(self.claims)), (("entry", claim.enumeration), len(self.claims)), ("all", start)]
        for pool, before in searches:
            # an earlier claim entirely above this one: its low beyond this one's high
            lows, owners = self.rising.get((pool, (claim.setting, claim.target)), ([], []))
            i = bisect.bisect_right(lows, _high(claim) * self.ratio)
            if i < len(lows) and owners[i] < before:
                found.append(owners[i])
            # an earlier claim entirely below: its high short of this one's low
            highs, owners = self.falling.get((pool, (claim.setting, claim.target)), ([], []))
            i = bisect.bisect_right(highs, -_low(claim) / self.ratio)
            if i < len(highs) and owners[i] < before:
                found.append(owners[i])
        return self.claims[min(found)] if found else None
