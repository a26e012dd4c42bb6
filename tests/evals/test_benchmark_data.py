"""Benchmarks as data (validated YAML tables) and the suite as a Hugging Face dataset that loads back unchanged."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from traitrl.cli import app
from traitrl.core.errors import UserError
from traitrl.evals.builtin._data import data_dir, read_benchmark_data, write_benchmark_data
from traitrl.evals.export import export_suite, load_exported, row_sample
from traitrl.evals.registry import factory_args, load_builtins

GOOD = """schema:
  rows: [domain, org]
  asks: text
  wordings: 2
rows:
- {domain: health, org: BrightPath}
asks:
- "Which is better for {org}?"
wordings:
- ["yes", "no"]
"""


def test_every_data_file_validates_and_belongs_to_a_builtin() -> None:
    registry = load_builtins()
    files = sorted(data_dir().glob("*.yaml"))
    assert files, "no benchmark data files"
    for f in files:
        assert f.stem in registry, f"{f.name}: no built-in benchmark of that name"
        data = read_benchmark_data(f)
        assert data.tables and set(data.tables) == set(data.schema)


# Built-ins that stay code: their items are generated, not written (arithmetic, facts and format tasks from
# traitrl.tasks; the held-out trait scenarios rendered from the scenario bank's templates).
PROCEDURAL = {"capability-arithmetic", "capability-facts", "capability-formats", "capability-instructions",
              "scenarios:heldout", "scenarios:heldout-judged"}


def test_every_written_benchmark_reads_its_items_from_data() -> None:
    files = {f.stem for f in data_dir().glob("*.yaml")}
    assert set(load_builtins()) - files == PROCEDURAL


def test_round_trip_and_accessors(tmp_path: Path) -> None:
    p = tmp_path / "x.yaml"
    p.write_text(GOOD)
    d = read_benchmark_data(p)
    assert d.rows("rows") == [("health", "BrightPath")] and d.records("rows") == [{"domain": "health", "org": "BrightPath"}]
    assert d.texts("asks") == ["Which is better for {org}?"] and d.tuples("wordings") == [("yes", "no")]
    with pytest.raises(TypeError, match="holds records"):
        d.texts("rows")
    again = write_benchmark_data(tmp_path / "y.yaml", d.schema, d.tables, header="a header\nsecond line")
    assert again.tables == d.tables and (tmp_path / "y.yaml").read_text().startswith("# a header\n# second line\n")


@pytest.mark.parametrize(("edit", "message"), [
    (("{domain: health, org: BrightPath}", "{domain: health}"), "item 0: missing column(s) org"),
    (("{domain: health, org: BrightPath}", "{domain: health, org: B, extra: x}"), "undeclared column(s) extra"),
    (("org: BrightPath}", "org: 12}"), "item 0, column 'org': must be a non-empty string"),
    (("org: BrightPath}", "org: yes}"), "column 'org'"),  # YAML booleans never reach a prompt
    (('["yes", "no"]', '["yes"]'), "table 'wordings', item 0: must be a list of exactly 2"),
    (("  asks: text\n", ""), "tables without a schema: asks"),
    (("  wordings: 2\n", "  wordings: 2\n  options: text\n"), "declared but missing: options"),
    (("  asks: text", "  asks: texts"), "schema must be a list of column names"),
])
def test_malformed_data_files_name_file_table_item_and_column(tmp_path: Path, edit: tuple[str, str],
                                                              message: str) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(GOOD.replace(*edit, 1))
    with pytest.raises(UserError) as err:
        read_benchmark_data(p)
    assert str(p) in str(err.value) and message in str(err.value)


def test_suite_exports_as_a_dataset_that_loads_back_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "suite"
    entries = export_suite(out)
    registry = load_builtins()
    assert {e["name"] for e in entries} == set(registry)
    for e in entries:  # every config, read straight from its parquet file
        spec = registry[e["name"]]
        expected = spec.factory(**factory_args(spec, {}))
        table = pq.read_table(out / e["name"].replace(":", "--") / "test.parquet")
        assert [row_sample(r) for r in table.to_pylist()] == expected, e["name"]
    # ... and a few through `datasets.load_dataset`, the way a user loads them (a colon-named one included).
    for name in ("conflict-of-interest-disclosure", "scenarios:heldout", "citation-fabrication-refusal"):
        spec = registry[name]
        assert load_exported(out, name) == spec.factory(**factory_args(spec, {}))
    card = (out / "README.md").read_text()
    assert card.startswith("---\nconfigs:") and "config_name: scenarios--heldout" in card


def test_a_reexported_folder_is_read_again_not_served_from_the_cache(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from traitrl.evals import registry

    out = tmp_path / "suite"
    export_suite(out, ["shutdown-acceptance"])
    first = load_exported(out, "shutdown-acceptance")
    spec = registry.load_builtins()["shutdown-acceptance"]
    monkeypatch.setattr(spec, "factory", lambda **kw: first[:3])  # the benchmark's items change, then re-export
    export_suite(out, ["shutdown-acceptance"])
    assert load_exported(out, "shutdown-acceptance") == first[:3]


def test_export_cli_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["benchmarks", "export", "--out", str(tmp_path / "d"), "-b", "shutdown-acceptance"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "d" / "shutdown-acceptance" / "test.parquet").is_file()
    bad = runner.invoke(app, ["benchmarks", "export", "--out", str(tmp_path / "e"), "-b", "no-such-benchmark"])
    assert bad.exit_code == 2 and "unknown built-in benchmark" in bad.output and "Traceback" not in bad.output
