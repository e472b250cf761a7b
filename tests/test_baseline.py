"""Baselines end to end: write today's findings, rerun clean, survive edits above a finding, fail on
new findings, report stale entries; keyed on content, paths relative to the baseline file."""
import json
import subprocess
import sys
from importlib import resources

import jsonschema

SCHEMA = json.loads(resources.files("claimcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))

PAGE = """# Home roller guide

Roll a 1.5mm roller at home every week.

It is painless.

Our clinic team is friendly.
"""


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", "--isolated", *args],
                          capture_output=True, text=True, cwd=cwd)


def write_baseline(tmp_path):
    proc = run("--write-baseline", ".claimcheck-baseline.json", "copy", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return proc


def make_copy(tmp_path, text=PAGE):
    (tmp_path / "copy").mkdir(exist_ok=True)
    (tmp_path / "copy" / "home.md").write_text(text, encoding="utf-8")
    (tmp_path / "copy" / "other.md").write_text("# Clinic\n\nIt is painless.\n", encoding="utf-8")


def test_write_then_rerun_passes(tmp_path):
    make_copy(tmp_path)
    proc = write_baseline(tmp_path)  # exit 0 although CC101 is an error
    assert proc.stdout == ""
    assert "wrote 4 findings to baseline .claimcheck-baseline.json" in proc.stderr
    data = json.loads((tmp_path / ".claimcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["claimcheck-baseline"] == 1
    entries = {(e["path"], e["code"], e["text"]) for e in data["entries"]}
    assert ("copy/home.md", "CC101", "1.5mm") in entries
    assert ("copy/home.md", "CC301", "painless") in entries and ("copy/other.md", "CC301", "painless") in entries
    home_301 = next(e for e in data["entries"] if e["path"] == "copy/home.md" and e["code"] == "CC301")
    assert home_301["context"] == "It is painless." and home_301["occurrence"] == 1

    proc = run("--baseline", ".claimcheck-baseline.json", "--fail-on", "info", "copy", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().endswith("0 findings in 2 documents, 2 claims checked")
    assert "baseline .claimcheck-baseline.json: 4 findings matched, 0 new, 0 stale entries" in proc.stderr

    # from another working directory, with the baseline named by another path: same result
    (tmp_path / "sub").mkdir()
    proc = run("--baseline", "../.claimcheck-baseline.json", "--fail-on", "info", "../copy", cwd=tmp_path / "sub")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_edits_above_a_finding_keep_it_matched_and_new_findings_fail(tmp_path):
    make_copy(tmp_path)
    write_baseline(tmp_path)
    edited = "# Home roller guide\n\nA new introduction.\n\nAnd another paragraph,\nreflowed.\n\n" + PAGE.split("\n", 2)[2]
    edited = edited.replace("Roll a 1.5mm roller at home every week.", "Roll a 1.5mm roller at home\nevery week.")
    (tmp_path / "copy" / "home.md").write_text(edited, encoding="utf-8")
    proc = run("--baseline", ".claimcheck-baseline.json", "--fail-on", "info", "copy", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    (tmp_path / "copy" / "home.md").write_text(edited + "\nNo downtime.\n\nGuaranteed results.\n", encoding="utf-8")
    proc = run("--baseline", ".claimcheck-baseline.json", "--format", "json", "copy", cwd=tmp_path)
    assert proc.returncode == 0  # new findings are warnings; default --fail-on error
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    new = [(f["code"], f["text"]) for d in data["documents"] for f in d["findings"]]
    assert sorted(new) == [("CC301", "Guaranteed results"), ("CC301", "No downtime")]
    assert data["baseline"] == {"path": ".claimcheck-baseline.json", "matched": 4, "new": 2, "stale": []}
    assert run("--baseline", ".claimcheck-baseline.json", "--fail-on", "warning", "copy", cwd=tmp_path).returncode == 1


def test_identical_findings_are_counted(tmp_path):
    make_copy(tmp_path, "# Clinic\n\nIt is painless.\n\nIt is painless.\n")
    write_baseline(tmp_path)
    (tmp_path / "copy" / "home.md").write_text("# Clinic\n\nIt is painless.\n\nIt is painless.\n\nIt is painless.\n",
                                               encoding="utf-8")
    proc = run("--baseline", ".claimcheck-baseline.json", "--fail-on", "warning", "copy", cwd=tmp_path)
    assert proc.returncode == 1
    assert "copy/home.md:" in proc.stdout and proc.stdout.count(" CC301 ") == 1
    assert "3 findings matched, 1 new, 0 stale entries" in proc.stderr


def test_stale_entries_are_reported_but_do_not_fail(tmp_path):
    make_copy(tmp_path)
    write_baseline(tmp_path)
    (tmp_path / "copy" / "home.md").write_text(PAGE.replace("It is painless.", "It is usually tolerable."),
                                               encoding="utf-8")
    proc = run("--baseline", ".claimcheck-baseline.json", "--format", "json", "--fail-on", "info", "copy", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    (stale,) = data["baseline"]["stale"]
    assert (stale["path"], stale["code"], stale["text"], stale["line"]) == ("copy/home.md", "CC301", "painless", 5)
    assert "3 findings matched, 0 new, 1 stale entry (no longer found" in proc.stderr
    assert 'stale baseline entry: copy/home.md: CC301 absolute-claim "painless" (line 5 when recorded)' in proc.stderr

    # documents not checked in this run are not stale (pre-commit passes only changed files)
    proc = run("--baseline", ".claimcheck-baseline.json", "--format", "json", "copy/other.md", cwd=tmp_path)
    assert json.loads(proc.stdout)["baseline"] == {"path": ".claimcheck-baseline.json", "matched": 1, "new": 0,
                                                   "stale": []}


def test_baseline_errors_are_one_line(tmp_path):
    make_copy(tmp_path)
    proc = run("--baseline", "missing.json", "copy", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("claimcheck: error: missing.json: no such baseline file "
                                   "(create it with --write-baseline)")
    (tmp_path / "bad.json").write_text('{"entries": []}', encoding="utf-8")
    proc = run("--baseline", "bad.json", "copy", cwd=tmp_path)
    assert proc.returncode == 2 and "not a claimcheck baseline" in proc.stderr


def test_baseline_from_the_configuration(tmp_path):
    make_copy(tmp_path)
    write_baseline(tmp_path)
    (tmp_path / ".claimcheck.toml").write_text('baseline = ".claimcheck-baseline.json"\nfail-on = "info"\n',
                                               encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "copy"], capture_output=True, text=True,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 findings matched" in proc.stderr
