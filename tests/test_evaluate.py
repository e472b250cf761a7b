"""`claimcheck eval` on small annotated pages: the checker, or a second annotator, against the first."""
import subprocess
import sys

from claimcheck.evaluate import agreement, evaluate

PAGE = "Do 3 to 6 sessions, 4 weeks apart. Avoid makeup for 24 hours. It is painless.\n"

FIRST = """split: dev
claims:
  - {text: 3 to 6 sessions, kind: session_count, min: 3, max: 6, setting: null, modality: asserted}
  - {text: 4 weeks apart, kind: session_interval, min: 28, max: 28, setting: null, modality: asserted}
  - {text: makeup for 24 hours, kind: avoidance_period, min: 1, max: 1, setting: null, subject: makeup,
     modality: asserted}
findings:
  - {text: painless, rule: absolute-claim}
"""

# disagrees on the interval's bounds, the makeup claim's modality, and adds a finding
SECOND = """split: dev
claims:
  - {text: 3 to 6 sessions, kind: session_count, min: 3, max: 6, setting: null, modality: asserted}
  - {text: 4 weeks apart, kind: session_interval, min: 30, max: 30, setting: null, modality: asserted}
  - {text: makeup for 24 hours, kind: avoidance_period, min: 1, max: 1, setting: null, subject: makeup,
     modality: warning}
findings:
  - {text: painless, rule: absolute-claim}
  - {text: null, rule: missing-safety-information}
"""


def _annotated(tmp_path, second=SECOND):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.txt.ann.yaml").write_text(FIRST, encoding="utf-8")
    if second is not None:
        (tmp_path / "page.txt.ann2.yaml").write_text(second, encoding="utf-8")
    return page


def test_agreement_scores_the_second_annotator_against_the_first(tmp_path):
    _annotated(tmp_path)
    s = agreement([str(tmp_path)]).splits["dev"]
    claims, findings = s.total(s.claims), s.total(s.findings)
    assert (claims.tp, claims.fp, claims.fn) == (2, 1, 1)  # 28 days against 30 is more than 1% apart
    assert (findings.tp, findings.fp, findings.fn) == (1, 1, 0)
    assert (s.matched_claims, s.modality_right, s.setting_right) == (2, 1, 2)


def test_agreement_of_identical_sidecars_is_perfect(tmp_path):
    _annotated(tmp_path, second=FIRST)
    s = agreement([str(tmp_path)]).splits["dev"]
    assert s.total(s.claims).f1 == 1.0 and s.total(s.findings).f1 == 1.0
    assert s.modality_right == s.matched_claims == 3


def test_eval_reports_how_often_the_checker_gets_the_modality_right(tmp_path):
    _annotated(tmp_path, second=None)
    s = evaluate([str(tmp_path)]).splits["dev"]
    assert s.matched_claims == 3 and s.modality_right == 3


def test_eval_agreement_command_prints_the_tables(tmp_path):
    _annotated(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "eval", "--agreement", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "findings by rule" in proc.stdout and "modality right on matched claims: 1/2" in proc.stdout
    assert "false alarm: missing-safety-information: (document)" in proc.stdout


def test_eval_agreement_without_a_twice_annotated_page_is_a_usage_error(tmp_path):
    _annotated(tmp_path, second=None)
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "eval", "--agreement", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "no page annotated twice" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
