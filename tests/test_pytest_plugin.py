"""The pytest plugin (entry point pytest11 = claimcheck): `pytest --claimcheck PATH` collects each
document as a test item that fails with its findings; without the option nothing changes."""
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

RISKY = "# Home roller guide\n\nRoll a 1.5mm roller at home every week.\n"
WARNING_ONLY = "# Our clinic\n\nThe treatment is painless.\n"
CLEAN = "# Our clinic\n\nMost clients book 3 to 6 sessions at our clinic.\n"


def _installed() -> bool:
    return any(ep.value == "claimcheck.pytest_plugin" for ep in entry_points(group="pytest11"))


@pytest.fixture()
def runpytest(pytester, checker):
    """Run pytest in-process; load the plugin explicitly when it is not installed as an entry point.

    pytester forgets the modules an in-process run imported; spaCy's compiled modules cannot be
    imported twice, so everything a check needs is imported here first, in this process."""
    import claimcheck.baseline  # noqa: F401
    import claimcheck.config  # noqa: F401
    import claimcheck.suppressions  # noqa: F401

    checker.check_text("# Home\n\nRoll a 1.5mm roller at home. It is painless.\n", source="warm-up.md")
    extra = [] if _installed() else ["-p", "claimcheck.pytest_plugin"]

    def run(*args):
        return pytester.runpytest(*extra, "-p", "no:cacheprovider", *args)

    return run


@pytest.fixture()
def copy(pytester):
    d = pytester.mkdir("copy")
    (d / "risky.md").write_text(RISKY, encoding="utf-8")
    (d / "warn.md").write_text(WARNING_ONLY, encoding="utf-8")
    (d / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (d / "notes.py").write_text("x = 1\n", encoding="utf-8")  # not a document
    return d


def test_the_plugin_is_registered_as_an_entry_point():
    assert _installed(), "pip install -e . registers the pytest11 entry point"


def test_each_document_is_an_item_failing_with_its_findings(copy, runpytest):
    result = runpytest("--claimcheck", str(copy), "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "*copy/clean.txt::claimcheck PASSED*",
        "*copy/risky.md::claimcheck FAILED*",
        "*copy/warn.md::claimcheck PASSED*",
    ])
    # the failure text: one `file:line:col code severity [rule] message` line per finding
    assert "\ncopy/risky.md:3:8 CC101 error [risky-home-use] Needle depth of 1.5 mm" in result.stdout.str()


def test_fail_on_option(copy, runpytest):
    result = runpytest("--claimcheck", str(copy), "--claimcheck-fail-on", "warning")
    result.assert_outcomes(passed=1, failed=2)
    assert "\ncopy/warn.md:3:18 CC301 warning [absolute-claim] Unqualified" in result.stdout.str()
    runpytest("--claimcheck", str(copy / "risky.md"), "--claimcheck-fail-on", "never").assert_outcomes(passed=1)


def test_configuration_and_suppressions_apply(copy, pytester, runpytest):
    (copy / ".claimcheck.toml").write_text('fail-on = "warning"\nexclude = ["*.txt"]\n', encoding="utf-8")
    (copy / "risky.md").write_text(
        '# Home roller guide\n\n<!-- claimcheck: ignore[CC101] reason="quoted from a recall notice" -->\n'
        + RISKY.split("\n", 2)[2], encoding="utf-8")
    result = runpytest("--claimcheck", str(copy), "-v")
    result.assert_outcomes(passed=1, failed=1)  # clean.txt excluded; warn.md fails on fail-on = "warning"
    result.stdout.fnmatch_lines(["*risky.md::claimcheck PASSED*", "*warn.md::claimcheck FAILED*"])


def test_normal_runs_are_unaffected(copy, pytester, runpytest):
    pytester.makepyfile(test_ok="def test_ok():\n    assert True\n")
    result = runpytest()
    result.assert_outcomes(passed=1)
    assert "copy/" not in result.stdout.str()
    # with the option: the tests and the documents
    runpytest("--claimcheck", str(copy)).assert_outcomes(passed=3, failed=1)
    # -m claimcheck selects only the documents
    runpytest("--claimcheck", str(copy), "-m", "claimcheck").assert_outcomes(passed=2, failed=1, deselected=1)
