"""Fixes from the Excel report: rows marked Apply fix (the suggested fix, or the editor's Correction) become
corrected copies with `review apply --write-fixed`; changed segments and lost documents are skipped, and two
corrections that disagree stop the run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from openpyxl import load_workbook
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")
FIXABLE = ("TC101", "TC206", "TC208", "TC209", "TC212")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("article.zh.txt", "article.en.txt", "segments.tsv", "package12.xlf"):
        shutil.copy(DATA / "fix" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", ".", "-g", GLOSSARY, "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return tmp_path


def edit(path: Path, change: dict[tuple[str, str, str], dict[str, str]], every_fixable: bool = True) -> dict:
    """Set cells of the Findings sheet: (file, segment, code) → {column: value}; every fixable row → Apply fix.
    Returns the row number of each (file, segment, code)."""
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) + 1 for name in header}
    numbers = {}
    for row in range(2, sheet.max_row + 1):
        key = tuple(str(sheet.cell(row, column[name]).value) for name in ("File", "Segment", "Code"))
        numbers[key] = row
        if every_fixable and key[2] in FIXABLE:
            sheet.cell(row, column["Status"]).value = "Apply fix"
        for name, value in change.get(key, {}).items():  # type: ignore[call-overload]
            sheet.cell(row, column[name]).value = value
    workbook.save(path)
    return numbers


def apply(*extra: str):
    return runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed", *extra])


def test_apply_fix_rows_become_corrected_copies(project: Path) -> None:
    correction = "For patients with steroid-refractory disease."
    edit(project / "r.xlsx", {("segments.tsv", "s4", "TC101"): {"Status": "Apply fix", "Correction": correction}})
    result = apply()
    assert result.exit_code == 0, result.output
    tsv = (project / "fixed" / "segments.tsv").read_text(encoding="utf-8").splitlines()
    agency = "The National Medical Products Administration approved an off-the-shelf stem cell product."
    assert tsv[1].split("\t")[2] == agency
    assert tsv[2].split("\t")[2] == "The Center for Drug Evaluation accepted 250,000 applications."
    assert tsv[3].split("\t")[2] == "Off-the-shelf stem cells are promising, experts say."  # TC209, TC208, TC206
    assert tsv[4].split("\t")[2] == correction
    assert (project / "segments.tsv").read_bytes() == (DATA / "fix" / "segments.tsv").read_bytes()
    pair = (project / "fixed" / "article.en.txt").read_text(encoding="utf-8").splitlines()
    assert pair[0] == "The National Medical Products Administration approved an off-the-shelf stem cell product."
    xliff = (project / "fixed" / "package12.xlf").read_text(encoding="utf-8")
    assert 'state="needs-review-translation">The Center for Drug<x id="lb1" ctype="lb"/>Evaluation' in xliff
    assert "skipped row" in result.stderr and "hormone therapy failure" not in tsv[4]
    assert "rows marked Apply fix applied" in result.stderr.strip().splitlines()[-1]


def test_a_segment_changed_since_the_report_is_skipped_not_fixed(project: Path) -> None:
    numbers = edit(project / "r.xlsx", {})
    text = (project / "segments.tsv").read_text(encoding="utf-8")
    (project / "segments.tsv").write_text(text.replace("approved a universal", "approved one universal"), "utf-8")
    result = apply()
    assert result.exit_code == 0, result.output
    row = numbers[("segments.tsv", "s1", "TC101")]
    assert f"skipped row {row} (segments.tsv, segment s1): the segment changed since the report" in result.stderr
    tsv = (project / "fixed" / "segments.tsv").read_text(encoding="utf-8").splitlines()
    assert "The National Drug Administration approved one universal" in tsv[1]  # untouched
    assert "The Center for Drug Evaluation accepted 250,000 applications." in tsv[2]  # the rest applied


def test_a_document_that_is_gone_is_reported(project: Path) -> None:
    edit(project / "r.xlsx", {})
    (project / "package12.xlf").unlink()
    result = apply()
    assert result.exit_code == 0, result.output
    assert "package12.xlf is not there any more" in result.stderr
    assert not (project / "fixed" / "package12.xlf").exists()


def test_two_corrections_that_disagree_stop_the_run(project: Path) -> None:
    numbers = edit(
        project / "r.xlsx",
        {
            ("segments.tsv", "s2", "TC101"): {"Correction": "The CDE accepted 250,000 applications."},
            ("segments.tsv", "s2", "TC212"): {"Correction": "The CDE took 250,000 applications."},
        },
    )
    result = apply()
    assert result.exit_code == 2
    first, second = sorted((numbers[("segments.tsv", "s2", "TC101")], numbers[("segments.tsv", "s2", "TC212")]))
    assert f"rows {first} and {second} give different corrections for segment s2" in result.stderr
    assert not (project / "fixed").exists() and not (project / ".termcheck-ignore").exists()


def test_summary_counts_fixes_that_apply_and_that_would_be_skipped(project: Path) -> None:
    edit(project / "r.xlsx", {})
    result = runner.invoke(app, ["review", "summary", "r.xlsx", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    fixes = json.loads(result.stdout)["fixes"]
    assert fixes["applicable"] > 0 and fixes["skipped"] == 3  # the three "hormone therapy failure" rows


def test_a_correction_is_carried_to_the_next_report(project: Path) -> None:
    correction = "For patients with steroid-refractory disease."
    edit(project / "r.xlsx", {("segments.tsv", "s4", "TC101"): {"Correction": correction}}, every_fixable=False)
    again = runner.invoke(app, ["check", ".", "-g", GLOSSARY, "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"])
    assert again.exit_code == 0, again.output
    sheet = load_workbook(project / "r.xlsx")["Findings"]
    header = [c.value for c in sheet[1]]
    corrections = [row[header.index("Correction")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert corrections.count(correction) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_apply_fix_through_libreoffice(project: Path) -> None:
    """The editor works in LibreOffice: the hidden Inputs sheet, the hidden spans, a found text of two spaces and
    the Correction all come back."""
    from xlsx_helpers import save_through_libreoffice

    correction = "For patients with steroid-refractory disease."
    edit(project / "r.xlsx", {("segments.tsv", "s4", "TC101"): {"Status": "Apply fix", "Correction": correction}})
    save_through_libreoffice(project, "r.xlsx")
    result = runner.invoke(app, ["review", "apply", "saved/r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    tsv = (project / "fixed" / "segments.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv[3].split("\t")[2] == "Off-the-shelf stem cells are promising, experts say."  # the doubled space too
    assert tsv[4].split("\t")[2] == correction


def test_a_correction_that_drops_an_inline_code_is_skipped_with_its_row(project: Path) -> None:
    """A Correction without the unit's code labels loses codes the source has: both rows of the segment are
    skipped, each named by its row number."""
    correction = "The National Medical Products Administration approved this product."
    numbers = edit(
        project / "r.xlsx",
        {("package12.xlf", "1", "TC101"): {"Status": "Apply fix", "Correction": correction}},
        every_fixable=False,
    )
    result = apply()
    assert result.exit_code == 0, result.output
    last = numbers[("package12.xlf", "1", "TC101")]  # segment 1 has two TC101 rows: both carry the correction
    for row in (last - 1, last):
        assert f"skipped row {row} (package12.xlf, segment 1): the correction leaves out" in result.stderr
    assert "a row" not in result.stderr
    assert "0 rows marked Apply fix applied, 2 skipped, 0 files written" in result.stderr


def test_the_copies_and_the_ignore_file_are_written_together_or_not_at_all(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ignore file cannot be written (a full disk): no corrected copy is left behind either, nor their folder."""
    import errno
    import os
    import tempfile

    workbook = load_workbook(project / "r.xlsx")
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        fixable = sheet.cell(row, header.index("Code") + 1).value in FIXABLE
        sheet.cell(row, header.index("Status") + 1).value = "Apply fix" if fixable else "False positive"
    workbook.save(project / "r.xlsx")
    mkstemp = tempfile.mkstemp

    def full_beside_the_report(*args: object, **kwargs: object) -> tuple[int, str]:
        if kwargs.get("dir") == str(project):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", full_beside_the_report)
    result = apply()
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"termcheck: error: .termcheck-ignore: cannot write: {os.strerror(errno.ENOSPC)}; ")
    assert "no output written (" in result.stderr and "article.en.txt" in result.stderr
    assert not (project / "fixed").exists() and not (project / ".termcheck-ignore").exists()


