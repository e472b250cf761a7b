"""The jsonl, markdown, sarif, github and junit formats, all rendered from the same report: real
findings on hand-written copy, plus one finding on hostile copy and a document with a hostile path."""
from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from claimcheck import __version__
from claimcheck.checker import Checker, Report
from claimcheck.checks import RULES
from claimcheck.report import RenderOptions, render
from claimcheck.report.sarif import artifact_path, artifact_uri

DATA = Path(__file__).parent / "data"
REPORT_SCHEMA = Path(__file__).parent.parent / "claimcheck" / "schema" / "report.schema.json"

HOSTILE = "<script>alert(1)</script> | 100% \"sure\", a:b `tick` ]]> @team $5\r\nsecond line"
COPY = (
    "Roll a 1.5 mm roller at home every week.\n"
    "This treatment is painless.\n"
    f"Hostile copy: {HOSTILE} ends here.\n"
    "Honestly, it is painless.\n"
)
WEIRD_PATH = "docs/we|ird, na:me%<x>`.txt"
HOSTILE_MESSAGE = f"Unqualified claim in {HOSTILE}\nthird line"


@pytest.fixture(scope="module")
def report() -> Report:
    checker = Checker()
    doc = checker.check_text(COPY, source="a.md")
    weird = checker.check_text("Use a 2 mm roller at home daily.", source=WEIRD_PATH)
    missing = next(checker.check_paths_iter(["missing, file.md"]))
    rep = checker.check_documents([doc, weird, missing])
    # One finding on the hostile copy itself: spans "<script>" to "]]>" ... "second" (two lines).
    start = COPY.index("<script>")
    end = COPY.index("second line") + len("second")
    painless = next(f for f in doc.findings if f.code == "CC301")
    hostile = dataclasses.replace(painless, message=HOSTILE_MESSAGE, start=start, end=end, line=3,
                                  column=start - COPY.index("Hostile") + 1, text=COPY[start:end], sources=[])
    doc.findings.append(hostile)
    doc.findings.sort(key=lambda f: (f.start, f.end, f.code))
    return rep


def test_report_has_the_expected_findings(report: Report) -> None:
    doc, weird, missing = report.documents
    codes = [f.code for f in doc.findings]
    assert "CC101" in codes and codes.count("CC301") == 3  # 2 x painless + the hostile one
    assert [f.code for f in weird.findings if f.code == "CC101"] == ["CC101"]
    assert missing.error == "missing, file.md: no such file (or a broken link)"


# -- jsonl ------------------------------------------------------------------------------------------
def _document_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    ref = {"$schema": schema["$schema"], "$ref": "#/$defs/document", "$defs": schema["$defs"]}
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(ref)


@pytest.mark.parametrize("command", ["check", "extract"])
def test_jsonl_one_valid_document_per_line(report: Report, command: str) -> None:
    out = render(report, "jsonl", RenderOptions(command=command))
    assert out.endswith("\n")
    lines = out.split("\n")[:-1]
    assert len(lines) == len(report.documents)
    assert len(out.splitlines()) == len(lines)  # no U+2028 and friends break a record
    validator = _document_validator()
    expected = json.loads(render(report, "json", RenderOptions(command=command)))["documents"]
    for line, want in zip(lines, expected):
        record = json.loads(line)
        assert record["version"] == __version__
        body = {k: v for k, v in record.items() if k != "version"}
        validator.validate(body)  # $defs/document has additionalProperties: false, so without "version"
        assert body == want
        assert ("findings" in record) == (command == "check")
    first = json.loads(lines[0])
    if command == "check":
        assert any(f["message"] == HOSTILE_MESSAGE for f in first["findings"])
    assert json.loads(lines[2])["error"].startswith("missing, file.md")


def test_jsonl_escapes_unicode_line_separators() -> None:
    checker = Checker()
    doc = checker.check_text("Roll a 1.5 mm roller at home.", source="a\u2028b\u2029c\x85.txt")
    out = render(checker.check_documents([doc]), "jsonl")
    assert len(out.splitlines()) == 1
    assert "a\\u2028b\\u2029c\\u0085.txt" in out
    assert json.loads(out)["path"] == "a\u2028b\u2029c\x85.txt"


