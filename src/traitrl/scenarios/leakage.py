"""Leakage check: word 13-gram overlap between two collections of text (train vs held-out / benchmarks).

Thirteen-word runs are the contamination unit used by the GPT-3 paper's decontamination; a shared run means
one split literally repeats a passage of the other. Text is lower-cased and split on non-alphanumerics so
punctuation and formatting do not hide a copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

N = 13
_TOKEN = re.compile(r"[a-z0-9]+")


def ngrams(text: str, n: int = N) -> set[tuple[str, ...]]:
    words = _TOKEN.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


class Leakage(BaseModel):
    shared_ngrams: int
    texts_affected: int
    examples: list[str]


def leakage_between(a: Iterable[str], b: Sequence[str], n: int = N) -> Leakage:
    """How many distinct n-grams of ``b`` also occur in ``a``, how many texts of ``b`` contain one, examples."""
    grams_a: set[tuple[str, ...]] = set()
    for text in a:
        grams_a |= ngrams(text, n)
    shared: set[tuple[str, ...]] = set()
    affected = 0
    for text in b:
        hit = ngrams(text, n) & grams_a
        if hit:
            affected += 1
            shared |= hit
    return Leakage(shared_ngrams=len(shared), texts_affected=affected,
                   examples=[" ".join(g) for g in sorted(shared)[:5]])
