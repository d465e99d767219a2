"""The review round trip: statuses set in the workbook → ignore file → later runs skip those findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from xlsx_helpers import GLOSSARY, write_pair

from termcheck import check
from termcheck.core.errors import InputError
from termcheck.project.suppressions import load_suppressions
from termcheck.review import apply_review, read_review, summarize_review
from termcheck.writers.xlsx import save_workbook

ZH = ["该药用于治疗激素治疗失败的患者。", "干细胞治疗进入临床。", "干细胞治疗很贵。", "药品审评中心发布指南。"]
EN = [
    "The drug treats hormone therapy failure.",
    "Stem cell therapy enters the clinic.",
    "Stem cell treatment is expensive.",
    "The Drug Evaluation Center issued a guideline.",
]


def run_check(folder: Path, en: list[str] = EN, ignore: Path | None = None):
    source, target = write_pair(folder, ZH, en)
    return check(source=source, target=target, glossary=GLOSSARY, suppressions=str(ignore) if ignore else None)


def edit_workbook(path: Path, statuses: dict[str, str], comment: str = "") -> None:
    """What an editor does: set statuses, re-sort the rows, add a column, filter."""
    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    header = [c.value for c in sheet[1]]
    found, status, note = header.index("Found"), header.index("Status"), header.index("Comment")
    for row in rows:
        if row[found] in statuses:
            row[status] = statuses[row[found]]
            row[note] = comment
    sheet.delete_rows(2, len(rows))
    for row in reversed(rows):
        sheet.append(row)
    sheet.insert_cols(1)
    sheet["A1"] = "Editor's own column"
    sheet.auto_filter.ref = f"A1:P{len(rows) + 1}"
    sheet.auto_filter.add_filter_column(3, ["error"])
    workbook.save(path)


def reviewed(folder: Path, statuses: dict[str, str]) -> Path:
    path = folder / "report.xlsx"
    save_workbook(run_check(folder), str(path))
    edit_workbook(path, statuses, comment="checked with the client")
    return path


def test_false_positive_is_suppressed_on_the_next_run_and_the_rest_are_not(tmp_path: Path) -> None:
    before = run_check(tmp_path)
    assert {f.found for f in before.findings} == {
        "hormone therapy failure",
        "Stem cell treatment",
        "Drug Evaluation Center",
    }
    workbook = reviewed(tmp_path, {"hormone therapy failure": "False positive", "Drug Evaluation Center": "Fixed"})
    ignore = tmp_path / ".termcheck-ignore"
    result = apply_review(str(workbook), str(ignore))
    assert (result.added, result.total) == (1, 1)
    after = run_check(tmp_path, ignore=ignore)
    assert {f.found for f in after.findings} == {"Stem cell treatment", "Drug Evaluation Center"}
    assert after.suppressed == 1


def test_suppression_lapses_when_the_segment_text_changes(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"hormone therapy failure": "Won't fix"})
    ignore = tmp_path / "ignore.tsv"
    apply_review(str(workbook), str(ignore))
    changed = ["The new drug treats hormone therapy failure.", *EN[1:]]
    after = run_check(tmp_path, changed, ignore)
    assert "hormone therapy failure" in {f.found for f in after.findings}
    assert after.suppressed == 0


def test_reverting_a_status_removes_the_suppression(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"hormone therapy failure": "False positive"})
    ignore = tmp_path / "ignore.tsv"
    apply_review(str(workbook), str(ignore))
    edit_workbook(workbook, {"hormone therapy failure": "Open"})
    result = apply_review(str(workbook), str(ignore))
    assert (result.removed, result.total) == (1, 0)
    assert len(load_suppressions(str(ignore))) == 0


def test_apply_keeps_suppressions_from_other_workbooks(tmp_path: Path) -> None:
    ignore = tmp_path / "ignore.tsv"
    ignore.write_text("abcdefabcdef\t0123456789abcdef\tother.txt\t7\tTC101\tFalse positive\tx\t\n", encoding="utf-8")
    workbook = reviewed(tmp_path, {"hormone therapy failure": "False positive"})
    result = apply_review(str(workbook), str(ignore))
    assert result.total == 2
    entries = load_suppressions(str(ignore)).entries
    assert "abcdefabcdef" in entries
    (mine,) = [e for e in entries.values() if e.found == "hormone therapy failure"]
    assert (mine.status, mine.comment, mine.code) == ("False positive", "checked with the client", "TC101")


def test_read_review_finds_columns_by_name_after_editing(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"Stem cell treatment": "won't FIX"})
    review = read_review(str(workbook))
    statuses = {row.found: row.status for row in review.rows}
    assert statuses == {
        "Drug Evaluation Center": "Open",
        "Stem cell treatment": "Won't fix",
        "hormone therapy failure": "Open",
    }


def test_summary_counts_by_status_and_check(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"Stem cell treatment": "Accepted", "Drug Evaluation Center": "Fixed"})
    summary = summarize_review(str(workbook))
    counts = {"Open": 1, "Apply fix": 0, "Fixed": 1, "Accepted": 1, "False positive": 0, "Won't fix": 0}
    assert summary.by_status == counts
    assert summary.by_check == {"TC101": {"Open": 1, "Fixed": 1}, "TC103": {"Accepted": 1}}
    assert (summary.total, summary.reviewed) == (3, 2)


def test_rerun_into_the_same_workbook_keeps_decisions(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"Stem cell treatment": "Accepted"})
    result = save_workbook(run_check(tmp_path), str(workbook))
    assert result.carried_over == 1
    statuses = {row.found: (row.status, row.comment) for row in read_review(str(workbook)).rows}
    assert statuses["Stem cell treatment"] == ("Accepted", "checked with the client")
    assert statuses["hormone therapy failure"] == ("Open", "")


def _no_findings_sheet(path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Budget"
    workbook.save(path)


def _findings_without_headers(path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Findings"
    workbook.active.append(["id", "what"])
    workbook.save(path)


NOT_REPORTS = [
    (_no_findings_sheet, "not a termcheck report: it has no 'Findings' sheet"),
    (_findings_without_headers, "has no 'Finding ID' and 'Status' columns"),
    (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "not a readable XLSX workbook"),
    (lambda p: p.write_bytes(b""), "not a readable XLSX workbook"),
]


@pytest.mark.parametrize(("make", "message"), NOT_REPORTS)
def test_a_workbook_that_is_not_a_report_is_an_input_error(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "other.xlsx"
    make(path)
    with pytest.raises(InputError, match=message):
        read_review(str(path))


def test_malformed_ignore_file_names_the_line(tmp_path: Path) -> None:
    ignore = tmp_path / "ignore.tsv"
    ignore.write_text("# comment\n\nnot-enough-fields\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ignore.tsv:3: expected tab-separated"):
        load_suppressions(str(ignore))


def test_an_unknown_status_reads_as_open_in_summary_and_apply(tmp_path: Path) -> None:
    workbook = reviewed(tmp_path, {"Stem cell treatment": "Ignore", "Drug Evaluation Center": "false  positive"})
    review = read_review(str(workbook))
    (row,) = [r for r in review.rows if r.found == "Stem cell treatment"]
    assert (row.status, row.unknown_status) == ("Open", "Ignore")
    assert review.unknown == ((row.row, "Ignore"),)
    summary = summarize_review(str(workbook))
    assert "Ignore" not in summary.by_status and summary.by_check["TC103"] == {"Open": 1}
    assert (summary.by_status["Open"], summary.by_status["False positive"], summary.reviewed) == (2, 1, 1)
    assert summary.unknown == ((row.row, "Ignore"),)
    result = apply_review(str(workbook), str(tmp_path / "ignore.tsv"))
    assert (result.added, result.unknown) == (1, ((row.row, "Ignore"),))


def test_statuses_are_one_table() -> None:
    from termcheck.writers.xlsx.layout import STATUSES, Status

    assert STATUSES == ("Open", "Apply fix", "Fixed", "Accepted", "False positive", "Won't fix")
    assert [s.value for s in Status if s.suppresses] == ["False positive", "Won't fix"]
    assert Status.read(" won’t  FIX ") is Status.WONT_FIX and Status.read("") is Status.OPEN
    assert Status.read("Ignore") is None
