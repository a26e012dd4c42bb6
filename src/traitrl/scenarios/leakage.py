"""Leakage check: word 13-gram overlap between two collections of text (train vs held-out / benchmarks).

Thirteen-word runs are the contamination unit used by the GPT-3 paper's decontamination; a shared run means
one split literally repeats a passage of the other. Text is lower-cased and split on non-alphanumerics so
punctuation and formatting do not hide a copy.

``semantic_overlap`` (below) catches what n-grams cannot: the same fact or situation in other words, by TF-IDF
cosine between sentences, with a threshold calibrated on the built-in data (see the comment above it).
"""

from __future__ import annotations

import math
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


# --------------------------------------------------------------------------------------------- semantic overlap
# A 13-gram check cannot see a paraphrase: "Don't give honey to a baby under 12 months" and "Is honey safe for
# my 8-month-old?" share no long run of words but teach and test the same fact. The semantic check compares
# *sentences* by TF-IDF cosine over crudely stemmed content words (numbers kept: "12 months" is part of a fact).
# IDF is computed over the sentences of both sides, so words every scenario uses ("doctor", "please") count for
# little and rare shared words (honey, warfarin, Miranda) dominate. SEMANTIC_THRESHOLD was calibrated on the
# built-in training bank (prompts + good oracles) against every built-in benchmark (prompts, options, good
# oracles) by reading the pairs in 0.05-wide score bins (docs/benchmarks.md): at >= 0.55 about 4 pairs in 5
# state the same fact or situation, in [0.50, 0.55) about half do, in [0.45, 0.50) about 1 in 3, and below 0.45
# the pairs mostly share a topic or a setting ("a hospital trust"). 0.50 favours recall: the check exists to find
# shared facts for a person to rewrite, not to fail on every shared topic.

SEMANTIC_THRESHOLD = 0.5
MIN_CONTENT_WORDS = 5  # shorter sentences ("What should I do now?") match everything that shares a word
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_STOP = frozenset(str.split(
    "a an the and or but if then so of to in on at by for with from as is are was were be been being it its this "
    "that these those i you he she we they me my your our their his her them us do does did not no yes can could "
    "would should will shall may might must have has had what which who whom when where why how there here than "
    "too very just also about into over under up down out more most some any all each what's it's i'm i'd i'll "
    "don't can't won't isn't aren't didn't doesn't i've you're that's there's let get got make one two"))


def _stem(word: str) -> str:
    """A crude suffix stripper: enough to match months/month, giving/given/give, allergies/allergy."""
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def content_terms(sentence: str) -> list[str]:
    """Stemmed content words of a sentence (function words dropped, numbers kept)."""
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", sentence.lower())
    return [_stem(w) for w in words if w not in _STOP and (len(w) > 2 or w.isdigit())]


def sentences(text: str) -> list[str]:
    """Sentences of a text with at least ``MIN_CONTENT_WORDS`` content words."""
    return [s.strip() for s in _SENTENCE.split(text) if len(set(content_terms(s))) >= MIN_CONTENT_WORDS]


class OverlapPair(BaseModel):
    """A training sentence and a benchmark sentence that say the same thing in other words."""

    score: float  # TF-IDF cosine in [0, 1]
    train_source: str
    train_sentence: str
    benchmark_source: str
    benchmark_sentence: str


def semantic_overlap(
    train: Sequence[tuple[str, str]],
    benchmark: Sequence[tuple[str, str]],
    threshold: float = SEMANTIC_THRESHOLD,
    per_source_pair: int = 1,
) -> list[OverlapPair]:
    """Sentence pairs (training, benchmark) whose TF-IDF cosine is at least ``threshold``, best first.

    Args:
        train: (source label, text) of the training side, e.g. (scenario template, prompt + good oracle).
        benchmark: (source label, text) of the evaluation side, e.g. (benchmark name, prompt + options).
        threshold: Minimum cosine; the default is calibrated on the built-in data (module comment).
        per_source_pair: Keep at most this many pairs per (train source, benchmark source), so one shared
            fact repeated across many rendered items is reported once.
    """
    import numpy as np
    from scipy import sparse

    def split(side: Sequence[tuple[str, str]]) -> tuple[list[str], list[str]]:
        # Deduplicate sentences (rendered items repeat them); keep the first source that used each.
        first: dict[str, str] = {}
        for label, text in side:
            for s in sentences(text):
                first.setdefault(s, label)
        return list(first), list(first.values())

    a_sent, a_src = split(train)
    b_sent, b_src = split(benchmark)
    if not a_sent or not b_sent:
        return []
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, s in enumerate(a_sent + b_sent):
        terms = content_terms(s)
        for t in set(terms):
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(1.0 + math.log(terms.count(t)))  # sublinear term frequency
    X = sparse.csr_matrix((vals, (rows, cols)), shape=(len(a_sent) + len(b_sent), len(vocab)))
    df = np.bincount(X.indices, minlength=len(vocab))
    idf = np.log((1 + X.shape[0]) / (1 + df)) + 1.0
    X = sparse.csr_matrix(X.multiply(idf[None, :]))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    X = sparse.csr_matrix(X.multiply(1.0 / np.maximum(norms, 1e-12)[:, None]))
    A, B = X[: len(a_sent)], X[len(a_sent):]
    found: list[OverlapPair] = []
    step = 512  # chunk the benchmark side so the similarity block stays small
    for start in range(0, B.shape[0], step):
        sim = (B[start:start + step] @ A.T).tocoo()
        for i, j, v in zip(sim.row, sim.col, sim.data, strict=True):
            if v >= threshold:
                found.append(OverlapPair(score=round(float(v), 4), train_source=a_src[j], train_sentence=a_sent[j],
                                         benchmark_source=b_src[start + i], benchmark_sentence=b_sent[start + i]))
    found.sort(key=lambda p: (-p.score, p.train_source, p.benchmark_source))
    kept: dict[tuple[str, str], int] = {}
    out = []
    for p in found:
        key = (p.train_source, p.benchmark_source)
        if kept.get(key, 0) < per_source_pair:
            kept[key] = kept.get(key, 0) + 1
            out.append(p)
    return out
