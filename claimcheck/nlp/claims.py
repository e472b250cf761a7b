"""Turn quantities into claims: decide the kind from cue words (claims.yaml), then the context:
setting (home / professional), subject, indication and modality (ConText-style cue scopes)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..model import Claim, PhraseHit
from ..reference.model import Kind, Reference
from ..sources.model import Block
from .components import CLAIMS_KEY, StructureSentencizer, doc_blocks, quantities_of
from .quantities import Quantity
from .units import NORMALIZED

KIND_WINDOW = 14  # tokens: a cue further from the quantity than this does not decide its kind
MODALITY_WINDOW = 14
MIN_KIND_SCORE = 0.3  # weaker cue evidence than this leaves a quantity without a kind
HEADING_FACTOR = 0.25
PREVIOUS_SENTENCE_FACTOR = 0.15
PRIORITY = {"warning": 3, "negated": 2, "hypothetical": 1, "asserted": 0}


@dataclass(frozen=True)
class _Match:
    cat: str  # KIND | SUBJ | SET | DISC | MOD | TERM | MYTH | FACT | IND | QP
    key: str
    sub: str
    weight: float
    start: int
    end: int


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
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str, str, float]] = {}
        make = nlp.make_doc

        def add(cat: str, key: str, sub: str, weight: float, phrases) -> None:
            label = f"{cat}|{key}|{sub}|{weight}"
            docs = [make(p) for p in phrases if p.strip()]
            if docs:
                self.matcher.add(label, docs)
                self._labels[nlp.vocab.strings.add(label)] = (cat, key, sub, weight)

        for kind in self.kinds.values():
            by_weight: dict[float, list[str]] = defaultdict(list)
            for cue in kind.cues:
                by_weight[cue.weight].append(cue.phrase)
            for w, phrases in by_weight.items():
                add("KIND", kind.id, "", w, phrases)
            for subject, phrases in kind.subjects.items():
                add("SUBJ", kind.id, subject, 1.0, phrases)
            for phrase in kind.quantity_phrases:
                add("QP", kind.id, phrase, 1.0, [phrase])
            add("SING", kind.id, "", 1.0, kind.singular_requires)
        for setting, cues in reference.settings.items():
            by_weight = defaultdict(list)
            for cue in cues:
                by_weight[cue.weight].append(cue.phrase)
            for w, phrases in by_weight.items():
                add("SET", setting, "", w, phrases)
        add("DISC", "", "", 1.0, reference.setting_discounts)
        for cat, directions in reference.modality.items():
            for direction, phrases in directions.items():
                add("MOD", cat, direction, 1.0, phrases)
        add("TERM", "", "", 1.0, reference.terminators)
        add("MYTH", "", "", 1.0, reference.myth_headings)
        add("FACT", "", "", 1.0, reference.fact_labels)
        for name_, phrases in reference.indications.items():
            add("IND", name_, "", 1.0, phrases)
        for check in reference.phrase_checks:
            add("PHR", check.id, "", 1.0, check.patterns)
            add("REQ", check.id, "", 1.0, check.requires)
        add("HEDGE", "", "", 1.0, reference.hedges)
        for topic in reference.safety_topics:
            add("TOPIC", topic.id, "", 1.0, topic.cues)
        self._sentencizer = StructureSentencizer()
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
        for s, _, _ in items:
            ctx.sent_quantities.setdefault(ctx.token_sent[s.start], []).append(s)
        taken = [(s.start, s.end) for s, _, _ in items]
        for m in ctx.matches:
            if m.cat == "QP" and not any(_overlap(m.start, m.end, a, b) for a, b in taken):
                items.append((doc[m.start : m.end], self._phrase_quantity(doc, m), m.key))
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
        for m in ctx.matches:
            if m.cat != "PHR":
                continue
            key = (m.key, ctx.token_sent[m.start])
            cur = best.get(key)
            if cur is None or m.start < cur.start or (m.start == cur.start and m.end > cur.end):
                best[key] = m  # the first phrase of the sentence, longest at that place
        chosen = sorted(best.values(), key=lambda m: (m.start, -(m.end - m.start)))
        # a phrase inside a longer phrase of another check ("no risk" in "no risk of scarring") yields to it
        chosen = [
            m for m in chosen
            if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in chosen)
        ]
        hits = []
        for m in chosen:
            span = ctx.doc[m.start : m.end]
            sent_i = ctx.token_sent[m.start]
            sent = ctx.sents[sent_i]
            hedged = any(
                h.cat == "HEDGE" and not _overlap(h.start, h.end, m.start, m.end) for h in ctx.sent_matches[sent_i]
            )
            required = any(r.cat == "REQ" and r.key == m.key for r in ctx.sent_matches[sent_i])
            line, col = ctx.line_col(span.start_char)
            hits.append(PhraseHit(
                check=m.key, start=span.start_char, end=span.end_char, text=span.text,
                sentence=" ".join(sent.text.split()), setting=ctx.setting_for(span),
                modality=self._modality(ctx, span, None), hedged=hedged, requirement_met=required,
                line=line, column=col,
            ))
        return hits

    def _phrase_quantity(self, doc: Doc, m: _Match) -> Quantity:
        kind = self.kinds[m.key]
        lo, hi = kind.quantity_phrases[m.sub]
        span = doc[m.start : m.end]
        unit = NORMALIZED[kind.dimension]
        return Quantity(span.start_char, span.end_char, span.text, lo, hi, unit, kind.dimension, lo, hi, vague=True)

    # -----------------------------------------------------------------------------------------
    def _claims_for(self, ctx: "_DocContext", span: Span, q: Quantity, forced_kind: str | None) -> list[Claim]:
        sent_i = ctx.token_sent[span.start]
        sent_matches = ctx.sent_matches[sent_i]
        scores: dict[str, float] = defaultdict(float)
        for m in sent_matches:
            if m.cat not in ("KIND", "SUBJ"):
                continue
            d = _distance(span.start, span.end, m.start, m.end)
            if d > KIND_WINDOW:
                continue
            w = m.weight if m.cat == "KIND" else 0.6
            scores[m.key] += w / (1.0 + d / 2.0)
        if ctx.introduces_list(sent_i):
            for m in ctx.following_item_matches(sent_i):
                if m.cat == "SUBJ":
                    scores[m.key] += 0.6
        # weaker evidence from the context: the previous sentence of the paragraph and the section heading
        # (an FAQ answer "Between 30 and 60 minutes." under "How long does a session take?")
        for m, factor in ctx.kind_context(sent_i):
            if m.cat == "KIND":
                scores[m.key] += m.weight * factor
        candidates = []
        for kid, score in scores.items():
            kind = self.kinds[kid]
            # a frequency ("twice a month") is itself strong evidence of a treatment interval
            if score < (MIN_KIND_SCORE / 3 if q.frequency else MIN_KIND_SCORE) or not self._fits(kind, q):
                continue
            candidates.append((score, kid))
        if forced_kind is not None:
            candidates = [(99.0, forced_kind)]
        if q.immediate and any(
            m.cat == "MOD" and m.key == "warning" and m.end <= span.start for m in sent_matches
        ):
            candidates = []  # "avoid retinol immediately after": no period is stated
        candidates.sort(reverse=True)
        for _, kid in candidates:
            kind = self.kinds[kid]
            subjects = self._subjects(ctx, kind, span, sent_i)
            if kind.subject_required and not subjects:
                continue
            if kind.singular_requires and q.norm_min == q.norm_max == 1 and not any(
                m.cat == "SING" and m.key == kid for m in sent_matches
            ):
                continue  # "after one session", "Single session $249": not a course of one
            return [self._make_claim(ctx, span, q, kind, subj) for subj in (subjects or [kind.default_subject])]
        return [self._make_claim(ctx, span, q, None, None)]

    @staticmethod
    def _fits(kind: Kind, q: Quantity) -> bool:
        if q.immediate:
            return kind.accepts_immediate
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
        found: dict[str, int] = {}
        others = [s for s in ctx.sent_quantities.get(sent_i, []) if (s.start, s.end) != (span.start, span.end)]
        for m in ctx.sent_matches[sent_i]:
            if m.cat == "SUBJ" and m.key == kind.id:
                d = _distance(span.start, span.end, m.start, m.end)
                if d > KIND_WINDOW + 6 or ctx.terminated_between(span, m):
                    continue
                # a subject belongs to the quantity nearest to it ("no makeup for 24 hours, no sun for a week")
                if any(_distance(o.start, o.end, m.start, m.end) < d for o in others):
                    continue
                found[m.sub] = min(d, found.get(m.sub, 1 << 30))
        if not found and ctx.introduces_list(sent_i):
            for m in ctx.following_item_matches(sent_i):
                if m.cat == "SUBJ" and m.key == kind.id:
                    found.setdefault(m.sub, 1 << 10)
        if not found:
            # a label or heading in the same block/section ("Avoid makeup: ... for 24 hours")
            for m in ctx.context_matches(sent_i):
                if m.cat == "SUBJ" and m.key == kind.id:
                    found.setdefault(m.sub, 1 << 20)
        if not found:
            return []
        ordered = sorted(found, key=lambda s: found[s])
        return ordered if kind.subject_required else ordered[:1]

    # -----------------------------------------------------------------------------------------
    def _make_claim(self, ctx: "_DocContext", span: Span, q: Quantity, kind: Kind | None, subject: str | None) -> Claim:
        sent = ctx.sents[ctx.token_sent[span.start]]
        line, col = ctx.line_col(q.start)
        modality = self._modality(ctx, span, kind) if kind is not None else "asserted"
        return Claim(
            id="",
            kind=kind.id if kind else None,
            text=ctx.text[q.start : q.end],
            start=q.start,
            end=q.end,
            line=line,
            column=col,
            sentence=" ".join(sent.text.split()),
            value={"min": q.value_min, "max": q.value_max, "unit": q.unit},
            normalized={"min": _clean(q.norm_min), "max": _clean(q.norm_max), "unit": q.normalized_unit},
            vague=q.vague,
            setting=ctx.setting_for(span),
            subject=subject,
            modality=modality,
            indication=ctx.indication_for(span),
            frequency=q.frequency,
            approximate=q.approximate,
        )

    def _modality(self, ctx: "_DocContext", span: Span, kind: Kind | None) -> str:
        sent_i = ctx.token_sent[span.start]
        sent = ctx.sents[sent_i]
        best = "asserted"
        for m in ctx.sent_matches[sent_i]:
            if m.cat != "MOD":
                continue
            if kind is not None and kind.advice_cues_are_claim and m.key in ("warning", "negated"):
                continue
            if _overlap(span.start, span.end, m.start, m.end):
                continue
            if m.sub == "forward" and m.end <= span.start:
                if span.start - m.end > MODALITY_WINDOW or ctx.terminated_between(span, m):
                    continue
            elif m.sub == "backward" and m.start >= span.end:
                if m.start - span.end > MODALITY_WINDOW or ctx.terminated_between(span, m):
                    continue
            else:
                continue
            if PRIORITY[m.key] > PRIORITY[best]:
                best = m.key
        if best == "asserted" and sent.text.rstrip().endswith("?"):
            best = "hypothetical"
        if ctx.in_myth_section(sent_i) and best in ("asserted", "hypothetical"):
            best = "negated"
        return best


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    r = float(f"{x:.12g}")  # drop float noise (0.30000000000000004) but keep real precision
    return float(int(r)) if r == int(r) else r


class _DocContext:
    """Per-document lookups: sentences, blocks, sections and the cue matches in each sentence."""

    def __init__(self, doc: Doc, annotator: ClaimAnnotator) -> None:
        self.doc = doc
        self.annotator = annotator
        self.text = doc.text  # Doc.text joins every token: compute it once
        self.sents = list(doc.sents)
        self.token_sent = [0] * len(doc)
        for i, s in enumerate(self.sents):
            for t in range(s.start, s.end):
                self.token_sent[t] = i
        labels = annotator._labels
        self.matches: list[_Match] = []
        for match_id, start, end in annotator.matcher(doc):
            cat, key, sub, weight = labels[match_id]
            self.matches.append(_Match(cat, key, sub, weight, start, end))
        self.sent_matches: list[list[_Match]] = [[] for _ in self.sents]
        for m in self.matches:
            self.sent_matches[self.token_sent[m.start]].append(m)
        self._line_starts: list[int] | None = None
        self.sent_quantities: dict[int, list[Span]] = {}
        self._structure()

    # -- structure ------------------------------------------------------------------------
    def _structure(self) -> None:
        doc = self.doc
        blocks: list[Block] = doc_blocks(doc)
        starts = [b.start for b in blocks]
        self.sent_block = []
        import bisect

        for s in self.sents:
            first = next((t.idx for t in s if not t.is_space), s.start_char)
            i = bisect.bisect_right(starts, first) - 1
            if i >= 0 and blocks[i].start <= first < max(blocks[i].end, blocks[i].start + 1):
                self.sent_block.append(i)
            else:
                self.sent_block.append(-1 - (i if i >= 0 else 0) - 1_000_000)  # outside any block
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
        # setting cues per sentence
        disc = [m for m in self.matches if m.cat == "DISC"]
        self.sent_setting: list[list[_Match]] = [[] for _ in self.sents]
        for m in self.matches:
            if m.cat != "SET":
                continue
            if any(0 <= m.start - d.end <= 5 and self.token_sent[d.start] == self.token_sent[m.start] for d in disc):
                continue
            self.sent_setting[self.token_sent[m.start]].append(m)
        self.block_score: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.section_score: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.doc_score: dict[str, float] = defaultdict(float)
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
        self.myth_sections: set[int] = set()
        for m in self.matches:
            if m.cat == "MYTH":
                b = self.sent_block[self.token_sent[m.start]]
                if b >= 0 and blocks[b].kind == "heading":
                    self.myth_sections.add(b)
        self.fact_sents = {self.token_sent[m.start] for m in self.matches if m.cat == "FACT" and m.start == self.sents[self.token_sent[m.start]].start}

    def section_of(self, sent_i: int) -> int:
        b = self.sent_block[sent_i]
        return self.block_section[b] if b >= 0 else -1

    def in_myth_section(self, sent_i: int) -> bool:
        sec = self.section_of(sent_i)
        chain = [sec, *self.section_parents.get(sec, [])]
        if not any(s in self.myth_sections for s in chain):
            return False
        if sent_i in self.fact_sents:
            return False
        # a "Fact:" label earlier in the same block covers the rest of the block
        b = self.sent_block[sent_i]
        return not any(self.sent_block[f] == b and f <= sent_i for f in self.fact_sents)

    def context_matches(self, sent_i: int):
        """Matches in the sentences before this one in its block, then in its section heading."""
        b = self.sent_block[sent_i]
        j = sent_i - 1
        while j >= 0 and self.sent_block[j] == b:
            yield from self.sent_matches[j]
            j -= 1
        sec = self.section_of(sent_i)
        if sec >= 0 and sec != b:
            for k, blk in enumerate(self.sent_block):
                if blk == sec:
                    yield from self.sent_matches[k]

    def introduces_list(self, sent_i: int) -> bool:
        text = self.sents[sent_i].text.rstrip()
        if text.endswith(":") or "the following" in text.lower():
            return True
        b = self.sent_block[sent_i]
        return b >= 0 and self.blocks[b].kind == "heading" and b + 1 < len(self.blocks) and self.blocks[b + 1].kind == "item"

    def kind_context(self, sent_i: int):
        """Cue matches from the previous sentence of the block and from the section heading, with weights."""
        b = self.sent_block[sent_i]
        if sent_i > 0 and b >= 0 and self.sent_block[sent_i - 1] == b:
            for m in self.sent_matches[sent_i - 1]:
                yield m, PREVIOUS_SENTENCE_FACTOR
        sec = self.section_of(sent_i)
        if sec >= 0 and sec != b:
            for k, blk in enumerate(self.sent_block):
                if blk == sec:
                    for m in self.sent_matches[k]:
                        yield m, HEADING_FACTOR

    def following_item_matches(self, sent_i: int):
        """Matches in the list items right after the block of this sentence."""
        b = self.sent_block[sent_i]
        if b < 0:
            return
        k = b + 1
        while k < len(self.blocks) and self.blocks[k].kind == "item":
            for j, blk in enumerate(self.sent_block):
                if blk == k:
                    yield from self.sent_matches[j]
            k += 1

    def terminated_between(self, span: Span, m: _Match) -> bool:
        lo, hi = (m.end, span.start) if m.end <= span.start else (span.end, m.start)
        if hi <= lo:
            return False
        sent_i = self.token_sent[span.start]
        for t in self.sent_matches[sent_i]:
            if t.cat == "TERM" and lo <= t.start and t.end <= hi:
                return True
        for tok in self.doc[lo:hi]:
            if tok.text == ";":
                return True
        return False

    # -- setting & indication ------------------------------------------------------------------
    def setting_for(self, span: Span) -> str | None:
        sent_i = self.token_sent[span.start]
        local: dict[str, float] = defaultdict(float)
        for m in self.sent_setting[sent_i]:
            d = _distance(span.start, span.end, m.start, m.end)
            local[m.key] += m.weight / (1.0 + d / 4.0)
        decided = _decide(local, margin=1.0)
        if decided:
            return decided
        b = self.sent_block[sent_i]
        decided = _decide(self.block_score.get(b, {}), margin=1.0)
        if decided:
            return decided
        sec = self.section_of(sent_i)
        decided = _decide(self.section_score.get(sec, {}), margin=1.5)
        if decided:
            return decided
        for parent in reversed(self.section_parents.get(sec, [])):
            decided = _decide(self.section_heading_score.get(parent, {}), margin=1.0)
            if decided:
                return decided
        return _decide(self.doc_score, margin=3.0, minimum=2.0)

    def indication_for(self, span: Span) -> str | None:
        sent_i = self.token_sent[span.start]
        best, best_d = None, 1 << 30
        for m in self.sent_matches[sent_i]:
            if m.cat == "IND":
                d = _distance(span.start, span.end, m.start, m.end)
                if d < best_d:
                    best, best_d = m.key, d
        if best is None:
            sec = self.section_of(sent_i)
            if sec >= 0:
                for k, blk in enumerate(self.sent_block):
                    if blk == sec:
                        for m in self.sent_matches[k]:
                            if m.cat == "IND":
                                return m.key
        return best

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            text = self.text
            self._line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        import bisect

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
