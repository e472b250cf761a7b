"""Property-based robustness tests (hypothesis): arbitrary and hostile copy never breaks extraction.

Inputs mix arbitrary Unicode (lone surrogates included), numbers, units, dashes, quantity words,
HTML and Markdown fragments (tags, scripts, code fences, links, tables, entities), very long lines,
empty and whitespace-only texts, control characters, NUL bytes, bidi marks and emoji; each is read as
text, markdown and html (a.txt, a.md, a.html). Invariants: no exception; every claim and finding lies
inside the text with `text[start:end] == claim.text` and line/column matching its offset (1-based,
code points, lines split at "\\n"); the same input gives the same `to_dict()` twice; normalized and
written bounds are finite with min <= max; the prose view has the text's length and line breaks and
only blanks characters (or decodes an entity at its "&").

Examples are generated from a fixed seed (`derandomize=True`), so a run is reproducible and the
default counts keep this file well under 40 s on two cores. For a long run, set
CLAIMCHECK_HYPOTHESIS_EXAMPLES (max_examples of every property here), e.g.:

    CLAIMCHECK_HYPOTHESIS_EXAMPLES=100000 python -m pytest tests/test_properties.py -q -x
    CLAIMCHECK_HYPOTHESIS_EXAMPLES=10000 python -m pytest tests/test_properties.py -q -k check_invariants

and CLAIMCHECK_HYPOTHESIS_RANDOM=1 to draw new examples (a random seed, printed on failure) instead of
the fixed ones.
"""
from __future__ import annotations

import json
import math
import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.checker import Checker
from claimcheck.nlp.quantities import find_quantities
from claimcheck.report import FORMATS, RenderOptions, render
from claimcheck.sources import SourceError, decode_bytes, source_from_text

EXAMPLES = int(os.environ.get("CLAIMCHECK_HYPOTHESIS_EXAMPLES") or 0)
RANDOM = bool(os.environ.get("CLAIMCHECK_HYPOTHESIS_RANDOM"))


