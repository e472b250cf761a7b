"""The data the flow passes along: claims extracted from a document, findings about them, and the
per-document result that every output format renders."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .reference.model import SourceRef

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


class _CompactPickle:
    """Pickles as its class and a tuple of field values: a third fewer bytes and ~40% faster to load
    than the default (an attribute dict per object), which counts with --jobs, where every result
    crosses a process boundary."""

    def __reduce__(self):
        return (self.__class__, tuple(getattr(self, f.name) for f in fields(self)))


@dataclass
class Claim(_CompactPickle):
    id: str
    kind: str | None  # None: a quantity that fits no kind (reported only with --all)
    text: str
    start: int
    end: int
    line: int
    column: int
    sentence: str
    value: dict[str, Any]  # {"min", "max", "unit"} as written, unit spelled canonically
    normalized: dict[str, Any]  # {"min", "max", "unit"}: mm | day | count | degree | percent
    vague: bool = False
    setting: str | None = None
    subject: str | None = None
    target: str | None = None  # what the value is about, when the kind tells targets apart (redness, bruising)
    modality: str = "asserted"
    indication: str | None = None
    frequency: bool = False
    approximate: bool = False
    unit_written: bool = True  # False: a bare number read in the kind's unit ("a cheap 0.5")
    # (enumeration, member): the claim sits in one entry of a list, table or run of sibling headings
    # ("Express Glow .... 30 min", "Forehead: 0.5 mm"); entries of one enumeration are alternatives
    enumeration: tuple | None = None
    paragraph: int | None = None  # the structural block (paragraph, list item, row...) holding the claim
    section: int | None = None  # the block of the heading the claim sits under, if any
    # the page names the value without stating it as its own figure ("a change after one session"):
    # reported, never compared with the reference or with other claims
    mention: bool = False

    @property
    def min(self) -> float | None:
        return self.normalized["min"]

    @property
    def max(self) -> float | None:
        return self.normalized["max"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
            "value": dict(self.value),
            "normalized": dict(self.normalized),
            "vague": self.vague,
            "setting": self.setting,
            "subject": self.subject,
            "target": self.target,
            "modality": self.modality,
            "indication": self.indication,
            "mention": self.mention,
        }


@dataclass
class Finding(_CompactPickle):
    """One diagnostic: a rule that fired on a span of a document."""

    rule: str
    code: str
    severity: str  # error | warning | info
    message: str
    path: str
    start: int
    end: int
    line: int
    column: int
    text: str
    claim: str | None = None  # claim id
    related: list[str] = field(default_factory=list)
    reference: str | None = None  # reference entry id
    sources: list[SourceRef] = field(default_factory=list)
    suggestion: str | None = None
    end_line: int | None = None
    end_column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "claim": self.claim,
            "related": list(self.related),
            "reference": self.reference,
            "sources": [{"title": s.title, "url": s.url} for s in self.sources],
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
        }


@dataclass
class PhraseHit(_CompactPickle):
    """A phrase from a phrase check (claims.yaml `phrases`) found in a document, with its context."""

    check: str  # phrase check id
    start: int
    end: int
    text: str
    sentence: str
    setting: str | None
    modality: str
    hedged: bool
    requirement_met: bool
    line: int = 0
    column: int = 0


@dataclass
class DocumentResult(_CompactPickle):
    path: str
    text: str
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    quantities: list[Claim] = field(default_factory=list)  # unclassified quantities (for --all)
    phrase_hits: list[PhraseHit] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)  # safety topics mentioned anywhere
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    format: str = "text"

    def claim_by_id(self, cid: str) -> Claim | None:
        for c in self.claims:
            if c.id == cid:
                return c
        return None

    def to_dict(self, include_findings: bool = True, include_all: bool = False) -> dict[str, Any]:
        claims = self.claims + (self.quantities if include_all else [])
        out: dict[str, Any] = {"path": self.path, "claims": [c.to_dict() for c in claims]}
        if include_findings:
            out["findings"] = [f.to_dict() for f in self.findings]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.error:
            out["error"] = self.error
        return out
