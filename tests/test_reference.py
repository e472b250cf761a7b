"""The reference file: the shipped one loads; every kind of mistake is a one-line error naming
file, line and field, and exit code 2 through the CLI."""
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.reference.loader import ReferenceError, default_reference_path, load_reference, load_reference_text

SHIPPED = Path(default_reference_path()).read_text(encoding="utf-8")

REQUIRED_KINDS = {
    "needle_depth", "session_count", "session_interval", "session_duration", "numbing_time", "recovery_time",
    "results_time", "avoidance_period", "results_duration",
}


def test_shipped_reference_defines_the_required_kinds_with_sourced_entries():
    ref = load_reference()
    assert REQUIRED_KINDS <= set(ref.kinds)
    assert {e.kind for e in ref.entries} >= REQUIRED_KINDS
    for entry in ref.entries:
        assert entry.sources and all(s.url.startswith("http") and s.title for s in entry.sources), entry.id
        assert entry.rationale
    subjects = {e.subject for e in ref.entries if e.kind == "avoidance_period"}
    assert {"makeup", "sun", "actives", "exercise"} <= subjects
    settings = {e.setting for e in ref.entries if e.kind == "needle_depth"}
    assert ("home",) in settings and ("professional", None) in settings


def replace_once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


CASES = {
    "unknown kind": ("    kind: session_duration\n", "    kind: session_lenght\n", "unknown kind 'session_lenght'"),
    "min greater than max": ("accepted: {min: 15, max: 120, unit: min}", "accepted: {min: 150, max: 120, unit: min}", "min 150 > max 120"),
    "unknown unit": ("accepted: {min: 15, max: 120, unit: min}", "accepted: {min: 15, max: 120, unit: furlongs}", "unknown unit 'furlongs'"),
    "missing source": ("    sources: [Ro, TopBeauty]\n", "    sources: [Ro, NoSuchSource]\n", "unknown source 'NoSuchSource'"),
    "no sources at all": ("    sources: [Ro, TopBeauty]\n", "", "sources: missing"),
    "duplicate id": ("  - id: numbing-time\n", "  - id: session-duration\n", "duplicate id"),
    "unit of the wrong dimension": ("accepted: {min: 15, max: 120, unit: min}", "accepted: {min: 15, max: 120, unit: mm}", "is a length"),
    "bad unstated-depth choice": ("needle_depth: {max: 0.3, unit: mm, unstated: skip}", "needle_depth: {max: 0.3, unit: mm, unstated: maybe}",
                                  "needle_depth.unstated: expected apply or skip"),
    "unbalanced phrase group": ('"(bear|bears|bearing) down"', '"(bear|bears|bearing down"', "unbalanced or nested brackets"),
    "misspelt unstated-depth key": ("needle_depth: {max: 0.3, unit: mm, unstated: skip}", "needle_depth: {max: 0.3, unit: mm, unstatd: skip}",
                                    "unknown field (expected one of: max, min, unit, unstated)"),
    "phrase group too large": ('"(bear|bears|bearing) down"', '"(a|b|c|d|e|f|g|h) (a|b|c|d|e|f|g|h) (a|b|c|d|e|f|g|h) (a|b|c|d|e|f|g|h)"',
                               "stands for 4096 phrases"),
    "consistency ratio below one": ("    consistency_ratio: 4\n", "    consistency_ratio: 0.5\n",
                                    "consistency_ratio: must be a number of at least 1, not 0.5"),
    "consistency exception that is no setting": ("    consistency_except: [home]\n", "    consistency_except: [spa]\n",
                                                 "consistency_except: 'spa' is not a setting"),
    "neither accepted nor typical": ("    typical: {min: 30, max: 60, unit: min}\n    accepted: {min: 15, max: 120, unit: min}\n", "",
                                     "accepted: missing"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_reported_with_file_line_and_field(case, tmp_path):
    old, new, expected = CASES[case]
    broken = replace_once(SHIPPED, old, new)
    path = tmp_path / "claims.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ReferenceError) as info:
        load_reference(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:")
    assert expected in message
    line = int(message.split(":")[1])
    assert 1 <= line <= broken.count("\n") + 1

    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "reference", "validate", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr

    page = tmp_path / "page.md"
    page.write_text("Use a 0.25 mm roller.", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", "--reference", str(path), str(page)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and expected in proc.stderr


def test_unknown_kind_error_points_at_the_kind_line(tmp_path):
    broken = replace_once(SHIPPED, "    kind: numbing_time\n", "    kind: numbing_tim\n")
    with pytest.raises(ReferenceError) as info:
        load_reference_text(broken, "claims.yaml")
    assert str(info.value).startswith(f"claims.yaml:{line_of(broken, 'kind: numbing_tim')}: entries.numbing-time.kind:")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kinds: [\n", "claims.yaml:2: YAML error"),
        ("kinds: !!python/object/apply:os.system ['echo hi']\n", "unsupported YAML tag"),
        ("version: 1\nversion: 2\n", "duplicate key 'version'"),
        ("- just\n- a list\n", "expected a mapping"),
        ("a:" + " [" * 100 + " ]" * 100 + "\n", "nesting deeper"),
    ],
)
def test_broken_yaml_gives_one_line_errors(text, expected):
    with pytest.raises(ReferenceError) as info:
        load_reference_text(text, "claims.yaml")
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_wrong_types_are_reported_by_field():
    broken = replace_once(SHIPPED, "    severity: error\n", "    severity: catastrophic\n")
    with pytest.raises(ReferenceError) as info:
        load_reference_text(broken, "claims.yaml")
    assert "severity: expected one of info, warning, error, got 'catastrophic'" in str(info.value)


def test_validate_command_accepts_the_shipped_reference():
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "reference", "validate"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout


def test_an_entry_with_a_typical_value_only_informs_and_never_flags(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(replace_once(SHIPPED, "    accepted: {min: 15, max: 120, unit: min}\n", ""), encoding="utf-8")
    ref = load_reference(path)
    [entry] = [e for e in ref.entries if e.id == "session-duration"]
    assert entry.accepted is None and entry.typical is not None
    from claimcheck.checker import Checker
    result = Checker(str(path)).check_text("In our clinic each session takes 3 hours.", source="page.md")
    assert [f for f in result.findings if f.rule == "reference-contradiction"] == []


def test_a_depth_conditioned_entry_marked_unstated_skip_ignores_claims_with_no_depth():
    from claimcheck.checker import Checker
    [entry] = [e for e in load_reference().entries if e.id == "session-interval-home"]
    assert entry.depth_unstated == "skip"
    checker = Checker()

    def interval_flags(text):
        result = checker.check_text(text, source="page.md")
        return [f.text for f in result.findings if f.rule == "reference-contradiction"]

    assert interval_flags("At home I roll every 3 weeks and my skin loves it.") == []
    assert interval_flags("At home I use my 0.25 mm roller every 3 weeks and my skin loves it.") == ["every 3 weeks"]


def test_a_depth_condition_applies_when_no_depth_is_stated_unless_told_otherwise(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(replace_once(SHIPPED, "unit: mm, unstated: skip}", "unit: mm}"), encoding="utf-8")
    [entry] = [e for e in load_reference(path).entries if e.id == "session-interval-home"]
    assert entry.depth_unstated == "apply"
    from claimcheck.checker import Checker
    result = Checker(str(path)).check_text("At home I roll every 3 weeks and my skin loves it.", source="page.md")
    assert [f.text for f in result.findings if f.rule == "reference-contradiction"] == ["every 3 weeks"]


def test_phrase_groups_expand_to_every_alternative():
    from claimcheck.reference.loader import expand_phrase
    assert expand_phrase("press [down] (hard|firmly)") == ["press down hard", "press down firmly", "press hard", "press firmly"]
    [check] = [c for c in load_reference().phrase_checks if c.id == "home-press-hard"]
    assert {"press down quite firm", "pushing it really hard", "heavy pressure"} <= set(check.patterns)


def test_setting_cues_may_write_alternatives_too(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(replace_once(SHIPPED, "    salon: 1.5\n", '    salon: 1.5\n    "(only|strictly) in [a] clinic": 3\n'), encoding="utf-8")
    cues = {c.phrase: c.weight for c in load_reference(path).settings["professional"]}
    assert cues["only in a clinic"] == cues["strictly in clinic"] == 3.0


def test_setting_cues_also_match_written_with_hyphens():
    cues = {c.phrase: c.weight for c in load_reference().settings["home"]}
    assert cues["home-treatments"] == cues["home treatments"]
