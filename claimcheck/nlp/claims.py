"""Turn quantities into claims: decide the kind from cue words (claims.yaml), then the context:
setting (home / professional), subject, indication and modality (ConText-style cue scopes)."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..model import Claim, PhraseHit
from ..reference.model import Kind, Reference
from ..sources.model import Block
from .components import CLAIMS_KEY, StructureSentencizer, TokenOffsets, doc_blocks, doc_text, quantities_of
from .quantities import Quantity, find_bare_numbers, lowered
from .questions import asks
from .units import NORMALIZED
from .units import lookup as lookup_unit
from .units import spellings

KIND_WINDOW = 14  # tokens: a cue further from the quantity than this does not decide its kind
MODALITY_WINDOW = 14
ROW_HEADER_DISTANCE = 2  # tokens: how near a table's row or column header counts for the quantities in its cells
SUBJECT_CUE_WEIGHT = 0.6  # how much naming a kind's subject ("retinol") says about the kind
FAR_SUBJECT_WINDOW = 4 * KIND_WINDOW  # a subject named this far back in the sentence can still be the one
# a sentence's setting cues below this weight give way to a page that is plainly about the other setting
WEAK_SETTING_EVIDENCE = 1.5
# a setting cue further than this from a quantity in the same (very long) sentence is not weighed;
# keeps the work per quantity bounded, so a sentence of thousands of quantities stays linear
SETTING_WINDOW = 120
MIN_KIND_SCORE = 0.3  # weaker cue evidence than this leaves a quantity without a kind
HEADING_FACTOR = 0.25
PREVIOUS_SENTENCE_FACTOR = 0.15
CLAUSE_FACTOR = 0.4  # a cue beyond a semicolon weighs this much
_NEWLINE = re.compile("\n")
# a table cell holding only a number or a range, perhaps with a footnote mark: "0,25 - 0,5", "1.0 *"
_CELL_NUMBER = re.compile(r"\s*((\d{1,2}(?:[.,]\d{1,3})?)(?:(?:\s{0,3}[-–]\s{0,3}|\s{1,3}to\s{1,3})(\d{1,2}(?:[.,]\d{1,3})?))?)\s*\**\s*")
# a number or range ending a line after a dotted leader: "Rolling acne scars ........ 1.5 to 2.0"
_LEADER_LINE_NUMBER = re.compile(
    r"(?m)(?<!\.)\.{4,}[ \t]*((\d{1,2}(?:[.,]\d{1,3})?)(?:(?:[ \t]{0,3}[-–][ \t]{0,3}|[ \t]{1,3}to[ \t]{1,3})(\d{1,2}(?:[.,]\d{1,3})?))?)[ \t]*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a span of days or weeks counted from the treatment ("Days 1–3", "Weeks 4-6"): as a heading, a timeline step
_TIMELINE_HEADING = re.compile(r"(?i)(?:days|weeks|months)\s{1,3}\d{1,3}\s{0,3}[-–—]\s{0,3}\d{1,3}")
# a sentence that only says no: what follows in its paragraph is the reason, a warning
_REFUSAL = re.compile(
    r"(?i)(?:\w[\w ]{0,20}:\s*)?"  # a label: "Answer: Please don't."
    r"(?:.{0,120}?\bbut\s+)?"  # "Leaving this up so people can read the replies, but please don't copy it."
    r"(?:no|nope|absolutely not|definitely not|not at home"
    r"|(?:please )?(?:don'?t|do not|never) (?:do|buy|use|try|copy) (?:it|this|that|them|one)"
    r"|please don'?t|please do not|don'?t|do not|never"
    r"|(?:we|i)(?: would|'d)? (?:not|don'?t|do not) recommend (?:it|this|that)"
    r"|(?:we|i)(?: would|'d)? (?:strongly )?(?:advise|recommend|caution) against (?:it|this|that))"
    r"(?:\s?[.!]+|\s?[:—–]\s(?P<reason>.*))")  # or the reason after a colon: "Please don't: ..."
# a story told as what not to do: '"Don't do what I did," she says. "I was rolling 1.5 mm every night..."'
_CAUTIONARY_TALE = re.compile(
    r"(?i)\W*(?:please\s+)?(?:(?:don'?t|do\s+not|never)\s+(?:do\s+what\s+(?:i|we)\s+did|make\s+(?:my|our|the\s+same)\s+mistakes?"
    r"|copy\s+(?:me|us|what\s+(?:i|we)\s+did)|be\s+like\s+me)|learn\s+from\s+(?:my|our)\s+mistakes?)\b")
# the start of a main clause that advises the reader after a condition: "If you roll at home, keep to
# 0.25 mm", "if your skin is fine, you can build up to..." (not a consequence: "if it happens, it can take...")
_MAIN_CLAUSE_AFTER_CONDITION = re.compile(
    r"(?i),\s+(?:then\s+)?(?:you|go|use|keep|drop|switch|stick|start|try|stop|book|wait|leave"
    r"|apply|roll|do|please|just|come|call|see|expect|plan|allow|give|take|move|step|build|stay|aim|choose|pick|get)\b")
# a lead-in that refuses what the list under it says: "Please don't:", "Never say:", "Avoid:"
_WARNING_LEAD = re.compile(r"(?i)\b(?:please\s+)?(?:don'?t|do\s+not|never|avoid)(?:\s+(?:say|use|do|write|post|claim|suggest))?\s*:\s*$")
# a list entry marked as rejected: "❌ "I roll daily with a 1.0 mm""
_REJECTED_MARK = re.compile(r"\s*(?:[-*+•]\s*)?[❌✗✘🚫⛔]")
# a lettered option of a multiple-choice question, at the start of its list item: "(a) ", "b) ", "C. "
_ANSWER_OPTION = re.compile(r"\s*\(?[a-eA-E][).]\s")
# a bare refusal of what the sentence before it describes: "... ten days after the first. Say no."
_REFUSAL_OF_PREVIOUS = re.compile(
    r"(?i)(?:(?:just\s+)?say\s+no(?:\s+to\s+(?:it|this|that|them))?|walk\s+away"
    r"|(?:please\s+)?(?:don'?t|do\s+not|never)(?:\s+(?:do|buy|use|try|order|book|copy)\s+(?:it|one|this|that|them|these|those)(?:\s+at\s+home)?)?"
    r"|(?:politely\s+)?(?:decline|refuse)(?:\s+(?:it|this|that|them))?|avoid\s+(?:it|this|that|them)|resist(?:\s+it)?)"
    r"(?:\s?[.!]+|\s?[:—–]\s.*)")
# a sentence that flatly denies the one before: "They're not, and it isn't." / "It is not zero downtime."
_REBUTTAL = re.compile(
    r"(?i)\s*[\"“‘']?\s*(?:(?:but|and|well|sorry|honestly)[,\s]\s*)?(?:(?:it|they|that|this|he|she)\s*(?:is|are|was|were|['’]s|['’]re|does|do|did)?\s*"
    r"(?:n['’]t|not)(?:\s+(?:really|at\s+all|true|even\s+close|(?:that|so|quite\s+that)\s+(?:simple|easy|straightforward)|the\s+case))?"
    r"(?:\s*[.!:;—–]|\s*,(?!\s*(?:however|though|of\s+course|mind\s+you)\b)|\s*$)"
    r"|(?:it|they|that|this)\s*(?:is|are|was|were|['’]s|['’]re)\s*not\s+(?P<repeated>[^.!?]{1,60}?)\s*[.!]?\s*$"
    r"|(?:not\s+true|nope|wrong|rubbish|nonsense)\b"
    r"|(?:neither|none)\s+(?:of\s+(?:them|these|those|this|that)\s+)?(?:is|are)\s+(?:true|right|correct|accurate)\b"
    r"|(?:i|we)\s+(?:don'?t|do\s+not)\s+any\s?more\b)")  # 'I used to put "no downtime" on our socials. I don't any more
# a verb that attributes a quoted phrase to someone else: 'the leaflet promised "zero downtime"',
# 'calling it "painless" would be a stretch', 'the box literally says "clinic results at home"'
_REPORTING_VERB = re.compile(
    r"(?i)\b(?:says?|said|promis(?:e|es|ed|ing)|claim(?:s|ed|ing)?|(?:had\s+|'d\s+)?written|wrote|writes|told|tells?"
    r"|call(?:s|ed|ing)?\s+(?:it|this|that|them|the\s+\w+)|advertis(?:e|es|ed|ing)|boast(?:s|ed|ing)?|swear(?:s|ing)?|swore)\b")
_OWN_VOICE = re.compile(r"(?i)\b(?:our|we)\b")
_OPENING_QUOTES, _CLOSING_QUOTES = "\"“‘«", "\"”’»"
# a time counted back from the treatment: "3 days before your visit", "a week prior to treatment"
_BEFORE_TREATMENT = re.compile(
    r"\s{1,3}(?:(?:before|prior\s+to|ahead\s+of)\s{1,3}(?:(?:your|the|each|a|every|any)\s{1,3})?(?:next\s{1,3})?"
    r"(?:(?:clinic|in-clinic|professional|salon)\s{1,3})?(?:treatment|visit|appointment|session|procedure|microneedling)"
    r"|(?:before|prior\s+to|ahead\s+of)\s{1,3}(?:your|the)\s{1,3}next\s{1,3}one\b"  # "until 5 days before the next one"
    r"|(?:before|prior\s+to|ahead\s+of)\s{1,3}(?:rolling|needling|dermarolling|derma\s+rolling|you\s+roll)\b"  # "2 days before rolling"
    r"|before[*_]*\s*[,;:)–—]|beforehand\b|before\s*\.)", re.IGNORECASE)  # "stop acids 3 to 5 days before, and ...", "Two weeks before: no sunbeds"
# "at least ten days before the wedding": when to book, not a claim about the treatment
_BEFORE_EVENT = re.compile(
    r"\s{1,3}(?:before|prior\s+to|ahead\s+of)\s{1,3}(?:(?:the|your|my|a|any|her|his)\s{1,3})?(?:big\s{1,3})?"
    r"(?:wedding|day|event|holiday|vacation|party|photos|photoshoot|shoot|honeymoon|prom|graduation|filming|flight|trip"
    r"|travel|travelling|traveling)\b", re.IGNORECASE)
# "fades over a few weeks once you stop rolling": how long results outlast the routine, which pages
# give in passing
_AFTER_STOPPING = re.compile(r"\s{1,3}(?:once|if|when|after)\s{1,3}you\s{1,3}(?:stop|quit|give\s{1,3}up)\b", re.IGNORECASE)
# a heading or list lead-in that opens a condition the text below completes ("CALL US IF",
# "Contact the clinic if you notice:", "When to call us"): what follows are thresholds, not claims
_CONDITION_LEAD = re.compile(
    r"(?i)(?:\bif(?:\s+(?:you\s+(?:notice|have|get|see|develop|experience|spot)|any\s+of\s+(?:these|the\s+following)"
    r"(?:\s+(?:happens?|occurs?|apply))?|there\s+is|there's|there\s+are))*"
    r"|\bwhen\s+to\s+(?:call|contact|phone|ring|seek|get)\b[^.!?\n]{0,40})\s*[:\-–—]?\s*$")
_FREQUENCY_WORDS = re.compile(r"(?i)\b(?:every|daily|nightly|weekly|fortnightly|monthly|twice|once\s+a|times\s+(?:a|per))\b")
_STAGE_HEADING = re.compile(r"(?i)[^\w\n]{0,6}(?:days?|weeks?|months?|steps?|stages?|phases?)\s{1,3}\d")
# a sentence about what a business offers around the treatment, not the treatment
_ABOUT_THE_BUSINESS = re.compile(
    r"(?i)\W*(?:(?:the|your|a|our|each|every|all|free)\s+)?(?:consultations?|consults?|cancellations?|deliver(?:y|ies)"
    r"|shipping|refunds?)\b")  # not "return(s)" or "order": "Return to work the next day."
# how long a consultation takes: "a consultation before the first treatment (usually 15 to 30 minutes",
# "a consultation lasting about 20 minutes"
_CONSULTATION_BEFORE = re.compile(
    r"(?i)\bconsult(?:ation)?s?\b(?:[^.;:!?()]{0,60}\(\s*(?:\w+\s+){0,2}"
    r"|\s+(?:that\s+)?(?:lasting|lasts|of|takes|taking)\s+(?:\w+\s+){0,2})$")
# how often something other than the treatment happens: "This comes up every week", "I'm asked about
# home devices every week", "the questions we remove every week"
_OTHER_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:comes?\s+up|(?:am|'m|’m|are|is|get|gets|got)\s+asked(?:\s+about\s+[\w -]{1,30}?)?|(?:we|mods?|moderators)\s+remove)\s+$")
# a shop's or clinic's terms: "can be refunded within 14 days", "returned within 30 days of purchase"
_PURCHASE_TERMS_BEFORE = re.compile(
    r"(?i)\b(?:refunds?|refunded|refundable|(?:be|are|is|was)\s+returned|exchanged?|money\s+back|cancel(?:led|ed)?)\b[^.;!?]{0,30}$")
# a device's battery ("a full charge takes 2 hours"), not a price ("we charge £150 for a 60-minute session")
_POWER_BEFORE = re.compile(
    r"(?i)\b(?:battery|batteries|recharg\w*|charging|(?:full|single|one)\s+charge|usb(?:-c)?"
    r"|charge\s+(?:the\s+|your\s+)?(?:pen|device|it|unit|handpiece))\b[^.;:!?]{0,50}$")
# a duration written as an adjective ("a 13-hour flight", "a 31-hour labour") times what its noun names;
# only these nouns make it a time of the treatment or its aftercare ("a 60-minute session", "the 48-hour rule")
_HYPHENATED_DURATION = re.compile(r"(?i)\S+-(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?)")
_TREATMENT_NOUN_AFTER = re.compile(
    r"(?i)\s+(?:(?:[\w-]+\s+){0,2}?(?:[a-z]+-)?(?:sessions?|treatments?|appointments?|procedures?|visits?|courses?|numbing|facials?"
    r"|microneedling|needling|window|rule|wait|waiting|break|gap|interval|downtime|recovery|healing|cycles?|pause|ban"
    r"|mark|period|routine|plan|protocol|schedule|timeline|countdown|programme|program|result|results|glow|regime|regimen"
    r"|application|soak|stint|spacing|turnaround|minimum|maximum|rest|worth|refresh|express|top-up|touch-up)\b|[^a-z\s]|$)")
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
# a numbered section heading: "14.3 Treatment protocol"
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}\s+[A-Z]")
# how long a whole course runs ("eight sessions over roughly three months"), not the gap between sessions
_COURSE_SPAN_BEFORE = re.compile(
    r"(?i)\b(?:sessions|treatments|appointments|visits)\s+(?:spread\s+)?(?:over|across)\s+(?:the\s+course\s+of\s+)?"
    r"(?:roughly|about|around|approximately|some|just\s+under|just\s+over)?\s*$")
# upkeep of the device ("replace the head every 3 months", "swap cartridges every session"), not a routine
_DEVICE_UPKEEP_BEFORE = re.compile(
    r"(?i)\b(?:replace|change|swap|throw\s+(?:away|out)|discard|bin)\s+(?:the\s+|your\s+|its\s+|a\s+)?(?:old\s+)?"
    r"(?:roller\s+|pen\s+|needle\s+)?(?:heads?|rollers?|cartridges?|needles?|tips?|devices?|pens?)\b[^.;:!?]{0,30}$")
_STEP_BEFORE = re.compile(r"(?i)\b(?:(?:each|every|per|one)\s+(?:click|turn|notch|step)(?:\s+(?:is|of|adds|moves\s+it))?|in\s+steps\s+of)[\s:=]*$")
# "once a week for the first 2 weeks": a stretch of a routine, not how often it repeats
_STRETCH_OF_ROUTINE = re.compile(r"(?i)\b(?:for|during|over|throughout)\s+(?:the|your)\s+(?:first|next|following|coming|initial)\s+$")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_ASKS_WHEN = re.compile(r"(?i)\b(?:how\s+often|how\s+soon|how\s+frequently|when\s+(?:can|should|do|does|will|is|are))\b")
_ASKS_AMOUNT = re.compile(r"(?i)\b(?:how\s+many|how\s+deep|(?:what|which)\s+(?:size|length|depth|needle))\b")
_CAUSAL = re.compile(r"(?i)\b(?:caus\w*|leads?|raises|increases|sets?)\b")
# "1.5 every 2 weeks for a year": how long a routine has run, not when its results came
_FOR = re.compile(r"(?i)\bfor\s+$")
_LOOKBACK = re.compile(r"(?i)\b(?:in|within|during|over|for)\s+the\s+(?:last|past|previous|preceding)\s+$")
_KEEP_USING = re.compile(r"(?i)\b(?:keep|continue)\s+(?:using|wearing|applying|with)\b[^.;]{0,20}?(?:\s+for)?\s+$")
_SUNSCREEN_WORDS = r"(?:sunscreen|sun\s+cream|sunblock|spf)"
_SUNSCREEN = re.compile(rf"(?i)\b{_SUNSCREEN_WORDS}\b")
_SUNSCREEN_FOR = re.compile(rf"(?i)\b{_SUNSCREEN_WORDS}(?:\s*\d+)?\b[^.;:!?]{{0,25}}?\bfor\s+$")
_CLAUSE_BREAK = re.compile(";")
_CLAUSE_JOIN = re.compile(r"(?i);|,\s*(?:and|but|so|while|whereas)\b")
_RESEARCH = re.compile(r"(?i)\b(?:stud(?:y|ies)|trials?|researchers|participants|meta-analys[ie]s|systematic review)\b")
# what a page calls the numbers of a table ("All lengths are in mm", a column headed "Depth")
_MEASURE_WORD = re.compile(r"\b(?:lengths?|depths?|sizes?|values?|measurements?|figures?|numbers?)\b", re.IGNORECASE)
# a heading that is one quoted statement, perhaps numbered: 2. "You need to roll every day."
_QUOTED_HEADING = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?[\"“‘'][^\n]*[\"”’'][.!?]?\s*")
# a paragraph that opens with a quoted statement, perhaps in bold: **"Use it every day."** Daily needling...
_QUOTED_LEAD = re.compile(r"[ \t]*(?:[*_]{1,2}[ \t]*)?[\"“][^\"”\n]{3,}[\"”]")
PRICE_CUE = "<price>"
_PRICE = re.compile(r"[$£€¥]\s?\d[\d,]{0,12}(?:\.\d{1,2})?")
_PRICE_IN_WORDS = re.compile(r"\b\d[\d,]{0,12}(?:\.\d{1,2})?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b")
_CURRENCY_WORDS = ("USD", "EUR", "GBP", "dollars", "euros", "pounds")
# a number without a unit: digits with a decimal point, not part of a longer number, date or version
_BARE_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}(?![\w%°/:]|[.,]\w|[ \t]?[-–][ \t]?\d)")
_NOT_BEFORE_BARE = set(".,/:$£€¥#@+-–")
_DETERMINER_BEFORE = re.compile(
    r"(?:^|[^\w])(?:a|an|the|my|your|this|that|these|those|on|from|with|of|or|and|to)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# a unit claimcheck does not read ("0.5 ml"): the number measures something else
_OTHER_MEASURE = re.compile(r"\s?(?:ml|mg|g|oz|cc|kg|lbs?|l|stars?|x|points?|percent|pts?|inch(?:es)?|in)\b", re.IGNORECASE)
PRIORITY = {"warning": 3, "negated": 2, "hypothetical": 1, "asserted": 0}


@dataclass(frozen=True)
class _Match:
    cat: str  # KIND | SUBJ | SET | DISC | MOD | TERM | MYTH | FACT | IND | QP
    key: str
    sub: str
    weight: float
    start: int
    end: int


def _cue_weight(m: _Match) -> float:
    """What a KIND or SUBJ match says about a quantity's kind, before distance."""
    return m.weight if m.cat == "KIND" else SUBJECT_CUE_WEIGHT


