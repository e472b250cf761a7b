"""Accuracy against an annotated corpus: each page `NAME.EXT` with a sidecar `NAME.EXT.ann.yaml`
(docs/annotation-format.md). Predicted claims and findings are matched one-to-one to the annotations;
precision, recall and F1 per kind, per rule and per split (dev / heldout).

A page annotated twice, by a second annotator who never saw the first sidecar, also has
`NAME.EXT.ann2.yaml`; `agreement` scores the second annotator against the first the same way, which
shows how far the guidelines themselves decide each call."""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Claim, DocumentResult, Finding
from .reference.yamlfile import YamlError, load_yaml_file

SIDECAR = ".ann.yaml"
SECOND_SIDECAR = ".ann2.yaml"
PER_DOCUMENT_RULES = {
    "reference-contradiction", "risky-home-use", "absolute-claim", "internal-inconsistency", "missing-safety-information",
}


class AnnotationError(Exception):
    pass


@dataclass
class GoldClaim:
    start: int
    end: int
    text: str
    kind: str
    min: float | None
    max: float | None
    setting: str | None
    subject: str | None
    line: int
    modality: str | None = None


@dataclass
class GoldFinding:
    start: int | None
    end: int | None
    text: str | None
    rule: str
    line: int


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Mistake:
    split: str
    path: str
    line: int
    what: str  # "miss" | "false alarm"
    category: str  # kind or rule
    detail: str


@dataclass
class SplitResult:
    claims: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    findings: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    setting_right: int = 0
    modality_right: int = 0
    matched_claims: int = 0
    pages: int = 0

    @staticmethod
    def total(table: dict[str, Counts]) -> Counts:
        out = Counts()
        for c in table.values():
            out.tp += c.tp
            out.fp += c.fp
            out.fn += c.fn
        return out


@dataclass
class Evaluation:
    splits: dict[str, SplitResult]
    mistakes: list[Mistake]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"splits": {}, "mistakes": []}
        for name, s in sorted(self.splits.items()):
            out["splits"][name] = {
                "pages": s.pages,
                "claims": {k: v.as_dict() for k, v in sorted(s.claims.items())},
                "claims_total": s.total(s.claims).as_dict(),
                "findings": {k: v.as_dict() for k, v in sorted(s.findings.items())},
                "findings_total": s.total(s.findings).as_dict(),
                "setting_accuracy": round(s.setting_right / s.matched_claims, 4) if s.matched_claims else None,
                "modality_accuracy": round(s.modality_right / s.matched_claims, 4) if s.matched_claims else None,
            }
        out["mistakes"] = [m.__dict__ for m in self.mistakes]
        return out


