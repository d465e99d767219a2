"""An editor's save during a check is never lost (issue 28, item 6): `check --xlsx` onto a report reads its
decisions, builds the new workbook and replaces the file; a save in between is noticed before the file is
replaced, the decisions read again and the workbook built again (once), or the check stops with nothing replaced.

The save is made at the point between reading and replacing (the workbook being built), not with sleeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import CASES
from openpyxl import load_workbook
from typer.testing import CliRunner
from xlsx_helpers import sheet_rows

import termcheck.writers.xlsx as xlsx_writer
from termcheck.cli import app

GLOSSARY = str(CASES / "glossary.csv")
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病"
BAD = "The drug treats acute GVHD after hormone therapy failure"
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("a.zh.txt").write_text(f"{ZH}\n你好\n{ZH}，再见\n", encoding="utf-8")
    Path("a.en.txt").write_text(f"{BAD}\nHello\n{BAD}, goodbye\n", encoding="utf-8")
    assert _check().exit_code == 0
    _mark({"1": "False positive"})
    return tmp_path


def _check():
    return runner.invoke(
        app,
        ["check", "--source", "a.zh.txt", "--target", "a.en.txt", "-g", GLOSSARY, "--select", "TC101", "--no-config",
         "--xlsx", "r.xlsx", "--fail-on", "never"],
    )  # fmt: skip


def _mark(statuses: dict[str, str]) -> None:
    """An editor's save: segment → Status."""
    workbook = load_workbook("r.xlsx")
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        segment = str(sheet.cell(row, header.index("Segment") + 1).value)
        if segment in statuses:
            sheet.cell(row, header.index("Status") + 1).value = statuses[segment]
    workbook.save("r.xlsx")


def _saving_while_building(monkeypatch: pytest.MonkeyPatch, saves: list[dict[str, str]]) -> list[int]:
    """Make each of `saves` as the new workbook is built; returns the list of builds, as they happen."""
    build = xlsx_writer.write_workbook
    builds: list[int] = []

    def building(*args: Any, **kwargs: Any) -> Any:
        builds.append(len(builds) + 1)
        if saves:
            _mark(saves.pop(0))
        return build(*args, **kwargs)

    monkeypatch.setattr(xlsx_writer, "write_workbook", building)
    return builds


def test_a_save_during_the_check_is_read_again_and_kept(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = _saving_while_building(monkeypatch, [{"3": "Won't fix"}])
    result = _check()
    assert result.exit_code == 0, result.output
    assert builds == [1, 2]  # built again, once, with the decisions read again
    assert "r.xlsx was saved during the check: its decisions were read again" in result.stderr
    assert "kept 2 review decisions" in result.stderr
    statuses = {str(row["Segment"]): row["Status"] for row in sheet_rows(Path("r.xlsx"), "Findings")}
    assert statuses == {"1": "False positive", "3": "Won't fix"}


def test_saves_that_keep_coming_stop_the_check_with_nothing_replaced(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saving_while_building(monkeypatch, [{"3": "Won't fix"}, {"3": "Accepted"}])
    result = _check()
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr
    assert "r.xlsx: was saved during the check" in result.stderr and "nothing was replaced" in result.stderr
    statuses = {str(row["Segment"]): row["Status"] for row in sheet_rows(Path("r.xlsx"), "Findings")}
    assert statuses == {"1": "False positive", "3": "Accepted"}  # the editor's last save, whole
    assert not list(project.glob(".termcheck-*.tmp"))
