"""Rules on copy written for these tests (facts from the reference brief, our own wording)."""
import pytest

from claimcheck.checks.internal_inconsistency import claim_context


def rules(result):
    return sorted(f.rule for f in result.findings)


def findings(result, rule):
    return [f for f in result.findings if f.rule == rule]


def test_deep_home_roller_is_risky_home_use_with_sources(check):
    r = check("Step 1: pick a 1.5mm-2.00mm dermaroller for your pores and roll at home once a week. "
              "Disinfect it in alcohol, skip it if you are pregnant, and wear sunscreen.")
    [f] = findings(r, "risky-home-use")
    assert f.code == "CC101" and f.severity == "error"
    assert f.text == "1.5mm-2.00mm" and f.reference == "needle-depth-home"
    assert f.sources and all(s.url.startswith("http") for s in f.sources)
    assert "0.5 mm" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Never use needles longer than 0.5 mm at home.",
        "A 1.5 mm roller is not safe for home use; leave it to your dermatologist.",
        "Do not buy a 1 mm roller to use on yourself.",
    ],
)
def test_warnings_against_deep_home_needles_are_not_flagged(check, text):
    assert findings(check(text), "risky-home-use") == []


def test_conditional_deep_home_advice_is_still_risky(check):
    r = check("If you use a 1.5 mm roller at home, go slowly.")
    assert len(findings(r, "risky-home-use")) == 1


@pytest.mark.parametrize(
    "text, check_id",
    [
        ("At home, press hard so the needles penetrate deeply.", "home-press-hard"),
        ("To help the needles reach deeper layers at home, apply a bit of pressure.", "home-pressure-to-penetrate"),
        ("Using a derma pen at home is easy once you get the hang of it.", "home-pen"),
        ("It's a cordless, clinic-style pen you can use at home, with five speeds.", "home-pen"),
        ("Before rolling at home, put lidocaine cream on and cover it with cling film.", "home-numbing"),
        ("At home, roll over active acne to calm it down.", "home-active-acne"),
        ("With a breakout at home, just go right over it, it dries it out.", "home-over-a-breakout"),
        ("At home, smooth the numbing balm over your face first.", "home-numbing"),
        ("For scars at home you can press a little harder so the needle goes deeper.", "home-press-hard"),
        ("Tried my new roller at home. Then I pressed down quite hard so it would reach the scars.", "home-press-hard"),
        ("Tried the new roller on my cheek. I dabbed on numbing cream first. I felt like a proper aesthetician.", "home-numbing"),
    ],
)
def test_risky_home_practices_are_flagged(check, text, check_id):
    [f] = findings(check(text), "risky-home-use")
    assert f.reference == check_id
    assert f.text.lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "At home, never roll over active acne or cold sores.",
        "Avoid using numbing cream at home.",
        "Press lightly; never press hard with a home roller.",
        "In the clinic, our nurse applies numbing cream for 30 minutes.",
    ],
)
def test_safe_or_professional_versions_of_those_practices_are_not_flagged(check, text):
    assert findings(check(text), "risky-home-use") == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Our microneedling facial is painless.", "painless"),
        ("There are no side effects at all.", "no side effects"),
        ("Enjoy zero downtime.", "zero downtime"),
        ("It is safe for all skin types.", "safe for all skin types"),
        ("The treatment can't scar.", "can't scar"),
        ("The results are permanent.", "results are permanent"),
        ("Smoother skin, guaranteed results.", "guaranteed results"),
        ("See instant results.", "instant results"),
        ("Overall, it is a safe and effective way to shrink pores.", "safe and effective"),
        ("Microneedling is safe during pregnancy.", "safe during pregnancy"),
        ("Trust me, you will feel nothing at all.", "feel nothing"),
        ("GLASS SKIN OVERNIGHT", "glass skin overnight"),
        ("Like, the glow is instant.", "glow is instant"),
        ("Results are instant, your skin glows like new.", "results are instant"),
        ("my pores were gone overnight after my first roll!!!", "were gone overnight"),
        ("For a guaranteed glow, pair it with our sheet mask.", "guaranteed glow"),
        ("Our pen treatment is completely pain-free with numbing, and most clients are back at work the next day.", "pain-free"),
        ("Collagen induction, a zero-downtime treatment for a lunch break.", "zero-downtime"),
        ("Microneedling doesn't rely on heat, so it is safe for all skin types.", "safe for all skin types"),
        ('Their nurse insists it is "safe for all skin types, full stop", pointing out that, unlike many lasers, it uses no heat.',
         "safe for all skin types"),
    ],
)
def test_unqualified_absolutes_are_flagged(check, text, phrase):
    [f] = findings(check(text), "absolute-claim")
    assert f.text.lower() == phrase.lower()
    assert f.code == "CC301" and f.sources


