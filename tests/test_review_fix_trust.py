"""`review apply --write-fixed` verifies what an editor's workbook says before writing it (issue 28): a Found,
Expected or target span that no longer belongs to its finding (a column sorted on its own, a value typed over) is
skipped with its row, never written; a formula in Correction or Status is no text and no decision; a corrected
CSV or TSV value never starts like a formula; and two rows of one finding with different decisions stop the run."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import DATA
from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula
from test_review_fixes import FIXABLE, GLOSSARY, apply, edit
from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.review.fixes import plan_review_fixes
from termcheck.writers.xlsx.reviewed import read_review

runner = CliRunner()
LIBREOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("article.zh.txt", "article.en.txt", "segments.tsv", "segments.csv", "package12.xlf"):
        shutil.copy(DATA / "fix" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    check(tmp_path)
    return tmp_path


def check(folder: Path) -> None:
    """`check --xlsx r.xlsx` of the project in `folder` (the current folder)."""
    assert Path.cwd() == folder
    result = runner.invoke(app, ["check", ".", "-g", GLOSSARY, "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"])
    assert result.exit_code == 0, result.output


def columns(sheet) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {str(c.value): c.column for c in sheet[1]}


def copies(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "fixed").iterdir())}


def sort_one_column(path: Path, name: str) -> list[int]:
    """What Excel's "continue with the current selection" does: the column's values sorted, the rest left where
    they were. Returns the numbers of the rows whose value changed."""
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    column = columns(sheet)[name]
    cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
    before = [c.value for c in cells]
    after = sorted(before, key=lambda v: (v is None, str(v)))
    for cell, value in zip(cells, after, strict=True):
        cell.value = value
    workbook.save(path)
    return [c.row for c, old, new in zip(cells, before, after, strict=True) if old != new]


def mark_apply_fix(path: Path, rows: set[int] | None = None) -> set[int]:
    """Apply fix on every row of a check that fixes (or only on `rows`); returns the rows marked."""
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    column = columns(sheet)
    marked = set()
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column["Code"]).value in FIXABLE and (rows is None or row in rows):
            sheet.cell(row, column["Status"]).value = "Apply fix"
            marked.add(row)
    workbook.save(path)
    return marked


# --- item 1: the row's cells must still belong to its finding ---------------------------------------------------


def test_a_typed_expected_is_skipped_and_named(project: Path) -> None:
    numbers = edit(project / "r.xlsx", {("segments.tsv", "s2", "TC101"): {"Expected": "Ministry of Silly Walks"}})
    result = apply()
    assert result.exit_code == 0, result.output
    row = numbers[("segments.tsv", "s2", "TC101")]
    assert (
        f"skipped row {row} (segments.tsv, segment s2): Expected was changed since the report was written; "
        "write your text in Correction instead" in result.stderr
    )
    assert "Silly Walks" not in "".join(copies(project).values())
    tsv = copies(project)["segments.tsv"].splitlines()
    assert tsv[2].split("\t")[2] == "The Drug Evaluation Center accepted 250,000 applications."  # TC212 applied


def _sorted_expected(project: Path) -> tuple[set[int], str]:
    """Sort the Expected column alone in a report with every fixable row marked Apply fix; the Apply fix rows
    whose Expected changed."""
    marked = mark_apply_fix(project / "r.xlsx")
    return marked & set(sort_one_column(project / "r.xlsx", "Expected")), "r.xlsx"


def shifted(workbook: str) -> set[int]:
    """The rows `review apply --write-fixed` skips because their Expected changed (stderr shows the first ten)."""
    plan = plan_review_fixes(read_review(workbook))
    return {s.row for s in plan.skipped if s.reason.startswith("Expected was changed since the report was written")}


def _unshifted_copies(project: Path, changed: set[int]) -> dict[str, str]:
    """The copies an untouched report writes with Apply fix on every row the sort left as it was."""
    clean = project.parent / f"{project.name}-clean"
    clean.mkdir()
    for name in ("article.zh.txt", "article.en.txt", "segments.tsv", "segments.csv", "package12.xlf"):
        shutil.copy(project / name, clean / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(clean)
        check(clean)
        last = load_workbook(clean / "r.xlsx")["Findings"].max_row
        mark_apply_fix(clean / "r.xlsx", set(range(2, last + 1)) - changed)
        result = apply()
        assert result.exit_code == 0, result.output
    return copies(clean)


def test_a_column_sorted_alone_writes_no_shifted_text(project: Path) -> None:
    changed, workbook = _sorted_expected(project)
    assert len(changed) > 5
    result = runner.invoke(app, ["review", "apply", workbook, "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert shifted(workbook) == changed
    assert re.search(r"skipped row \d+ \([^)]*\): Expected was changed since the report was written", result.stderr)
    assert copies(project) == _unshifted_copies(project, changed)


@LIBREOFFICE
def test_a_column_sorted_alone_through_libreoffice(project: Path) -> None:
    from xlsx_helpers import save_through_libreoffice

    changed, workbook = _sorted_expected(project)
    save_through_libreoffice(project, workbook)
    result = runner.invoke(app, ["review", "apply", "saved/r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert shifted("saved/r.xlsx") == changed
    assert copies(project) == _unshifted_copies(project, changed)  # the untouched rows' checks survive the save


def test_a_finding_id_that_moved_to_another_row_is_skipped(project: Path) -> None:
    numbers = edit(project / "r.xlsx", {})
    first, second = numbers[("segments.tsv", "s1", "TC206")], numbers[("segments.tsv", "s2", "TC212")]
    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    column = columns(sheet)["Finding ID"]
    a, b = sheet.cell(first, column), sheet.cell(second, column)
    a.value, b.value = b.value, a.value
    workbook.save(project / "r.xlsx")
    result = apply()
    assert result.exit_code == 0, result.output
    for row in (first, second):
        assert re.search(rf"skipped row {row} \([^)]*\): its Finding ID, Code, File, Segment", result.stderr)
    tsv = copies(project)["segments.tsv"].splitlines()
    assert tsv[1].endswith("product。\tkept as it is") and "250000" in tsv[2]  # neither applied


NO_ROW_CHECK = {
    "old report": "the report has no Row check column (an older termcheck wrote it), so its Found and Expected "
    "cannot be verified; run check --xlsx again onto it (your decisions are kept), or write the corrected target in "
    "Correction",
    "cell cleared": "its Row check is empty, so its Found and Expected cannot be verified; write the corrected target "
    "in Correction",
}


@pytest.mark.parametrize("how", NO_ROW_CHECK)
def test_without_a_row_check_only_corrections_are_applied(project: Path, how: str) -> None:
    """A report written before the Row check column (or a row whose check was cleared): its Found and Expected
    cannot be verified, so a suggested fix is refused with its row; a Correction (the editor's own text) is
    applied."""
    correction = "For patients with steroid-refractory disease."
    numbers = edit(
        project / "r.xlsx",
        {
            ("segments.tsv", "s4", "TC101"): {"Status": "Apply fix", "Correction": correction},
            ("segments.tsv", "s2", "TC212"): {"Status": "Apply fix"},
        },
        every_fixable=False,
    )
    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    row = numbers[("segments.tsv", "s2", "TC212")]
    if how == "old report":
        sheet.delete_cols(columns(sheet)["Row check"])
    else:
        for number in (row, numbers[("segments.tsv", "s4", "TC101")]):
            sheet.cell(number, columns(sheet)["Row check"]).value = None
    workbook.save(project / "r.xlsx")
    result = apply()
    assert result.exit_code == 0, result.output
    assert f"skipped row {row} (segments.tsv, segment s2): {NO_ROW_CHECK[how]}" in result.stderr
    assert copies(project)["segments.tsv"].splitlines()[4].split("\t")[2] == correction
    assert "250,000" not in copies(project)["segments.tsv"]
    if how == "old report":  # as the line says: the report regenerated keeps the decisions, and has its checks
        check(project)
        again = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "again"])
        assert again.exit_code == 0, again.output
        assert "250,000" in (project / "again" / "segments.tsv").read_text(encoding="utf-8")


# --- item 2: formulas are neither text nor decisions; no corrected CSV/TSV value starts like a formula -----------


def _shared_formula(path: Path, rows: tuple[int, int], column: str) -> None:
    """Make the two cells' formulas one shared formula, as Excel writes a formula filled down."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet2.xml"
    xml = parts[sheet].decode("utf-8")
    first, second = (f"{column}{n}" for n in rows)
    xml, found = re.subn(
        rf'(<c r="{first}"[^>]*>)<f>([^<]*)</f>', rf'\1<f t="shared" ref="{first}:{second}" si="0">\2</f>', xml
    )
    xml, also = re.subn(rf'(<c r="{second}"[^>]*>)<f>[^<]*</f>', r'\1<f t="shared" si="0"/>', xml)
    assert found == also == 1
    parts[sheet] = xml.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


FORMULA_KINDS = ["formula", "array", "shared", pytest.param("libreoffice", marks=LIBREOFFICE)]


@pytest.mark.parametrize("kind", FORMULA_KINDS)
def test_a_formula_in_correction_is_refused_with_its_row(project: Path, kind: str) -> None:
    numbers = edit(project / "r.xlsx", {}, every_fixable=False)
    rows = numbers[("segments.csv", "s1", "TC206")], numbers[("segments.csv", "s4", "TC101")]
    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    column = columns(sheet)
    letter = sheet.cell(1, column["Correction"]).column_letter
    target = sheet.cell(1, column["Target"]).column_letter
    for row in rows:
        sheet.cell(row, column["Status"]).value = "Apply fix"
        formula = f'=SUBSTITUTE({target}{row},"hormone therapy failure","steroid-refractory disease")'
        cell = sheet.cell(row, column["Correction"])
        cell.value = ArrayFormula(f"{letter}{row}", formula) if kind == "array" else formula
    workbook.save(project / "r.xlsx")
    path = "r.xlsx"
    if kind == "shared":
        _shared_formula(project / "r.xlsx", rows, letter)
    if kind == "libreoffice":
        from xlsx_helpers import save_through_libreoffice

        path = str(save_through_libreoffice(project, "r.xlsx").relative_to(project))
    result = runner.invoke(app, ["review", "apply", path, "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    for row in rows:
        assert re.search(
            rf"skipped row {row} \(segments.csv, segment s\d\): its Correction is a formula \(=SUBSTITUTE\(",
            result.stderr,
        ), result.stderr
    assert not (project / "fixed").exists()


@pytest.mark.parametrize("kind", ["formula", "array"])
def test_a_formula_in_status_is_no_decision(project: Path, kind: str) -> None:
    numbers = edit(project / "r.xlsx", {}, every_fixable=False)
    row = numbers[("segments.tsv", "s2", "TC212")]
    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    column = columns(sheet)
    formula = '=IF(TRUE,"Apply fix","Open")'
    letter = sheet.cell(1, column["Status"]).column_letter
    sheet.cell(row, column["Status"]).value = ArrayFormula(f"{letter}{row}", formula) if kind == "array" else formula
    workbook.save(project / "r.xlsx")
    result = apply()
    assert result.exit_code == 0, result.output
    assert f'row {row} "{formula}"' in result.stderr and "read as Open" in result.stderr
    assert "no row is marked Apply fix" in result.stderr and not (project / "fixed").exists()


LOOKS_LIKE_A_FORMULA = ['=HYPERLINK("http://example.com","click")', "+1 800 555 0100", "-5 °C at night.", "@SUM(1)"]


@pytest.mark.parametrize("text", LOOKS_LIKE_A_FORMULA)
def test_a_correction_that_starts_like_a_formula_is_not_written_into_a_csv(project: Path, text: str) -> None:
    """The Correction is text (a string cell, as typed with Excel's quote prefix), but a spreadsheet opening the
    corrected CSV would run it: the row is refused, named, and the rest of the file written."""
    numbers = edit(project / "r.xlsx", {("segments.csv", "s4", "TC101"): {"Status": "Apply fix"}}, every_fixable=False)
    row = numbers[("segments.csv", "s4", "TC101")]
    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    for number in (row, numbers[("segments.tsv", "s4", "TC101")], numbers[("article.en.txt", "4", "TC101")]):
        sheet.cell(number, columns(sheet)["Status"]).value = "Apply fix"
        cell = sheet.cell(number, columns(sheet)["Correction"])
        cell.value = text
        cell.data_type = "s"
    mark = numbers[("segments.csv", "s2", "TC212")]
    sheet.cell(mark, columns(sheet)["Status"]).value = "Apply fix"
    workbook.save(project / "r.xlsx")
    result = apply()
    assert result.exit_code == 0, result.output
    tsv = numbers[("segments.tsv", "s4", "TC101")]
    if text.startswith("="):  # refused in every format: a formula's text (one carried into a regenerated report)
        for number in sorted((row, tsv, numbers[("article.en.txt", "4", "TC101")])):
            assert f"skipped row {number} " in result.stderr
        assert 'its Correction starts with "=", as a formula does; type the corrected target itself' in result.stderr
        assert set(copies(project)) == {"segments.csv"}
    else:  # a bullet, a phone number, a minus sign: text in a text file; a CSV or TSV opens in a spreadsheet
        for number, name in ((row, "segments.csv"), (tsv, "segments.tsv")):
            assert (
                f'skipped row {number} ({name}, segment s4): the correction starts with "{text[0]}", which a '
                f"spreadsheet opening {name} would run as a formula; make this change in the file itself"
                in result.stderr
            ), result.stderr
        assert copies(project)["article.en.txt"].splitlines()[3] == text
    csv = copies(project)["segments.csv"]
    assert text.replace('"', '""') not in csv and "250,000" in csv


def test_fix_never_makes_a_csv_value_start_like_a_formula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full-width "＝" at the start of a target would become "=" through the TC206 fix: that segment is left for a
    person. A target that already started with "-" (a bullet) keeps it, and its term is fixed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text(
        "id,source,target\n1,＝1+1是2。,＝1+1 is 2.\n2,- 通用型干细胞,- universal stem cells\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["fix", "a.csv", "-g", GLOSSARY, "--no-config"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "fixed" / "a.csv").read_text(encoding="utf-8").splitlines()
    assert written[1] == "1,＝1+1是2。,＝1+1 is 2."
    assert written[2] == "2,- 通用型干细胞,- off-the-shelf stem cells"
    assert (
        'a.csv: segment 1 not changed: the corrected target would start with "=", which a spreadsheet opening a.csv '
        "would run as a formula; make it by hand" in result.stderr
    )


# --- item 3: one finding, two rows, two decisions ----------------------------------------------------------------


def _copy_row(path: Path, key: tuple[str, str, str], original: str, copy: str) -> tuple[int, int]:
    numbers = edit(path, {key: {"Status": original}}, every_fixable=False)
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    values = [c.value for c in sheet[numbers[key]]]
    sheet.append(values)
    sheet.cell(sheet.max_row, columns(sheet)["Status"]).value = copy
    workbook.save(path)
    return numbers[key], sheet.max_row


@pytest.mark.parametrize("fixed", [True, False], ids=["write-fixed", "suppressions only"])
def test_two_rows_of_one_finding_with_different_decisions_stop_the_run(project: Path, fixed: bool) -> None:
    first, second = _copy_row(project / "r.xlsx", ("segments.tsv", "s2", "TC212"), "Apply fix", "False positive")
    result = apply() if fixed else runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert result.exit_code == 2
    assert re.fullmatch(
        rf"termcheck: error: r.xlsx: rows {first} and {second} are one finding \([0-9a-f]{{12}}\) with different "
        r"decisions \(Apply fix, False positive\); keep one",
        result.stderr.strip(),
    ), result.stderr
    assert not (project / "fixed").exists() and not (project / ".termcheck-ignore").exists()


def test_a_copied_row_with_the_same_decision_or_none_is_fine(project: Path) -> None:
    _copy_row(project / "r.xlsx", ("segments.tsv", "s2", "TC212"), "False positive", "Open")
    _copy_row(project / "r.xlsx", ("segments.tsv", "s1", "TC206"), "Apply fix", "Apply fix")
    result = apply()
    assert result.exit_code == 0, result.output
    assert ".termcheck-ignore: 1 added, 0 updated, 0 removed; 1 suppression in all" in result.stderr
    assert copies(project)["segments.tsv"].splitlines()[1].endswith("product.\tkept as it is")
    assert "2 rows marked Apply fix applied, 0 skipped" in result.stderr  # the row and its copy
