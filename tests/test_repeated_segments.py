"""Decisions on repeated text (issue 28, item 4): two identical segments share a text hash, so a decision made
on one of them can be found again only where its position and its text both agree. Where the copies moved, the
decision is not carried to either copy (nor applied with --write-fixed): it is named, with its row, and left
Open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CASES
from openpyxl import load_workbook
from typer.testing import CliRunner
from xlsx_helpers import sheet_rows

from termcheck.cli import app

GLOSSARY = str(CASES / "glossary.csv")
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病"
BAD = "The drug treats acute GVHD after hormone therapy failure"
PAIR = ["--source", "a.zh.txt", "--target", "a.en.txt"]
FIRST, SECOND = "First copy, corrected.", "Second copy, corrected."
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(above: list[tuple[str, str]], copies: int = 2, below: tuple[tuple[str, str], ...] = ()) -> None:
    lines = [*above, *[(ZH, BAD)] * copies, *below]
    Path("a.zh.txt").write_text("".join(zh + "\n" for zh, _ in lines), encoding="utf-8")
    Path("a.en.txt").write_text("".join(en + "\n" for _, en in lines), encoding="utf-8")


def _check(*extra: str):
    result = runner.invoke(
        app,
        ["check", *PAIR, "-g", GLOSSARY, "--select", "TC101", "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never",
         *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def _decide(decisions: dict[str, dict[str, str]]) -> dict[str, int]:
    """An editor's save in openpyxl: segment → {column: value}. Returns each segment's row number."""
    workbook = load_workbook("r.xlsx")
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    numbers = {}
    for row in range(2, sheet.max_row + 1):
        segment = str(sheet.cell(row, header.index("Segment") + 1).value)
        numbers[segment] = row
        for name, value in decisions.get(segment, {}).items():
            sheet.cell(row, header.index(name) + 1).value = value
    workbook.save("r.xlsx")
    return numbers


TWO_DECISIONS = {
    "1": {"Status": "Apply fix", "Correction": FIRST, "Comment": "the first"},
    "2": {"Status": "Apply fix", "Correction": SECOND, "Comment": "the second"},
}


def _by_segment() -> dict[str, dict[str, object]]:
    return {str(row["Segment"]): row for row in sheet_rows(Path("r.xlsx"), "Findings")}


def test_decisions_on_copies_that_stayed_in_place_are_kept_on_their_own_rows(project: Path) -> None:
    _write([])
    _check()
    _decide(TWO_DECISIONS)
    result = _check()
    assert "kept 2 review decisions" in result.stderr
    rows = _by_segment()
    assert (rows["1"]["Correction"], rows["2"]["Correction"]) == (FIRST, SECOND)
    assert runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"]).exit_code == 0
    assert Path("fixed/a.en.txt").read_text(encoding="utf-8").splitlines() == [FIRST, SECOND]


def test_decisions_on_copies_that_moved_are_named_and_left_open_not_swapped(project: Path) -> None:
    _write([])
    _check()
    numbers = _decide(TWO_DECISIONS)
    _write([("标题", "Title")])  # a line above: the copies are now lines 2 and 3
    result = _check()
    assert "kept 2 review decisions" not in result.stderr
    for segment in ("1", "2"):
        assert f"r.xlsx row {numbers[segment]} (a.en.txt, segment {segment}, TC101" in result.stderr
    notes = [line for line in result.stderr.splitlines() if "left Open" in line]
    assert len(notes) == 2, result.stderr  # one line per decision
    assert "segments 2 and 3" in notes[0] and "which copy" in notes[0]
    rows = _by_segment()
    assert set(rows) == {"2", "3"}
    assert all(row["Status"] == "Open" and not row["Correction"] and not row["Comment"] for row in rows.values())


def test_a_decision_on_unique_text_that_now_occurs_twice_is_not_given_to_the_first_copy(project: Path) -> None:
    _write([], copies=1)
    _check()
    numbers = _decide({"1": {"Status": "False positive", "Comment": "house style"}})
    _write([("标题", "Title")], copies=2)
    result = _check()
    assert f"r.xlsx row {numbers['1']} (a.en.txt, segment 1, TC101" in result.stderr and "left Open" in result.stderr
    assert all(row["Status"] == "Open" for row in _by_segment().values())


def test_write_fixed_never_puts_a_correction_on_another_copy(project: Path) -> None:
    _write([])
    _check()
    numbers = _decide(TWO_DECISIONS)
    _write([("标题", "Title")])  # the report's segment 2 is now another copy of the same text
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    skipped = {line.split(" (")[0]: line for line in result.stderr.splitlines() if line.startswith("skipped row")}
    assert set(skipped) == {f"skipped row {numbers['1']}", f"skipped row {numbers['2']}"}
    # segment 1 is the new title line; segment 2 holds the text, but it is the copy that was segment 1
    assert "segments 2 and 3" in skipped[f"skipped row {numbers['2']}"] and "which copy" in result.stderr
    assert not Path("fixed/a.en.txt").exists()
    assert "0 rows marked Apply fix applied, 2 skipped" in result.stderr


def test_write_fixed_applies_corrections_to_copies_that_stayed_in_place(project: Path) -> None:
    _write([], below=(("标题", "Title"),))
    _check()
    _decide(TWO_DECISIONS)
    _write([], below=(("标题", "A changed last line"),))  # a change below the copies moves neither
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert Path("fixed/a.en.txt").read_text(encoding="utf-8").splitlines() == [FIRST, SECOND, "A changed last line"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_keeps_the_rule(project: Path) -> None:
    from xlsx_helpers import save_through_libreoffice

    _write([])
    _check()
    numbers = _decide(TWO_DECISIONS)
    shutil.move(save_through_libreoffice(project, "r.xlsx"), "r.xlsx")
    _write([("标题", "Title")])
    applied = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert applied.exit_code == 0, applied.output
    assert "0 rows marked Apply fix applied, 2 skipped" in applied.stderr and not Path("fixed").exists()
    result = _check()
    assert [line.split(" (")[0] for line in result.stderr.splitlines() if "left Open" in line] == [
        f"termcheck: note: r.xlsx row {numbers['1']}",
        f"termcheck: note: r.xlsx row {numbers['2']}",
    ]
    assert all(row["Status"] == "Open" for row in _by_segment().values())


def test_a_copy_suppressed_by_review_apply_does_not_unsettle_the_other(project: Path) -> None:
    _write([])
    _check()
    _decide({"1": {"Status": "False positive"}, "2": {"Status": "Apply fix", "Correction": SECOND}})
    assert runner.invoke(app, ["review", "apply", "r.xlsx"]).exit_code == 0  # segment 1 is suppressed now
    result = _check("--ignore-file", ".termcheck-ignore")
    assert "left Open" not in result.stderr
    assert "kept 1 review decisions" in result.stderr and "now suppressed by .termcheck-ignore" in result.stderr
    assert _by_segment()["2"]["Correction"] == SECOND
