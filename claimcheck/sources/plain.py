"""Plain text: blocks from blank lines, bullet lines and short heading-like lines."""
from __future__ import annotations

import re

from .model import Block

_BULLET = re.compile(r"[ \t]*(?:[-*+•▪◦‣–]|\d{1,3}[.)])[ \t]+")
_CLOSING = ".!:;…,\"'”’)"
_CELL = re.compile(r"[^ \t]+(?: [^ \t]+)*")  # text with single spaces inside; two or more spaces or a tab end a cell
_RULE_LINE = re.compile(r"[ \t]*[-=+|]{3,}(?:[ \t]+[-=+|]{3,})*[ \t]*")
# one run of one character ("==========", "----------"): frames a banner title or underlines a title
_FRAME = re.compile(r"[ \t]*([=*~#_-])\1{2,}[ \t]*")

_NUMBERED_CAPS = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+(?=[^a-z\n]*[A-Z]{3})[^a-z\n]{3,60}")
_LABEL = re.compile(r"[ \t]*[A-Z][A-Za-z-]{0,15}(?: [A-Z][A-Za-z-]{0,15})?(?: \([^)\n]{1,20}\))?:\s")
# a transcript's turn: "0:42 ...", "[10:09:10] NURSE JO: ...", or a chat export's message:
# "02/03/2026, 09:05 - Marlow Street Skin: ...", "[3/2/26, 9:05:12 AM] Priya: ..."
_TIMESTAMP = re.compile(r"[ \t]*\[?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?[ \t]")

def plain_prose(text: str) -> tuple[str, list[Block]]:
    chars = list(text)
    lines: list[tuple[int, int, str]] = []  # (start, end, kind) kind: blank|item|question|short|text|row
    pos = 0
    raw_lines = text.splitlines(keepends=True)
    for n, line in enumerate(raw_lines):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[start:end]
        if not body.strip():
            lines.append((start, end, "blank"))
            continue
        bullet = _BULLET.match(body)
        next_line = raw_lines[n + 1] if n + 1 < len(raw_lines) else ""
        if bullet:
            for i in range(start, start + bullet.end()):
                if not chars[i].isspace():
                    chars[i] = " "
            # "5. CAN I USE IT AT HOME?" over its answer: a numbered FAQ question is a heading
            question = (body.rstrip().endswith("?") and _heading_like(body.strip()) and next_line.strip()
                        and not _BULLET.match(next_line))
            # "5. AFTER YOUR TREATMENT": a numbered line in capitals is a section title, not a list item
            numbered_title = bool(_NUMBERED_CAPS.fullmatch(body)) and not _BULLET.match(next_line)
            lines.append((start, end, "question" if question or numbered_title else "item"))
        elif _heading_like(body.strip()) and not _wraps_on(next_line):
            lines.append((start, end, "short"))
        else:
            lines.append((start, end, "text"))

    _titles(text, lines)
    tables = _aligned_tables(text, lines)
    for i, cells in tables.items():
        start, end, _ = lines[i]
        if not cells:
            lines[i] = (start, end, "blank")  # a rule under a table's header: a break, not text
            for j in range(start, end):
                chars[j] = " "
        else:
            lines[i] = (start, end, "row")
    for i, (start, end, kind) in enumerate(lines):
        if kind in ("short", "text") and _RULE_LINE.fullmatch(text, start, end):
            lines[i] = (start, end, "blank")  # a rule line outside a table separates, it is no heading

    blocks: list[Block] = []
    para: list[int] | None = None  # [start, end]

    def close_para() -> None:
        nonlocal para
        if para is not None:
            blocks.append(Block(para[0], para[1], "paragraph"))
            para = None

    for i, (start, end, kind) in enumerate(lines):
        if kind == "blank":
            close_para()
        elif kind == "question":
            close_para()
            blocks.append(Block(start, end, "heading", 2))
        elif kind == "title":
            close_para()
            blocks.append(Block(start, end, "heading", 1))
        elif kind == "row":
            close_para()
            blocks.append(Block(start, end, "row", cells=tables[i]))
        elif kind == "item":
            close_para()
            blocks.append(Block(start, end, "item"))
        elif kind == "short":
            prev_short = i > 0 and lines[i - 1][2] == "short"
            next_short = i + 1 < len(lines) and lines[i + 1][2] == "short"
            close_para()
            if prev_short or next_short:  # a run of short lines is a list, not headings
                blocks.append(Block(start, end, "item"))
            else:
                blocks.append(Block(start, end, "heading", 2))
        else:
            if para is not None and (text[para[1] - 1] in ".!?" or _LABEL.match(text, start, end)
                                     or _TIMESTAMP.match(text, start, end)):
                # a new line after a finished sentence in plain text starts a new paragraph, and so does
                # a line opening on a speaker or caption label ("VO:", "ON-SCREEN:", "Q:") in a script or
                # on a timestamp in a transcript
                close_para()
            if para is None:
                para = [start, end]
            else:
                para[1] = end
    close_para()
    return "".join(chars), blocks


