"""Accuracy on the annotated corpus, as a ratchet: the floors are the figures reached so far
(raise them as the checker improves; never lower them to make a change pass)."""
from pathlib import Path

import pytest

from claimcheck.evaluate import evaluate

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# split -> (claim F1 floor, finding F1 floor)
# The held-out part was replaced on 2026-11-21 (the old one, whose errors had been seen, is now dev;
# the new one was written and annotated by annotators who never saw the checker): its floors restarted
# from the first measurement on the new pages. The same day 12 harder dev pages were added (dev had been
# 0.971 / 0.894 on the 44 earlier pages): the dev floors restart from the measurement on all 56.
# A later session added 6 more dev pages (62 in all) and raised both parts. The next added 8 more, written
# blind (70 in all; the 62 earlier pages went from 0.927 / 0.848 to 0.932 / 0.866 that session): the dev
# finding floor restarts from the measurement on all 70; the held-out floor rises. The seventh session
# added 8 more blind dev pages, then replaced the held-out part again (its miss lines had been printed by
# mistake: the 16 pages are dev now, 94 in all) with 8 new blind pages, measured once: both floors restart.
# The eighth session grew the held-out part to 14 pages with 6 more blind pages (measured once at the
# end) and added 2 blind dev pages (96 in all): both floors restart from those measurements.
# The ninth session grew the held-out part to 18 pages with 4 more blind pages (measured once at the end;
# they score lower than the 14 earlier ones, so the held-out finding floor restarts lower, from the
# measurement on all 18) and added 4 blind dev pages (100 in all).
# The tenth session added 28 blind dev pages in four batches (128 in all; the last batch, measured before
# tuning at 0.900 / 0.583, brings the dev finding floor down from the 0.84 reached on 120) and grew the
# held-out part to 22 pages with 4 more blind pages (measured at the end): the held-out floors rise.
# The eleventh session added 10 blind dev pages (138 in all; the last 4, measured before tuning at
# 0.854 / 0.537, bring the dev finding floor down from the 0.84 reached on 134) and 4 blind held-out
# pages (26 in all, measured at the end): the held-out floors rise.
FLOORS = {"dev": (0.94, 0.82), "heldout": (0.90, 0.66)}

CAREFUL_PAGES = [
    "aftercare-leaflet.txt",
    "faq-microneedling-basics.md",
    "microneedling-cost-guide.txt",
    "myths-vs-facts.md",
    "glossary-microneedling-terms.md",
]


@pytest.fixture(scope="module")
def evaluation():
    return evaluate([str(CORPUS)])


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_corpus_f1_does_not_drop_below_the_floor(evaluation, split):
    s = evaluation.splits[split]
    claim_f1 = s.total(s.claims).f1
    finding_f1 = s.total(s.findings).f1
    claim_floor, finding_floor = FLOORS[split]
    assert claim_f1 >= claim_floor, f"{split} claim F1 {claim_f1:.3f} < {claim_floor}"
    assert finding_f1 >= finding_floor, f"{split} finding F1 {finding_f1:.3f} < {finding_floor}"


def test_corpus_has_a_held_out_part_and_enough_pages(evaluation):
    assert evaluation.splits["heldout"].pages >= 24
    assert sum(s.pages for s in evaluation.splits.values()) >= 40


@pytest.mark.parametrize("page", CAREFUL_PAGES)
def test_careful_copy_gives_no_findings(checker, page):
    result = checker.check_file(CORPUS / page)
    assert result.error is None
    assert result.findings == [], [(f.line, f.rule, f.text) for f in result.findings]


def test_eval_command_prints_the_tables():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "claimcheck", "eval", str(CORPUS / "myths-vs-facts.md")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "claims by kind" in proc.stdout and "findings by rule" in proc.stdout and "f1" in proc.stdout
