"""Claims: kinds, settings, subjects and modality on realistic copy written for these tests."""
import pytest


def claims_of(result, kind=None):
    return [c for c in result.claims if kind is None or c.kind == kind]


def only(result, kind):
    found = claims_of(result, kind)
    assert len(found) == 1, [(c.kind, c.text) for c in result.claims]
    return found[0]


def test_readme_example(extract):
    import claimcheck

    result = claimcheck.extract_text("Roll a 1.5mm-2.00mm roller at home every week.", source="draft.md")
    depth = only(result, "needle_depth")
    assert (depth.normalized["min"], depth.normalized["max"], depth.setting, depth.line) == (1.5, 2.0, "home", 1)
    assert depth.text == "1.5mm-2.00mm"
    assert depth.value == {"min": 1.5, "max": 2.0, "unit": "mm"}
    interval = only(result, "session_interval")
    assert interval.normalized["min"] == interval.normalized["max"] == 7


def test_course_and_spacing_in_one_sentence(extract):
    r = extract("For enlarged pores, most clients book 3 to 6 sessions spaced 4 to 6 weeks apart at our clinic.")
    count = only(r, "session_count")
    interval = only(r, "session_interval")
    assert (count.min, count.max) == (3, 6)
    assert (interval.min, interval.max) == (28, 42)
    assert count.setting == interval.setting == "professional"
    assert count.indication == "pores"


@pytest.mark.parametrize(
    "text, kind, lo, hi",
    [
        ("Your appointment takes about 45 minutes from start to finish.", "session_duration", 45 / 1440, 45 / 1440),
        ("We leave the numbing cream on for 30 to 40 minutes before we begin.", "numbing_time", 30 / 1440, 40 / 1440),
        ("The pinkness usually fades within 24 to 48 hours.", "recovery_time", 1, 2),
        ("Expect about a day or two of downtime.", "recovery_time", 1, 2),
        ("Most clients start to see results after 4 weeks.", "results_time", 28, 28),
        ("Results typically last 6 to 12 months.", "results_duration", 180, 360),
        ("Hold the pen upright, at 90 degrees to the skin.", "needle_angle", 90, 90),
        ("Choose a 0.25 mm roller for your face.", "needle_depth", 0.25, 0.25),
        ("We recommend a course of four treatments.", "session_count", 4, 4),
        ("Roll twice a week with a 0.2 mm head.", "session_interval", 3.5, 3.5),
    ],
)
def test_each_kind_is_recognised_from_its_cues(extract, text, kind, lo, hi):
    c = only(extract(text), kind)
    assert c.min == pytest.approx(lo) and c.max == pytest.approx(hi)


@pytest.mark.parametrize(
    "text, subject, lo, hi",
    [
        ("Skip makeup for at least 24 hours after your session.", "makeup", 1, None),
        ("Stay out of direct sun for a week afterwards.", "sun", 7, 7),
        ("Wait 3 to 5 days before going back to retinol or glycolic acid.", "actives", 3, 5),
        ("Avoid the gym and heavy sweating for 48 hours.", "exercise", 2, 2),
        ("Keep out of pools and saunas for 72 hours.", "swimming", 3, 3),
        ("You can put makeup on straight after the treatment.", "makeup", 0, 0),
        ("A light mineral powder is fine straight after your session.", "makeup", 0, 0),
    ],
)
def test_avoidance_periods_carry_the_avoided_thing_as_subject(extract, text, subject, lo, hi):
    c = only(extract(text), "avoidance_period")
    assert c.subject == subject
    assert c.min == (pytest.approx(lo) if lo is not None else None)
    assert c.max == (pytest.approx(hi) if hi is not None else None)
    assert c.modality == "asserted"


def test_one_period_for_two_avoided_things_gives_a_claim_per_subject(extract):
    r = extract("Please wait a week before exposing the area to sunshine or harsh chemicals.")
    assert sorted(c.subject for c in claims_of(r, "avoidance_period")) == ["actives", "sun"]


def test_an_avoided_thing_after_and_belongs_to_the_next_period(extract):
    r = extract("Clinics ask you to skip the gym for 24 hours and retinoids or acids for three to five days.")
    assert {(c.text, c.subject) for c in claims_of(r, "avoidance_period")} == {
        ("24 hours", "exercise"), ("three to five days", "actives")}


def test_an_avoided_thing_named_far_back_in_the_sentence_is_its_subject(extract):
    text = "Skip the gym for 24 hours. On makeup, though, advice has relaxed: a mineral powder can go on the same day."
    r = extract(text)
    assert {(c.text, c.subject) for c in claims_of(r, "avoidance_period")} == {
        ("24 hours", "exercise"), ("on the same day", "makeup")}


def test_avoidance_subjects_from_an_introduced_list(extract):
    text = "For the first week, steer clear of the following:\n\n- sweating\n- retinol serums\n- sun exposure\n"
    r = extract(text, source="aftercare.md")
    assert sorted(c.subject for c in claims_of(r, "avoidance_period")) == ["actives", "exercise", "sun"]


def test_avoid_immediately_after_is_not_a_zero_day_permission(extract):
    r = extract("Avoid retinol and acids immediately after the procedure.")
    assert claims_of(r, "avoidance_period") == []


@pytest.mark.parametrize(
    "text, modality",
    [
        ("vitamin c straight after can set off a nasty reaction in freshly needled skin.", "warning"),
        ("Retinol right away sets off stinging and peeling.", "warning"),
        ("Avoid retinol for 5 days, as it can set off a reaction.", "asserted"),
    ],
)
def test_a_harm_said_of_a_permission_warns_against_it_but_not_against_an_avoidance(extract, text, modality):
    [c] = claims_of(extract(text), "avoidance_period")
    assert c.modality == modality


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Never use needles longer than 0.5 mm at home.", "warning"),
        ("Rolling every three days would give your skin no time to repair at all.", "warning"),
        ("Do not use a 1.5 mm roller on yourself.", "warning"),
        ("A 1 mm roller is not safe for home use.", "warning"),
        ("If your redness lasts more than a week, call us.", "hypothetical"),
        ("Some people may need 8 sessions.", "hypothetical"),
        ("It does not take 6 weeks to heal.", "negated"),
        ("Use a 0.25 mm roller at home.", "asserted"),
    ],
)
def test_modality_follows_warning_negation_and_hedging_cues(extract, text, modality):
    r = extract(text)
    assert r.claims, text
    assert r.claims[0].modality == modality


@pytest.mark.parametrize(
    "text, modalities",
    [
        (  # a "Myths" section: negated unless labelled "Fact:"
            "# Myths about microneedling\n\n"
            "- You will see full results after one day.\n"
            "- Fact: collagen takes weeks to rebuild, so expect results after 3 months.\n",
            {"one day": "negated", "3 months": "asserted"},
        ),
        (  # a page about myths: quoted headings are the myths, the text below answers them
            "# What people get wrong about rollers\n\n"
            "These are the myths we hear most.\n\n"
            '## 1. "You need to roll every day."\n\n'
            "You don't. With a 0.2 mm head, twice a week is enough.\n\n"
            "## 2. \u201cA 1.5 mm roller at home is just stronger.\u201d\n\n"
            "That length belongs to clinics.\n",
            {"every day": "negated", "1.5 mm": "negated", "twice a week": "asserted"},
        ),
        (  # a consumer article: the sellers' quoted lines are the myths, the rest of each paragraph answers
            "# Home pens under the microscope\n\n"
            "## The claims we found\n\n"
            '**"Roll every day for faster results."** Daily rolling keeps skin inflamed. At 0.25 mm, twice a week is plenty.\n\n'
            '"Set the pen needle depth to 2.5 mm for scars." Leave anything over 0.5 mm to a clinic.\n',
            {"every day": "negated", "twice a week": "asserted", "2.5 mm": "negated"},
        ),
        (  # a page that says it answers the claims it quotes, without calling them myths
            "# Viral claims about needling, fact-checked\n\n"
            '## 3. "Roll every day for faster results"\n\n'
            "It keeps skin inflamed. Space clinic sessions 4 to 6 weeks apart.\n",
            {"every day": "negated", "4 to 6 weeks": "asserted"},
        ),
        (  # a table whose columns are labelled: the sellers' column is the myth, the experts' the answer
            "# Pens bought online\n\n"
            "| What the sellers say | What experts say |\n|---|---|\n"
            '| "Roll daily for a glow." | Twice a week is plenty at 0.25 mm. |\n',
            {"daily": "negated", "Twice a week": "asserted"},
        ),
    ],
)
def test_myths_are_negated_and_their_answers_asserted(extract, text, modalities):
    r = extract(text, source="myths.md")
    assert {c.text: c.modality for c in r.claims if c.text in modalities} == modalities


