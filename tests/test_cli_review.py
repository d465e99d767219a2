"""The command line for Excel reports and reviews: --xlsx, --ignore-file, review apply|summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()
EXAMPLE_ZH = ROOT / "examples" / "stem-cell-approval.zh.txt"
EXAMPLE_MT = ROOT / "examples" / "stem-cell-approval.en-mt.txt"
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as a user has it: the example pair, run from inside the folder."""
    shutil.copy(EXAMPLE_ZH, tmp_path / "a.zh.txt")
    shutil.copy(EXAMPLE_MT, tmp_path / "a.en.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*extra: str):
    return runner.invoke(app, ["check", "--source", "a.zh.txt", "--target", "a.en.txt", "-g", GLOSSARY, *extra])


def mark(path: Path, status: str, rows: int = 1) -> list[str]:
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    ids = []
    for row in range(2, 2 + rows):
        sheet.cell(row, header.index("Status") + 1).value = status
        ids.append(sheet.cell(row, 1).value)
    workbook.save(path)
    return ids


def test_xlsx_is_written_next_to_the_text_report(workdir: Path) -> None:
    result = check("--xlsx", "reports/a.xlsx")
    assert result.exit_code == 1
    assert "TC101" in result.stdout
    assert "wrote reports/a.xlsx" in result.stderr
    sheets = load_workbook(workdir / "reports" / "a.xlsx").sheetnames
    assert sheets == ["Summary", "Findings", "Terms", "Segments", "Inputs"]


def test_fail_on_never_exits_zero_with_findings(workdir: Path) -> None:
    assert check("--fail-on", "never").exit_code == 0


def test_round_trip_through_the_command_line(workdir: Path) -> None:
    assert check("--xlsx", "r.xlsx", "--format", "json", "-o", "before.json").exit_code == 1
    before = json.loads((workdir / "before.json").read_text(encoding="utf-8"))
    suppressed_ids = mark(workdir / "r.xlsx", "False positive", rows=2)

    applied = runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert applied.exit_code == 0, applied.stderr
    assert applied.stdout == ""
    assert ".termcheck-ignore: 2 added, 0 updated, 0 removed; 2 suppressions in all" in applied.stderr

    after = check("--format", "json")  # picks up ./.termcheck-ignore by itself
    report = json.loads(after.stdout)
    after_ids = {f["id"] for f in report["findings"]}
    assert after_ids == {f["id"] for f in before["findings"]} - set(suppressed_ids)
    assert report["summary"]["suppressed"] == 2
    assert "2 suppressed by .termcheck-ignore" in after.stderr

    everything = check("--format", "json", "--no-ignore-file")
    assert len(json.loads(everything.stdout)["findings"]) == len(before["findings"])


def test_review_summary_prints_counts_on_stdout(workdir: Path) -> None:
    check("--xlsx", "r.xlsx")
    mark(workdir / "r.xlsx", "Fixed", rows=3)
    result = runner.invoke(app, ["review", "summary", "r.xlsx"])
    assert result.exit_code == 0
    lines = dict(line.rsplit(None, 1) for line in result.stdout.splitlines() if not line.startswith("TC"))
    assert lines["Fixed"] == "3" and lines["Open"] == "25" and lines["total"] == "28"
    assert "3 of 28 findings reviewed (11%)" in result.stderr
    as_json = json.loads(runner.invoke(app, ["review", "summary", "r.xlsx", "--format", "json"]).stdout)
    assert as_json["by_status"]["Fixed"] == 3 and as_json["reviewed"] == 3


def _spreadsheet(path: Path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "not a report"
    workbook.save(path)


@pytest.mark.parametrize("command", [["review", "apply"], ["review", "summary"]])
def test_review_of_a_foreign_workbook_exits_2(workdir: Path, command: list[str]) -> None:
    _spreadsheet(workdir / "budget.xlsx")
    result = runner.invoke(app, [*command, "budget.xlsx"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "termcheck: error: budget.xlsx: not a termcheck report: it has no 'Findings' sheet"
    assert not (workdir / ".termcheck-ignore").exists()


ERRORS = [
    (["--xlsx", "a.en.txt"], "refusing to overwrite an input"),
    (["--xlsx", "budget.xlsx"], "exists and is not a termcheck report"),
    (["--ignore-file", "missing-ignore"], "missing-ignore: no such file"),
    (["--xlsx", "x.xlsx", "-o", "x.xlsx"], "--output and --xlsx name the same file"),
    (["--xlsx", "a.zh.txt/r.xlsx"], "cannot write"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[m for _, m in ERRORS])
def test_report_path_errors_exit_2(workdir: Path, args: list[str], message: str) -> None:
    _spreadsheet(workdir / "budget.xlsx")
    before = (workdir / "budget.xlsx").read_bytes()
    result = check(*args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (workdir / "budget.xlsx").read_bytes() == before


def test_readme_quick_start_writes_the_example_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = "pip install -e . ./native && termcheck check"
    command = next(line for line in readme.splitlines() if line.startswith(quick_start))
    args = command.split("&& termcheck ", 1)[1].split()
    assert args[-2:] == ["--xlsx", "reports/example.xlsx"]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, [*args[:-1], str(tmp_path / "example.xlsx")])
    assert result.exit_code == 1
    assert load_workbook(tmp_path / "example.xlsx")["Findings"].max_row == 29  # header + 28 findings


def test_a_damaged_workbook_is_a_one_line_error(workdir: Path) -> None:
    """A sheet whose XML is broken (here cut short) is named in one line, never an internal error."""
    import zipfile

    assert check("--xlsx", "report.xlsx", "--fail-on", "never").exit_code == 0
    with zipfile.ZipFile("report.xlsx") as source, zipfile.ZipFile("damaged.xlsx", "w") as damaged:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]  # the Findings sheet, cut in the middle of a row
            damaged.writestr(item, data)
    for command in (["review", "apply", "damaged.xlsx"], ["review", "summary", "damaged.xlsx"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("termcheck: error: damaged.xlsx: not a readable XLSX workbook")
        assert len(result.stderr.strip().splitlines()) == 1


UNKNOWN_WARNING = (
    'termcheck: warning: report.xlsx: 2 rows with a status termcheck does not know (row 2 "Ignore", row 3 "Ignore"), '
    "read as Open; use the drop-down: Open, Apply fix, Fixed, Accepted, False positive, Won't fix"
)


def test_statuses_termcheck_does_not_know_are_open_and_named_with_their_rows(workdir: Path) -> None:
    """summary and apply read an unknown status the same way: Open, not reviewed, not suppressed, and named."""
    assert check("--xlsx", "report.xlsx", "--fail-on", "never").exit_code == 0
    mark(workdir / "report.xlsx", "Ignore", rows=2)
    summary = runner.invoke(app, ["review", "summary", "report.xlsx"])
    assert summary.exit_code == 0
    assert "Ignore" not in summary.stdout and "0 of 28 findings reviewed (0%)" in summary.stderr
    assert UNKNOWN_WARNING in summary.stderr
    as_json = json.loads(runner.invoke(app, ["review", "summary", "report.xlsx", "--format", "json"]).stdout)
    assert (as_json["reviewed"], as_json["by_status"]["Open"]) == (0, 28)
    assert as_json["unknown_statuses"] == [{"row": 2, "status": "Ignore"}, {"row": 3, "status": "Ignore"}]
    applied = runner.invoke(app, ["review", "apply", "report.xlsx"])
    assert applied.exit_code == 0
    assert UNKNOWN_WARNING in applied.stderr
    assert not (workdir / ".termcheck-ignore").exists()


def test_an_unknown_status_is_kept_in_the_regenerated_workbook(workdir: Path) -> None:
    """Read as Open, but what the editor typed is not thrown away when the report is written again."""
    assert check("--xlsx", "report.xlsx", "--fail-on", "never").exit_code == 0
    (finding,) = mark(workdir / "report.xlsx", "Ignore")
    assert check("--xlsx", "report.xlsx", "--fail-on", "never").exit_code == 0
    sheet = load_workbook(workdir / "report.xlsx")["Findings"]
    header = [c.value for c in sheet[1]]
    statuses = {row[0]: row[header.index("Status")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert statuses[finding] == "Ignore"


def test_regenerating_the_workbook_after_apply_says_the_decisions_are_suppressed(workdir: Path) -> None:
    assert check("--xlsx", "r.xlsx", "--fail-on", "never").exit_code == 0
    mark(workdir / "r.xlsx", "False positive", rows=2)
    assert runner.invoke(app, ["review", "apply", "r.xlsx"]).exit_code == 0
    again = check("--xlsx", "r.xlsx", "--fail-on", "never")
    assert again.exit_code == 0, again.output
    assert "no longer match" not in again.stderr
    assert (
        "termcheck: note: 2 findings in r.xlsx are now suppressed by .termcheck-ignore (False positive or "
        "Won't fix), so the new report leaves them out" in again.stderr
    )
    assert "2 suppressed by .termcheck-ignore" in again.stderr


def test_a_decision_whose_finding_is_gone_is_still_named(workdir: Path) -> None:
    assert check("--xlsx", "r.xlsx", "--fail-on", "never").exit_code == 0
    (finding,) = mark(workdir / "r.xlsx", "Fixed")
    line = load_workbook(workdir / "r.xlsx")["Findings"]["G2"].value
    lines = (workdir / "a.en.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[int(line) - 1] = "The MT of this segment changed.\n"  # its text hash with it
    (workdir / "a.en.txt").write_text("".join(lines), encoding="utf-8")
    again = check("--xlsx", "r.xlsx", "--fail-on", "never")
    assert f"1 earlier decision in r.xlsx no longer matches any finding: {finding}" in again.stderr
    assert "suppressed by" not in again.stderr


def test_apply_with_no_decisions_writes_nothing_and_says_so(workdir: Path) -> None:
    """The README's `review apply` on a report nobody has touched yet: no empty .termcheck-ignore appears."""
    assert check("--xlsx", "r.xlsx", "--fail-on", "never").exit_code == 0
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert not (workdir / ".termcheck-ignore").exists() and not (workdir / "fixed").exists()
    assert "r.xlsx: no row is marked False positive or Won't fix; .termcheck-ignore not written" in result.stderr
    assert "r.xlsx: no row is marked Apply fix; nothing written to fixed" in result.stderr


def test_apply_that_changes_nothing_leaves_the_ignore_file_alone(workdir: Path) -> None:
    assert check("--xlsx", "r.xlsx", "--fail-on", "never").exit_code == 0
    mark(workdir / "r.xlsx", "Won't fix")
    assert runner.invoke(app, ["review", "apply", "r.xlsx"]).exit_code == 0
    ignore = workdir / ".termcheck-ignore"
    ignore.write_text(ignore.read_text(encoding="utf-8") + "# the team's own note\n", encoding="utf-8")
    before = ignore.read_bytes()
    again = runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert again.exit_code == 0
    assert ".termcheck-ignore: unchanged; 1 suppression in all" in again.stderr
    assert ignore.read_bytes() == before


def test_rows_without_a_finding_id_are_named_by_row(workdir: Path) -> None:
    assert check("--xlsx", "r.xlsx", "--fail-on", "never").exit_code == 0
    mark(workdir / "r.xlsx", "False positive")
    workbook = load_workbook(workdir / "r.xlsx")
    sheet = workbook["Findings"]
    sheet.cell(31, 1).value = "note: ask the client about row 5"
    sheet.cell(33, 2).value = "x"
    workbook.save(workdir / "r.xlsx")
    result = runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert result.exit_code == 0
    assert "(rows 31 and 33 have no finding id: skipped)" in result.stderr


def test_an_opendocument_spreadsheet_is_a_clear_error(workdir: Path) -> None:
    import zipfile

    with zipfile.ZipFile("review.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    for name in ("review.ods", "renamed.xlsx"):
        if name != "review.ods":
            shutil.copy("review.ods", name)
        result = runner.invoke(app, ["review", "apply", name])
        assert result.exit_code == 2
        assert result.stderr.strip() == (
            f"termcheck: error: {name}: an OpenDocument spreadsheet (.ods); "
            "save it as Excel 2007-365 (.xlsx) and run again"
        )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_review_round_trip_through_libreoffice(workdir: Path) -> None:
    """The editor works in LibreOffice: the workbook it saves (its own shared strings, styles and validation
    XML) still gives back every decision and its segment hash."""
    from xlsx_helpers import save_through_libreoffice

    assert check("--xlsx", "report.xlsx", "--fail-on", "never").exit_code == 0
    ids = mark(workdir / "report.xlsx", "False positive", rows=2)
    save_through_libreoffice(workdir, "report.xlsx")
    result = runner.invoke(app, ["review", "apply", "saved/report.xlsx"])
    assert result.exit_code == 0, result.stderr
    assert "2 added" in result.stderr
    ignored = (workdir / ".termcheck-ignore").read_text(encoding="utf-8")
    assert all(finding_id in ignored for finding_id in ids)
    before = json.loads(check("--format", "json", "--fail-on", "never").stdout)["summary"]
    assert before["suppressed"] == 2
