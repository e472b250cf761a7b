"""Robustness: adversarial sizes (no catastrophic backtracking, no quadratic scans), hostile files
through the CLI, hostile reference files, and hostile strings through every report format.

The adversarial texts come from benchmarks/adversarial.py (run it for the full timing table).
Timing assertions are ratios against real-looking copy measured in the same test, with generous
bounds; the complexity of claimcheck's own Python code is also checked deterministically by counting
the lines it executes (sys.settrace), which does not depend on the machine's speed.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.checker import Checker, Report
from claimcheck.nlp.quantities import find_quantities
from claimcheck.reference.loader import ReferenceError, default_reference_path, load_reference, load_reference_text
from claimcheck.reference.model import SourceRef
from claimcheck.report import FORMATS, RenderOptions, render
from claimcheck.sources import MAX_FILE_BYTES, source_from_text

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("claimcheck_adversarial", ROOT / "benchmarks" / "adversarial.py")
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)

SHIPPED = Path(default_reference_path()).read_text(encoding="utf-8")

def too_slow(hostile_fn, normal_fn, factor: float, slack: float, normal_runs: int = 2) -> tuple[float, float] | None:
    """None when hostile_fn runs within `factor` x normal_fn + `slack` seconds, else the two times.
    Measured a second time before calling it: a busy moment of a shared machine is not a quadratic."""
    for _ in range(2):
        t_normal = best_of(normal_runs, normal_fn)
        t_hostile = best_of(1, hostile_fn)
        if t_hostile <= factor * t_normal + slack:
            return None
    return t_normal, t_hostile


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


# =================================================================================================
# 1. No catastrophic backtracking: adversarial texts scale linearly
# =================================================================================================
def prose_and_quantities(text: str, name: str) -> None:
    find_quantities(source_from_text(text, name).prose)


@pytest.mark.parametrize("case", sorted(adversarial.CASES))
def test_adversarial_pattern_scales_linearly_through_prose_and_quantities(case: str) -> None:
    """8x the text may take at most 3 x 8x the time (quadratic growth would be 64x)."""
    small, _ = adversarial.build(case, 16_000)
    big, name = adversarial.build(case, 128_000)
    t_small = best_of(3, lambda: prose_and_quantities(small, name))
    t_big = best_of(1, lambda: prose_and_quantities(big, name))
    bound = 3 * 8 * t_small + 0.05
    if t_big > bound:  # one more try before calling it: a slow machine moment is not a quadratic
        t_big = min(t_big, best_of(1, lambda: prose_and_quantities(big, name)))
    assert t_big <= bound, f"{case}: {t_small:.3f}s for 16 KB but {t_big:.3f}s for 128 KB"


def closer(fmt: str) -> str:
    """Text that ends whatever an adversarial chunk left open (a comment, a tag, a quoted value,
    a raw-text element), so the next chunk is read as copy again."""
    if fmt == "html":
        return "\n-->\"'>]]></script></style></pre></code></textarea></title></template>\n\n"
    return "\n\n"


def megabyte_of_adversarial_copy(fmt: str, size: int = 1_000_000) -> str:
    """Every adversarial pattern of this format and of plain text, in equal chunks, ~`size` chars."""
    names = [n for n, (f, _) in adversarial.CASES.items() if f in (fmt, "text")]
    names.sort(key=lambda n: n == "md_fences")  # an unbalanced fence would swallow what follows
    chunk = size // len(names)
    return "".join(adversarial.build(n, chunk - len(closer(fmt)))[0] + closer(fmt) for n in names)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_megabyte_of_adversarial_copy_within_5x_of_a_normal_page(extractor, fmt: str) -> None:
    name = adversarial.SUFFIX[fmt]
    hostile = megabyte_of_adversarial_copy(fmt)
    normal = adversarial.normal_copy(len(hostile), fmt)
    assert abs(len(hostile) - 1_000_000) < 10_000
    slow = too_slow(lambda: extractor.extract_text(hostile, name), lambda: extractor.extract_text(normal, name),
                    5, 0.5, normal_runs=1)
    assert slow is None, f"{fmt}: normal page {slow[0]:.2f}s, adversarial copy {slow[1]:.2f}s"


@pytest.mark.parametrize("case", ["md_brackets", "symbol_run", "emoji_run", "quote_run", "varied_symbol_runs",
                                  "dash_run", "md_emphasis", "html_lt"])
def test_long_runs_of_symbols_do_not_stall_the_tokenizer(extractor, case: str) -> None:
    """spaCy's tokenizer is quadratic in a whitespace-free run of punctuation; the prose view keeps
    such runs short (64 KB of "!" took ~20 minutes before)."""
    hostile, name = adversarial.build(case, 64_000)
    normal = adversarial.normal_copy(64_000, adversarial.CASES[case][0])
    assert too_slow(lambda: extractor.extract_text(hostile, name), lambda: extractor.extract_text(normal, name),
                    5, 0.5) is None


# -- the complexity of claimcheck's own code, by counting executed lines ---------------------------
PACKAGE = str(Path(claimcheck.__file__).resolve().parent)


def lines_executed(fn) -> int:
    """Lines of claimcheck's Python code executed by fn() (C code, spaCy's included, is not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def scope(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(scope)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


def growth(extractor, make, name: str, n: int, factor: int = 4) -> float:
    """How much more code runs for `factor` times the input: ~factor when linear, factor² quadratic."""
    small = lines_executed(lambda: extractor.extract_text(make(n), name))
    big = lines_executed(lambda: extractor.extract_text(make(n * factor), name))
    return big / small


def test_extraction_work_grows_linearly_with_questions_answered_by_bare_numbers(extractor) -> None:
    page = lambda n: "How many sessions will I need? Three or four, or up to six. What size roller? A 0.5 is plenty. " * n
    assert growth(extractor, page, "a.txt", 100) <= 4 * 1.5


def test_extraction_work_grows_linearly_with_normal_copy(extractor) -> None:
    ratio = growth(extractor, lambda n: "Roll a 0.5 mm roller at home. Then rest.\n\n" * n, "a.md", 200)
    assert ratio <= 4 * 1.5, ratio


def test_extraction_work_grows_linearly_with_quantities_in_one_sentence(extractor) -> None:
    ratio = growth(extractor, lambda n: "1 mm 2 days 3 sessions " * n, "a.txt", 30)
    assert ratio <= 4 * 1.5, ratio


def test_extraction_work_grows_linearly_with_claims_in_one_section(extractor) -> None:
    ratio = growth(extractor, lambda n: "# Home roller guide\n\n" + "Roll a 0.5 mm roller. " * n, "a.md", 200)
    assert ratio <= 4 * 1.5, ratio


@pytest.mark.parametrize("case", ["many_quantities_one_sentence", "hyphen_chain_units", "many_claims_one_section"])
def test_one_long_sentence_or_section_of_quantities_scales_linearly(extractor, case: str) -> None:
    """claims.py confines per-quantity lookups to a window or a per-sentence cache (it was quadratic:
    5 KB took ~1 s, 100 KB minutes). 4x the text may take at most 2 x 4x the time (a quadratic is 16x).
    Measured against the same pattern at a quarter of the size, not against a normal page: these pages
    hold 10-15x more quantities per KB than real copy, so a fixed multiple of a normal page's time
    only measured how busy the machine was (CI failed one at 7.5x while the per-claim cost was flat)."""
    small, name = adversarial.build(case, 12_500)
    big, _ = adversarial.build(case, 50_000)
    assert too_slow(lambda: extractor.extract_text(big, name), lambda: extractor.extract_text(small, name),
                    2 * 4, 0.2) is None


def test_checking_one_wide_table_row_of_claims_within_5x_of_a_normal_page(checker) -> None:
    """The checks look at each claim's sentence once per sentence, not once per claim (a table row of
    3,000 claims, one sentence, took ~9 s when the consistency check searched it for every claim)."""
    n = 3000
    header = "| Product | " + " | ".join("Clinic" for _ in range(n)) + " |\n|" + "---|" * (n + 1) + "\n"
    hostile = header + ("| Retinol | " + " | ".join(f"After {i % 9 + 1} days" for i in range(n)) + " |\n") * 2
    normal = "".join(f"Avoid retinol for {i % 9 + 1} days after a clinic session.\n\n" for i in range(2 * n))
    assert too_slow(lambda: checker.check_text(hostile, source="wide.md"),
                    lambda: checker.check_text(normal, source="normal.md"), 5, 0.2) is None


# =================================================================================================
# 2. Files through the CLI
# =================================================================================================
GOOD = {
    "good.md": "# Home care\n\nRoll a 0.25 mm roller at home twice a week. Disinfect it after use.\n",
    "good.html": "<html><body><h1>Clinic</h1><p>We use a 1.5 mm pen every 4 to 6 weeks.</p></body></html>",
    "good.txt": "Aftercare\n\nRedness usually fades within 24 to 48 hours.\n",
    "sub/nested.md": "Plan 3 to 6 sessions, 4 weeks apart, in clinic.\n",
}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CLAIMCHECK_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env, timeout=300)


