"""spaCy components: sentence boundaries from document structure, quantities, and claims.

Usable in anyone's pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("claimcheck_sentences")   # or a sentencizer/senter/parser of your own
    nlp.add_pipe("claimcheck_quantities")
    nlp.add_pipe("claimcheck_claims", config={"reference": None})  # None: the shipped claims.yaml
    doc = nlp("Roll a 0.25 mm roller twice a week.")
    doc._.claims            # list of claimcheck.Claim
    doc.spans["claims"]     # one Span per claim, label = kind, span._.claim
"""
from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..sources.model import Block
from ..sources.plain import plain_prose
from .quantities import Quantity, find_quantities

QUANTITY_KEY = "claimcheck_quantities"
NOT_SENT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy's uint64 attribute arrays store it
CLAIMS_KEY = "claims"

if not Doc.has_extension("claimcheck_blocks"):
    Doc.set_extension("claimcheck_blocks", default=None)
if not Doc.has_extension("claimcheck_source"):
    Doc.set_extension("claimcheck_source", default=None)
if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Doc.has_extension("unclassified_quantities"):
    Doc.set_extension("unclassified_quantities", default=None)
if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)
if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


_TEXT_KEY = "claimcheck_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per document: spaCy builds it by joining every token, and each
    component needs it. A Doc's text never changes (retokenizing keeps it), so the cache stays valid."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (the same as `doc.text`), sparing the join."""
    doc.user_data[_TEXT_KEY] = text


