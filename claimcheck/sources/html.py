"""HTML: prose from text nodes and image alt text; tags, scripts, styles and code blanked out.

A small tokenizer of its own (after the HTML5 tokenizer, simplified) rather than `html.parser`:
on Python 3.11 `html.parser` is quadratic on unclosed tags ("<a <a <a ...": minutes for 100 KB)
and raises `AssertionError` on some malformed declarations ("<![<!["). Every step here either
consumes the characters it scans or scans to the end of the text once, so reading is linear.
"""
from __future__ import annotations

import html as htmllib
import re
from collections import Counter

from .model import Block

SKIPPED = {"script", "style", "pre", "code", "svg", "template", "noscript", "head", "iframe", "object", "math", "textarea",
           "xmp", "noembed", "noframes"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
ITEMS = {"li", "dt", "dd", "option"}  # a <select>'s options are read like a list ("0.25 mm", "1.5 mm")
ROWS = {"tr"}
ROW_ENDS = {"tr", "table", "thead", "tbody", "tfoot"}  # start or end tags that end an open row
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "td", "th", "figure", "figcaption",
    "br", "hr", "form", "fieldset", "legend", "details", "summary", "caption", "address", "body", "html",
    "title",
} | set(HEADINGS) | ITEMS | ROWS
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
# Elements whose content is raw text: no tags inside, only their own end tag ends them.
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
# What may appear in <head>; any other start tag ends a <head> left open (its end tag is optional).
HEAD_CONTENT = {"head", "title", "base", "basefont", "bgsound", "link", "meta", "noscript", "noframes", "style", "script",
                "template"}

