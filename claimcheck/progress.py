"""A one-line progress bar on stderr for long runs, without dependencies.

Shown only when there are more than `THRESHOLD` files, the stream is a terminal and the `CI`
environment variable is unset (or empty); never when stderr is piped or redirected. Redrawn at
most 10 times a second with a carriage return and cleared when done, so nothing is left in the
terminal's scrollback.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO

THRESHOLD = 20


def wanted(total: int, stream: TextIO | None = None, environ: dict[str, str] | None = None) -> bool:
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    if total <= THRESHOLD or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """``with Progress(total) as bar: ... bar.advance(path)``; does nothing when not `wanted`."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None,
                 interval: float = 0.1) -> None:
        self.total = total
        self.stream = sys.stderr if stream is None else stream
        self.enabled = wanted(total, self.stream) if enabled is None else enabled
        self.done = 0
        self.interval = interval
        self._last = 0.0
        self._drawn = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def advance(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < self.interval:
            return
        self._last = now
        self._draw(label)

    def __call__(self, result) -> None:  # as Checker.check_paths(progress=...)
        self.advance(getattr(result, "path", ""))

    def _draw(self, label: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        count = f"{self.done}/{self.total}"
        bar_width = max(10, min(30, width // 4))
        filled = bar_width * self.done // max(self.total, 1)
        bar = "[" + "#" * filled + "." * (bar_width - filled) + "]"
        line = f"claimcheck {bar} {count} "
        room = width - len(line) - 1
        if room > 3 and label:
            line += label if len(label) <= room else "…" + label[-(room - 1):]
        try:
            self.stream.write("\r" + line[: width - 1] + "\033[K")
            self.stream.flush()
            self._drawn = True
        except (OSError, ValueError):
            self.enabled = False

    def close(self) -> None:
        if self.enabled and self._drawn:
            try:
                self.stream.write("\r\033[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
        self._drawn = False
        self.enabled = False
