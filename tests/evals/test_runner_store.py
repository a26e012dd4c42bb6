"""Runner and store: resume after a kill without recomputation, run records, persona, formats, judge skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from traitrl.core.types import Message
from traitrl.evals.api import Prompt
from traitrl.evals.config import EvalConfig
from traitrl.evals.formatting import mc_request, raw_transcript, with_persona
from traitrl.evals.registry import load_benchmark
from traitrl.evals.runner import run_eval
from traitrl.results.store import open_store
from traitrl.results.summary import compare_stored_runs, summarize_run

from .conftest import FIXTURES, FakeChatModel


def _name(ref: str) -> str:
    """The stored name of a benchmark reference (public formats are named by their data's digest)."""
    return load_benchmark(ref).spec.name


def _scores(store_path: Path, run_id: str) -> dict[str, dict[str, float | None]]:
    with open_store(store_path) as st:
        return st.scores_table(run_id)


def test_killed_run_resumes_without_recomputation(tmp_path: Path, mc_file: Path) -> None:
    db = tmp_path / "r.sqlite"
    benches = [f"mc:{mc_file}", f"xstest:{FIXTURES / 'xstest.csv'}"]
    opts = EvalConfig(option_batch=10, generation_batch=2)
    killed = FakeChatModel(fail_after_calls=3)
    with open_store(db) as st, pytest.raises(KeyboardInterrupt):
        run_eval(killed, benches, st, opts.model_copy(update={'run_id': "resume-me"}))
    with open_store(db) as st:
        assert len(st.finished_ids("resume-me", _name(f"mc:{mc_file}"))) == 30  # three batches of ten were stored
        assert st.get_run("resume-me").finished_at is None  # type: ignore[union-attr]
    again = FakeChatModel()
    with open_store(db) as st:
        result = run_eval(again, benches, st, opts.model_copy(update={'run_id': "resume-me"}))
    assert again.prompts_seen == 30 + 5  # only the unfinished MC items, then all five XSTest prompts
    assert [o.cached for o in result.outcomes] == [30, 0]
    clean = FakeChatModel()
    with open_store(db) as st:
        run_eval(clean, benches, st, opts.model_copy(update={'run_id': "clean"}))
    assert clean.prompts_seen == 65
    assert _scores(db, "resume-me") == _scores(db, "clean")
    # A third call finds everything done and calls the model not at all.
    idle = FakeChatModel()
    with open_store(db) as st:
        run_eval(idle, benches, st, opts.model_copy(update={'run_id': "resume-me"}))
        assert st.get_run("resume-me").finished_at is not None  # type: ignore[union-attr]
    assert idle.calls == 0


def test_resume_with_other_settings_is_refused(tmp_path: Path, mc_file: Path) -> None:
    with open_store(tmp_path / "r.sqlite") as st:
        run_eval(FakeChatModel(), [f"mc:{mc_file}"], st, EvalConfig(limit=5, run_id="x"))
        with pytest.raises(ValueError, match="seed"):
            run_eval(FakeChatModel(), [f"mc:{mc_file}"], st, EvalConfig(limit=5, seed=1, run_id="x"))


def test_run_record_and_judge_skip(tmp_path: Path, mc_file: Path) -> None:
    with open_store(tmp_path / "r.sqlite") as st:
        result = run_eval(FakeChatModel(), [f"mc:{mc_file}?category=capability",
                                            f"healthbench:{FIXTURES / 'healthbench.jsonl'}"],
                          st, EvalConfig(quick=True, persona="Be careful.", seed=3, mc_format="raw"))
        run = st.get_run(result.run_id)
        assert run is not None
        assert (run.model, run.quick, run.persona, run.seed, run.mc_format) == ("fake-model", True, "Be careful.", 3, "raw")
        assert run.traitrl_version and run.started_at and run.finished_at
        entry = run.benchmarks[_name(f"mc:{mc_file}")]
        assert entry["n_items"] == 50 and entry["n_total"] == 60 and entry["args"]["category"] == "capability"
        assert entry["source"] == str(mc_file) and entry["display"] == "mc:arith.jsonl"
        hb = run.benchmarks[_name(f"healthbench:{FIXTURES / 'healthbench.jsonl'}")]
        assert hb["status"] == "skipped" and "TRAITRL_JUDGE_MODEL" in hb["message"]
        assert [o.status for o in result.outcomes] == ["done", "skipped"]
        summary = summarize_run(st, result.run_id)
        assert [b.n for b in summary.benchmarks] == [50]
        assert summary.skipped


def test_quick_subsample_is_stable_and_batches_share_calls(tmp_path: Path, mc_file: Path) -> None:
    fakes = [FakeChatModel(), FakeChatModel()]
    ids = []
    with open_store(tmp_path / "r.sqlite") as st:
        for fake in fakes:
            r = run_eval(fake, [f"mc:{mc_file}"], st, EvalConfig(quick=True, seed=fakes.index(fake)))
            ids.append(st.finished_ids(r.run_id, _name(f"mc:{mc_file}")))
    assert ids[0] == ids[1] and len(ids[0]) == 50
    assert fakes[0].calls == 1  # 50 samples go to the model in one batched call


def test_formats_and_persona() -> None:
    msgs = [Message(role="user", content="Is it safe?")]
    assert raw_transcript(msgs) == "Human: Is it safe?\n\nAssistant:"
    merged = with_persona([Message(role="system", content="Tool rules."), *msgs], "You are kind.")
    assert merged[0].content == "You are kind.\n\nTool rules." and len(merged) == 2
    fake = FakeChatModel()
    p = Prompt(messages=msgs, options=[" (A)", "(B)"])
    raw = mc_request(fake, p, "raw", persona="P.")
    assert raw.context == "P.\n\nHuman: Is it safe?\n\nAssistant:" and raw.continuations == [" (A)", " (B)"]
    chat = mc_request(fake, p, "chat")
    assert chat.context == "<user>Is it safe?</user><assistant>" and chat.continuations == ["(A)", "(B)"]
    with pytest.raises(ValueError):
        EvalConfig(mc_format="xml")


def test_tiny_model_run_and_compare_with_persona(tmp_path: Path, tiny_model, mc_file: Path) -> None:  # type: ignore[no-untyped-def]
    benches = [f"mc:{mc_file}", f"xstest:{FIXTURES / 'xstest.csv'}?max_tokens=8",
               f"truthfulqa:{FIXTURES / 'truthfulqa_mc.jsonl'}?variant=mc2"]
    with open_store(tmp_path / "r.sqlite") as st:
        a = run_eval(tiny_model, benches, st, EvalConfig(limit=20, run_id="a"))
        b = run_eval(tiny_model, benches, st, EvalConfig(limit=20, persona="You are a careful assistant.",
                                                         run_id="b"))
        run_eval(tiny_model, benches, st, EvalConfig(limit=20, run_id="a2"))
        assert all(o.status == "done" for o in a.outcomes + b.outcomes)
        assert st.scores_table("a") == st.scores_table("a2")  # deterministic
        rows = st.load_samples("a", [_name(f"xstest:{FIXTURES / 'xstest.csv'}")])
        assert all(r.outputs[0]["text"] is not None and r.refused is not None for r in rows)
        comp = compare_stored_runs(st, "a", "b")
        assert len(comp.results) == 3 and comp.headline.startswith("ahead on")
        assert comp.refusal_a is not None
        with pytest.raises(ValueError, match="no run"):
            compare_stored_runs(st, "a", "missing")
