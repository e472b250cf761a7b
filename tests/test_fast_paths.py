"""Fast paths held to their plain definitions (kept here as oracles): the consistency checks and the
needle-depth lookup answer in O(n log n) instead of comparing every pair, and the sentence splitter
looks only at tokens near punctuation and line breaks instead of walking every token."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.checks import CheckSettings
from claimcheck.checks import internal_inconsistency
from claimcheck.checks.common import depth_context, describe, overlaps, tolerance
from claimcheck.checks.cross_document import CrossDocumentIndex
from claimcheck.model import Claim, DocumentResult
from claimcheck.nlp.components import _ABBREVIATIONS, StructureSentencizer

BOUND = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.0, 3.0, 3.02, 6.0, 10.0, 100.0]))


def make_claim(i: int, kind: str, lo: float | None, hi: float | None, setting: str | None,
               sentence: str = "s", modality: str = "asserted") -> Claim:
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Claim(
        id=f"c{i}", kind=kind, text=f"t{i}", start=10 * i, end=10 * i + 3, line=i + 1, column=1,
        sentence=sentence, value={"min": lo, "max": hi, "unit": "day"},
        normalized={"min": lo, "max": hi, "unit": "day"}, setting=setting, modality=modality,
    )


ENTRY = st.sampled_from([None, None, (("list", 1, 0), 1), (("list", 1, 0), 2), (("list", 7, 0), 8),
                         (("headings", -1, 2), 5)])
CLAIMS = st.lists(st.tuples(BOUND, BOUND, st.sampled_from([None, "home", "professional"]), ENTRY), max_size=25)


def _apart(a: Claim, b: Claim, ratio: float) -> bool:
    """a's low above b's high (with the tolerance of `overlaps`) `ratio` times over."""
    low = a.min if a.min is not None else float("-inf")
    high = b.max + tolerance(b.max) if b.max is not None else float("inf")
    return low > high * ratio


def pairwise_inconsistencies(claims: list[Claim], ratio: float = 1.0) -> list[tuple[str, str]]:
    """internal-inconsistency as first written: each claim against every earlier one, in order."""
    out, reported = [], set()
    began: dict[tuple, int] = {}
    for i, claim in enumerate(claims):
        if claim.enumeration is not None:
            began.setdefault(claim.enumeration[0], i)
    for i, later in enumerate(claims):
        for j, earlier in enumerate(claims[:i]):
            if earlier.setting != later.setting and None not in (earlier.setting, later.setting):
                continue
            if None not in (earlier.enumeration, later.enumeration) and earlier.enumeration != later.enumeration \
                    and j >= began[later.enumeration[0]]:
                continue  # two entries of one list, table or menu (or a list inside it): alternatives
            if ratio == 1.0 and overlaps(earlier, later):
                continue
            if not (_apart(earlier, later, ratio) or _apart(later, earlier, ratio)):
                continue
            pair = frozenset((describe(earlier), describe(later)))
            if pair not in reported:
                reported.add(pair)
                out.append((later.id, earlier.id))
            break
    return out


@settings(derandomize=True, max_examples=400, deadline=None, database=None)
@given(CLAIMS, st.sampled_from(["recovery_time", "results_time"]))
def test_internal_inconsistency_matches_the_pairwise_definition(reference, rows, kind) -> None:
    claims = [make_claim(i, kind, lo, hi, s) for i, (lo, hi, s, _) in enumerate(rows)]
    for claim, (*_, entry) in zip(claims, rows):
        claim.enumeration = entry
    result = DocumentResult(path="a.md", text="", claims=claims)
    found = [(f.claim, f.related[0]) for f in internal_inconsistency.check(result, reference, CheckSettings())]
    assert found == pairwise_inconsistencies(claims, reference.kinds[kind].consistency_ratio)


@settings(derandomize=True, max_examples=300, deadline=None, database=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["a", "b", "c"]), BOUND,
                          st.sampled_from([None, "home"]), st.booleans()), max_size=20))
def test_depth_context_matches_the_linear_definition(rows) -> None:
    claims = [
        make_claim(i, "needle_depth" if is_depth else "treatment_interval", b, b, setting, sentence,
                   "negated" if negated else "asserted")
        for i, (is_depth, sentence, b, setting, negated) in enumerate(rows)
    ]
    result = DocumentResult(path="a.md", text="", claims=claims)
    depths = [c for c in claims if c.kind == "needle_depth" and c.modality not in ("warning", "negated")]
    for claim in claims:
        same = [d for d in depths if d.sentence == claim.sentence]
        if same:
            expected = min(same, key=lambda d: abs(d.start - claim.start))
        else:
            before = [d for d in depths if d.start < claim.start and d.setting == claim.setting]
            expected = before[-1] if before else None
        assert depth_context(claim, result) is expected


@settings(derandomize=True, max_examples=300, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(["p1.md", "p2.md", "p3.md"]), BOUND, BOUND), max_size=15))
def test_cross_document_conflict_matches_the_pairwise_definition(reference, rows) -> None:
    index = CrossDocumentIndex(reference)
    by_path: dict[str, list[Claim]] = {}
    for i, (path, lo, hi) in enumerate(rows):
        by_path.setdefault(path, []).append(make_claim(i, "recovery_time", lo, hi, "professional"))
    stated = []
    for path, claims in by_path.items():
        index.add(DocumentResult(path=path, text="", claims=claims))
        stated += [(path, c) for c in claims]
    expected = any(
        pa != pb and not overlaps(a, b) for i, (pa, a) in enumerate(stated) for pb, b in stated[i + 1 :]
    )
    assert bool(index.findings(reference, CheckSettings())) == expected


def test_a_page_of_thousands_of_claims_checks_in_near_linear_time(checker) -> None:
    def page(n: int) -> str:
        return "Plan 3 sessions, 4 weeks apart, at 1.5 mm in clinic; redness lasts 2 days. " * n

    checker.check_text(page(10), source="warm.txt")
    timings = {}
    for n in (500, 2000):
        t0 = time.perf_counter()
        result = checker.check_text(page(n), source="p.txt")
        timings[n] = time.perf_counter() - t0
        assert result.claims
    assert timings[2000] <= 4 * 3 * timings[500] + 0.5, timings  # quadratic would be 16x


def sentence_starts_token_by_token(doc) -> set[int]:
    """The splitter's rule, one token at a time."""
    starts, prev_final, casual = set(), False, False
    final, closers = StructureSentencizer._FINAL, StructureSentencizer._CLOSERS
    for i, token in enumerate(doc):
        text = token.text
        if token.is_space:
            if "\n\n" in text or ("\n" in text and prev_final):
                starts.add(i + 1)
            continue
        if prev_final and text not in closers and (text[0].isupper() or text[0].isdigit() or not text[0].isalpha() or casual):
            starts.add(i)
        if text in final or (len(text) > 1 and text[-1] in "!?" and not text[0].isalnum()):
            prev_final = True
            # a lower-case start counts after "!" or "?", or after a full stop behind a lower-case word
            before = doc[i - 1].text if i > 0 else ""
            casual = text[-1] in "!?" or (text == "." and len(before) >= 2 and before.isalpha() and before.islower()
                                           and before not in _ABBREVIATIONS)
        elif not (text in closers and prev_final):
            prev_final = False
    return starts