class TokenOffsets:
    """Character offsets of a doc's tokens, to map character spans to tokens the way
    `Doc.char_span(..., alignment_mode="expand")` does, without making a Token object per lookup."""

    def __init__(self, doc: Doc) -> None:
        offsets = doc.to_array([IDX, LENGTH])
        self.idx: list[int] = offsets[:, 0].tolist()
        self.length: list[int] = offsets[:, 1].tolist()
        self.text_length = len(doc_text(doc))

    def _token_at(self, char: int) -> int:
        if char < 0 or char >= self.text_length:
            return -1
        return bisect.bisect_right(self.idx, char) - 1

    def expand(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """(start, end) token indices of every token the characters touch, or None."""
        start = self._token_at(start_char)
        end = self._token_at(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == self.idx[start] + self.length[start]:  # trailing whitespace of the token before
            start += 1
        return start, end + 1


def doc_blocks(doc: Doc) -> list[Block]:
    """The structural blocks of a doc: set by claimcheck's reader, or derived from the text."""
    blocks = doc._.claimcheck_blocks
    if blocks is None:
        _, blocks = plain_prose(doc_text(doc))
        doc._.claimcheck_blocks = blocks
    return blocks


# ---------------------------------------------------------------------------------------------
_ABBREVIATIONS = {"approx", "incl", "excl", "appt", "resp", "esp", "dept", "corp", "vols", "nos", "figs", "etc", "vs", "min",
                  "mins", "hr", "hrs", "sec", "secs", "wk", "wks", "mo", "mos", "yr", "yrs", "no", "fig", "cf", "al", "ca", "ed"}


class StructureSentencizer:
    """Sentence boundaries at block boundaries (headings, list items, paragraphs, table rows) and
    after sentence-final punctuation. Leaves docs that a parser already segmented alone."""

    _FINAL = {".", "!", "?", "…", "。"}
    _MARKS = re.compile(r"[.!?…。\n]")
    _CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}

    def __init__(self, name: str = "claimcheck_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or doc.has_annotation("DEP"):
            return doc
        starts = set()
        offsets = TokenOffsets(doc)
        for block in doc_blocks(doc):
            bounds = offsets.expand(block.start, block.end)
            if bounds is not None and bounds[1] > bounds[0]:
                starts.update(bounds)
        starts.update(self._after_punctuation(doc))
        # one array write instead of a per-token setter (each of which re-checks the doc's annotations)
        flags = numpy.full((len(doc), 1), NOT_SENT_START, dtype="uint64")
        flags[0, 0] = 1
        for i in starts:
            if 0 < i < len(doc):
                flags[i, 0] = 1
        doc.from_array([SENT_START], flags)
        return doc

    @staticmethod
    def _vitamin_ends(i: int, t: str, token_text) -> bool:
        """"...and vitamin C. Keep out of the sun": the tokenizer keeps "C." whole, as an initial."""
        return len(t) == 2 and t[0] in "ABCDEK" and t[1] == "." and i > 0 and token_text(i - 1).lower() in ("vitamin", "vit")

    @staticmethod
    def _casual_end(doc: Doc, i: int, mark: str, token_text) -> bool:
        """Whether punctuation ends a sentence even though the next one starts in lower case, as in
        captions and chats ("it drinks it up. and makeup?"): after "!" or "?", or after a full stop
        that follows a lower-case word (not an abbreviation such as "approx." or "vs.")."""
        if mark in ("!", "?") or (len(mark) > 1 and mark[-1] in "!?"):
            return True
        if mark != "." or i == 0:
            return False
        word = token_text(i - 1)
        return len(word) >= 2 and word.isalpha() and word.islower() and word not in _ABBREVIATIONS

    def _after_punctuation(self, doc: Doc) -> set[int]:
        """Tokens that start a sentence: after a blank line; after sentence-final punctuation (and any
        closing quotes or brackets), at the next token that is capitalized, a digit or not a letter, or
        after the line break that follows it. Only the tokens near punctuation and line breaks are
        looked at (no Python object per token: this runs on every page)."""
        text = doc_text(doc)
        n = len(doc)
        offsets = doc.to_array([IDX, LENGTH, IS_SPACE])
        idx, length, is_space = offsets[:, 0], offsets[:, 1], offsets[:, 2]
        token_text = lambda i: text[idx[i] : idx[i] + length[i]]  # noqa: E731
        starts: set[int] = set()
        # tokens holding a line break (space tokens) or sentence-final punctuation
        chars = numpy.fromiter((m.start() for m in self._MARKS.finditer(text)), dtype="int64")
        candidates = numpy.unique(numpy.searchsorted(idx, chars, side="right") - 1) if len(chars) else []
        for i in map(int, candidates):
            t = token_text(i)
            if is_space[i]:
                if "\n\n" in t:
                    starts.add(i + 1)
                continue
            if not (t in self._FINAL or (len(t) > 1 and t[-1] in "!?" and not t[0].isalnum())
                    or self._vitamin_ends(i, t, token_text)):
                continue
            j = i + 1
            while j < n:
                u = token_text(j)
                if is_space[j]:
                    if "\n" in u:
                        starts.add(j + 1)
                elif u not in self._CLOSERS:
                    if u[0].isupper() or u[0].isdigit() or not u[0].isalpha() or self._casual_end(doc, i, t, token_text):
                        starts.add(j)
                    break
                j += 1
        return starts


@Language.factory("claimcheck_sentences")
def make_sentences(nlp: Language, name: str) -> StructureSentencizer:
    return StructureSentencizer(name)


# ---------------------------------------------------------------------------------------------
class QuantityFinder:
    """Marks quantity expressions: `doc.spans["claimcheck_quantities"]`, each with `span._.quantity`."""

    def __init__(self, name: str = "claimcheck_quantities") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        offsets = TokenOffsets(doc)
        for q in find_quantities(doc_text(doc)):
            bounds = offsets.expand(q.start, q.end)
            if bounds is None or bounds[1] <= bounds[0]:
                continue
            span = Span(doc, *bounds)
            span._.quantity = q
            spans.append(span)
        doc.spans[QUANTITY_KEY] = spans
        return doc


@Language.factory("claimcheck_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder(name)


@Language.factory(
    "claimcheck_claims",
    default_config={"reference": None},
)
def make_claims(nlp: Language, name: str, reference: str | None):
    from .claims import ClaimAnnotator
    from ..reference.loader import load_reference

    return ClaimAnnotator(nlp, load_reference(reference), name=name)


def quantities_of(doc: Doc) -> list[tuple[Span, Quantity]]:
    if QUANTITY_KEY not in doc.spans:
        QuantityFinder()(doc)
    return [(span, span._.quantity) for span in doc.spans[QUANTITY_KEY]]
