"""``load_yaml``: strict (no duplicate keys, no Python tags, bounded depth), YAML 1.2 floats, errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from traitrl.core.files import FileProblem, load_yaml


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


def test_plain_mappings_and_exponent_floats(tmp_path: Path) -> None:
    assert _load(tmp_path, "learning_rate: 1e-5\nsteps: 30\nname: arm\n") == {
        "learning_rate": 1e-5, "steps": 30, "name": "arm"}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first on line 1)"),
    ("a: [1, 2\nb: 3\n", 2, "not valid YAML"),
    ("{[1]: 2}\n", 1, "a mapping key must be a plain value"),
    ("!!python/object:os.system a\n", 1, "could not determine a constructor"),
])
def test_bad_files_name_the_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(FileProblem) as err:
        _load(tmp_path, text)
    assert f"config.yaml, line {line}:" in str(err.value) and words in str(err.value)


@pytest.mark.parametrize("depth", [300, 5000])
def test_deep_nesting_is_a_clear_error_not_a_crash(tmp_path: Path, depth: int) -> None:
    with pytest.raises(FileProblem, match="config.yaml.*(nested more than|nesting depth)"):
        _load(tmp_path, "x: " + "[" * depth + "]" * depth + "\n")


def test_the_libyaml_parser_is_used_where_installed() -> None:
    from traitrl.core.files import _StrictLoader

    # The pure-Python parser was most of the start-up time of `traitrl train` (reading the scenario templates).
    assert issubclass(_StrictLoader, yaml.CSafeLoader) == bool(yaml.__with_libyaml__)