def make_site(root: Path) -> dict[str, str | None]:
    """Good and bad pages; returns each file's expected error (a phrase of it), None when readable."""
    expected: dict[str, str | None] = {}
    for rel, text in GOOD.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        expected[rel] = None
    (root / "binary.txt").write_bytes(b"Use a 1 mm roller\x00\x00\x01\x02" + bytes(range(256)) * 4)
    expected["binary.txt"] = "binary file"
    (root / "legacy.md").write_bytes("Roll a 1.5 mm roller at home \u2013 it\u2019s painless.\n".encode("cp1252"))
    expected["legacy.md"] = None  # read as cp1252, with a warning
    (root / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = None  # an empty page is a page without claims
    (root / "broken.md").symlink_to(root / "nowhere.md")
    expected["broken.md"] = "no such file"
    with open(root / "huge.txt", "wb") as fh:  # sparse: 50 MB without writing them
        fh.truncate(50 * 1024 * 1024)
    assert (root / "huge.txt").stat().st_size > MAX_FILE_BYTES
    expected["huge.txt"] = "file too large"
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.md")  # opening it for reading would wait for a writer forever
        expected["pipe.md"] = "named pipe"
    if Path("/dev/zero").exists():
        (root / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
        expected["zero.txt"] = "a device"
    return expected


def test_directory_with_bad_files_reports_every_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    expected = make_site(site)
    proc = run_cli("check", "--format", "json", str(site), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    docs = {Path(d["path"]).relative_to(site).as_posix(): d for d in report["documents"]}
    assert set(docs) == set(expected), "every file is in the report, none silently skipped"

    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    bad = {rel: phrase for rel, phrase in expected.items() if phrase}
    assert len(errors) == len(bad), proc.stderr
    for rel, phrase in bad.items():
        assert phrase in docs[rel]["error"], docs[rel]
        assert not docs[rel]["claims"]
        mine = [line for line in errors if str(site / rel) in line]
        assert len(mine) == 1 and phrase in mine[0] and mine[0].startswith("claimcheck: error: "), (rel, errors)
    for rel in GOOD:
        assert "error" not in docs[rel], docs[rel]
        assert docs[rel]["claims"], rel
    legacy = docs["legacy.md"]
    assert "error" not in legacy
    assert any("cp1252" in w for w in legacy.get("warnings", [])), legacy
    assert [c["text"] for c in legacy["claims"]] == ["1.5 mm"]
    assert any(f["code"] == "CC301" for f in legacy["findings"])  # "painless" read through cp1252
    assert docs["empty.txt"]["claims"] == [] and "error" not in docs["empty.txt"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading the file")
def test_unreadable_file_is_a_one_line_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "good.md").write_text(GOOD["good.md"], encoding="utf-8")
    locked = site / "locked.md"
    locked.write_text("Use a 1 mm roller.", encoding="utf-8")
    locked.chmod(0)
    try:
        proc = run_cli("check", "--format", "json", str(site), cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    assert proc.returncode == 2
    docs = {Path(d["path"]).name: d for d in json.loads(proc.stdout)["documents"]}
    assert set(docs) == {"good.md", "locked.md"}
    assert "permission denied" in docs["locked.md"]["error"]
    assert proc.stderr.strip().splitlines() == [f"claimcheck: error: {locked}: permission denied"]


def test_permission_denied_is_a_one_line_error_even_as_root(tmp_path: Path, monkeypatch, capsys) -> None:
    """chmod 000 does not stop root (CI), so the refusal is simulated where the file is opened."""
    from claimcheck import cli
    from claimcheck import sources

    site = tmp_path / "site"
    site.mkdir()
    (site / "good.md").write_text(GOOD["good.md"], encoding="utf-8")
    (site / "locked.md").write_text("Use a 1 mm roller.", encoding="utf-8")
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if Path(path).name == "locked.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(sources.os, "open", refusing_open)
    monkeypatch.chdir(tmp_path)
    code = cli.main(["check", "--isolated", "--format", "json", "site"])
    out, err = capsys.readouterr()
    assert code == 2
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert set(docs) == {"good.md", "locked.md"} and docs["good.md"]["claims"]
    assert "permission denied" in docs["locked.md"]["error"]
    assert err.strip().splitlines() == [f"claimcheck: error: {Path('site') / 'locked.md'}: permission denied"]


def test_explicit_bad_paths_are_reported_too(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD["good.md"], encoding="utf-8")
    (tmp_path / "dir.md").mkdir()
    proc = run_cli("check", "--format", "json", "good.md", "missing.md", "dir.md", cwd=tmp_path)
    assert proc.returncode == 2
    docs = {d["path"]: d for d in json.loads(proc.stdout)["documents"]}
    assert "error" not in docs["good.md"]
    assert "no such file" in docs["missing.md"]["error"]
    errors = proc.stderr.strip().splitlines()
    assert any("missing.md" in e for e in errors) and all(e.startswith("claimcheck: error: ") for e in errors)


# =================================================================================================
# 3. Reference files: hostile YAML is a one-line error with file and line, never a traceback
# =================================================================================================
def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def reference_error(text: str, path: str = "claims.yaml") -> ReferenceError:
    with pytest.raises(ReferenceError) as info:
        load_reference_text(text, path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(path), message
    assert all("\n" not in e and e.startswith(path) for e in info.value.errors), info.value.errors
    return info.value


def one_line_error(text: str, path: str = "claims.yaml") -> str:
    return str(reference_error(text, path))


@pytest.mark.parametrize("text", [
    "!!python/object:os.system {}\n",
    "kinds: !!python/object:collections.OrderedDict {}\n",
    "kinds: !!python/name:os.system\n",
    "kinds: !!python/object/new:os.system [echo hi]\n",
    "kinds: !!python/module:os\n",
    "kinds: !<tag:yaml.org,2002:python/object/apply:os.system> [echo hi]\n",
])
def test_python_tags_are_refused(text: str) -> None:
    assert "unsupported YAML tag" in one_line_error(text)


def test_huge_yaml_is_refused_as_text_and_as_file(tmp_path: Path) -> None:
    big = "# " + "x" * (6 * 1024 * 1024) + "\nversion: 1\n"
    assert "too large" in one_line_error(big)
    path = tmp_path / "claims.yaml"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(ReferenceError, match="too large"):
        load_reference(path)


def test_huge_yaml_file_of_multibyte_text_is_refused_not_truncated(tmp_path: Path) -> None:
    # 6 MB of "é" is 3 M characters: the first 5 MB + 1 byte decode to fewer characters than the limit
    # (or end inside a character) and must not be read as a shorter file
    path = tmp_path / "claims.yaml"
    path.write_text("# " + "é" * (3 * 1024 * 1024) + "\nversion: 1\n", encoding="utf-8")
    with pytest.raises(ReferenceError) as info:
        load_reference(path)
    assert "too large" in str(info.value), str(info.value)


@pytest.mark.parametrize("text, line", [
    ("kinds: " + "[" * 100_000 + "]" * 100_000 + "\n", 1),
    ("kinds:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 1000)), 64),
    ("kinds:\n  - " + "- " * 1000 + "x\n", 2),
    ("kinds: &a [*a]\n", 1),
    ("a: &a {b: *a}\n", 1),
])
def test_deep_or_cyclic_yaml_is_refused_quickly(text: str, line: int | None) -> None:
    t0 = time.perf_counter()
    message = one_line_error(text)
    assert time.perf_counter() - t0 < 5
    assert "nesting deeper" in message or "nested too deeply" in message, message
    if line is not None:
        assert message.startswith(f"claims.yaml:{line}:"), message


def test_billion_laughs_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    t0 = time.perf_counter()
    message = one_line_error("\n".join(lines) + "\n")
    assert time.perf_counter() - t0 < 10
    assert "too large" in message or "nesting" in message, message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_control_characters_in_yaml_are_a_one_line_error(char: str, tmp_path: Path) -> None:
    text = f"version: 1\nname: a{char}b\n"
    message = one_line_error(text)
    assert message.startswith("claims.yaml:2:"), message
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("reference", "validate", str(path), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_duplicate_keys_name_the_line_of_the_second() -> None:
    text = replace_once(SHIPPED, "    dimension: length\n", "    dimension: length\n    dimension: duration\n")
    message = one_line_error(text)
    line = text[: text.index("    dimension: duration\n")].count("\n") + 1
    assert message.startswith(f"claims.yaml:{line}:") and "duplicate key 'dimension'" in message, message


WRONG_TYPES = {
    # a string where a list is expected
    "entries as a string": (("\nentries:\n", "\nentries: just one\nold_entries:\n"), "entries"),
    "entry sources as a number": (("    sources: [Ro, TopBeauty]\n", "    sources: 5\n"), "sources"),
    "accepted as a string": (("accepted: {min: 15, max: 120, unit: min}", "accepted: fifteen"), "accepted"),
    "min as a string": (("accepted: {min: 15, max: 120, unit: min}", "accepted: {min: '15', max: 120, unit: min}"), "min"),
    "unit as a list": (("accepted: {min: 15, max: 120, unit: min}", "accepted: {min: 15, max: 120, unit: [min]}"), "unit"),
    # a number as a kind name
    "kind name as a number": (("  needle_depth:\n", "  5:\n"), "kind"),
    "entry kind as a number": (("    kind: numbing_time\n", "    kind: 5\n"), "kind"),
    "severity as a list": (("    severity: error\n", "    severity: [error]\n"), "severity"),
    "weight as a string": (("    at home: 3\n", "    at home: three\n"), "weight"),
    "weight as a list": (("    at home: 3\n", "    at home: [3]\n"), "weight"),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_wrong_types_are_one_line_errors_with_file_and_line(case: str) -> None:
    (old, new), word = WRONG_TYPES[case]
    exc = reference_error(replace_once(SHIPPED, old, new))
    assert all(re.match(r"claims\.yaml:\d+: ", e) for e in exc.errors), exc.errors
    assert any(word in e for e in exc.errors), exc.errors


# Unhashable values (a list or a mapping) where loader.py tests membership in a set or dict.
UNHASHABLE = {
    "kind dimension as a list": ("    dimension: length\n", "    dimension: [length]\n"),
    "entry rule as a list": ("    rule: risky-home-use\n", "    rule: [risky-home-use]\n"),
    "entry subject as a mapping": ("{setting: any, subject: makeup}", "{setting: any, subject: {name: makeup}}"),
    "phrase rule as a list": ("    rule: absolute-claim\n", "    rule: [absolute-claim]\n"),
}


@pytest.mark.parametrize("case", sorted(UNHASHABLE))
def test_unhashable_values_are_one_line_errors_with_file_and_line(case: str) -> None:
    old, new = UNHASHABLE[case]
    message = one_line_error(replace_once(SHIPPED, old, new))
    assert re.match(r"claims\.yaml:\d+: ", message), message


def test_unhashable_value_through_the_cli_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(replace_once(SHIPPED, *UNHASHABLE["kind dimension as a list"]), encoding="utf-8")
    proc = run_cli("reference", "validate", str(path), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert re.match(rf"claimcheck: error: {re.escape(str(path))}:\d+: ", proc.stderr), proc.stderr


_SHIPPED_DATA = yaml.safe_load(SHIPPED)
_PATHS: list[tuple] = []


def _walk(obj, prefix=()) -> None:
    if prefix:
        _PATHS.append(prefix)
    if isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            _walk(v, prefix + (i,))


_walk(_SHIPPED_DATA)
WRONG_VALUES = st.sampled_from(["", "x", 0, -1, 2.5, True, None, [], {}, ["x"], [1, 2], {"a": 1}, {"min": "x"}, [[1]]])


@settings(derandomize=True, max_examples=150, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PATHS), WRONG_VALUES), min_size=1, max_size=3))
def test_any_wrong_value_in_the_reference_is_a_one_line_error(changes) -> None:
    import copy

    data = copy.deepcopy(_SHIPPED_DATA)
    for path, value in changes:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    try:
        load_reference_text(text, "claims.yaml")
    except ReferenceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("claims.yaml")


# =================================================================================================
# 4. Hostile strings through every report format
# =================================================================================================
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "]]>",
    "%0A::error::injected",
    "line one\nline two\r\n::error::injected",
    "a | b | c",
    "``` `tick` ```",
    "javascript:alert(1)",
    "\u2028\u2029\x00\x1b[31m",
]
COPY = (
    "Roll a 1.5 mm roller at home every week. It is painless: "
    + " ".join(HOSTILE).replace("\n", " ")
    + "\nThis treatment has no downtime. Use a 2 mm pen at home.\n"
)


@pytest.fixture(scope="module")
def hostile_report(checker) -> Report:
    doc = checker.check_text(COPY, source="pages/" + HOSTILE[0] + "|`x`.md")
    missing = next(checker.check_paths_iter(["]]> %0A::error::x " + HOSTILE[1] + ".md"]))
    assert doc.findings and missing.error
    hostile_findings = []
    for i, text in enumerate(HOSTILE):
        base = doc.findings[i % len(doc.findings)]
        hostile_findings.append(dataclasses.replace(
            base, message=f"{text} {base.message} {text}", rule=base.rule,
            sources=[SourceRef("x", text, "javascript:alert(1)"), SourceRef("y", text, "https://example.com/?q=" + text)],
        ))
    doc.findings = sorted(doc.findings + hostile_findings, key=lambda f: (f.start, f.end, f.code))
    doc.warnings.append("warning with " + HOSTILE[4])
    return checker.check_documents([doc, missing])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_hostile_strings_in_every_report_format(hostile_report: Report, fmt: str) -> None:
    if fmt == "html" and not (ROOT / "claimcheck" / "report" / "html.py").exists():
        pytest.skip("no html report yet")
    out = render(hostile_report, fmt, RenderOptions("check"))
    n_findings = len(hostile_report.findings)
    if fmt == "json":
        data = json.loads(out)
        messages = [f["message"] for d in data["documents"] for f in d["findings"]]
        assert any(HOSTILE[0] in m for m in messages)  # kept as data, escaped by JSON itself
    elif fmt == "jsonl":
        for line in out.split("\n")[:-1]:
            json.loads(line)
    elif fmt == "sarif":
        data = json.loads(out)
        assert sum(len(run["results"]) for run in data["runs"]) >= n_findings
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif fmt == "github":
        lines = out.split("\n")
        assert lines[-1] == ""
        lines = lines[:-1]
        assert all(line.startswith("::") for line in lines), [l for l in lines if not l.startswith("::")]
        assert "\r" not in out
        annotations = [l for l in lines if re.match(r"::(error|warning|notice) file=[^:]*,line=", l)]
        assert len(annotations) == n_findings
        assert sum("injected" in line for line in lines) <= n_findings + 1  # only inside messages
    elif fmt == "markdown":
        assert "<script>" not in out.lower() and "<img" not in out.lower()
        assert "](javascript:" not in out
        for line in out.split("\n"):
            if line.startswith("| ") and "Line | Code" not in line:
                cells = re.split(r"(?<!\\)\|", line)
                assert len(cells) in (7, 8), line  # 6 columns of findings, or the summary table
    elif fmt == "html":
        assert "<script>alert(1)" not in out and "onerror=alert(1)>" not in out
        assert 'href="javascript:' not in out.lower() and "href='javascript:" not in out.lower()
    elif fmt == "text":
        assert "Traceback" not in out


def test_a_very_deep_directory_tree_is_walked(tmp_path: Path) -> None:
    """os.walk recurses (a RecursionError past ~1,000 levels); the walk is iterative."""
    from claimcheck.checker import iter_paths

    levels = []
    deep = tmp_path
    for _ in range(1_100):  # os.makedirs would recurse too
        deep = deep / "a"
        deep.mkdir()
        levels.append(deep)
    (deep / "page.md").write_text("Roll a 2 mm roller at home.", encoding="utf-8")
    (tmp_path / "top.md").write_text("x", encoding="utf-8")
    try:
        assert [Path(p).name for p in iter_paths([tmp_path])] == ["top.md", "page.md"]
    finally:  # shutil.rmtree (pytest's clean-up of old tmp dirs) recurses too: remove it bottom up
        (deep / "page.md").unlink()
        for level in reversed(levels):
            level.rmdir()


@pytest.mark.parametrize("row", ["a \\| b \\| c with 2 mm", "\\| x \\|", "| a \\| b |", "|", "||", "a | b"])
def test_markdown_rows_with_escaped_or_lone_pipes_are_read(extractor, row: str) -> None:
    result = extractor.extract_text(f"# Table\n\n{row}\n\nUse a 2 mm roller.\n", "a.md")
    assert [c.text for c in result.claims][-1] == "2 mm"