def _inside(m: _Match, bounds: tuple[int, int] | None) -> bool:
    """Whether match `m` lies within the token bounds (False when there are none)."""
    return bounds is not None and bounds[0] <= m.start and m.end <= bounds[1]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    if a1 <= b0:
        return b0 - a1
    if b1 <= a0:
        return a0 - b1
    return 0


class ClaimAnnotator:
    """The `claimcheck_claims` component."""

    def __init__(self, nlp: Language, reference: Reference, name: str = "claimcheck_claims") -> None:
        self.name = name
        self.reference = reference
        self.kinds = reference.kinds
        self.dimensions = {k.dimension for k in reference.kinds.values()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str, str, float]] = {}
        make = nlp.make_doc

        def written(phrase: str):
            # the tokenizer splits "don't" into "do n't" but keeps "DON'T" whole: a phrase with an
            # apostrophe is also matched as the capitals tokenize ("PLEASE DON'T", a shouted transcript)
            yield make(phrase)
            if "'" in phrase or "’" in phrase:
                seen = {tuple(t.lower_ for t in make(phrase))}
                for variant in (phrase.upper(), phrase.replace("'", "’"), phrase.upper().replace("'", "’")):
                    doc = make(variant)
                    lowered = tuple(t.lower_ for t in doc)
                    if lowered not in seen:
                        seen.add(lowered)
                        yield doc

        def add(cat: str, key: str, sub: str, weight: float, phrases) -> None:
            label = f"{cat}|{key}|{sub}|{weight}"
            docs = [d for p in phrases if p.strip() for d in written(p)]
            if docs:
                self.matcher.add(label, docs)
                self._labels[nlp.vocab.strings.add(label)] = (cat, key, sub, weight)

        # "<price>" as a cue: a price (a currency sign and a number) counts as that cue, as on a
        # service menu ("Express Glow .... 30 min .... $189": the length of the service)
        self._price_cues = {k.id: c.weight for k in self.kinds.values() for c in k.cues if c.phrase == PRICE_CUE}
        for kind in self.kinds.values():
            by_weight: dict[float, list[str]] = defaultdict(list)
            for cue in kind.cues:
                if cue.phrase != PRICE_CUE:
                    by_weight[cue.weight].append(cue.phrase)
            for w, phrases in by_weight.items():
                add("KIND", kind.id, "", w, phrases)
            for subject, phrases in kind.subjects.items():
                add("SUBJ", kind.id, subject, 1.0, phrases)
            for target, phrases in kind.targets.items():
                add("TGT", kind.id, target, 1.0, phrases)
            for phrase in kind.quantity_phrases:
                add("QP", kind.id, phrase, 1.0, [phrase])
            add("SING", kind.id, "", 1.0, kind.singular_requires)
            add("SMEN", kind.id, "", 1.0, kind.singular_mentions)
            add("NOT", kind.id, "", 1.0, kind.not_cues)
        for setting, cues in reference.settings.items():
            by_weight = defaultdict(list)
            for cue in cues:
                by_weight[cue.weight].append(cue.phrase)
            for w, phrases in by_weight.items():
                add("SET", setting, "", w, phrases)
        add("DISC", "", "", 1.0, reference.setting_discounts)
        add("NOTSET", "", "", 1.0, reference.setting_not_cues)
        for cat, directions in reference.modality.items():
            for direction, phrases in directions.items():
                add("MOD", cat, direction, 1.0, phrases)
        add("TERM", "", "", 1.0, reference.terminators)
        add("MYTH", "", "", 1.0, reference.myth_headings)
        add("WARNHEAD", "", "", 1.0, reference.warning_headings)
        add("FACT", "", "", 1.0, reference.fact_labels)
        add("DEBUNK", "", "", 1.0, reference.debunk_cues)
        add("QUAL", "", "", 1.0, reference.qualifiers)
        add("OURS", "", "", 1.0, reference.own_treatment)
        add("OTHER", "", "", 1.0, reference.other_treatments)
        for name_, phrases in reference.indications.items():
            add("IND", name_, "", 1.0, phrases)
        for check in reference.phrase_checks:
            add("PHR", check.id, "", 1.0, check.patterns)
            add("REQ", check.id, "", 1.0, check.requires)
            add("PHRNOT", check.id, "", 1.0, check.not_within)
        add("HEDGE", "", "", 1.0, reference.hedges)
        for topic in reference.safety_topics:
            add("TOPIC", topic.id, "", 1.0, topic.cues)
        self._sentencizer = StructureSentencizer()
        self._bare_kinds = [k for k in self.kinds.values() if k.bare_numbers is not None]
        # a table column headed by the unit ("Depth (mm)", "Sessions"), or a page that says "All lengths
        # are in mm", gives the unit of the bare numbers in the table's cells
        self._unit_word: dict[str, re.Pattern] = {}
        self._unit_note: dict[str, re.Pattern] = {}
        for k in self._bare_kinds:
            unit = lookup_unit(k.bare_unit)
            words = "|".join(re.escape(w) for w in spellings() if lookup_unit(w) is unit)
            self._unit_word[k.id] = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
            self._unit_note[k.id] = re.compile(
                rf"{_MEASURE_WORD.pattern}[^.\n]{{0,30}}\bin\s+(?:{words})\b",
                re.IGNORECASE)
        self._bare_cue_after = {}
        for k in self._bare_kinds:
            strong = [re.escape(c.phrase) for c in sorted(k.cues, key=lambda c: -len(c.phrase)) if c.weight >= 1.5]
            self._bare_cue_after[k.id] = re.compile(r"[ \t]{0,2}(?:" + "|".join(strong) + r")\b", re.IGNORECASE) if strong else None
        if not Doc.has_extension("phrase_hits"):
            Doc.set_extension("phrase_hits", default=None)
        if not Doc.has_extension("safety_topics"):
            Doc.set_extension("safety_topics", default=None)

    # -----------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("SENT_START"):
            self._sentencizer(doc)
        ctx = _DocContext(doc, self)
        claims: list[Claim] = []
        unclassified: list[Claim] = []
        spans: list[Span] = []

        items: list[tuple[Span, Quantity, str | None]] = [(s, q, None) for s, q in quantities_of(doc)]
        for s, q, _ in items:
            if q.dimension in self.dimensions:  # not "15%" of a serum: no kind is measured in percent
                ctx.sent_quantities.setdefault(ctx.token_sent[s.start], []).append(s)
        ctx.index_quantities()
        taken = [(s.start, s.end) for s, _, _ in items]
        for m in ctx.matches:
            if m.cat == "QP" and not any(_overlap(m.start, m.end, a, b) for a, b in taken):
                items.append((doc[m.start : m.end], self._phrase_quantity(doc, m), m.key))
        items.extend(self._bare_numbers(ctx, items))
        items.sort(key=lambda it: (it[0].start_char, it[0].end_char))

        for span, q, forced_kind in items:
            for claim in self._claims_for(ctx, span, q, forced_kind):
                if claim.kind is None:
                    unclassified.append(claim)
                    continue
                claims.append(claim)
                cspan = Span(doc, span.start, span.end, label=claim.kind, kb_id=claim.subject or "")
                cspan._.claim = claim
                spans.append(cspan)
        for i, c in enumerate(claims, 1):
            c.id = f"c{i}"
        for i, c in enumerate(unclassified, 1):
            c.id = f"q{i}"
        doc._.claims = claims
        doc._.phrase_hits = self._phrase_hits(ctx)
        doc._.safety_topics = {m.key for m in ctx.matches if m.cat == "TOPIC"}
        doc._.unclassified_quantities = unclassified
        doc.spans[CLAIMS_KEY] = spans
        return doc

    def _phrase_hits(self, ctx: "_DocContext") -> list[PhraseHit]:
        """Phrases of the phrase checks, one per check and sentence (the longest), with context."""
        best: dict[tuple[str, int], _Match] = {}
        idioms = [m for m in ctx.matches if m.cat == "PHRNOT"]
        for m in ctx.matches:
            if m.cat != "PHR":
                continue
            if any(i.key == m.key and i.start <= m.start and m.end <= i.end for i in idioms):
                continue  # "no pain, no gain": an idiom, not a promise
            key = (m.key, ctx.token_sent[m.start])
            cur = best.get(key)
            if cur is None or m.start < cur.start or (m.start == cur.start and m.end > cur.end):
                best[key] = m  # the first phrase of the sentence, longest at that place
        chosen = _outermost(sorted(best.values(), key=lambda m: (m.start, -(m.end - m.start))))
        hits = []
        for m in chosen:
            span = ctx.doc[m.start : m.end]
            sent_i = ctx.token_sent[m.start]
            hedged = any(h.cat == "HEDGE" and not _overlap(h.start, h.end, m.start, m.end) and not _superlative(ctx.doc, h)
                         and _distance(m.start, m.end, h.start, h.end) <= MODALITY_WINDOW and not ctx.other_clause(span, h)
                         and not _quote_closes_between(ctx, span, h)
                         # "No downtime: most guests go to lunch": what follows a colon backs the claim up
                         and not (h.start >= m.end and any(t.text == ":" for t in ctx.doc[m.end:h.start]))
                         for h in ctx.nearby(sent_i, m.start, m.end, MODALITY_WINDOW)) or any(
                q.cat == "QUAL" and q.end <= m.start and all(t.text == "-" for t in ctx.doc[q.end : m.start])
                for q in ctx.nearby(sent_i, m.start, m.start, 1))
            required = m.key in ctx.keys_in(sent_i, "REQ")
            line, col = ctx.line_col(span.start_char)
            modality = self._modality(ctx, span, None)
            if modality == "asserted" and ctx.reported_quote(sent_i, span.start_char, span.end_char):
                modality = "negated"  # someone else's words, quoted: the page does not make the claim
            hits.append(PhraseHit(
                check=m.key, start=span.start_char, end=span.end_char, text=span.text,
                sentence=ctx.sentence_text(sent_i), setting=ctx.setting_for(span),
                modality=modality, hedged=hedged, requirement_met=required,
                line=line, column=col,
            ))
        return hits

    def _bare_numbers(self, ctx: "_DocContext", items) -> list[tuple[Span, Quantity, str]]:
        """Numbers written without a unit, for a kind with `bare_numbers`, not overlapping `items` or
        one another: answers to a question about the kind ("How many sessions?" / "three or four"),
        table cells whose unit the header or the page states, then roller sizes ("a cheap 0.5", "the
        1.5", "0.25 rollers") on a page that names the kind's device or measure (a cue of weight >= 1.5),
        read in the kind's unit when used as a noun (after a determiner, with at most one word between)
        or right before such a cue. Each only within the kind's range."""
        out: list[tuple[Span, Quantity, str]] = []
        if not self._bare_kinds:
            return out
        text = ctx.text
        covered = _Spans((q.start, q.end) for _, q, _ in items)
        for finder in (self._answers_in_bare_numbers, self._table_cell_numbers, self._leader_line_numbers):
            found = finder(ctx, covered)
            out.extend(found)
            covered = covered.plus((q.start, q.end) for _, q, _ in found)
        kinds = [k for k in self._bare_kinds if any(m.cat == "KIND" and m.key == k.id and m.weight >= 1.5 for m in ctx.matches)]
        if not kinds:
            return out
        for m in _BARE_NUMBER.finditer(text):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE_BARE):
                continue
            if covered.overlaps(start, end) or _OTHER_MEASURE.match(text, end):
                continue
            noun = _DETERMINER_BEFORE.search(text, max(0, start - 24), start) is not None
            value = float(m.group())
            for kind in kinds:
                cue = self._bare_cue_after[kind.id]
                if noun or (cue is not None and cue.match(text, end)):
                    item = _bare_item(ctx, kind, start, end, value, value)
                    if item is not None:
                        out.append(item)
                        break
        return out

    def _table_cell_numbers(self, ctx: "_DocContext", covered: "_Spans") -> list[tuple[Span, Quantity, str]]:
        """Table cells that hold only a number or a range ("0,25 - 0,5", "1.0 *"), in a column whose
        header names a kind's unit or on a page that states it ("All lengths are in mm"): the unit is
        written, once, for the whole table."""
        out: list[tuple[Span, Quantity, str]] = []
        rows = [b for b, block in enumerate(ctx.blocks) if block.kind == "row" and block.cells and ctx.run_start[b] != b]
        if not rows:
            return out
        text = ctx.text
        noted: list[Kind] | None = None  # searched for once, when a cell holds only a number
        for b in rows:
            cells = ctx.blocks[b].cells
            header = ctx.blocks[ctx.run_start[b]].cells
            for col, (a, z) in enumerate(cells):
                m = _CELL_NUMBER.fullmatch(text, a, z)
                if m is None or covered.overlaps(*m.span(1)):
                    continue
                if noted is None:
                    noted = [k for k in self._bare_kinds if self._unit_note[k.id].search(text)]
                # a page's "all depths in mm" covers the table, except where its header gives the
                # measure its own column ("Depth", "Speed"): then only that column
                kinds = [k for k in noted if self._in_kind_column(ctx, ctx.run_start[b], k, col)] + [
                    k for k in self._bare_kinds
                    if k not in noted and header and len(header) == len(cells)
                    and self._unit_word[k.id].search(text, *header[col]) is not None
                ] + [  # or the row's header: "| Sessions in a course | 3 to 6 |"
                    k for k in self._bare_kinds
                    if k not in noted and col > 0 and self._unit_word[k.id].search(text, *cells[0]) is not None
                ]
                low, high = (float(g.replace(",", ".")) for g in (m.group(2), m.group(3) or m.group(2)))
                for kind in kinds:
                    item = _bare_item(ctx, kind, *m.span(1), min(low, high), max(low, high), declared=True)
                    if item is not None:
                        out.append(item)
                        break
        return out

    def _leader_line_numbers(self, ctx: "_DocContext", covered: "_Spans") -> list[tuple[Span, Quantity, str]]:
        """A number or range that ends a dotted-leader line ("Under-eye ........ 0.25"), on a page that
        states the unit ("Depth by zone (all values in mm)"): a table written as a menu."""
        text = ctx.text
        if "...." not in text:
            return []
        noted = [k for k in self._bare_kinds if self._unit_note[k.id].search(text)]
        out: list[tuple[Span, Quantity, str]] = []
        for m in _LEADER_LINE_NUMBER.finditer(text) if noted else ():
            if covered.overlaps(*m.span(1)):
                continue
            low, high = (float(g.replace(",", ".")) for g in (m.group(2), m.group(3) or m.group(2)))
            for kind in noted:
                item = _bare_item(ctx, kind, *m.span(1), min(low, high), max(low, high), declared=True)
                if item is not None:
                    out.append(item)
                    break
        return out

    def _in_kind_column(self, ctx: "_DocContext", header_row: int, kind: Kind, col: int) -> bool:
        """Whether column `col` of a table holds the kind's values: its header cell names the kind's
        measure or unit ("Depth", "mm"), or no header cell does."""
        key = (header_row, kind.id)
        named = ctx.kind_columns.get(key)
        if named is None:
            named = {c for c, (a, z) in enumerate(ctx.blocks[header_row].cells or ())
                     if _MEASURE_WORD.search(ctx.text, a, z) or self._unit_word[kind.id].search(ctx.text, a, z)}
            ctx.kind_columns[key] = named
        return not named or col in named

    def _answers_in_bare_numbers(self, ctx: "_DocContext", covered: "_Spans") -> list[tuple[Span, Quantity, str]]:
        """Bare numbers that answer a question about a kind ("How many sessions will I need?" /
        "Most people book three or four"): in the first paragraph under a question heading, or in the
        sentence after a question, when the question names the kind (cues weighing 1.5 or more, or
        "how many" and a cue for a count)."""
        out: list[tuple[Span, Quantity, str]] = []
        answers = []  # (sentence, kinds it may answer about)
        for sent_i in range(len(ctx.sents) if "?" in ctx.text else 0):
            question = ctx.question_before(sent_i)
            if question is not None:
                kinds = [k for k in self._bare_kinds if self._asks_about(ctx, question, k)]
                if kinds:
                    answers.append((sent_i, kinds))
        lower = lowered(ctx.text) if answers else ""
        for sent_i, kinds in answers:
            for bare in find_bare_numbers(ctx.text, ctx.sents.start_char[sent_i], ctx.sents.end_char[sent_i], lower):
                if covered.overlaps(bare.start, bare.end):
                    continue
                for kind in kinds:  # the first kind whose range holds it
                    item = _bare_item(ctx, kind, bare.start, bare.end, bare.low, bare.high, bare.vague)
                    if item is not None:
                        out.append(item)
                        break
        return out

    def _asks_about(self, ctx: "_DocContext", sentences: list[int], kind: Kind) -> bool:
        if kind.dimension != "duration" and any(_ASKS_WHEN.search(ctx.sentence_text(i)) for i in sentences) \
                and not any(_ASKS_AMOUNT.search(ctx.sentence_text(i)) for i in sentences):
            return False  # "How often should I use a home roller?" asks for a time, not a needle length
        weight = sum(m.weight for i in sentences for m in ctx.of_category(i, "KIND") if m.key == kind.id)
        if kind.dimension == "count":
            return weight >= 1 and any("how many" in ctx.sentence_text(i).lower() for i in sentences)
        return weight >= 1.5

    def _phrase_quantity(self, doc: Doc, m: _Match) -> Quantity:
        kind = self.kinds[m.key]
        lo, hi = kind.quantity_phrases[m.sub]
        span = doc[m.start : m.end]
        unit = NORMALIZED[kind.dimension]
        return Quantity(span.start_char, span.end_char, span.text, lo, hi, unit, kind.dimension, lo, hi, vague=True)

    # -----------------------------------------------------------------------------------------
    def _claims_for(self, ctx: "_DocContext", span: Span, q: Quantity, forced_kind: str | None) -> list[Claim]:
        sent_i = ctx.token_sent[span.start]
        scores: dict[str, float] = defaultdict(float)
        # a table cell's row header ("| Retinol |", in the cell's own sentence) and column header
        # ("| Interval |" over "| 4–6 weeks |") count as near as the cell's own words, however wide the table
        row_header = ctx.row_header(sent_i, span)
        column_header = ctx.column_header(sent_i, span)
        header_matches = [] if row_header is None else ctx.matches_within(sent_i, row_header)
        if column_header is not None:
            header_matches += ctx.matches_within(ctx.token_sent[column_header[0]], column_header)
        for m in header_matches:
            if m.cat in ("KIND", "SUBJ"):
                scores[m.key] += _cue_weight(m) / (1.0 + ROW_HEADER_DISTANCE / 2.0)
        for m in ctx.nearby(sent_i, span.start, span.end, KIND_WINDOW):
            if m.cat not in ("KIND", "SUBJ"):
                continue
            if _inside(m, row_header):
                continue
            d = _distance(span.start, span.end, m.start, m.end)
            if d > KIND_WINDOW:
                continue
            w = _cue_weight(m)
            if ctx.clause_break_between(span, m):
                w *= CLAUSE_FACTOR  # "...stays on for 30 to 45 minutes; the needling itself is quicker"
            scores[m.key] += w / (1.0 + d / 2.0)
        if ctx.introduces_list(sent_i):
            for m in ctx.following_item_matches(sent_i):
                if m.cat == "SUBJ":
                    scores[m.key] += SUBJECT_CUE_WEIGHT
        # weaker evidence from the context: the previous sentence of the paragraph and the section heading
        # (an FAQ answer "Between 30 and 60 minutes." under "How long does a session take?")
        for m, factor in ctx.kind_context(sent_i, timeline=_TIMELINE_HEADING.fullmatch(span.text) is not None,
                                          ancestors=q.frequency):
            if m.cat == "KIND":
                scores[m.key] += m.weight * factor
        asked = ctx.question_in_previous_paragraph(sent_i)
        if asked is not None:  # an answer in its own paragraph, like one under a question heading
            for m in ctx.sent_matches[asked]:
                if m.cat in ("KIND", "SUBJ"):
                    scores[m.key] += _cue_weight(m) * HEADING_FACTOR
        candidates = []
        for kid, score in scores.items():
            kind = self.kinds[kid]
            # a frequency ("twice a month") is itself strong evidence of a treatment interval
            if score < (MIN_KIND_SCORE / 3 if q.frequency else MIN_KIND_SCORE) or not self._fits(kind, q):
                continue
            candidates.append((score, kid))
        if not candidates and q.dimension == "length":
            # a length in mm with no cue near it ("0:42 1.5 millimeter, titanium"), on a page that names
            # needles or rollers, is the one length this reference knows
            candidates = [(MIN_KIND_SCORE, k.id) for k in ctx.device_length_kinds() if self._fits(k, q)][:1]
        if forced_kind is not None:
            candidates = [(99.0, forced_kind)]
        if q.immediate and ctx.first_warning_end(sent_i) <= span.start:
            candidates = []  # "avoid retinol immediately after": no period is stated
        if candidates and _not_about_the_treatment(ctx, span, q, sent_i):
            candidates = []
        stretch = None if q.frequency else _just_before(ctx, span, _STRETCH_OF_ROUTINE, 40)
        if stretch:
            if _FREQUENCY_WORDS.search(ctx.text, max(0, stretch.start() - 40), stretch.start()):
                candidates = []  # "every other day for the first four weeks": how long a routine runs
            else:
                candidates = [c for c in candidates if not self.kinds[c[1]].accepts_frequency]
        elif not q.frequency and q.dimension == "duration" and max(q.norm_min or 0, q.norm_max or 0) >= 1 \
                and (run := _just_before(ctx, span, _FOR, 8)) is not None \
                and _FREQUENCY_WORDS.search(re.split(r"[.;:!?]", ctx.text[max(0, run.start() - 40):run.start()])[-1]):
            # (not "every four weeks, for 45 minutes each": the length of each session)
            candidates = [c for c in candidates if self.kinds[c[1]].subject_required]
        if _BEFORE_EVENT.match(ctx.text, span.end_char) or _AFTER_STOPPING.match(ctx.text, span.end_char):
            candidates = []
        if _WEEKDAY.search(span.text) and not ctx.text[ctx.sents.first_char[sent_i]:span.start_char].strip(" *_>#-"):
            # "Every Saturday, Delphine Marr answers your letters" opens on the page's own schedule: a
            # weekday there is a treatment's frequency only beside a cue for it ("Every Sunday night I roll")
            cued = {m.key for m in ctx.of_category(sent_i, "KIND") if not _overlap(span.start, span.end, m.start, m.end)}
            candidates = [c for c in candidates if c[1] in cued]
        if _BEFORE_TREATMENT.match(ctx.text, span.end_char):
            # "stop retinoids 3 days before your appointment": preparation, not aftercare (numbing is the
            # one step timed before the treatment)
            candidates = [c for c in candidates if c[1] == "numbing_time"]
        candidates.sort(reverse=True)
        unnamed = 0.0  # the score of a kind that won but names nothing it is about
        for score, kid in candidates:
            if score < unnamed / 2:
                break  # "wait 24 hours before putting minoxidil back on": an avoidance, of nothing we track
            kind = self.kinds[kid]
            subjects = self._subjects(ctx, kind, span, sent_i)
            if kind.subject_required and not subjects:
                unnamed = max(unnamed, score)
                continue
            mention = False
            if kind.singular_requires and q.norm_min == q.norm_max == 1 and kid not in ctx.keys_in(sent_i, "SING") \
                    and not ctx.answers_how_many(sent_i):
                if kid not in ctx.keys_in(sent_i, "SMEN"):
                    continue  # "Single session $249": not a course of one
                mention = True  # "a change after one session": the page names one session, it does not prescribe it
            target = next(iter(self._named(ctx, kind, span, sent_i, "TGT")), None)
            return [self._make_claim(ctx, span, q, kind, subj, target, mention)
                    for subj in (subjects or [kind.default_subject])]
        return [self._make_claim(ctx, span, q, None, None, None)]

    @staticmethod
    def _fits(kind: Kind, q: Quantity) -> bool:
        if q.immediate:
            return kind.accepts_immediate
        if q.flags.get("ordinal") and not kind.timeline:
            return False  # "week 6" is a point in time after the treatment, not an interval or a length
        if q.frequency:
            fits = kind.accepts_frequency
        else:
            fits = kind.dimension == q.dimension
        if fits and kind.plausible is not None:
            lo, hi = kind.plausible.min, kind.plausible.max
            for v in (q.norm_min, q.norm_max):
                if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
                    return False
        return fits

    def _subjects(self, ctx: "_DocContext", kind: Kind, span: Span, sent_i: int) -> list[str | None]:
        if not kind.subjects:
            return []
        ordered = self._named(ctx, kind, span, sent_i, "SUBJ")
        return ordered if kind.subject_required else ordered[:1]

    def _named(self, ctx: "_DocContext", kind: Kind, span: Span, sent_i: int, cat: str) -> list[str]:
        """The kind's subjects (cat "SUBJ") or targets ("TGT") that a quantity is about, the nearest first:
        named in its sentence, else in the list the sentence introduces, else earlier in its block or in
        its section heading."""
        if cat == "TGT" and not kind.targets:
            return []
        found: dict[str, int] = {}
        row_header = ctx.row_header(sent_i, span)
        for m in ctx.nearby(sent_i, span.start, span.end, KIND_WINDOW + 6):
            if m.cat == cat and m.key == kind.id:
                if _inside(m, row_header):
                    continue
                d = _distance(span.start, span.end, m.start, m.end)
                if d > KIND_WINDOW + 6 or ctx.terminated_between(span, m):
                    continue
                # a subject belongs to the quantity nearest to it ("no makeup for 24 hours, no sun for a week");
                # past a conjunction, a tie goes to the quantity after it ("makeup for 24 hours and sun for a week")
                if ctx.other_quantity_closer(sent_i, span, m, d):
                    continue
                if m.start >= span.end and _coordinated(ctx.doc, span.end, m.start) and (
                    ctx.other_quantity_closer(sent_i, span, m, d + 1) or ctx.quantity_follows(sent_i, m, KIND_WINDOW + 6)
                ):  # "skip the gym for 24 hours and retinoids or acids for three to five days"
                    continue
                found[m.sub] = min(d, found.get(m.sub, 1 << 30))
        if not found and row_header is not None:
            for m in ctx.matches_within(sent_i, row_header):
                if m.cat == cat and m.key == kind.id:
                    found.setdefault(m.sub, ROW_HEADER_DISTANCE)
        if not found:
            # named farther away in the sentence, and no other quantity nearer to it ("On makeup, though,
            # ... a mineral powder can go on the same day")
            for m in ctx.nearby(sent_i, span.start, span.end, FAR_SUBJECT_WINDOW):
                if m.cat == cat and m.key == kind.id:
                    d = _distance(span.start, span.end, m.start, m.end)
                    if d <= FAR_SUBJECT_WINDOW and not ctx.other_quantity_closer(sent_i, span, m, d):
                        found[m.sub] = min(d, found.get(m.sub, 1 << 30))
        if not found:
            # past a time counted back from the treatment, which is no claim ("stops her retinol five days
            # before each appointment and keeps off it for five days afterwards")
            for m in ctx.nearby(sent_i, span.start, span.end, FAR_SUBJECT_WINDOW):
                if m.cat == cat and m.key == kind.id and m.end <= span.start:
                    d = _distance(span.start, span.end, m.start, m.end)
                    if d <= FAR_SUBJECT_WINDOW and not ctx.other_quantity_closer(sent_i, span, m, d, past_before=True):
                        found[m.sub] = min(d, found.get(m.sub, 1 << 30))
        if not found and ctx.introduces_list(sent_i):
            for m in ctx.following_item_matches(sent_i):
                if m.cat == cat and m.key == kind.id:
                    found.setdefault(m.sub, 1 << 10)
        if not found and cat == "SUBJ" and any(
                m.cat == "NOT" and m.key == kind.id and _distance(span.start, span.end, m.start, m.end) <= KIND_WINDOW
                for m in ctx.nearby(sent_i, span.start, span.end, KIND_WINDOW)):
            return []  # "A plain moisturiser is fine straight away": about something else than the paragraph's actives
        if not found:
            # a label or heading in the same block/section ("Avoid makeup: ... for 24 hours")
            for sub in ctx.context_subjects(sent_i, kind.id, cat):
                found.setdefault(sub, 1 << 20)
        return sorted(found, key=lambda s: found[s])

    # -----------------------------------------------------------------------------------------
    def _make_claim(
        self, ctx: "_DocContext", span: Span, q: Quantity, kind: Kind | None, subject: str | None, target: str | None,
        mention: bool = False,
    ) -> Claim:
        line, col = ctx.line_col(q.start)
        modality = self._modality(ctx, span, kind, permission=q.norm_max == 0) if kind is not None else "asserted"
        section = ctx.section_of(ctx.token_sent[span.start])
        return Claim(
            id="",
            kind=kind.id if kind else None,
            text=ctx.text[q.start : q.end],
            start=q.start,
            end=q.end,
            line=line,
            column=col,
            sentence=ctx.sentence_text(ctx.token_sent[span.start]),
            value={"min": q.value_min, "max": q.value_max, "unit": q.unit},
            normalized={"min": _clean(q.norm_min), "max": _clean(q.norm_max), "unit": q.normalized_unit},
            vague=q.vague,
            setting=ctx.setting_for(span, _implied_setting(kind, q)),
            subject=subject,
            target=target,
            modality=modality,
            indication=ctx.indication_for(span),
            frequency=q.frequency,
            approximate=q.approximate,
            unit_written=not q.flags.get("bare", False),
            enumeration=ctx.enumeration_for(span),
            paragraph=ctx.sent_block[ctx.token_sent[span.start]],
            section=section if section >= 0 else None,
            mention=mention,
        )

    def _modality(self, ctx: "_DocContext", span: Span, kind: Kind | None, permission: bool = False) -> str:
        sent_i = ctx.token_sent[span.start]
        best = "asserted"
        for m in ctx.nearby(sent_i, span.start, span.end, MODALITY_WINDOW):
            if m.cat != "MOD":
                continue
            # "avoid makeup for 24 hours" is the advice itself, but a harm said of a permission
            # ("vitamin C straight after can set off a reaction") warns against it, and a myth named
            # after one ("powder straight after is a myth") denies it
            if kind is not None and kind.advice_cues_are_claim and m.key in ("warning", "negated") \
                    and not (permission and m.sub == "backward"):
                continue
            if _overlap(span.start, span.end, m.start, m.end) or m.start in ctx.phrase_tokens:
                continue
            if m.sub == "forward" and m.end <= span.start:
                if span.start - m.end > MODALITY_WINDOW or ctx.terminated_between(span, m):
                    continue
                if m.key == "hypothetical" and ctx.doc[m.start].lower_ in ("if", "unless") and \
                        _MAIN_CLAUSE_AFTER_CONDITION.search(ctx.text, ctx.doc[m.end - 1].idx, span.start_char):
                    continue  # "If you want your scars to shift, go 1.0 mm": the advice is the main clause
            elif m.sub == "backward" and m.start >= span.end:
                # ", which is dangerous" judges the clause before it (", which can cause redness" only
                # tells what follows from it)
                judged = _CAUSAL.search(ctx.doc[m.start:m.end].text) is None
                if m.start - span.end > MODALITY_WINDOW or ctx.terminated_between(span, m, judged_by_which=judged):
                    continue
            else:
                continue
            if PRIORITY[m.key] > PRIORITY[best]:
                best = m.key
        if best == "asserted" and (kind is None or not kind.advice_cues_are_claim):
            # a sentence that opens with "Never" or "Don't" warns against all of it, however long ("Never
            # tell a client to put numbing cream on at home and sit with it under cling film for two hours")
            opening = next((m for m in ctx.of_category(sent_i, "MOD") if m.key == "warning" and m.sub == "forward"
                            and ctx.doc[m.start].idx == ctx.sents.first_char[sent_i]), None)
            if opening is not None and opening.end <= span.start and not ctx.terminated_between(span, opening) \
                    and not any(c in ctx.text[ctx.doc[opening.end - 1].idx : span.start_char] for c in ":—"):
                best = "warning"  # (not past a colon: "Don't expect instant results: collagen shows at 6 weeks")
        if best == "asserted" and (ctx.is_question(sent_i) or ctx.answer_option(sent_i)):
            best = "hypothetical"
        if ctx.in_myth_section(sent_i, span.start_char) and best in ("asserted", "hypothetical"):
            best = "negated"
        if best == "asserted" and (ctx.after_refusal(sent_i) or ctx.in_reason_for_refusal(sent_i, span.start_char)
                                   or ctx.in_warning_section(sent_i) or ctx.in_warned_list(sent_i)):
            best = "warning"
        if best in ("asserted", "hypothetical") and ctx.refused_next(sent_i):
            best = "warning"  # "You asked whether you could keep using your pen at home. Please don't."
        if best == "asserted" and ctx.rebutted(sent_i, span.text, span.end_char):
            best = "negated"
        if best == "asserted" and ctx.under_condition(sent_i):
            best = "hypothetical"
        return best