def _long_segment_report(folder: Path) -> tuple[str, Path]:
    filler = " ".join(f"word{n}" for n in range(300))
    target = f"{filler} The Drug Evaluation Center accepted it. {filler}"
    (folder / "long.tsv").write_text(f"id\tzh\ten\nL1\t药品审评中心受理了。\t{target}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "long.tsv", "-g", GLOSSARY, "--no-config", "--xlsx", "r.xlsx"])
    assert result.exit_code == 1, result.output
    return target, folder / "r.xlsx"


def _window_of(path: Path) -> str:
    rows = load_workbook(path)["Findings"].iter_rows(values_only=True)
    header = list(next(rows))
    (row,) = [r for r in rows if r[header.index("Code")] == "TC101"]
    return str(row[header.index("Target")])


def test_a_correction_written_over_a_long_targets_window_corrects_that_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Target cell of a long segment is a window marked "…"; an editor who copies it into Correction and
    edits it corrects that part, and the text beyond the marks stays as it was."""
    monkeypatch.chdir(tmp_path)
    target, path = _long_segment_report(tmp_path)
    shown = _window_of(path)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < len(target)
    correction = shown.replace("The Drug Evaluation Center accepted", "The Center for Drug Evaluation took")
    edit(path, {("long.tsv", "L1", "TC101"): {"Status": "Apply fix", "Correction": correction}})
    result = apply()
    assert result.exit_code == 0, result.output
    fixed = (tmp_path / "fixed" / "long.tsv").read_text(encoding="utf-8").splitlines()[1].split("\t")[2]
    assert fixed == target.replace("The Drug Evaluation Center accepted", "The Center for Drug Evaluation took")


def test_a_window_correction_that_keeps_one_mark_of_two_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _, path = _long_segment_report(tmp_path)
    correction = _window_of(path).removesuffix("…")  # which text beyond the window should go? none can tell
    numbers = edit(path, {("long.tsv", "L1", "TC101"): {"Status": "Apply fix", "Correction": correction}})
    result = apply()
    row = numbers[("long.tsv", "L1", "TC101")]
    assert f"skipped row {row}" in result.stderr and "keeps only one of the … marks" in result.stderr
    assert not (tmp_path / "fixed" / "long.tsv").exists()


def test_a_title_cased_plural_may_be_a_name_so_a_row_without_the_glossary_term_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fix` judges "Lilly Pharmaceuticals" against the glossary's term (a name, no plural); a report row does not
    hold that term, so its suggested fix is not guessed ("Eli Lilly and Companies")."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.csv").write_text(
        "id,zh,en,en_deprecated\nlilly,礼来,Eli Lilly and Company,Lilly Pharmaceuticals\n"
        "cell,干细胞,stem cell,universal cell\n",
        encoding="utf-8",
    )
    rows = ["id\tsource\ttarget", "s1\t礼来\tLilly Pharmaceuticals said so.", "s2\t干细胞\tThe universal cells grew."]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    check = ["check", "a.tsv", "-g", "g.csv", "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"]
    assert runner.invoke(app, check).exit_code == 0
    numbers = edit(tmp_path / "r.xlsx", {})
    result = apply()
    assert result.exit_code == 0, result.output
    row = numbers[("a.tsv", "s1", "TC101")]
    assert f"skipped row {row} (a.tsv, segment s1): no safe fix for this finding" in result.stderr
    fixed = (tmp_path / "fixed" / "a.tsv").read_text(encoding="utf-8").splitlines()
    assert fixed[1:] == ["s1\t礼来\tLilly Pharmaceuticals said so.", "s2\t干细胞\tThe stem cells grew."]
    fix = runner.invoke(app, ["fix", "a.tsv", "-g", "g.csv", "--no-config", "--output-dir", "by-fix"])
    assert fix.exit_code == 0, fix.output
    by_fix = (tmp_path / "by-fix" / "a.tsv").read_text(encoding="utf-8").splitlines()
    assert by_fix[1:] == ["s1\t礼来\tEli Lilly and Company said so.", "s2\t干细胞\tThe stem cells grew."]


def test_one_row_for_a_repeated_full_width_mark_fixes_every_occurrence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TC206 writes one row per full-width mark (and one per bracket pair), however often it stands; Apply fix on
    that row makes every occurrence ASCII, as `fix` does."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.csv").write_text("zh,en\n干细胞,stem cell\n", encoding="utf-8")
    target = "The drug was approved，went on sale，and sold well，experts said（2025）。"
    (tmp_path / "a.tsv").write_text(
        f"id\tsource\ttarget\ns1\t药获批，上市，卖得好，专家说（2025）。\t{target}\n", "utf-8"
    )
    check = ["check", "a.tsv", "-g", "g.csv", "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"]
    assert runner.invoke(app, check).exit_code == 0
    sheet = load_workbook(tmp_path / "r.xlsx")["Findings"]
    header = [c.value for c in sheet[1]]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    found = [r[header.index("Found")] for r in rows if r[header.index("Code")] == "TC206"]
    assert found == ["，went on sale，and sold well，", "（2025）", "。"]
    edit(tmp_path / "r.xlsx", {})
    result = apply()
    assert result.exit_code == 0, result.output
    fixed = (tmp_path / "fixed" / "a.tsv").read_text(encoding="utf-8").splitlines()
    assert fixed[1].split("\t")[2] == "The drug was approved, went on sale, and sold well, experts said (2025)."
    fix = runner.invoke(app, ["fix", "a.tsv", "-g", "g.csv", "--no-config", "--output-dir", "by-fix"])
    assert fix.exit_code == 0, fix.output
    assert (tmp_path / "by-fix" / "a.tsv").read_text(encoding="utf-8").splitlines()[1] == fixed[1]