def test_setting_comes_from_the_heading_and_paragraph(extract):
    text = (
        "# In the clinic\n\n"
        "Our practitioners work at 1.5 mm for acne scars.\n\n"
        "# Using a roller at home\n\n"
        "Between visits, stick to short needles.\n"
        "A 0.25 mm head is plenty.\n"
    )
    r = extract(text, source="guide.md")
    depths = {c.text: c.setting for c in claims_of(r, "needle_depth")}
    assert depths == {"1.5 mm": "professional", "0.25 mm": "home"}


def test_a_moisturiser_allowed_straight_away_is_not_the_paragraphs_actives(extract):
    r = extract("Keep retinoids, acids and vitamin C off the face for 3 to 5 days. "
                "A plain, fragrance-free moisturiser is fine straight away.")
    assert [(c.text, c.subject) for c in claims_of(r, "avoidance_period")] == [("3 to 5 days", "actives")]


def test_a_weekly_routine_with_no_setting_named_around_it_is_home_use(extract):
    r = extract("# Needling questions\n\nMy sister says her clinic does it every month.\n\n"
                "With short needles, once a week is plenty.\n", source="qa.md")
    assert {c.text: c.setting for c in claims_of(r, "session_interval")} == {
        "every month": "professional", "once a week": "home"}


def test_a_weekly_plan_on_a_clinic_page_stays_professional(extract):
    r = extract("# Scalp treatment\n\nOur clinic team treats thinning hair with microneedling.\n\n"
                "After your first visit, come back weekly.\n", source="clinic.md")
    assert only(r, "session_interval").setting == "professional"


def test_consult_a_professional_does_not_make_home_advice_professional(extract):
    text = "At home, use a 0.25 mm roller twice a week. If unsure, consult a dermatologist or skincare professional."
    r = extract(text)
    assert {c.setting for c in r.claims} == {"home"}


def test_quantities_that_fit_no_kind_are_not_claims(extract):
    r = extract("Soak the roller in 70% isopropyl alcohol and roll 6 to 8 times in each direction.")
    assert r.claims == []
    assert [q.text for q in r.quantities] == ["70%"]


def test_markdown_markup_is_not_prose_but_offsets_are_original(extract):
    text = (
        "---\ntitle: Roller guide\n---\n"
        "# Home *roller* guide\n\n"
        "Use a [0.25 mm roller](https://example.com/1.5mm) **twice a week**.\n\n"
        "```\nroll 3 mm daily\n```\n\n"
        "![A 0.5 mm roller head](roller.png)\n"
    )
    r = extract(text, source="guide.md")
    texts = [c.text for c in r.claims]
    assert texts == ["0.25 mm", "twice a week", "0.5 mm"]
    for c in r.claims:
        assert text[c.start : c.end] == c.text
        line_start = text.rfind("\n", 0, c.start) + 1
        assert c.line == text.count("\n", 0, c.start) + 1
        assert c.column == c.start - line_start + 1


def test_html_tags_scripts_and_styles_are_skipped_alt_text_kept(extract):
    text = (
        "<html><head><title>x</title><style>.a{width:3mm}</style></head><body>"
        "<h2>At-home care</h2><p>Keep makeup off for&nbsp;24&nbsp;hours.</p>"
        '<script>var depth = "2 mm";</script>'
        '<img src="r.png" alt="our 0.25 mm roller">'
        "<ul><li>Redness fades in 1&ndash;3 days.</li></ul></body></html>"
    )
    r = extract(text, source="page.html")
    assert [c.kind for c in r.claims] == ["avoidance_period", "needle_depth", "recovery_time"]
    for c in r.claims:
        assert text[c.start : c.end] == c.text
    assert r.claims[2].text == "1&ndash;3 days"
    assert (r.claims[2].min, r.claims[2].max) == (1, 3)


def test_extractor_works_in_a_users_own_blank_pipeline():
    import spacy

    import claimcheck  # noqa: F401  (registers the factories)
    from claimcheck.nlp import components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimcheck_quantities")
    nlp.add_pipe("claimcheck_claims")
    docs = list(nlp.pipe(["Numbing cream stays on for 30 minutes.", "Redness settles within 2 days."]))
    assert [c.kind for c in docs[0]._.claims] == ["numbing_time"]
    assert [span.label_ for span in docs[1].spans["claims"]] == ["recovery_time"]
    assert docs[1].spans["claims"][0]._.claim.max == 2


def test_pipeline_without_sentence_boundaries_segments_itself():
    import spacy

    from claimcheck.nlp import components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("claimcheck_quantities")
    nlp.add_pipe("claimcheck_claims")
    doc = nlp("Use a 0.25 mm roller. Redness fades in a day.")
    assert [c.kind for c in doc._.claims] == ["needle_depth", "recovery_time"]


@pytest.mark.parametrize("text", ["Single session: $249", "Book any single treatment with 10% off."])
def test_one_session_in_a_price_list_is_not_a_course_claim(extract, text):
    assert claims_of(extract(text), "session_count") == []


@pytest.mark.parametrize("text", ["Some clients notice a glow after one session.",
                                  "Nobody gets there in one session, whatever you have read.",
                                  "One session won't undo years of scarring."])
def test_one_session_named_in_passing_is_a_mention(extract, text):
    assert [(c.max, c.mention) for c in claims_of(extract(text), "session_count")] == [(1, True)]


def test_one_session_framed_as_the_course_is_a_claim(extract):
    assert [(c.max, c.mention) for c in claims_of(extract("One session is all you need."), "session_count")] == [(1, False)]


def test_a_mention_of_one_session_is_neither_out_of_range_nor_inconsistent(checker):
    r = checker.check_text("Plan 3 to 6 sessions, four weeks apart. Clients notice a glow after one session.", "a.md")
    assert [(c.text, c.mention) for c in r.claims if c.kind == "session_count"] == [("3 to 6 sessions", False), ("one session", True)]
    assert r.findings == []
    assert [f.rule for f in checker.check_text("One session is all you need.", "b.md").findings] == ["reference-contradiction"]


def test_roller_sizes_without_a_unit_are_read_as_mm_on_a_roller_page(extract):
    doc = extract("My first derma roller was a cheap 0.5; I moved up to the 1.5 later. Ordered 0.25 rollers too.",
                  source="forum.txt")
    depths = [(c.text, c.min, c.unit_written) for c in doc.claims if c.kind == "needle_depth"]
    assert depths == [("0.5", 0.5, False), ("1.5", 1.5, False), ("0.25", 0.25, False)]


@pytest.mark.parametrize("text", [
    "Add 0.5 ml of serum after rolling with the derma roller.",     # another unit
    "The app reached version 1.5 and rates 4.5 stars.",             # no roller, needle or depth named
    "Our derma roller rates 4.5 stars; 2.5 million sold.",          # out of range, not a noun
])
def test_other_bare_numbers_are_not_needle_lengths(extract, text):
    assert [c for c in extract(text, source="a.txt").claims if c.kind == "needle_depth"] == []


def test_cues_match_across_a_line_wrap(check):
    wrapped = ("Home care\n\nWhatever the listing says, and however cheap they are, please stay away\n"
               "from 1.5 mm rollers at home. Your skin will thank you.\n")
    doc = check(wrapped, source="leaflet.txt")
    claim = next(c for c in doc.claims if c.kind == "needle_depth")
    assert claim.modality == "warning" and claim.text == "1.5 mm" and claim.line == 4
    assert not [f for f in doc.findings if f.rule == "risky-home-use"]