@dataclass
class _Sentences:
    """Sentence bounds as plain lists (token start/end, character start/end, first non-space
    character) and each token's sentence index: no Span or Token object per sentence or token."""

    start: list[int]
    end: list[int]
    start_char: list[int]
    end_char: list[int]
    first_char: list[int]
    token_sent: list[int]

    def __len__(self) -> int:
        return len(self.start)


def _sentences(doc: Doc) -> _Sentences:
    n = len(doc)
    if n == 0:
        return _Sentences([], [], [], [], [], [])
    if doc.has_annotation("DEP"):
        starts = numpy.array([s.start for s in doc.sents], dtype="int64")
    else:
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1)
        if not len(starts) or starts[0] != 0:
            starts = numpy.concatenate(([0], starts))
    ends = numpy.append(starts[1:], n)
    offsets = doc.to_array([IDX, LENGTH, IS_SPACE]).astype("int64")
    idx, length, is_space = offsets[:, 0], offsets[:, 1], offsets[:, 2]
    # the first non-space token of each sentence (the block it belongs to is found by its offset)
    non_space = numpy.append(numpy.flatnonzero(is_space == 0), n)
    first_tok = non_space[numpy.searchsorted(non_space, starts)]
    first_char = numpy.where(first_tok < ends, idx[numpy.minimum(first_tok, n - 1)], idx[starts])
    return _Sentences(
        start=starts.tolist(),
        end=ends.tolist(),
        start_char=idx[starts].tolist(),
        end_char=(idx[ends - 1] + length[ends - 1]).tolist(),
        first_char=first_char.tolist(),
        token_sent=numpy.repeat(numpy.arange(len(starts)), ends - starts).tolist(),
    )