def _offset(text: str, quote: str, occurrence: int, sidecar: str) -> int:
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(quote, pos + 1)
        if pos == -1:
            raise AnnotationError(f"{sidecar}: text {quote!r} (occurrence {occurrence}) not found in the page")
    return pos


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def load_annotations(page: Path, text: str, suffix: str = SIDECAR) -> tuple[str, list[GoldClaim], list[GoldFinding]]:
    sidecar = str(page) + suffix
    try:
        data = load_yaml_file(sidecar)
    except YamlError as exc:
        raise AnnotationError(str(exc)) from None
    if not isinstance(data, dict):
        raise AnnotationError(f"{sidecar}: expected a mapping")
    claims = []
    for item in data.get("claims") or []:
        start = _offset(text, item["text"], int(item.get("occurrence") or 1), sidecar)
        claims.append(GoldClaim(start, start + len(item["text"]), item["text"], item["kind"], item.get("min"),
                                item.get("max"), item.get("setting"), item.get("subject"), _line(text, start),
                                item.get("modality")))
    findings = []
    for item in data.get("findings") or []:
        quote = item.get("text")
        if quote is None:
            findings.append(GoldFinding(None, None, None, item["rule"], 1))
        else:
            start = _offset(text, quote, int(item.get("occurrence") or 1), sidecar)
            findings.append(GoldFinding(start, start + len(quote), quote, item["rule"], _line(text, start)))
    return str(data.get("split") or "dev"), claims, findings


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.01, 0.01 * abs(b))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _match(gold: list, predicted: list, fits) -> tuple[list, list, list]:
    """Greedy one-to-one matching: each gold item takes the first unused prediction that fits it."""
    used: set[int] = set()
    matched, missed = [], []
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and fits(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            matched.append((g, predicted[hit]))
    return matched, missed, [p for i, p in enumerate(predicted) if i not in used]


def _claim_fits(g: GoldClaim, p: Claim) -> bool:
    """Same kind, overlapping spans, same subject when annotated, bounds within 1% (or 0.01)."""
    return (
        p.kind == g.kind and _overlap(g.start, g.end, p.start, p.end)
        and (g.subject is None or p.subject == g.subject)
        and _close(p.min, g.min) and _close(p.max, g.max)
    )


def _finding_fits(g: GoldFinding, p: Finding) -> bool:
    return p.rule == g.rule and (g.start is None or p.start is None or _overlap(g.start, g.end, p.start, p.end))


def match_claims(gold: list[GoldClaim], predicted: list[Claim]):
    return _match(gold, predicted, _claim_fits)


def match_findings(gold: list[GoldFinding], predicted: list[Finding]):
    return _match(gold, predicted, _finding_fits)


def annotated_pages(paths: list[str]) -> list[Path]:
    pages = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(SIDECAR):
                        pages.append(Path(root) / name[: -len(SIDECAR)])
        elif p.exists() and Path(str(p) + SIDECAR).exists():
            pages.append(p)
        else:
            raise AnnotationError(f"{raw}: no annotated pages (expected PAGE and PAGE{SIDECAR})")
    return pages


def evaluate(paths: list[str], reference: str | None = None) -> Evaluation:
    """Check every annotated page on its own and score it against its annotations."""
    from .checker import Checker

    checker = Checker(reference)
    splits: dict[str, SplitResult] = defaultdict(SplitResult)
    mistakes: list[Mistake] = []
    pages = annotated_pages(paths)
    results: list[DocumentResult] = list(checker.check_paths_iter(str(p) for p in pages))
    for page, result in zip(pages, results):
        if result.error:
            raise AnnotationError(result.error)
        split, gold_claims, gold_findings = load_annotations(page, result.text)
        predicted = [f for f in result.findings if f.rule in PER_DOCUMENT_RULES]
        _score(splits[split], mistakes, split, page, gold_claims, gold_findings, result.claims, predicted)
    return Evaluation(dict(splits), mistakes)


def _describe(item: Claim | GoldClaim) -> str:
    return f"{item.text!r} {item.min}-{item.max} {item.setting or ''} {item.subject or ''}".strip()


def _score(s: SplitResult, mistakes: list[Mistake], split: str, page: Path, gold_claims: list[GoldClaim],
           gold_findings: list[GoldFinding], claims: list, findings: list) -> None:
    """Count one page: `claims` and `findings` are the checker's, or a second annotator's."""
    s.pages += 1
    matched, missed, extra = match_claims(gold_claims, claims)
    for g, p in matched:
        s.claims[g.kind].tp += 1
        s.matched_claims += 1
        s.setting_right += p.setting == g.setting
        s.modality_right += p.modality == g.modality
    for g in missed:
        s.claims[g.kind].fn += 1
        mistakes.append(Mistake(split, str(page), g.line, "miss", g.kind, _describe(g)))
    for p in extra:
        s.claims[p.kind or "?"].fp += 1
        mistakes.append(Mistake(split, str(page), p.line, "false alarm", p.kind or "?", _describe(p)))
    fmatched, fmissed, fextra = match_findings(gold_findings, findings)
    for g, _ in fmatched:
        s.findings[g.rule].tp += 1
    for g in fmissed:
        s.findings[g.rule].fn += 1
        mistakes.append(Mistake(split, str(page), g.line, "miss", g.rule, repr(g.text) if g.text else "(document)"))
    for p in fextra:
        s.findings[p.rule].fp += 1
        why = f": {p.message[:90]}" if isinstance(p, Finding) else ""
        mistakes.append(Mistake(split, str(page), p.line, "false alarm", p.rule,
                                (repr(p.text) if p.text else "(document)") + why))


def agreement(paths: list[str]) -> Evaluation:
    """Score the second annotator (`PAGE.ann2.yaml`) against the first (`PAGE.ann.yaml`) on every page
    annotated twice; the tables read as for `evaluate`, with the second annotator as the predictor."""
    from .sources import SourceError, read_source

    splits: dict[str, SplitResult] = defaultdict(SplitResult)
    mistakes: list[Mistake] = []
    for page in annotated_pages(paths):
        if not Path(str(page) + SECOND_SIDECAR).exists():
            continue
        try:
            text = read_source(str(page)).text
        except SourceError as exc:
            raise AnnotationError(str(exc)) from None
        split, first_claims, first_findings = load_annotations(page, text)
        _, second_claims, second_findings = load_annotations(page, text, SECOND_SIDECAR)
        _score(splits[split], mistakes, split, page, first_claims, first_findings, second_claims, second_findings)
    if not splits:
        raise AnnotationError(f"{' '.join(paths)}: no page annotated twice (expected PAGE{SIDECAR} and PAGE{SECOND_SIDECAR})")
    return Evaluation(dict(splits), mistakes)


def render_text(ev: Evaluation) -> str:
    lines = []
    for name, s in sorted(ev.splits.items()):
        lines.append(f"== {name}: {s.pages} pages")
        for title, table in (("claims by kind", s.claims), ("findings by rule", s.findings)):
            lines.append(f"{title:32} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
            rows = sorted(table.items()) + [("TOTAL", s.total(table))]
            for key, c in rows:
                lines.append(f"  {key:30} {c.tp:4d} {c.fp:4d} {c.fn:4d} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
        if s.matched_claims:
            for what, right in (("setting", s.setting_right), ("modality", s.modality_right)):
                lines.append(f"{what} right on matched claims: {right}/{s.matched_claims} "
                             f"({right / s.matched_claims:.3f})")
        lines.append("")
    if ev.mistakes:
        lines.append("misses and false alarms:")
        for m in ev.mistakes:
            lines.append(f"  {m.path}:{m.line}: [{m.split}] {m.what}: {m.category}: {m.detail}")
    return "\n".join(lines) + "\n"