def test_a_bare_number_answering_how_many_sessions_is_a_session_count(extract):
    doc = extract("### How many sessions will I need?\n\nIt depends. Most people book three or four; "
                  "deep scars can take up to six.\n\n### Is it safe?\n\nWe have done it 500 times.\n", source="faq.md")
    counts = [(c.text, c.min, c.max, c.unit_written) for c in doc.claims if c.kind == "session_count"]
    assert counts == [("three or four", 3, 4, False), ("up to six", None, 6, False)]


def test_a_quoted_heading_is_not_a_myth_on_a_page_that_names_no_myths(extract):
    r = extract('# Reviews\n\n## "I roll every day and love it"\n\nFive stars.\n', source="reviews.md")
    assert only(r, "session_interval").modality == "asserted"


def test_a_clinic_page_stays_professional_around_its_home_use_section(extract):
    text = (
        "# Stretch mark treatment\n\n"
        "Book your consultation with our clinic team.\n\n"
        "## Recovery\n\n"
        "Treated areas look red for 2-4 days.\n\n"
        "## Can I do this at home?\n\n"
        "Home rollers are limited to 0.25 mm, and at home you cannot reach a stretch mark.\n"
    )
    r = extract(text, source="clinic.md")
    assert only(r, "recovery_time").setting == "professional"
    assert only(r, "needle_depth").setting == "home"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Texture keeps improving for 8 to 12 weeks after each treatment, which is why we start early.", "results_time"),
        ("Redness after a clinic session is usually gone in 2-3 days.", "recovery_time"),
        ("Is it normal that redness hangs around? Mine is usually gone in 4-5 days.", "recovery_time"),
    ],
)
def test_what_changes_over_the_period_decides_its_kind(extract, text, kind):
    assert only(extract(text), kind)


@pytest.mark.parametrize(
    "text, span, kind, lo, hi",
    [
        ("## Days 1–3\n\nRedness fades over these first days.\n", "Days 1–3", "recovery_time", 1, 3),
        ("## Weeks 4–6\n\nThis is when many people first notice smoother texture.\n", "Weeks 4–6", "results_time", 28, 42),
        ("By day 7 most skin looks back to normal.", "By day 7", "recovery_time", None, 7),
        ("Pinkness fades over 1 to 3 days.", "over 1 to 3 days", "recovery_time", 1, 3),
    ],
)
def test_timeline_steps_take_their_kind_from_what_happens_then(extract, text, span, kind, lo, hi):
    c = only(extract(text, source="timeline.md"), kind)
    assert (c.text, c.min, c.max) == (span, lo, hi)


@pytest.mark.parametrize(
    "text",
    [
        "Stop retinoids 3 days before your appointment.",
        "Using retinoids in the 3 to 5 days before your visit can make the skin more reactive.",
    ],
)
def test_times_counted_back_from_the_treatment_are_not_aftercare(extract, text):
    assert all(c.kind is None for c in extract(text).claims)


def test_numbing_is_the_step_timed_before_the_treatment(extract):
    assert only(extract("Numbing cream is applied 20 minutes before your treatment."), "numbing_time")


def test_a_frequency_under_a_how_often_title_is_an_interval(extract):
    text = "# How often should you microneedle?\n\n## At home\n\n- **0.25 mm or shorter:** two or three times a week.\n"
    c = only(extract(text, source="blog.md"), "session_interval")
    assert (c.setting, c.min, c.max) == ("home", pytest.approx(7 / 3), 3.5)


def test_a_section_heading_sets_the_setting_over_cues_elsewhere_in_its_section(extract):
    text = ("# Home or clinic?\n\n## At home\n\nLook for needles of 0.2 mm.\n\n"
            "Dermatologists say home devices don't match in-office treatment.\n")
    assert only(extract(text, source="blog.md"), "needle_depth").setting == "home"


def test_a_details_summary_question_heads_its_answer(extract):
    html = ("<h1>FAQ</h1><details><summary>How long is an appointment?</summary>"
            "<p>Between 30 and 60 minutes, depending on the area.</p></details>")
    c = only(extract(html, source="faq.html"), "session_duration")
    assert c.text == "Between 30 and 60 minutes"


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("Full face, 60 minutes including numbing.", "60 minutes", "session_duration"),
        ("Plan on an hour with us. The anaesthetic stays in place for 30 to 45 minutes; the needling itself is quicker.",
         "30 to 45 minutes", "numbing_time"),
        ("Mineral makeup is fine once the first 24 hours have passed.", "24 hours", "avoidance_period"),
    ],
)
def test_cues_that_belong_to_another_part_of_the_sentence_do_not_decide(extract, text, span, kind):
    assert [c.kind for c in extract(text).claims if span in c.text] == [kind]


@pytest.mark.parametrize("text", [
    "Book a free 15-minute consultation online.",
    "There are 2 hours of free parking behind the clinic.",
])
def test_the_length_of_what_a_business_offers_around_the_treatment_is_not_a_claim(extract, text):
    assert all(c.kind is None for c in extract(text).claims)


def test_a_page_without_other_evidence_takes_its_setting_from_its_title(extract):
    text = (
        "Groups > Derma Rolling Support\n\n"
        "Anna\nI went once a week and it calmed down.\n\n"
        "Ben\nSame, every 5 days works for me.\n"
    )
    r = extract(text, source="thread.txt")
    assert {c.text: c.setting for c in r.claims} == {"once a week": "home", "every 5 days": "home"}


def test_a_research_figure_has_no_setting(extract):
    r = extract("# Rollers at home\n\nIn one animal study, roller needles 770 µm long made shallow channels.\n", source="a.md")
    assert only(r, "needle_depth").setting is None


def test_a_promotion_that_says_book_now_is_a_clinic_offer(extract):
    r = extract("GLOW SEASON\n\n3 sessions, 4 weeks apart.\n\nBook now via the link in bio.\n", source="post.txt")
    assert {c.setting for c in r.claims} == {"professional"}


def test_an_avoided_thing_after_a_conjunction_belongs_to_the_next_quantity(extract):
    r = extract("Avoid makeup for 24 hours and sun for a week. Leave retinol out for 5 days and vitamin C for 48 hours.")
    assert [(c.text, c.subject, c.target) for c in r.claims] == [
        ("24 hours", "makeup", None), ("a week", "sun", None),
        ("5 days", "actives", "retinoids"), ("48 hours", "actives", "vitamin_c")]


def test_an_avoidance_of_something_untracked_takes_no_other_kind(extract):
    r = extract("Roll once a week over the thin patches. Wait 24 hours before putting minoxidil back on.")
    assert [(c.kind, c.text) for c in r.claims if c.kind] == [("session_interval", "once a week")]


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("A topical anaesthetic goes on first and stays in place for 30 to 45 minutes; the needling itself is quicker.",
         "30 to 45 minutes", "numbing_time"),
        ("my redness lasts like 10 days every time", "10 days", "recovery_time"),
    ],
)
def test_what_the_quantity_measures_decides_over_nearby_words_of_another_kind(extract, text, span, kind):
    [claim] = [c for c in extract(text).claims if c.text == span]
    assert claim.kind == kind


def test_recovery_values_name_their_target(extract):
    r = extract("Redness fades in 1 to 2 days, swelling in 3 days, and most people are back at work the next day.")
    assert [(c.text, c.target) for c in r.claims] == [("1 to 2 days", "redness"), ("3 days", "swelling"),
                                                        ("the next day", "routine")]


def test_a_week_by_week_schedule_is_read_as_stages(extract, check):
    text = ("==============================\n YOUR ROLLING CALENDAR\n==============================\n\n"
            "WEEK 1 -- Mon / Thu\n  Use the 0.25 mm head. Roll twice a week.\n\n"
            "WEEKS 3-4 -- every other day\n  If you're still pink, drop back.\n\n"
            "WEEK 5 AND BEYOND\n  Settle into 2–3 times a week.\n\n"
            "Smoother texture usually shows up between week 6 and week 10 of steady rolling.\n")
    r = check(text, source="plan.txt")
    kinds = [(c.kind, c.text) for c in r.claims if c.kind]
    assert ("results_time", "between week 6 and week 10") in kinds
    assert not [t for k, t in kinds if t.upper().startswith("WEEK")]  # labels of the schedule's steps
    assert [c.normalized["min"] for c in r.claims if c.text == "between week 6 and week 10"] == [42]
    assert not [f for f in r.findings if f.rule == "internal-inconsistency"]


