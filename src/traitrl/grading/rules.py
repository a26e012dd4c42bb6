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


def rule_met(spec: RuleSpec, response: str) -> tuple[bool, str]:
    """Whether ``response`` meets ``spec``, and which pattern decided it (for the record)."""
    text = graded_text(response)
    for p in spec.none_of:
        m = _search(p, text)
        if m:
            return False, f"forbidden pattern {p!r} matched {m.group(0)[:60]!r}"
    for p in spec.all_of:
        if not _search(p, text):
            return False, f"required pattern {p!r} absent"
    if spec.any_of:
        for p in spec.any_of:
            m = _search(p, text)
            if m:
                return True, f"pattern {p!r} matched {m.group(0)[:60]!r}"
        return False, "none of the accepted patterns matched"
    return True, "no forbidden pattern present"
