"""Read copy from files or strings into a `Source`: the original text plus a prose view of it.

The prose view (`Source.prose`) has exactly the same length as the original text, with markup
(tags, code, link targets, scripts) blanked out, so that every offset found in it is also an
offset into the original file's decoded text.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .model import Block, Source, SourceError
from .markdown import markdown_prose
from .html import html_prose
from .plain import plain_prose

__all__ = ["Block", "Source", "SourceError", "read_source", "source_from_text", "SUPPORTED_SUFFIXES"]

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | (TEXT_SUFFIXES - {""})

# A file larger than this is refused rather than read into memory whole.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Lone surrogates (from `surrogateescape` decoding, e.g. text read from stdin in the C locale) cannot
# be encoded as UTF-8, which spaCy's vocabulary needs; the prose view carries U+FFFD instead (one
# code point for one, so offsets are unchanged).
_SURROGATE = re.compile("[\ud800-\udfff]")

# spaCy's tokenizer splits a run of punctuation or symbols without spaces ("!!!!", "[[[[", "%%%%", emoji)
# one affix at a time, re-examining the rest of the run at each step: quadratic in the run's length
# (4,000 characters: ~5 s; a megabyte: days). Such a run carries no claim, so the prose view keeps its
# first character (a "!" still ends a sentence) and blanks the rest.
MAX_SYMBOL_RUN = 32
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_SYMBOL_RUN},}}")


def detect_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def source_from_text(text: str, source: str = "<text>", format: str | None = None) -> Source:
    """Build a `Source` from text given in Python. `format` is text, markdown or html (guessed from
    the source name when omitted)."""
    fmt = format or detect_format(source)
    if fmt == "markdown":
        prose, blocks = markdown_prose(text)
    elif fmt == "html":
        prose, blocks = html_prose(text)
    elif fmt == "text":
        prose, blocks = plain_prose(text)
    else:
        raise ValueError(f"unknown format {format!r}: expected text, markdown or html")
    if _SURROGATE.search(prose):
        prose = _SURROGATE.sub("\ufffd", prose)
    if _SYMBOL_RUN.search(prose):
        prose = _SYMBOL_RUN.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 1), prose)
    return Source(path=source, text=text, prose=prose, blocks=blocks, format=fmt)


def decode_bytes(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode file bytes as UTF-8 (BOM tolerated); fall back to cp1252/latin-1 with a warning.
    Binary data (NUL bytes, mostly control characters) is an error."""
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise SourceError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [f"{path}: not valid UTF-8 ({where}); read as {encoding}"]
    raise SourceError(path, "cannot decode text")  # pragma: no cover - latin-1 always decodes


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.10


def _read_regular_file(p: Path, name: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES. Opened without blocking and checked on
    the open descriptor, so a named pipe, a device (a link to /dev/zero) or a socket is an error
    rather than a hang or an endless read."""
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else None)
            raise SourceError(name, f"not a regular file ({kind})" if kind else "not a regular file")
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(name, f"file too large ({size} bytes; limit {MAX_FILE_BYTES})")
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grew while being read
        raise SourceError(name, f"file too large (over {MAX_FILE_BYTES} bytes)")
    return data


def read_source(path: str | Path, format: str | None = None) -> Source:
    """Read one file. Raises `SourceError` (one line, naming the file) when it cannot be read."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            os.listdir(p)  # a directory that cannot be listed: its contents were not checked
            raise SourceError(name, "is a directory")
        data = _read_regular_file(p, name)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(name, "no such file (or a broken link)") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except OSError as exc:
        raise SourceError(name, exc.strerror or str(exc)) from None
    text, warnings = decode_bytes(data, name)
    src = source_from_text(text, source=name, format=format or detect_format(name))
    src.warnings.extend(warnings)
    return src