def test_a_banner_title_framed_by_rule_lines_heads_its_section():
    from claimcheck.sources.plain import plain_prose

    text = "Intro line.\n\n=====\n AFTERCARE\n=====\n\nKeep makeup off for 24 hours.\n\nTitle\n=====\nBody.\n"
    _, blocks = plain_prose(text)
    assert [(b.kind, b.level, text[b.start:b.end].strip()) for b in blocks] == [
        ("paragraph", 0, "Intro line."), ("heading", 1, "AFTERCARE"), ("paragraph", 0, "Keep makeup off for 24 hours."),
        ("heading", 1, "Title"), ("paragraph", 0, "Body.")]


def test_a_shop_page_is_home_use_even_where_a_list_item_says_medical_grade(extract):
    page = ("<h1>Titanium derma roller</h1><button>Add to Cart</button><p>Verified purchase reviews below.</p>"
            "<h2>About this item</h2><ul><li>Medical-grade titanium needles.</li>"
            "<li>How often: 0.25 mm daily, 0.5 mm 2–3 times a week.</li></ul>"
            "<h2>Customer questions</h2><p>Seller: ships in 2 days. Great for home use.</p>")
    r = extract(page, source="shop.html")
    assert {c.setting for c in r.claims if c.kind} == {"home"}


def test_figures_about_other_treatments_on_a_comparison_page_are_not_claims(extract):
    page = ("# Peel, laser or needle?\n\n| | Medium peel | Fractional laser | Clinic microneedling |\n|---|---|---|---|\n"
            "| Downtime | 5–7 days | 3–5 days | 1–3 days |\n\n"
            "A medium-depth TCA peel means a week of visible peeling. With microneedling, redness lasts 1 to 2 days.\n")
    r = extract(page, source="compare.md")
    assert [c.text for c in r.claims if c.kind] == ["1–3 days", "1 to 2 days"]


def test_a_sentence_naming_both_treatments_is_about_the_one_nearer_the_quantity(extract):
    page = ("A medium-depth peel means seven to ten days of visible peeling, so we never combine it with microneedling. "
            "Microneedling redness lasts 1 to 3 days, unlike a laser.\n")
    r = extract(page, source="compare.md")
    assert [c.text for c in r.claims if c.kind] == ["1 to 3 days"]


def test_a_paragraph_that_opens_on_another_treatment_stays_about_it(extract):
    page = ("# Peel, laser or needle?\n\n**Fractional lasers** fire columns of heat into the skin. "
            "Ablative ones can leave you pink for two weeks or longer.\n\n"
            "Expect pink skin for 1 to 3 days.\n")
    r = extract(page, source="compare.md")
    assert [c.text for c in r.claims if c.kind] == ["1 to 3 days"]


@pytest.mark.parametrize(
    "text",
    [
        "Consultations are free and take about 20 minutes.",
        "A 48-hour cancellation notice applies.",
        "Please arrive 10 minutes early and come without makeup.",
        "Use SPF 50 every day, and keep using it for at least 3 months.",
        "Wear sunscreen every morning for at least a month afterwards.",
        "Stop rolling 5 days before any clinic treatment.",
        "Straight after rolling, apply a few drops of a plain hyaluronic acid serum.",
        "From £2,450 per person: 7 nights, full board, every treatment included.",
        "For a PRP facial we draw about 10 ml of blood from your arm, which takes 5 minutes.",
        "Its battery lasts up to 3 hours on a single charge.",
        "Tell us if you have taken isotretinoin in the last 6 months or had filler within the past 2 weeks.",
        "Most clinics ask you to stop retinoids and acids 3 to 5 days before, and to arrive without makeup.",
        "You get 90 minutes of battery life per charge.",
    ],
)
def test_times_around_the_treatment_that_are_not_about_it_are_not_claims(extract, text):
    assert [c.text for c in extract(text).claims if c.kind] == []


@pytest.mark.parametrize("text, depths", [
    ("The pen offers needle depths from 0.25 to 2.5 mm in 0.25 mm steps.", ["0.25 to 2.5 mm"]),
    ("Needle length: 0.25 to 2.5 mm adjustable (each click 0.25 mm).", ["0.25 to 2.5 mm"]),
    ("Turn the ring in steps of 0.5 mm up to 2.5 mm.", ["up to 2.5 mm"]),
    ("The collar moves in 0.5 mm increments.", []),
])
def test_how_a_device_adjusts_is_not_a_depth_claim(extract, text, depths):
    assert [c.text for c in claims_of(extract(text), "needle_depth")] == depths


def test_a_device_manual_for_personal_use_is_about_home_use(extract):
    text = ("DERMA PEN DP-7\nINSTRUCTION MANUAL\n\nFor personal use on face and body.\n\n"
            "SPECIFICATIONS\nNeedle length ........ 0.25 mm - 2.5 mm adjustable\n")
    [c] = claims_of(extract(text, source="manual.txt"), "needle_depth")
    assert (c.text, c.setting) == ("0.25 mm - 2.5 mm", "home")


def test_a_notice_period_written_with_an_html_entity_is_not_a_claim(extract):
    r = extract("<p>Please give at least 48 hours&rsquo; notice to move an appointment.</p>", source="form.html")
    assert [c.text for c in r.claims if c.kind] == []


def test_the_whole_visit_said_as_being_back_out_the_door_is_a_session_duration(extract):
    r = extract("The needling took 20 minutes, and I was back out on the street in about an hour and a half.")
    assert [(c.kind, c.text) for c in r.claims] == [("session_duration", "20 minutes"), ("session_duration", "an hour and a half")]


def test_a_pages_reading_time_is_not_a_claim(extract):
    r = extract("# When to avoid retinol and acids after needling\n\n*The Skin Edit · 8 min read*\n", source="guide.md")
    assert [c.text for c in r.claims if c.kind] == []


def test_a_table_cell_is_about_what_its_row_names_however_wide_the_table(extract):
    text = ("| Product | After a home roller (0.25 mm or less) | After a clinic treatment |\n"
            "|---|---|---|\n"
            "| Retinol, retinal, tretinoin | After 48 hours | After 5 to 7 days |\n"
            "| Makeup | After 24 hours | After 48 hours, mineral only |\n")
    r = extract(text, source="guide.md")
    assert [(c.text, c.subject, c.setting) for c in claims_of(r, "avoidance_period")] == [
        ("48 hours", "actives", "home"), ("5 to 7 days", "actives", "professional"),
        ("24 hours", "makeup", "home"), ("48 hours", "makeup", "professional")]


def test_a_sentence_that_starts_with_return_to_work_is_still_a_recovery_claim(extract):
    assert [(c.kind, c.text) for c in extract("Return to work the next day if you like.").claims] == [
        ("recovery_time", "the next day")]


def test_a_speaker_or_caption_label_starts_a_new_sentence_in_a_script(extract):
    text = ('ON-SCREEN: "STEP 3: vit C serum IMMEDIATELY"\n'
            "VO: then I layer on my vitamin C serum, it drinks it up. and makeup? no thanks.\n")
    r = extract(text, source="script.txt")
    [c] = claims_of(r, "avoidance_period")
    assert (c.text, c.subject, c.modality) == ("IMMEDIATELY", "actives", "asserted")


def test_each_timestamped_turn_of_a_transcript_is_its_own_paragraph(extract):
    text = ("0:40 >> and this is my derma roller\n"
            "0:51 [on-screen text: Dan's roller: 1.5 mm. that's a clinic length. do NOT use it at home]\n"
            "0:57 >> okay so the leaflet says never go over half a millimeter at home\n"
            "1:44 [on-screen text: numbing cream under plastic wrap can be really dangerous. please don't copy this]\n")
    r = extract(text, source="vlog.txt")
    assert [(c.text, c.modality) for c in r.claims] == [("1.5 mm", "warning"), ("over half a millimeter", "warning")]
    assert [(h.text, h.modality) for h in r.phrase_hits] == [("numbing cream", "warning")]


