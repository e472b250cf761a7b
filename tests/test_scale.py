"""Scale paths give the same answers as the plain CLI: --jobs 2 (byte-identical json), --stdin
streaming, and the Dask bag. No timing assertions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "corpus" / name for name in (
    "aftercare-contradictions.md", "aftercare-leaflet.txt", "ask-the-aesthetician-qa.md",
    "blog-how-often-microneedle.md", "clinic-consultation-faq.html", "clinic-acne-scars.md",
)]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT)


def pages() -> list[str]:
    present = [str(p.relative_to(ROOT)) for p in PAGES if p.exists()]
    assert len(present) >= 3
    return present


def key(f: dict) -> tuple:
    return (f["code"], f["start"], f["end"], f["severity"], f["message"])


@pytest.fixture(scope="module")
def plain() -> dict:
    proc = run("check", "--isolated", "--format", "json", "--fail-on", "never", *pages())
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def plain_findings(report: dict, codes_out: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    return {d["path"]: sorted(key(f) for f in d["findings"] if f["code"] not in codes_out) for d in report["documents"]}


def test_jobs2_json_is_byte_identical_to_jobs1(tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        proc = run("check", "--isolated", "--format", "json", "--fail-on", "never", "--jobs", jobs, "-o", str(out),
                   *pages())
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_jobs2_is_byte_identical_to_one_process_in_every_format(checker):
    from claimcheck.parallel import check_paths_parallel
    from claimcheck.report import FORMATS, RenderOptions, render

    paths = [str(ROOT / p) for p in pages()] + [str(ROOT / "corpus")]
    one = checker.check_paths(paths)
    two = check_paths_parallel(checker, paths, jobs=2, chunksize=3)
    for fmt in sorted(FORMATS):
        assert render(two, fmt, RenderOptions("check")) == render(one, fmt, RenderOptions("check")), fmt


def test_jobs_keeps_exit_code_and_errors(tmp_path):
    missing = str(tmp_path / "missing.md")
    one = run("check", "--isolated", "--format", "json", missing, *pages())
    two = run("check", "--isolated", "--format", "json", "--jobs", "2", missing, *pages())
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr


def records() -> str:
    return "".join(json.dumps({"path": p, "text": (ROOT / p).read_text(encoding="utf-8")}) + "\n" for p in pages())


def test_stdin_streaming_matches_plain(plain):
    proc = run("check", "--isolated", "--stdin", "--fail-on", "never", stdin=records())
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    docs = [r for r in lines if not r.get("cross_document")]
    assert [d["path"] for d in docs] == [d["path"] for d in plain["documents"]]
    got: dict[str, list[tuple]] = {d["path"]: [key(f) for f in d["findings"]] for d in docs}
    for r in lines:
        if r.get("cross_document"):
            got[r["path"]].extend(key(f) for f in r["findings"])
    assert {p: sorted(v) for p, v in got.items()} == plain_findings(plain)
    plain_claims = {d["path"]: d["claims"] for d in plain["documents"]}
    assert {d["path"]: d["claims"] for d in docs} == plain_claims


def test_stdin_bad_records_are_reported_and_skipped():
    good = json.dumps({"path": "a.md", "text": "Roll a 2 mm roller at home."})
    stdin = "\n".join([good, "{not json", json.dumps({"path": "b.md"}), json.dumps([1]), good]) + "\n"
    proc = run("check", "--isolated", "--stdin", "--fail-on", "never", stdin=stdin)
    assert proc.returncode == 2
    assert len(proc.stdout.splitlines()) == 2
    errors = proc.stderr.splitlines()
    assert len(errors) == 3
    assert "<stdin>:2:" in errors[0] and "<stdin>:3:" in errors[1] and "<stdin>:4:" in errors[2]


def test_dask_bag_matches_plain(plain):
    db = pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'claimcheck[dask]')")
    from claimcheck.distributed import check_bag, cross_document_findings

    recs = [json.loads(line) for line in records().splitlines()]
    results = check_bag(db.from_sequence(recs, npartitions=2))
    docs = results.compute(scheduler="processes")
    assert [d["path"] for d in docs] == [d["path"] for d in plain["documents"]]
    assert {d["path"]: sorted(key(f) for f in d["findings"]) for d in docs} == plain_findings(plain, ("CC402",))
    cross = cross_document_findings(results, scheduler="processes")
    expected = {p: [f for f in fs if f[0] == "CC402"] for p, fs in plain_findings(plain).items()}
    assert {p: sorted(key(f) for f in cross.get(p, [])) for p in expected} == expected


def test_dask_jsonl_is_byte_identical_to_the_plain_cli():
    db = pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'claimcheck[dask]')")
    from claimcheck.distributed import check_bag, cross_document_findings, merge_cross_document
    from claimcheck.report.jsonl import dumps_line

    proc = run("check", "--isolated", "--format", "jsonl", "--fail-on", "never", *pages())
    assert proc.returncode == 0, proc.stderr
    results = check_bag(db.from_sequence([json.loads(line) for line in records().splitlines()], npartitions=3))
    cross = cross_document_findings(results, scheduler="processes")
    assert cross, "the pages disagree with each other, so CC402 is part of the comparison"
    docs = results.compute(scheduler="processes")
    assert "".join(dumps_line(r) for r in merge_cross_document(docs, cross)) == proc.stdout
