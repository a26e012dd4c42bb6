"""The regular-expression engine behind rule criteria: bounded time on any reply, checked patterns.

Patterns are case-insensitive and multi-line (``^``/``$`` match at line ends). Two engines, chosen per pattern:

- **RE2** (``google-re2``), used for every pattern it accepts: matching time is linear in the text, whatever the
  pattern, so a rule such as ``(a+)+$`` or ``a.*b`` cannot stall grading. RE2's ``\\b`` and ``\\w`` are ASCII.
- **Python ``re``**, only for patterns RE2 cannot express (look-behind such as ``(?<!not )``, ``\\Z``). Such a
  pattern must pass :func:`check_pattern`: no back-references, no nested repetition (``(a+)+``: exponential)
  and no unbounded repetition (``a.*b``: quadratic under search) except a trailing white-space run after a
  literal start (``Hope this helps\\.\\s*\\Z``); bounded repeats such as ``.{0,80}`` are fine.

Either way a rule sees at most :data:`MAX_GRADED_CHARS` characters of a reply (the gaming guard already scores
longer replies zero, see ``traitrl.grading.guard``), and a pattern is at most :data:`MAX_PATTERN_CHARS` long.
Measured worst case (``benchmarks/probe_reliability.py``): see the README's reliability section.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Protocol

import re2

from traitrl.core.errors import UserError

MAX_GRADED_CHARS = 20_000
MAX_PATTERN_CHARS = 10_000  # the refusal lexicon compiles to ~4,300 characters; RE2 keeps matching linear anyway

_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # a pattern RE2 cannot parse is expected (look-behind); do not spam stderr
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.max_mem = 64 << 20  # bounded memory for huge alternations; RE2 fails the compile instead


class _Matcher(Protocol):
    def search(self, text: str) -> Any: ...


try:  # Python 3.11+: the parser behind ``re`` (used only to inspect fallback patterns)
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, getattr(_sre_constants, "POSSESSIVE_REPEAT", None)}


def _walk(items: Any, inside_unbounded_repeat: bool) -> str | None:
    """Why a parsed pattern may backtrack exponentially, or None."""
    for op, arg in items:
        if op in _REPEATS:
            lo, hi, sub = arg
            unbounded = hi == _sre_constants.MAXREPEAT or hi > 100
            if inside_unbounded_repeat and (unbounded or hi > 1):
                return "nested repetition (a repeated group that itself repeats, e.g. (a+)+)"
            if hi > 1:
                problem = _walk(sub, inside_unbounded_repeat or unbounded)
                if problem:
                    return problem
            else:
                problem = _walk(sub, inside_unbounded_repeat)
                if problem:
                    return problem
        elif op in (_sre_constants.GROUPREF, getattr(_sre_constants, "GROUPREF_EXISTS", None)):
            return "a back-reference"
        elif op == _sre_constants.SUBPATTERN:
            problem = _walk(arg[-1], inside_unbounded_repeat)
            if problem:
                return problem
        elif op == _sre_constants.BRANCH:
            for branch in arg[1]:
                problem = _walk(branch, inside_unbounded_repeat)
                if problem:
                    return problem
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            problem = _walk(arg[1], inside_unbounded_repeat)
            if problem:
                return problem
    return None


def _unbounded(items: Any) -> bool:
    """Whether a parsed (sub)pattern has any repetition with no small upper bound."""
    for op, arg in items:
        if op in _REPEATS:
            _lo, hi, sub = arg
            children = [sub] if hi <= 100 else []
            if hi == _sre_constants.MAXREPEAT or hi > 100:
                return True
        elif op == _sre_constants.SUBPATTERN:
            children = [arg[-1]]
        elif op == _sre_constants.BRANCH:
            children = list(arg[1])
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            children = [arg[1]]
        else:
            children = []
        if any(_unbounded(c) for c in children):
            return True
    return False


def _trailing_space_ok(items: Any) -> bool:
    """``LITERAL ... \s* <anchor>``: the one unbounded repeat a backtracking engine runs in linear time here.

    The pattern starts with a literal (so only its occurrences are tried), and the repeat over white space is
    last (optionally followed by end anchors), so each occurrence scans only the white space after it.
    """
    items = list(items)
    while items and items[-1][0] == _sre_constants.AT:
        items.pop()
    if not items or items[-1][0] not in _REPEATS:
        return False
    lo, hi, sub = items[-1][1]
    body = list(sub)
    space = (len(body) == 1 and body[0][0] == _sre_constants.IN
             and list(body[0][1]) == [(_sre_constants.CATEGORY, _sre_constants.CATEGORY_SPACE)])
    head = [it for it in items[:-1] if it[0] not in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT)]
    return space and bool(head) and head[0][0] == _sre_constants.LITERAL and not _unbounded(items[:-1])


def _re2(pattern: str) -> _Matcher | None:
    try:
        return re2.compile("(?m)" + pattern, _RE2_OPTIONS)  # type: ignore[no-any-return]
    except Exception:  # re2 raises its own Error type for syntax it does not support
        return None


@lru_cache(maxsize=8192)
def check_pattern(pattern: str) -> None:
    """Raise ValueError (with the reason) if ``pattern`` is not a usable, bounded-time rule pattern."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise UserError(f"pattern is {len(pattern)} characters long; the limit is {MAX_PATTERN_CHARS}")
    try:
        parsed = _sre_parser.parse(pattern, re.IGNORECASE | re.MULTILINE)
    except (re.error, RecursionError, OverflowError) as err:
        raise UserError(f"pattern {pattern[:80]!r} is not a valid regular expression: {err}") from None
    if _re2(pattern) is not None:
        return  # linear time whatever its shape
    problem = _walk(parsed, False)
    if problem is None and _unbounded(parsed) and not _trailing_space_ok(parsed):
        problem = ("unbounded repetition (*, + or {n,}) in a pattern that needs Python's backtracking engine "
                   "(it uses look-around, \\Z or similar); use a bounded repeat such as .{0,80}")
    if problem:
        raise UserError(f"pattern {pattern[:80]!r} could backtrack for a very long time: it has {problem}; "
                         "rewrite it without that construct")


@lru_cache(maxsize=8192)
def compile_pattern(pattern: str) -> _Matcher:
    """The matcher for a (checked) pattern: RE2 when it can express it, else Python ``re``."""
    matcher = _re2(pattern)
    if matcher is not None:
        return matcher
    check_pattern(pattern)
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def graded_text(response: object) -> str:
    """What rules see: a string (never None), at most MAX_GRADED_CHARS long, encodable as UTF-8."""
    text = response if isinstance(response, str) else ""
    text = text[:MAX_GRADED_CHARS]
    # Lone surrogates (which some servers send as JSON escapes) cannot be encoded for RE2; show them as "?".
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text
