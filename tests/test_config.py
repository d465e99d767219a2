"""termcheck.toml and [tool.termcheck]: keys, types, errors, discovery upwards, and command-line precedence."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, load_toml

from termcheck.core.errors import InputError
from termcheck.core.model import Severity
from termcheck.project.config import Settings, find_config, load_config

TABLE = load_toml(CASES / "config.toml")["case"]


def _plain(value: Any) -> Any:
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _setting(settings: Settings, name: str) -> Any:
    value = getattr(settings, name)
    if name == "fail_on" and value is None:
        return "never"
    return _plain(value)


@pytest.mark.parametrize("case", TABLE, ids=[c["name"] for c in TABLE])
def test_config_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / case.get("file", "termcheck.toml")
    path.write_text(case["text"], encoding="utf-8")
    if "error" in case:
        with pytest.raises(InputError) as raised:
            load_config(str(path) if case.get("explicit") else None)
        message = str(raised.value).replace(str(tmp_path) + os.sep, "")
        assert message.startswith(case["error"])
        return
    project = load_config()
    assert project.path == str(path)
    assert project.root == str(tmp_path)
    assert {name: _setting(project.settings, name) for name in case["expect"]} == case["expect"]


def test_config_is_found_upwards_and_paths_stay_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "termcheck.toml").write_text('glossary = "glossaries/terms.csv"\n', encoding="utf-8")
    deep = tmp_path / "content" / "news"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    project = load_config()
    assert project.root == str(tmp_path)
    assert project.settings.glossary == (os.path.join("..", "..", "glossaries", "terms.csv"),)


def test_termcheck_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.termcheck]\nformat = "json"\n', encoding="utf-8")
    (tmp_path / "termcheck.toml").write_text('format = "sarif"\n', encoding="utf-8")
    assert find_config(str(tmp_path)) == str(tmp_path / "termcheck.toml")


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "termcheck.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(str(inner)) == str(tmp_path / "termcheck.toml")


def test_no_file_gives_defaults_rooted_at_the_start(tmp_path: Path) -> None:
    assert find_config(str(tmp_path)) is None  # nothing above pytest's temp dir either
    project = load_config(start=str(tmp_path))
    assert (project.path, project.root, project.settings) == (None, str(tmp_path), Settings())


def test_override_takes_given_values_only() -> None:
    base = Settings(glossary=("a.csv",), format="json")
    merged = base.override(glossary=None, format="sarif", select=("TC1",))
    assert (merged.glossary, merged.format, merged.select) == (("a.csv",), "sarif", ("TC1",))
    with pytest.raises(TypeError):
        base.override(colour="red")


@pytest.mark.parametrize(
    "configured, expected",
    [(None, os.path.join("..", ".termcheck-ignore")), ("review/ignore.tsv", "review/ignore.tsv")],
)
def test_review_apply_writes_to_the_configured_or_root_ignore_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, configured: str | None, expected: str
) -> None:
    from termcheck.project.inputs import default_ignore_file

    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert default_ignore_file(Settings(ignore_file=configured), str(tmp_path)) == expected


def test_severity_on_the_command_line_adds_to_the_config_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--severity TC205=error keeps the config's TC212 = "warning" instead of replacing the table."""
    import json

    from typer.testing import CliRunner

    from termcheck.cli import app

    monkeypatch.chdir(tmp_path)
    Path("termcheck.toml").write_text('[severity]\nTC212 = "warning"\n', encoding="utf-8")
    Path("a.en.txt").write_text("The project has 250000 parts for patients over 14.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "a.en.txt", "--severity", "TC205=error", "--format", "json", "--fail-on", "never"]
    )
    severities = {f["code"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities["TC212"] == "warning"  # from termcheck.toml, kept
