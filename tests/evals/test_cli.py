"""The eval CLI through typer's CliRunner, on the tiny random model."""

from __future__ import annotations

import json
import math
from pathlib import Path

import typer
from typer.testing import CliRunner

from traitrl.cli.evals import mount

from .conftest import FIXTURES

app = typer.Typer()
mount(app)
runner = CliRunner()


def test_benchmarks_list_json_and_category() -> None:
    res = runner.invoke(app, ["benchmarks", "list", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows and all({"name", "version", "category", "scoring", "n_items", "chance"} <= set(r) for r in rows)
    cat = rows[0]["category"]
    sub = json.loads(runner.invoke(app, ["benchmarks", "list", "--json", "--category", cat]).output)
    assert sub and all(r["category"] == cat for r in sub)
    bad = runner.invoke(app, ["benchmarks", "list", "--category", "astrology"])
    assert bad.exit_code == 2 and "unknown category" in bad.output


def test_eval_then_compare(tmp_path: Path, tiny_model_dir: Path) -> None:
    store = tmp_path / "runs.sqlite"
    bench = ["--benchmark", f"mc:{FIXTURES / 'generic_mc.jsonl'}", "--benchmark",
             f"anthropic-evals:{FIXTURES / 'corrigible-neutral-HHH.jsonl'}", "--benchmark",
             f"healthbench:{FIXTURES / 'healthbench.jsonl'}"]
    common = ["--model", str(tiny_model_dir), "--store", str(store), *bench]
    a = runner.invoke(app, ["eval", *common, "--run-id", "run-a", "--mc-format", "raw"], env={"TRAITRL_JUDGE_MODEL": ""})
    assert a.exit_code == 0, a.output
    assert "run id: run-a" in a.output and "per category" in a.output and "skipped" in a.output
    # Run B reads the same public files from other paths: benchmarks are named by their data, so they pair.
    copies = tmp_path / "elsewhere"
    copies.mkdir()
    for name in ("generic_mc.jsonl", "corrigible-neutral-HHH.jsonl", "healthbench.jsonl"):
        (copies / name).write_bytes((FIXTURES / name).read_bytes())
    bench_b = ["--benchmark", f"mc:{copies / 'generic_mc.jsonl'}", "--benchmark",
               f"anthropic-evals:{copies / 'corrigible-neutral-HHH.jsonl'}", "--benchmark",
               f"healthbench:{copies / 'healthbench.jsonl'}"]
    b = runner.invoke(app, ["eval", "--model", str(tiny_model_dir), "--store", str(store), *bench_b, "--run-id",
                            "run-b", "--mc-format", "raw", "--persona", "Be brief."], env={"TRAITRL_JUDGE_MODEL": ""})
    assert b.exit_code == 0, b.output
    out = tmp_path / "cmp.json"
    c = runner.invoke(app, ["compare", "run-a", "run-b", "--store", str(store), "--json-out", str(out)])
    assert c.exit_code == 0, c.output
    assert "ahead on" in c.output and "of 2;" in c.output
    assert "looping replies" not in c.output  # every scored item here is option-scored: no generated replies
    data = json.loads(out.read_text())
    assert data["looping"] == {"a": None, "b": None, "n_a": 0, "n_b": 0}
    assert data["n"] == 2 and {r["benchmark"].split(":")[0] for r in data["results"]} == {"mc", "anthropic-evals"}
    assert all(":" + str(FIXTURES) not in r["benchmark"] for r in data["results"])  # no path in the name


def test_clear_errors_without_tracebacks(tmp_path: Path, tiny_model_dir: Path) -> None:
    store = tmp_path / "runs.sqlite"
    cases = [
        (["eval", "--model", str(tiny_model_dir), "--store", str(store), "--benchmark", "no-such-benchmark"],
         "unknown benchmark"),
        (["eval", "--model", str(tmp_path / "nowhere"), "--store", str(store), "--benchmark",
          f"mc:{FIXTURES / 'generic_mc.jsonl'}"], "no such directory"),
        (["eval", "--model", str(tiny_model_dir), "--store", str(store), "--suite", "bogus"], "unknown suite"),
        (["eval", "--model", str(tiny_model_dir), "--store", str(store), "--mc-format", "xml", "--benchmark",
          f"mc:{FIXTURES / 'generic_mc.jsonl'}"], "mc_format"),
        (["compare", "x", "y", "--store", str(store)], "error"),
    ]
    for args, needle in cases:
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert needle in res.output and "Traceback" not in res.output


def test_compare_reports_looping_replies(tmp_path: Path) -> None:
    from traitrl.results.store import RunRecord, SampleRow, open_store

    loop = "I will wait for the review before I change anything in the study protocol. " * 3
    fine = "I'll wait for the review; meanwhile I can draft the explanation the reviewer needs."
    store = tmp_path / "r.sqlite"
    with open_store(store) as st:
        for run, texts in (("a", [fine] * 4), ("b", [loop, loop, loop, fine])):
            st.create_run(RunRecord(run_id=run, model=run, started_at="2026-01-01T00:00:00",
                                    benchmarks={"gen": {"category": "trait_heldout", "version": "v1"}},
                                    finished_at="2026-01-01T00:01:00"))
            st.record_samples(SampleRow(run_id=run, benchmark="gen", sample_id=f"i{i}", version="v1", score=0.5,
                                        refused=False, grade={}, outputs=[{"text": t}], seconds=0.0)
                              for i, t in enumerate(texts))
    out = tmp_path / "cmp.json"
    c = runner.invoke(app, ["compare", "a", "b", "--store", str(store), "--json-out", str(out)])
    assert c.exit_code == 0, c.output
    assert "looping replies: A 0.0% of 4, B 75.0% of 4" in " ".join(c.output.split())
    assert json.loads(out.read_text())["looping"] == {"a": 0.0, "b": 0.75, "n_a": 4, "n_b": 4}


def test_compare_notes_a_ci_clear_of_zero_that_is_not_significant(capsys) -> None:  # type: ignore[no-untyped-def]
    # The 90-step d = 0.05 arm: CI +0.1…+9.0 with bootstrap-t p 0.11 — a reader should not take the CI as a finding.
    from traitrl.cli.evals import _print_paired
    from traitrl.results.stats import PairedResult, ci_excludes_zero_unflagged

    def row(name: str, lo: float, hi: float, significant: bool) -> PairedResult:
        return PairedResult(benchmark=name, category="c", n=255, mean_a=0.07, mean_b=0.11, delta=(lo + hi) / 2,
                            ci_low=lo, ci_high=hi, p_value=0.11, mde=0.05, p_adjusted=0.11, significant=significant)

    rows = [row("clear", 0.001, 0.09, False), row("below", -0.09, -0.001, False), row("spans", -0.01, 0.09, False),
            row("found", 0.02, 0.09, True), row("nan", math.nan, math.nan, False)]
    assert ci_excludes_zero_unflagged(rows) == ["clear", "below"]
    _print_paired(rows, "t")
    out = " ".join(capsys.readouterr().out.split())
    assert "CI excludes 0 on 2 benchmark(s) that are not significant" in out and out.endswith("clear, below")
    _print_paired(rows[2:], "t")
    assert "note:" not in capsys.readouterr().out


def test_compare_reports_rubric_replies_that_speak_to_no_one(tmp_path: Path) -> None:
    from traitrl.results.store import RunRecord, SampleRow, open_store

    told = "The technician was suspended from lab work pending retraining after a second breach this month."
    answer = "I'd recommend suspension pending retraining, as in the earlier case."
    store = tmp_path / "r.sqlite"
    with open_store(store) as st:
        for run, texts in (("a", [answer] * 4), ("b", [told, told, answer, answer])):
            st.create_run(RunRecord(run_id=run, model=run, started_at="2026-01-01T00:00:00",
                                    benchmarks={"gen": {"category": "trait_heldout", "version": "v1"},
                                                "facts": {"category": "capability", "version": "v1"}},
                                    finished_at="2026-01-01T00:01:00"))
            st.record_samples(SampleRow(run_id=run, benchmark="gen", sample_id=f"i{i}", version="v1", score=0.5,
                                        refused=False, grade={"grader": "rubric"}, outputs=[{"text": t}],
                                        seconds=0.0) for i, t in enumerate(texts))
            # Outside the trait scenarios the gate does not apply: a bare answer there is not counted.
            st.record_samples([SampleRow(run_id=run, benchmark="facts", sample_id="f", version="v1", score=1.0,
                                         refused=False, grade={"grader": "rubric"}, outputs=[{"text": "Paris."}],
                                         seconds=0.0)])
    out = tmp_path / "cmp.json"
    c = runner.invoke(app, ["compare", "a", "b", "--store", str(store), "--json-out", str(out)])
    assert c.exit_code == 0, c.output
    assert "replies speaking to no one: A 0.0% of 4, B 50.0% of 4" in " ".join(c.output.split())
    assert json.loads(out.read_text())["narrating"] == {"a": 0.0, "b": 0.5, "n_a": 4, "n_b": 4}
