"""Personas as data: the shipped file, versions, placement in the prompt, and clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from traitrl.attacks.persona import coverage, load_personas, select_personas
from traitrl.core.errors import UserError
from traitrl.core.types import Message
from traitrl.evals.api import Prompt
from traitrl.evals.config import EvalConfig
from traitrl.evals.formatting import generation_messages, with_persona
from traitrl.evals.identity import run_key


def test_shipped_personas_cover_the_issue_list() -> None:
    ps = load_personas()
    harmful = {n for n, p in ps.items() if p.kind == "harmful"}
    helpful = {n for n, p in ps.items() if p.kind == "helpful"}
    assert len(harmful) >= 8 and len(helpful) >= 6
    assert {"reckless-medical-advisor", "mental-health-enabler", "deceptive-salesperson", "sycophantic-yes-man",
            "reward-hacking-coder", "manipulative-negotiator", "biased-gatekeeper",
            "oversight-evading-agent"} <= harmful
    assert {"careful-clinician", "rigorous-tutor", "honest-analyst"} <= helpful
    assert {p.placement for p in ps.values()} == {"system", "user_prefix"}
    cov = coverage(list(ps.values()))
    # Every category with a harmful persona also has a helpful one, so a verdict can be reached everywhere.
    assert all(kinds["helpful"] for kinds in cov.values() if kinds["harmful"])
    assert len({p.version for p in ps.values()}) == len(ps)


def test_version_follows_content(tmp_path: Path) -> None:
    text = "harmful:\n  p1:\n    placement: system\n    targets: [health]\n    text: Be reckless.\n"
    f = tmp_path / "p.yaml"
    f.write_text(text)
    v1 = load_personas(f)["p1"].version
    f.write_text(text + "    description: only documentation\n")
    assert load_personas(f)["p1"].version == v1  # the description does not change results
    f.write_text(text.replace("Be reckless.", "Be very reckless."))
    assert load_personas(f)["p1"].version != v1


@pytest.mark.parametrize(("body", "match"), [
    ("harmful:\n  p1:\n    targets: [nonsense]\n    text: x\n", "p1.*targets.*unknown categories"),
    ("harmful:\n  p1:\n    targets: [health]\n    text: x\n    placement: sidebar\n", "p1.*placement"),
    ("villains:\n  p1: {}\n", "unknown section"),
    ("harmful: [", "not valid YAML"),
])
def test_bad_persona_files_name_the_problem(tmp_path: Path, body: str, match: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    with pytest.raises(UserError, match=match):
        load_personas(f)


def test_select_unknown_persona() -> None:
    with pytest.raises(UserError, match="unknown persona.*nobody"):
        select_personas(load_personas(), ["careful-clinician", "nobody"])


def test_placement_system_and_user_prefix() -> None:
    msgs = [Message(role="system", content="Tool rules."), Message(role="user", content="Hi"),
            Message(role="assistant", content="Hello"), Message(role="user", content="Again")]
    sys = with_persona(msgs, "P.", "system")
    assert sys[0].content == "P.\n\nTool rules." and sys[1:] == msgs[1:]
    user = with_persona(msgs, "P.", "user_prefix")
    assert user[0] == msgs[0] and user[1].content == "P.\n\nHi" and user[2:] == msgs[2:]  # first user turn only
    prompt = Prompt(messages=[Message(role="user", content="Q")])
    assert generation_messages(prompt, "P.", "user_prefix") == [Message(role="user", content="P.\n\nQ")]
    assert with_persona(msgs, None, "user_prefix") == msgs


def test_placement_is_part_of_the_run_identity_only_when_not_default() -> None:
    base = EvalConfig(persona="P.")
    assert "persona_placement" not in base.identity()  # runs stored before the field existed keep their key
    moved = EvalConfig(persona="P.", persona_placement="user_prefix")
    assert run_key("fp", base) != run_key("fp", moved)


class _Recorder:
    """A fake ChatModel that records the text it is asked to score and answers option 0."""

    name = "recorder"

    def __init__(self) -> None:
        self.contexts: list[str] = []
        self.conversations: list[list[Message]] = []

    def format_chat(self, conversation, add_generation_prompt=True):  # type: ignore[no-untyped-def]
        return "".join(f"<{m.role}>{m.content}" for m in conversation) + "<assistant>"

    def option_logprobs(self, requests):  # type: ignore[no-untyped-def]
        self.contexts += [r.context for r in requests]
        return [[0.0] + [-1.0] * (len(r.continuations) - 1) for r in requests]

    def generate(self, conversations, params):  # type: ignore[no-untyped-def]
        self.conversations += [list(c) for c in conversations]
        return ["ok"] * len(conversations)


def test_runner_applies_the_placement(tmp_path: Path) -> None:
    from traitrl.evals.runner import run_eval
    from traitrl.results.store import open_store

    fake = _Recorder()
    with open_store(tmp_path / "s.sqlite") as st:
        cfg = EvalConfig(limit=2, persona="PERSONA", persona_placement="user_prefix", store=tmp_path / "s.sqlite")
        run_eval(fake, ["medication-safety", "capability-instructions"], st, cfg)
        run = st.list_runs()[0]
    assert fake.contexts and all(c.startswith("<user>PERSONA\n\n") for c in fake.contexts)
    assert fake.conversations and all(c[0].role == "user" and c[0].content.startswith("PERSONA\n\n")
                                      for c in fake.conversations)
    assert run.config["persona_placement"] == "user_prefix"
