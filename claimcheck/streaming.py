"""`claimcheck check --stdin`: JSON Lines in, JSON Lines out, one document at a time.

Input: one JSON object per line, ``{"path": "...", "text": "..."}`` (the format is guessed from
the path's suffix, as for files; an optional ``"format"``: text, markdown or html overrides it).
Blank lines are skipped. A line that is not valid JSON, not an object, or lacks a string
``path``/``text`` is reported on stderr as ``claimcheck: error: <stdin>:LINE: ...``; the run goes on
and exits 2 at the end.

Output: for each document, as soon as it is checked, the jsonl record of that document (the
document object of the json format with a leading ``"version"``; see claimcheck/report/jsonl.py),
flushed line by line. Nothing but a compact index of the asserted claims that CC402 compares is
kept, so memory stays flat however long the stream. In-file suppressions apply as for files.

Cross-document findings (CC402) are only known once every document has been read, so they come
at the end, one extra record per document that has any:
``{"version": ..., "path": ..., "cross_document": true, "findings": [...]}``. These findings are
not subject to the document's in-file suppressions (its text is gone by then).
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from .checks.cross_document import CrossDocumentIndex
from .model import SEVERITY_ORDER
from .report import RenderOptions
from .report.jsonl import document_record, dumps_line
from .sources import SourceError, source_from_text

if TYPE_CHECKING:
    from .checker import Checker


def read_records(stream: IO[str], errors: list[str]) -> Iterator[tuple[int, str, str, str | None]]:
    """(line number, path, text, format) per good record; a message in `errors` per bad one."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"<stdin>:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            errors.append(f"<stdin>:{lineno}: expected a JSON object with \"path\" and \"text\"")
            continue
        missing = [k for k in ("path", "text") if not isinstance(record.get(k), str)]
        if missing:
            errors.append(f"<stdin>:{lineno}: missing or non-string {', '.join(repr(k) for k in missing)}")
            continue
        fmt = record.get("format")
        yield lineno, record["path"], record["text"], fmt if isinstance(fmt, str) else None


def check_stream(checker: "Checker", stream: IO[str], out: IO[str], *, suppressions: bool = True,
                 err: IO[str] | None = None) -> tuple[int, int, int]:
    """Check every record of `stream`, writing jsonl lines to `out` as documents finish.
    Returns (bad records, document errors, highest severity found or -1)."""
    from .suppressions import apply_document

    err = sys.stderr if err is None else err
    errors: list[str] = []
    index = CrossDocumentIndex(checker.reference)
    options = RenderOptions("check")
    disabled = checker.settings.disabled
    worst = -1
    doc_errors = 0
    bad = 0

    def flush_errors() -> None:
        nonlocal bad
        for message in errors:
            print(f"claimcheck: error: {message}", file=err, flush=True)
        bad += len(errors)
        errors.clear()

    for lineno, path, text, fmt in read_records(stream, errors):
        flush_errors()
        try:
            source = source_from_text(text, path, fmt)
        except (SourceError, ValueError) as exc:
            print(f"claimcheck: error: <stdin>:{lineno}: {exc}", file=err, flush=True)
            bad += 1
            continue
        # One document at a time (not nlp.pipe batches), so each answer leaves as soon as it is ready
        # even when the writer waits for it; the pipeline is rules only, so batching gains little.
        result = next(checker.check_sources([source]))
        if suppressions:
            apply_document(result, disabled)
        if result.error:
            doc_errors += 1
            print(f"claimcheck: error: {result.error}", file=err, flush=True)
        index.add(result)
        for f in result.findings:
            worst = max(worst, SEVERITY_ORDER[f.severity])
        out.write(dumps_line(document_record(result, options)))
        out.flush()
        result.text = ""  # the record is out; only the index keeps (a few) claims
    flush_errors()
    if checker.settings.enabled("cross-document-inconsistency"):
        by_path: dict[str, list] = {}
        for finding in index.findings(checker.reference, checker.settings):
            by_path.setdefault(finding.path, []).append(finding)
            worst = max(worst, SEVERITY_ORDER[finding.severity])
        for path, findings in by_path.items():
            findings.sort(key=lambda f: (f.start, f.end, f.code))
            record = {"version": options_version(), "path": path, "cross_document": True,
                      "findings": [f.to_dict() for f in findings]}
            out.write(dumps_line(record))
        out.flush()
    return bad, doc_errors, worst


def options_version() -> str:
    from . import __version__

    return __version__


def check_stdin(checker: "Checker", args, fail_on: str) -> int:
    """The `--stdin` mode of `claimcheck check`; output is always jsonl."""
    from .cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError

    if args.baseline or args.write_baseline or args.jobs != 1:
        raise UsageError("--stdin cannot be combined with --baseline, --write-baseline or --jobs")
    stdin = sys.stdin
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(encoding="utf-8", errors="replace")
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        bad, doc_errors, worst = check_stream(checker, stdin, out, suppressions=not args.no_suppressions)
    finally:
        if args.output:
            out.close()
    if bad or doc_errors:
        return EXIT_ERROR
    if fail_on == "never" or worst < 0:
        return EXIT_OK
    return EXIT_FINDINGS if worst >= SEVERITY_ORDER[fail_on] else EXIT_OK
