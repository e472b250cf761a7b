"""In-file suppressions end to end: ignore the next block, disable/enable ranges, a required reason,
unused directives reported, --no-suppressions, plain-text comments, and the JSON report."""
import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from claimcheck.suppressions import find_directives

SCHEMA = json.loads(resources.files("claimcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", "--isolated", *args],
                          capture_output=True, text=True, cwd=cwd)


def check_json(tmp_path, name, text, *args):
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run("--format", "json", *args, name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    return proc, data["documents"][0]


def lines_of(doc):
    return sorted((f["code"], f["line"]) for f in doc["findings"])


PAGE = """# Home roller guide

<!-- claimcheck: ignore[risky-home-use] reason="quoted from the recall notice" -->
Roll a 1.5mm roller at home every week.

Our rollers are painless.

<!-- claimcheck: ignore[CC301, risky-home-use] reason='testimonial, approved by legal 2024-05' -->
- "Totally painless!"
- It is painless for everyone.
"""


def test_ignore_silences_its_rules_for_the_next_block_only(tmp_path):
    proc, doc = check_json(tmp_path, "page.md", PAGE)
    found = lines_of(doc)
    assert ("CC101", 4) not in found  # silenced
    assert ("CC301", 6) in found  # not in the next block
    assert ("CC301", 9) not in found  # the list item right after the second comment
    assert ("CC301", 10) in found  # the next list item is another block
    first, second = doc["suppressions"]
    assert first["status"] == "used" and first["rules"] == ["risky-home-use"]
    assert first["reason"] == "quoted from the recall notice" and first["line"] == 3
    assert [(f["code"], f["line"], f["suppressed"]) for f in first["findings"]] == [("CC101", 4, True)]
    # CC301 silenced something; risky-home-use did not: partly unused, reported
    assert second["status"] == "used" and second["unused"] == ["risky-home-use"]
    assert "page.md:8:1: warning: unused suppression `claimcheck: ignore[absolute-claim,risky-home-use]`" in proc.stderr
    assert "no CC101 risky-home-use finding" in proc.stderr


def test_disable_enable_range_and_to_the_end_of_the_file(tmp_path):
    text = """# Clinic

It is painless.

<!-- claimcheck: disable[CC301] reason="customer testimonials" -->
"Painless, honestly."

"No downtime at all."
<!-- claimcheck: enable[CC301] -->

Guaranteed results.

<!-- claimcheck: disable[absolute-claim] reason="archived page" -->
Totally painless.

No downtime.
"""
    proc, doc = check_json(tmp_path, "page.md", text)
    assert lines_of(doc) == [("CC301", 3), ("CC301", 11)]
    ranged, to_end = doc["suppressions"]
    assert ranged["action"] == "disable" and ranged["status"] == "used"
    assert sorted(f["line"] for f in ranged["findings"]) == [6, 8]
    assert ranged["range"]["end"] == text.index("<!-- claimcheck: enable")
    assert sorted(f["line"] for f in to_end["findings"]) == [14, 16]
    assert to_end["range"]["end"] == len(text)
    assert proc.stderr == ""


def test_a_suppression_without_a_reason_silences_nothing_and_is_reported(tmp_path):
    text = "# Clinic\n\n<!-- claimcheck: ignore[CC301] -->\nIt is painless.\n"
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    proc = run("page.md", cwd=tmp_path)
    assert proc.returncode == 0  # the finding is a warning; default --fail-on error
    assert "page.md:4:7: CC301 warning" in proc.stdout
    assert proc.stderr.strip() == ("page.md:3:1: warning: invalid suppression `claimcheck: ignore[absolute-claim]`: "
                                   'a reason is required: reason="why this is acceptable"; it silences nothing')
    proc, doc = check_json(tmp_path, "page.md", text)
    (sup,) = doc["suppressions"]
    assert sup["status"] == "invalid" and sup["findings"] == [] and "reason is required" in sup["message"]
    assert [f["code"] for f in doc["findings"]] == ["CC301"]


def test_problems_count_as_warnings_for_fail_on(tmp_path):
    text = "# Clinic\n\n<!-- claimcheck: ignore[CC201] reason=\"nothing to see\" -->\nWe are open on Mondays.\n"
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    proc = run("page.md", cwd=tmp_path)
    assert proc.returncode == 0
    assert "page.md:3:1: warning: unused suppression `claimcheck: ignore[reference-contradiction]`" in proc.stderr
    assert run("--fail-on", "warning", "page.md", cwd=tmp_path).returncode == 1
    # a rule that did not run is not "unused"
    proc = run("--fail-on", "warning", "--ignore", "CC201", "page.md", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""


def test_no_suppressions_flag_reports_everything(tmp_path):
    proc, doc = check_json(tmp_path, "page.md", PAGE, "--no-suppressions")
    assert ("CC101", 4) in lines_of(doc) and ("CC301", 9) in lines_of(doc)
    assert "suppressions" not in doc and proc.stderr == ""


def test_plain_text_hash_and_slash_comments_and_html(tmp_path):
    text = ("Home roller guide\n\n"
            "# claimcheck: ignore[CC101] reason=\"recall notice quoting 1.5 mm\"\n"
            "Roll a 1.5 mm roller at home every week.\n\n"
            "// claimcheck: ignore[absolute-claim] reason=\"quoted\"\n"
            "It is painless.\n\nIt is painless.\n")
    proc, doc = check_json(tmp_path, "page.txt", text)
    assert ("CC101", 4) not in lines_of(doc) and ("CC301", 7) not in lines_of(doc)
    assert ("CC301", 9) in lines_of(doc)
    assert [s["status"] for s in doc["suppressions"]] == ["used", "used"]
    # the directive line is not copy: its "1.5 mm" is no claim
    assert [c["line"] for c in doc["claims"] if c["kind"] == "needle_depth"] == [4]

    html = ('<h1>FAQ</h1>\n<!-- claimcheck: ignore[CC301] reason="a quoted myth" -->\n'
            "<p>It is painless.</p>\n<p>No downtime.</p>\n")
    proc, doc = check_json(tmp_path, "page.html", html)
    assert [f["text"] for f in doc["findings"]] == ["No downtime"]
    assert [f["text"] for f in doc["suppressions"][0]["findings"]] == ["painless"]


def test_directive_parsing():
    text = ("<!-- claimcheck: ignore[CC101,absolute-claim] reason=\"a\" -->\n"
            "```\n<!-- claimcheck: ignore[CC101] reason=\"in a code block\" -->\n```\n"
            "Use `<!-- claimcheck: ignore[CC101] reason=\"x\" -->` in your pages.\n"
            "<!-- claimcheck: ignore[CC999] reason=\"x\" -->\n"
            "<!-- claimcheck: silence[CC101] reason=\"x\" -->\n"
            "<!-- claimcheck: disable reason=\"x\" -->\n"
            "<!-- claimcheck: ignore[CC301] because -->\n"
            "<!-- claimcheck: ignore[CC301] reason=\"\" -->\n"
            "<!-- an ordinary comment -->\n")
    found = find_directives(text, "markdown")
    assert [d.line for d in found] == [1, 6, 7, 8, 9, 10]
    assert found[0].rules == ["risky-home-use", "absolute-claim"] and found[0].problem is None
    problems = [d.problem for d in found[1:]]
    assert "unknown rule 'CC999'" in problems[0]
    assert "unknown directive 'silence'" in problems[1]
    assert "needs the rules" in problems[2]
    assert "cannot read 'because'" in problems[3]
    assert "reason is required" in problems[4]
    assert all(d.status == "invalid" for d in found[1:])
    assert find_directives("# claimcheck: ignore[CC301] reason=\"x\"\n", "markdown") == []  # a heading
    assert len(find_directives("  // claimcheck: enable\r\n", "text")) == 1


@pytest.mark.parametrize("text", [
    "<!-- claimcheck: enable[CC301] -->\nIt is painless.\n",
    "<!-- claimcheck: disable[CC301] reason=\"a\" -->\n<!-- claimcheck: disable[CC301] reason=\"b\" -->\nPainless.\n",
])
def test_unbalanced_ranges_are_invalid(text):
    from claimcheck.model import DocumentResult
    from claimcheck.suppressions import apply_document

    doc = DocumentResult(path="p.md", text=text, format="markdown")
    statuses = [d.status for d in apply_document(doc)]
    assert "invalid" in statuses
