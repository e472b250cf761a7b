"""Baselines: accept today's findings, fail only on new ones.

``claimcheck check --write-baseline FILE PATHS`` records every finding of the run (after in-file
suppressions) in FILE; ``claimcheck check --baseline FILE PATHS`` then drops the findings FILE
already holds, so only new ones are reported and can fail the run.

Entries are keyed on content, not position: (path, rule code, the finding's text, its context), all
whitespace-collapsed and case-folded, where the context is the sentence of the finding's claim or
phrase (else the finding's line). Paths are relative to the baseline file's directory. Identical
keys are matched as a multiset: the n-th occurrence in the document (in order of position) matches
the n-th entry (`occurrence`). So editing copy above a finding, or reflowing it, keeps it matched;
rewording the sentence it is in makes it new (and its old entry stale).

Entries for documents checked in this run that no longer match any finding are *stale*: reported
(one summary line on stderr, and in the JSON report's top-level ``"baseline"`` object) but they do
not fail the run. Entries for documents not checked in this run (pre-commit passes only changed
files), for unreadable documents, and for rules that did not run are left alone.

The file (JSON, sorted, one entry per finding; `line`, `severity` and `message` are informational)::

    {"claimcheck-baseline": 1, "tool": "claimcheck 0.1.0",
     "entries": [{"path": "copy/home.md", "code": "CC301", "rule": "absolute-claim", "text": "painless",
                  "context": "It is painless.", "occurrence": 1, "line": 4, "severity": "warning",
                  "message": "..."}]}
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checker import Report
    from .model import DocumentResult, Finding

FORMAT_VERSION = 1
MAX_CONTEXT = 400


class BaselineError(ValueError):
    """A baseline file that cannot be read or written; one line naming the file."""


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _doc_key_path(path: str, base_dir: str) -> str:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, base_dir)
    except ValueError:
        return Path(absolute).as_posix()
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def finding_context(doc: "DocumentResult", f: "Finding") -> str:
    """The sentence a finding is about: its claim's, else the phrase hit's at its start, else its line."""
    if f.claim:
        claim = doc.claim_by_id(f.claim)
        if claim is not None and claim.sentence:
            return " ".join(claim.sentence.split())[:MAX_CONTEXT]
    for hit in doc.phrase_hits:
        if hit.start == f.start and hit.sentence:
            return " ".join(hit.sentence.split())[:MAX_CONTEXT]
    text = doc.text
    if text and 0 <= f.start <= len(text):
        a = text.rfind("\n", 0, f.start) + 1
        b = text.find("\n", f.start)
        return " ".join(text[a : b if b != -1 else len(text)].split())[:MAX_CONTEXT]
    return " ".join(f.text.split())


@dataclass
class Entry:
    path: str
    code: str
    rule: str
    text: str
    context: str
    occurrence: int = 1
    line: int | None = None
    severity: str | None = None
    message: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.path, self.code.upper(), _norm(self.text), _norm(self.context))

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "code": self.code, "rule": self.rule, "text": self.text, "context": self.context,
                "occurrence": self.occurrence, "line": self.line, "severity": self.severity, "message": self.message}


@dataclass
class BaselineResult:
    path: str
    matched: int = 0
    new: int = 0
    stale: list[Entry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "matched": self.matched, "new": self.new,
                "stale": [{k: v for k, v in e.to_dict().items() if k != "message"} for e in self.stale]}

    def summary(self) -> str:
        line = (f"baseline {self.path}: {self.matched} finding{'s' if self.matched != 1 else ''} matched, "
                f"{self.new} new, {len(self.stale)} stale entr{'ies' if len(self.stale) != 1 else 'y'}")
        if self.stale:
            line += " (no longer found; rewrite the baseline with --write-baseline to drop them)"
        return line


def _entries_for(report: "Report", base_dir: str) -> list[tuple[Entry, "DocumentResult", "Finding"]]:
    out: list[tuple[Entry, "DocumentResult", "Finding"]] = []
    for doc in report.documents:
        if doc.error:
            continue
        path = _doc_key_path(doc.path, base_dir)
        seen: dict[tuple, int] = defaultdict(int)
        for f in sorted(doc.findings, key=lambda f: (f.start, f.end, f.code)):
            e = Entry(path=path, code=f.code, rule=f.rule, text=" ".join(f.text.split()),
                      context=finding_context(doc, f), line=f.line, severity=f.severity, message=f.message)
            seen[e.key] += 1
            e.occurrence = seen[e.key]
            out.append((e, doc, f))
    return out


def write_baseline(report: "Report", path: str | os.PathLike) -> int:
    """Write every finding of `report` to `path`; returns how many."""
    from . import __version__

    path = str(path)
    base_dir = os.path.dirname(os.path.abspath(path))
    entries = [e for e, _, _ in _entries_for(report, base_dir)]
    entries.sort(key=lambda e: (e.path, e.line or 0, e.code, e.occurrence))
    data = {"claimcheck-baseline": FORMAT_VERSION, "tool": f"claimcheck {__version__}",
            "entries": [e.to_dict() for e in entries]}
    try:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return len(entries)


def load_baseline(path: str | os.PathLike) -> list[Entry]:
    path = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a baseline file: invalid JSON ({exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
    if not isinstance(data, dict) or data.get("claimcheck-baseline") != FORMAT_VERSION \
            or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{path}: not a claimcheck baseline (version {FORMAT_VERSION}) file")
    entries: list[Entry] = []
    for i, item in enumerate(data["entries"], 1):
        try:
            if not all(isinstance(item.get(k), str) for k in ("path", "code", "text", "context")):
                raise TypeError
            entries.append(Entry(path=item["path"], code=item["code"], rule=str(item.get("rule") or ""),
                                 text=item["text"], context=item["context"],
                                 occurrence=int(item.get("occurrence") or 1), line=item.get("line"),
                                 severity=item.get("severity"), message=item.get("message")))
        except (TypeError, ValueError, AttributeError):
            raise BaselineError(f"{path}: entry {i}: expected path, code, text and context strings") from None
    return entries


def apply_baseline(report: "Report", path: str | os.PathLike, disabled: frozenset[str] | set[str] = frozenset(),
                   entries: list[Entry] | None = None) -> BaselineResult:
    """Drop the findings the baseline at `path` holds from `report`; sets and returns `report.baseline`."""
    from .checks import BY_CODE

    path = str(path)
    entries = load_baseline(path) if entries is None else entries
    base_dir = os.path.dirname(os.path.abspath(path))
    remaining: dict[tuple, list[Entry]] = defaultdict(list)
    for e in sorted(entries, key=lambda e: e.occurrence):
        remaining[e.key].append(e)
    result = BaselineResult(path=path)
    known_findings: set[int] = set()
    for entry, _doc, finding in _entries_for(report, base_dir):
        bucket = remaining.get(entry.key)
        if bucket:
            bucket.pop(0)
            known_findings.add(id(finding))
            result.matched += 1
        else:
            result.new += 1
    for doc in report.documents:
        doc.findings = [f for f in doc.findings if id(f) not in known_findings]
    checked = {_doc_key_path(d.path, base_dir) for d in report.documents if not d.error}
    for bucket in remaining.values():
        for e in bucket:
            rule = BY_CODE.get(e.code.upper())
            if e.path in checked and not (rule and rule.name in disabled):
                result.stale.append(e)
    result.stale.sort(key=lambda e: (e.path, e.line or 0, e.code, e.occurrence))
    report.baseline = result
    return result