@pytest.mark.parametrize(
    "text",
    [
        "Most people feel only mild discomfort with numbing cream.",
        "It is generally safe and effective when performed by a trained provider.",
        "Side effects are usually mild and short-lived.",
        "It is not painless, but numbing cream helps.",
        "Myth: microneedling is painless.",
        "Scarring is rare when done correctly.",
        'The shop replied that the rollers are "FDA-approved and totally safe". They\'re not, and it isn\'t.',
        'Their Instagram calls it "zero downtime". It is not zero downtime.',
        "People treat home rolling as harmless. It isn't: my cousin has the tram lines to prove it.",
        "Anyone who says it's risk-free just hasn't done it wrong yet.",
        "None of these treatments is painless, whatever you have seen online.",
        "A salon told me it is safe for all skin types. It isn't that simple.",
        'It was sold to me as "instant results". It was not instant.',
        'The leaflet they handed me promised "zero downtime". Plan on two quiet days anyway.',
        'Does microneedling hurt? A little; calling it "painless" would be a stretch.',
        "Nothing we do is painless, so we numb first.",
        "Press on, no pain, no gain!",
        'I used to put "no downtime" on our socials. I don\'t any more.',
        "Anyone promising you instant results is selling a glow, not collagen.",
        "Supporters also say home rolling is painless and has no downtime. Neither is true.",
        'She has a sharper word for clinics that market it as painless: "It isn\'t, and I\'d be wary of anyone who says it is."',
    ],
)
def test_hedged_negated_or_myth_busting_sentences_are_not_flagged(check, text):
    assert findings(check(text), "absolute-claim") == []


@pytest.mark.parametrize(
    "text",
    [
        'Our clients say our microneedling is "completely painless".',
        "A relaxing, completely painless treatment that gets the most out of your serum.",
    ],
)
def test_an_absolute_the_business_endorses_or_qualifies_with_a_superlative_is_flagged(check, text):
    assert [f.text for f in findings(check(text), "absolute-claim")] == ["painless"]


def test_a_qualified_absolute_is_not_flagged_and_does_not_negate_the_next_one(check):
    doc = check("It gives an even treatment with next-to-no downtime and is safe for all skin types. "
                "It is almost painless. It doesn't hurt and is 100% safe.")
    assert [f.text for f in findings(doc, "absolute-claim")] == ["safe for all skin types", "doesn't hurt", "100% safe"]


@pytest.mark.parametrize(
    "text",
    [
        "Our treatment is painless. It is not painful at all, thanks to the numbing cream.",
        "Zero downtime! It's not a peel, so you can go straight back to work.",
    ],
)
def test_a_next_sentence_that_says_more_is_not_a_rebuttal(check, text):
    assert len(findings(check(text), "absolute-claim")) == 1


@pytest.mark.parametrize(
    "text, entry",
    [
        ("Redness can last for up to 3 weeks.", "recovery-time"),
        ("Expect redness for up to 3 weeks.", "recovery-time"),
        ("One session is all you need.", "session-count-course"),
        ("At our clinic we repeat sessions every week.", "session-interval-professional"),
        ("You can apply makeup straight after your facial.", "avoid-makeup"),
        ("Sunbathing is fine after 12 hours.", "avoid-sun"),
        ("You will see results after one day.", "results-time-first"),
        ("Our clinicians work at 3 mm on the face.", "needle-depth-professional"),
        ("The numbing cream stays on for 2 hours.", "numbing-time"),
    ],
)
def test_values_outside_the_accepted_range_contradict_the_reference(check, text, entry):
    found = findings(check(text), "reference-contradiction")
    assert [f.reference for f in found] == [entry], [(f.text, f.message) for f in check(text).findings]
    assert found[0].code == "CC201"


