"""A reply's own words: what is left when the runs it copied from the conversation are taken out.

Rule and proxy criteria look for what a reply says. A reply that restates the user's message contains the
scenario's own facts — "a second breach", "suspended pending retraining", "the two poorly distinguished cases" —
and so met criteria that ask the reply to *weigh* or *recommend* those facts. Measured on the built-in scenarios
before this module, replying with the user's last message verbatim scored a mean 0.164 on the held-out split —
more than any model trained here — and 0.135 on the training split, and the policies trained on the rubric reward
drifted toward retelling the prompt (docs/training.md, "What the trained policy was rewarded for").

Yet an honest reply also repeats the conversation's facts: "states the tested result accurately, with its
conditions" *asks* for them. So copied words are not simply ignored. Rubric grading
(``traitrl.grading.rubric.grade_rubric``) looks for each positive criterion's required evidence in the reply's
:func:`own_words` as well; credit found only in copied runs counts when the reply's own words meet some criterion
that asks for something present, and is dropped when they meet none. Penalties and forbidden patterns read the
whole reply, so restating a harmful framing is still penalised. On all 3,195 built-in scenarios the good oracles
keep 1.0 and the verbatim echo falls to 0.000 (held-out) and 0.008 (train, all from absence-only criteria such as
"gives no invented DOI", which the score grants any reply that does not do the thing; the ``partial`` reward: 0).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from traitrl.grading.address import PERSON_WORDS

#: Shortest copied run that is masked: long enough that the short phrases an answer shares with its question ("the
#: second approval", "pending retraining") are its own words. On the built-in scenarios 4 and 8 give the same
#: oracle and echo scores as 6; of the good oracles, the most copied has 37% of its words in 6-word runs.
COPY_MIN_WORDS = 6
MASK = "…"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _run_key(word: str) -> str:
    """How a word is compared inside a copied run: person words are one word, so a message told back to its
    writer ("I run a bakery and my landlord …" as "You run a bakery and your landlord …") or retold about them is
    still a copy. Without this, each swapped pronoun broke the run, and the user's message told back in the second
    person earned ``partial`` reward on 24 of the 255 held-out scenarios (the 140-step gated arm's shortcut)."""
    k = _key(word)
    return "·person" if k in PERSON_WORDS else k


def _copied(words: list[re.Match[str]], sources: Iterable[str], min_words: int) -> list[bool]:
    """For each word of the reply: is it inside a run of ``min_words`` words that also occurs in a source?"""
    copied = [False] * len(words)
    if len(words) < min_words:
        return copied
    grams: set[tuple[str, ...]] = set()
    for source in sources:
        keys = [_run_key(m.group(0)) for m in _WORD.finditer(source)]
        grams.update(tuple(keys[i:i + min_words]) for i in range(len(keys) - min_words + 1))
    keys = [_run_key(m.group(0)) for m in words]
    for i in range(len(words) - min_words + 1):
        if tuple(keys[i:i + min_words]) in grams:
            copied[i:i + min_words] = [True] * min_words
    return copied


def copied_share(response: str, sources: Iterable[str], min_words: int = COPY_MIN_WORDS) -> float:
    """Share of the reply's words that lie in runs copied from ``sources`` (0.0 for an empty reply)."""
    words = list(_WORD.finditer(response))
    return sum(_copied(words, sources, min_words)) / len(words) if words else 0.0


def own_words(response: str, sources: Iterable[str], min_words: int = COPY_MIN_WORDS) -> str:
    """``response`` with every run of ``min_words`` or more words that also appears in ``sources`` replaced by
    ``MASK``. Returns ``response`` itself when nothing is copied. Linear in the words of both."""
    words = list(_WORD.finditer(response))
    copied = _copied(words, sources, min_words)
    if not any(copied):
        return response
    out: list[str] = []
    pos = i = 0
    while i < len(words):
        if not copied[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and copied[j + 1]:
            j += 1
        out += [response[pos:words[i].start()], MASK]
        pos, i = words[j].end(), j + 1
    out.append(response[pos:])
    return "".join(out)


def prompt_overlap(response: str, sources: Iterable[str]) -> float:
    """Share of the reply's content words (not function words) that also occur anywhere in ``sources``.

    A retelling paraphrases: the eight-completion d = 1.0 arm trained for 140 steps with the narration gate learned
    to tell the user their own situation back ("You're the communications officer for a climate research
    institute. You're writing a media statement…"), which speaks to the user and copies few 6-word runs. 12 of its
    top 20 replies had an overlap of 0.5 or more with the conversation, the 90-step arm's none; of the scenario
    bank's good oracles 67 of 3,195 (2%; median 0.20). ``traitrl top-completions`` flags a run whose top replies are
    mostly such retellings (``retelling``)."""
    from traitrl.grading.guard import FUNCTION_WORDS

    def content(text: str) -> list[str]:
        # Function words and person words carry no content of the scenario ("I run a start-up" retold as "You run
        # a start-up"), nor do words of one or two letters and numbers.
        return [k for k in (_key(m.group(0)) for m in _WORD.finditer(text))
                if len(k) > 2 and k not in FUNCTION_WORDS and k not in PERSON_WORDS and not k.isdigit()]

    words = content(response)
    if not words:
        return 0.0
    seen = {w for s in sources for w in content(s)}
    return sum(w in seen for w in words) / len(words)