# -- markdown -------------------------------------------------------------------------------------
def test_markdown_summary_table_and_escaping(report: Report) -> None:
    out = render(report, "markdown")
    lines = out.splitlines()
    assert lines[0] == "<!-- claimcheck -->"
    header = lines.index("| Errors | Warnings | Info | Documents | Claims | Unreadable |")
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    claims = sum(len(d.claims) for d in report.documents)
    assert lines[header + 2] == f"| {counts['error']} | {counts['warning']} | {counts['info']} | 3 | {claims} | 1 |"
    assert "### a.md" in lines
    assert "### docs/we\\|ird, na:me%&lt;x&gt;\\`.txt" in lines
    assert "### Could not read" in lines
    # Nothing from copy reaches the comment as markup.
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "\\`tick\\`" in out and "\\]\\]&gt;" in out and "@\u200bteam" in out and "\\$5" in out
    assert "\r" not in out
    # Every table row has exactly its columns: no unescaped pipe, no broken line.
    for line in lines:
        if line.startswith("| ") and "Line" not in line and "---" not in line and "Errors" not in line:
            if re.match(r"\| \d+:\d+ \|", line):
                assert len(re.findall(r"(?<!\\)\|", line)) == 7, line
    row = next(line for line in lines if "Unqualified claim in" in line)
    assert row.startswith("| 3:15 | `CC301` | absolute-claim | warning | Unqualified claim in &lt;script&gt;")
    assert "second line third line" in row  # newlines collapsed
    assert "[AAD news release on microneedling (2018)](https://www.aad.org/news/microneedling)" in out


# -- sarif ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(report: Report, sarif_validator) -> None:
    log = json.loads(render(report, "sarif"))
    sarif_validator.validate(log)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")


def test_sarif_rules_and_results(report: Report) -> None:
    log = json.loads(render(report, "sarif"))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["semanticVersion"] == __version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES.values()]
    for rd, rule in zip(rules, RULES.values()):
        assert rd["name"] == rule.name
        assert rd["shortDescription"]["text"] == rule.summary
        assert rd["fullDescription"]["text"] == rule.help
        assert rd["help"]["text"] and rd["help"]["markdown"]
        assert rd["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        assert rd["properties"]["tags"]
    assert run["columnKind"] == "unicodeCodePoints"

    findings = [f for d in report.documents for f in d.findings]
    results = run["results"]
    assert len(results) == len(findings)
    for res, f in zip(results, findings):
        assert res["ruleId"] == f.code and rules[res["ruleIndex"]]["id"] == f.code
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        assert res["message"]["text"].startswith(f.message)
        for s in f.sources:
            assert s.title in res["message"]["text"] and s.url in res["message"]["text"]
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("./") and "\\" not in uri
        assert re.fullmatch(r"[0-9a-f]{16}:\d+", res["partialFingerprints"]["primaryLocationLineHash"])

    by_line = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"]): r for r in results}
    assert by_line[("a.md", 1, "CC101")]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 14}  # "1.5 mm"
    hostile = next(r for r in results if r["message"]["text"] == HOSTILE_MESSAGE)
    assert hostile["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 15, "endLine": 4, "endColumn": 7}  # ... "\r\nsecond"
    weird = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} - {"a.md"}
    assert weird == {"docs/we%7Cird%2C%20na%3Ame%25%3Cx%3E%60.txt"}

    # Same rule and wording in the same file: same hash, numbered occurrences.
    painless = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results
                if r["ruleId"] == "CC301" and r["message"]["text"] != HOSTILE_MESSAGE]
    assert len(painless) == 2 and painless[0].split(":")[0] == painless[1].split(":")[0]
    assert [p.split(":")[1] for p in painless] == ["1", "2"]
    # Stable across renders.
    again = json.loads(render(report, "sarif"))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == [r["partialFingerprints"] for r in results]

    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "missing, file.md: no such file (or a broken link)"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing%2C%20file.md"


