from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class SourceError(Exception):
    """A file that cannot be read as copy. `str()` is one line naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Block:
    """A structural unit of prose: a heading, a paragraph, a list item or a table row.
    `start`/`end` are offsets into the original text."""

    start: int
    end: int
    kind: str  # heading | paragraph | item | row
    level: int = 0  # heading level (1 = top), 0 otherwise
    cells: tuple[tuple[int, int], ...] | None = None  # a table row's cells (start, end), left to right


@dataclass
class Source:
    path: str
    text: str
    prose: str
    blocks: list[Block]
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a character offset."""
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def unwrapped_prose(self) -> str:
        """The prose with the line breaks inside a paragraph or list item (hard-wrapped copy) turned
        into spaces, same length: a cue such as "stay away from" still matches when the copy wraps
        in the middle of it. Blank lines and breaks between blocks stay."""
        prose = self.prose
        if "\n" not in prose:
            return prose
        chars: list[str] | None = None
        for block in self.blocks:
            if block.kind not in ("paragraph", "item"):
                continue
            start, end = block.start, block.end
            i = prose.find("\n", start, end)
            while i != -1:
                if 0 < i < len(prose) - 1 and prose[i - 1] != "\n" and prose[i + 1] != "\n" and i + 1 < end:
                    if chars is None:
                        chars = list(prose)
                    chars[i] = " "
                i = prose.find("\n", i + 1, end)
        return prose if chars is None else "".join(chars)

