"""The Summary sheet: what was checked, with which glossary and options, and what was found."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference

from termcheck.checks.registry import catalogue
from termcheck.core.model import Severity
from termcheck.core.version import __version__
from termcheck.run.report import Report
from termcheck.scoring.run import ScoreReport
from termcheck.writers.xlsx import styles
from termcheck.writers.xlsx.cells import Cell, text_cell, value_cell
from termcheck.writers.xlsx.layout import TITLE, Sheet
from termcheck.writers.xlsx.sheet_format import SheetRows, Width, print_setup

MEANING = {
    Severity.ERROR: "fails the run by default",
    Severity.WARNING: "fails the run with --fail-on warning",
    Severity.INFO: "fails the run only with --fail-on info",
}


COLUMNS = (Width(20, 20), Width(70, 70, wrap=True), Width(16, 16), Width(12, 12))


class _Rows:
    """Appends label/value rows; remembers row numbers for the chart's data references."""

    def __init__(self, rows: SheetRows) -> None:
        self.rows = rows
        self.sheet = rows.sheet
        rows.set_columns(("", "", "", ""), COLUMNS)

    @property
    def count(self) -> int:
        return self.rows.count

    def add(self, *cells: Cell) -> int:
        return self.rows.append(cells)

    def pair(self, label: str, value: str) -> int:
        return self.add(self.text(label, styles.LABEL), self.text(value))

    def number(self, value: int | float, number_format: str | None = None) -> Cell:
        return value_cell(value, self.rows.palette.formatted(styles.NUMBER, number_format))

    def text(self, value: str, style: str = styles.WRAP) -> Cell:
        return text_cell(value, self.rows.palette[style])


def _what_was_checked(rows: _Rows, report: Report, notes: Sequence[str]) -> None:
    rows.pair("Generated", report.created.strftime("%Y-%m-%d %H:%M UTC"))
    rows.pair("termcheck", __version__)
    for document in report.documents:
        kind = "Chinese source + English target" if document.bilingual else "English target only"
        rows.pair("Document", f"{document.name} ({document.format}, {document.segments:,} segments, {kind})")
    rows.pair("Segments", f"{report.segments:,}")
    if report.glossary_files:
        for glossary in report.glossary_files:
            rows.pair("Glossary", f"{glossary.path} ({glossary.concepts:,} concepts)")
            rows.pair("Glossary SHA-256", glossary.sha256)
    else:
        rows.pair("Glossary", f"{report.glossary_name or '(in memory)'} ({report.concepts:,} concepts)")
    rows.pair("Checks", ", ".join(report.checks))
    for name, value in report.options.items():
        rows.pair(f"Option: {name}", value)
    if report.suppression_file is not None:
        rows.pair("Suppressed", f"{report.suppressed:,} findings, by {report.suppression_file}")
    for note in notes:
        rows.add(rows.text("Note", styles.LABEL), rows.text(note, styles.NOTE))


def _by_severity(rows: _Rows, report: Report) -> None:
    rows.add(rows.text("Findings by severity", styles.HEADING))
    rows.add(*(rows.text(h, styles.HEADER) for h in ("Severity", "Meaning", "Findings")))
    counts = report.count_by_severity()
    for severity in sorted(Severity, reverse=True):
        rows.add(
            rows.text(severity.label, styles.SEVERITY[severity]),
            rows.text(MEANING[severity], styles.TEXT),
            rows.number(counts[severity]),
        )
    rows.add(rows.text("total", styles.LABEL), rows.text(""), rows.number(len(report.findings)))


def _by_check(rows: _Rows, report: Report) -> tuple[int, int]:
    """The checks run, those with findings first (most first): the chart plots just those."""
    rows.add(rows.text("Findings by check", styles.HEADING))
    rows.add(*(rows.text(h, styles.HEADER) for h in ("Code", "Check", "Default severity", "Findings")))
    counts = report.count_by_code()
    run = [check for check in catalogue(report.rules) if check.code in set(report.checks)]
    run.sort(key=lambda check: -counts[check.code])  # stable: code order among equals
    first = rows.count + 1
    for check in run:
        rows.add(
            rows.text(check.code, styles.TEXT),
            rows.text(check.name, styles.TEXT),
            rows.text(check.severity.label, styles.TEXT),
            rows.number(counts[check.code]),
        )
    return first, first + sum(1 for check in run if counts[check.code]) - 1


def _scores(rows: _Rows, scores: ScoreReport) -> None:
    rows.add(rows.text("Scores against the reference", styles.HEADING))
    rows.add(*(rows.text(h, styles.HEADER) for h in ("Metric", "Signature or definition", "", "Score")))
    for metric in scores.metrics:
        signature = (
            f"{metric.signature}; {scores.ter_scope}" if metric.name == "TER" and scores.ter_scope else metric.signature
        )
        rows.add(rows.text(metric.name, styles.LABEL), rows.text(signature), rows.text(""), _score(rows, metric.value))
    accuracy = scores.term_accuracy
    if accuracy is not None and accuracy.value is not None:
        detail = f"per occurrence of a Chinese glossary term ({accuracy.correct}/{accuracy.total})"
        rows.add(
            rows.text("Term accuracy %", styles.LABEL), rows.text(detail), rows.text(""), _score(rows, accuracy.value)
        )
    success = scores.term_success
    if success is not None and success.value is not None:
        detail = f"WMT 2025 terminology task, document level ({success.pairs} pairs)"
        rows.add(
            rows.text("Term success rate", styles.LABEL),
            rows.text(detail),
            rows.text(""),
            _score(rows, success.value, "0.000"),
        )


def _score(rows: _Rows, value: float, number_format: str = "0.00") -> Cell:
    return rows.number(value, number_format)


def _chart(sheet: Sheet, first: int, last: int, anchor_row: int) -> None:
    if last < first:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Findings by check"
    chart.legend = None
    chart.y_axis.title = "findings"
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # top to bottom, as in the table
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes by default; Excel then shows no labels
    chart.y_axis.delete = False
    chart.add_data(Reference(sheet, min_col=4, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=2, min_row=first, max_row=last))
    chart.height = max(5.0, 0.9 * (last - first + 1) + 3)
    chart.width = 18
    sheet.add_chart(chart, f"A{anchor_row}")  # under the tables, so the page stays one column wide


def write_summary_sheet(sheet_rows: SheetRows, report: Report, notes: Sequence[str]) -> None:
    print_setup(sheet_rows.sheet, landscape=False)
    rows = _Rows(sheet_rows)
    rows.add(rows.text(TITLE, styles.TITLE))
    rows.add()
    _what_was_checked(rows, report, notes)
    rows.add()
    _by_severity(rows, report)
    rows.add()
    first, last = _by_check(rows, report)
    if report.scores is not None:
        rows.add()
        _scores(rows, report.scores)
    _chart(rows.sheet, first, last, rows.count + 2)
