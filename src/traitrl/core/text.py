"""Untrusted text made inert for display, and secrets kept out of anything written or shown.

Model replies, scenario text, file names and config values are *data*. Wherever traitrl shows them (terminal
tables, panels, error messages, later the HTML report) they must be shown literally and never interpreted:

- :func:`visible` turns characters a terminal would act on or choke on into visible escapes: lone surrogates
  (``\\ud800``), C0/C1 control characters including ESC (so ``\\x1b[2J`` is printed, not executed), DEL, and
  the bidirectional overrides that can reorder what a reader sees. Newlines and tabs are kept.
- :func:`plain` wraps the result in a ``rich.text.Text``, which rich never parses as markup, so ``[/]`` or
  ``[bold red]`` in a reply is printed as typed.
- :func:`redact` removes credentials (API keys, ``user:password@`` in URLs, ``key=`` query parameters,
  ``Bearer`` tokens) from a message before it is stored, cached, logged or printed, even when a server
  echoes them back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from rich.text import Text

# Bidirectional embeddings, overrides and isolates: they reorder how text is displayed ("Trojan Source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def visible(text: object, limit: int | None = None) -> str:
    """``text`` with control characters, lone surrogates and bidi overrides replaced by visible escapes.

    Args:
        text: Anything; non-strings are converted with ``str``.
        limit: If given, cut the result to this many characters and mark the cut with ``…``.

    Returns:
        A string that encodes as UTF-8 and that a terminal prints without acting on any of it.
    """
    s = text if isinstance(text, str) else str(text)
    if limit is not None and len(s) > limit:
        s = s[:limit] + "…"
    return _UNSAFE.sub(lambda m: _escape_char(m.group(0)), s)


def plain(text: object, style: str = "", limit: int | None = None) -> Text:
    """A rich ``Text`` of :func:`visible` text: never parsed as markup, safe in tables, panels and prints."""
    return Text(visible(text, limit), style=style)


def joined(*parts: tuple[object, str] | object) -> Text:
    """Concatenate literal pieces, each either ``text`` or ``(text, style)``, into one inert ``Text``.

    For messages that mix fixed styling with untrusted values, e.g.
    ``joined(("error:", "bold red"), " ", message)``.
    """
    out = Text()
    for part in parts:
        if isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], str):
            out.append(visible(part[0]), style=part[1])
        else:
            out.append(visible(part))
    return out


# --- secrets -------------------------------------------------------------------------------------------------

_SECRET_ENV = ("TRAITRL_OPENAI_API_KEY", "OPENAI_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "WANDB_API_KEY")
REDACTED = "[redacted]"
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/@]+@")
_QUERY_SECRET = re.compile(r"(?i)([?&](?:api[_-]?key|key|token|access_token|auth|password|secret|sig)=)[^&\s#\"']+")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{4,}")
# Well-known key shapes (OpenAI-style sk-..., Hugging Face hf_...), redacted even when we did not set them.
_KEY_SHAPES = re.compile(r"\b(?:sk-[A-Za-z0-9_-]{16,}|hf_[A-Za-z0-9]{20,})\b")


def secret_values(extra: Iterable[str | None] = ()) -> list[str]:
    """Secrets currently configured in the environment plus ``extra`` (ignoring empty and trivial values)."""
    values = [os.environ.get(name) for name in _SECRET_ENV] + list(extra)
    # "EMPTY" is the placeholder key vLLM accepts; very short values would redact ordinary words.
    return sorted({v for v in values if v and len(v) >= 6 and v != "EMPTY"}, key=len, reverse=True)


def redact(text: object, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with API keys, URL credentials, secret query parameters and bearer tokens replaced.

    Args:
        text: A message, URL or server reply (non-strings are converted with ``str``).
        secrets: Extra literal secrets to remove (e.g. the key a client was built with).
    """
    s = text if isinstance(text, str) else str(text)
    for value in secret_values(secrets):
        s = s.replace(value, REDACTED)
    s = _URL_USERINFO.sub(lambda m: f"{m.group(1)}{REDACTED}@", s)
    s = _QUERY_SECRET.sub(lambda m: f"{m.group(1)}{REDACTED}", s)
    s = _BEARER.sub(lambda m: f"{m.group(1)}{REDACTED}", s)
    return _KEY_SHAPES.sub(REDACTED, s)


def clock(seconds: float) -> str:
    """A duration as ``m:ss``, or ``h:mm:ss`` from an hour (progress lines and ETAs)."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}" if whole >= 3600 else f"{whole // 60}:{whole % 60:02d}"
