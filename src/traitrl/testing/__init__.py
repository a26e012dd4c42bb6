"""Test helpers that ship with the package: a real local OpenAI-compatible server with scripted replies."""

from traitrl.testing.fake_openai import FakeOpenAIServer, Reply, RequestHandler, chat_reply_text, scripted

__all__ = ["FakeOpenAIServer", "Reply", "RequestHandler", "chat_reply_text", "scripted"]
