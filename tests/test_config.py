"""Configuration end to end: discovery upward from the checked path, precedence, command-line
overrides, include/exclude, and one-line errors naming the file for unknown keys and bad values."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.config import ConfigError, glob_match, load_config

ROOT = Path(__file__).resolve().parents[1]
RISKY = "# Home roller guide\n\nRoll a 1.5mm roller at home every week.\n\nIt is painless for everyone.\n"
ABSOLUTE = "# Our clinic\n\nThe treatment is painless for everyone.\n"


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, cwd=cwd)


def codes(proc):
    data = json.loads(proc.stdout)
    return {d["path"]: sorted(f["code"] for f in d["findings"]) for d in data["documents"]}


@pytest.fixture()
def project(tmp_path):
    """project/pyproject.toml with [tool.claimcheck]; copy/site/home.md two levels below; cwd elsewhere."""
    root = tmp_path / "project"
    (root / "copy" / "site").mkdir(parents=True)
    (root / "copy" / "site" / "home.md").write_text(RISKY, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck]\nselect = ["absolute-claim"]\nfail-on = "warning"\nformat = "json"\n'
        'severity = {CC301 = "error"}\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return root, elsewhere


def test_pyproject_table_is_found_upward_from_the_checked_path_not_the_working_directory(project):
    root, elsewhere = project
    page = root / "copy" / "site" / "home.md"
    proc = run("check", str(page), cwd=elsewhere)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)  # format = "json" from the config
    findings = data["documents"][0]["findings"]
    assert {f["code"] for f in findings} == {"CC301"}  # select = ["absolute-claim"]: no CC101
    assert {f["severity"] for f in findings} == {"error"}  # severity table, by code


def test_command_line_flags_override_the_configuration(project):
    root, elsewhere = project
    page = str(root / "copy" / "site" / "home.md")
    proc = run("check", "--select", "CC101", "--format", "text", "--fail-on", "never", page, cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert " CC101 " in proc.stdout and " CC301 " not in proc.stdout
    assert not proc.stdout.lstrip().startswith("{")


def test_nearest_configuration_wins_and_isolated_ignores_all(project):
    root, elsewhere = project
    site = root / "copy" / "site"
    (root / "copy" / ".claimcheck.yaml").write_text("fail-on: never\nignore: [absolute-claim]\n", encoding="utf-8")
    proc = run("check", "--format", "json", str(site / "home.md"), cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr  # fail-on never, from the nearer file
    assert "CC301" not in codes(proc)[str(site / "home.md")]
    assert "CC101" in codes(proc)[str(site / "home.md")]  # the pyproject's select is not merged in

    proc = run("check", "--isolated", "--format", "json", str(site / "home.md"), cwd=elsewhere)
    assert proc.returncode == 1  # defaults: fail on the CC101 error
    assert {"CC101", "CC301"} <= set(codes(proc)[str(site / "home.md")])


def test_explicit_config_file(project, tmp_path):
    root, elsewhere = project
    other = tmp_path / "ci.toml"
    other.write_text('fail-on = "never"\nselect = ["risky-home-use"]\n', encoding="utf-8")
    proc = run("check", "--config", str(other), "--format", "json", str(root / "copy"), cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert list(codes(proc).values()) == [["CC101"]]


def test_reference_is_relative_to_the_configuration_file(tmp_path):
    (tmp_path / "ref").mkdir()
    shutil.copy(ROOT / "claims.yaml", tmp_path / "ref" / "mine.yaml")
    (tmp_path / ".claimcheck.toml").write_text('reference = "ref/mine.yaml"\nformat = "json"\n', encoding="utf-8")
    (tmp_path / "page.md").write_text(ABSOLUTE, encoding="utf-8")
    proc = run("check", "page.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["reference"]["path"] == str(tmp_path / "ref" / "mine.yaml")

    (tmp_path / ".claimcheck.toml").write_text('reference = "ref/missing.yaml"\n', encoding="utf-8")
    proc = run("check", "page.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.yaml" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_include_and_exclude_apply_to_discovered_files(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "site").mkdir()
    for rel in ("site/a.md", "site/b.txt", "drafts/c.md", "top.html"):
        (tmp_path / rel).write_text(ABSOLUTE, encoding="utf-8")
    (tmp_path / ".claimcheck.toml").write_text(
        'exclude = ["drafts/**", "*.txt"]\nfail-on = "never"\nformat = "json"\n', encoding="utf-8")
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(Path(p).as_posix() for p in codes(proc)) == ["site/a.md", "top.html"]

    # a file named on the command line is checked anyway, unless --force-exclude (checked without the pipeline)
    cfg = load_config(tmp_path / ".claimcheck.toml")
    named = [str(tmp_path / "drafts" / "c.md"), str(tmp_path / "site" / "a.md")]
    assert list(cfg.files(named)) == named
    assert list(cfg.files(named, force_exclude=True)) == named[1:]

    (tmp_path / ".claimcheck.toml").write_text('include = ["site/*.md"]\n', encoding="utf-8")
    cfg = load_config(tmp_path / ".claimcheck.toml")
    assert [Path(p).relative_to(tmp_path).as_posix() for p in cfg.files([tmp_path])] == ["site/a.md"]


def test_unknown_key_in_pyproject_is_an_error_naming_the_file_and_key(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nfial-on = "warning"\n', encoding="utf-8")
    (tmp_path / "page.md").write_text(ABSOLUTE, encoding="utf-8")
    proc = run("check", "page.md", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(tmp_path / "pyproject.toml") in lines[0]
    assert "unknown key 'fial-on'" in lines[0] and "did you mean 'fail-on'" in lines[0]
    assert proc.stdout == ""


def test_unknown_key_and_wrong_type_in_yaml_name_the_line(tmp_path):
    (tmp_path / "page.md").write_text(ABSOLUTE, encoding="utf-8")
    cfg = tmp_path / ".claimcheck.yaml"
    cfg.write_text("fail-on: warning\n\nselect: [CC301]\nseverty:\n  CC301: error\n", encoding="utf-8")
    proc = run("check", "page.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"claimcheck: error: {cfg}:4: unknown key 'severty' (did you mean 'severity'?); "
                                   "known keys: reference, include, exclude, force-exclude, fail-on, select, ignore, "
                                   "severity, format, baseline")
    cfg.write_text("fail-on: warning\nseverity:\n  CC301: loud\n", encoding="utf-8")
    proc = run("check", "page.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{cfg}:3: severity.CC301: expected one of error, warning, info, got 'loud'" in proc.stderr


@pytest.mark.parametrize("text, message", [
    ('fail-on = 3\n', "fail-on: expected one of error, warning, info, never, got 3"),
    ('select = "CC101"\n', "select: expected a list of strings, got a string"),
    ('ignore = ["CC999"]\n', "ignore: unknown rule 'CC999'"),
    ('format = "pdf"\n', "format: expected one of text, json"),
    ('include = "*.md"\n', "include: expected a list of strings"),
    ('fail-on = \n', "invalid TOML"),
])
def test_bad_values_in_toml_name_file_and_key(tmp_path, text, message):
    path = tmp_path / ".claimcheck.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value).startswith(f"{path}: ")
    assert message in str(exc.value)


def test_pyproject_without_a_claimcheck_table_is_passed_over(tmp_path):
    from claimcheck.config import find_config

    (tmp_path / ".claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', encoding="utf-8")
    assert find_config(tmp_path / "sub" / "page.md") == str(tmp_path / ".claimcheck.toml")
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.claimcheck]\nfail-on = "info"\n', encoding="utf-8")
    assert find_config(tmp_path / "sub" / "page.md") == str(tmp_path / "sub" / "pyproject.toml")
    assert load_config(tmp_path / "sub" / "pyproject.toml").fail_on == "info"


@pytest.mark.parametrize("glob, path, expected", [
    ("*.txt", "a/b/c.txt", True),
    ("*.txt", "a/b/c.md", False),
    ("drafts", "site/drafts/x.md", True),
    ("drafts/**", "drafts/x/y.md", True),
    ("drafts/**", "site/drafts/x.md", False),
    ("**/drafts/*.md", "site/drafts/x.md", True),
    ("**/drafts/*.md", "drafts/x.md", True),
    ("site/*.md", "site/a.md", True),
    ("site/*.md", "site/sub/a.md", False),
    ("./site", "site/sub/a.md", True),
    ("/site/a.md", "site/a.md", True),
    ("site/[ab].md", "site/b.md", True),
    ("site/[!ab].md", "site/b.md", False),
    ("?.md", "x/a.md", True),
])
def test_glob_match(glob, path, expected):
    assert glob_match(glob, path) is expected