def _quote_closes_between(ctx: "_DocContext", span: Span, hedge: _Match) -> bool:
    """Whether a quotation holding the phrase ends before the hedge after it ('"safe for all skin types,
    full stop", pointing out that unlike many lasers...'): the hedge is the writer's, not the quote's."""
    if hedge.start < span.end:
        return False
    gap = ctx.text[span.end_char : ctx.doc[hedge.start].idx]
    return any(q in gap for q in '"”»')  # not ’, which is also an apostrophe


def _bare_item(ctx: "_DocContext", kind: Kind, start: int, end: int, low: float | None, high: float | None,
               vague: bool = False, declared: bool = False) -> tuple[Span, Quantity, str] | None:
    """A number written without a unit, read in the kind's `bare_numbers` unit, as an item to classify
    (span, quantity, forced kind); None when outside the kind's range or not on tokens."""
    unit = lookup_unit(kind.bare_unit)
    if unit.dimension == "count" and any(v is not None and v != int(v) for v in (low, high)):
        return None  # "lesson 3.3": a bare count is a whole number
    lo = None if low is None else low * unit.factor
    hi = None if high is None else high * unit.factor
    bounds = ctx.offsets.expand(start, end)
    if not _within(kind.bare_numbers, lo, hi) or bounds is None or bounds[1] <= bounds[0]:
        return None
    q = Quantity(start, end, ctx.text[start:end], low, high, unit.canonical, unit.dimension, lo, hi, vague=vague)
    q.flags["bare"] = not declared
    return Span(ctx.doc, *bounds), q, kind.id


