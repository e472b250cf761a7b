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

import numpy
from spacy.attrs import SENT_START
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


def doc_blocks(doc: Doc) -> list[Block]:
    """The structural blocks of a doc: set by claimcheck's reader, or derived from the text."""
    blocks = doc._.claimcheck_blocks
    if blocks is None:
        _, blocks = plain_prose(doc.text)
        doc._.claimcheck_blocks = blocks
    return blocks


# ---------------------------------------------------------------------------------------------
class StructureSentencizer:
    """Sentence boundaries at block boundaries (headings, list items, paragraphs, table rows) and
    after sentence-final punctuation. Leaves docs that a parser already segmented alone."""

    _FINAL = {".", "!", "?", "…", "。"}
    _CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}

    def __init__(self, name: str = "claimcheck_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or doc.has_annotation("DEP"):
            return doc
        starts = set()
        for block in doc_blocks(doc):
            span = doc.char_span(block.start, block.end, alignment_mode="expand")
            if span is not None and len(span):
                starts.add(span.start)
                starts.add(span.end)
        prev_final = False
        for i, token in enumerate(doc):
            text = token.text
            if token.is_space:
                if "\n\n" in text or ("\n" in text and prev_final):
                    starts.add(i + 1)
                continue
            if prev_final and text not in self._CLOSERS and (text[0].isupper() or text[0].isdigit() or not text[0].isalpha()):
                starts.add(i)
            if text in self._FINAL or (len(text) > 1 and text[-1] in "!?" and not text[0].isalnum()):
                prev_final = True
            elif text in self._CLOSERS and prev_final:
                prev_final = True
            else:
                prev_final = False
        # one array write instead of a per-token setter (each of which re-checks the doc's annotations)
        flags = numpy.full((len(doc), 1), NOT_SENT_START, dtype="uint64")
        flags[0, 0] = 1
        for i in starts:
            if 0 < i < len(doc):
                flags[i, 0] = 1
        doc.from_array([SENT_START], flags)
        return doc


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
        for q in find_quantities(doc.text):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
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
