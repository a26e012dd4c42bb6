"""Choice grading: which listed option does a free-text response endorse? None when unclear."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LETTER_PATTERNS = [
    re.compile(r"^\s*\(?([A-H])\)?\s*[.!]?\s*$"),  # the whole reply is a letter
    re.compile(r"^\s*\(?([A-H])[).:]"),  # "A)", "(B)", "C." or "D:" at the start
    re.compile(r"\b(?:answer|option|choice)\s*(?:is|would be|:)?\s*\(?([A-H])\b\)?", re.IGNORECASE),
    re.compile(r"^\s*([B-H])\b"),  # a bare leading letter, except "A", which is usually the article
]
_WORD = re.compile(r"[a-z0-9']+")


def endorsed_option(response: str, options: Sequence[str]) -> int | None:
    """The index of the option a response endorses.

    First an explicit letter (``A``, ``(B)``, ``Answer: C``) within the option range; otherwise the option
    whose distinctive words overlap the response most, if clearly ahead of the rest. Never raises.
    """
    text = (response or "").strip()
    if not text or not options:
        return None
    letters = "ABCDEFGH"[: len(options)]
    head = text[:200]
    for pattern in _LETTER_PATTERNS:
        m = pattern.search(head)
        if m and m.group(1).upper() in letters:
            return letters.index(m.group(1).upper())
    words = set(_WORD.findall(text.lower()))
    option_words = [set(_WORD.findall(o.lower())) for o in options]
    common = set.intersection(*option_words) if len(option_words) > 1 else set()
    scores = []
    for ow in option_words:
        distinct = ow - common
        scores.append(len(distinct & words) / max(len(distinct), 1))
    best = max(range(len(scores)), key=lambda i: scores[i])
    ranked = sorted(scores, reverse=True)
    if ranked[0] >= 0.5 and (len(ranked) == 1 or ranked[0] - ranked[1] >= 0.2):
        return best
    return None
