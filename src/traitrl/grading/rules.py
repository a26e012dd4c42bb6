"""Rule criteria: regular expressions over a response. Never raise on any model output."""

from __future__ import annotations

import re
from functools import lru_cache

from traitrl.grading.criteria import RuleSpec


@lru_cache(maxsize=8192)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def rule_met(spec: RuleSpec, response: str) -> tuple[bool, str]:
    """Whether ``response`` meets ``spec``, and which pattern decided it (for the record)."""
    text = response or ""
    for p in spec.none_of:
        m = _compile(p).search(text)
        if m:
            return False, f"forbidden pattern {p!r} matched {m.group(0)[:60]!r}"
    for p in spec.all_of:
        if not _compile(p).search(text):
            return False, f"required pattern {p!r} absent"
    if spec.any_of:
        for p in spec.any_of:
            m = _compile(p).search(text)
            if m:
                return True, f"pattern {p!r} matched {m.group(0)[:60]!r}"
        return False, "none of the accepted patterns matched"
    return True, "no forbidden pattern present"