@pytest.mark.parametrize(
    "text",
    [
        "Most people need 3 to 6 sessions spaced 4 to 6 weeks apart.",
        "Redness usually settles within 24 to 48 hours.",
        "Skip makeup for at least 24 hours.",
        "Stay out of the sun for a week.",
        "Most clients notice a change within 2 to 4 weeks.",
        "Results can last 6 to 12 months.",
        "The numbing cream stays on for 30 minutes.",
    ],
)
def test_values_inside_the_accepted_range_pass(check, text):
    assert findings(check(text), "reference-contradiction") == []


def test_home_frequency_is_judged_against_the_home_entry(check):
    ok = check("Roll your 0.25 mm home roller 2-3 times a week.")
    assert findings(ok, "reference-contradiction") == []
    too_rare = check("Roll your 0.25 mm home roller every 3 weeks.")
    assert [f.reference for f in findings(too_rare, "reference-contradiction")] == ["session-interval-home"]


def test_a_document_that_contradicts_itself_is_reported_once_with_both_places(check):
    text = (
        "How many sessions?\n\nMost clients need 3 to 6 sessions.\n\n"
        "Aftercare\n\nAvoid makeup for 24 hours.\n\n"
        "Good to know\n\nMost clients only need 1 to 2 sessions. You can wear makeup straight after.\n"
    )
    r = check(text)
    inconsistent = findings(r, "internal-inconsistency")
    assert sorted(f.text for f in inconsistent) == ["1 to 2 sessions", "straight after"]
    for f in inconsistent:
        assert f.related and f.related[0] in {c.id for c in r.claims}
        assert "line" in f.message


def test_pen_angle_that_contradicts_itself(check):
    r = check("Hold the pen at a slight angle to your skin, about 90 degrees.")
    [f] = findings(r, "internal-inconsistency")
    assert f.text == "90 degrees"


def test_different_indications_are_not_inconsistent(check):
    r = check("Acne scars usually need 3 sessions. Stretch marks need 5 to 6 sessions.")
    assert findings(r, "internal-inconsistency") == []


def test_pages_that_disagree_are_reported_across_documents(checker):
    a = checker.check_text("Our clinic recommends 3 to 6 sessions.", source="a.md")
    b = checker.check_text("At our clinic, 1 session is enough.", source="b.md")
    report = checker.check_documents([a, b])
    cross = [f for f in report.findings if f.rule == "cross-document-inconsistency"]
    assert len(cross) == 1
    assert "a.md" in cross[0].message and "b.md" in cross[0].message
    assert cross[0].related == ["b.md#c1"]


def test_home_instructions_without_any_safety_information_get_an_info(check):
    r = check("Use a 0.25 mm roller at home twice a week.")
    [f] = findings(r, "missing-safety-information")
    assert f.severity == "info"
    assert "disinfecting" in f.message and "sun protection" in f.message


@pytest.mark.parametrize("safety", ["Disinfect it with alcohol after each use.",
                                    "Do not use it if you are pregnant or have active acne.", "Wear sunscreen daily."])
def test_home_instructions_that_mention_safety_are_fine(check, safety):
    r = check("Use a 0.25 mm roller at home twice a week. " + safety)
    assert findings(r, "missing-safety-information") == []


def test_rules_can_be_selected_by_name_or_code():
    from claimcheck.checker import Checker

    checker = Checker(disable=["CC301", "missing-safety-information"])
    r = checker.check_text("It is painless. Use a 1.5 mm roller at home.")
    assert rules(r) == ["risky-home-use"]


def test_a_roller_size_named_without_its_unit_is_not_home_advice(check):
    doc = check("I roll at home. I started on the 1.5 roller, which was a mistake; use a 0.25 mm roller at home.",
                source="forum.txt")
    assert [c.text for c in doc.claims if c.kind == "needle_depth"] == ["1.5", "0.25 mm"]
    assert not [f for f in doc.findings if f.rule == "risky-home-use"]