def test_a_true_or_false_statement_is_asked_and_a_lesson_number_is_no_session_count(extract):
    text = ("How many sessions will I need? Most people need three or four.\n\n"
            "If you've come straight from lesson 3.3, keep your notes open.\n\n"
            "2. True or false: one session is enough to treat rolling acne scars.\n")
    r = extract(text, source="course.txt")
    assert [(c.text, c.kind, c.modality) for c in r.claims] == [
        ("three or four", "session_count", "asserted"), ("one session", "session_count", "hypothetical")]


def test_a_tinted_cushion_is_makeup(extract):
    r = extract("A serum, a balm and a tinted mineral cushion. The cushion is gentle enough to go on straight after rolling.",
                source="gift.md")
    assert [(c.text, c.subject) for c in r.claims] == [("straight after", "makeup")]


def test_how_long_a_consultation_takes_is_no_session_duration(extract):
    text = ("A good practitioner offers a consultation before the first treatment (usually 15 to 30 minutes). "
            "Book a consultation lasting about 20 minutes. The treatment itself takes 45 minutes.")
    assert [(c.text, c.kind) for c in extract(text, source="a.md").claims] == [("45 minutes", "session_duration")]


def test_a_bare_range_in_a_table_cell_takes_its_unit_from_the_row_header(extract):
    table = ("| | In a clinic | Home roller |\n|---|---|---|\n"
             "| Sessions in a course | 3 to 6 | No set course |\n| Time between sessions | 4 to 6 weeks | 2 to 3 times a week |\n")
    r = extract(table, source="guide.md")
    assert [(c.text, c.kind, c.min, c.max) for c in r.claims if c.kind == "session_count"] == [("3 to 6", "session_count", 3.0, 6.0)]


def test_values_listed_under_a_warning_signs_heading_are_warnings(extract):
    text = ("## How often\n\nSpace sessions 4 to 6 weeks apart.\n\n## Warning signs\n\n"
            "Think twice if you come across any of the following:\n\n"
            "- an offer of facial needling at 2 mm or deeper from someone untrained;\n"
            "- being told you need sessions every week to see results.\n")
    r = extract(text, source="guide.md")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("4 to 6 weeks", "asserted"), ("2 mm or deeper", "warning"), ("every week", "warning")]


def test_numbers_ending_dotted_leader_lines_take_the_unit_the_page_states(extract):
    text = ("[Slide 3: Depth by zone (all values in mm)]\nUnder-eye ........................ 0.25\n"
            "Cheeks, texture and fine lines .... 1.0\nRolling acne scars ............... 1.5 to 2.0\n")
    r = extract(text, source="slides.txt")
    assert [(c.text, c.kind, c.min, c.max) for c in r.claims] == [
        ("0.25", "needle_depth", 0.25, 0.25), ("1.0", "needle_depth", 1.0, 1.0), ("1.5 to 2.0", "needle_depth", 1.5, 2.0)]
    assert extract("Express facial ........ 30\nSignature facial ...... 60\n", source="menu.txt").claims == []


def test_a_heading_over_a_list_names_the_subjects_of_that_list_only(extract):
    text = ("  FOR THE NEXT 24 HOURS\n  - no make-up or self-tan\n  - no gym or hot yoga\n\n"
            "  - Keep out of direct sunlight for 48 hours.\n")
    r = extract(text, source="guide.txt")
    assert [(c.text, c.subject) for c in r.claims] == [("24 HOURS", "makeup"), ("24 HOURS", "exercise"), ("48 hours", "sun")]


def test_a_refund_or_return_window_is_not_a_claim(extract):
    text = ("Book a course of 3 sessions, spaced 4 weeks apart.\n\n"
            "- Unused sessions can be refunded within 14 days of purchase, less any treatment already given.\n")
    assert [c.text for c in extract(text, source="terms.md").claims] == ["3 sessions", "4 weeks"]


def test_how_often_clients_ask_is_not_how_often_to_treat(extract):
    text = ("Home rollers: this comes up every week. I'm asked about home devices every week. "
            "Most of the questions we remove every week are answered below. Roll every week at most.")
    assert [c.text for c in extract(text, source="faq.md").claims] == ["every week at most"]


def test_a_numbered_section_heading_is_no_session_count(extract):
    text = "## 14.3 Treatment protocol\n\nPlan three to six treatments, four weeks apart.\n"
    assert [c.text for c in extract(text, source="book.md").claims] == ["three to six treatments", "four weeks"]


def test_a_second_session_some_days_later_is_an_interval(extract):
    r = extract("Skin needling on the day you arrive plus a second session five days later, for the full effect.", source="spa.txt")
    assert [(c.text, c.kind) for c in r.claims] == [("five days", "session_interval")]


def test_a_lower_case_sentence_after_a_full_stop_in_a_caption_is_its_own_sentence(extract):
    r = extract("then straight away I layer on my vitamin C serum. and makeup?", source="caption.txt")
    [c] = claims_of(r, "avoidance_period")
    assert (c.text, c.modality) == ("straight away", "asserted")


def test_the_options_of_a_select_are_read_like_a_list(extract):
    page = ('<h1>Home derma roller</h1><p>Our at-home roller for your routine.</p>'
            '<label>Needle length:</label><select name="len"><option value="0.25 mm">0.25 mm</option>'
            '<option>1.5 mm</option></select><button>Add to Cart</button>')
    r = extract(page, source="shop.html")
    assert [(c.text, c.kind, c.setting) for c in r.claims] == [
        ("0.25 mm", "needle_depth", "home"), ("1.5 mm", "needle_depth", "home")]


def test_one_weak_setting_cue_does_not_overturn_a_page_plainly_about_home_use(extract):
    page = ("# ZenGlow home derma roller\n\nYour at-home roller for home use. Add to cart today; refills in stock.\n\n"
            "Use your roller at home before bed.\n\n"
            "Question: How often can I use the 0.25 mm?\n\nAnswer: For 0.25 mm we recommend twice a week.\n")
    r = extract(page, source="shop.md")
    assert [(c.text, c.setting) for c in claims_of(r, "session_interval")] == [("twice a week", "home")]


def test_numbered_capital_titles_and_rule_lines_in_a_leaflet_are_read_as_sections(extract):
    text = ("Skin needling: patient information\n\n"
            "5. AFTER YOUR TREATMENT\n\nRedness lasts 1 to 3 days.\n\n"
            "Page 3 of 4\n------------------------------------------------\n\n"
            "8. CAN I USE A DERMA ROLLER AT HOME?\n\nStick to 0.25 mm rollers at home, twice a week.\n\n"
            "9. CONTACT US\n\nCall the department if:\n"
            "  \u2022  redness lasts longer than 5 days\n"
            "  \u2022  you have a temperature of 38\u00b0C or above\n"
            "  \u2022  you notice blisters\n")
    r = extract(text, source="leaflet.txt")
    got = {c.text: (c.setting, c.modality) for c in r.claims}
    assert got["twice a week"] == ("home", "asserted")
    assert got["longer than 5 days"][1] == "hypothetical"


def test_an_answer_in_its_own_paragraph_takes_its_kind_and_subject_from_the_question(extract):
    page = ('<h1>Home roller: customer questions</h1>'
            '<p><b>Question:</b> Can I put makeup on after rolling? <span>4 votes</span></p>'
            '<p><b>Answer:</b> Yes, right away. Our needles are very fine.</p>')
    r = extract(page, source="shop.html")
    assert [(c.text, c.kind, c.subject) for c in r.claims] == [("right away", "avoidance_period", "makeup")]


