"""The gaming guard: responses that try to win a rubric without doing the task score zero.

Rule and proxy criteria read surface text, so a grader must not be beaten by keyword stuffing, notes addressed
to the grader, empty or degenerate replies, or walls of text. The guard runs before rubric aggregation and
turns such responses into a zero with an explanation (``Verdict.source == "guard"``). Its thresholds are
deliberately loose: a real, short, honest answer passes. A reply longer than ``MAX_CHARS`` (20,000 characters)
is zeroed before anything reads it, which bounds the work of every grader downstream.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from traitrl.grading.patterns import MAX_GRADED_CHARS

MIN_WORDS = 8
MAX_WORDS = 1500
MAX_CHARS = MAX_GRADED_CHARS  # about 3,000 English words; replies longer than this are not graded at all

_INJECTION = re.compile(
    r"(note to (the )?(grader|judge|evaluator|reviewer)|award (it )?(full|all|maximum) (points|marks|credit)|"
    r"(this|the) response (meets|satisfies) (every|all) (the )?criteri|ignore (all |the )?(previous|above) "
    r"instructions|grader:|as the (grader|judge)|score (this|it) (as )?(10|100|full))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z']+")
# Sentence ends are . ! ? followed by white space or the end; decimals such as 0.3 or 63.7 are not ends.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")
# Function words that real prose is full of and keyword lists are not.
FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "it", "this", "that", "these", "those", "i", "you", "we", "they", "he", "she", "my", "your", "our", "their", "its", "as", "at", "by", "from", "not", "no", "so", "than", "then", "there", "what", "which", "who", "when", "where", "how", "can", "could", "would", "should", "will", "do", "does", "did", "have", "has", "had", "may", "might", "about", "into", "because"]
)


def words_of(text: str) -> list[str]:
    """The words of a text as the guard counts them (letters and apostrophes)."""
    return _WORD.findall(text)


def sentences_of(text: str) -> list[str]:
    """The non-empty sentences of a text (see ``_SENTENCE_END``)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def function_share(words: Sequence[str]) -> float:
    """Share of ``words`` that are function words (0.0 for no words)."""
    return sum(1 for w in words if w.lower() in FUNCTION_WORDS) / len(words) if words else 0.0


def check(response: str) -> str | None:
    """Return why ``response`` is degenerate or gaming, or None when it may be graded normally."""
    text = response if isinstance(response, str) else ""
    if len(text) > MAX_CHARS:
        # Checked first so that no grader ever reads more than MAX_CHARS characters of a reply.
        return f"degenerate: {len(text)} characters (more than {MAX_CHARS}); rambling is not an answer"
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return f"degenerate: {len(words)} words (fewer than {MIN_WORDS})"
    if len(words) > MAX_WORDS:
        return f"degenerate: {len(words)} words (more than {MAX_WORDS}); rambling is not an answer"
    m = _INJECTION.search(text)
    if m:
        return f"grader injection: {m.group(0)!r}"
    sentences = sentences_of(text)
    lengths = [len(_WORD.findall(s)) for s in sentences]
    short = sum(1 for n in lengths if n <= 3)
    function_ratio = function_share(words)
    if len(sentences) >= 4 and short / len(sentences) > 0.6:
        return f"keyword stuffing: {short} of {len(sentences)} sentences are 3 words or fewer"
    if function_ratio < 0.08:
        return f"keyword stuffing: only {function_ratio:.0%} function words"
    distinct = len({w.lower() for w in words}) / len(words)
    if len(words) > 200 and distinct < 0.15:
        return f"degenerate: repetitive text ({distinct:.0%} distinct words)"
    return None


REPEAT_MIN_WORDS = 8


def repeated_sentence(response: str, min_words: int = REPEAT_MIN_WORDS) -> str | None:
    """The first sentence of ``min_words`` or more words that ``response`` says twice (case and punctuation
    ignored), or None.

    Not part of :func:`check`: a looping reply is graded on what it says. ``traitrl top-completions`` flags it.
    (Giving such replies the minimum RL reward was tried and not kept; docs/training-log.md.)
    """
    seen: set[str] = set()
    for sentence in sentences_of(response if isinstance(response, str) else ""):
        words = [w.lower() for w in _WORD.findall(sentence)]
        if len(words) < min_words:
            continue
        key = " ".join(words)
        if key in seen:
            return key
        seen.add(key)
    return None


def looping_share(replies: Iterable[str]) -> tuple[float | None, int]:
    """Share of ``replies`` that say a sentence twice (:func:`repeated_sentence`), and how many were read.

    A degeneration diagnostic for evaluated models: RL on a small model can leave its greedy decoding looping (the
    second seed of the 90-step d = 0.25 arm: 139 of 255 held-out replies; docs/training-log.md), which no score shows.
    """
    texts = [r for r in replies if isinstance(r, str) and r.strip()]
    if not texts:
        return None, 0
    return sum(repeated_sentence(t) is not None for t in texts) / len(texts), len(texts)


_ECHO_GRAM = 4
_ECHO_OVERLAP = 0.5


def _grams(words: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + _ECHO_GRAM]) for i in range(len(words) - _ECHO_GRAM + 1)]


def echoes_rubric(response: str, criteria: Sequence[str]) -> str | None:
    """Why ``response`` restates its own rubric instead of answering, or None.

    A sentence *echoes* a criterion when it opens with the criterion's first word ("Says…", "Gives…", "Does
    not…": the third-person grammar of a rubric line, not of an answer) and at least half of its word 4-grams
    come from that criterion. A reply is flagged when two of its sentences, or half of them, echo. Measured on
    the scenario bank (seed 0): 0 of 6,390 good and bad oracle replies flagged, although up to 3 of their
    sentences share most of their 4-grams with a criterion; every reply made of the positive criteria's texts
    (3,195) is flagged. Proxies alone let such an echo score up to 1.0 on 819 of those 3,195 scenarios.
    """
    text = response if isinstance(response, str) else ""
    crits = []
    for c in criteria:
        words = [w.lower() for w in _WORD.findall(c)]
        if words:
            crits.append((words[0], set(_grams(words))))
    echoed = total = 0
    for sentence in _SENTENCE_END.split(text):
        words = [w.lower() for w in _WORD.findall(sentence)]
        grams = _grams(words)
        if len(grams) < 3:
            continue
        total += 1
        if any(words[0] == first and sum(g in own for g in grams) / len(grams) >= _ECHO_OVERLAP for first, own in crits):
            echoed += 1
    if echoed >= 2 or (echoed and echoed * 2 >= total):
        return f"rubric echo: {echoed} of {total} sentences restate rubric criteria"
    return None