def props(default: int):
    """Settings of a property: `default` examples unless CLAIMCHECK_HYPOTHESIS_EXAMPLES says otherwise."""
    return settings(
        derandomize=not RANDOM,
        max_examples=EXAMPLES or default,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# One checker (and its extractor's pipeline) for the whole module, built once.
CHECKER = Checker()
EXTRACTOR = CHECKER.extractor
NAMES = ["a.txt", "a.md", "a.html"]
DIMENSIONS = {"length", "duration", "count", "angle", "percent"}

# -- strategies ----------------------------------------------------------------------------------
NUMBERS = st.one_of(
    st.integers(0, 10**9).map(str),
    st.decimals(0, 10**6, places=3, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from([
        "1.5", ".5", "1,5", "1,500", "0", "00", "007", "0.25", "9999999", "12345678", "1e5", "1e308", "½", "١٢",
        "２", "three", "twenty-four", "a", "an", "half an", "a few", "several", "a couple of", "1.1.1",
    ]),
)
UNITS = st.sampled_from([
    "mm", "µm", "μm", "um", "microns", "cm", "min", "mins", "minutes", "h", "hr", "hrs", "hours", "days", "nights",
    "wk", "weeks", "fortnight", "months", "years", "sessions", "treatments", "visits", "%", "°", "degrees",
])
DASHES = st.sampled_from(["-", "–", "—", "‒", "~", " - ", " – ", "--", "---", "‐"])
WORDS = st.sampled_from([
    "to", "or", "and", "at least", "up to", "within", "every", "twice a week", "once a month", "every other day",
    "times a week", "a day or two", "between", "no more than", "more than", "or more", "+", "over", "under",
    "immediately", "straight after", "the first", "day 3", "weeks 2-4", "monthly", "daily activities",
    "roller", "at home", "in clinic", "derma roller", "pen", "numbing cream", "painless", "no downtime",
    "safe for all skin types", "needle depth", "session", "sessions apart", "redness lasts", "avoid makeup",
    "sun", "retinol", "Myths", "Fact:", "not", "never", "don't", "if", "consult a dermatologist", "disinfect",
    "?", ".", "!", ":", ";", ",", "(", ")", "\"", "'", "$49", "SPF 30", "24/7", "4.8/5", "2023",
])
MARKUP = st.sampled_from([
    "<b>", "</b>", "<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<li>", "</li>", "<ul>", "<table><tr><td>",
    "</td><td>", "</tr>", "<br>", "<br/>", "<img alt=\"1.5 mm\" src=x>", "<img alt='", "<script>", "</script>",
    "<style>", "</style>", "<pre>", "</pre>", "<code>", "</code>", "<!--", "-->", "<![CDATA[", "]]>", "<![",
    "<!DOCTYPE html>", "<?xml?>", "<head>", "</head>", "<title>", "</title>", "<body>", "<a href='x'>", "</a>",
    "<a title=\"", "\">", "</ x>", "</>", "<textarea>", "<svg><path/>", "&ndash;", "&mdash;", "&nbsp;", "&amp;",
    "&amp", "&lt;", "&#8211;", "&#x2013;", "&#10;", "&#13;", "&#0;", "&#1114112;", "&#xD800;", "&foo;", "&", "<", ">",
    "```", "~~~", "```python\n", "    ", "# ", "## ", "###### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">> ", "| ",
    " | ", "|---|---|", "| :-- | --: |", "---", "===", "***", "[", "]", "](http://example.com/a)", "![", "](",
    "`", "``", "**", "_", "__", "~~", "\\", "[ref]: http://x", "<http://x>", "http://example.com/1-2mm",
    "www.example.com", "--- \ntitle: x\n---\n",
])
SPECIALS = st.sampled_from([
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1e", "\x7f", "\x85", "\u200b", "\u200d",
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe",
    "😀", "👩🏽‍⚕️", "🇳🇱", "\u0301", "ﬁ", "İ", "ß", "ǅ", "\U0010ffff", "\ud800", "\udfff", "\r", "\r\n", "\n", "\n\n",
    "\t", " ", "\u00a0", "\u2009", "\u3000", "\u0660", "٫", "،", "\u05d0", "\u0627",
])
JOINERS = st.sampled_from(["", " ", " ", " ", "\n", "\n\n", "  ", "\t"])
FRAGMENT = st.one_of(NUMBERS, UNITS, DASHES, WORDS, MARKUP, SPECIALS, st.text(max_size=6))
COPY = st.lists(st.tuples(FRAGMENT, JOINERS), max_size=60).map(lambda parts: "".join(a + b for a, b in parts))
# any code point, lone surrogates included (st.text() leaves them out)
ANY_CHARS = st.text(st.characters(exclude_categories=()), max_size=200)
WHITESPACE = st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u2029\u3000\u200b"), max_size=80)
LONG_LINE = st.builds(
    lambda head, unit, n, tail: head + unit * n + tail,
    COPY,
    st.sampled_from([
        "1-", "1 mm ", "1.", "9", "-", " ", "at least ", "every ", "twice a week ", "<b>", "<a ", "<!-- ", "[", "](",
        "`", "|", "\\|", "&amp;", "&", "1 to ", "x" * 50, "Roll a 0.5 mm roller. ",
    ]),
    st.integers(20, 1500),
    COPY,
)
TEXTS = st.one_of(
    COPY,
    COPY,
    ANY_CHARS,
    st.just(""),
    WHITESPACE,
    LONG_LINE,
    st.lists(COPY, min_size=2, max_size=4).map("\n\n".join),
)

SAMPLES = [
    "",
    " \n\t ",
    "\x00" * 5,
    "Roll a 1.5mm-2.00mm roller at home every week. It's painless!",
    "<script>1 mm</script><p>Use a 2&ndash;3&nbsp;mm roller at home.</p>",
    "```\n1 mm\n```\n| depth | 0.5 mm |\n|---|---|\n| sessions | 3 to 6 |",
    "\u202eUse a 0.5 mm\u200f roller 😀 at home every 4 to 6 weeks\x00.",
    "<head><title>x</title><body><p>Roll at 2 mm at home.</p>",
    "x <!-- " * 50 + "1 mm",
    "Use a \ud800 2 mm roller at home.",
]


# -- helpers ---------------------------------------------------------------------------------------
def line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def assert_bounds(what, bounds: dict) -> None:
    lo, hi = bounds["min"], bounds["max"]
    for v in (lo, hi):
        assert v is None or (isinstance(v, (int, float)) and math.isfinite(v)), (what, bounds)
    if lo is not None and hi is not None:
        assert lo <= hi, (what, bounds)


def assert_result_invariants(text: str, result) -> None:
    assert result.error is None
    for claim in result.claims + result.quantities:
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text, claim
        assert (claim.line, claim.column) == line_col(text, claim.start), claim
        assert_bounds(claim, claim.normalized)
        assert_bounds(claim, claim.value)
        assert claim.kind is None or isinstance(claim.kind, str)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.column) == line_col(text, f.start), f
        assert f.text == text[f.start : f.end], f
    for hit in result.phrase_hits:
        assert 0 <= hit.start < hit.end <= len(text), hit
        assert hit.text == text[hit.start : hit.end]


# -- the properties ----------------------------------------------------------------------------------
@props(600)
@given(text=TEXTS, name=st.sampled_from(NAMES))
@example(text="", name="a.md")
@example(text="<![<![", name="a.html")
@example(text="x <a " * 200 + "Use a 2 mm roller at home.", name="a.html")
@example(text="Use a \ud800 2 mm roller at home.", name="a.txt")
def test_check_invariants(text: str, name: str) -> None:
    result = CHECKER.check_text(text, source=name)
    assert_result_invariants(text, result)
    again = CHECKER.check_text(text, source=name)
    assert again.to_dict(include_all=True) == result.to_dict(include_all=True)


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("name", NAMES)
def test_samples_in_every_format(text: str, name: str) -> None:
    result = CHECKER.check_text(text, source=name)
    assert_result_invariants(text, result)
    assert EXTRACTOR.extract_text(text, source=name).to_dict() == EXTRACTOR.extract_text(text, source=name).to_dict()


@props(400)
@given(text=TEXTS, name=st.sampled_from(NAMES))
def test_prose_view_keeps_length_and_line_breaks(text: str, name: str) -> None:
    src = source_from_text(text, name)
    assert len(src.prose) == len(text)
    for i, (t, p) in enumerate(zip(text, src.prose)):
        if t in "\n\r" or p in "\n\r":
            assert t == p, (i, t, p)
        # the prose only blanks characters, or puts an entity's character at its "&"
        assert p == t or p == " " or t == "&" or "\ud800" <= t <= "\udfff", (i, t, p)
    last = 0
    for block in src.blocks:
        assert 0 <= block.start <= block.end <= len(text), block
        assert block.kind in ("heading", "paragraph", "item", "row")
        last = max(last, block.end)


@props(400)
@given(text=TEXTS, bounds=st.tuples(st.integers(0, 300), st.integers(0, 300)))
def test_find_quantities_invariants(text: str, bounds: tuple[int, int]) -> None:
    found = find_quantities(text)
    assert found == find_quantities(text)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.dimension in DIMENSIONS
        assert_bounds(q, {"min": q.norm_min, "max": q.norm_max})
        assert_bounds(q, {"min": q.value_min, "max": q.value_max})
    lo, hi = sorted(bounds)
    for q in find_quantities(text, lo, hi):
        assert lo <= q.start and q.end <= hi


# Well-formed quantities read back their values, whatever surrounds them.
UNIT_CANONICAL = {
    "mm": "mm", "µm": "µm", "um": "µm", "minutes": "min", "hours": "h", "days": "day", "weeks": "week",
    "sessions": "session", "%": "%",
}
QNUM = st.one_of(
    st.integers(0, 9999).map(str),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
)
QGAP = st.sampled_from(["", " ", "  ", "\u00a0", "\t"])
QBEFORE = st.sampled_from(["", "Use ", "about ", "(", "for ", "\n", "<b>", "Roll a "])
QAFTER = st.sampled_from(["", ".", ",", " at home.", ")", "\n", " apart", "!"])
QUNIT = st.sampled_from(sorted(UNIT_CANONICAL))


@props(150)
@given(QBEFORE, QNUM, QGAP, QUNIT, QAFTER)
def test_single_quantity_reads_back(before, number, gap, unit, after) -> None:
    text = f"{before}{number}{gap}{unit}{after}"
    (q,) = find_quantities(text)
    assert q.value_min == q.value_max == float(number), text
    assert q.unit == UNIT_CANONICAL[unit], text


@props(150)
@given(QBEFORE, QNUM, st.sampled_from(["-", "–", "—", " - ", " – ", " to ", " or "]), QNUM, QGAP, QUNIT, QAFTER)
def test_range_reads_back(before, a, dash, b, gap, unit, after) -> None:
    if float(a) > float(b):
        a, b = b, a
    text = f"{before}{a}{dash}{b}{gap}{unit}{after}"
    (q,) = find_quantities(text)
    assert (q.value_min, q.value_max) == (float(a), float(b)), text


@props(150)
@given(QBEFORE, st.sampled_from(["at least", "more than", "over", "up to", "within", "no more than"]), QNUM, QGAP, QUNIT,
       QAFTER)
def test_open_bound_reads_back(before, word, number, gap, unit, after) -> None:
    text = f"{before}{word} {number}{gap}{unit}{after}"
    (q,) = find_quantities(text)
    if word in ("at least", "more than", "over"):
        assert (q.value_min, q.value_max, q.norm_max) == (float(number), None, None), text
    else:
        assert (q.value_min, q.value_max, q.norm_min) == (None, float(number), None), text


@props(300)
@given(st.binary(max_size=300))
@example(b"\xff\xfe\x00\x00")
@example(b"\xef\xbb\xbfUse a 1 mm roller")
@example("Use a 1\u00a0mm roller – at home".encode("cp1252"))
def test_decoding_bytes_is_text_or_one_line_error(data: bytes) -> None:
    try:
        text, warnings = decode_bytes(data, "page.txt")
    except SourceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("page.txt: ")
        return
    assert isinstance(text, str)
    assert all("\n" not in w and w.startswith("page.txt: ") for w in warnings)
    source_from_text(text, "page.md")


@props(100)
@given(text=COPY, name=st.sampled_from(NAMES))
@example(text="Use a 2 mm roller at home. It is painless! \x00\x1b]]> <script>alert(1)</script>\n::error::x", name="a.md")
def test_every_report_format_renders_any_copy(text: str, name: str) -> None:
    report = CHECKER.check_documents([CHECKER.check_text(text, source=name)])
    for fmt in FORMATS:
        out = render(report, fmt, RenderOptions("check"))
        assert isinstance(out, str)
        if fmt in ("json", "sarif"):
            json.loads(out)
        elif fmt == "jsonl":
            for line in out.split("\n")[:-1]:
                json.loads(line)
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif fmt == "github":
            # the runner reads commands line by line ("\n"): no line may be anything but a command
            assert all(line.startswith("::") for line in out.split("\n")[:-1]), out
