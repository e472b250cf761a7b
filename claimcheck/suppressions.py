"""Suppressions written into the copy itself.

Markdown and HTML (an HTML comment)::

    <!-- claimcheck: ignore[risky-home-use] reason="quoted from the manufacturer's recall notice" -->
    <!-- claimcheck: disable[CC301,CC201] reason="customer testimonials, reviewed by legal" -->
    ...
    <!-- claimcheck: enable[CC301,CC201] -->

Plain text (a whole line; ``#`` or ``//``; HTML comments in a .txt file are just text)::

    # claimcheck: ignore[absolute-claim] reason="quoted from a 1998 advert"

- ``ignore[RULES]`` silences those rules for the next block: the first heading, paragraph, list
  item or table row with prose after the comment (from the comment's end to that block's end).
- ``disable[RULES]`` silences them from the comment to a matching ``enable[RULES]`` (or
  ``enable`` with no list: every open range), or to the end of the file.
- RULES: rule names or codes, comma-separated. A finding is silenced when its start lies in the
  range.
- A reason (``reason="..."`` or ``reason='...'``, not empty) is required on ``ignore`` and
  ``disable``. A directive without one, with an unknown rule or that cannot be read is *invalid*:
  it silences nothing and is reported.
- A rule listed in a valid directive that silenced nothing is *unused* and reported (like ruff's
  RUF100), unless that rule did not run (``--select``/``--ignore``).
- Comments inside Markdown code (fenced blocks, code spans) are not directives.

Silenced findings leave ``DocumentResult.findings`` (so every output format and the exit code
ignore them); they are listed under the directive that silenced them in the JSON report's
per-document ``"suppressions"`` array. Invalid and unused directives are *problems*: one line each
on stderr (``path:line:col: warning: ...``), in the JSON array with their status, and they count as
warnings for ``--fail-on warning`` / ``info``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checker import Report
    from .model import DocumentResult, Finding
    from .sources import Block, Source

ACTIONS = ("ignore", "disable", "enable")
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_LINE_DIRECTIVE = re.compile(r"^[ \t]*((?:#|//)[ \t]*(claimcheck:[^\r\n]*?))[ \t]*\r?$", re.MULTILINE)
_DIRECTIVE = re.compile(
    r"claimcheck:[ \t]*(?P<action>[A-Za-z_-]*)[ \t]*(?:\[(?P<rules>[^\]\n]*)\])?(?P<rest>.*)\Z", re.DOTALL)
_REASON = re.compile(r"""\A\s*reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')\s*\Z""", re.DOTALL)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)


@dataclass
class Suppression:
    """One `claimcheck:` directive found in a document."""

    action: str  # ignore | disable | enable (or what was written, when invalid)
    rules: list[str]  # rule names; empty for a bare `enable`
    reason: str | None
    start: int  # the comment's span in the document text
    end: int
    line: int
    column: int
    problem: str | None = None  # why the directive is invalid
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule -> silenced [start, end)
    findings: list["Finding"] = field(default_factory=list)  # the findings it silenced
    used: set[str] = field(default_factory=set)
    unused: list[str] = field(default_factory=list)  # rules that ran and silenced nothing
    status: str = "unused"  # used | unused | inactive | invalid

    @property
    def text(self) -> str:
        rules = ",".join(self.rules)
        return f"{self.action}[{rules}]" if rules else self.action

    @property
    def is_problem(self) -> bool:
        return self.status == "invalid" or bool(self.unused)

    def message(self) -> str:
        if self.status == "invalid":
            return f"invalid suppression `claimcheck: {self.text}`: {self.problem}; it silences nothing"
        if self.unused:
            from .checks import RULES

            codes = ", ".join(f"{RULES[r].code} {r}" for r in self.unused)
            return f"unused suppression `claimcheck: {self.text}`: no {codes} finding in its range"
        return f"suppression `claimcheck: {self.text}` silenced {len(self.findings)} finding(s)"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "action": self.action, "rules": list(self.rules), "reason": self.reason, "status": self.status,
            "start": self.start, "end": self.end, "line": self.line, "column": self.column,
        }
        if self.ranges:
            lo = min(r[0] for r in self.ranges.values())
            hi = max(r[1] for r in self.ranges.values())
            out["range"] = {"start": lo, "end": hi}
        if self.is_problem:
            out["message"] = self.message()
        if self.unused:
            out["unused"] = list(self.unused)
        out["findings"] = [{**f.to_dict(), "suppressed": True} for f in self.findings]
        return out


