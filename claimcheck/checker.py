"""The checker: extract claims, run the rules against the reference, collect a report."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks import CheckSettings, check_document, resolve_rule
from .checks.cross_document import CrossDocumentIndex
from .extract import Extractor
from .model import SEVERITY_ORDER, DocumentResult, Finding
from .reference.model import Reference
from .sources import SUPPORTED_SUFFIXES, Source, SourceError, read_source, source_from_text

SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass
class Report:
    """All documents of one run, with their claims and findings."""

    documents: list[DocumentResult] = field(default_factory=list)
    reference: Reference | None = None
    # In-file suppression directives by document path (claimcheck.suppressions.apply_suppressions).
    suppressions: dict[str, list[Any]] = field(default_factory=dict)
    # Outcome of comparing with a baseline file (claimcheck.baseline.BaselineResult), if one was used.
    baseline: Any = None

    @property
    def suppression_problems(self) -> int:
        """Invalid or unused suppression directives; they count as warnings for `exit_code`."""
        return sum(1 for items in self.suppressions.values() for s in items if s.is_problem)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def errors(self) -> list[str]:
        return [d.error for d in self.documents if d.error]

    def exit_code(self, fail_on: str = "error") -> int:
        """0: no finding at or above `fail_on`; 1: some; 2: an input could not be read."""
        if self.errors:
            return 2
        if fail_on == "never":
            return 0
        threshold = SEVERITY_ORDER[fail_on]
        if threshold <= SEVERITY_ORDER["warning"] and self.suppression_problems:
            return 1
        return 1 if any(SEVERITY_ORDER[f.severity] >= threshold for f in self.findings) else 0


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files to check: explicit files as given; directories walked (sorted) for supported suffixes.
    A path that does not exist is yielded as is, so that reading it reports the error."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p)
        else:
            yield str(raw)


def _walk(top: Path) -> Iterator[str]:
    """Supported files below `top`, depth first, each directory's files (sorted) before its
    subdirectories (sorted): the order of os.walk, without its recursion (a tree thousands of levels
    deep is walked too). Symlinked directories are not entered. A directory that cannot be listed is
    yielded itself, so that reading it reports the error instead of dropping what is inside."""
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            yield str(directory)
            continue
        subdirs = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name not in SKIPPED_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                    subdirs.append(directory / entry.name)
            elif Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield str(directory / entry.name)
        stack.extend(reversed(subdirs))


class Checker:
    """Checks copy against a reference (the shipped claims.yaml by default)::

        checker = Checker()
        result = checker.check_text(text, source="draft.md")
        result.findings
    """

    def __init__(self, reference: str | os.PathLike | None = None, *, disable: Iterable[str] = (),
                 severity: dict[str, str] | None = None) -> None:
        self.extractor = Extractor(reference)
        self.reference: Reference = self.extractor.reference
        self.settings = CheckSettings(
            disabled=frozenset(resolve_rule(r).name for r in disable),
            severity={resolve_rule(k).name: v for k, v in (severity or {}).items()},
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike, **options) -> "Checker":
        return cls(path, **options)

    def __reduce__(self):
        return (_rebuild_checker, (self.extractor.reference_path, tuple(self.settings.disabled), self.settings.severity))

    # -- one document --------------------------------------------------------------------------
    def check_text(self, text: str, source: str = "<text>", format: str | None = None) -> DocumentResult:
        return next(self.check_sources([source_from_text(text, source, format)]))

    def check_file(self, path: str | os.PathLike, format: str | None = None) -> DocumentResult:
        return next(self.check_paths_iter([path]))

    # -- many ----------------------------------------------------------------------------------
    def check_sources(self, sources: Iterable[Source]) -> Iterator[DocumentResult]:
        from .suppressions import prepare_source  # `# claimcheck:` lines in plain text are not prose

        for result in self.extractor.extract_sources(prepare_source(s) for s in sources):
            result.findings = check_document(result, self.reference, self.settings)
            yield result

    def check_many(self, items: Iterable[tuple[str, str]]) -> Iterator[DocumentResult]:
        """Check (source, text) pairs as a stream; per-document findings only."""
        return self.check_sources(source_from_text(text, source) for source, text in items)

    def check_paths_iter(self, paths: Iterable[str | os.PathLike]) -> Iterator[DocumentResult]:
        """Results in input order; unreadable files give a result with `error` set."""
        buffered: list[DocumentResult | Source] = []

        def sources() -> Iterator[Source]:
            for path in iter_paths(paths):
                try:
                    src = read_source(path)
                except SourceError as exc:
                    buffered.append(DocumentResult(path=path, text="", error=str(exc)))
                    continue
                buffered.append(src)
                yield src

        for result in self.check_sources(sources()):
            while buffered and isinstance(buffered[0], DocumentResult):
                yield buffered.pop(0)
            buffered.pop(0)
            yield result
        while buffered:
            item = buffered.pop(0)
            if isinstance(item, DocumentResult):
                yield item

    def check_paths(self, paths: Iterable[str | os.PathLike], *,
                    progress: Callable[[DocumentResult], None] | None = None) -> Report:
        """Check files and directories; `progress` is called with each document's result."""
        return self.collect(self.check_paths_iter(paths), progress=progress)

    def collect(self, results: Iterable[DocumentResult], *,
                progress: Callable[[DocumentResult], None] | None = None) -> Report:
        """A report of checked documents, with the cross-document findings added at the end."""
        report = Report(reference=self.reference)
        index = CrossDocumentIndex(self.reference)
        for result in results:
            report.documents.append(result)
            index.add(result)
            if progress is not None:
                progress(result)
        self.add_cross_document(report, index)
        return report

    def check_documents(self, results: Iterable[DocumentResult]) -> Report:
        report = Report(documents=list(results), reference=self.reference)
        index = CrossDocumentIndex(self.reference)
        for r in report.documents:
            index.add(r)
        self.add_cross_document(report, index)
        return report

    def add_cross_document(self, report: Report, index: CrossDocumentIndex) -> None:
        if not self.settings.enabled("cross-document-inconsistency"):
            return
        by_path = {d.path: d for d in report.documents}
        for finding in index.findings(self.reference, self.settings):
            doc = by_path.get(finding.path)
            if doc is not None:
                doc.findings.append(finding)
                doc.findings.sort(key=lambda f: (f.start, f.end, f.code))


def _rebuild_checker(reference_path: str, disabled: tuple[str, ...], severity: dict[str, str] | None) -> Checker:
    return Checker(reference_path, disable=disabled, severity=severity)