def test_sarif_successful_run_and_paths(tmp_path: Path, monkeypatch, sarif_validator) -> None:
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    page.write_text("This treatment is painless.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rep = Checker().check_paths([str(page)])
    log = json.loads(render(rep, "sarif"))
    sarif_validator.validate(log)
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    [res] = log["runs"][0]["results"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/page.md"
    assert artifact_path("./docs/page.md") == "docs/page.md"
    outside = str(tmp_path.parent / "elsewhere.md")
    assert artifact_path(outside) == outside and artifact_uri(outside).startswith("file:///")


# -- github ---------------------------------------------------------------------------------------
def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def test_github_annotations_exact(report: Report) -> None:
    lines = render(report, "github").splitlines()
    doc, weird, _ = report.documents
    expected = []
    for f in doc.findings:
        if f.message == HOSTILE_MESSAGE:
            expected.append(
                "::warning file=a.md,line=3,col=15,endLine=4,endColumn=7,title=claimcheck CC301 absolute-claim::"
                "Unqualified claim in <script>alert(1)</script> | 100%25 \"sure\", a:b `tick` ]]> @team $5%0D%0A"
                "second line%0Athird line"
            )
            continue
        cmd = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        end_col = f.column + len(f.text)
        expected.append(f"::{cmd} file=a.md,line={f.line},col={f.column},endLine={f.line},endColumn={end_col},"
                        f"title=claimcheck {f.code} {f.rule}::{_data(f.message)}")
    for f in weird.findings:
        cmd = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        expected.append(f"::{cmd} file=docs/we|ird%2C na%3Ame%25<x>`.txt,line=1,col={f.column},endLine=1,"
                        f"endColumn={f.column + len(f.text)},title=claimcheck {f.code} {f.rule}::{_data(f.message)}")
    expected.append("::error file=missing%2C file.md::no such file (or a broken link)")
    assert lines == expected


# -- junit ----------------------------------------------------------------------------------------
def test_junit_parses_and_counts(report: Report) -> None:
    out = render(report, "junit")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "claimcheck"
    for el in (root, suite):
        assert (el.get("tests"), el.get("failures"), el.get("errors")) == ("3", "2", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.md", WEIRD_PATH, "missing, file.md"]
    assert all(c.get("classname") == c.get("name") for c in cases)
    assert len(suite.findall("testcase/failure")) == int(suite.get("failures"))
    assert len(suite.findall("testcase/error")) == int(suite.get("errors"))

    doc = report.documents[0]
    [failure] = cases[0].findall("failure")
    assert failure.get("type") == "error"
    first = next(f for f in doc.findings if f.severity != "info")
    failing = [f for f in doc.findings if f.severity != "info"]
    assert failure.get("message") == f"{first.code} {first.rule}: {first.message} (+{len(failing) - 1} more)"
    text = failure.text or ""
    for f in failing:
        assert f"{f.line}:{f.column} {f.code} {f.rule} ({f.severity}):" in text
    assert HOSTILE_MESSAGE.replace("\r\n", "\n") in text.replace("\r\n", "\n")  # round-trips, ]]> included
    info = cases[0].find("system-out")
    assert info is not None and "CC501 missing-safety-information (info)" in (info.text or "")
    assert "CC501" not in text  # info does not fail
    [error] = cases[2].findall("error")
    assert error.get("message") == "missing, file.md: no such file (or a broken link)"


def test_junit_info_only_document_passes() -> None:
    checker = Checker()
    doc = checker.check_text("Roll a 0.25 mm roller at home twice a week.", source="ok.md")
    rep = checker.check_documents([doc])
    assert {f.severity for f in rep.findings} <= {"info"}
    root = ET.fromstring(render(rep, "junit").encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
    assert root.find("testsuite/testcase/failure") is None


# -- command ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["markdown", "sarif", "github", "junit"])
def test_check_only_formats_refuse_extract(report: Report, fmt: str) -> None:
    with pytest.raises(ValueError, match="check"):
        render(report, fmt, RenderOptions(command="extract"))