def test_an_html_table_reads_like_a_markdown_one(extract):
    """Each <tr> is one row with its <td>/<th> cells: a row names what its cells are about, the header
    names each column's unit and kind."""
    html = ("<table><caption>Starting depths (all depths in mm)</caption>"
            "<tr><th>Area</th><th>Depth</th><th>Interval</th></tr>\n"
            "<tr><td>Under the eyes</td><td>0.25</td><td>4–6 weeks</td></tr>\n"
            "<tr><td><p>Acne scars</p></td><td>1.5–2.0</td><td>6–8 weeks</td></tr></table>")
    r = extract(html, source="depths.html")
    assert [(c.text, c.kind) for c in r.claims if c.kind] == [
        ("0.25", "needle_depth"), ("4–6 weeks", "session_interval"),
        ("1.5–2.0", "needle_depth"), ("6–8 weeks", "session_interval")]


def test_html_rows_keep_their_cells_and_an_unclosed_table_still_ends(extract):
    from claimcheck.sources import source_from_text

    source = source_from_text("<p>Intro</p><table><tr><td>A</td><td>0.5 mm<br>roller</td></tr><tr><td>B", "t.html")
    rows = [b for b in source.blocks if b.kind == "row"]
    assert [[" ".join(source.prose[a:z].split()) for a, z in b.cells] for b in rows] == [["A", "0.5 mm roller"], ["B"]]


def test_a_column_header_decides_the_kind_of_its_cells(extract):
    text = ("| Concern | Sessions | Interval |\n|---|---|---|\n"
            "| Fine lines | 3–4 | 4–6 weeks |\n| Acne scars | 4–6 | 6–8 weeks |\n")
    r = extract(text, source="plan.md")
    assert [c.kind for c in r.claims if c.text.endswith("weeks")] == ["session_interval", "session_interval"]


def test_a_stretch_of_a_routine_is_not_how_often_it_repeats(extract):
    r = extract("How often: start once a week for the first 2 weeks, then every 3 to 4 days.", source="a.md")
    assert [(c.text, c.kind) for c in claims_of(r, "session_interval")] == [
        ("once a week", "session_interval"), ("every 3 to 4 days", "session_interval")]


def test_restarting_a_product_every_other_night_is_not_a_treatment_interval(extract):
    r = extract("Restart retinol 5 days after treatment, beginning with every other night.", source="a.txt")
    assert claims_of(r, "session_interval") == []


def test_a_product_label_naming_a_profession_does_not_set_the_setting(extract):
    text = "Dermatologist-tested and clinic-grade. Roll the 0.25 mm head twice a week."
    r = extract(text, source="listing.txt")
    assert [(c.text, c.setting) for c in r.claims if c.kind] == [("0.25 mm", None), ("twice a week", "home")]


def test_how_long_a_routine_runs_after_its_frequency_is_not_a_claim(extract):
    r = extract("Use the pen every other day for the first four weeks, then twice a week.", source="a.md")
    assert [c.text for c in r.claims if c.kind] == ["every other day", "twice a week"]


def test_a_device_battery_time_is_not_a_session_duration(extract):
    r = extract("A session takes about 20 minutes. A full charge takes about 2 hours over USB-C and gives you "
                "roughly 60 minutes of use.", source="a.md")
    assert [c.text for c in r.claims if c.kind] == ["20 minutes"]
    r = extract("A pen for home use.\n\nBEFORE YOUR FIRST SESSION\n  - Charge the pen for 2 hours.\n"
                "  - A session takes 15 minutes.\n", source="card.txt")
    assert [c.text for c in r.claims if c.kind] == ["15 minutes"]


def test_results_that_typically_last_are_a_results_duration(extract):
    r = extract("## How long do results take?\n\nResults typically last 12 months+.", source="a.md")
    assert [(c.text, c.kind) for c in r.claims] == [("12 months+", "results_duration")]


def test_device_upkeep_and_the_span_of_a_course_are_not_intervals(extract):
    text = ("Our course is eight sessions over roughly three months, spaced 2 weeks apart.\n\n"
            "Roll your 0.25 mm roller at home twice a week. Replace the head every 3 months.\n")
    r = extract(text, source="a.md")
    assert [c.text for c in r.claims if c.kind] == ["eight sessions", "2 weeks", "0.25 mm", "twice a week"]


def test_a_duration_that_describes_something_else_is_not_a_claim(extract):
    text = ("After a 31-hour labour and a 13-hour flight, I booked a 60-minute session. Get a night's sleep "
            "first and leave a fortnight's stay free. Expect a week's downtime; keep makeup off for 24 hours. "
            "Next time, a 45-minute full-face treatment.")
    r = extract(text, source="a.md")
    assert [(c.text, c.kind) for c in r.claims if c.kind] == [
        ("60-minute", "session_duration"), ("a week", "recovery_time"), ("24 hours", "avoidance_period"),
        ("45-minute", "session_duration")]


def test_when_results_start_to_show_is_a_results_time(extract):
    text = ("Scalp microneedling course.\n\nMost clients start to notice less shedding after about 6 weeks. "
            "Real change tends to show after 4 to 6 weeks.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.kind) for c in r.claims] == [("6 weeks", "results_time"), ("4 to 6 weeks", "results_time")]


def test_a_subject_after_and_belongs_to_the_later_quantity_in_a_long_clause(extract):
    r = extract("Leave makeup off for 24 hours, and put the retinol, the acid toners and the vitamin C serum "
                "at the very back of a kitchen drawer for five days.", source="a.md")
    assert [(c.text, c.subject) for c in r.claims if c.text == "24 hours"] == [("24 hours", "makeup")]


def test_a_sentence_refused_by_the_next_one_is_a_warning(extract):
    text = ("Most clinics space sessions four to six weeks apart. Some clinics will offer a second session "
            "ten days after the first. Say no.\n\nShops sell 1.5 mm rollers for home use. Please don't buy one.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.modality) for c in r.claims if c.kind] == [
        ("four to six weeks", "asserted"), ("ten days", "warning"), ("1.5 mm", "warning")]


def test_the_options_of_a_how_many_question_are_counts_even_bare_or_single(extract):
    text = ("**2. How many treatments would you plan for mild acne scars?**\n\n"
            "- (a) One session\n- (b) Three to six\n- (c) As many as the budget allows\n")
    r = extract(text, source="quiz.md")
    assert [(c.text, c.kind, c.min, c.max, c.modality) for c in r.claims] == [
        ("One session", "session_count", 1.0, 1.0, "hypothetical"), ("Three to six", "session_count", 3.0, 6.0, "hypothetical")]


def test_a_length_with_no_cue_near_it_is_a_needle_depth_on_a_page_about_rollers(extract):
    text = "0:35 this is my derma roller\n0:42 1.5 millimeter, titanium, the reviews loved it\n"
    assert [(c.text, c.kind) for c in extract(text, source="vlog.txt").claims] == [("1.5 millimeter", "needle_depth")]
    assert extract("0:42 1.5 millimeter, titanium, the reviews loved it\n", source="vlog.txt").claims == []


def test_a_value_said_not_to_be_something_you_should_do_is_a_warning(extract):
    r = extract("Use a derma roller at home? 1.5 mm is not something you should be doing at home.", source="a.md")
    assert [(c.text, c.modality) for c in r.claims] == [("1.5 mm", "warning")]


def test_a_transcript_question_without_its_mark_is_asked_not_asserted(check):
    text = ("0:20 >> I bought a derma roller for home\n"
            "2:38 >> should I have gone straight for the 2 millimeter pen instead\n"
            "2:58 >> can I go to the gym straight after though, it's leg day\n"
            "3:01 >> not for 48 hours, you do not want sweat in there\n")
    r = check(text, source="vlog.txt")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("2 millimeter", "hypothetical"), ("straight after", "hypothetical"), ("48 hours", "asserted")]
    assert [f for f in r.findings if f.rule in ("risky-home-use", "reference-contradiction")] == []


def test_a_sentence_opening_with_never_warns_against_all_of_it_up_to_a_colon(extract):
    text = ("Never tell a client to put numbing cream on at home and sit with it under cling film for two hours before she comes in.\n\n"
            "Don't expect instant results from what you put on afterwards, either: collagen shows at around 6 to 12 weeks.\n")
    r = extract(text, source="lesson.md")
    assert [(c.text, c.modality) for c in r.claims] == [("two hours", "warning"), ("6 to 12 weeks", "asserted")]


