"""Study-ready results: model fingerprints, content-keyed runs, store v2 migration, LoRA checkpoints, analysis."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from traitrl.core.errors import UserError
from traitrl.evals.config import EvalConfig
from traitrl.evals.runner import run_eval
from traitrl.models import ModelLoadError, load_chat_model, resolve_model
from traitrl.models.base import MCRequest
from traitrl.results.store import SCHEMA_VERSION, open_store
from traitrl.results.summary import compare_many, compare_stored_runs, summarize_run, transfer_matrix

FIXTURES = Path(__file__).parent.parent / "fixtures"
BENCH = "capability-arithmetic?n=20"


def _perturbed_copy(src: Path, dst: Path, scale: float) -> Path:
    """A copy of a model folder with its weights changed, as another training run would leave them."""
    import torch
    from safetensors.torch import load_file, save_file

    shutil.copytree(src, dst)
    weights = load_file(str(dst / "model.safetensors"))
    gen = torch.Generator().manual_seed(1)
    save_file({k: v + scale * torch.randn(v.shape, generator=gen) for k, v in weights.items()},
              str(dst / "model.safetensors"), metadata={"format": "pt"})
    return dst


@pytest.fixture(scope="module")
def two_finals(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("arms")
    a = _perturbed_copy(tiny_model_dir, root / "trait" / "final", 0.05)
    b = _perturbed_copy(tiny_model_dir, root / "baseline" / "final", 0.05 * -1)
    return a, b


def test_fingerprint_is_content_not_folder_name(tiny_model_dir: Path, two_finals: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    a, b = two_finals
    fa, fb = resolve_model(str(a)), resolve_model(str(b))
    assert a.name == b.name == "final" and fa.fingerprint != fb.fingerprint
    assert fa.name == "trait/final" and fb.name == "baseline/final"
    moved = shutil.copytree(a, tmp_path / "copied-elsewhere")
    assert resolve_model(str(moved)).fingerprint == fa.fingerprint  # the same weights keep their identity
    with pytest.raises(ModelLoadError, match="no such directory"):
        resolve_model(str(tmp_path / "missing"))


def test_two_finals_never_share_a_run(two_finals: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = (load_chat_model(str(p), batch_size=8) for p in two_finals)
    with open_store(tmp_path / "r.sqlite") as st:
        ra = run_eval(a, [BENCH], st)
        rb = run_eval(b, [BENCH], st)
        assert ra.run_id != rb.run_id  # default ids derive from the fingerprint, not the folder name
        again = run_eval(a, [BENCH], st)
        assert again.run_id == ra.run_id and again.outcomes[0].cached == 20  # the same evaluation resumes
        with pytest.raises(UserError, match="different checkpoint"):
            run_eval(b, [BENCH], st, EvalConfig(run_id=ra.run_id))
        with pytest.raises(UserError, match="seed: 0 -> 3"):
            run_eval(a, [BENCH], st, EvalConfig(run_id=ra.run_id, seed=3))
        with pytest.raises(UserError, match="version"):
            run_eval(a, ["capability-arithmetic?n=20&seed=4"], st, EvalConfig(run_id=ra.run_id))
        runs = {r.run_id: r for r in st.list_runs()}
        assert runs[ra.run_id].model_fingerprint != runs[rb.run_id].model_fingerprint
        assert runs[ra.run_id].model_info["path"] == str(two_finals[0].resolve())


def test_v1_store_migrates_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript((FIXTURES / "store" / "v1.sql").read_text())  # written by traitrl 0.1's store
    db.close()
    with open_store(path) as st:
        assert st.schema_version == SCHEMA_VERSION
        run = st.get_run("final-20261130-101500-ab12")
        assert run is not None and run.model == "final" and run.quick and run.git_hash == "563cd65"
        assert run.run_key is None and run.labels == {} and set(run.benchmarks) == {
            "shutdown-acceptance", "bbq:/home/me/data/bbq/Age.jsonl"}
        rows = st.load_samples(run.run_id)
        assert len(rows) == 5 and [r.score for r in rows if r.benchmark == "shutdown-acceptance"] == [1.0, 0.0, 1.0]
        assert all(r.metadata == {} for r in rows) and rows[0].grade["grader"] == "logprob_mc"
        summary = summarize_run(st, run.run_id)
        assert sorted(b.n for b in summary.benchmarks) == [2, 3]
    with open_store(path) as st:  # reopening a migrated file changes nothing
        assert len(st.load_samples("final-20261130-101500-ab12")) == 5
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(UserError, match="newer traitrl"):
        open_store(path)


def test_lora_adapter_folder_scores_like_the_merged_model(tiny_model_dir: Path, tmp_path: Path) -> None:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    peft = get_peft_model(base, LoraConfig(r=4, target_modules="all-linear", init_lora_weights=False))
    adapter_dir = tmp_path / "arm" / "final"
    peft.save_pretrained(adapter_dir)
    merged_dir = tmp_path / "merged"
    peft.merge_and_unload().save_pretrained(merged_dir)
    AutoTokenizer.from_pretrained(tiny_model_dir).save_pretrained(merged_dir)
    source = resolve_model(str(adapter_dir))
    assert source.kind == "lora" and source.base is not None and source.base.path == tiny_model_dir.resolve()
    lora, merged = load_chat_model(str(adapter_dir)), load_chat_model(str(merged_dir))
    plain = load_chat_model(str(tiny_model_dir))
    req = [MCRequest(context="<|im_start|>user\nIs it safe?<|im_end|>\n<|im_start|>assistant\n",
                     continuations=["Yes.", "No, check first.", "The answer is B."])]
    got, want, before = lora.option_logprobs(req)[0], merged.option_logprobs(req)[0], plain.option_logprobs(req)[0]
    assert got == pytest.approx(want, abs=1e-4)
    assert not torch.allclose(torch.tensor(got), torch.tensor(before), atol=1e-3)  # the adapter does something
    with open_store(tmp_path / "r.sqlite") as st:
        ra = run_eval(lora, [BENCH], st)
        rb = run_eval(merged, [BENCH], st)
        assert st.scores_table(ra.run_id) == st.scores_table(rb.run_id)


def test_transfer_matrix_and_many_runs_from_stored_metadata(tiny_model_dir: Path, two_finals: tuple[Path, Path],
                                                              tmp_path: Path) -> None:
    benches = ["shutdown-acceptance?n=21", "capability-arithmetic?n=20"]
    models = {"start": str(tiny_model_dir), "trait": str(two_finals[0]), "baseline": str(two_finals[1])}
    ids = {}
    with open_store(tmp_path / "r.sqlite") as st:
        for label, spec in models.items():
            ids[label] = run_eval(load_chat_model(spec, batch_size=8), benches, st,
                                  EvalConfig(labels={"arm": label})).run_id
        assert [r.run_id for r in st.list_runs(arm="trait")] == [ids["trait"]]
        table = transfer_matrix(st, ids["start"], {"trait": ids["trait"], "baseline": ids["baseline"]})
        cols = {c.key for c in table.columns}
        assert "health" in cols and table.rows[0]["arm"] == "trait"
        # Each cell is the item-weighted mean paired difference; recompute one from the stored rows.
        rows_a = {(r.benchmark, r.sample_id): r for r in st.load_samples(ids["start"])}
        rows_b = st.load_samples(ids["trait"])
        health = [r.score - rows_a[(r.benchmark, r.sample_id)].score for r in rows_b  # type: ignore[operator]
                  if r.metadata.get("domain") == "health"]
        assert table.rows[0]["health"] == pytest.approx(sum(health) / len(health))
        json.dumps(table.to_dict())  # presentation-neutral and JSON-able
        many = compare_many(st, {"0": ids["start"]}, {"trait": {"0": ids["trait"]}, "baseline": {"0": ids["baseline"]}})
        assert len(many.arms) == 2 and all(len(a.results) == 2 for a in many.arms)
        single = compare_stored_runs(st, ids["start"], ids["trait"])
        pooled = {r.benchmark: r for r in many.arms[0].results}
        assert all(pooled[r.benchmark].delta == pytest.approx(r.delta) for r in single.results)
        assert len(many.table().rows) == 4


def test_eval_config_file_and_errors(tmp_path: Path) -> None:
    from traitrl.evals.config import load_eval_config

    root = Path(__file__).resolve().parent.parent.parent
    cfg = load_eval_config(root / "configs" / "eval" / "quick.yaml", seed=5)
    assert cfg.quick and cfg.seed == 5 and cfg.labels == {"study": "example"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("quick: yes\nprecision: fp64\nbatchsize: 3\n")
    with pytest.raises(UserError) as err:
        load_eval_config(bad)
    assert "precision" in str(err.value) and "batchsize: unknown field" in str(err.value)
    with pytest.raises(UserError, match="is a directory"):
        load_eval_config(tmp_path)


def test_stored_statistics_resample_situations(tiny_model_dir: Path, two_finals: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    bench = "shutdown-acceptance?n=39"
    with open_store(tmp_path / "r.sqlite") as st:
        ra = run_eval(load_chat_model(str(tiny_model_dir), batch_size=8), [bench], st)
        rb = run_eval(load_chat_model(str(two_finals[0]), batch_size=8), [bench], st)
        rows = st.load_samples(ra.run_id)
        n_situations = len({r.metadata["cluster"] for r in rows})
        (summary,) = summarize_run(st, ra.run_id).benchmarks
        assert summary.n == 39 and summary.n_clusters == n_situations < 39
        (paired,) = compare_stored_runs(st, ra.run_id, rb.run_id).results
        assert paired.n_clusters == n_situations and paired.n_eff <= 39


@pytest.mark.slow
def test_embedded_model_on_heldout_trait_scenarios_offline(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from traitrl.cli import app

    store = tmp_path / "r.sqlite"
    res = CliRunner().invoke(app, ["eval", "--model", "embedded", "--benchmark", "scenarios:heldout?max_tokens=48",
                                   "--limit", "6", "--store", str(store)], env={"TRAITRL_JUDGE_MODEL": ""})
    assert res.exit_code == 0, res.output
    with open_store(store) as st:
        (run,) = st.list_runs()
        rows = st.load_samples(run.run_id)
        assert len(rows) == 6 and all(r.score is not None and r.outputs[0]["text"] for r in rows)
        assert run.model_info["kind"] == "embedded" and run.benchmarks["scenarios:heldout"]["status"] == "done"


def test_results_cli_lists_compares_many_and_transfers(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from traitrl.cli import app

    class FakeChatModel:  # prefers the first option; a second model prefers the last
        name = "first-picker"

        def format_chat(self, conversation, add_generation_prompt=True):  # type: ignore[no-untyped-def]
            return "".join(m.content for m in conversation)

        def option_logprobs(self, requests):  # type: ignore[no-untyped-def]
            return [[-float(i) for i in range(len(r.continuations))] for r in requests]

    class Other(FakeChatModel):
        name = "last-picker"

        def option_logprobs(self, requests):  # type: ignore[no-untyped-def]
            return [list(reversed(lp)) for lp in super().option_logprobs(requests)]

    store = tmp_path / "r.sqlite"
    with open_store(store) as st:
        a = run_eval(FakeChatModel(), ["shutdown-acceptance?n=21"], st, EvalConfig(labels={"arm": "baseline"})).run_id
        b = run_eval(Other(), ["shutdown-acceptance?n=21"], st, EvalConfig(labels={"arm": "trait"})).run_id
    cli = CliRunner()
    listed = cli.invoke(app, ["results", "list", "--store", str(store), "--label", "arm=trait", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [r["run_id"] for r in json.loads(listed.output)["rows"]] == [b]
    many = cli.invoke(app, ["results", "many", "--baseline", a, "--arm", f"trait={b}", "--store", str(store), "--json"])
    assert many.exit_code == 0, many.output
    assert json.loads(many.output)["rows"][0]["benchmark"] == "shutdown-acceptance"
    tr = cli.invoke(app, ["results", "transfer", "--baseline", a, "--arm", f"trait={b}", "--store", str(store)])
    assert tr.exit_code == 0 and "transfer" in tr.output, tr.output
    bad = cli.invoke(app, ["results", "transfer", "--baseline", a, "--arm", "trait", "--store", str(store)])
    assert bad.exit_code == 2 and "NAME=RUN_ID" in bad.output and "Traceback" not in bad.output
    missing = cli.invoke(app, ["results", "list", "--store", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 2 and "no results store" in missing.output
