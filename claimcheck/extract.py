"""Extraction: sources → spaCy `Doc` (blank English + claimcheck components) → claims."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import Claim, DocumentResult
from .nlp import components  # also registers the spaCy factories
from .reference.loader import default_reference_path, load_reference
from .reference.model import Reference
from .sources import Source, SourceError, read_source, source_from_text

# spaCy's default max_length guards parser memory; our pipeline is linear, so allow larger pages.
MAX_DOC_CHARS = 60_000_000


def build_pipeline(reference: Reference | str | None = None, model: str | None = None) -> Language:
    """A pipeline with claimcheck's components. `model`: a trained spaCy package to start from, if
    installed (its sentence boundaries are then used); default `spacy.blank("en")`."""
    nlp = spacy.load(model, exclude=["ner"]) if model else spacy.blank("en")
    nlp.max_length = MAX_DOC_CHARS
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
        nlp.add_pipe("claimcheck_sentences")
    nlp.add_pipe("claimcheck_quantities")
    ref_path = reference.path if isinstance(reference, Reference) else reference
    nlp.add_pipe("claimcheck_claims", config={"reference": ref_path})
    return nlp


@lru_cache(maxsize=4)
def _cached_pipeline(reference_path: str, mtime: int) -> Language:
    return build_pipeline(reference_path)


def pipeline_for(reference_path: str | None) -> Language:
    path = reference_path or default_reference_path()
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        mtime = -1
    return _cached_pipeline(path, mtime)


class Extractor:
    """Extracts claims from sources with one pipeline, built once."""

    def __init__(self, reference: str | os.PathLike | None = None) -> None:
        self.reference_path = str(reference) if reference is not None else default_reference_path()
        self.reference = load_reference(self.reference_path)
        self.nlp = pipeline_for(self.reference_path)

    def make_doc(self, source: Source) -> Doc:
        text = source.unwrapped_prose()
        doc = self.nlp.make_doc(text)
        components.remember_text(doc, text)
        doc._.claimcheck_blocks = source.blocks
        doc._.claimcheck_source = source.path
        return doc

    def extract_sources(self, sources: Iterable[Source], batch_size: int = 32) -> Iterator[DocumentResult]:
        sources_iter = iter(sources)
        pending: list[Source] = []

        def docs() -> Iterator[Doc]:
            for src in sources_iter:
                pending.append(src)
                yield self.make_doc(src)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            src = pending.pop(0)
            yield self.result_from_doc(src, doc)

    def result_from_doc(self, source: Source, doc: Doc) -> DocumentResult:
        claims = [self._finish(c, source) for c in doc._.claims or []]
        quantities = [self._finish(c, source) for c in doc._.unclassified_quantities or []]
        hits = doc._.phrase_hits or []
        for hit in hits:
            hit.text = source.text[hit.start : hit.end]
            hit.line, hit.column = source.line_col(hit.start)
        doc._.claimcheck_blocks = None
        return DocumentResult(
            path=source.path, text=source.text, claims=claims, quantities=quantities,
            phrase_hits=hits, topics=set(doc._.safety_topics or ()),
            warnings=list(source.warnings), format=source.format,
        )

    @staticmethod
    def _finish(claim: Claim, source: Source) -> Claim:
        claim.text = source.text[claim.start : claim.end]
        claim.line, claim.column = source.line_col(claim.start)
        return claim

    def extract_text(self, text: str, source: str = "<text>", format: str | None = None) -> DocumentResult:
        return next(self.extract_sources([source_from_text(text, source, format)]))

    def extract_file(self, path: str | os.PathLike, format: str | None = None) -> DocumentResult:
        try:
            src = read_source(path, format)
        except SourceError as exc:
            return DocumentResult(path=str(path), text="", error=str(exc))
        return next(self.extract_sources([src]))


@lru_cache(maxsize=4)
def _default_extractor(reference: str | None) -> Extractor:
    return Extractor(reference)


def extract_text(text: str, source: str = "<text>", format: str | None = None, reference: str | None = None) -> DocumentResult:
    """Extract the claims of a text. `format`: text, markdown or html (guessed from `source`)."""
    return _default_extractor(reference).extract_text(text, source, format)


def extract_file(path: str | os.PathLike, format: str | None = None, reference: str | None = None) -> DocumentResult:
    return _default_extractor(reference).extract_file(path, format)