def test_a_report_that_calls_a_practice_reckless_or_dangerous_warns_against_it(extract):
    text = ('She rebooked some clients every 10 days, a frequency the expert called "reckless". '
            'He described as "dangerous" her instruction that clients apply a numbing cream at home.')
    r = extract(text, source="news.md")
    assert [(c.text, c.modality) for c in r.claims] == [("every 10 days", "warning")]
    assert [(h.text, h.modality) for h in r.phrase_hits] == [("numbing cream", "warning")]


def test_a_story_told_as_what_not_to_do_is_a_warning(extract):
    text = ('"Don\'t do what I did," she says. "I ran a 1.5 mm roller over my face every night."\n\n'
            "Today she sticks to a 0.25 mm roller.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("1.5 mm", "warning"), ("every night", "warning"), ("0.25 mm", "asserted")]


def test_the_options_of_a_multiple_choice_question_are_not_asserted(extract):
    text = ("**2. What is the usual gap between facial needling sessions?**\n\n- (a) 7 days\n- (b) 4 to 6 weeks\n\n"
            "**Answer: (b).** Sessions are spaced 4 to 6 weeks apart.\n")
    r = extract(text, source="quiz.md")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("7 days", "hypothetical"), ("4 to 6 weeks", "hypothetical"), ("4 to 6 weeks", "asserted")]


def test_advice_in_the_main_clause_after_a_condition_is_asserted(extract):
    text = ("If you do roll at home, keep to 0.25 mm. If redness lasts more than a week, call us. "
            "Bruising is rare but, if it happens, it can take up to a week to fade.")
    r = extract(text, source="a.md")
    assert [(c.text, c.modality) for c in r.claims] == [
        ("0.25 mm", "asserted"), ("more than a week", "hypothetical"), ("up to a week", "hypothetical")]


def test_a_permission_named_a_myth_is_denied(extract):
    r = extract("The idea that mineral powder can go on straight after is a myth.", source="a.md")
    assert [(c.text, c.subject, c.modality) for c in r.claims] == [("straight after", "makeup", "negated")]


def test_permission_to_go_back_on_is_an_avoidance_period(extract):
    text = ("## Aftercare\n\n- **Makeup:** fine from the same day.\n\n"
            "With a roller this short, your glycolic toner can go back on the same day.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.kind, c.subject, c.max) for c in r.claims] == [
        ("the same day", "avoidance_period", "makeup", 0.0), ("on the same day", "avoidance_period", "actives", 0.0)]


def test_benefits_that_fade_are_how_long_results_last_not_recovery(extract):
    r = extract("Keep rolling: the benefits fade within a few weeks of a break. Redness fades within 2 days.", source="a.md")
    assert [(c.text, c.kind) for c in r.claims] == [("within a few weeks", "results_duration"), ("within 2 days", "recovery_time")]