_MARKUP = re.compile(r"<(?:[!?A-Za-z]|/.)", re.DOTALL)  # a "<" that starts a tag, comment or declaration
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_ATTR_STOP = re.compile(r"[>=]")
_SPACES = re.compile(r"[\t\n\f\r ]*")
_COMMENT_END = re.compile(r"--!?>")
# A character reference: named (with or without ";"), decimal or hexadecimal.
_ENTITY = re.compile(r"&(?:#[0-9]{1,10};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


class _Prose:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = [c if c in "\n\r" else " " for c in text]
        self.skip_stack: list[str] = []  # open skipped elements, outermost first
        self.skip_counts: Counter[str] = Counter()
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        # open block-typing elements [kind, level, open], innermost last; closed ones are dropped
        # lazily, and `by_kind` finds the innermost open one of a kind without a scan
        self.context: list[list] = []
        self.by_kind: dict[str, list[list]] = {}
        self.no_more = {'"': False, "'": False}  # no such quote after the current position
        self._raw_end: dict[str, re.Pattern] = {}
        # an open table row: one block whose cells are its <td>/<th> contents, as a markdown row's are
        self.row_start: int | None = None
        self.cells: list[tuple[int, int]] = []
        self.cell_start: int | None = None

    def keep(self, start: int, end: int) -> None:
        self.chars[start:end] = self.text[start:end]

    # -- blocks ----------------------------------------------------------------------------
    def boundary(self, at: int) -> None:
        if self.block_start is not None and at > self.block_start:
            segment = "".join(self.chars[self.block_start : at])
            if segment.strip():
                kind, level = self.current_context()
                lead = len(segment) - len(segment.lstrip())
                trail = len(segment) - len(segment.rstrip())
                self.blocks.append(Block(self.block_start + lead, at - trail, kind, level))
        self.block_start = at

    # -- table rows ------------------------------------------------------------------------
    def open_row(self, start: int, end: int) -> None:
        self.boundary(start)
        self.block_start = None
        self.row_start = start
        self.cells = []
        self.cell_start = None

    def close_cell(self, at: int) -> None:
        if self.cell_start is not None:
            self.cells.append((self.cell_start, at))
            self.cell_start = None

    def close_row(self, at: int, resume: int) -> None:
        """End the open row at `at` (text resumes at `resume`): one "row" block with its cells, when
        any cell holds text."""
        self.close_cell(at)
        cells = [(a, z) for a, z in self.cells if z > a]
        if cells and any("".join(self.chars[a:z]).strip() for a, z in cells):
            first, last = cells[0][0], cells[-1][1]
            segment = "".join(self.chars[first:last])
            lead = len(segment) - len(segment.lstrip())
            trail = len(segment) - len(segment.rstrip())
            self.blocks.append(Block(first + lead, last - trail, "row", 0, tuple(cells)))
        self.row_start = None
        self.cells = []
        self.block_start = resume

    def open_context(self, kind: str, level: int = 0) -> None:
        entry = [kind, level, True]
        self.context.append(entry)
        self.by_kind.setdefault(kind, []).append(entry)

    def close_context(self, kind: str) -> None:
        """Close the innermost open element of this kind."""
        entries = self.by_kind.get(kind)
        if entries:
            entries.pop()[2] = False

    def current_context(self) -> tuple[str, int]:
        while self.context and not self.context[-1][2]:
            self.context.pop()
        return (self.context[-1][0], self.context[-1][1]) if self.context else ("paragraph", 0)

    # -- skipped elements ------------------------------------------------------------------
    def skip_push(self, tag: str) -> None:
        self.skip_stack.append(tag)
        self.skip_counts[tag] += 1

    def skip_close(self, tag: str) -> None:
        """The end tag of an open skipped element also closes those left open inside it
        ("<pre><code>...</pre>")."""
        if not self.skip_counts[tag]:
            return
        while self.skip_stack:
            top = self.skip_stack.pop()
            self.skip_counts[top] -= 1
            if top == tag:
                return

    def skip_clear(self) -> None:
        self.skip_stack.clear()
        self.skip_counts.clear()

    # -- tokenizer -------------------------------------------------------------------------
    def run(self) -> None:
        text = self.text
        n = len(text)
        i = seg = 0  # seg: start of the text not yet handed to `data`
        while True:
            lt = text.find("<", i)
            if lt == -1:
                self.data(seg, n)
                return
            if not _MARKUP.match(text, lt):  # "<" followed by anything else ("< 2 mm", "<3") is text
                i = lt + 1
                continue
            self.data(seg, lt)
            i = seg = self.markup(lt)

    def markup(self, i: int) -> int:
        """Handle the markup at `i` (where `_MARKUP` matches); returns where the text continues."""
        text = self.text
        n = len(text)
        nxt = text[i + 1] if i + 1 < n else ""
        if text.startswith("<!--", i):
            if text.startswith("<!-->", i):
                return i + 5
            if text.startswith("<!--->", i):
                return i + 6
            m = _COMMENT_END.search(text, i + 4)
            return n if m is None else m.end()
        if nxt in ("!", "?"):  # doctype, CDATA, processing instruction: a bogus comment up to ">"
            close = text.find(">", i + 2)
            return n if close == -1 else close + 1
        if nxt == "/":
            if i + 2 < n and text[i + 2].isascii() and text[i + 2].isalpha():
                name_end = _TAG_NAME.match(text, i + 2).end()
                end = self.tag_end(name_end)
                self.end_tag(text[i + 2 : name_end].lower(), i, end)
                return end
            if text.startswith("</>", i):
                return i + 3
            close = text.find(">", i + 2)
            return n if close == -1 else close + 1
        if nxt.isascii() and nxt.isalpha():
            name_end = _TAG_NAME.match(text, i + 1).end()
            end = self.tag_end(name_end)
            tag = text[i + 1 : name_end].lower()
            raw = text[i:end]
            if raw.endswith("/>") and tag not in RAW_TEXT:
                self.start_end_tag(tag, i, raw)
                return end
            self.start_tag(tag, i, raw)
            if tag in RAW_TEXT and end < n:
                return self.raw_text(tag, end)
            return end
        raise AssertionError("markup() called where _MARKUP does not match")  # pragma: no cover

    def tag_end(self, pos: int) -> int:
        """The end of a tag whose attributes start at `pos`: after its ">" (quoted attribute values may
        contain ">"), or the end of the text for a tag that is never closed."""
        text = self.text
        n = len(text)
        while True:
            m = _ATTR_STOP.search(text, pos)
            if m is None:
                return n
            if m.group() == ">":
                return m.end()
            q = _SPACES.match(text, m.end()).end()
            if q < n and text[q] in "\"'":
                quote = text[q]
                close = -1 if self.no_more[quote] else text.find(quote, q + 1)
                if close == -1:
                    self.no_more[quote] = True  # an unclosed quote: read as an unquoted value
                    pos = q + 1
                else:
                    pos = close + 1
            else:
                pos = q

    def raw_text(self, tag: str, start: int) -> int:
        """Content of a raw-text element up to its end tag (title: kept as prose; the others skipped)."""
        pattern = self._raw_end.get(tag)
        if pattern is None:
            pattern = self._raw_end[tag] = re.compile(rf"</{tag}(?=[\t\n\f\r />]|$)", re.IGNORECASE)
        m = pattern.search(self.text, start)
        stop = len(self.text) if m is None else m.start()
        if not self.skip_stack and stop > start:
            self.data(start, stop)
        return stop

    # -- tokens ----------------------------------------------------------------------------
    def start_tag(self, tag: str, start: int, raw: str) -> None:
        end = start + len(raw)
        if self.skip_stack:
            if self.skip_stack == ["head"] and tag not in HEAD_CONTENT:
                self.skip_clear()  # "<head> ... <body>" without "</head>"
                self.block_start = start
            elif tag in SKIPPED and tag not in VOID:
                self.skip_push(tag)
                return
            else:
                return
        if tag in SKIPPED:
            if self.row_start is None:
                self.boundary(start)
            self.skip_push(tag)
            return
        if self.row_start is not None and tag in BLOCK_TAGS:
            if tag in ("td", "th"):
                self.close_cell(start)
                self.cell_start = end
                return
            if tag not in ROW_ENDS:
                return  # a block inside a cell ("<td><p>0.5 mm</p></td>") is part of the cell
            self.close_row(start, end)
        if tag in ROWS:
            self.open_row(start, end)
            return
        if tag in BLOCK_TAGS:
            self.boundary(start)
            self.block_start = end
            if tag in HEADINGS:
                self.open_context("heading", HEADINGS[tag])
            elif tag in ITEMS:
                self.open_context("item")
            elif tag == "summary":  # the question of a <details> FAQ entry heads its answer
                self.open_context("heading", 6)
            elif tag in ("p", "blockquote", "figcaption", "caption", "title"):
                self.open_context("paragraph")
        if tag == "img":
            self._keep_alt(start, raw)

    def start_end_tag(self, tag: str, start: int, raw: str) -> None:
        if self.skip_stack:
            if self.skip_stack == ["head"] and tag not in HEAD_CONTENT:
                self.skip_clear()
                self.block_start = start
            else:
                return
        if tag in BLOCK_TAGS and self.row_start is None:
            self.boundary(start)
            self.block_start = start + len(raw)
        if tag == "img":
            self._keep_alt(start, raw)

    def _keep_alt(self, start: int, raw: str) -> None:
        lower = raw.lower()
        i = lower.find("alt")
        while i != -1:
            j = i + 3
            before_ok = i > 0 and lower[i - 1].isspace()
            while j < len(raw) and raw[j].isspace():
                j += 1
            if before_ok and j < len(raw) and raw[j] == "=":
                j += 1
                while j < len(raw) and raw[j].isspace():
                    j += 1
                if j < len(raw) and raw[j] in "\"'":
                    q = raw[j]
                    k = raw.find(q, j + 1)
                    if k != -1:
                        in_row = self.row_start is not None  # alt text in a cell is part of the cell
                        if not in_row:
                            self.boundary(start)
                        self.keep(start + j + 1, start + k)
                        if not in_row:
                            self.boundary(start + k)
                return
            i = lower.find("alt", i + 3)

    def end_tag(self, tag: str, start: int, end: int) -> None:
        if self.skip_stack:
            self.skip_close(tag)
            if not self.skip_stack:
                self.block_start = end
            return
        if self.row_start is not None and tag in BLOCK_TAGS:
            if tag in ("td", "th"):
                self.close_cell(start)
            elif tag in ROWS or tag in ROW_ENDS:
                self.close_row(start, end)
            return
        if tag in BLOCK_TAGS:
            self.boundary(start)
            self.block_start = end
            self.close_context("heading" if tag in HEADINGS else "item" if tag in ITEMS else "paragraph")

    def data(self, start: int, end: int) -> None:
        if self.skip_stack or start >= end:
            return
        if self.block_start is None and self.row_start is None:
            self.block_start = start
        self.keep(start, end)
        text = self.text
        if text.find("&", start, end) == -1:
            return
        for m in _ENTITY.finditer(text, start, end):
            raw = m.group()
            decoded = htmllib.unescape(raw)
            if len(decoded) != 1:
                continue  # not one character ("R&D", "&foo;", "&ampxyz"): left as text
            for k in range(m.start(), m.end()):
                if self.chars[k] not in "\n\r":
                    self.chars[k] = " "
            if len(decoded) == 1:
                # a decoded line break or other white space is a plain space in the prose
                self.chars[m.start()] = " " if decoded.isspace() else decoded


def html_prose(text: str) -> tuple[str, list[Block]]:
    parser = _Prose(text)
    parser.run()
    if parser.row_start is not None:  # a table left open at the end of the text
        parser.close_row(len(text), len(text))
    parser.boundary(len(text))
    prose = "".join(parser.chars)
    return prose, parser.blocks