def _titles(text: str, lines: list[tuple[int, int, str]]) -> None:
    """Titles set off by rule lines: a short line framed by rules above and below (a banner in an email
    or a leaflet) or underlined with "=" (setext). They become top-level headings and their rules
    breaks; other rules of "=", "*", "~", "#" or "_" are breaks too (a dash rule may belong to a table)."""
    frames = [_FRAME.fullmatch(text, start, end) for start, end, _ in lines]
    for i, (start, end, kind) in enumerate(lines):
        if frames[i] or kind == "blank":
            continue
        above = i > 0 and frames[i - 1]
        below = i + 1 < len(lines) and frames[i + 1]
        short = _heading_like(text[start:end].strip())
        if short and ((above and below) or (below and below.group(1) == "=")):
            lines[i] = (start, end, "title")
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and frames[j]:
                    lines[j] = (lines[j][0], lines[j][1], "blank")
    for i, frame in enumerate(frames):
        if frame and frame.group(1) != "-":
            lines[i] = (lines[i][0], lines[i][1], "blank")


def _wraps_on(next_line: str) -> bool:
    """Whether a line runs on into the next one (hard-wrapped copy): the next line continues the
    sentence in lower case ("...please stay away" / "from 1.5 mm rollers")."""
    body = next_line.strip()
    return bool(body) and body[0].islower() and not _BULLET.match(next_line)


def _heading_like(stripped: str) -> bool:
    """A short line with no closing punctuation, or a short question (FAQ style)."""
    if len(stripped) > 100 or len(stripped.split()) > 14:
        return False
    return stripped[-1] == "?" or stripped[-1] not in _CLOSING + "?"


def _aligned_tables(text: str, lines: list[tuple[int, int, str]]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Lines of a plain-text table laid out in columns ("AREA   HOME   CLINIC" / "Cheeks   0,25   0,75"):
    runs of lines, each split into two or more cells by runs of spaces, that share a column start
    after the first cell: three or more lines, or two with a rule line of dashes. Maps each line's
    index to its cells; a rule line of dashes under the header maps to no cells."""
    tables: dict[int, tuple[tuple[int, int], ...]] = {}
    run: list[tuple[int, tuple[tuple[int, int], ...], set[int]]] = []

    def close_run() -> None:
        lines_ = run[:]
        run.clear()
        while lines_:
            rows = [r for r in lines_ if r[1]]
            ruled = len(rows) < len(lines_)
            if len(rows) >= (2 if ruled else 3) and set.intersection(*(r[2] for r in rows)):
                for i, cells, _ in lines_:
                    tables[i] = cells
                return
            # a title framed by rule lines over the table ("SETTINGS GUIDE   (all depths in mm)"): the
            # table starts after the first rule line
            rule = next((j for j, r in enumerate(lines_) if j and not r[1]), None)
            if rule is None:
                return
            lines_ = lines_[rule + 1:]

    for i, (start, end, kind) in enumerate(lines):
        if kind == "blank":
            close_run()
            continue
        if _RULE_LINE.fullmatch(text, start, end):
            if run:
                run.append((i, (), set()))
            continue
        body = text[start:end]
        cells = [(start + m.start(), start + m.end()) for m in _CELL.finditer(body)]
        if cells and kind == "item" and _BULLET.fullmatch(text, cells[0][0], cells[0][1] + 1):
            cells = cells[1:]  # "  •  redness lasts...": the bullet is no column
        if len(cells) < 2:
            close_run()
            continue
        run.append((i, tuple(cells), {a - start for a, _ in cells[1:]}))
    close_run()
    return tables