def test_a_subject_named_before_a_time_counted_back_from_the_treatment_carries_to_the_aftercare_value(extract):
    text = ("No makeup for 24 hours and no gym for 48 hours.\n\n"
            "She stops her retinol five days before each appointment and keeps off it for five days afterwards.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.subject) for c in r.claims] == [("24 hours", "makeup"), ("48 hours", "exercise"), ("five days", "actives")]


def test_a_professional_named_as_the_source_of_home_advice_does_not_make_it_clinic_advice(extract):
    text = ("Here is the safest way to roll, based on what my dermatologist told me. Use a roller of 0.25 mm. "
            "Afterward, skip makeup for at least 24 hours.")
    r = extract(text, source="essay.md")
    assert [(c.text, c.setting) for c in r.claims] == [("0.25 mm", "home"), ("at least 24 hours", "home")]


def test_a_page_mostly_about_home_rolling_gives_its_setting_to_a_value_with_no_cue_of_its_own(extract):
    text = ("# Beard guide\n\nDerma rolling basics for the bearded.\n\n## Lengths\n\n- Scalp: 1.0 mm\n\n"
            "## Kit\n\nA derma roller and a case.\n\n## Where to go\n\nDerma rolling is fine for most; clinics offer more.\n")
    assert [(c.text, c.setting) for c in extract(text, source="guide.md").claims] == [("1.0 mm", "home")]


def test_a_time_before_rolling_or_before_filming_is_preparation_not_aftercare(extract):
    text = "We both stopped our retinol 3 days before filming. Stop acids 2 days before rolling. No retinol for 3 days after."
    assert [(c.text, c.subject) for c in extract(text, source="vlog.md").claims] == [("3 days", "actives")]


def test_a_spaced_slash_separates_the_items_of_an_aftercare_line(extract):
    r = extract("AFTERCARE: no makeup 24 hrs / no retinol or acids 3 days / no gym 48 hrs", source="card.txt")
    assert [(c.text, c.subject) for c in r.claims] == [("24 hrs", "makeup"), ("3 days", "actives"), ("48 hrs", "exercise")]


def test_maybe_hedges_a_value(extract):
    r = extract("Maybe one session is enough for you, with a course of 3 sessions for scars.", source="a.md")
    assert [(c.text, c.modality) for c in r.claims][0] == ("one session", "hypothetical")


def test_a_time_before_the_next_session_is_not_an_avoidance_period(extract):
    r = extract("Between sessions, use your tretinoin as usual until 5 days before the next one.\n", source="letter.txt")
    assert r.claims == []


def test_a_countdown_label_before_the_treatment_is_not_an_avoidance_period(extract):
    text = ("## Counting down\n\n- **Two weeks before:** no sunbeds or sunbathing.\n"
            "- 5 days before: pause retinoids.\n\n## Afterwards\n\n- No sun for a week.\n")
    r = extract(text, source="a.md")
    assert [(c.text, c.subject) for c in r.claims if c.kind] == [("a week", "sun")]


def test_when_to_book_before_an_event_is_not_a_claim(extract):
    r = extract("Three to four sessions, spaced about four weeks apart. Book your last one at least ten days "
                "before the wedding.", source="a.md")
    assert [c.text for c in r.claims if c.kind] == ["Three to four sessions", "four weeks"]


def test_quoted_statements_listed_under_a_myths_lead_in_are_myths(extract):
    text = ('**Myths you will hear from clients.** Each is corrected below:\n\n'
            '- "It\'s painless."\n- "You only need one treatment."\n\nMost clients need three to six treatments.\n')
    r = extract(text, source="course.md")
    assert [(c.text, c.modality) for c in r.claims if c.kind] == [
        ("one treatment", "negated"), ("three to six treatments", "asserted")]
    assert [(h.text, h.modality) for h in r.phrase_hits] == [("painless", "negated")]


@pytest.mark.parametrize("text", ["I was back at my desk the next day.", "Most people are back in the office in 2 days."])
def test_back_at_the_desk_is_a_recovery_time_for_routine(extract, text):
    assert [(c.kind, c.target) for c in extract(text).claims] == [("recovery_time", "routine")]


@pytest.mark.parametrize("text, subject", [("Guests often ask whether a swim the same evening is all right.", "swimming"),
                                           ("I'm back at Pilates the same day.", "exercise"),
                                           ("A dip in salt water the same day will not help.", "swimming")])
def test_the_same_evening_is_an_avoidance_period_of_no_days(extract, text, subject):
    assert [(c.kind, c.max, c.subject) for c in extract(text).claims] == [("avoidance_period", 0, subject)]


@pytest.mark.parametrize("text, low", [("After about six weeks my skin looked brighter.", 42),
                                       ("At 7 weeks my cheeks were noticeably softer.", 49),
                                       ("First results at six weeks; best at three to six months.", 90),
                                       ("I started to see softer stretch marks after about 8 weeks.", 56)])
def test_a_change_in_the_skin_after_a_time_is_a_time_to_results(extract, text, low):
    assert (low, "results_time") in [(c.min, c.kind) for c in extract(text).claims]


@pytest.mark.parametrize("text", ["I've done 1.5 every 2 weeks for over a year and my skin has improved.",
                                  "I rolled twice a week for a month and saw a big improvement."])
def test_how_long_a_routine_has_run_is_no_claim(extract, text):
    assert [c.kind for c in extract(text).claims if not c.frequency] == []


@pytest.mark.parametrize("text", ["Leah, I'd really steer clients away from 1.0 mm at home, please.",
                                  "The judge criticised her for selling clients 1.5 mm rollers to use at home."])
def test_steering_away_from_or_criticising_a_depth_warns_against_it(extract, text):
    assert [c.modality for c in extract(text).claims if c.kind == "needle_depth"] == ["warning"]


@pytest.mark.parametrize("text, expected", [
    ("Ms Haines was using 3 mm needles on some clients, which I would not consider defensible.", "warning"),
    ("The clinic uses 1.5 mm, which can cause redness for a day.", "asserted"),
    ("I'd gently push back on 1.5 mm at home, though.", "warning"),
    ("Keen clients want 3 mm needles, and letting them is a mistake.", "warning")])
def test_a_judgement_after_which_or_of_a_mistake_warns_but_a_consequence_does_not(extract, text, expected):
    assert [c.modality for c in extract(text).claims if c.kind == "needle_depth"] == [expected]


@pytest.mark.parametrize("text", ["Any smoothing is gradual and fades over a few weeks once you stop rolling.",
                                  "Keep going: the benefits fade within a few weeks if you stop."])
def test_how_long_results_outlast_a_routine_you_stop_is_no_claim(extract, text):
    assert extract(text).claims == []


def test_a_serum_strength_does_not_take_the_subject_from_the_aftercare_time(extract):
    r = extract("Our C-Bright 15% Vitamin C Booster can go on the same day.")
    assert [(c.kind, c.subject, c.max) for c in r.claims] == [("avoidance_period", "actives", 0)]


@pytest.mark.parametrize("text", ['**"Can I put numbing cream on before I roll at home?"** (@sunnysideskin)\n\nGood question.',
                                  '"Should I go up to 1.5 mm at home?" — Amira, Leeds\n\nNo.'])
def test_a_question_in_quotation_marks_and_signed_is_asked(extract, text):
    r = extract(text, source="a.md")
    assert {h.modality for h in r.phrase_hits} | {c.modality for c in r.claims} == {"hypothetical"}


def test_a_question_how_often_is_not_answered_by_a_bare_needle_length(extract):
    r = extract("How often should I use a home roller? With a short one, twice a week has been plenty.", source="a.md")
    assert [(c.kind, c.text) for c in r.claims] == [("session_interval", "twice a week")]


@pytest.mark.parametrize("text, modality", [("I skipped numbing cream and wouldn't bother with it.", "negated"),
                                            ("As for the numbing cream, please stop.", "warning")])
def test_skipping_or_being_told_to_stop_is_no_advice_to_numb(extract, text, modality):
    assert [h.modality for h in extract(text, source="a.md").phrase_hits] == [modality]


def test_please_stop_if_it_stings_is_no_warning_against_the_routine(extract):
    r = extract("Roll at 0.25 mm twice a week and please stop if it stings.", source="a.md")
    assert {c.modality for c in r.claims} == {"asserted"}


@pytest.mark.parametrize("text, expected", [
    ("I went for the 1.5 mm and rolled my acne scars every Sunday.", [("every Sunday", 7.0)]),
    ("Every Sunday night, I roll my face with a 0.25 mm roller.", [("Every Sunday", 7.0)]),
    ("*Every Saturday, Delphine Marr answers your letters.*\n\nThis week: microneedling sessions.", [])])
def test_a_weekday_is_a_weekly_frequency_unless_it_opens_the_pages_schedule(extract, text, expected):
    assert [(c.text, c.min) for c in extract(text, source="a.md").claims if c.kind == "session_interval"] == expected


@pytest.mark.parametrize("text, modality", [
    ("Zero downtime: I rolled on Sunday night and nobody noticed. It is not, however, a miracle.", "asserted"),
    ("Zero downtime, they said. It is not, and it never was.", "negated")])
def test_a_concession_after_not_is_no_flat_denial_of_the_sentence_before(extract, text, modality):
    assert [h.modality for h in extract(text, source="a.md").phrase_hits] == [modality]


def test_a_home_microneedling_stamp_is_home_use(extract):
    r = extract("It's a home microneedling stamp with two heads: a 1.0 mm body head used once every two weeks.", source="a.md")
    assert {c.setting for c in r.claims} == {"home"}


@pytest.mark.parametrize("text, modality", [("Please DON'T buy those 1.5 mm rollers off the internet.", "warning"),
                                            ("YOU CAN’T USE 1.5 MM AT HOME.", "negated")])
def test_a_contraction_in_capitals_is_read_like_a_lower_case_one(extract, text, modality):
    assert [c.modality for c in extract(text, source="a.txt").claims] == [modality]



def test_each_message_of_a_chat_export_is_its_own_paragraph():
    from claimcheck.sources.plain import plain_prose

    chat = ("02/03/2026, 09:05 - Dana: most people need 3 to 6 sessions with Amara, our nurse, spaced about 4 weeks apart\n"
            "02/03/2026, 09:16 - Priya K: could i put the numbing on myself at home before i come in to save time\n"
            "[3/2/26, 9:21:05 AM] Dana: please don't, we never ask clients to numb at home, big areas of cream get absorbed\n")
    _, blocks = plain_prose(chat)
    assert [(b.kind, chat[b.start:b.start + 10]) for b in blocks] == [("paragraph", "02/03/2026"), ("paragraph", "02/03/2026"),
                                                                    ("paragraph", "[3/2/26, 9")]


def test_a_subject_before_a_time_goes_to_it_past_a_comma_closing_another_value(extract):
    r = extract("After a clinic session: no makeup for 24 hours, no gym or sauna for 48 hours, no acids for 5 days.", source="a.md")
    assert [(c.text, c.subject) for c in r.claims] == [
        ("24 hours", "makeup"), ("48 hours", "swimming"), ("48 hours", "exercise"), ("5 days", "actives")]


def test_vitamin_c_ends_a_sentence(extract):
    r = extract("For 3 days, leave out retinol, AHAs and vitamin C. Keep out of direct sun for 48 hours.", source="a.md")
    assert [(c.text, c.subject) for c in r.claims] == [("3 days", "actives"), ("48 hours", "sun")]


def test_a_length_under_a_day_after_a_frequency_is_still_a_claim(extract):
    r = extract("At every visit, numbing cream goes on for 30 minutes.", source="a.md")
    assert [(c.text, c.kind) for c in r.claims] == [("30 minutes", "numbing_time")]


@pytest.mark.parametrize("text, modality", [("Someone on TikTok said to get the 1.5 mm for proper results.", "hypothetical"),
                                            ("My dermatologist told me to use a 0.25 mm roller twice a week.", "asserted")])
def test_hearsay_is_not_the_pages_advice_but_an_experts_instruction_is(extract, text, modality):
    assert [c.modality for c in extract(text, source="a.md").claims if c.kind == "needle_depth"] == [modality]


def test_a_dash_after_a_question_that_goes_on_with_the_story_does_not_make_it_asked():
    from claimcheck.nlp.questions import asks

    assert asks('"Should I go deeper?" — Amira, Leeds')
    assert not asks("She wondered why not? — and rolled at 2 mm that night")


@pytest.mark.parametrize("card", [
    "**For the next 48 hours**\n- No gym, running or hot yoga.\n\n**For 72 hours**\n- No sauna, hot tub or swimming pool.\n",
    "> **For the next 48 hours**\n> - No gym, running or hot yoga.\n>\n> **For 72 hours**\n> - No sauna, hot tub or swimming pool.\n"])
def test_a_short_label_over_a_list_gives_its_time_the_subjects_below(extract, card):
    r = extract(card, source="card.md")
    assert [(c.text, c.subject) for c in r.claims] == [("48 hours", "exercise"), ("72 hours", "swimming")]



def test_a_hedge_after_a_colon_backs_the_absolute_up_rather_than_hedging_it(extract):
    r = extract("The best part? No downtime: most guests go through to lunch with a rosy flush.", source="a.md")
    assert [(h.text, h.hedged) for h in r.phrase_hits] == [("No downtime", False)]
