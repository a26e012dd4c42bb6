"""Rule criteria: regular expressions over a response. Never raise on any model output; bounded time.

The engine (RE2 where possible, checked Python ``re`` otherwise), the reply cap and the pattern limits live in
``traitrl.grading.patterns``.
"""

from __future__ import annotations

from typing import Any

from traitrl.grading.criteria import RuleSpec
from traitrl.grading.patterns import compile_pattern, graded_text


def _search(pattern: str, text: str) -> Any:
    return compile_pattern(pattern).search(text)


def rule_met(spec: RuleSpec, response: str, evidence: str | None = None) -> tuple[bool, str]:
    """Whether ``response`` meets ``spec``, and which pattern decided it (for the record).

    ``evidence``, when given, is the text the required patterns (``all_of``, ``any_of``) are looked for in — the
    reply's own words (``traitrl.grading.copied.own_words``); forbidden patterns always read the whole reply.
    """
    text = graded_text(response)
    shown = text if evidence is None else graded_text(evidence)
    for p in spec.none_of:
        m = _search(p, text)
        if m:
            return False, f"forbidden pattern {p!r} matched {m.group(0)[:60]!r}"
    for p in spec.all_of:
        if not _search(p, shown):
            return False, f"required pattern {p!r} absent"
    if spec.any_of:
        for p in spec.any_of:
            m = _search(p, shown)
            if m:
                return True, f"pattern {p!r} matched {m.group(0)[:60]!r}"
        return False, "none of the accepted patterns matched"
    return True, "no forbidden pattern present"


def rule_credit(spec: RuleSpec, response: str, evidence: str | None = None) -> float:
    """Partial credit in [0, 1]: the share of ``spec``'s required evidence that ``response`` shows.

    Each ``all_of`` pattern is one unit and the ``any_of`` alternatives together are one unit; a forbidden
    (``none_of``) match gives 0. So ``rule_credit == 1.0`` exactly when :func:`rule_met` holds, a rule with a
    single unit stays all-or-nothing, and a reply that names the topic and the evidence but not the check gets
    2/3 of "names the topic, the evidence and how to check it". Used for the training reward only
    (``traitrl.grading.rubric.graded_reward``); benchmark scores count met criteria. ``evidence`` as in
    :func:`rule_met`.
    """
    text = graded_text(response)
    if any(_search(p, text) for p in spec.none_of):
        return 0.0
    shown = text if evidence is None else graded_text(evidence)
    units = [bool(_search(p, shown)) for p in spec.all_of]
    if spec.any_of:
        units.append(any(_search(p, shown) for p in spec.any_of))
    return sum(units) / len(units) if units else 1.0
