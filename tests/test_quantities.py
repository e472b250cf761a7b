"""Quantity forms: numbers, ranges, open bounds, vague amounts, frequencies, units, distractors."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.nlp import quantities, units
from claimcheck.nlp.quantities import find_quantities


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, span, lo, hi, unit",
    [
        ("a 1.5 mm roller", "1.5 mm", 1.5, 1.5, "mm"),
        ("needles of .5 mm", ".5 mm", 0.5, 0.5, "mm"),
        ("a 0,5 mm head", "0,5 mm", 0.5, 0.5, "mm"),
        ("1,500 microns deep", "1,500 microns", 1.5, 1.5, "mm"),
        ("250 microns", "250 microns", 0.25, 0.25, "mm"),
        ("500 µm needles", "500 µm", 0.5, 0.5, "mm"),
        ("300 um needles", "300 um", 0.3, 0.3, "mm"),
        ("two millimetres", "two millimetres", 2.0, 2.0, "mm"),
        ("a 0.5-mm roller", "0.5-mm", 0.5, 0.5, "mm"),
        ("1.5mm-2.00mm", "1.5mm-2.00mm", 1.5, 2.0, "mm"),
        ("0.5–1 mm", "0.5–1 mm", 0.5, 1.0, "mm"),
        ("1—2 mm", "1—2 mm", 1.0, 2.0, "mm"),
        ("3 to 6 sessions", "3 to 6 sessions", 3, 6, "count"),
        ("three or four treatments", "three or four treatments", 3, 4, "count"),
        ("twelve weeks", "twelve weeks", 84, 84, "day"),
        ("between 30 and 60 minutes", "between 30 and 60 minutes", 30 / 1440, 60 / 1440, "day"),
        ("between 30 to 60 minutes", "between 30 to 60 minutes", 30 / 1440, 60 / 1440, "day"),
        ("24 to 48 hours", "24 to 48 hours", 1, 2, "day"),
        ("48 hrs", "48 hrs", 2, 2, "day"),
        ("6 h", "6 h", 0.25, 0.25, "day"),
        ("20 mins", "20 mins", 20 / 1440, 20 / 1440, "day"),
        ("a fortnight", "a fortnight", 14, 14, "day"),
        ("2 wks", "2 wks", 14, 14, "day"),
        ("3 months", "3 months", 90, 90, "day"),
        ("a week", "a week", 7, 7, "day"),
        ("half an hour", "half an hour", 1 / 48, 1 / 48, "day"),
        ("90 degrees", "90 degrees", 90, 90, "degree"),
        ("10%", "10%", 10, 10, "percent"),
    ],
)
def test_numbers_ranges_and_units_normalize(text, span, lo, hi, unit):
    q = one(text)
    assert q.text == span
    assert q.norm_min == pytest.approx(lo)
    assert q.norm_max == pytest.approx(hi)
    assert q.normalized_unit == unit


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("at least 24 hours", 1, None),
        ("up to 3 weeks", None, 21),
        ("within 48 hours", None, 2),
        ("within 24 to 48 hours", 1, 2),
        ("no more than 0.25 mm", None, 0.25),
        ("over 1 mm", 1, None),
        ("longer than 0.5 mm", 0.5, None),
        ("more than 2 weeks", 14, None),
        ("6 or more sessions", 6, None),
        ("6+ sessions", 6, None),
        ("24 hours or more", 1, None),
        ("less than 10 minutes", None, 10 / 1440),
        ("in as little as 3 days", 3, None),
        ("as few as two sessions", 2, None),
        ("as early as 4 weeks", 28, None),
    ],
)
def test_open_bounds_leave_the_open_side_null(text, lo, hi):
    q = one(text)
    assert q.norm_min == (pytest.approx(lo) if lo is not None else None)
    assert q.norm_max == (pytest.approx(hi) if hi is not None else None)


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("a few days", 2, 4),
        ("several weeks", 21, 49),
        ("a couple of days", 2, 2),
        ("a day or two", 1, 2),
        ("a few hours to a couple of days", 2 / 24, 2),
    ],
)
def test_vague_amounts_use_documented_ranges(text, lo, hi):
    q = one(text)
    assert q.vague
    assert (q.norm_min, q.norm_max) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize(
    "text, lo, hi, written",
    [
        ("every other day", 2, 2, None),
        ("once a week", 7, 7, (1, 1, "per week")),
        ("twice a week", 3.5, 3.5, (2, 2, "per week")),
        ("twice a month", 15, 15, (2, 2, "per month")),
        ("2-3 times a week", 7 / 3, 3.5, (2, 3, "per week")),
        ("once or twice a week", 3.5, 7, (1, 2, "per week")),
        ("monthly", 30, 30, None),
        ("weekly", 7, 7, None),
        ("daily", 1, 1, None),
        ("every 4 to 6 weeks", 28, 42, (4, 6, "week")),
        ("every two weeks", 14, 14, (2, 2, "week")),
        # a bound on how often bounds the interval the other way; the written count keeps it
        ("no more than twice a week", 3.5, None, (None, 2, "per week")),
        ("up to 3 times a week", 7 / 3, None, (None, 3, "per week")),
        ("more than once a week", None, 7, (1, None, "per week")),
        ("once a week at most", 7, None, (None, 1, "per week")),
        ("no more than weekly", 7, None, (7, None, "day")),
        ("at least every 2 weeks", 14, None, (2, None, "week")),
        # "more often" bounds the interval from above however the frequency is written
        ("more often than every two weeks", None, 14, (None, 2, "week")),
        ("more often than twice a week", None, 3.5, (2, None, "per week")),
        ("no more often than every 4 weeks", 28, None, (4, None, "week")),
        ("less frequently than once a week", 7, None, (None, 1, "per week")),
    ],
)
def test_frequencies_normalize_to_the_interval_in_days(text, lo, hi, written):
    q = one(text)
    assert q.frequency
    assert (q.norm_min, q.norm_max) == (lo and pytest.approx(lo), hi and pytest.approx(hi))
    if written:
        assert (q.value_min, q.value_max, q.unit) == (
            written[0] and pytest.approx(written[0]), written[1] and pytest.approx(written[1]), written[2])


@pytest.mark.parametrize(
    "text",
    [
        "Only $249 per visit",
        "Call (555) 014-2231 today",
        "Rated 4.8/5 by clients",
        "Wear SPF 30 every morning",
        "Support 24/7",
        "Founded in 2019, on March 3, 2025 we moved",
        "Model A7 v2.1 with 36 needles",
        "Over 10,000 happy clients",
        "return to daily activities",
        "We spent six weeks testing rollers",
        "28 days of annual leave, a 6-month probation period, 2 years of experience",
        "7 nights, full board",
        "squeeze a second session into the trip",
        "fit-out, two treatment chairs and opening stock",
        "three treatment areas, numbed together",
        "nothing but the balm we gave you, applied twice a day",
        "it's leg day\n3:01 >> okay",
        "Please book at least 48 hours ahead so we can confirm",
    ],
)
def test_distractors_are_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("I use a one point five mil roller", 1.5, "mm"),
        ("AT HOME, NOUGHT POINT FIVE MM IS THE LIMIT", 0.5, "mm"),
        ("a zero point two five millimetre head", 0.25, "mm"),
        ("ONE AND A HALF MILLIMETRES", 1.5, "mm"),
        ("two and a half weeks", 2.5, "week"),
        ("the first half hour", 0.5, "h"),
        ("all in she's with me for an hour and a half", 1.5, "h"),
        ("1 hour and a half", 1.5, "h"),
    ],
)
def test_spoken_numbers_are_read(text, value, unit):
    q = one(text)
    assert (q.value_max, q.unit) == (value, unit)


def test_mil_as_a_million_is_not_a_length():
    assert find_quantities("She has 2 mil followers on TikTok") == []
    assert [q.text for q in find_quantities("By 6 weeks people notice smoother skin")] == ["6 weeks"]


def test_immediate_timing_is_zero_days():
    q = one("You can wear makeup straight after.")
    assert q.immediate and (q.norm_min, q.norm_max) == (0, 0)


def test_offsets_point_into_the_text():
    text = "Keep it on for 30 minutes, then rinse."
    q = one(text)
    assert text[q.start : q.end] == "30 minutes"


# -- the start guard of the quantity regex is only a speed-up ----------------------------------------
_VOCAB = sorted(
    {w for p in quantities._STARTING_PHRASES for w in re.split(r"[\s-]+", p)} | set(quantities._STARTING_PHRASES) | set(units.spellings()) | set(quantities.LOWER_SUFFIX) | set(quantities.UPPER_SUFFIX)
    | {"0.5", "1", "12", ".5", "1,5", "3-4", "to", "and", "or", "-", "–", "+", "times", "a", "per", "each", "ago", "x"}
)


@settings(derandomize=True, max_examples=400, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(_VOCAB), st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", ""]),
                          st.booleans()), max_size=30))
def test_start_guard_never_changes_what_the_regex_finds(parts) -> None:
    text = "".join((w.upper() if upper else w) + sep for w, sep, upper in parts)
    lower = text.translate(quantities._ASCII_LOWER)
    unguarded = re.compile(quantities._UNGUARDED, re.VERBOSE)
    found = [(m.span(), m.lastgroup) for m in quantities.QUANTITY_RE.finditer(lower)]
    assert found == [(m.span(), m.lastgroup) for m in unguarded.finditer(lower)]


def test_quantities_are_found_whatever_the_case_and_keep_the_original_text() -> None:
    found = find_quantities("Roll A 0.5 MM roller TWICE A WEEK for Three To Four Weeks.")
    assert [q.text for q in found] == ["0.5 MM", "TWICE A WEEK", "Three To Four Weeks"]


@pytest.mark.parametrize("text", ["I moved up to 2.0 mm", "then stepped up to 2.0mm.", "I went up to 2.0 mm",
                                  "work up to 2.0 mm slowly", "build up to 2.0 mm"])
def test_moving_up_to_a_value_is_that_value_not_an_upper_bound(text):
    q = one(text)
    assert (q.norm_min, q.norm_max) == (2.0, 2.0)


def test_building_up_to_a_frequency_is_that_frequency():
    q = one("you can build up to 2 to 3 times a week")
    assert (q.norm_min, q.norm_max) == (pytest.approx(7 / 3), 3.5)


@pytest.mark.parametrize("text", ["Redness can last up to 3 days.", "you can go up to 3 days", "Can I go up to 3 days?"])
def test_up_to_without_a_move_is_still_an_upper_bound(text):
    q = one(text)
    assert (q.norm_min, q.norm_max) == (None, 3.0)


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("every other night", 2, 2),
        ("every other evening", 2, 2),
        ("two or three evenings a week", 7 / 3, 3.5),
        ("3 nights a week", 7 / 3, 7 / 3),
        # a bound on "once every N" bounds the interval the other way, like one on "twice a week"
        ("no more than once every three weeks", 21, None),
        ("at least once every 2 weeks", None, 14),
        ("once every 4 to 6 weeks", 28, 42),
    ],
)
def test_more_ways_of_saying_how_often(text, lo, hi):
    q = one(text)
    assert q.frequency
    assert (q.norm_min, q.norm_max) == (lo and pytest.approx(lo), hi and pytest.approx(hi))


@pytest.mark.parametrize("text", ["never closer than 2 weeks apart", "not sooner than 2 weeks", "no closer than 2 weeks"])
def test_closer_and_sooner_than_bound_an_interval(text):
    q = one(text)
    expected = (None, 14) if text.startswith("never") else (14, None)
    assert (q.norm_min, q.norm_max) == expected


@pytest.mark.parametrize("text", ["capped at 1.5 mm", "limited to 1.5 mm", "tops out at 1.5 mm"])
def test_a_cap_is_an_upper_bound(text):
    q = one(text)
    assert (q.norm_min, q.norm_max) == (None, 1.5)
