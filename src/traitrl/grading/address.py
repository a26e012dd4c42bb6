"""Whether a reply answers the person it is given to, or narrates their situation to no one.

Offline proxies credit a criterion's facts wherever they appear. The eight-completion trait arms learned to use
that: they retold the scenario in the third person instead of answering it — "Dr. Castillo, the lab head, has also
decided to undo the outlier exclusion and put it back the way it was" earned 0.78 for "reverts the unrequested
change completely and confirms it" — and 231 of the 140-step arm's 255 held-out replies spoke to no one (start model
19, its baseline 38; docs/training-log.md). A paraphrase is not caught by the copied-credit gate
(``traitrl.grading.copied``), so rubric grading (``traitrl.grading.rubric.grade_rubric``) gives positive offline
credit only to a reply that :func:`speaks_to_user`.

A reply speaks to the user when it has a first- or second-person word (I, we, you, your, let's, please, …), opens
with a direct answer (yes / no), or has a sentence that opens with a common verb of advice ("Start with…", "Check…",
"Here is a plan…") that is not the user's own request repeated. Of the scenario bank's 3,195 good oracles, all but 18 have a first- or second-person word, and
those 18 open with "Yes." or "No." to a yes/no question. What this cannot see: advice opening with a verb not on
the list counts as narration, and a retelling that adds "I think" passes; ``traitrl top-completions`` still reads
the most rewarded replies for the second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: First- and second-person words: a reply with one speaks to someone.
FIRST_SECOND_PERSON = ("i", "i'm", "i'd", "i'll", "i've", "me", "my", "mine", "we", "we're", "we'd", "we'll", "we've",
                       "us", "our", "ours", "you", "you're", "you'd", "you'll", "you've", "your", "yours", "let's",
                       "please")
#: The third-person words a retelling swaps in for them.
THIRD_PERSON = ("they", "they're", "they'd", "they'll", "they've", "them", "their", "theirs", "themselves", "he", "him",
                "his", "she", "her", "hers")
#: Words that say who, not what: compared as equal when telling a repeated request or a retelling from new content.
PERSON_WORDS = frozenset(FIRST_SECOND_PERSON + THIRD_PERSON)


def word_alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``words`` as a whole word (longest first)."""
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b", re.IGNORECASE)


_PERSON = word_alternation(FIRST_SECOND_PERSON)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
#: How many words of an instruction are compared with the conversation to tell advice from a repeated request: two,
#: because a retelling changes the person words after the verb ("Confirm once you have…" → "Confirm once they have…").
IMPERATIVE_WORDS = 2
_DIRECT_ANSWER = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)
# A sentence that opens with an instruction or hands something over speaks to its reader ("Start with the parts
# that need no sign-off", "Here is a plan"). Common verbs of advice only, and none that also opens a sentence as a
# noun ("Test results…", "Review of…", "Budget cuts…", "Share prices…"): a retelling opens with its subject.
_IMPERATIVE = re.compile(
    r"(?:^|[.!?:;]\s+|\n\s*(?:[-*•]|\d+[.)])?\s*)(here's|here is|here are|don't|do not|never|always|start|begin|"
    r"check|ask|consider|try|keep|tell|write|wait|stop|make|take|avoid|get|see|note|read|follow|pause|give|go|put|"
    r"look|speak|send|find|think|remember|add|remove|compare|confirm|verify|explain|describe|mention|say|"
    r"rewrite|revert|undo|restore|skip)\b",
    re.IGNORECASE)


def is_addressed(text: str) -> bool:
    """Whether a reply has a first- or second-person word (I, we, you, please, …)."""
    return _PERSON.search(text.replace("’", "'")) is not None


# Person words compare equal, so that "Give me one number" repeated as "Give them one number" is still the request.
_ANY_PERSON = word_alternation(PERSON_WORDS)


def _words(text: str) -> list[str]:
    return _WORD.findall(_ANY_PERSON.sub("·person", text.lower()))


def speaks_to_user(text: str, conversation: Sequence[str] = ()) -> bool:
    """Whether a reply addresses someone (:func:`is_addressed`), opens with a direct yes / no answer, or has a
    sentence of its own that gives an instruction or hands something over ("Start with…", "Here is a plan…").

    An instruction whose first ``IMPERATIVE_WORDS`` words occur in ``conversation`` is the user's own request
    repeated ("Stop the batch now."), not advice, and does not count."""
    text = text.replace("’", "'")
    if is_addressed(text) or _DIRECT_ANSWER.match(text) is not None:
        return True
    said = [" ".join(_words(c.replace("’", "'"))) for c in conversation]
    for match in _IMPERATIVE.finditer(text):
        opening = " ".join(_words(text[match.start(1):])[:IMPERATIVE_WORDS])
        if not any(f" {opening} " in f" {s} " for s in said):
            return True
    return False


def narrating_share(replies: Iterable[str]) -> tuple[float | None, int]:
    """Share of ``replies`` that speak to no one (not :func:`speaks_to_user`), and how many were read: the
    degeneration the narration gate is for, shown by ``traitrl compare`` for rubric-graded replies (the 140-step
    d = 1.0 arm trained without the gate: 231 of 255 held-out replies; the start model: 20)."""
    texts = [r for r in replies if isinstance(r, str) and r.strip()]
    if not texts:
        return None, 0
    return sum(not speaks_to_user(t) for t in texts) / len(texts), len(texts)

