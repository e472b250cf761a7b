"""pytest plugin: check copy as part of a test run.

    pytest --claimcheck copy/                      # your tests, plus one test per document under copy/
    pytest --claimcheck copy/ --claimcheck docs/   # several paths: repeat the option
    pytest --claimcheck copy/ --claimcheck-fail-on warning
    pytest --claimcheck copy/ -m claimcheck        # only the documents

Registered through the ``pytest11`` entry point, so it is active wherever claimcheck is installed,
but it does nothing unless ``--claimcheck`` is given: no collection, no import of spaCy.

Each document (the files `claimcheck check` would check under the given paths, after the
configuration's include/exclude) becomes a `ClaimcheckFile` holding one `ClaimcheckItem`
(node id ``path/to/page.md::claimcheck``, marker ``claimcheck``). All collected documents are
checked together on first use (so cross-document inconsistencies are found), with the
configuration discovered from the first ``--claimcheck`` path, in-file suppressions, and the
configuration's baseline if it names one. An item fails when its document has a finding at or above
``--claimcheck-fail-on`` (default: the configuration's ``fail-on``, else ``error``); the failure
lists every finding of the document, one ``path:line:col CODE severity [rule] message`` per line.
An unreadable document fails with its error. Only the public API is used
(`pytest.File`/`pytest.Item` ``from_parent``, `pytest.StashKey`, ``Config.args``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

FAIL_ON = ("error", "warning", "info", "never")
_STATE = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "check copy with claimcheck")
    group.addoption("--claimcheck", action="append", default=None, metavar="PATH",
                    help="check the documents under PATH (file or directory) as test items; repeat for more paths")
    group.addoption("--claimcheck-fail-on", choices=FAIL_ON, default=None,
                    help="fail a document's item on findings of at least this severity "
                         "(default: the claimcheck configuration's fail-on, else error)")


def pytest_configure(config: pytest.Config) -> None:
    paths = config.getoption("claimcheck", None)
    if not paths:
        return
    config.addinivalue_line("markers", "claimcheck: a document checked by claimcheck (--claimcheck)")
    from .config import ConfigError, discover

    try:
        cfg = discover(paths)
    except ConfigError as exc:
        raise pytest.UsageError(f"claimcheck: {exc}") from None
    files = {os.path.abspath(p) for p in cfg.files(paths)}
    config.stash[_STATE] = {"config": cfg, "files": files, "results": None}
    # Collect the documents even when they lie outside the paths/testpaths pytest would collect.
    for p in paths:
        if p not in config.args:
            config.args.append(p)


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    state = parent.config.stash.get(_STATE, None)
    if state is None:
        return None
    if os.path.abspath(file_path) in state["files"]:
        return ClaimcheckFile.from_parent(parent, path=file_path)
    return None


class ClaimcheckFile(pytest.File):
    def collect(self):
        yield ClaimcheckItem.from_parent(self, name="claimcheck")


class ClaimcheckFailure(Exception):
    pass


class ClaimcheckItem(pytest.Item):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("claimcheck")

    def runtest(self) -> None:
        state = self.config.stash[_STATE]
        results = _results(self.session, state)
        doc = results["documents"].get(os.path.abspath(self.path))
        if doc is None:  # pragma: no cover - every collected document is checked
            raise ClaimcheckFailure(f"{self.path}: not checked")
        if doc.error:
            raise ClaimcheckFailure(doc.error)
        lines = [f"{doc.path}:{f.line}:{f.column} {f.code} {f.severity} [{f.rule}] {f.message}" for f in doc.findings]
        lines += results["problems"].get(doc.path, [])
        fail_on = results["fail_on"]
        if fail_on == "never":
            return
        from .model import SEVERITY_ORDER

        threshold = SEVERITY_ORDER[fail_on]
        failing = any(SEVERITY_ORDER[f.severity] >= threshold for f in doc.findings) or (
            threshold <= SEVERITY_ORDER["warning"] and results["problems"].get(doc.path))
        if failing:
            raise ClaimcheckFailure("\n".join(lines))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimcheckFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"claimcheck {self.path.name}"


def _results(session: pytest.Session, state: dict) -> dict:
    """Check every collected document once (on first use), in collection order."""
    if state["results"] is not None:
        if "error" in state["results"]:
            raise ClaimcheckFailure(state["results"]["error"])
        return state["results"]
    from .checker import Checker
    from .checks import RULES
    from .suppressions import apply_suppressions

    cfg = state["config"]
    disable = set(cfg.ignore or [])
    if cfg.select:
        disable |= set(RULES) - set(cfg.select)
    paths: list[str] = []
    for item in session.items:
        shown = _shown(item.path) if isinstance(item, ClaimcheckItem) else None
        if shown is not None and shown not in paths:
            paths.append(shown)
    from .reference.loader import ReferenceError

    try:
        checker = Checker(cfg.reference, disable=disable, severity=cfg.severity)
        report = checker.check_paths(paths)
        apply_suppressions(report, checker.settings.disabled)
        if cfg.baseline:
            from .baseline import apply_baseline

            apply_baseline(report, cfg.baseline, checker.settings.disabled)
    except (ReferenceError, ValueError) as exc:  # bad reference or baseline: every item fails with it
        state["results"] = {"error": f"claimcheck: {exc}"}
        raise ClaimcheckFailure(state["results"]["error"]) from None
    problem_lines = {doc.path: _problems_for(report, doc.path) for doc in report.documents}
    fail_on = session.config.getoption("claimcheck_fail_on") or cfg.fail_on or "error"
    state["results"] = {
        "documents": {os.path.abspath(d.path): d for d in report.documents},
        "problems": problem_lines,
        "fail_on": fail_on,
    }
    return state["results"]


def _shown(path: Path) -> str:
    """`path` relative to the working directory when below it (as `claimcheck check` shows it)."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute) if os.path.splitdrive(absolute)[0] == os.path.splitdrive(os.getcwd())[0] else absolute
    return absolute if rel.startswith(os.pardir) else rel


def _problems_for(report, path: str) -> list[str]:
    """Invalid or unused suppression directives of one document, as `path:line:col: warning: ...`."""
    return [f"{path}:{d.line}:{d.column}: warning: {d.message()}"
            for d in report.suppressions.get(path, []) if d.is_problem]