def test_entries_of_a_service_menu_are_alternatives_not_contradictions(check):
    menu = ("TREATMENT MENU\n\nMICRONEEDLING\n\n"
            "  Express Glow ............ 30 min ...... $189\n     A light pass for radiance.\n\n"
            "  Signature ............... 75 min ...... $289\n     Includes numbing and a mask.\n")
    doc = check(menu, source="menu.txt")
    assert [(c.kind, c.text) for c in doc.claims if c.kind == "session_duration"] == [
        ("session_duration", "30 min"), ("session_duration", "75 min")]
    assert not [f for f in doc.findings if f.rule == "internal-inconsistency"]


def test_a_list_entry_still_contradicts_the_running_text(check):
    doc = check("# Your course\n\nSpace sessions 4 to 6 weeks apart.\n\n- Full face: a session every 10 days\n", source="a.md")
    assert [f.text for f in doc.findings if f.rule == "internal-inconsistency"] == ["every 10 days"]


def test_how_long_the_needling_and_the_whole_visit_take_are_not_compared(check):
    r = check("A session takes about 20 minutes.\n\nYour treatment takes an hour from start to finish.\n")
    assert [c.kind for c in r.claims] == ["session_duration", "session_duration"]
    assert findings(r, "internal-inconsistency") == []


def test_how_long_results_last_and_when_to_top_up_are_not_compared(check):
    r = check("Results last 12 months or more.\n\nMost clients book a top-up every 6 months to maintain results.\n")
    assert [c.kind for c in r.claims] == ["results_duration", "results_duration"]
    assert findings(r, "internal-inconsistency") == []


def test_times_to_results_a_few_times_apart_are_milestones_but_48_hours_against_weeks_contradicts(check):
    milestones = "Most clients see a change after 2 to 4 weeks.\n\nExpect your results at about three months.\n"
    assert findings(check(milestones), "internal-inconsistency") == []
    contradiction = "Most clients see a change after 4 to 6 weeks.\n\nYou will see results within 48 hours.\n"
    assert [f.text for f in findings(check(contradiction), "internal-inconsistency")] == ["within 48 hours"]


def test_first_change_and_full_result_are_different_milestones(check):
    r = check("First real change in texture: about 6 weeks.\n\nFull result: 3 to 6 months after the final session.\n")
    assert [c.kind for c in r.claims] == ["results_time", "results_time"]
    assert findings(r, "internal-inconsistency") == []


def test_a_checklist_that_repeats_an_earlier_list_with_other_values_contradicts_it(check):
    text = ("## Aftercare\n\n- No makeup for 24 hours.\n- Keep out of the sun for one week.\n\n"
            "## Declaration\n\n- I will follow the aftercare: no makeup for 48 hours and no sun for one week.\n"
            "- I understand that results are not guaranteed.\n")
    r = check(text, source="consent.md")
    assert [f.text for f in findings(r, "internal-inconsistency")] == ["48 hours"]


def test_a_contradiction_is_reported_once_whichever_value_comes_first(check):
    text = ("Wait 24 hours before makeup.\n\nMineral makeup is fine the same day.\n\n"
            "Makeup can go back on after 24 hours.\n")
    r = check(text, source="a.md")
    assert [f.text for f in findings(r, "internal-inconsistency")] == ["the same day"]


def test_a_shop_listing_is_home_use_even_when_it_names_the_clinic_it_replaces(check):
    text = ("Glowpen S2 Cordless Microneedling Pen\n\nFree shipping · 30-day returns · Add to bag\n\n"
            "Skip the $300 clinic appointment: this pen does the same job.\n\n"
            "- Adjustable depth: 0.25 mm for glow, 1.5 mm for scars.\n")
    r = check(text, source="listing.txt")
    assert [(c.text, c.setting) for c in r.claims] == [("0.25 mm", "home"), ("1.5 mm", "home")]
    assert [f.text for f in findings(r, "risky-home-use")] == ["1.5 mm"]