PIECES = ["Roll", "it", "up", "vs", "approx", "twice", "a", "week", ".", "!", "?", "?!", "...", "…", "。", '"', "”", ")", "]", "'", "»",
          "3", "mm", "e.g.", "Dr.", "U.S.", "ok", "(", "-", "\n", "\n\n", " \n ", "  ", "Ünïcode", "éte"]


@settings(derandomize=True, max_examples=500, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "\n", "  "])), max_size=40))
def test_sentence_splitter_matches_the_token_by_token_rule(extractor, parts) -> None:
    text = "".join(p + sep for p, sep in parts)
    doc = extractor.nlp.make_doc(text)
    assert StructureSentencizer()._after_punctuation(doc) == sentence_starts_token_by_token(doc)


MARKDOWN_PIECES = ["Roll", " ", "\n", "`", "``", "![", "[", "]", "(", ")", "](", "<!--", "-->", "<b>", "</b>", "<a href='x'>",
                   "<https://x.org>", "https://example.com/a", "www.x.org", "http", "w", "h", "&amp;", "&#8211;", "&nbsp;",
                   "*", "**", "_", "__", "~~", "|", "3 mm", "# ", "- ", "1. ", "> ", "---", "HTTPS://X.ORG"]


@settings(derandomize=True, max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=40))
def test_markdown_inline_guard_never_changes_the_prose(pieces) -> None:
    import re

    from claimcheck.sources import markdown

    text = "".join(pieces)
    guarded = markdown._INLINE
    prefix = "(?=[`!\\[\\]<&*_~|hw])(?:"
    assert guarded.pattern.startswith(prefix)
    try:
        expected = None
        markdown._INLINE = re.compile(guarded.pattern[len(prefix) : -1])
        expected = markdown.markdown_prose(text)
    finally:
        markdown._INLINE = guarded
    assert markdown.markdown_prose(text) == expected


@settings(derandomize=True, max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES + ["  ", "\t", "x"]), max_size=25), st.lists(st.tuples(st.integers(-2, 80), st.integers(-2, 80)), max_size=10))
def test_token_offsets_expand_like_char_span(extractor, parts, ranges) -> None:
    from claimcheck.nlp.components import TokenOffsets

    doc = extractor.nlp.make_doc("".join(parts))
    offsets = TokenOffsets(doc)
    for a, b in ranges:
        start, end = min(a, b), max(a, b) + 1
        span = doc.char_span(start, end, alignment_mode="expand")
        bounds = offsets.expand(start, end)
        assert (None if span is None else (span.start, span.end)) == bounds, (doc.text, start, end)
