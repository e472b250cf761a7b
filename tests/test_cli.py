"""The command line end to end: formats, exit codes 0/1/2, bad files, the JSON contract."""
import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

SCHEMA = json.loads(resources.files("claimcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture()
def pages(tmp_path):
    (tmp_path / "risky.md").write_text(
        "# Home roller guide\n\nRoll a 1.5mm-2.00mm roller at home every week.\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text(
        "Most clients book 3 to 6 sessions, spaced 4 to 6 weeks apart, at our clinic.\n", encoding="utf-8")
    (tmp_path / "faq.html").write_text(
        "<html><body><h1>FAQ</h1><p>Is it painless? It is painless for everyone.</p></body></html>", encoding="utf-8")
    return tmp_path


def test_extract_text_lists_claims_with_location_kind_value_and_setting(pages):
    proc = run("extract", str(pages / "risky.md"))
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith(f"{pages / 'risky.md'}:3:8: needle_depth 1.5–2 mm")
    assert "[home, asserted]" in first


def test_extract_json_validates_against_the_schema(pages):
    proc = run("extract", "--format", "json", str(pages / "risky.md"), str(pages / "clean.txt"), str(pages / "faq.html"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    claim = data["documents"][0]["claims"][0]
    assert claim["kind"] == "needle_depth" and claim["text"] == "1.5mm-2.00mm"
    assert claim["value"] == {"min": 1.5, "max": 2.0, "unit": "mm"}
    assert claim["normalized"] == {"min": 1.5, "max": 2.0, "unit": "mm"}
    assert "findings" not in data["documents"][0]


def test_extract_all_includes_quantities_without_a_kind(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Soak it in 70% alcohol.", encoding="utf-8")
    assert json.loads(run("extract", "--format", "json", str(page)).stdout)["documents"][0]["claims"] == []
    data = json.loads(run("extract", "--all", "--format", "json", str(page)).stdout)
    jsonschema.validate(data, SCHEMA)
    assert [c["kind"] for c in data["documents"][0]["claims"]] == [None]


def test_check_json_has_claims_and_findings_in_the_schema(pages):
    proc = run("check", "--format", "json", str(pages))
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    by_path = {os.path.basename(d["path"]): d for d in data["documents"]}
    risky = by_path["risky.md"]["findings"]
    assert {f["rule"] for f in risky} >= {"risky-home-use"}
    f = next(f for f in risky if f["rule"] == "risky-home-use")
    assert f["claim"] == "c1" and f["code"] == "CC101" and f["sources"][0]["url"].startswith("http")
    assert by_path["clean.txt"]["findings"] == []
    assert {f["rule"] for f in by_path["faq.html"]["findings"]} == {"absolute-claim"}


def test_exit_codes_follow_fail_on(pages):
    clean = str(pages / "clean.txt")
    faq = str(pages / "faq.html")  # warnings only
    assert run("check", clean).returncode == 0
    assert run("check", faq).returncode == 0
    assert run("check", "--fail-on", "warning", faq).returncode == 1
    assert run("check", str(pages / "risky.md")).returncode == 1
    assert run("check", "--fail-on", "never", str(pages / "risky.md")).returncode == 0


def test_unreadable_files_are_one_line_errors_and_the_rest_is_still_checked(pages):
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (pages / "latin1.txt").write_bytes("Caf\xe9 clients book 3 to 6 sessions at our clinic.".encode("latin-1"))
    os.symlink(pages / "missing.md", pages / "broken.md")
    proc = run("check", "--format", "json", str(pages))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    paths = {os.path.basename(d["path"]): d for d in data["documents"]}
    assert "binary file" in paths["binary.txt"]["error"]
    assert "no such file" in paths["broken.md"]["error"]
    assert paths["latin1.txt"]["claims"] and "not valid UTF-8" in paths["latin1.txt"]["warnings"][0]
    assert paths["risky.md"]["findings"]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("claimcheck: error: ") for e in errors)
    assert "Traceback" not in proc.stderr


def test_rules_are_accepted_by_code_or_name(pages):
    faq = str(pages / "faq.html")
    assert run("check", "--fail-on", "warning", "--ignore", "CC301", faq).returncode == 0
    assert run("check", "--fail-on", "warning", "--select", "absolute-claim", faq).returncode == 1
    bad = run("check", "--select", "no-such-rule", faq)
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


def test_usage_errors_exit_2(pages):
    assert run("check").returncode == 2
    assert run("check", "--format", "nope", str(pages)).returncode == 2
    assert run().returncode == 2


def test_output_file(pages, tmp_path):
    out = tmp_path / "report.json"
    proc = run("check", "--format", "json", "--output", str(out), str(pages / "clean.txt"))
    assert proc.returncode == 0 and proc.stdout == ""
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SCHEMA)


def test_rules_command_lists_codes():
    proc = run("rules")
    assert proc.returncode == 0
    assert "CC101" in proc.stdout and "risky-home-use" in proc.stdout


def test_api_check_text_matches_the_readme():
    import claimcheck

    checker = claimcheck.Checker()
    report = checker.check_text("Roll a 1.5 mm roller at home.", source="draft.md")
    [f] = [f for f in report.findings if f.rule == "risky-home-use"]
    assert f.reference == "needle-depth-home" and f.sources and f.path == "draft.md"
