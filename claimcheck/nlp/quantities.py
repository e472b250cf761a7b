"""Find quantity expressions in text and normalize them.

A quantity is a number or range of numbers with a unit ("1.5mm-2.00mm", "3 to 6 sessions",
"at least 24 hours"), a frequency ("twice a week", "every 4 to 6 weeks", "monthly"), a vague
amount ("a few days", "a day or two") or an immediate timing ("straight after"). Every pattern is
bounded (no nested unbounded repetition), so matching stays linear in the length of the text.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import units as unitlib

# ---------------------------------------------------------------------------------------------
# Number words and vague amounts
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_ONES)}
for _t, _v in _TENS.items():
    NUMBER_WORDS[_t] = float(_v)
    for _i in range(1, 10):
        NUMBER_WORDS[f"{_t}-{_ONES[_i]}"] = float(_v + _i)
        NUMBER_WORDS[f"{_t} {_ONES[_i]}"] = float(_v + _i)
NUMBER_WORDS.update({"a hundred": 100.0, "one hundred": 100.0, "a dozen": 12.0, "dozen": 12.0, "a single": 1.0, "single": 1.0,
                     "half a": 0.5, "half an": 0.5, "half": 0.5, "nought": 0.0, "a": 1.0, "an": 1.0})
# spoken decimals, as in transcripts: "one point five", "nought point two five"
_SPOKEN_DIGITS = {**{w: str(i) for i, w in enumerate(_ONES[:10])}, "nought": "0", "oh": "0"}

# Documented ranges of vague amounts (README: "Vague amounts").
VAGUE_WORDS: dict[str, tuple[float, float]] = {
    "a few": (2.0, 4.0),
    "few": (2.0, 4.0),
    "several": (3.0, 7.0),
    "a couple of": (2.0, 2.0),
    "a couple": (2.0, 2.0),
    "couple of": (2.0, 2.0),
    "a number of": (2.0, 7.0),
}
VAGUE_PHRASES: dict[str, tuple[float, float, str]] = {
    "a day or two": (1.0, 2.0, "day"),
    "a week or two": (1.0, 2.0, "week"),
    "a month or two": (1.0, 2.0, "month"),
    "an hour or two": (1.0, 2.0, "h"),
}

FREQ_COUNTS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
PERIODS = {"day": 1.0, "night": 1.0, "week": 7.0, "fortnight": 14.0, "month": 30.0, "year": 365.0}
ADVERB_FREQUENCIES = {
    "daily": (1.0, "day"), "nightly": (1.0, "day"), "weekly": (7.0, "week"), "fortnightly": (14.0, "fortnight"),
    "biweekly": (14.0, "fortnight"), "bi-weekly": (14.0, "fortnight"), "monthly": (30.0, "month"),
    "bimonthly": (60.0, "month"), "bi-monthly": (60.0, "month"), "yearly": (365.0, "year"), "annually": (365.0, "year"),
    "every day": (1.0, "day"), "every night": (1.0, "day"), "every week": (7.0, "week"), "every fortnight": (14.0, "fortnight"),
    "every month": (30.0, "month"), "every year": (365.0, "year"),
    "every other day": (2.0, "day"), "every second day": (2.0, "day"), "every other week": (14.0, "week"),
    "every second week": (14.0, "week"), "every other month": (60.0, "month"),
    "every other night": (2.0, "day"), "every second night": (2.0, "day"), "every other evening": (2.0, "day"),
    "every second evening": (2.0, "day"), "every other morning": (2.0, "day"), "every third day": (3.0, "day"),
    "every third night": (3.0, "day"),
    # "I used it every Sunday night": once a week
    **{f"every {day}": (7.0, "week") for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
}

LOWER_BOUND = {
    "at least", "more than", "longer than", "over", "above", "beyond", "exceeding", "in excess of", "a minimum of",
    "minimum of", "minimum", "min", "min.", "no less than", "not less than", "no sooner than", "no earlier than", "not sooner than",
    "not earlier than", "no closer than", "not closer than",
    "no fewer than", "upwards of", "greater than", "deeper than",
    # the least it can be: "results in as little as 3 days", "as few as two sessions"
    "as little as", "as few as", "as short as", "as early as", "as quickly as",
}
UPPER_BOUND = {
    "up to", "at most", "within", "no more than", "not more than", "no longer than", "not longer than", "less than",
    "shorter than", "fewer than", "under", "below", "a maximum of", "maximum of", "maximum", "max", "max.",
    "no deeper than", "not exceeding", "shallower than",
    # of an interval: "never closer than 2 weeks apart", "not sooner than..." is a lower bound (above)
    "closer than", "sooner than", "earlier than",
    "capped at", "limited to", "maxes out at", "tops out at",
}
# bounds on how often, whichever way the frequency is written: "more often than every two weeks" and
# "more often than twice a week" both bound the interval from above
MORE_OFTEN = {"more often than", "more frequently than"}
LESS_OFTEN = {"less often than", "less frequently than", "no more often than", "not more often than",
              "no more frequently than", "not more frequently than"}
LOWER_SUFFIX = {"or more", "or longer", "or over", "or above", "or deeper", "+", "plus", "minimum", "at least", "at minimum",
                "and above", "and up", "and over", "or higher", "and higher", "and longer"}
UPPER_SUFFIX = {"or less", "or fewer", "or shorter", "or under", "at most", "max", "maximum", "or so"}

NEXT_DAY = {"the next day", "the following day"}
IMMEDIATE = {"immediately", "straight after", "straight afterwards", "straight away", "right after", "right afterwards",
             "right away", "the same day", "on the same day", "same day", "same-day", "instantly", "at once",
             "the same evening", "that same evening", "that evening", "the same night", "that same day"}


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_DIGITS = r"(?:\d{1,7}(?:[.,]\d{1,4})?|[.,]\d{1,4})(?![/\d])"
_NUMWORD = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_VAGUE = _alt(VAGUE_WORDS)
_SPOKEN = (r"(?=[\w-]{1,14}\s{1,3}(?:point|and\s{1,3}a\s{1,3}half)\b)"  # cheap look-ahead: most numbers are not spoken
           rf"(?:(?:{_alt(_ONES + ['nought'])})\s{{1,3}}point(?:\s{{1,3}}(?:{_alt(_SPOKEN_DIGITS)})\b){{1,3}}"
           rf"|(?:{_NUMWORD}|\d{{1,3}})\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half)")  # "one and a half", "2 and a half"
_NUM = rf"(?:\b(?:{_SPOKEN})\b|{_DIGITS}|\b(?:{_VAGUE}|{_NUMWORD})\b|\b(?:an?)\b)"
_UNIT_WORDS = [u for u in unitlib.spellings() if u not in ("count",)]
_UNIT = rf"(?:{_alt(_UNIT_WORDS)})(?![\w])"
_GAP = r"(?:[ \t\u00a0]{0,12}|\s{1,12}|[ \t]?-[ \t]?)"  # between number and unit: spaces, a hyphen ("0.5-mm")
_SEP = r"(?:[ \t\u00a0]{0,12}[-–—‒~][ \t\u00a0]{0,12}|\s{1,12}(?:to|or|and|through|until|till|-)\s{1,12})"
# with a unit on both sides, "and"/"or" list two values ("1.0 mm and 1.5 mm"), they do not make a range
_SEP_UNITS = r"(?:[ \t\u00a0]{0,12}[-–—‒~][ \t\u00a0]{0,12}|\s{1,12}(?:to|through|until|till|-)\s{1,12})"
_TIME_UNIT = rf"(?:{_alt([u for u in _UNIT_WORDS if unitlib.lookup(u).dimension == 'duration'])})(?![\w])"
_PRE_LOWER = _alt(LOWER_BOUND)
_PRE_UPPER = _alt(UPPER_BOUND | MORE_OFTEN | LESS_OFTEN)
_POST = rf"(?:[ \t]?\+|\s{{1,3}}(?:{_alt(LOWER_SUFFIX | UPPER_SUFFIX - {'+'})})\b)"
_FIRST = r"(?:(?:the|your)\s{1,3})?(?:first|next|initial|following|coming)\s{1,3}"
_PERIOD = r"(?:day|night|week|fortnight|month|year)"
# "daily activities", "weekly newsletter": the adverb describes a noun, not how often to treat
_NOT_FREQUENCY = "activities|activity|life|routine|routines|tasks|chores|commitments|skincare|skin-care|moisturi[sz]er|sunscreen|spf|cleanser|newsletter|specials|deals|blog|offers|wear|habits|dose"
# "2-3 times a week", "two or three evenings a week"
_FREQNUM = rf"(?:once|twice|thrice|{_NUM}(?:{_SEP}{_NUM})?\s{{1,3}}(?:times|nights|evenings|mornings|days))"

# Every phrase that can begin a quantity expression. Before trying the alternatives below, the regex
# checks that a position starts one of them (by a short prefix: see _start_guard): most words of the
# copy are rejected there, which makes the scan several times faster. Keep in step with the
# alternatives (tests/test_quantities.py compares the guarded regex with the unguarded one).
_STARTING_PHRASES = {
    *LOWER_BOUND, *UPPER_BOUND, *MORE_OFTEN, *LESS_OFTEN, *NUMBER_WORDS, *VAGUE_WORDS, *VAGUE_PHRASES,
    *ADVERB_FREQUENCIES, *NEXT_DAY,
    *IMMEDIATE, *FREQ_COUNTS, "between", "every", "day", "days", "week", "weeks", "month", "months", "by",
    *(f"{a}{b}" for a in ("", "the ", "your ") for b in ("first", "next", "initial", "following", "coming")),
}


def _start_guard(phrases) -> str:
    """A look-ahead that admits the start of any of `phrases`: digits (or "." and "," before them), the
    first five letters of a long first word, a short word whole, and a word of up to three letters
    ("at", "no", "the") only with the start of the word after it. Grouped by first letter behind a
    character class, so a word is rejected after a handful of comparisons rather than one per phrase."""
    by_letter: dict[str, set[str]] = defaultdict(set)
    for phrase in phrases:
        words = re.split(r"[\s-]+", phrase.lower())
        first = words[0]
        if len(words) > 1 and len(first) <= 3:
            rest = re.escape(first[1:]) + r"[\s-]+" + re.escape(words[1][:3])
        elif len(first) > 5:
            rest = re.escape(first[1:5])
        else:
            rest = re.escape(first[1:]) + (r"\b" if first[-1].isalnum() else "")
        by_letter[first[0]].add(rest)
    letters = "".join(sorted(by_letter))
    branches = "|".join(
        f"{re.escape(c)}(?:{'|'.join(sorted(rests, key=lambda r: (-len(r), r)))})" for c, rests in sorted(by_letter.items())
    )
    return rf"(?=[\d.,{re.escape(letters)}])(?=[\d.,]|{branches})"


_UNGUARDED = rf"""
    (?<![\w.,/$£€¥#@])
    (?:(?P<pre>(?:{_PRE_LOWER}|{_PRE_UPPER}))\s{{1,3}}(?:{_FIRST})?)?
    (?:
        (?P<between>between\s{{1,3}}{_NUM}(?:{_GAP}{_UNIT})?\s{{1,12}}(?:and|to|-|–)\s{{1,12}}{_NUM}{_GAP}{_UNIT})
      | (?P<freq>{_FREQNUM}(?:{_SEP}{_FREQNUM})?\s{{1,3}}(?:a|an|per|each|every)\s{{1,3}}{_PERIOD}\b)
      | (?P<vaguephrase>\b(?:{_alt(VAGUE_PHRASES)})\b)
      | (?P<every>\b(?:once\s{{1,3}})?every\s{{1,3}}(?:{_NUM}(?:{_SEP}{_NUM})?{_GAP})?{_TIME_UNIT})
      | (?P<ordinal>(?:\b(?:by|between)\s{{1,3}})?\b(?:day|days|week|weeks|month|months)\s{{1,3}}\d{{1,3}}(?:{_SEP}(?:(?:day|week|month)s?\s{{1,3}})?\d{{1,3}})?\b(?![.,:]\d))
      | (?P<adverb>\b(?:{_alt(ADVERB_FREQUENCIES)})\b(?!\s{{1,3}}(?:{_NOT_FREQUENCY})\b))
      | (?P<range>{_NUM}{_GAP}{_UNIT}{_SEP_UNITS}{_NUM}(?:{_POST})?{_GAP}{_UNIT}|{_NUM}{_SEP}{_NUM}(?:{_POST})?{_GAP}{_UNIT})
      | (?P<single>{_NUM}(?:[ \t]?\+|\s{{1,3}}or\s{{1,3}}more)?{_GAP}{_UNIT}(?P<half>\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half\b)?)
      | (?P<first>\b{_FIRST}{_PERIOD}\b)
      | (?P<nextday>\b(?:{_alt(NEXT_DAY)})\b)
      | (?P<immediate>\b(?:{_alt(IMMEDIATE)})\b)
    )
    (?P<post>{_POST})?
    """
# matched against lowercased text of the same length (see `lowered`): faster than IGNORECASE
QUANTITY_RE = re.compile(_UNGUARDED.replace("(?<![\\w.,/$£€¥#@])", "(?<![\\w.,/$£€¥#@])" + _start_guard(_STARTING_PHRASES), 1), re.VERBOSE)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_NUM_RE = re.compile(_NUM, re.IGNORECASE)
_UNIT_RE = re.compile(rf"(?<![\w]){_UNIT}|(?<=\d){_UNIT}|[%°]", re.IGNORECASE)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value_min: float | None
    value_max: float | None
    unit: str  # canonical unit as written ("mm", "µm", "week", "session", "per week")
    dimension: str  # length | duration | count | angle | percent
    norm_min: float | None
    norm_max: float | None
    vague: bool = False
    frequency: bool = False
    immediate: bool = False
    approximate: bool = False
    flags: dict = field(default_factory=dict)

    @property
    def normalized_unit(self) -> str:
        return unitlib.NORMALIZED[self.dimension]


def _number(token: str) -> tuple[float, float, bool] | None:
    """Parse one number expression into (low, high, vague)."""
    t = re.sub(r"\s+", " ", token.strip().lower())
    if t in VAGUE_WORDS:
        lo, hi = VAGUE_WORDS[t]
        return lo, hi, True
    if t in NUMBER_WORDS:
        n = NUMBER_WORDS[t]
        return n, n, False
    if " point " in t:
        whole, _, digits = t.partition(" point ")
        if whole in NUMBER_WORDS and all(d in _SPOKEN_DIGITS for d in digits.split()):
            n = NUMBER_WORDS[whole] + float("0." + "".join(_SPOKEN_DIGITS[d] for d in digits.split()))
            return n, n, False
        return None
    if t.endswith(" and a half"):
        whole = t[: -len(" and a half")]
        n = NUMBER_WORDS[whole] if whole in NUMBER_WORDS else float(whole) if whole.isdigit() else None
        return None if n is None else (n + 0.5, n + 0.5, False)
    if "," in t:
        whole, _, frac = t.partition(",")
        if len(frac) == 3 and whole:  # thousands separator
            t = whole + frac
        else:  # decimal comma ("1,5 mm")
            t = (whole or "0") + "." + frac
    if t.startswith("."):
        t = "0" + t
    try:
        n = float(t)
    except ValueError:
        return None
    return n, n, False


def _numbers(text: str) -> list[tuple[int, int, tuple[float, float, bool]]]:
    out = []
    for m in _NUM_RE.finditer(text):
        parsed = _number(m.group())
        if parsed is not None:
            out.append((m.start(), m.end(), parsed))
    return out


def _units(text: str) -> list[tuple[int, unitlib.Unit]]:
    out = []
    for m in _UNIT_RE.finditer(text):
        u = unitlib.lookup(m.group())
        if u is not None:
            out.append((m.start(), u))
    return out


# what follows a quantity that measures something other than the treatment: "2 weeks ago", "24 hours'
# notice", "for 8 months now", "a 30-day money-back guarantee", "a free 15-minute consultation", "2 hours
# of free parking", "six weeks testing"
_NOT_A_CLAIM_AFTER = re.compile(
    r"['’]?\s{0,9}(?:of\s{1,3})?(?:free\s{1,3})?"  # up to 9: an HTML entity ("hours&rsquo; notice") leaves blanks
    r"(?:ago|old|notice|now|in advance|ahead\b(?!\s{1,3}of)|earlier|later on|money-back|money back|guarantee|returns?|trial|"
    r"supply|warranty|refunds?|consultations?|consults?|cancellations?|parking|shipping|delivery|phone\s{1,3}calls?|calls?|chat|"
    r"early|"
    # a device's adjustment step: "in 0.25 mm steps", "0.5 mm increments", "0.25 mm per click"
    r"(?:steps?|increments?|(?:per|a|each)\s{1,3}(?:click|turn|notch))\b|"
    # a page's reading time: "8 min read", "a 12-minute listen"
    r"(?:read|listen|watch)\b(?!\s{1,3}(?:the|your|it|this|our|a)\b)|"
    # a device's battery: "up to 3 hours on a single charge", "90 minutes of battery life"
    r"battery|(?:on|per)\s{1,3}(?:a\s{1,3}|one\s{1,3})?(?:single\s{1,3}|full\s{1,3})?charge\b|"
    # a job's terms: "28 days of annual leave", "a 6-month probation", "2 years of experience"
    r"(?:paid\s{1,3})?(?:annual\s{1,3}leave|(?<=of )leave|holidays?|vacation|probation(?:ary)?|experience|cpd|salary)\b|"
    # a stay, not a treatment: "7 nights, full board", "5 nights' hotel accommodation"
    r",?\s{0,3}(?:full|half)\s{1,3}board|(?:in\s{1,3}(?:a|the|our)\s{1,3})?(?:hotel|accommodation)|b&b|bed\s{1,3}and\s{1,3}breakfast|"
    # the writer's own research: "we spent six weeks testing rollers"
    r"(?:testing|quizzing|interviewing|researching|reviewing|trialling|trialing|reporting|investigating)\s)",
    re.IGNORECASE)
_NOT_A_CLAIM_WINDOW = 32  # characters after a quantity that `_NOT_A_CLAIM_AFTER` looks at
# "mil" is also a million: "2 mil followers"
_A_MILLION_OF = re.compile(
    r"\s{1,3}(?:followers|views|subscribers|likes|fans|downloads|viewers|users|customers|people|units|sold|dollars|pounds|euros)\b")


# "moved up to 2.0 mm", "build up to 2 to 3 times a week": a move to that value; but "you can go up to
# 1.5 mm" states a limit (how annotators and readers take it)
_MOVE_BEFORE = re.compile(
    r"\b(?:gone|went|move[sd]?|moving|step(?:s|ped|ping)?|jump(?:s|ed|ing)?|bump(?:s|ed|ing)?|"
    r"work(?:s|ed|ing)?(?: (?:your|my|their) way)?|upgrade[sd]?|upgrading|graduate[sd]?|graduating|"
    r"build(?:s|ing)?|built|increase[sd]?|increasing|ramp(?:s|ed|ing)?|progress(?:es|ed|ing)?)\s+$", re.IGNORECASE)
# "SPF 30 every day", "moisturise daily": the frequency of a skincare routine, not of treatment
_ROUTINE_BEFORE = re.compile(r"(?:spf|sunscreen|sunblock|moisturi[sz]\w*|cleanse\w*|hydrat\w*)[^.;:!?]{0,30}$"
                             # "restart retinol 5 days after treatment, every other night at first"
                             r"|\b(?:restart|reintroduc|resum|ease\s+back|bring\s+back)\w*[^.;:!?]{0,60}$"
                             # "the Cicalfate we gave you, applied twice a day"
                             r"|\b(?:re)?appl(?:y|ied|ying)(?:\s+(?:it|them|this))?\s+$", re.IGNORECASE)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """All quantity expressions in `text[start:end]`, with offsets into `text`."""
    out: list[Quantity] = []
    # same length and offsets as `text`, so the regex needs no IGNORECASE; str.lower() is the fast way,
    # unless a character lowercases to two ("İ"), where only A-Z are lowered
    lower = lowered(text)
    for m in QUANTITY_RE.finditer(lower, start, len(text) if end is None else end):
        if _NOT_A_CLAIM_AFTER.match(lower, m.end(), m.end() + _NOT_A_CLAIM_WINDOW):
            continue
        if lower.endswith(("mil", "mils"), m.start(), m.end()) and _A_MILLION_OF.match(lower, m.end(), m.end() + 16):
            continue
        if (m.group("adverb") or m.group("every") or m.group("freq")) and _ROUTINE_BEFORE.search(lower, max(0, m.start() - 80), m.start()):
            continue
        q = _build(m)
        if q is not None:
            q.text = text[q.start : q.end]
            out.append(q)
    return out


_BARE_NUM = rf"(?:\b(?:{_SPOKEN})\b|{_DIGITS}|\b(?:{_VAGUE}|{_NUMWORD})\b)"
BARE_NUMBER_RE = re.compile(
    rf"(?<![\w.,/$£€¥#@])"
    + _start_guard({*LOWER_BOUND, *UPPER_BOUND, *NUMBER_WORDS, *VAGUE_WORDS} - {"a", "an"})
    + rf"(?:(?P<pre>{_PRE_LOWER}|{_PRE_UPPER})\s{{1,3}})?"
    rf"(?P<body>{_BARE_NUM}(?:{_SEP}{_BARE_NUM})?)(?![\w%°]|[.,]\d)"
)
# words that may follow a number standing alone ("three or four, and...", "up to six for scars")
_AFTER_BARE = re.compile(r"\s*(?:$|[^\w\s]|(?:and|or|but|for|in|at|is|are|was|will|to|if|per|each|of)\b)")


@dataclass
class BareNumber:
    """A number (or range of numbers) written without a unit: its span and bounds."""

    start: int
    end: int
    low: float | None
    high: float | None
    vague: bool


def lowered(text: str) -> str:
    """`text` lowercased with the same length and offsets (what the quantity patterns match)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text.translate(_ASCII_LOWER)


def find_bare_numbers(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> list[BareNumber]:
    """Numbers and ranges of numbers with no unit after them ("three or four", "up to six", "0.5")
    in `text[start:end]`, with offsets into `text`; `lower` is `lowered(text)` when the caller has it."""
    end = len(text) if end is None else end
    lower = lowered(text) if lower is None else lower
    out = []
    for m in BARE_NUMBER_RE.finditer(lower, start, end):
        if not _AFTER_BARE.match(lower, m.end()):
            continue
        parts = _numbers(m.group("body"))
        if not parts or len(parts) > 2:
            continue
        lo, hi = parts[0][2][0], parts[-1][2][1]
        vague = any(p[2][2] for p in parts)
        pre = re.sub(r"\s+", " ", m.group("pre") or "")
        if pre in LOWER_BOUND:
            hi = None
        elif pre in UPPER_BOUND:
            lo = None
        out.append(BareNumber(m.start(), m.end(), lo, hi, vague))
    return out


def _build(m: re.Match) -> Quantity | None:
    form = m.lastgroup if m.lastgroup not in ("pre", "post") else None
    for name in ("between", "freq", "vaguephrase", "every", "ordinal", "adverb", "range", "single", "first", "nextday",
                 "immediate"):
        if m.group(name) is not None:
            form = name
            break
    body = m.group(form)
    half = form == "single" and m.group("half") is not None  # "an hour and a half"
    if half:
        body = body[: m.start("half") - m.start("single")]
    body_lower = re.sub(r"\s+", " ", body.lower())
    vague = False
    frequency = False
    at_the_latest = False  # "by day 7"

    if form == "immediate":
        q = Quantity(m.start(), m.end(), m.group(), 0.0, 0.0, "day", "duration", 0.0, 0.0, immediate=True)
        return q
    if form == "vaguephrase":
        lo, hi, uname = VAGUE_PHRASES[body_lower]
        unit = unitlib.lookup(uname)
        lo_v, hi_v, vague = lo, hi, True
    elif form == "adverb":
        days, uname = ADVERB_FREQUENCIES[body_lower]
        unit = unitlib.Unit("day", "duration", 1.0)
        return _finish(m, days, days, unitlib.lookup("day"), vague=False, frequency=True, written=(days, days, "day"))
    elif form == "nextday":
        unit = unitlib.lookup("day")
        lo_v = hi_v = 1.0
    elif form == "first":
        period = re.search(_PERIOD, body_lower)
        unit = unitlib.lookup(period.group())
        lo_v = hi_v = 1.0
    elif form == "freq":
        return _frequency(m, body)
    elif form == "ordinal":  # "day 5", "days 1–3", "between week 6 and week 10": counted from the treatment
        words = body_lower.split()
        at_the_latest = words[0] == "by"
        unit = unitlib.lookup(words[1] if words[0] in ("by", "between") else words[0])
        nums = [n[2][0] for n in _numbers(body)]
        lo_v, hi_v = min(nums), max(nums)
    else:
        nums = _numbers(body)
        found_units = _units(body)
        if form == "every" and not nums:
            nums = [(0, 0, (1.0, 1.0, False))]  # "every week"
        if not nums or not found_units:
            return None
        unit = found_units[-1][1]
        if any(u.dimension != unit.dimension for _, u in found_units):
            return None
        if unit.dimension == "count" and len(nums) == 1 and body[nums[0][0] : nums[0][1]].lower() in ("a", "an"):
            return None  # "a treatment", "an appointment": an article, not a course of one
        if unit.dimension == "count" and _COUNTED_SOMETHING_ELSE.match(m.string, m.end()):
            return None  # "two treatment chairs", "three treatment areas": chairs and areas, not sessions
        if body_lower in ("a second", "one second") and _ORDINAL_SECOND.match(m.string, m.end()):
            return None  # "a second session": the ordinal, not a length of time
        lo_v = nums[0][2][0]
        hi_v = nums[-1][2][1]
        vague = any(n[2][2] for n in nums)
        first_unit = found_units[0][1] if len(found_units) > 1 and found_units[0][0] < nums[-1][0] else unit
        if form in ("range", "between") and len(nums) >= 2 and first_unit is not unit:
            lo_v = nums[0][2][0] * first_unit.factor / unit.factor
        if lo_v > hi_v:
            if form in ("range", "between") and len(nums) >= 2 and nums[0][2][0] > nums[-1][2][1]:
                return None  # "6-3 weeks" is not a range; likely a list or a score
            lo_v, hi_v = hi_v, lo_v
        if form == "every":
            frequency = True
        if half:
            lo_v, hi_v = lo_v + 0.5, hi_v + 0.5
    q = _finish(m, lo_v, hi_v, unit, vague=vague, frequency=frequency, written=None,
                explicit_range=form in ("range", "between", "vaguephrase"), open_low=at_the_latest,
                counted=form == "every" and body_lower.startswith("once"))
    if form == "ordinal":
        q.flags["ordinal"] = True  # a point counted from the treatment ("day 5"), not a length of time
    return q


# a noun that the session word qualifies, so that the number counts it
_COUNTED_SOMETHING_ELSE = re.compile(
    r"[ \t]+(?:chairs?|rooms?|beds?|couch(?:es)?|suites?|tables?|areas?|zones?|options?|types?|methods?|devices?"
    r"|providers?|staff)\b", re.IGNORECASE)
# "second" followed by a word it qualifies ("a second session", "a second opinion"), not "a second or two"
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:or|and|to|of|later|after|before|ago|for|in|at|per|then|each|is|was|will)\b)[a-z]", re.IGNORECASE)


def _frequency(m: re.Match, body: str) -> Quantity | None:
    lower = re.sub(r"\s+", " ", body.lower())
    split = re.match(rf"(.*?)\s(?:a|an|per|each|every)\s({_PERIOD})$", lower)
    if split is None:
        return None
    head, period_name = split.groups()
    days = PERIODS[period_name]
    counts: list[float] = []
    vague = False
    for word, n in FREQ_COUNTS.items():
        counts.extend(n for _ in re.finditer(rf"\b{word}\b", head))
    for _, _, (lo, hi, v) in _numbers(head):
        counts.extend([lo, hi])
        vague = vague or v
    counts = [c for c in counts if c > 0]
    if not counts:
        return None
    lo_count, hi_count = min(counts), max(counts)
    return _finish(
        m, days / hi_count, days / lo_count, unitlib.lookup("day"), vague=vague, frequency=True,
        written=(lo_count, hi_count, f"per {period_name}"),
    )


_OVER_THE_NEXT = re.compile(rf"over\s{{1,3}}{_FIRST}")


def _finish(m: re.Match, lo_v: float, hi_v: float, unit: unitlib.Unit, *, vague: bool, frequency: bool,
            written: tuple[float, float, str] | None, explicit_range: bool = False, open_low: bool = False,
            counted: bool = False) -> Quantity:
    pre = (m.group("pre") or "").lower()
    pre = re.sub(r"\s+", " ", pre)
    post = re.sub(r"\s+", " ", (m.group("post") or "").strip().lower())
    body = m.group(0).lower()
    inner_plus = re.search(r"\d[ \t]?\+|\bor\s+more\b", body) is not None
    lo_n: float | None = lo_v * unit.factor
    hi_n: float | None = hi_v * unit.factor
    w_lo: float | None = lo_v
    w_hi: float | None = hi_v
    if written is not None:
        w_lo, w_hi, wunit = written
    else:
        wunit = unit.canonical
    open_high = False
    if pre == "over" and (vague or explicit_range or _OVER_THE_NEXT.match(m.string, m.start())) and not post:
        pre = ""  # "over several months", "over 1 to 3 days": a span of time, not a lower bound
    if pre == "up to" and _MOVE_BEFORE.search(m.string, max(0, m.start() - 24), m.start()):
        pre = ""  # "moved up to the 1.5", "build up to 2.0 mm": a move to that value, not an upper bound
    rate = frequency and (written is not None or counted)
    if pre in MORE_OFTEN | LESS_OFTEN:
        # as "more than" / "no more than" on a written count, as "up to" / "at least" on an interval
        pre = ("more than" if rate else "up to") if pre in MORE_OFTEN else ("no more than" if rate else "at least")
    if pre in LOWER_BOUND or post in LOWER_SUFFIX or inner_plus:
        open_high = True
    if pre in UPPER_BOUND or post in UPPER_SUFFIX - {"or so"}:
        if not (pre == "within" and explicit_range):  # "within 24 to 48 hours" keeps both ends
            open_low = True
    # a bound on a rate bounds the interval the other way: "no more than twice a week" (or "once every 3
    # weeks") is every 3.5 days (21 days) or longer; the written count, "per week", keeps the bound as
    # written ("weekly" and "every 3 weeks" are written as intervals)
    interval_open_high, interval_open_low = (open_low, open_high) if rate else (open_high, open_low)
    written_as_interval = not wunit.startswith("per ")
    written_open_high, written_open_low = (
        (interval_open_high, interval_open_low) if written_as_interval else (open_high, open_low))
    if interval_open_high:
        hi_n = None
    if interval_open_low:
        lo_n = None
    if written_open_high:
        w_hi = None
    if written_open_low:
        w_lo = None
    return Quantity(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        value_min=w_lo,
        value_max=w_hi,
        unit=wunit,
        dimension=unit.dimension,
        norm_min=lo_n,
        norm_max=hi_n,
        vague=vague,
        frequency=frequency,
        approximate=post == "or so",
    )
