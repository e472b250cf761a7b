"""Markdown: blank out markup, keep prose, headings, list items, table cells and image alt text."""
from __future__ import annotations

import html
import re

from .model import Block

_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
# one cell of a table's delimiter row ("---", " :--: "); the row itself is split on "|" in
# `_is_table_sep` (a single regex for the whole row backtracks quadratically on runs of spaces)
_TABLE_SEP_CELL = re.compile(r"[ \t]*:?-{2,}:?[ \t]*")
_HR = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINKDEF = re.compile(r"[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S")

# Inline markup, scanned once per line. Every alternative is bounded and cannot re-scan the same
# characters from many starting points, so matching stays linear even on "[[[[", "](](", "![![",
# long runs of backticks or many "<!--" without "-->":
# - a code span starts at a whole run of backticks (atomic, not preceded by one) and cannot cross a backtick;
# - link text, image alt and link targets cannot contain brackets (nested brackets: the inner link wins);
# - a comment is only its opening here; its end is found with str.find in `_inline`.
# The look-ahead lists the first character of every alternative: a cheap test that lets the scan skip
# ordinary text ~3x faster (keep it in step when adding an alternative).
_INLINE = re.compile(
    r"(?=[`!\[\]<&*_~|hw])"
    r"(?:(?<!`)(?P<code>(?>`+))[^`\n]{0,2000}?(?P=code)"
    r"|(?P<image>!\[)(?P<alt>[^\[\]\n]{0,1000})\]\((?P<itarget>[^)\[\]\n]{0,2000})\)"
    r"|(?P<linkopen>\[)(?=[^\[\]\n]{0,1000}\]\([^)\[\]\n]{0,2000}\))"
    r"|(?P<linkclose>\]\([^)\[\]\n]{0,2000}\))"
    r"|(?P<comment><!--)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,2000})?/?>)"
    r"|(?P<autolink><(?:https?|mailto|ftp):[^>\s]{0,2000}>)"
    r"|(?P<url>\b(?:https?://|www\.)[^\s)<>\]]{1,2000})"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emph>\*{1,3}|_{2,3}|~~|\|))",
)
_SKIP_ELEMENTS = re.compile(r"<(script|style|pre|code|svg|template|noscript)\b", re.IGNORECASE)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def markdown_prose(text: str) -> tuple[str, list[Block]]:
    chars = list(text)
    blocks: list[Block] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)

    i = 0
    # front matter
    if lines and text[lines[0][0] : lines[0][1]].strip() == "---":
        for j in range(1, len(lines)):
            if text[lines[j][0] : lines[j][1]].strip() in ("---", "..."):
                _blank(chars, 0, lines[j][1])
                i = j + 1
                break

    para: list[int] | None = None

    def close_para() -> None:
        nonlocal para
        if para is not None:
            blocks.append(Block(para[0], para[1], para[2] and "item" or "paragraph"))
            para = None

    while i < len(lines):
        start, end = lines[i]
        body = text[start:end]
        fence = _FENCE.match(body)
        if fence:
            close_para()
            marker = fence.group(1)
            j = i + 1
            while j < len(lines):
                if text[lines[j][0] : lines[j][1]].strip().startswith(marker[0] * len(marker)):
                    break
                j += 1
            last = lines[min(j, len(lines) - 1)][1]
            _blank(chars, start, last)
            i = j + 1
            continue
        skip = _SKIP_ELEMENTS.match(body.lstrip())
        if skip:
            close_para()
            closing = re.compile(rf"</{skip.group(1)}\s*>", re.IGNORECASE)
            found = closing.search(text, start)
            stop = found.end() if found else len(text)
            _blank(chars, start, stop)
            while i < len(lines) and lines[i][0] < stop:
                i += 1
            continue
        if body.lstrip().startswith("<!--"):
            close_para()
            stop = text.find("-->", start)
            stop = len(text) if stop == -1 else stop + 3
            _blank(chars, start, stop)
            while i < len(lines) and lines[i][0] < stop:
                i += 1
            continue
        if not body.strip():
            close_para()
            i += 1
            continue
        if _HR.match(body) and not (para is not None and _SETEXT.match(body)):
            close_para()
            _blank(chars, start, end)
            i += 1
            continue
        if _LINKDEF.match(body):
            close_para()
            _blank(chars, start, end)
            i += 1
            continue
        atx = _ATX.match(body)
        if atx:
            close_para()
            _blank(chars, start, start + atx.end())
            stripped = body.rstrip()
            trail = len(stripped) - len(stripped.rstrip("#"))
            if trail and trail < len(stripped):
                _blank(chars, start + len(stripped) - trail, end)
            _inline(text, chars, start, end)
            blocks.append(Block(start, end, "heading", len(atx.group(1))))
            i += 1
            continue
        if para is not None and not para[2] and _SETEXT.match(body):
            level = 1 if body.strip().startswith("=") else 2
            blocks.append(Block(para[0], para[1], "heading", level))
            para = None
            _blank(chars, start, end)
            i += 1
            continue
        quote = _QUOTE.match(body)
        offset = start
        if quote:
            _blank(chars, start, start + quote.end())
            offset = start + quote.end()
        rest = text[offset:end]
        if quote and not rest.strip():
            close_para()  # ">" alone is a blank line inside a block quote
            i += 1
            continue
        if "|" in rest and _is_table_sep(rest):
            _blank(chars, start, end)
            i += 1
            continue
        if rest.lstrip().startswith("|") or (rest.count("|") >= 2 and not rest.lstrip().startswith(("-", "*"))):
            close_para()
            _inline(text, chars, offset, end)
            blocks.append(Block(start, end, "row", cells=_cells(rest, offset)))
            i += 1
            continue
        item = _ITEM.match(rest)
        if item:
            close_para()
            _blank(chars, offset, offset + item.end())
            _inline(text, chars, offset, end)
            para = [start, end, True]
            i += 1
            continue
        _inline(text, chars, offset, end)
        if para is None:
            para = [start, end, False]
        else:
            para[1] = end
        i += 1
    close_para()
    return "".join(chars), blocks