_COORDINATORS = frozenset({"and", "or", ",", ";", "but", "then", "while"})


def _not_about_the_treatment(ctx: "_DocContext", span: Span, q: Quantity, sent_i: int) -> bool:
    """Whether a time stated near the treatment is about something else: a step label of a schedule,
    sun care, another treatment, or what the business offers around the treatment."""
    sentence = ctx.sentence_text(sent_i)
    if q.flags.get("ordinal") and span.start_char == ctx.sents.first_char[sent_i] and _FREQUENCY_WORDS.search(sentence):
        return True  # "WEEKS 3-4 -- every other day": a step of a schedule, labelled by when it runs
    if (_just_before(ctx, span, _KEEP_USING, 40) and _SUNSCREEN.search(sentence)) \
            or _just_before(ctx, span, _SUNSCREEN_FOR, 40):
        return True  # "use SPF 50 daily, and keep using it for at least 3 months", "sunscreen every morning for a month"
    if ctx.about_another_treatment(sent_i, span):
        return True  # "A medium-depth TCA peel ... a week of visible peeling", a peel's column in a table
    if _just_before(ctx, span, _STEP_BEFORE, 30):
        return True  # "each click 0.25 mm", "in steps of 0.5 mm": how the device adjusts
    if _HYPHENATED_DURATION.fullmatch(span.text) and not _TREATMENT_NOUN_AFTER.match(ctx.text, span.end_char):
        return True  # "a 13-hour leg to Bangkok", "after a 31-hour labour"
    possessive = _POSSESSIVE.match(ctx.text, span.end_char) if q.dimension == "duration" else None
    if possessive and not _TREATMENT_NOUN_AFTER.match(ctx.text, possessive.end()):
        return True  # "a fortnight's stay", "a night's sleep", "48 hours' notice"
    if _just_before(ctx, span, _COURSE_SPAN_BEFORE, 60):
        return True  # "eight sessions over roughly three months"
    if _just_before(ctx, span, _DEVICE_UPKEEP_BEFORE, 80):
        return True  # "Replace the head every 3 months"
    if q.dimension == "duration" and _just_before(ctx, span, _POWER_BEFORE, 80):
        return True  # "A full charge takes about 2 hours and gives roughly 60 minutes of use"
    if q.dimension == "count" and span.start_char == ctx.sents.first_char[sent_i] and _SECTION_NUMBER.match(ctx.text, span.start_char):
        return True  # "14.3 Treatment protocol": a section number
    if _just_before(ctx, span, _LOOKBACK, 30):
        return True  # "isotretinoin in the last 6 months": a time before now, not about the treatment
    if q.frequency and _just_before(ctx, span, _OTHER_EVENT_BEFORE, 50):
        return True  # "This comes up every week": how often clients ask, not how often to treat
    if q.dimension == "duration" and _just_before(ctx, span, _PURCHASE_TERMS_BEFORE, 50):
        return True  # "Unused sessions can be refunded within 14 days"
    if q.dimension == "duration" and _just_before(ctx, span, _CONSULTATION_BEFORE, 90):
        return True  # "a consultation before the first treatment (usually 15 to 30 minutes)"
    return _ABOUT_THE_BUSINESS.match(sentence) is not None  # "Consultations are free and take about 20 minutes."


def _short_label(text: str) -> bool:
    """A line of six words or fewer with no closing punctuation: "**For the next 48 hours**"."""
    return len(text.split()) <= 6 and not text.rstrip(" *_").endswith((".", "!", "?", ";"))


def _just_before(ctx: "_DocContext", span: Span, pattern: re.Pattern, width: int) -> re.Match | None:
    """`pattern` searched in the `width` characters before a quantity (patterns end in `$`)."""
    return pattern.search(ctx.text, max(0, span.start_char - width), span.start_char)


def _superlative(doc: Doc, m: "_Match") -> bool:
    """"the most" and "at most" ("gets the most out of your routine", "at most 0.5 mm") are not the
    hedge "most (people)"."""
    return m.end - m.start == 1 and doc[m.start].lower_ == "most" and m.start > 0 and doc[m.start - 1].lower_ in ("the", "at")


def _coordinated(doc: Doc, start: int, end: int) -> bool:
    """Whether a conjunction or comma stands between tokens start and end."""
    return any(doc[i].lower_ in _COORDINATORS for i in range(start, end))


def _implied_setting(kind: Kind | None, q: Quantity) -> str | None:
    if kind is None or (q.norm_min is None and q.norm_max is None):
        return None
    return next((s for s, rng in kind.setting_by_value.items() if _within(rng, q.norm_min, q.norm_max)), None)


def _within(rng, lo: float | None, hi: float | None) -> bool:
    """Whether the stated bounds lie inside the range (an open bound is not stated)."""
    return not any(v is not None and ((rng.min is not None and v < rng.min) or (rng.max is not None and v > rng.max))
                   for v in (lo, hi))


