"""Checking many files with a pool of worker processes (`claimcheck check --jobs N`).

Each worker builds its `Checker` once (the pool initializer; with the ``fork`` start method the
parent's checker, pipeline included, is inherited instead of rebuilt). Files are sent in chunks,
results come back in input order (``Pool.imap``), and the cross-document findings (CC402) are
computed in the parent from the returned results with the same `CrossDocumentIndex` as
`Checker.check_paths`, so the report is the same as with one process, byte for byte in every format.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .checker import Checker, Report, iter_paths
from .model import DocumentResult

_WORKER_CHECKER: Checker | None = None


def default_jobs() -> int:
    """Usable CPUs (the process's affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init_worker(checker: Checker | dict[str, Any]) -> None:
    global _WORKER_CHECKER
    _WORKER_CHECKER = checker if isinstance(checker, Checker) else Checker(**checker)


def _check_chunk(paths: Sequence[str]) -> list[DocumentResult]:
    assert _WORKER_CHECKER is not None, "worker not initialised"
    return list(_WORKER_CHECKER.check_paths_iter(paths))


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def check_paths_parallel(checker_args: Checker | dict[str, Any] | None, paths: Iterable[str | os.PathLike],
                         jobs: int | None = None, *, chunksize: int | None = None,
                         progress: Callable[[DocumentResult], None] | None = None) -> Report:
    """Like `Checker(**checker_args).check_paths(paths)`, with `jobs` worker processes
    (None or 0: one per usable CPU). `checker_args`: keyword arguments of `Checker`
    (reference, disable, severity) or a `Checker` already built."""
    checker = checker_args if isinstance(checker_args, Checker) else Checker(**(checker_args or {}))
    jobs = jobs or default_jobs()
    files = list(iter_paths(paths))
    if jobs <= 1 or len(files) <= 1:
        return checker.check_paths(files, progress=progress)
    jobs = min(jobs, len(files))
    if chunksize is None:
        # Small chunks balance uneven pages; enough of them per worker to keep each busy.
        chunksize = max(1, min(16, len(files) // (jobs * 4) or 1))
    ctx = _context()
    # With fork the workers inherit `checker` (the Process object is not pickled); with spawn the
    # Checker is pickled through its __reduce__ and rebuilt once per worker.
    initarg: Checker | dict[str, Any] = checker
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(initarg,)) as pool:
        results = (result for chunk in pool.imap(_check_chunk, _chunks(files, chunksize)) for result in chunk)
        return checker.collect(results, progress=progress)
