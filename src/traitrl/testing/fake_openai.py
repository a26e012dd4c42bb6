"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: scripted replies, recorded requests.

Tests of the judge and the scenario generator should exercise the real client (HTTP, retries, backoff, JSON
parsing), not a mock object. This server speaks just enough of the API for that:

- ``POST /v1/chat/completions``: the reply text comes from a handler ``request_json -> Reply``, where a Reply
  is either the assistant's text (HTTP 200) or ``(status, body)`` to send an error or any raw body.
- ``POST /v1/completions`` with ``echo`` and ``logprobs``: the prompt is split into whitespace tokens and each
  gets a log-prob from ``logprob_fn`` (default -1.0), so log-prob multiple-choice code can be tested end to end.

Usage::

    with FakeOpenAIServer(scripted(['{"met": true, "explanation": "ok"}'])) as server:
        client = server.client()            # an OpenAIClient with a tiny backoff
        client.chat([{"role": "user", "content": "hi"}])
        assert server.request_count == 1

The server is bounded: it answers at most ``max_requests`` requests (then 503), and shuts itself down after
``lifetime`` seconds even if a test forgets to stop it. Handlers may sleep to simulate a slow endpoint.
"""

from __future__ import annotations

import json
import re
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from traitrl.models.openai_compat import OpenAIClient

Reply = str | tuple[int, str | dict[str, Any]]
RequestHandler = Callable[[dict[str, Any]], Reply]

_TOKEN = re.compile(r"\S+\s*|\s+")


def scripted(replies: Sequence[Reply]) -> RequestHandler:
    """A handler that returns ``replies`` in order, then repeats the last one (thread-safe)."""
    if not replies:
        raise ValueError("scripted() needs at least one reply")
    lock = threading.Lock()
    state = {"i": 0}

    def handler(_: dict[str, Any]) -> Reply:
        with lock:
            i = min(state["i"], len(replies) - 1)
            state["i"] += 1
        return replies[i]

    return handler


def chat_reply_text(request: dict[str, Any]) -> str:
    """The last user message of a chat request: handy for handlers that answer by content."""
    for m in reversed(request.get("messages", [])):
        if m.get("role") == "user":
            return str(m.get("content", ""))
    return ""


class FakeOpenAIServer:
    """A local OpenAI-compatible server whose replies are programmed by a handler.

    Args:
        handler: maps the request JSON (with an added ``"_path"`` key) to a Reply. Defaults to always "ok".
        model: the model name reported in responses and used by :meth:`client`.
        max_requests: requests beyond this many get HTTP 503 (a runaway retry loop cannot spin forever).
        lifetime: seconds after which the server shuts itself down.
        logprob_fn: per-token log-prob for ``/v1/completions`` echo requests.
    """

    def __init__(
        self,
        handler: RequestHandler | None = None,
        model: str = "fake-model",
        max_requests: int = 1000,
        lifetime: float = 120.0,
        logprob_fn: Callable[[str], float] | None = None,
    ) -> None:
        self.handler: RequestHandler = handler or (lambda _: "ok")
        self.model = model
        self.max_requests = max_requests
        self.lifetime = lifetime
        self.logprob_fn = logprob_fn or (lambda _: -1.0)
        self.requests: list[dict[str, Any]] = []
        self.request_times: list[float] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------
    def start(self) -> FakeOpenAIServer:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                server._serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-openai", daemon=True)
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what tests use --------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the fake server is not running; use it as a context manager or call start()")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self.requests)

    def client(self, backoff: float = 0.01, max_retries: int = 3, timeout: float = 10.0) -> OpenAIClient:
        """An OpenAIClient pointed at this server, with a backoff small enough for tests."""
        return OpenAIClient(self.model, base_url=self.base_url, api_key="test-key", timeout=timeout,
                            max_retries=max_retries, backoff=backoff)

    # -- serving ---------------------------------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
            if not isinstance(body, dict):
                raise ValueError("request body is not a JSON object")
        except ValueError as err:
            self._send(h, 400, {"error": {"message": f"bad JSON: {err}"}})
            return
        body["_path"] = h.path
        with self._lock:
            self.requests.append(body)
            self.request_times.append(time.monotonic())
            over_budget = len(self.requests) > self.max_requests
        if over_budget:
            self._send(h, 503, {"error": {"message": "fake server request budget exhausted"}})
            return
        path = h.path.rstrip("/")
        try:
            if path.endswith("/chat/completions"):
                self._chat(h, body)
            elif path.endswith("/completions"):
                self._completion(h, body)
            else:
                self._send(h, 404, {"error": {"message": f"no route {h.path}"}})
        except Exception:  # a broken handler is a 500, which the client sees like a real server fault
            self._send(h, 500, {"error": {"message": traceback.format_exc(limit=3)}})

    def _chat(self, h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        reply = self.handler(body)
        if isinstance(reply, tuple):
            status, payload = reply
            self._send(h, status, payload)
            return
        self._send(h, 200, {
            "id": f"chatcmpl-{self.request_count}", "object": "chat.completion", "model": self.model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": reply}}],
            "usage": {"prompt_tokens": 0, "completion_tokens": len(reply.split()), "total_tokens": 0},
        })

    def _completion(self, h: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        prompt = str(body.get("prompt", ""))
        tokens, offsets, pos = [], [], 0
        for m in _TOKEN.finditer(prompt):
            tokens.append(m.group(0))
            offsets.append(pos)
            pos += len(m.group(0))
        # As in real servers, the first prompt token has no log-prob.
        lps: list[float | None] = [None] + [self.logprob_fn(t) for t in tokens[1:]] if tokens else []
        text = prompt if body.get("echo") else ""
        choice: dict[str, Any] = {"index": 0, "text": text, "finish_reason": "length"}
        if body.get("logprobs") is not None:
            choice["logprobs"] = {"tokens": tokens, "token_logprobs": lps, "text_offset": offsets,
                                  "top_logprobs": None}
        self._send(h, 200, {"id": "cmpl-fake", "object": "text_completion", "model": self.model,
                            "choices": [choice]})

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, payload: str | dict[str, Any]) -> None:
        data = (payload if isinstance(payload, str) else json.dumps(payload)).encode()
        try:
            h.send_response(status)
            h.send_header("Content-Type", "application/json" if isinstance(payload, dict) else "text/plain")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test); nothing to report