class _Spans:
    """Character spans (start, end), sorted, answering "does anything overlap [start, end)?" by
    bisection (spans may overlap one another; the longest one bounds the search)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def plus(self, spans) -> "_Spans":
        return _Spans([*self.spans, *spans])

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return any(a < end and start < b for a, b in self.spans[lo:hi])


def _outermost(matches: list[_Match]) -> list[_Match]:
    """Drop each match lying inside a longer one ("no risk" in "no risk of scarring"); `matches` are
    sorted by start, longest first, so a containing match always comes earlier: one pass."""
    out = []
    max_end, start_of_max_end = -1, -1
    for m in matches:
        inside = max_end > m.end or (max_end == m.end and start_of_max_end < m.start)
        if not inside:
            out.append(m)
        if m.end > max_end:
            max_end, start_of_max_end = m.end, m.start
    return out


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    r = float(f"{x:.12g}")  # drop float noise (0.30000000000000004) but keep real precision
    return float(int(r)) if r == int(r) else r


class _DocContext:
    """Per-document lookups: sentences, blocks, sections and the cue matches in each sentence.

    Every lookup made per quantity is either cached per sentence or confined to a window of tokens
    around the quantity, so the work stays linear however many quantities a sentence or section holds."""

    def __init__(self, doc: Doc, annotator: ClaimAnnotator) -> None:
        self.doc = doc
        self.annotator = annotator
        self.text = doc_text(doc)
        self._device_length_kinds: list[Kind] | None = None
        self.sents = _sentences(doc)
        self.token_sent = self.sents.token_sent
        labels = annotator._labels
        self.matches: list[_Match] = []
        for match_id, start, end in annotator.matcher(doc):
            cat, key, sub, weight = labels[match_id]
            self.matches.append(_Match(cat, key, sub, weight, start, end))
        # tokens inside a kind's not-cue phrases ("every time", "hyaluronic acid"), per kind: its cues and
        # subjects there do not count
        covered = {(m.key, i) for m in self.matches if m.cat == "NOT" for i in range(m.start, m.end)}
        if covered:
            self.matches = [m for m in self.matches if m.cat not in ("KIND", "SUBJ", "TGT")
                            or not all((m.key, i) in covered for i in range(m.start, m.end))]
        self._offsets: TokenOffsets | None = None
        if annotator._price_cues:
            prices = list(_PRICE.finditer(self.text))
            if any(word in self.text for word in _CURRENCY_WORDS):
                prices += _PRICE_IN_WORDS.finditer(self.text)
            for m in prices:
                bounds = self.offsets.expand(m.start(), m.end())
                if bounds is not None and bounds[1] > bounds[0]:
                    for kind_id, weight in annotator._price_cues.items():
                        self.matches.append(_Match("KIND", kind_id, "", weight, *bounds))
        self.matches.sort(key=lambda m: (m.start, m.end))
        self.longest_match = max((m.end - m.start for m in self.matches), default=0)
        self.sent_matches: list[list[_Match]] = [[] for _ in range(len(self.sents))]
        for m in self.matches:
            self.sent_matches[self.token_sent[m.start]].append(m)
        self.sent_match_starts = [[m.start for m in ms] for ms in self.sent_matches]
        self._line_starts: list[int] | None = None
        self.sent_quantities: dict[int, list[Span]] = {}
        self._quantity_starts: dict[int, list[int]] = {}
        self._longest_quantity = 0
        self._sentence_text: dict[int, str] = {}
        self._introduces_list: dict[int, bool] = {}
        self._by_category: dict[tuple[int, str], list[_Match]] = {}
        self._keys: dict[tuple[int, str], set[str]] = {}
        self._earlier: dict[tuple[int, str, str], tuple[str, ...]] = {}
        self._following: dict[int, list[_Match]] = {}
        self._setting_matches: list[_Match] | None = None
        self._structure()

    @property
    def offsets(self) -> TokenOffsets:
        """Token character offsets, built once per document when first needed."""
        if self._offsets is None:
            self._offsets = TokenOffsets(self.doc)
        return self._offsets

    # -- per-sentence lookups -------------------------------------------------------------------
    def nearby(self, sent_i: int, start: int, end: int, window: int) -> list[_Match]:
        """The matches of the sentence that may lie within `window` tokens of [start, end)
        (a superset: callers still measure the distance)."""
        starts = self.sent_match_starts[sent_i]
        lo = bisect.bisect_left(starts, start - window - self.longest_match)
        hi = bisect.bisect_right(starts, end + window)
        return self.sent_matches[sent_i][lo:hi]

    def of_category(self, sent_i: int, cat: str) -> list[_Match]:
        key = (sent_i, cat)
        found = self._by_category.get(key)
        if found is None:
            found = self._by_category[key] = [m for m in self.sent_matches[sent_i] if m.cat == cat]
        return found

    def keys_in(self, sent_i: int, cat: str) -> set[str]:
        key = (sent_i, cat)
        found = self._keys.get(key)
        if found is None:
            found = self._keys[key] = {m.key for m in self.of_category(sent_i, cat)}
        return found

    def first_warning_end(self, sent_i: int) -> int:
        return min((m.end for m in self.of_category(sent_i, "MOD") if m.key == "warning"), default=1 << 62)

    def sentence_text(self, sent_i: int) -> str:
        text = self._sentence_text.get(sent_i)
        if text is None:
            s = self.sents
            text = self._sentence_text[sent_i] = " ".join(self.text[s.start_char[sent_i] : s.end_char[sent_i]].split())
        return text

    def is_question(self, sent_i: int) -> bool:
        return asks(self.sentence_text(sent_i))

    def index_quantities(self) -> None:
        for sent_i, spans in self.sent_quantities.items():
            spans.sort(key=lambda s: (s.start, s.end))
            self._quantity_starts[sent_i] = [s.start for s in spans]
            self._longest_quantity = max(self._longest_quantity, max(s.end - s.start for s in spans))

    def other_quantity_closer(self, sent_i: int, span: Span, m: _Match, d: int, past_before: bool = False) -> bool:
        """Whether a quantity of the sentence other than `span` lies closer than `d` tokens to `m`; with
        `past_before`, leaving out times counted back from the treatment ("five days before")."""
        spans = self.sent_quantities.get(sent_i, [])
        starts = self._quantity_starts.get(sent_i, [])
        lo = bisect.bisect_left(starts, m.start - d - self._longest_quantity)
        hi = bisect.bisect_right(starts, m.end + d)
        own_separated = None
        for o in spans[lo:hi]:
            if (o.start, o.end) == (span.start, span.end) or _distance(o.start, o.end, m.start, m.end) >= d:
                continue
            if past_before and _BEFORE_TREATMENT.match(self.text, o.end_char):
                continue
            # a comma between them, none between the subject and this quantity, and the other quantity
            # has its own subject nearer: "no makeup for 24 hours, no gym or sauna for 48 hours" gives
            # the gym to the 48 hours
            if own_separated is None:
                own_separated = self._separated(span.start, span.end, m)
            od = _distance(o.start, o.end, m.start, m.end)
            if not own_separated and od + 2 >= d and self._separated(o.start, o.end, m) and any(
                    n.cat == m.cat and n is not m and _distance(o.start, o.end, n.start, n.end) < od
                    for n in self.nearby(sent_i, o.start, o.end, od)):
                continue
            return True
        return False

    def _separated(self, start: int, end: int, m: _Match) -> bool:
        lo, hi = (end, m.start) if end <= m.start else (m.end, start)
        return any(t.text in (",", ";") for t in self.doc[lo:hi])

    def matches_within(self, sent_i: int, bounds: tuple[int, int]) -> list[_Match]:
        """The matches of the sentence that lie within token bounds (a table row's or column's header)."""
        starts = self.sent_match_starts[sent_i]
        lo, hi = bisect.bisect_left(starts, bounds[0]), bisect.bisect_left(starts, bounds[1])
        return [m for m in self.sent_matches[sent_i][lo:hi] if _inside(m, bounds)]

    def row_header(self, sent_i: int, span: Span) -> tuple[int, int] | None:
        """The token bounds of the first cell of the table row a quantity sits in, when the quantity is
        in a later cell: each cell of "| Retinol | After 48 hours | After 5 to 7 days |" is about it."""
        b = self.sent_block[sent_i]
        if b < 0 or self.blocks[b].kind != "row" or not self.blocks[b].cells:
            return None
        cells = self.blocks[b].cells
        if self._column(b, span.start_char) < 1:
            return None
        return self.offsets.expand(*cells[0])

    def column_header(self, sent_i: int, span: Span) -> tuple[int, int] | None:
        """The token bounds of the header cell over the table cell a quantity sits in."""
        bounds = self._header_bounds(self.sent_block[sent_i], span.start_char)
        return bounds if bounds is not None and bounds[1] > bounds[0] else None

    def quantity_follows(self, sent_i: int, m: _Match, window: int) -> bool:
        """Whether a quantity of the sentence starts after `m`, within `window` tokens of it."""
        starts = self._quantity_starts.get(sent_i, [])
        i = bisect.bisect_left(starts, m.end)
        return i < len(starts) and starts[i] - m.end <= window

    # -- structure ------------------------------------------------------------------------
    def _structure(self) -> None:
        doc = self.doc
        blocks: list[Block] = doc_blocks(doc)
        starts = [b.start for b in blocks]
        self.sent_block = []
        for first in self.sents.first_char:
            i = bisect.bisect_right(starts, first) - 1
            if i >= 0 and blocks[i].start <= first < max(blocks[i].end, blocks[i].start + 1):
                self.sent_block.append(i)
            else:
                self.sent_block.append(-1 - (i if i >= 0 else 0) - 1_000_000)  # outside any block
        self.block_sents: dict[int, list[int]] = defaultdict(list)
        for si, b in enumerate(self.sent_block):
            self.block_sents[b].append(si)
        # sections: heading block index for each block; ancestors from the heading stack
        self.block_section: list[int] = []
        self.section_parents: dict[int, list[int]] = {-1: []}
        stack: list[tuple[int, int]] = []  # (level, block index)
        current = -1
        for i, b in enumerate(blocks):
            if b.kind == "heading":
                while stack and stack[-1][0] >= b.level:
                    stack.pop()
                self.section_parents[i] = [h for _, h in stack]
                stack.append((b.level, i))
                current = i
            self.block_section.append(current)
        self.blocks = blocks
        # the first block of each run of consecutive blocks of one kind (a list's first item, a table's
        # header row)
        self.run_start = list(range(len(blocks)))
        for i in range(1, len(blocks)):
            if blocks[i].kind == blocks[i - 1].kind:
                self.run_start[i] = self.run_start[i - 1]
        # setting cues per sentence
        disc_ends: dict[int, set[int]] = defaultdict(set)  # token where a discount cue ends -> its sentences
        for m in self.matches:
            if m.cat == "DISC":
                disc_ends[m.end].add(self.token_sent[m.start])
        not_setting = {i for m in self.matches if m.cat == "NOTSET" for i in range(m.start, m.end)}
        self.sent_setting: list[list[_Match]] = [[] for _ in range(len(self.sents))]
        for m in self.matches:
            if m.cat != "SET":
                continue
            sent_i = self.token_sent[m.start]
            if any(sent_i in disc_ends.get(m.start - k, ()) for k in range(6)):
                continue
            if not_setting and all(i in not_setting for i in range(m.start, m.end)):
                continue  # "dermatologist-tested": a product's label, not where it is used
            self.sent_setting[sent_i].append(m)
        self.sent_setting_starts = [[m.start for m in ms] for ms in self.sent_setting]
        self.block_score: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.section_score: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.doc_score: dict[str, float] = defaultdict(float)
        self._page_scores: dict[str, float] | None = None
        self._research: dict[int, bool] = {}
        self._condition_leads: dict[int, bool] = {}
        self._naming: dict[int, int | None] = {}
        self._has_clause_break: dict[int, bool] = {}
        self._quoted_leads: dict[int, int | None] = {}
        self.kind_columns: dict[tuple[int, str], set[int]] = {}
        # tokens inside a phrase check's match: the "no" of "no downtime" is the phrase's own word, not a
        # negation of what else the sentence says ("next-to-no downtime and is safe for all skin types")
        self.phrase_tokens = {i for m in self.matches if m.cat == "PHR" for i in range(m.start, m.end)}
        self._rebuttals: dict[int, str | None] = {}
        # per sentence, once: many claims may look at the same sentence before or after them
        self._refusals: dict[int, re.Match | None] = {}
        self._refuses_previous: dict[int, bool] = {}
        self._heading_cues: dict[int, list[tuple[_Match, float]]] = {}
        self.section_heading_score: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for si, ms in enumerate(self.sent_setting):
            b = self.sent_block[si]
            sec = self.block_section[b] if b >= 0 else -1
            for m in ms:
                self.block_score[b][m.key] += m.weight
                self.section_score[sec][m.key] += m.weight
                self.doc_score[m.key] += m.weight
                if b >= 0 and blocks[b].kind == "heading":
                    self.section_heading_score[b][m.key] += m.weight
        # myth sections
        self.label_matches = sorted((m for m in self.matches if m.cat in ("MYTH", "FACT")), key=lambda m: m.start)
        self.label_starts = [m.start for m in self.label_matches]
        self.myth_sections: set[int] = set()
        self.warning_sections: set[int] = set()
        for m in self.matches:
            if m.cat in ("MYTH", "WARNHEAD"):
                b = self.sent_block[self.token_sent[m.start]]
                if b >= 0 and blocks[b].kind == "heading":
                    (self.myth_sections if m.cat == "MYTH" else self.warning_sections).add(b)
        # a page about myths, or one that sets out to debunk what it quotes, whose headings are quoted
        # statements ('## 2. "You need to roll every day."'): each such heading is a myth and the text
        # under it the answer
        first_myth = min((self.sent_block[self.token_sent[m.start]] for m in self.matches if m.cat in ("MYTH", "DEBUNK")),
                         default=None)
        self.myth_statements: set[int] = set()
        if first_myth is not None:
            for b in range(max(first_myth, 0), len(blocks)):
                block = blocks[b]
                if block.kind == "heading" and _QUOTED_HEADING.fullmatch(self.text, block.start, block.end):
                    self.myth_statements.add(b)
        # a list of quoted statements under a lead-in naming them myths ("Myths you will hear from
        # clients:" then '- "You only need one treatment."')
        for m in self.matches:
            b = self.sent_block[self.token_sent[m.start]] if m.cat == "MYTH" else -1
            if b < 0 or blocks[b].kind == "heading":
                continue
            item = b + 1
            while item < len(blocks) and blocks[item].kind == "item":
                if _QUOTED_HEADING.fullmatch(self.text, blocks[item].start, blocks[item].end):
                    self.myth_statements.add(item)
                item += 1
        self.fact_sents = {self.token_sent[m.start] for m in self.matches if m.cat == "FACT" and m.start == self.sents.start[self.token_sent[m.start]]}
        self.first_fact_of_block: dict[int, int] = {}
        for f in sorted(self.fact_sents):
            self.first_fact_of_block.setdefault(self.sent_block[f], f)

    def question_in_previous_paragraph(self, sent_i: int) -> int | None:
        """For the first sentence of a paragraph that answers the paragraph before it ("Question: Can I
        wear makeup after?" / "Answer: Yes, right away."), or of a lettered option in the list under it
        ("(b) Straight after"), that question sentence."""
        b = self.sent_block[sent_i]
        if sent_i == 0 or b <= 0 or self.sent_block[sent_i - 1] == b:
            return None
        first = self.run_start[b]
        if first != b and self.blocks[b].kind == "item" and _ANSWER_OPTION.match(self.text, self.blocks[b].start):
            # a later option of a multiple-choice question answers the question above the list
            sentences = self.block_sents.get(first)
            return self.question_in_previous_paragraph(sentences[0]) if sentences else None
        if self.blocks[b].kind == "heading" or self.blocks[b - 1].kind == "heading":
            return None  # a heading's question is the section's context already
        seen = 0
        for k in range(sent_i - 1, max(sent_i - 5, -1), -1):  # past a trailing "4 votes" or "Posted by ..."
            if self.sent_block[k] < 0:
                continue  # the space between two blocks
            if self.sent_block[k] != b - 1 or seen == 2:
                return None
            if self.is_question(k):
                return k
            seen += 1
        return None

    def device_length_kinds(self) -> list[Kind]:
        """The kinds measured in lengths whose device or measure the page names (a cue of weight >= 1.5)."""
        if self._device_length_kinds is None:
            named = {m.key for m in self.matches if m.cat == "KIND" and m.weight >= 1.5}
            self._device_length_kinds = [k for k in self.annotator.kinds.values() if k.dimension == "length" and k.id in named]
        return self._device_length_kinds

    def answers_how_many(self, sent_i: int) -> bool:
        """Whether the sentence is a lettered option under a "How many ...?" question ("(a) One session")."""
        if not self.answer_option(sent_i):
            return False
        question = self.question_before(sent_i)
        return bool(question) and "how many" in self.sentence_text(question[-1]).lower()

    def question_before(self, sent_i: int) -> list[int] | None:
        """The question this sentence answers: the previous sentence of its block when that is a
        question, the question above its list when it is a lettered option, else its section heading
        when that is one and this sentence is in the first block under it. None otherwise."""
        b = self.sent_block[sent_i]
        if sent_i > 0 and self.sent_block[sent_i - 1] == b and self.is_question(sent_i - 1):
            return [sent_i - 1]
        if self.answer_option(sent_i):
            lead = self._list_lead(b)
            return [lead] if lead is not None else None
        sec = self.section_of(sent_i)
        if sec < 0 or sec == b or b != sec + 1:
            return None
        heading = self.block_sents.get(sec, [])
        return heading if heading and self.is_question(heading[-1]) else None

    def enumeration_for(self, span: Span) -> tuple | None:
        """The enumeration entry of a quantity: its sentence's, and in a table row its cell's (the columns
        of a row are different things: "Full face | 20–30 minutes | 75 minutes")."""
        sent_i = self.token_sent[span.start]
        found = self.enumeration_of(sent_i)
        b = self.sent_block[sent_i]
        if found is not None and b >= 0 and self.blocks[b].cells:
            found = (found[0], (b, self._column(b, span.start_char)))
        return found

    def enumeration_of(self, sent_i: int) -> tuple | None:
        """The enumeration (a list, a table, a run of sibling headings) whose entry holds this sentence,
        and which entry: ((kind, first block or parent section, level), block index)."""
        b = self.sent_block[sent_i]
        if b < 0:
            return None
        block = self.blocks[b]
        if block.kind in ("item", "row"):
            return (("list", self.run_start[b], 0), b)
        if block.kind == "heading":
            parents = self.section_parents.get(b, [])
            return (("headings", parents[-1] if parents else -1, block.level), b)
        sec = self.block_section[b]
        if sec >= 0 and _STAGE_HEADING.match(self.text, self.blocks[sec].start, self.blocks[sec].end):
            # the text under "WEEK 2", "Days 4-7" or "Step 3" belongs to that stage, like the heading itself
            return self.enumeration_of(self.block_sents[sec][0]) if self.block_sents.get(sec) else None
        return None

    def answer_option(self, sent_i: int) -> bool:
        """Whether the sentence is a lettered option of a multiple-choice question ("(b) 1.5 mm" in the
        list under "Which needle length ...?"): offered to choose from, not asserted."""
        b = self.sent_block[sent_i]
        if b < 0 or self.blocks[b].kind != "item" or not _ANSWER_OPTION.match(self.text, self.blocks[b].start):
            return False
        lead = self._list_lead(b)
        return lead is not None and self.is_question(lead)

    def _list_lead(self, b: int) -> int | None:
        """The last sentence (not blank) of the block right before the list that block `b` belongs to:
        the question over lettered options, or the lead-in over a list ("Please don't:")."""
        sentences = [k for k in self.block_sents.get(self.run_start[b] - 1, []) if self.sentence_text(k)]
        return sentences[-1] if sentences else None

    def about_research(self, sent_i: int) -> bool:
        found = self._research.get(sent_i)
        if found is None:
            found = self._research[sent_i] = _RESEARCH.search(self.sentence_text(sent_i)) is not None
        return found

    def after_refusal(self, sent_i: int) -> bool:
        """Whether one of the two sentences before this one in its paragraph is a bare refusal ("Please
        don't.", "I'd advise against it.") or opens a cautionary tale ("Don't do what I did."): what
        follows explains why not (and, further on, moves on)."""
        b = self.sent_block[sent_i]
        k = sent_i - 1
        while k >= 0 and self.sent_block[k] == b and sent_i - k <= 2:
            if self._refusal(k) or _CAUTIONARY_TALE.match(self.sentence_text(k)):
                return True
            k -= 1
        return False

    def _refusal(self, sent_i: int) -> re.Match | None:
        """The sentence as a bare refusal (`_REFUSAL`), if it is one."""
        if sent_i not in self._refusals:
            self._refusals[sent_i] = _REFUSAL.fullmatch(self.sentence_text(sent_i))
        return self._refusals[sent_i]

    def _next_in_paragraph(self, sent_i: int) -> int | None:
        k = sent_i + 1
        return k if k < len(self.sents) and self.sent_block[k] == self.sent_block[sent_i] else None

    def in_reason_for_refusal(self, sent_i: int, char: int) -> bool:
        """Whether `char` lies in the reason a refusal gives after a colon in its own sentence ("Please
        don't: a pen at home is exactly where we see infections")."""
        text = self.sentence_text(sent_i)
        m = self._refusal(sent_i)
        if m is None or m.group("reason") is None:
            return False
        # the reason starts after as many non-space characters in the page as in the normalized sentence
        before = len("".join(text[: m.start("reason")].split()))
        return len("".join(self.text[self.sents.start_char[sent_i] : char].split())) >= before

    def refused_next(self, sent_i: int) -> bool:
        """Whether the next sentence of this paragraph is a bare refusal of this one ("Say no."), or the
        one after it, past a remark that states no value ("Dan's roller: 1.5 mm. That's a clinic length.
        Do NOT use it at home.")."""
        k = self._next_in_paragraph(sent_i)
        for _ in range(2):
            if k is None:
                return False
            if k not in self._refuses_previous:
                said = self.sentence_text(k).rstrip("]) ")  # "[on-screen text: ... do NOT use it at home]"
                self._refuses_previous[k] = _REFUSAL_OF_PREVIOUS.fullmatch(
                    said if said.endswith((".", "!")) else said + ".") is not None
            if self._refuses_previous[k]:
                return True
            if self.sent_quantities.get(k):
                return False
            k = self._next_in_paragraph(k)
        return False

    def reported_quote(self, sent_i: int, start_char: int, end_char: int) -> bool:
        """Whether a phrase stands in quotation marks that its sentence attributes to someone else
        ('the clinic's leaflet says "no downtime"'), rather than saying it in its own voice."""
        first, last = self.sents.start_char[sent_i], self.sents.end_char[sent_i]
        before = self.text[first:start_char]
        opened = max(before.rfind(q) for q in _OPENING_QUOTES)
        if opened < 0 or (before.count('"') % 2 == 0 and before[opened] == '"'):
            return False
        after = self.text[end_char:last]
        closed = min((i for i in (after.find(q) for q in _CLOSING_QUOTES) if i >= 0), default=-1)
        if closed < 0 or any(q in before[opened + 1:] for q in "”»"):
            return False
        lead = self.text[first:first + opened]
        if _OWN_VOICE.search(lead):
            return False  # 'our clients say it is "completely painless"': the business endorses it
        return _REPORTING_VERB.search(lead + " " + after[closed + 1:]) is not None

    def rebutted(self, sent_i: int, said: str, end_char: int | None = None) -> bool:
        """Whether the next sentence of this paragraph flatly denies this one ('... calls it "zero
        downtime". It is not zero downtime.', '"FDA-approved and totally safe". They're not.'), or, for
        the text ending at `end_char`, what follows a colon after it in the sentence does ('clinics that
        market it as painless: "It isn't."')."""
        if end_char is not None:
            colon = self.text.find(":", end_char, self.sents.end_char[sent_i])
            if colon >= 0:
                m = _REBUTTAL.match(self.text, colon + 1, self.sents.end_char[sent_i])
                if m is not None and not m.group("repeated"):
                    return True
        k = self._next_in_paragraph(sent_i)
        if k is None:
            return False
        if k not in self._rebuttals:  # once per sentence: many claims may share the sentence before it
            m = _REBUTTAL.match(self.sentence_text(k))
            self._rebuttals[k] = None if m is None else " ".join((m.group("repeated") or "").lower().split())
        repeated = self._rebuttals[k]
        # "It was not instant." denies '"instant results"': the denial may repeat part of what was said
        return repeated is not None and (repeated == "" or f" {repeated} " in f" {' '.join(said.lower().split())} ")

    def about_another_treatment(self, sent_i: int, span: Span) -> bool:
        """Whether a quantity is about another treatment than ours: in a table, its column header names
        another and not ours; elsewhere, its sentence does."""
        b = self.sent_block[sent_i]
        header = self._header_cell(b, self._column(b, span.start_char)) if b >= 0 and self.blocks[b].cells else None
        if header is not None:
            start, end = header
            found = {m.cat for k in self.block_sents.get(self.run_start[b], ())
                     for m in self.of_category(k, "OTHER") + self.of_category(k, "OURS") if start <= self.doc[m.start].idx < end}
            if found:
                return found == {"OTHER"}
        others, ours = self.of_category(sent_i, "OTHER"), self.of_category(sent_i, "OURS")
        if others and ours:
            # a sentence naming both is about the one named nearer the quantity ("A medium-depth peel means
            # seven to ten days of peeling, so we never combine it with microneedling")
            nearest = lambda ms: min(_distance(span.start, span.end, m.start, m.end) for m in ms)  # noqa: E731
            return nearest(others) < nearest(ours)
        # a sentence naming neither is about what its paragraph last named ("**Fractional lasers** fire
        # columns of heat. Ablative ones can leave you pink for two weeks.")
        named = self._last_naming_sentence(sent_i)
        return named is not None and bool(self.of_category(named, "OTHER")) and not self.of_category(named, "OURS")

    def _last_naming_sentence(self, sent_i: int) -> int | None:
        """The last sentence of this one's block, up to this one, that names our treatment or another."""
        walked = []
        k, found = sent_i, None
        while k >= 0 and (k == sent_i or self.sent_block[k] == self.sent_block[sent_i]):
            if k in self._naming:
                found = self._naming[k]
                break
            walked.append(k)
            if self.of_category(k, "OTHER") or self.of_category(k, "OURS"):
                found = k
                break
            k -= 1
        for k in walked:
            self._naming[k] = found
        return found

    def under_condition(self, sent_i: int) -> bool:
        """Whether the sentence completes a condition opened by its section heading or by the lead-in of
        the list it is an item of ("CALL US IF" over "Redness lasts beyond 5 days")."""
        b = self.sent_block[sent_i]
        if b < 0:
            return False
        sec = self.block_section[b]
        if sec >= 0 and sec != b and self._opens_condition(sec):
            return True
        lead = self.run_start[b] - 1
        return self.blocks[b].kind == "item" and lead >= 0 and self.blocks[lead].kind == "paragraph" and self._opens_condition(lead)

    def _opens_condition(self, b: int) -> bool:
        found = self._condition_leads.get(b)
        if found is None:
            block = self.blocks[b]
            found = self._condition_leads[b] = _CONDITION_LEAD.search(self.text, block.start, block.end) is not None
        return found

    def section_of(self, sent_i: int) -> int:
        b = self.sent_block[sent_i]
        return self.block_section[b] if b >= 0 else -1

    def in_warned_list(self, sent_i: int) -> bool:
        """Whether the sentence opens an entry of a list that a refusal introduces ("Please don't:",
        "Never say:") or one marked as rejected ("❌ ...")."""
        b = self.sent_block[sent_i]
        if b < 0 or self.blocks[b].kind != "item" or (sent_i > 0 and self.sent_block[sent_i - 1] == b):
            return False  # the entry's first sentence only: what follows may explain ("... ours is 0.25 mm")
        if _REJECTED_MARK.match(self.text, self.blocks[b].start):
            return True
        lead = self._list_lead(b)
        return lead is not None and _WARNING_LEAD.search(self.sentence_text(lead)) is not None

    def in_warning_section(self, sent_i: int) -> bool:
        """Whether the sentence sits under a heading that warns against what the section lists
        ("Warning signs", "Red flags"), or under a parent of it."""
        if not self.warning_sections:
            return False
        sec = self.section_of(sent_i)
        return any(s in self.warning_sections for s in (sec, *self.section_parents.get(sec, [])))

    def in_myth_section(self, sent_i: int, char: int) -> bool:
        b = self.sent_block[sent_i]
        if b in self.myth_statements:
            return True
        column = self._column_label(b, char)
        if column is not None:  # | What the sellers say | What experts say |
            return column == "MYTH"
        sec = self.section_of(sent_i)
        chain = [sec, *self.section_parents.get(sec, [])]
        if not any(s in self.myth_sections for s in chain):
            return False
        if sent_i in self.fact_sents:
            return False
        quoted_end = self._quoted_lead_end(b)
        if quoted_end is not None:  # the quoted statement is the myth, the rest of its paragraph the answer
            return self.sents.start_char[sent_i] < quoted_end
        # a "Fact:" label earlier in the same block covers the rest of the block
        return self.first_fact_of_block.get(self.sent_block[sent_i], 1 << 62) > sent_i

    def _quoted_lead_end(self, b: int) -> int | None:
        """Where the quoted statement a paragraph opens with ends (once per paragraph), or None."""
        if b < 0:
            return None
        if b not in self._quoted_leads:
            found = _QUOTED_LEAD.match(self.text, self.blocks[b].start, self.blocks[b].end)
            self._quoted_leads[b] = found.end() if found else None
        return self._quoted_leads[b]

    def context_subjects(self, sent_i: int, kind_id: str, cat: str = "SUBJ") -> list[str]:
        """Subjects (or, with cat "TGT", targets) of a kind named in the sentences before this one in its
        block (the nearest sentence first), then in its section heading; each once."""
        out = list(self._earlier_subjects(sent_i, kind_id, cat))
        asked = self.question_in_previous_paragraph(sent_i)
        if asked is not None:
            out.extend(m.sub for m in self.of_category(asked, cat) if m.key == kind_id)
        b = self.sent_block[sent_i]
        sec = self.section_of(sent_i)
        if sec >= 0 and sec != b:
            for k in self.block_sents.get(sec, ()):
                out.extend(m.sub for m in self.of_category(k, cat) if m.key == kind_id)
        return list(dict.fromkeys(out))

    def _earlier_subjects(self, sent_i: int, kind_id: str, cat: str) -> tuple[str, ...]:
        # built forward from the block's first sentence and memoized, so a long paragraph stays linear
        key = (sent_i, kind_id, cat)
        found = self._earlier.get(key)
        if found is not None:
            return found
        b = self.sent_block[sent_i]
        first = sent_i
        while first > 0 and self.sent_block[first - 1] == b and (first - 1, kind_id, cat) not in self._earlier:
            first -= 1
        for j in range(first, sent_i + 1):
            if j == 0 or self.sent_block[j - 1] != b:
                acc: tuple[str, ...] = ()
            else:
                own = tuple(m.sub for m in self.of_category(j - 1, cat) if m.key == kind_id)
                acc = tuple(dict.fromkeys(own + self._earlier[(j - 1, kind_id, cat)]))
            self._earlier[(j, kind_id, cat)] = acc
        return self._earlier[key]

    def introduces_list(self, sent_i: int) -> bool:
        found = self._introduces_list.get(sent_i)
        if found is None:
            text = self.sentence_text(sent_i)
            b = self.sent_block[sent_i]
            found = self._introduces_list[sent_i] = (
                text.endswith(":") or "the following" in text.lower()
                or (b >= 0 and self.blocks[b].kind == "heading" and b + 1 < len(self.blocks) and self.blocks[b + 1].kind == "item")
                # a short label line right over a list: "**For the next 48 hours**" over "- No gym or hot yoga."
                or (b >= 0 and b + 1 < len(self.blocks) and self.blocks[b].kind == "paragraph"
                    and self.blocks[b + 1].kind == "item" and self.blocks[b].end - self.blocks[b].start <= 80
                    and _short_label(self.text[self.blocks[b].start:self.blocks[b].end])
                    and not _BLANK_LINE.search(self.text, self.blocks[b].end, self.blocks[b + 1].start))
            )
        return found

    def kind_context(self, sent_i: int, timeline: bool = False, ancestors: bool = False):
        """Cue matches from the previous sentence of the block and from the section heading, with weights;
        for a `timeline` quantity ("Days 1–3") that is a whole heading, from the first sentence below it."""
        b = self.sent_block[sent_i]
        if timeline and b >= 0 and self.blocks[b].kind == "heading" and len(self.block_sents.get(b, ())) == 1:
            below = self.block_sents.get(b + 1, ()) if b + 1 < len(self.blocks) and self.blocks[b + 1].kind != "heading" else ()
            if below and len(self.sent_matches[sent_i]) <= 1:
                for m in self.sent_matches[below[0]]:
                    yield m, HEADING_FACTOR
        if sent_i > 0 and b >= 0 and self.sent_block[sent_i - 1] == b:
            for m in self.sent_matches[sent_i - 1]:
                yield m, PREVIOUS_SENTENCE_FACTOR
        sec = self.section_of(sent_i)
        if sec >= 0 and sec != b:
            for k in self.block_sents.get(sec, ()):
                for m in self.sent_matches[k]:
                    yield m, HEADING_FACTOR
        if ancestors and sec >= 0:  # a frequency under "How often should you microneedle?" > "At home"
            for parent in self.section_parents.get(sec, ()):
                yield from self._heading_kind_cues(parent)

    def _heading_kind_cues(self, heading: int) -> list[tuple[_Match, float]]:
        """A heading's kind cues, one (the first) per kind, with the heading factor."""
        cues = self._heading_cues.get(heading)
        if cues is None:
            first: dict[str, _Match] = {}
            for k in self.block_sents.get(heading, ()):
                for m in self.sent_matches[k]:
                    if m.cat == "KIND":
                        first.setdefault(m.key, m)
            cues = self._heading_cues[heading] = [(m, HEADING_FACTOR) for m in first.values()]
        return cues

    def following_item_matches(self, sent_i: int) -> list[_Match]:
        """Matches in the list items right after the block of this sentence."""
        found = self._following.get(sent_i)
        if found is None:
            found = self._following[sent_i] = []
            b = self.sent_block[sent_i]
            k = b + 1 if b >= 0 else len(self.blocks)
            while k < len(self.blocks) and self.blocks[k].kind == "item":
                if k > b + 1 and _BLANK_LINE.search(self.text, self.blocks[k - 1].end, self.blocks[k].start):
                    break  # a list set off by a blank line is another list ("- Keep out of the sun for 48 hours")
                for j in self.block_sents.get(k, ()):
                    found.extend(self.sent_matches[j])
                k += 1
        return found

    @staticmethod
    def _gap(span: Span, m: _Match) -> tuple[int, int] | None:
        """The tokens between a quantity and a match (either order), or None when they touch."""
        lo, hi = (m.end, span.start) if m.end <= span.start else (span.end, m.start)
        return (lo, hi) if lo < hi else None

    def clause_break_between(self, span: Span, m: _Match) -> bool:
        sent_i = self.token_sent[span.start]
        has_break = self._has_clause_break.get(sent_i)
        if has_break is None:
            has_break = self._has_clause_break[sent_i] = _CLAUSE_BREAK.search(
                self.text, self.sents.start_char[sent_i], self.sents.end_char[sent_i]) is not None
        gap = self._gap(span, m) if has_break else None
        if gap is None:
            return False
        lo, hi = gap
        idx = self.offsets.idx
        return _CLAUSE_BREAK.search(self.text, idx[lo - 1] if lo else 0, idx[hi]) is not None

    def other_clause(self, span: Span, m: _Match) -> bool:
        """Whether a match lies in another clause than the span: past a terminator, ';', or a comma
        before "and", "but", "so" ("completely pain-free with numbing, and most clients are back...")."""
        gap = self._gap(span, m)
        if gap is None:
            return False
        idx = self.offsets.idx
        start, end = idx[gap[0] - 1] if gap[0] else 0, idx[gap[1]]
        return self.terminated_between(span, m) or _CLAUSE_JOIN.search(self.text, start, end) is not None

    def terminated_between(self, span: Span, m: _Match, judged_by_which: bool = False) -> bool:
        gap = self._gap(span, m)
        if gap is None:
            return False
        lo, hi = gap
        sent_i = self.token_sent[span.start]
        for t in self.nearby(sent_i, lo, hi, 0):
            if t.cat == "TERM" and lo <= t.start and t.end <= hi:
                if judged_by_which and self.doc[t.start].lower_ == "which" and t.start > 0 \
                        and self.doc[t.start - 1].text == ",":
                    continue
                return True
        for tok in self.doc[lo:hi]:
            if tok.text == ";" or (tok.text == "/" and tok.whitespace_ and tok.i > 0 and self.doc[tok.i - 1].whitespace_):
                return True  # "no makeup 24 hrs / no retinol 3 days": a spaced slash separates items
        return False

    # -- setting & indication ------------------------------------------------------------------
    def setting_for(self, span: Span, implied: str | None = None) -> str | None:
        """The setting of a claim at `span`: from its table column, the cues around it, else its value's
        `implied` setting (a kind's `setting_by_value`), else its paragraph, section and page."""
        sent_i = self.token_sent[span.start]
        column = self._table_column_setting(sent_i, span)
        if column:
            return column
        local: dict[str, float] = defaultdict(float)
        starts = self.sent_setting_starts[sent_i]
        lo = bisect.bisect_left(starts, span.start - SETTING_WINDOW - self.longest_match)
        hi = bisect.bisect_right(starts, span.end + SETTING_WINDOW)
        for m in self.sent_setting[sent_i][lo:hi]:
            d = _distance(span.start, span.end, m.start, m.end)
            if d <= SETTING_WINDOW:
                local[m.key] += m.weight / (1.0 + d / 4.0)
        if max(local.values(), default=0.0) < 1.0 and self.about_research(sent_i):
            return None  # "In one animal study, roller needles 770 µm long...": a research figure, no setting
        decided = _decide(local, margin=1.0)
        if implied and (decided is None or local[decided] < WEAK_SETTING_EVIDENCE):
            # ... unless its paragraph names the other setting, or the page plainly does and nothing
            # around the value names the implied one ("After your first visit, come back weekly")
            block = self.block_score.get(self.sent_block[sent_i], {})
            if _decide(block, margin=1.0) in (None, implied):
                page = _decide(self.doc_score, margin=3.0, minimum=2.0)
                if page in (None, implied) or local.get(implied, 0.0) > 0 or block.get(implied, 0.0) > 0:
                    return implied
        if decided and local[decided] < WEAK_SETTING_EVIDENCE:
            # one weak cue ("we recommend" on a seller's page) does not overturn a page that is plainly
            # about the other setting
            page = _decide(self.doc_score, margin=3.0, minimum=5.0)
            if page and page != decided:
                return page
        if decided:
            return decided
        b = self.sent_block[sent_i]
        decided = _decide(self.block_score.get(b, {}), margin=1.0)
        if decided:
            return decided
        sec = self.section_of(sent_i)
        if sec != b:  # the section's own heading ("## At home") outweighs cues elsewhere in the section
            decided = _decide(self.section_heading_score.get(sec, {}), margin=1.0)
            if decided:
                return decided
        decided = self._title_setting() or _decide(self.section_score.get(sec, {}), margin=1.5, minimum=0.9)
        if decided:
            return decided
        for parent in reversed(self.section_parents.get(sec, [])):
            decided = _decide(self.section_heading_score.get(parent, {}), margin=1.0)
            if decided:
                return decided
        return _decide(self.doc_score, margin=2.5, minimum=2.0) or _decide(self._page_score(), margin=2.5, minimum=2.0)

    def _title_setting(self) -> str | None:
        """The setting the page's first block (its title: "At-home derma pens: what sellers promise",
        "Groups › Derma Rolling Support") names, for a page whose cues are otherwise balanced."""
        return _decide(self.block_score.get(0, {}), margin=1.0) if self.blocks else None

    def _page_score(self) -> dict[str, float]:
        """The page's setting cues, leaving out sections whose own heading names a setting: a clinic
        page's "Can I do this at home?" section says nothing about the rest of the page."""
        if self._page_scores is None:
            own = {sec for sec, scores in self.section_heading_score.items() if _decide(scores, margin=1.0)}
            scores: dict[str, float] = defaultdict(float)
            for sec, sec_scores in self.section_score.items():
                if sec not in own:
                    for key, weight in sec_scores.items():
                        scores[key] += weight
            self._page_scores = scores
        return self._page_scores

    def _table_column_setting(self, sent_i: int, span: Span) -> str | None:
        """In a table row: the setting named in the quantity's own cell, else in its column's header
        ("| | Home roller | Clinic pen |"): a comparison table puts each setting in its own column."""
        b = self.sent_block[sent_i]
        if b < 0 or self.blocks[b].kind != "row" or not self.blocks[b].cells:
            return None
        cells = self.blocks[b].cells
        char = span.start_char
        col = self._column(b, char)
        if col < 0 or not cells[col][0] <= char < cells[col][1]:
            return None
        decided = self._setting_between(*cells[col])
        if decided:
            return decided
        header = self._header_cell(b, col)
        return self._setting_between(*header) if header is not None else None

    def _column_label(self, b: int, char: int) -> str | None:
        """MYTH or FACT when a table cell's column header is labelled as one ("Myth", "What the sellers
        say" / "Fact", "What experts say")."""
        bounds = self._header_bounds(b, char)
        if bounds is None:
            return None
        i = bisect.bisect_left(self.label_starts, bounds[0])
        while i < len(self.label_matches) and self.label_matches[i].start < bounds[1]:
            if self.label_matches[i].end <= bounds[1]:
                return self.label_matches[i].cat
            i += 1
        return None

    def _header_bounds(self, b: int, char: int) -> tuple[int, int] | None:
        """The token bounds of the header cell over the cell at `char` of block `b`, when `b` is a table
        row under a header row."""
        if b < 0 or self.blocks[b].kind != "row" or not self.blocks[b].cells:
            return None
        header = self._header_cell(b, self._column(b, char))
        return self.offsets.expand(*header) if header is not None else None

    def _column(self, b: int, char: int) -> int:
        """The index of the cell of table row `b` that starts at or before `char` (-1: before the first)."""
        return bisect.bisect_right(self.blocks[b].cells, (char, 1 << 62)) - 1

    def _header_cell(self, b: int, col: int) -> tuple[int, int] | None:
        """The header cell over column `col` of table row `b`: in its table's first row, when that row is
        another one with as many cells."""
        first = self.run_start[b]
        header, cells = self.blocks[first].cells, self.blocks[b].cells
        if first == b or not header or len(header) != len(cells) or col < 0:
            return None
        return header[col]

    def _setting_between(self, start_char: int, end_char: int) -> str | None:
        if self._setting_matches is None:
            self._setting_matches = sorted((m for ms in self.sent_setting for m in ms), key=lambda m: m.start)
            self._setting_match_starts = [m.start for m in self._setting_matches]
        bounds = self.offsets.expand(start_char, end_char)
        if bounds is None:
            return None
        lo = bisect.bisect_left(self._setting_match_starts, bounds[0])
        hi = bisect.bisect_left(self._setting_match_starts, bounds[1])
        scores: dict[str, float] = defaultdict(float)
        for m in self._setting_matches[lo:hi]:
            if m.end <= bounds[1]:
                scores[m.key] += m.weight
        return _decide(scores, margin=1.0)

    def indication_for(self, span: Span) -> str | None:
        sent_i = self.token_sent[span.start]
        best, best_d = None, 1 << 30
        # the nearest indication named within SETTING_WINDOW tokens in the sentence
        for m in self.nearby(sent_i, span.start, span.end, SETTING_WINDOW):
            if m.cat == "IND":
                d = _distance(span.start, span.end, m.start, m.end)
                if d < best_d and d <= SETTING_WINDOW:
                    best, best_d = m.key, d
        if best is None:
            sec = self.section_of(sent_i)
            if sec >= 0:
                for k in self.block_sents.get(sec, ()):
                    for m in self.of_category(k, "IND"):
                        return m.key
        return best

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            text = self.text
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _decide(scores, margin: float, minimum: float = 0.0) -> str | None:
    """The setting whose cue score beats the other's by `margin` times, if any exceeds `minimum`."""
    home = scores.get("home", 0.0)
    pro = scores.get("professional", 0.0)
    if max(home, pro) <= minimum:
        return None
    if home > pro * margin:
        return "home"
    if pro > home * margin:
        return "professional"
    return None
