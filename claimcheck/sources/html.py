"""HTML: prose from text nodes and image alt text; tags, scripts, styles and code blanked out."""
from __future__ import annotations

import html as htmllib
from html.parser import HTMLParser

from .model import Block

SKIPPED = {"script", "style", "pre", "code", "svg", "template", "noscript", "head", "iframe", "object", "math", "textarea", "select"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
ITEMS = {"li", "dt", "dd"}
ROWS = {"tr"}
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "td", "th", "figure", "figcaption",
    "br", "hr", "form", "fieldset", "legend", "details", "summary", "caption", "address", "body", "html",
    "title",
} | set(HEADINGS) | ITEMS | ROWS
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"}


class _ProseParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.chars = [c if c in "\n\r" else " " for c in text]
        self.line_starts = [0]
        for i, c in enumerate(text):
            if c == "\n":
                self.line_starts.append(i + 1)
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        self.context: list[tuple[str, int]] = []  # open block-typing elements (kind, level)

    # -- positions -------------------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def keep(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.chars[i] = self.text[i]

    # -- blocks ----------------------------------------------------------------------------
    def boundary(self, at: int) -> None:
        if self.block_start is not None and at > self.block_start:
            segment = "".join(self.chars[self.block_start : at])
            if segment.strip():
                kind, level = self.context[-1] if self.context else ("paragraph", 0)
                lead = len(segment) - len(segment.lstrip())
                trail = len(segment) - len(segment.rstrip())
                self.blocks.append(Block(self.block_start + lead, at - trail, kind, level))
        self.block_start = at

    # -- callbacks -------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        start = self._pos()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self.skip_depth:
            if tag in SKIPPED and tag not in VOID:
                self.skip_depth += 1
                self.skip_stack.append(tag)
            return
        if tag in SKIPPED:
            self.boundary(start)
            self.skip_depth = 1
            self.skip_stack = [tag]
            return
        if tag in BLOCK_TAGS:
            self.boundary(start)
            self.block_start = end
            if tag in HEADINGS:
                self.context.append(("heading", HEADINGS[tag]))
            elif tag in ITEMS:
                self.context.append(("item", 0))
            elif tag in ROWS:
                self.context.append(("row", 0))
            elif tag in ("p", "blockquote", "figcaption", "summary", "caption", "title"):
                self.context.append(("paragraph", 0))
        if tag == "img":
            self._keep_alt(start, raw)

    def handle_startendtag(self, tag, attrs):
        start = self._pos()
        raw = self.get_starttag_text() or ""
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
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
                        self.boundary(start)
                        self.keep(start + j + 1, start + k)
                        self.boundary(start + k)
                return
            i = lower.find("alt", i + 3)

    def handle_endtag(self, tag):
        start = self._pos()
        if self.skip_depth:
            if self.skip_stack and self.skip_stack[-1] == tag:
                self.skip_stack.pop()
                self.skip_depth -= 1
                if not self.skip_depth:
                    close = self.text.find(">", start)
                    self.block_start = len(self.text) if close == -1 else close + 1
            return
        if tag in BLOCK_TAGS:
            self.boundary(start)
            close = self.text.find(">", start)
            self.block_start = len(self.text) if close == -1 else close + 1
            kinds = {"heading"} if tag in HEADINGS else {"item"} if tag in ITEMS else {"row"} if tag in ROWS else {"paragraph"}
            for k in range(len(self.context) - 1, -1, -1):
                if self.context[k][0] in kinds:
                    del self.context[k]
                    break

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        start = self._pos()
        if self.block_start is None:
            self.block_start = start
        self.keep(start, start + len(data))

    def _entity(self, raw: str) -> None:
        if self.skip_depth:
            return
        start = self._pos()
        if self.block_start is None:
            self.block_start = start
        decoded = htmllib.unescape(raw)
        if len(decoded) == 1 and decoded != raw and start + len(raw) <= len(self.text):
            self.chars[start] = decoded if not decoded.isspace() or decoded == " " else " "
            if decoded == "\xa0":
                self.chars[start] = " "

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")


def html_prose(text: str) -> tuple[str, list[Block]]:
    parser = _ProseParser(text)
    parser.feed(text)
    parser.close()
    parser.boundary(len(text))
    prose = "".join(parser.chars)
    return prose, parser.blocks
