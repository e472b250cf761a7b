"""The curated reference: claim kinds with their cue words, reference entries with ranges and
sources, phrase checks, and the context vocabulary (settings, modality, hedges)."""
from __future__ import annotations

from dataclasses import dataclass, field

DIMENSIONS = {"length", "duration", "count", "angle", "percent"}
NORMALIZED_UNITS = {"length": "mm", "duration": "day", "count": "count", "angle": "degree", "percent": "percent"}
SETTINGS = ("home", "professional")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Cue:
    phrase: str
    weight: float = 1.0


@dataclass
class Kind:
    id: str
    label: str
    dimension: str
    cues: list[Cue]
    subjects: dict[str, list[str]] = field(default_factory=dict)
    # distinct things a value can be about that the reference does not tell apart (redness vs bruising,
    # the needling vs the whole visit); values for different targets are never compared with each other
    targets: dict[str, list[str]] = field(default_factory=dict)
    subject_required: bool = False
    default_subject: str | None = None
    accepts_immediate: bool = False
    accepts_frequency: bool = False
    advice_cues_are_claim: bool = False  # "avoid X for 2 days": the warning words are the claim itself
    quantity_phrases: dict[str, tuple[float, float]] = field(default_factory=dict)
    description: str = ""
    plausible: "Range | None" = None  # values outside it cannot be this kind ("6 weeks" is no session length)
    consistency: bool = True  # compare values within and across documents
    # two values disagree only when one exceeds the other this many times over: the milestones of one
    # timeline (first change at 4-6 weeks, peak at 3-6 months) are not a contradiction, 48 hours and 6 weeks are
    consistency_ratio: float = 1.0
    # settings whose values are compared within a page only against a stated limit (an open bound, "no
    # more than twice a week"), and never across pages: how often to roll at home depends on a needle
    # length that pages often leave to the context
    consistency_except: list[str] = field(default_factory=list)
    singular_requires: list[str] = field(default_factory=list)  # a value of exactly 1 needs one of these phrases
    # ... or one of these, which name the value without stating it ("after one session"): a mention
    singular_mentions: list[str] = field(default_factory=list)
    timeline: bool = False  # a point counted from the treatment ("day 5", "by week 6") can be this kind
    not_cues: list[str] = field(default_factory=list)  # phrases in which its cues and subjects do not count ("every time")
    # numbers written without a unit ("a cheap 0.5") read in `bare_unit` when within this range
    bare_numbers: "Range | None" = None
    bare_unit: str | None = None
    # a value inside one of these ranges implies its setting where its sentence names none: nobody books a
    # clinic session twice a week
    setting_by_value: "dict[str, Range]" = field(default_factory=dict)


@dataclass(frozen=True)
class Range:
    min: float | None
    max: float | None
    unit: str

    def describe(self) -> str:
        from ..nlp.units import format_range

        return format_range(self.min, self.max, self.unit)


@dataclass
class Entry:
    """A reference statement: what is accepted for a kind of claim in a context."""

    id: str
    kind: str
    setting: tuple[str | None, ...] | None  # None = any setting
    subject: str | None
    indication: str | None
    depth_min: float | None
    depth_max: float | None
    typical: Range | None
    accepted: Range | None  # None: the sources give a typical value only; the entry informs, never flags
    rule: str
    severity: str
    rationale: str
    message: str | None
    sources: list[SourceRef]
    line: int = 0
    depth_unstated: str = "apply"  # or "skip": the entry ignores claims with no needle depth stated


@dataclass
class PhraseCheck:
    """A phrase-based check (absolutes, risky home practices)."""

    id: str
    rule: str
    patterns: list[str]
    requires: list[str]
    setting: str | None
    severity: str
    message: str
    suggestion: str | None
    sources: list[SourceRef]
    line: int = 0
    not_within: list[str] = field(default_factory=list)  # phrases in which the patterns do not count ("no pain, no gain")


@dataclass
class SafetyTopic:
    id: str
    label: str
    cues: list[str]


@dataclass
class Reference:
    path: str
    name: str
    version: str
    sources: dict[str, SourceRef]
    kinds: dict[str, Kind]
    entries: list[Entry]
    phrase_checks: list[PhraseCheck]
    settings: dict[str, list[Cue]]
    setting_discounts: list[str]
    # phrases in which setting cues do not count: product marketing ("dermatologist-tested")
    setting_not_cues: list[str]
    modality: dict[str, dict[str, list[str]]]
    terminators: list[str]
    myth_headings: list[str]
    fact_labels: list[str]
    # a page with one of these answers claims it quotes: its headings that are quotations are myths
    debunk_cues: list[str]
    hedges: list[str]
    qualifiers: list[str]  # right before an absolute phrase, they hedge it alone ("next-to-no downtime")
    indications: dict[str, list[str]]
    safety_topics: list[SafetyTopic]
    safety_sources: list[SourceRef]
    rule_severity: dict[str, str] = field(default_factory=dict)
    # figures about another treatment on a comparison page are not claims about this one
    own_treatment: list[str] = field(default_factory=list)
    other_treatments: list[str] = field(default_factory=list)
    # a section under one of these headings warns against what it lists ("Warning signs", "Red flags")
    warning_headings: list[str] = field(default_factory=list)

    def entries_for(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]
