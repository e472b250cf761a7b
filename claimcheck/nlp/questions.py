"""Whether a sentence asks: shared by extraction (a question's values are hypothetical) and the
risky-home-use check (a reader's question is not advice)."""
from __future__ import annotations

import re

# a sentence that asks without its mark, after a timestamp, a speaker's turn mark or name, as in a
# transcript or a chat export: "2:38 >> should I have gone for the 2 mm pen"
_UNMARKED_QUESTION = re.compile(
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?:>+\s*)?(?:[A-Z][\w.' -]{0,30}:\s*)?"
    r"(?i:(?:should|can|could|do|does|did|is|are|would|will|shall)\s+(?:i|we|you|it|they|he|she)\b)")

# a question closed by its quotation marks or emphasis and signed: '**"Can I numb first?"** (@sunny)',
# '"Should I go deeper?" — Amira, Leeds'
_SIGNED_QUESTION = re.compile(r"\?[\s\"”’'*_)\]]*(?:\([^()]{1,40}\)|[—–]\s*[A-Z@][\w.'-]*(?:,?\s+[A-Z][\w.'-]*){0,3})?\s*$")


def asks(sentence: str) -> bool:
    """Whether a sentence (whitespace collapsed) is a question: it ends with "?" (perhaps inside its
    quotation marks and before who asked), or starts by asking and ends with no full stop or
    exclamation mark."""
    text = sentence.rstrip()
    return text.endswith("?") or _SIGNED_QUESTION.search(text) is not None \
        or (not text.endswith((".", "!")) and _UNMARKED_QUESTION.match(text) is not None)
