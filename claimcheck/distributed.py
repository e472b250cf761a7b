"""Checking a Dask bag of documents (``pip install 'claimcheck[dask]'``).

    import dask.bag as db
    from claimcheck.distributed import check_bag, cross_document_findings, merge_cross_document, write_jsonl

    records = db.read_text("pages-*.jsonl").map(json.loads)      # {"path": ..., "text": ...}
    results = check_bag(records)                                 # bag of jsonl document records
    write_jsonl(results, "out/claimcheck-*.jsonl")                # or results.compute(scheduler="processes")
    cross = cross_document_findings(results)                     # {path: [CC402 finding dicts]}
    records = merge_cross_document(results.compute(), cross)     # = `claimcheck check --format jsonl`

Each worker process builds one `Checker` per (reference, disabled rules, severities) and keeps it
(a module-level cache), so the spaCy pipeline is built once per process, not per partition. The
records returned are the documents of the jsonl format (`claimcheck/report/jsonl.py`) with their
per-document findings, in-file suppressions applied. Cross-document findings (CC402) need every
document: `cross_document_findings(results)` reduces the bag's claims in the client.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from .checker import Checker

_CHECKERS: dict[tuple, Checker] = {}


def _checker(reference: str | None, disable: tuple[str, ...], severity: tuple[tuple[str, str], ...]) -> Checker:
    key = (os.path.abspath(reference) if reference else None, disable, severity)
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = _CHECKERS[key] = Checker(reference, disable=disable, severity=dict(severity))
    return checker


def check_records(records: Iterable[dict[str, Any]], reference: str | None = None, disable: Iterable[str] = (),
                  severity: dict[str, str] | None = None, suppressions: bool = True) -> Iterator[dict[str, Any]]:
    """Check {"path", "text"[, "format"]} records with this process's cached Checker; one jsonl
    document record each (records lacking a string path/text give a record with "error")."""
    from .model import DocumentResult
    from .report import RenderOptions
    from .report.jsonl import document_record
    from .sources import source_from_text
    from .suppressions import apply_document

    checker = _checker(reference, tuple(sorted(disable)), tuple(sorted((severity or {}).items())))
    options = RenderOptions("check")
    for record in records:
        path, text = record.get("path"), record.get("text")
        if not isinstance(path, str) or not isinstance(text, str):
            bad = DocumentResult(path=str(path), text="", error=f"{path}: record needs string \"path\" and \"text\"")
            yield document_record(bad, options)
            continue
        try:
            source = source_from_text(text, path, record.get("format"))
        except ValueError as exc:
            yield document_record(DocumentResult(path=path, text="", error=f"{path}: {exc}"), options)
            continue
        result = next(checker.check_sources([source]))
        if suppressions:
            apply_document(result, checker.settings.disabled)
        yield document_record(result, options)


def _partition(records: Iterable[dict[str, Any]], reference, disable, severity, suppressions) -> list[dict[str, Any]]:
    return list(check_records(records, reference, disable, severity, suppressions))


def check_bag(bag, reference: str | os.PathLike | None = None, *, disable: Iterable[str] = (),
              severity: dict[str, str] | None = None, suppressions: bool = True):
    """A dask bag of jsonl document records (dicts) from a bag of {"path", "text"} records."""
    ref = str(reference) if reference is not None else None
    return bag.map_partitions(_partition, ref, tuple(disable), dict(severity or {}), suppressions)


def cross_document_findings(results, reference: str | os.PathLike | None = None, *, disable: Iterable[str] = (),
                            severity: dict[str, str] | None = None, **compute: Any) -> dict[str, list[dict[str, Any]]]:
    """CC402 over a bag from `check_bag`: {path: [finding dicts]} (computed; `compute` options
    such as scheduler="processes" are passed to `dask.compute`). Only the claims travel."""
    from .checks.cross_document import CrossDocumentIndex
    from .model import DocumentResult

    checker = _checker(str(reference) if reference is not None else None, tuple(sorted(disable)),
                       tuple(sorted((severity or {}).items())))
    if not checker.settings.enabled("cross-document-inconsistency"):
        return {}
    claims = results.map(lambda r: (r["path"], r.get("claims", []))).compute(**compute)
    index = CrossDocumentIndex(checker.reference)
    for path, items in claims:
        doc = DocumentResult(path=path, text="", claims=[_claim(c) for c in items])
        index.add(doc)
    out: dict[str, list[dict[str, Any]]] = {}
    for f in index.findings(checker.reference, checker.settings):
        out.setdefault(f.path, []).append(f)
    return {p: [f.to_dict() for f in sorted(fs, key=lambda f: (f.start, f.end, f.code))] for p, fs in out.items()}


def merge_cross_document(records: Iterable[dict[str, Any]],
                         cross: dict[str, list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    """The records with their CC402 findings added and findings sorted as `claimcheck check` sorts
    them: written with `claimcheck.report.jsonl.dumps_line`, the lines are byte for byte those of
    `claimcheck check --format jsonl` on the same documents."""
    for record in records:
        extra = cross.get(record.get("path"), [])
        if extra and "findings" in record:
            findings = sorted(record["findings"] + extra, key=lambda f: (f["start"], f["end"], f["code"]))
            record = {**record, "findings": findings}
        yield record


def _claim(d: dict[str, Any]):
    from .model import Claim

    fields = {k: d[k] for k in ("id", "kind", "text", "start", "end", "line", "column", "sentence", "value",
                                "normalized", "vague", "setting", "subject", "modality", "indication")}
    # records written before targets and mentions existed have neither
    return Claim(**fields, target=d.get("target"), mention=d.get("mention", False))


def write_jsonl(results, path_glob: str, **options: Any) -> list[str]:
    """Write a bag of records as JSON Lines text files (one per partition; `*` in `path_glob` is the
    partition number). Returns the file names."""
    from .report.jsonl import dumps_line

    return results.map(lambda r: dumps_line(r).rstrip("\n")).to_textfiles(path_glob, **options)
