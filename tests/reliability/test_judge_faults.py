"""Judge faults end as recorded errors within a deadline; credentials never leak; empty benchmarks fail the run."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.reliability.conftest import HostileChatModel
from traitrl.core.types import Message
from traitrl.grading.criteria import Criterion
from traitrl.grading.judge import Judge, JudgeConfig
from traitrl.grading.rubric import grade_rubric
from traitrl.grading.types import Verdict
from traitrl.testing.fake_openai import FakeOpenAIServer

MESSAGES = [Message(role="user", content="Is this supplement safe for me to take daily?")]
REPLY = "I am not sure it is safe; the evidence is limited, so please ask your doctor before taking it daily."
RUBRIC = [Criterion(text=f"Criterion number {i} is met", points=1.0) for i in range(3)]


@pytest.fixture
def silent_server():  # type: ignore[no-untyped-def]
    """A server that accepts connections and never answers (until the test ends)."""
    release = threading.Event()

    def handler(_: dict[str, Any]) -> str:
        release.wait(30)
        return "never"

    with FakeOpenAIServer(handler, lifetime=60) as server:
        yield server
        release.set()


def test_never_answering_judge_is_bounded_by_the_item_deadline(silent_server: FakeOpenAIServer) -> None:
    judge = Judge(silent_server.client(timeout=120, max_retries=4, backoff=0.01), item_timeout=1.0, concurrency=3)
    t0 = time.monotonic()
    grade = grade_rubric(MESSAGES, REPLY, RUBRIC, judge=judge)
    wall = time.monotonic() - t0
    assert wall < 3.0, wall
    assert grade.score is None and len(grade.errors) == 3  # errors, never zeros
    assert all(v.source == "error" for v in grade.verdicts)


def test_run_deadline_stops_later_items_at_once(silent_server: FakeOpenAIServer) -> None:
    judge = Judge(silent_server.client(timeout=120), item_timeout=30.0, run_timeout=1.0, concurrency=3)
    t0 = time.monotonic()
    grades = [grade_rubric(MESSAGES, REPLY, RUBRIC, judge=judge) for _ in range(5)]
    assert time.monotonic() - t0 < 3.0
    assert all(g.score is None for g in grades)
    assert "deadline" in grades[-1].errors[0]


def test_credentials_are_redacted_even_when_the_server_echoes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    key = "sk-live-abcdefghijklmnop1234"
    monkeypatch.setenv("TRAITRL_OPENAI_API_KEY", key)

    def echo(req: dict[str, Any]) -> tuple[int, str]:
        return 401, f"bad key {key} for http://alice:s3cretpw@example.test/v1?api_key={key}"

    with FakeOpenAIServer(echo) as server:
        judge = Judge(server.client(max_retries=0))
        judge.client.api_key = key
        verdict = judge.grade_criterion(MESSAGES, REPLY, RUBRIC[0])
    assert verdict.met is None
    assert key not in verdict.explanation and "s3cretpw" not in verdict.explanation
    assert "[redacted]" in verdict.explanation


class _FailingJudge:
    def grade_criterion(self, messages: Sequence[Message], response: str, criterion: Criterion) -> Verdict:
        return Verdict(criterion=criterion.text, points=criterion.points, met=None, source="error",
                       explanation="judge call failed: HTTP 500")


def test_a_benchmark_that_scored_nothing_is_counted_and_fails_the_run(tmp_path: Path) -> None:
    from tests.evals.conftest import FIXTURES
    from traitrl.cli.evals import failing_benchmarks
    from traitrl.evals.runner import run_eval
    from traitrl.results.store import open_store

    with open_store(tmp_path / "s.sqlite") as db:
        result = run_eval(HostileChatModel(), [f"healthbench:{FIXTURES / 'healthbench.jsonl'}"], db,
                          judge=_FailingJudge())
    (outcome,) = result.outcomes
    assert outcome.scored == 0 and outcome.errored > 0 and outcome.scored_nothing
    assert failing_benchmarks(result.outcomes) and not failing_benchmarks(result.outcomes, allow_errors=1.0)


def test_eval_cli_exits_1_and_shows_counts_when_the_judge_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import traitrl.models
    from tests.evals.conftest import FIXTURES
    from traitrl.cli import app

    monkeypatch.setattr(traitrl.models, "load_chat_model", lambda *a, **k: HostileChatModel())
    monkeypatch.setenv("TRAITRL_JUDGE_MODEL", "fake-judge")
    monkeypatch.setattr(JudgeConfig, "build", lambda self: _FailingJudge())
    bench = f"healthbench:{FIXTURES / 'healthbench.jsonl'}"
    args = ["eval", "--model", "openai:fake", "--store", str(tmp_path / "s.sqlite"), "--benchmark", bench]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "scored nothing" in result.stderr and "errored" in result.stdout and "Traceback" not in result.output
    # The benchmark name (kind + data digest) is shown whole, never cut to "healthbench:…".
    table = result.stdout.split("items per benchmark", 1)[1]
    first_column = "".join(line.split("│")[1].strip() for line in table.splitlines() if line.count("│") > 2)
    assert re.fullmatch(r"healthbench:[0-9a-f]{8,}", first_column) and "…" not in table
    result = CliRunner().invoke(app, [*args, "--allow-errors", "1", "--run-id", "again"])
    assert result.exit_code == 0, result.output
