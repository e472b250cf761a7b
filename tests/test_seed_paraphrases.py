"""The hand check of the five seed articles, kept as tests on our own paraphrases of their claims
(facts and numbers carried over, sentences rewritten)."""
import pytest


def claims(result, kind):
    return [(c.min, c.max, c.setting, c.subject, c.vague) for c in result.claims if c.kind == kind]


PARAPHRASES = [
    # pores article, derma pen in a clinic
    ("A standard pen appointment at the clinic takes between 30 to 60 minutes, depending on the area.",
     "session_duration", [(30 / 1440, 60 / 1440, "professional", None, False)]),
    ("After the practitioner finishes, skin can look flushed, but this normally fades within 24 to 48 hours.",
     "recovery_time", [(1, 2, "professional", None, False)]),
    ("Most clients do well with 3 to 6 sessions spaced 4 to 6 weeks apart.", "session_count", [(3, 6, None, None, False)]),
    ("Most clients do well with 3 to 6 sessions spaced 4 to 6 weeks apart.", "session_interval", [(28, 42, None, None, False)]),
    ("Mild redness and sensitivity usually clear within a day or two.", "recovery_time", [(1, 2, None, None, True)]),
    # home roller how-to
    ("Step one: for enlarged pores, pick a 1.5mm-2.00mm dermaroller for your face.",
     "needle_depth", [(1.5, 2.0, "home", None, False)]),
    # home derma pen guide
    ("At home, hold off on makeup for at least 24 hours afterwards.", "avoidance_period", [(1, None, "home", "makeup", False)]),
    ("At home, leave retinoids and acids out of your routine for a few days after the session.",
     "avoidance_period", [(2, 4, "home", "actives", True)]),
    # open pores article
    ("In the clinic, plan on three to six treatments for the best outcome.", "session_count",
     [(3, 6, "professional", None, False)]),
    ("Give it a week before you expose your skin to sunshine or harsh chemicals.", "avoidance_period",
     [(7, 7, None, "sun", False), (7, 7, None, "actives", False)]),
    ("The benefits can endure for several months.", "results_duration", [(90, 210, None, None, True)]),
    # Dermapen treatment page
    ("Dermapen sessions at the clinic are usually spaced several weeks apart.", "session_interval",
     [(21, 49, "professional", None, True)]),
    ("Swelling may stay for anything from a few hours to a couple of days.", "recovery_time", [(2 / 24, 2, None, None, True)]),
]


@pytest.mark.parametrize("text, kind, expected", PARAPHRASES)
def test_seed_claims_are_extracted_with_bounds_unit_and_setting(extract, text, kind, expected):
    got = claims(extract(text), kind)
    assert len(got) == len(expected), (text, got)
    for (lo, hi, setting, subject, vague), (glo, ghi, gsetting, gsubject, gvague) in zip(sorted(got, key=str), sorted(expected, key=str)):
        assert lo == (pytest.approx(glo) if glo is not None else None)
        assert hi == (pytest.approx(ghi) if ghi is not None else None)
        assert (setting, subject, vague) == (gsetting, gsubject, gvague)


SEED_FINDINGS = [
    ("Step one: for enlarged pores, pick a 1.5mm-2.00mm dermaroller for your face.", "risky-home-use", "1.5mm-2.00mm"),
    ("Rolling at home? Apply some pressure so the needles penetrate deeper.", "risky-home-use", "Apply some pressure"),
    ("Working with a derma pen at home takes patience and clean hands.", "risky-home-use", "derma pen at home"),
    ("At home, you could use a lidocaine numbing cream first.", "risky-home-use", "lidocaine"),
    ("Keep the pen at a slight angle, roughly 90 degrees to the face.", "internal-inconsistency", "90 degrees"),
    ("All in all, it is a harmless procedure.", "absolute-claim", "harmless"),
    ("In short, it is a secure and efficient way to refine pores.", "absolute-claim", "secure and efficient"),
]


@pytest.mark.parametrize("text, rule, span", SEED_FINDINGS)
def test_seed_findings_on_paraphrases(check, text, rule, span):
    found = [f.text for f in check(text).findings if f.rule == rule]
    assert span in found, (text, [(f.rule, f.text) for f in check(text).findings])


@pytest.mark.parametrize(
    "text",
    [
        "Some improvement may show after a single session, though a series is recommended.",
        "Most people feel only a mild prickling, and numbing cream keeps it comfortable.",
        "Suitable for most skin types when settings are adjusted by a trained provider.",
        "Temporary redness and mild swelling are common and usually resolve quickly.",
    ],
)
def test_careful_hedged_seed_sentences_are_not_flagged(check, text):
    assert check(text).findings == []