def _cells(row: str, offset: int) -> tuple[tuple[int, int], ...]:
    """The cells of a table row (text between unescaped pipes; outer pipes optional)."""
    pipes = [j for j, ch in enumerate(row) if ch == "|" and (j == 0 or row[j - 1] != "\\")]
    if not pipes:  # only escaped pipes (a \| b \| c): one cell
        return ((offset, offset + len(row)),)
    edges = [-1, *pipes, len(row)]
    cells = [(offset + a + 1, offset + b) for a, b in zip(edges, edges[1:])]
    if cells and not row[: pipes[0]].strip():
        cells = cells[1:]  # before a leading pipe
    if cells and pipes and not row[pipes[-1] + 1 :].strip():
        cells = cells[:-1]  # after a trailing pipe
    return tuple(cells)


def _is_table_sep(rest: str) -> bool:
    """A table's delimiter row: cells of dashes (optionally with colons) between pipes."""
    row = rest.strip(" \t")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return all(_TABLE_SEP_CELL.fullmatch(cell) for cell in row.split("|"))


def _inline(text: str, chars: list[str], start: int, end: int) -> None:
    pos = start
    comments_closed = True  # False once a "<!--" had no "-->" after it on this line: none will
    while pos < end:
        m = _INLINE.search(text, pos, end)
        if m is None:
            break
        pos = m.end()
        if m.group("comment") is not None:
            close = text.find("-->", m.end(), end) if comments_closed else -1
            if close == -1:
                comments_closed = False
                pos = m.start() + 1  # "<!--" without an end is text
                continue
            pos = close + 3
            _blank(chars, m.start(), pos)
        elif m.group("image") is not None:
            _blank(chars, m.start(), m.start("alt"))
            _blank(chars, m.end("alt"), m.end())
        elif m.group("entity") is not None:
            decoded = html.unescape(m.group())
            _blank(chars, m.start(), m.end())
            if len(decoded) == 1 and decoded != m.group():
                # a decoded line break or other white space is a plain space in the prose, so that
                # the prose has line breaks only where the text has them
                chars[m.start()] = " " if decoded.isspace() else decoded
        elif m.group("emph") == "|":
            chars[m.start()] = " "
        else:
            _blank(chars, m.start(), m.end())