def test_a_comparison_table_takes_each_column_setting_from_its_header(check):
    table = ("# Roller or pen?\n\n| | Home roller | Clinic pen |\n|---|---|---|\n"
             "| How often | 2–3 times a week | every 4–6 weeks |\n")
    doc = check(table, source="compare.md")
    settings = {c.text: c.setting for c in doc.claims if c.kind == "session_interval"}
    assert settings == {"2–3 times a week": "home", "every 4–6 weeks": "professional"}
    assert not [f for f in doc.findings if f.rule in ("internal-inconsistency", "reference-contradiction")]


def test_a_plain_text_chart_reads_its_cells_in_the_unit_the_page_states(check):
    chart = ("NEEDLE LENGTH CHART\n\nAll lengths are in mm.\n\n"
             "AREA            HOME (roller)     CLINIC (pen)\n"
             "--------------  ----------------  ----------------\n"
             "Forehead        0,25              0,5 - 0,75\n"
             "Acne scars      1,0 *             1,5 - 2,5\n")
    doc = check(chart, source="chart.txt")
    depths = [(c.text, c.min, c.max, c.setting) for c in doc.claims if c.kind == "needle_depth"]
    assert depths == [("0,25", 0.25, 0.25, "home"), ("0,5 - 0,75", 0.5, 0.75, "professional"),
                      ("1,0", 1.0, 1.0, "home"), ("1,5 - 2,5", 1.5, 2.5, "professional")]
    assert [f.text for f in doc.findings if f.rule == "risky-home-use"] == ["1,0"]


def test_advice_three_sentences_after_a_refusal_is_advice_again(check):
    doc = check("Can I get the same results at home? Short answer: no. There is no safe home version of RF. "
                "A 0.25 mm roller brightens skin. Once you are used to it, step up to a 1.0 mm roller every 3 weeks.")
    assert [f.text for f in findings(doc, "risky-home-use")] == ["1.0 mm"]


def test_a_pen_sold_for_home_use_is_risky_home_use(check):
    doc = check("The D3 is a microneedling pen for home use, with five speeds.")
    assert [f.text for f in findings(doc, "risky-home-use")] == ["microneedling pen for home use"]


@pytest.mark.parametrize("text, phrase", [
    ("With the S2 you can do pen microneedling at home, on your schedule.", "do pen microneedling"),
    ("If you want to microneedle at home with a pen, this is the one.", "at home with a pen"),
    ("A pen is faster, and ours is great for home use.", "great for home use"),
])
def test_recommending_a_pen_for_home_use_is_risky_home_use(check, text, phrase):
    assert [f.text for f in findings(check(text), "risky-home-use")] == [phrase]


def test_a_chart_under_a_framed_title_is_read_with_only_its_depth_column_in_the_stated_unit(check):
    card = ("Your home kit: quick start\n\n"
            "-----------------------------------\n"
            "SETTINGS GUIDE   (all depths in mm)\n"
            "-----------------------------------\n"
            "  Area               Depth   Speed   Repeat every\n"
            "  -----------------  ------  ------  ------------\n"
            "  Forehead           0.25    3       7 days\n"
            "  Acne-scar patches  1.0     5       4 weeks\n")
    doc = check(card, source="card.txt")
    assert [(c.text, c.min) for c in doc.claims if c.kind == "needle_depth"] == [("0.25", 0.25), ("1.0", 1.0)]
    assert [f.text for f in doc.findings if f.rule == "risky-home-use"] == ["1.0"]


def test_a_column_headed_by_its_unit_gives_the_unit_of_its_cells(extract):
    table = "| Area | Depth (mm) | Sessions |\n|---|---|---|\n| Cheeks | 1.0–1.5 | 3-6 |\n| Scalp | 0.5 | 4 |\n"
    r = extract(table, source="chart.md")
    assert [(c.kind, c.min, c.max) for c in r.claims] == [
        ("needle_depth", 1.0, 1.5), ("session_count", 3, 6), ("needle_depth", 0.5, 0.5), ("session_count", 4, 4)]


def test_numbers_in_a_table_without_a_stated_unit_are_not_claims(extract):
    r = extract("| Product | Rating | Stock |\n|---|---|---|\n| Roller A | 4.5 | 12 |\n", source="shop.md")
    assert not r.claims


