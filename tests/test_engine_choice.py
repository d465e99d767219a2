"""Choosing the engine (termcheck.core.native): TERMCHECK_ENGINE, the fallback, and the note a big run gets."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from termcheck.api import files
from termcheck.cli import app
from termcheck.core import native

EXAMPLE = [
    "check",
    "--source",
    str(ROOT / "examples" / "stem-cell-approval.zh.txt"),
    "--target",
    str(ROOT / "examples" / "stem-cell-approval.en-mt.txt"),
    "-g",
    str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"),
    "--format",
    "json",
]


@pytest.fixture(autouse=True)
def fresh_choice(monkeypatch):
    monkeypatch.delenv(native.ENGINE_VARIABLE, raising=False)
    native.reset()
    yield
    native.reset()


def _run(monkeypatch, engine: str | None, installed: bool):
    if engine is not None:
        monkeypatch.setenv(native.ENGINE_VARIABLE, engine)
    if not installed:
        monkeypatch.setitem(sys.modules, "termcheck_native", None)  # an import of it fails, as when not built
    native.reset()
    return CliRunner().invoke(app, EXAMPLE)


def test_without_the_core_a_big_run_says_so_once(monkeypatch) -> None:
    monkeypatch.setattr(files, "LARGE_RUN", 1)
    result = _run(monkeypatch, None, installed=False)
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count("the native core is not installed") == 1
    assert "pip install ./native" in result.stderr
    assert native.engine_name() == "python"


def test_a_small_run_without_the_core_says_nothing(monkeypatch) -> None:
    result = _run(monkeypatch, None, installed=False)
    assert result.exit_code == 1
    assert "native core" not in result.stderr


def test_the_python_engine_chosen_on_purpose_says_nothing(monkeypatch) -> None:
    monkeypatch.setattr(files, "LARGE_RUN", 1)
    result = _run(monkeypatch, "python", installed=True)
    assert result.exit_code == 1
    assert "native core" not in result.stderr
    assert native.engine_name() == "python"


def test_native_required_but_missing_is_a_usage_error(monkeypatch) -> None:
    result = _run(monkeypatch, "native", installed=False)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "termcheck: error: TERMCHECK_ENGINE=native but the native core is not installed (pip install ./native)"
    ]


def test_an_unknown_engine_is_a_usage_error(monkeypatch) -> None:
    result = _run(monkeypatch, "fortran", installed=True)
    assert result.exit_code == 2
    assert "TERMCHECK_ENGINE=fortran: expected one of native, python" in result.stderr


def test_both_engines_give_the_same_report(monkeypatch) -> None:
    pytest.importorskip("termcheck_native")
    python = _run(monkeypatch, "python", installed=True).stdout
    core = _run(monkeypatch, "native", installed=True).stdout
    assert python == core and '"findings"' in core
