"""OpenAI-compatible endpoints (vLLM, OpenAI, proxies) for generation, judging and scenario writing.

Configuration comes from arguments or the environment: ``TRAITRL_OPENAI_BASE_URL`` (or ``OPENAI_BASE_URL``),
``TRAITRL_OPENAI_API_KEY`` (or ``OPENAI_API_KEY``). Transport errors, 429 and 5xx are retried with exponential
backoff; other HTTP errors fail at once with the server's message. A call may carry a ``deadline`` (a
``time.monotonic()`` instant): no attempt, wait or retry runs past it. Error messages never contain the API key
or URL credentials, even when the server echoes them back (``traitrl.core.text.redact``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from traitrl.core.text import redact
from traitrl.models.base import Conversation, MCRequest, ModelLoadError, SamplingParams


class OpenAIError(RuntimeError):
    pass


def _env(*names: str) -> str | None:
    for n in names:
        v = os.environ.get(n)
        if v:
            return v
    return None


def public_base_url(base_url: str | None = None) -> str | None:
    """The configured base URL without credentials or query string (safe to record and display)."""
    from urllib.parse import urlsplit, urlunsplit

    url = base_url or _env("TRAITRL_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


class OpenAIClient:
    """A minimal, retrying chat-completions client."""

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        max_retries: int = 4,
        backoff: float = 1.0,
    ) -> None:
        base_url = base_url or _env("TRAITRL_OPENAI_BASE_URL", "OPENAI_BASE_URL")
        if not base_url:
            raise ModelLoadError(
                "no OpenAI-compatible endpoint configured: pass base_url or set TRAITRL_OPENAI_BASE_URL "
                "(e.g. http://localhost:8000/v1 for a vLLM server)"
            )
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key or _env("TRAITRL_OPENAI_API_KEY", "OPENAI_API_KEY") or "EMPTY"
        self.max_retries = max_retries
        self.backoff = backoff
        self.timeout = timeout
        self._http = httpx.Client(timeout=timeout, headers={"Authorization": f"Bearer {self.api_key}"})

    def _safe(self, text: str) -> str:
        return redact(text, [self.api_key])

    def post(self, path: str, payload: dict[str, Any], deadline: float | None = None) -> dict[str, Any]:
        """POST JSON with retries; ``deadline`` (monotonic seconds) bounds the whole call, waits included."""
        last = ""
        attempts = 0
        for attempt in range(self.max_retries + 1):
            timeout = self.timeout
            if deadline is not None:
                timeout = min(timeout, deadline - time.monotonic())
                if timeout <= 0:
                    last = last or "no time left"
                    break
            attempts += 1
            try:
                r = self._http.post(f"{self.base_url}{path}", json=payload, timeout=timeout)
            except httpx.HTTPError as err:
                last = f"{type(err).__name__}: {err}"
            else:
                if r.status_code == 200:
                    try:
                        data: dict[str, Any] = r.json()
                        return data
                    except ValueError:
                        last = f"non-JSON body: {r.text[:200]!r}"
                elif r.status_code == 429 or r.status_code >= 500:
                    last = f"HTTP {r.status_code}: {r.text[:200]}"
                else:
                    raise OpenAIError(self._safe(f"HTTP {r.status_code} from {self.base_url}{path}: {r.text[:300]}"))
            if attempt < self.max_retries:
                wait = self.backoff * (2**attempt)
                if deadline is not None and time.monotonic() + wait >= deadline:
                    last += " (deadline reached)"
                    break
                time.sleep(wait)
        raise OpenAIError(self._safe(f"{self.base_url}{path} failed after {attempts} attempt(s): {last}"))

    def chat(self, messages: Sequence[dict[str, str]], deadline: float | None = None, **params: Any) -> str:
        """The assistant text of one chat completion (``deadline`` as in :meth:`post`)."""
        data = self.post("/chat/completions", {"model": self.model, "messages": list(messages), **params},
                         deadline=deadline)
        try:
            return str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            raise OpenAIError(self._safe(f"malformed chat completion: {str(data)[:300]}")) from None


class OpenAIChatModel:
    """ChatModel over an OpenAI-compatible server, with bounded concurrency."""

    def __init__(self, client: OpenAIClient, concurrency: int = 8) -> None:
        self.client = client
        self.name = f"openai:{client.model}"
        self.concurrency = concurrency
        self.fingerprint: str | None = None  # set by traitrl.models.loading
        self.source: Any = None

    def generate(self, conversations: Sequence[Conversation], params: SamplingParams) -> list[str]:
        def one(conv: Conversation) -> str:
            msgs = [{"role": m.role, "content": m.content} for m in conv]
            return self.client.chat(msgs, max_tokens=params.max_tokens, temperature=params.temperature,
                                    top_p=params.top_p, seed=params.seed)

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            return list(pool.map(one, conversations))

    def format_chat(self, conversation: Conversation, add_generation_prompt: bool = True) -> str:
        # The server applies its own template; for completion-style log-probs we use a plain transcript.
        text = "".join(f"{'Human' if m.role == 'user' else m.role.capitalize()}: {m.content}\n\n" for m in conversation)
        return text + ("Assistant:" if add_generation_prompt else "")

    def option_logprobs(self, requests: Sequence[MCRequest]) -> list[list[float]]:
        """Uses the completions endpoint with ``echo`` and prompt log-probs (vLLM supports it; OpenAI does not)."""

        def one(req: MCRequest) -> list[float]:
            out = []
            for cont in req.continuations:
                data = self.client.post("/completions", {
                    "model": self.client.model, "prompt": req.context + cont, "max_tokens": 1,
                    "echo": True, "logprobs": 1, "temperature": 0.0,
                })
                try:
                    lp = data["choices"][0]["logprobs"]
                    offsets, token_lps = lp["text_offset"], lp["token_logprobs"]
                except (KeyError, IndexError, TypeError):
                    raise OpenAIError("endpoint does not return prompt log-probs (echo=True); use a vLLM server "
                                      "or a local HF model for log-prob benchmarks") from None
                start = len(req.context)
                out.append(float(sum(x for o, x in zip(offsets, token_lps, strict=False)
                                     if o >= start and x is not None and o < start + len(cont))))
            return out

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            return list(pool.map(one, requests))