def test_lines_that_merely_share_a_gap_are_not_a_table(extract):
    text = "Aurora Dermatology  |  Form AD-112\nPatient name: ______   Date: ___\n\nRoll twice a week.\n"
    r = extract(text, source="form.txt")
    assert [c.text for c in r.claims] == ["twice a week"]


@pytest.mark.parametrize("text", [
    "Please step back from 1.5 mm rollers at home.",
    "Before you start: skip rolling over pimples or cold sores at home.",
    "At home, pressing hard is one of the main causes of track-like scarring.",
    "## What about at home?\n\nPlease don't. Lidocaine creams under cling film have caused serious reactions.\n",
    "## Numbing at home?\n\nI'd advise against it. A home roller shouldn't need numbing cream at all.\n",
    "## Can I use numbing cream at home before rolling?\n\nAsk your doctor first.\n",
    "Don't use numbing creams at home. Lidocaine on broken skin is a real risk.",
    "Rolling at home? She bought a roller, pressed hard to make sure it worked, and still has the lines.",
])
def test_skipping_refusing_asking_about_or_naming_the_harm_of_a_risky_practice_is_not_home_advice(check, text):
    doc = check(text, source="faq.md")
    assert not [f for f in doc.findings if f.rule == "risky-home-use"]


def test_a_numbered_question_in_plain_text_heads_its_answer(extract):
    text = ("ASK THE NURSE\n\nAnswers from our clinic team.\n\n"
            "1. HOW LONG IS THE WHOLE VISIT?\nAllow 60 to 90 minutes in total.\n\n"
            "2. CAN I ROLL AT HOME?\nAt home, keep to a 0.25 mm roller.\n")
    r = extract(text, source="nurse.txt")
    assert [(c.kind, c.setting) for c in r.claims] == [("session_duration", "professional"), ("needle_depth", "home")]


def test_a_list_a_refusal_introduces_or_marked_rejected_is_warned_against(check):
    text = ("# Brief\n\nUse the 0.25 mm roller twice a week. Please don't:\n\n"
            "- call it \"painless\"\n- tell followers to press hard\n- suggest rolling more than 3 times a week\n\n"
            "Lines we rejected:\n\n- ❌ \"I roll daily with a 1.0 mm at home\"\n- ❌ \"Zero downtime and 100% safe\"\n")
    r = check(text, source="brief.md")
    assert [f for f in r.findings if f.rule in ("absolute-claim", "risky-home-use", "internal-inconsistency")] == []


def test_a_refusal_after_but_warns_against_what_follows(check):
    text = ("> **u/mods** · MOD · 2.4k points\n>\n> Leaving this up so people can read the replies, but please don't copy it. "
            "1.5 mm at home breaks Rule 4, and numbing under plastic wrap is what the FDA warned about.\n")
    assert findings(check(text, source="thread.md"), "risky-home-use") == []


def test_a_refusal_with_its_reason_after_a_colon_warns_against_the_question_and_the_reason(check):
    text = ("You also asked whether you could keep using your derma pen at home between sessions. Please don't: "
            "on top of clinic treatment it is too much, and a pen at home is where we see infections.\n")
    assert findings(check(text, source="letter.txt"), "risky-home-use") == []


def test_a_labelled_refusal_makes_the_rest_of_its_paragraph_a_warning(check):
    text = "# Home roller questions\n\nAnswer: Please don't. I roll over spots at home and it just spreads the bacteria.\n"
    assert findings(check(text, source="qa.md"), "risky-home-use") == []


def test_a_value_the_reader_is_told_to_be_wary_of_is_a_warning(check):
    text = "Space sessions four to six weeks apart. Be wary of any clinic that wants to see you more often than every two weeks."
    r = check(text, source="a.md")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("four to six weeks", "asserted"), ("more often than every two weeks", "warning")]
    assert r.findings == []


def test_a_frequency_said_to_do_harm_is_a_warning(check):
    doc = check("Our therapists leave at least four weeks between sessions. Booking every week would only keep it irritated.",
                source="spa.md")
    assert not [f for f in doc.findings if f.rule == "reference-contradiction"]


