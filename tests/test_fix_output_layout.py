"""Where corrected copies go (issue 28, item 5 and the symlinked folder): `termcheck fix --output-dir` and
`review apply --write-fixed` lay copies out at each input's path, so inputs of the same name never overwrite
each other; a copy that would land outside the output folder (through a symlink in it) is refused before
anything is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder `work` with two same-name documents beside it, in d1/ and d2/."""
    for folder, text in (("d1", "Hello  world."), ("d2", "Goodbye  world.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.en.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path / "work"


def fix(*args: str):
    return runner.invoke(app, ["fix", *args, "--no-config", "--select", "TC208"])


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_name_inputs_are_mirrored_not_overwritten(work: Path) -> None:
    result = fix("../d1/doc.en.txt", "../d2/doc.en.txt", "--output-dir", "out")
    assert result.exit_code == 0, result.output
    assert _files(work / "out") == {
        os.path.join("d1", "doc.en.txt"): "Hello world.\n",
        os.path.join("d2", "doc.en.txt"): "Goodbye world.\n",
    }
    assert "2 fixes applied in 2 files" in result.stderr


def test_one_input_outside_the_project_keeps_its_name(work: Path) -> None:
    result = fix("../d1/doc.en.txt", "--output-dir", "out")
    assert result.exit_code == 0, result.output
    assert _files(work / "out") == {"doc.en.txt": "Hello world.\n"}


def test_a_collision_mirroring_cannot_undo_is_refused_before_anything_is_written(work: Path) -> None:
    (work / "doc.en.txt").write_text("Here  too.\n", encoding="utf-8")
    (work / "a.en.txt").write_text("Also  here.\n", encoding="utf-8")
    result = fix("a.en.txt", "doc.en.txt", "../d1/doc.en.txt", "--output-dir", "out")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "internal error" not in result.stderr
    assert "doc.en.txt and ../d1/doc.en.txt" in result.stderr and "would both be" in result.stderr
    assert not (work / "out").exists()


def test_a_symlinked_folder_inside_the_output_folder_is_not_followed(work: Path, tmp_path: Path) -> None:
    (work / "sub").mkdir()
    (work / "sub" / "doc.en.txt").write_text("Inside  the project.\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (work / "out").mkdir()
    (work / "out" / "sub").symlink_to(elsewhere, target_is_directory=True)
    result = fix("sub/doc.en.txt", "--output-dir", "out")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "outside the output folder out" in result.stderr and str(elsewhere) in result.stderr
    assert list(elsewhere.iterdir()) == []


def _report_marked_apply_fix(*inputs: str) -> None:
    result = runner.invoke(
        app, ["check", *inputs, "--no-config", "--select", "TC208", "--xlsx", "r.xlsx", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook("r.xlsx")
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, header.index("Status") + 1).value = "Apply fix"
    workbook.save("r.xlsx")


def test_write_fixed_mirrors_same_name_documents(work: Path) -> None:
    _report_marked_apply_fix("../d1/doc.en.txt", "../d2/doc.en.txt")
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert _files(work / "fixed") == {
        os.path.join("d1", "doc.en.txt"): "Hello world.\n",
        os.path.join("d2", "doc.en.txt"): "Goodbye world.\n",
    }


def test_write_fixed_refuses_a_symlinked_folder_inside_its_folder(work: Path, tmp_path: Path) -> None:
    (work / "sub").mkdir()
    (work / "sub" / "doc.en.txt").write_text("Inside  the project.\n", encoding="utf-8")
    _report_marked_apply_fix("sub/doc.en.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (work / "fixed").mkdir()
    (work / "fixed" / "sub").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 2
    assert "outside the output folder fixed" in result.stderr
    assert list(elsewhere.iterdir()) == []