# -- reading directives ------------------------------------------------------------------------
def _code_spans_markdown(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks of a Markdown text, as offset ranges."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _FENCE.search(text, pos)
        if not m:
            return spans
        marker = m.group(1)
        close = re.compile(rf"^[ \t]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", m.end())
        if line_end == -1:
            spans.append((m.start(), len(text)))
            return spans
        c = close.search(text, line_end + 1)
        stop = c.end() if c else len(text)
        spans.append((m.start(), stop))
        pos = stop


def _in_code_span(text: str, offset: int) -> bool:
    """Whether `offset` is inside an inline code span on its line (an odd number of backticks before it)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("`", line_start, offset) % 2 == 1


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def find_directives(text: str, format: str) -> list[Suppression]:
    """Every `claimcheck:` directive in a document's text, in order."""
    raw: list[tuple[int, int, str]] = []  # (start, end, body from "claimcheck:")
    if format == "text":
        for m in _LINE_DIRECTIVE.finditer(text):
            raw.append((m.start(1), m.end(), m.group(2)))
    else:
        code = _code_spans_markdown(text) if format == "markdown" else []
        for m in _HTML_COMMENT.finditer(text):
            body = m.group(1).strip()
            if not body.startswith("claimcheck:"):
                continue
            if any(a <= m.start() < b for a, b in code) or (format == "markdown" and _in_code_span(text, m.start())):
                continue
            raw.append((m.start(), m.end(), body))
    return [_parse(text, start, end, body) for start, end, body in raw]


def _parse(text: str, start: int, end: int, body: str) -> Suppression:
    from .checks import UnknownRuleError, resolve_rule

    line, column = _line_col(text, start)
    m = _DIRECTIVE.match(body)
    action = (m.group("action") if m else "").lower()
    sup = Suppression(action=action or "?", rules=[], reason=None, start=start, end=end, line=line, column=column)
    if not m or action not in ACTIONS:
        sup.problem = (f"unknown directive {action!r}; expected ignore[RULES], disable[RULES] or enable[RULES]"
                       if action else "expected ignore[RULES], disable[RULES] or enable[RULES]")
        sup.status = "invalid"
        return sup
    rules_text, rest = m.group("rules"), m.group("rest").strip()
    rules: list[str] = []
    for item in (rules_text or "").split(","):
        if not item.strip():
            continue
        try:
            name = resolve_rule(item).name
        except UnknownRuleError:
            sup.problem = f"unknown rule {item.strip()!r}"
            sup.status = "invalid"
            return sup
        if name not in rules:
            rules.append(name)
    sup.rules = rules
    if action in ("ignore", "disable") and not rules:
        sup.problem = f"`{action}` needs the rules it silences, e.g. {action}[CC301]"
    reason_match = _REASON.match(rest) if rest else None
    if reason_match:
        reason = reason_match.group("dq") if reason_match.group("dq") is not None else reason_match.group("sq")
        sup.reason = " ".join(reason.split()) or None
    elif rest:
        sup.problem = sup.problem or f'cannot read {rest!r}; expected reason="..."'
    if action in ("ignore", "disable") and not sup.reason and not sup.problem:
        sup.problem = 'a reason is required: reason="why this is acceptable"'
    if sup.problem:
        sup.status = "invalid"
    return sup


# -- masking directive lines in plain text ----------------------------------------------------
def prepare_source(src: "Source") -> "Source":
    """A plain-text source whose `# claimcheck:` / `// claimcheck:` lines are not prose: they are
    blanked in the prose view and its blocks recomputed as if they were blank lines (offsets and
    the original text unchanged). Markdown and HTML comments are already blanked by their readers.
    """
    if src.format != "text" or "claimcheck:" not in src.text:
        return src
    spans = [(m.start(), m.end()) for m in _LINE_DIRECTIVE.finditer(src.text)]
    if not spans:
        return src
    from .sources import Source
    from .sources.plain import plain_prose

    chars = list(src.text)
    for a, b in spans:
        for i in range(a, b):
            if chars[i] not in "\r\n":
                chars[i] = " "
    prose, blocks = plain_prose("".join(chars))
    return Source(path=src.path, text=src.text, prose=prose, blocks=blocks, format=src.format,
                  warnings=list(src.warnings))


def _blocks(doc: "DocumentResult") -> tuple[str, list["Block"]]:
    from .sources import source_from_text

    src = prepare_source(source_from_text(doc.text, doc.path, doc.format))
    return src.prose, sorted(src.blocks, key=lambda b: (b.start, b.end))


def _next_block_end(after: int, prose: str, blocks: list["Block"], text: str) -> int | None:
    """End of the first block with prose after offset `after`."""
    for b in blocks:
        if b.end <= after:
            continue
        if prose[max(b.start, after) : b.end].strip():
            return b.end
    # no blocks (or none after): up to the next blank line after the following non-blank text
    m = re.compile(r"\S").search(prose, after)
    if not m:
        return None
    blank = re.compile(r"\n[ \t\r]*\n").search(prose, m.start())
    return blank.start() if blank else len(text)


# -- applying ----------------------------------------------------------------------------------
def apply_document(doc: "DocumentResult", disabled: frozenset[str] | set[str] = frozenset()) -> list[Suppression]:
    """Find the directives of one document, remove the findings they silence from
    `doc.findings`, and return the directives with their outcome. `disabled`: rules that did not
    run (their entries are neither used nor unused)."""
    if doc.error or not doc.text or "claimcheck:" not in doc.text:
        return []
    directives = find_directives(doc.text, doc.format)
    if not directives:
        return []
    prose, blocks = _blocks(doc)
    open_ranges: dict[str, Suppression] = {}
    for d in directives:
        if d.status == "invalid":
            continue
        if d.action == "ignore":
            stop = _next_block_end(d.end, prose, blocks, doc.text)
            if stop is not None:
                d.ranges = {r: (d.end, stop) for r in d.rules}
        elif d.action == "disable":
            for r in d.rules:
                if r in open_ranges:
                    earlier = open_ranges[r]
                    d.problem = f"{r} is already disabled (line {earlier.line})"
                    d.status = "invalid"
                    break
            else:
                for r in d.rules:
                    open_ranges[r] = d
                    d.ranges[r] = (d.end, len(doc.text))
        else:  # enable
            targets = d.rules or list(open_ranges)
            closed = [r for r in targets if r in open_ranges]
            if not closed:
                d.problem = f"nothing to enable: {', '.join(d.rules) if d.rules else 'no rule'} is disabled here"
                d.status = "invalid"
            for r in closed:
                opener = open_ranges.pop(r)
                opener.ranges[r] = (opener.ranges[r][0], d.start)
            if d.status != "invalid":
                d.status = "used"
    kept: list["Finding"] = []
    active = [d for d in directives if d.ranges]
    for f in doc.findings:
        for d in active:
            span = d.ranges.get(f.rule)
            if span and span[0] <= f.start < span[1]:
                d.findings.append(f)
                d.used.add(f.rule)
                break
        else:
            kept.append(f)
    doc.findings = kept
    for d in directives:
        if d.status == "invalid" or d.action == "enable":
            continue
        ran = [r for r in d.rules if r not in disabled]
        d.unused = [r for r in ran if r not in d.used]
        d.status = "used" if d.used else ("unused" if ran else "inactive")
    # a valid `enable` is bookkeeping, not worth listing
    return [d for d in directives if not (d.action == "enable" and d.status == "used")]


def apply_suppressions(report: "Report", disabled: frozenset[str] | set[str] = frozenset()) -> None:
    """Apply every document's directives; the outcomes go to `report.suppressions` (path -> list)."""
    for doc in report.documents:
        found = apply_document(doc, disabled)
        if found:
            report.suppressions[doc.path] = found


def problems(report: "Report") -> list[str]:
    """One line per invalid or unused directive: `path:line:col: warning: message`."""
    lines: list[str] = []
    for path, items in report.suppressions.items():
        for d in items:
            if d.is_problem:
                lines.append(f"{path}:{d.line}:{d.column}: warning: {d.message()}")
    return lines