@pytest.mark.parametrize(
    "text",
    [
        "Redness usually fades within 1 to 2 days.\n\nBruising is rare, but it can take up to 10 days to clear.",
        "The needling itself takes about 20 minutes.\n\nAllow 90 minutes for the whole appointment.",
        "Leave retinol out for 5 days.\n\nSkip vitamin C for 48 hours.",
        "In clinic the needling itself takes about 20 minutes.\n\nA session, numbing included, takes 60 minutes.",
        "Most people notice a first change after 2 weeks.\n\nThe collagen keeps building for 3 months.",
    ],
)
def test_values_for_different_targets_of_one_kind_are_not_inconsistent(check, text):
    assert findings(check(text), "internal-inconsistency") == []


@pytest.mark.parametrize(
    "text",
    [
        "At the clinic the treatment part takes 15–20 minutes for a full face, or around 30 minutes if we're also doing your neck.",
        "We apply numbing cream and leave it on for 30 to 45 minutes, or 20 minutes around the eyes.",
        "In clinic we leave numbing cream on for 30 to 45 minutes. Around the eyes, 20 minutes is usually enough.",
    ],
)
def test_values_in_one_paragraph_are_variants_not_contradictions(check, text):
    assert findings(check(text), "internal-inconsistency") == []


def test_a_value_without_a_target_is_compared_with_every_target(check):
    r = check("Redness settles within 1 to 2 days.\n\nRecovery takes 5 to 7 days.")
    assert [f.text for f in findings(r, "internal-inconsistency")] == ["5 to 7 days"]


def test_a_research_finding_is_not_compared_with_the_advice(check):
    text = ("One widely quoted trial from 2014 found the clearest difference at six months.\n\n"
            "Most clients see real change in texture at around six weeks.\n\n"
            "No makeup for 48 hours after your session.\n\n"
            "Your makeup artist can work on your skin the next day, so trials and the big day are no problem.\n")
    r = check(text, source="a.md")
    assert [c.text for c in r.claims] == ["six months", "six weeks", "48 hours", "the next day"]
    assert [f.text for f in findings(r, "internal-inconsistency")] == ["the next day"]


def test_a_commenter_on_a_home_blog_reports_her_own_pen_and_redness(check):
    text = ("# Sunday glow\n\nRoll at home with a 0.25 mm roller once a week. Pinkness lasts 1 to 2 days.\n\n"
            "Back in 2024 my facialist worked at 1.5 mm on the scarring along my jaw.\n\n"
            "**MrsB** · 3 days ago\nI use my own dermapen at 1.0 mm every two weeks. The redness lasts about a week but it's worth it for me.\n")
    r = check(text, source="blog.md")
    assert [(f.rule, f.text) for f in r.findings if f.rule in ("risky-home-use", "internal-inconsistency")] == [
        ("risky-home-use", "1.0 mm")]


def test_personal_reports_in_a_thread_are_not_inconsistent_with_the_advice(check):
    text = ("Redness after a clinic session is usually gone in 2 to 3 days.\n\n"
            "lol my redness lasts like 10 days every time and it's fine\n")
    r = check(text, source="thread.txt")
    assert [(c.kind, c.text) for c in r.claims] == [("recovery_time", "2 to 3 days"), ("recovery_time", "10 days")]
    assert findings(r, "internal-inconsistency") == []


def test_thresholds_under_a_call_us_if_heading_are_not_claims_of_recovery(check):
    text = ("# Aftercare\n\nRedness settles within 1 to 2 days.\n\n## Call us if\n\nRedness lasts beyond 5 days.\n\n"
            "Contact the clinic if you notice any of these:\n\n- swelling that lasts more than 4 days\n")
    r = check(text, source="aftercare.md")
    assert [c.modality for c in r.claims] == ["asserted", "hypothetical", "hypothetical"]
    assert findings(r, "internal-inconsistency") == []


def test_the_columns_of_a_table_row_are_different_things(check):
    table = ("# Session plan\n\n| Area | Needling | Booked slot |\n|---|---|---|\n"
             "| Full face | 20–30 minutes | 75 minutes |\n| Scalp | about 20 minutes | 60 minutes |\n")
    assert findings(check(table, source="protocol.md"), "internal-inconsistency") == []


