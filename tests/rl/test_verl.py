"""verl export: parquet schema and compute_score routing to our graders (CPU only, no verl needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import typer
from typer.testing import CliRunner

from traitrl.cli.train import export_app
from traitrl.rl.verl_export import VERL_COLUMNS
from traitrl.rl.verl_reward import compute_score, parse_data_source
from traitrl.scenarios.bank import build_bank
from traitrl.tasks import task_items


def _export(tmp_path: Path) -> Path:
    app = typer.Typer()
    app.add_typer(export_app, name="export")
    out = tmp_path / "verl"
    result = CliRunner().invoke(app, ["export", "verl", "--out", str(out), "--n", "200", "--val-n", "40",
                                      "--dose", "0.25"])
    assert result.exit_code == 0, result.output
    return out


def test_parquet_has_verl_schema(tmp_path: Path) -> None:
    out = _export(tmp_path)
    for name in ("train.parquet", "val.parquet"):
        table = pq.read_table(out / name)
        assert tuple(table.column_names) == VERL_COLUMNS
        rows = table.to_pylist()
        for r in rows:
            assert r["data_source"].startswith("traitrl/")
            assert r["prompt"] and r["prompt"][-1]["role"] == "user"
            assert set(r["reward_model"]) == {"style", "ground_truth"}
            json.loads(r["reward_model"]["ground_truth"])  # a JSON string verl passes through untouched
            assert r["extra_info"]["reward"] in ("rubric", "verifier", "helpfulness")
    train = pq.read_table(out / "train.parquet").to_pylist()
    assert len(train) == 200 and sum(r["extra_info"]["reward"] == "rubric" for r in train) == 50


def test_compute_score_calls_our_graders(tmp_path: Path) -> None:
    out = _export(tmp_path)
    rows = pq.read_table(out / "train.parquet").to_pylist()
    trait = next(r for r in rows if r["extra_info"]["reward"] == "rubric")
    s = next(s for s in build_bank(0) if s.id == trait["extra_info"]["source_id"])
    assert s.oracles is not None
    gt = trait["reward_model"]["ground_truth"]
    good = compute_score(trait["data_source"], s.oracles.good, gt, trait["extra_info"])
    bad = compute_score(trait["data_source"], s.oracles.bad, gt, trait["extra_info"])
    assert good > bad
    item = task_items("arithmetic", "train", 1)[0]
    gt_task = json.dumps(item.ground_truth)
    assert compute_score("traitrl/verifier/arithmetic", item.good, gt_task) == 1.0
    assert compute_score("traitrl/verifier/arithmetic", item.bad, gt_task) == 0.0


def test_compute_score_never_raises() -> None:
    assert compute_score("other/source", "text", "{}") == 0.0
    assert compute_score("traitrl/rubric/truthfulness", None, "not json") == 0.0  # type: ignore[arg-type]
    assert parse_data_source("traitrl/verifier/facts") == ("verifier", "facts")
