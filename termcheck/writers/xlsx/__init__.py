"""The Excel report: Summary, Findings, Terms and Segments sheets, written in bounded memory.

openpyxl builds the workbook around the rows: named styles, column widths, panes, filters, the
status drop-down, the chart. The rows themselves are written as XML to one temporary file per
sheet (see `sheet_format.SheetRows`) and put into the saved workbook by `package.fill_sheets`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from openpyxl import Workbook

from termcheck.core.atomic import OutputBatch, refuse_overwriting_inputs, write_atomically
from termcheck.core.errors import InputError
from termcheck.core.scratch import scratch_errors, scratch_file
from termcheck.core.suppression import Suppression, Suppressions
from termcheck.core.version import __version__
from termcheck.run.report import Report
from termcheck.writers.xlsx.cells import text_cell
from termcheck.writers.xlsx.earlier import EarlierReport, LeftOpen, read_earlier
from termcheck.writers.xlsx.findings_sheet import assign_decisions, write_findings_sheet
from termcheck.writers.xlsx.layout import (
    FINDINGS,
    INPUTS,
    INPUTS_COLUMNS,
    MAX_ROWS,
    SEGMENTS,
    SUMMARY,
    TERMS,
)
from termcheck.writers.xlsx.package import fill_sheets
from termcheck.writers.xlsx.segments_sheet import marks_by_segment, write_segments_sheet
from termcheck.writers.xlsx.sheet_format import SheetRows, Width
from termcheck.writers.xlsx.styles import TEXT, Palette, add_styles
from termcheck.writers.xlsx.summary_sheet import write_summary_sheet
from termcheck.writers.xlsx.terms_sheet import write_terms_sheet


@dataclass(frozen=True)
class WorkbookResult:
    path: str
    findings_cut: int  # rows beyond the sheet limit, noted in the sheet
    segments_cut: int
    carried_over: int  # editor decisions kept from the workbook this one replaced
    # the replaced workbook's decisions that match no finding now (the text changed, or the finding is gone)
    dropped: list[Suppression] = dataclasses.field(default_factory=list)
    # and those whose finding the run's ignore file suppressed (`review apply` made them suppressions)
    suppressed: list[Suppression] = dataclasses.field(default_factory=list)
    # and those on repeated text whose copies moved: not placed on any copy (termcheck.writers.xlsx.repeated_text)
    left_open: list[LeftOpen] = dataclasses.field(default_factory=list)
    reread: bool = False  # the report was saved during the check: its decisions were read again


def write_workbook(
    report: Report,
    handle: BinaryIO,
    earlier: EarlierReport | None = None,
    max_rows: int = MAX_ROWS,
) -> WorkbookResult:
    """Write the report as XLSX to `handle`, with the decisions of the `earlier` report it replaces carried over."""

    workbook = Workbook(write_only=True)
    workbook.properties.creator = f"termcheck {__version__}"
    workbook.properties.title = "termcheck report"
    add_styles(workbook)
    sheets = {name: workbook.create_sheet(name) for name in (SUMMARY, FINDINGS, TERMS, SEGMENTS, INPUTS)}
    sheets[INPUTS].sheet_state = "hidden"
    palette = Palette(sheets[SUMMARY])
    rows = {name: SheetRows(sheet, palette) for name, sheet in sheets.items()}
    try:
        with scratch_errors():  # the sheets' rows, in temporary files
            result = _fill(rows, report, earlier or EarlierReport("", Suppressions()), max_rows)
        with scratch_file("termcheck-workbook-") as frame:
            with scratch_errors():
                workbook.save(frame)
                frame.seek(0)
                sheets = {name: sheet.rows_xml() for name, sheet in rows.items()}
            fill_sheets(frame, sheets, handle)
        return result
    finally:
        for sheet_rows in rows.values():
            sheet_rows.close()


def _fill(
    rows: Mapping[str, SheetRows],
    report: Report,
    earlier: EarlierReport,
    max_rows: int,
) -> WorkbookResult:
    bilingual = any(d.bilingual for d in report.documents)
    hidden = set() if bilingual else {"Source"}
    if len(report.documents) == 1:
        hidden.add("File")  # the Summary names it
    marks = marks_by_segment(report.findings)
    texts, segments_cut = write_segments_sheet(
        rows[SEGMENTS],
        report.sources,
        marks,
        hidden,
        max_rows,
        report.segment_scores or None,
        [d.digest for d in report.documents] if len(report.documents) == len(report.sources) else [],
    )
    decisions = earlier.decisions
    kept, carried, unsure = assign_decisions(
        decisions, report.findings, earlier.copies if earlier.path else None, report.suppressed_ids
    )
    findings_cut = write_findings_sheet(
        rows[FINDINGS], report.findings, texts, kept, hidden, max_rows, earlier.corrections
    )
    _write_inputs(rows[INPUTS], report)
    left_open = sorted(
        (
            LeftOpen(earlier.rows.get(i, 0), decisions.entries[i], why, earlier.corrections.get(i, ""))
            for i, why in unsure.items()
        ),
        key=lambda left: left.row,
    )
    unmatched = decisions.unmatched(carried | set(unsure))
    suppressed = [d for d in unmatched if d.id in report.suppressed_ids]
    dropped = [d for d in unmatched if d.id not in report.suppressed_ids]
    write_terms_sheet(rows[TERMS], report.glossary, report.usage, report.findings, bilingual)
    notes = [f"Warning: {stop.describe()}." for stop in report.stopped_rules]
    if findings_cut:
        notes.append(f"The {FINDINGS} sheet shows the first {len(report.findings) - findings_cut:,} findings.")
    if segments_cut:
        notes.append(f"The {SEGMENTS} sheet shows the first {report.segments - segments_cut:,} segments.")
    if not report.sources and report.findings:
        notes.append("Segment text was not available to this report, so the Source and Target columns are empty.")
    write_summary_sheet(rows[SUMMARY], report, notes)
    return WorkbookResult("", findings_cut, segments_cut, len(carried), dropped, suppressed, left_open)


def _write_inputs(rows: SheetRows, report: Report) -> None:
    """The files each document was read from, absolute, so that `review apply --write-fixed` finds them."""
    rows.set_columns(INPUTS_COLUMNS, [Width(30, 60)] * len(INPUTS_COLUMNS))
    style = rows.palette[TEXT]
    rows.append([text_cell(h, style) for h in INPUTS_COLUMNS])
    for document in report.sources:
        paths = [os.path.abspath(p) for p in document.paths]
        source, target = (paths[0], paths[1]) if len(paths) == 2 else ("", paths[0] if paths else "")
        rows.append([text_cell(v, style) for v in (document.name, document.format, source, target)])


def _lock_file(path: str) -> str | None:
    """The lock file Excel (~$name) or LibreOffice (.~lock.name#) keeps beside a workbook it has open."""
    folder, name = os.path.split(os.path.abspath(path))
    for lock in (f"~${name}", f".~lock.{name}#"):
        if os.path.exists(os.path.join(folder, lock)):
            return lock
    return None


class _SavedMeanwhile(Exception):
    """The report being replaced was saved (by an editor) after its decisions were read."""


def _replace(
    report: Report, path: str, earlier: EarlierReport, max_rows: int, batch: OutputBatch | None
) -> WorkbookResult | None:
    """Write the workbook over the `earlier` report (or stage it in `batch`), unless that was saved since it was
    read (None). A save between the workbook being built and the batch being committed stops the commit."""

    def build(handle: BinaryIO) -> None:
        results.append(write_workbook(report, handle, earlier, max_rows))
        if earlier.changed():
            raise _SavedMeanwhile

    def unchanged() -> None:
        if earlier.changed():
            raise InputError(path, _SAVED_MEANWHILE)

    results: list[WorkbookResult] = []
    try:
        write_atomically(path, build, batch, unchanged)
    except _SavedMeanwhile:
        return None
    return results[0]


_SAVED_MEANWHILE = (
    "was saved during the check; nothing was replaced, so every saved decision is kept: "
    "run the check again when it is not being edited"
)


def save_workbook(
    report: Report, path: str, inputs: Iterable[str] = (), max_rows: int = MAX_ROWS, batch: OutputBatch | None = None
) -> WorkbookResult:
    """Write the workbook atomically (or as part of `batch`). A previous termcheck report at `path` passes on its
    review decisions; any other file there is left alone (UsageError). A report saved while the new one is built
    is not replaced with what was read before: its decisions are read again and the workbook built again, once;
    saved again meanwhile, nothing is replaced (InputError)."""
    refuse_overwriting_inputs(path, inputs)
    lock = _lock_file(path)
    if lock is not None:
        raise InputError(path, f"is open in a spreadsheet program ({lock} exists); close it and run again")
    for attempt in range(2):
        result = _replace(report, path, read_earlier(path), max_rows, batch)
        if result is not None:
            return dataclasses.replace(result, path=path, reread=attempt > 0)
    raise InputError(
        path,
        "was saved during the check, twice; nothing was replaced, so every saved decision is kept: "
        "run the check again when it is not being edited",
    )


__all__ = ["WorkbookResult", "save_workbook", "write_workbook"]