def test_each_frequency_takes_the_depth_written_next_to_it(check):
    r = check("How often: 0.25 mm daily, 0.5 mm 2–3 times a week. Use it at home.", source="shop.md")
    assert findings(r, "internal-inconsistency") == []


def test_a_frequency_takes_the_depth_of_the_label_above_it_but_not_of_the_list_entry_before(check):
    screens = ("0.2 mm heads\nRoll 3 times a week, never on back-to-back evenings.\n\n"
               "0.5 mm heads\nRoll once a week at home.\n")
    assert findings(check(screens, source="app.txt"), "internal-inconsistency") == []
    text = ("- 0.25 mm: two or three times a week\n- 0.5 mm: once a week\n- Body: every 2 to 3 weeks\n\n"
            "Use the pen every other day at home for the first four weeks.\n")
    result = check(text, source="faq.md")
    later = next(c for c in result.claims if c.text == "every other day")
    assert claim_context(later, result)[-1] is None  # not the 0.5 mm of the list entry before "Body"


def test_a_frequency_takes_the_depth_of_its_product_card_heading(check):
    html = ("<h2>Gifts for skin lovers</h2>"
            "<h3>Velvet 0.25 mm Face Roller</h3><p>Why we love it: it is gentle.</p><p>How to use: roll 2-3 times a week at home.</p>"
            "<h3>Bright Eyes 0.2 mm Stamp</h3><p>Why we love it: tiny head.</p><p>How to use: every other day at home.</p>"
            "<h3>Crown 0.5 mm Scalp Roller</h3><p>Why we love it: for the scalp.</p><p>How to use: once a week at home.</p>")
    assert findings(check(html, source="gifts.html"), "internal-inconsistency") == []


def test_two_phrases_that_warn_of_one_harm_in_one_sentence_are_one_finding(check):
    text = "At home? Yes, roll over them gently, it helps dry pimples out."
    assert [f.reference for f in findings(check(text), "risky-home-use")] == ["home-over-a-breakout"]


def test_how_often_to_roll_at_home_is_compared_only_with_a_stated_limit_but_clinic_spacing_always(checker):
    home = checker.check_text("Roll your derma roller at home every day.\n\nUse your roller at home once a week.\n", "home.md")
    assert [f.rule for f in home.findings if f.rule == "internal-inconsistency"] == []
    limit = checker.check_text("Roll at home no more than twice a week.\n\nUse your roller at home every other day.\n", "limit.md")
    assert [f.text for f in limit.findings if f.rule == "internal-inconsistency"] == ["every other day"]
    clinic = checker.check_text("Book clinic sessions 4 weeks apart.\n\nAt the clinic, sessions are 10 weeks apart.\n", "clinic.md")
    assert [f.rule for f in clinic.findings if f.rule == "internal-inconsistency"] == ["internal-inconsistency"]


@pytest.mark.parametrize("text", ["Since we started stocking rollers, questions about rollers and numbing creams have doubled.",
                                  "My question is about numbing cream for home rolling."])
def test_a_practice_named_as_a_topic_is_not_home_advice(checker, text):
    assert [f.text for f in checker.check_text(text, "a.md").findings if f.rule == "risky-home-use"] == []


def test_a_depth_a_home_pen_may_reach_is_not_advice_to_use_it(checker):
    text = "On some pens sold for home use, the needles may extend up to 1.2 mm at home. Stop using it."
    assert [f.text for f in checker.check_text(text, "a.md").findings if f.rule == "risky-home-use"] == []


@pytest.mark.parametrize("text", ["Love this format!! Quick question: I've got a 1.0 mm roller for home use. Could I use that instead?",
                                  'Customer: "Someone on TikTok said to get the 1.5 mm roller for home use."'])
def test_a_depth_only_asked_about_or_reported_is_not_home_advice(checker, text):
    assert [f.text for f in checker.check_text(text, "a.md").findings if f.rule == "risky-home-use"] == []


@pytest.mark.parametrize("text", ["For home rolling I numb first with EMLA.", "Numbing before home rolling: a thin layer of the 4% cream."])
def test_numbing_first_for_home_rolling_is_risky(checker, text):
    assert [f.rule for f in checker.check_text(text, "a.md").findings if f.rule == "risky-home-use"] == ["risky-home-use"]
