"""The Excel report: Summary, Findings, Terms and Segments sheets, written in bounded memory.

openpyxl builds the workbook around the rows: named styles, column widths, panes, filters, the
status drop-down, the chart. The rows themselves are written as XML to one temporary file per
sheet (see `sheet_format.SheetRows`) and put into the saved workbook by `package.fill_sheets`.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from openpyxl import Workbook

from termcheck import __version__
from termcheck.atomic import refuse_overwriting_inputs, write_atomically
from termcheck.engine import Report
from termcheck.errors import InputError, UsageError
from termcheck.suppressions import Suppression, Suppressions
from termcheck.writers.xlsx.cells import text_cell
from termcheck.writers.xlsx.findings_sheet import assign_decisions, write_findings_sheet
from termcheck.writers.xlsx.layout import (
    FINDINGS,
    INPUTS,
    INPUTS_COLUMNS,
    MAX_ROWS,
    OPEN,
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


def write_workbook(
    report: Report,
    handle: BinaryIO,
    decisions: Suppressions | None = None,
    max_rows: int = MAX_ROWS,
    corrections: Mapping[str, str] | None = None,
) -> WorkbookResult:
    """Write the report as XLSX to `handle`; `decisions` and `corrections` (by decision id) are an earlier
    report's, carried over."""

    workbook = Workbook(write_only=True)
    workbook.properties.creator = f"termcheck {__version__}"
    workbook.properties.title = "termcheck report"
    add_styles(workbook)
    sheets = {name: workbook.create_sheet(name) for name in (SUMMARY, FINDINGS, TERMS, SEGMENTS, INPUTS)}
    sheets[INPUTS].sheet_state = "hidden"
    palette = Palette(sheets[SUMMARY])
    rows = {name: SheetRows(sheet, palette) for name, sheet in sheets.items()}
    try:
        result = _fill(rows, report, decisions or Suppressions(), max_rows, corrections or {})
        with tempfile.TemporaryFile() as frame:
            workbook.save(frame)
            frame.seek(0)
            fill_sheets(frame, {name: sheet.rows_xml() for name, sheet in rows.items()}, handle)
        return result
    finally:
        for sheet_rows in rows.values():
            sheet_rows.close()


def _fill(
    rows: Mapping[str, SheetRows],
    report: Report,
    decisions: Suppressions,
    max_rows: int,
    corrections: Mapping[str, str],
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
    kept, carried = assign_decisions(decisions, report.findings)
    findings_cut = write_findings_sheet(rows[FINDINGS], report.findings, texts, kept, hidden, max_rows, corrections)
    _write_inputs(rows[INPUTS], report)
    unmatched = decisions.unmatched(carried)
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
    return WorkbookResult("", findings_cut, segments_cut, len(carried), dropped, suppressed)


def _write_inputs(rows: SheetRows, report: Report) -> None:
    """The files each document was read from, absolute, so that `review apply --write-fixed` finds them."""
    rows.set_columns(INPUTS_COLUMNS, [Width(30, 60)] * len(INPUTS_COLUMNS))
    style = rows.palette[TEXT]
    rows.append([text_cell(h, style) for h in INPUTS_COLUMNS])
    for document in report.sources:
        paths = [os.path.abspath(p) for p in document.paths]
        source, target = (paths[0], paths[1]) if len(paths) == 2 else ("", paths[0] if paths else "")
        rows.append([text_cell(v, style) for v in (document.name, document.format, source, target)])


def _previous_decisions(path: str) -> tuple[Suppressions, dict[str, str]]:
    """An editor's statuses, comments and corrections in the report about to be replaced, so a rerun keeps them."""
    from termcheck.review.reader import read_review

    if not os.path.exists(path):
        return Suppressions(path=path), {}
    try:
        review = read_review(path)
    except InputError as exc:
        raise UsageError(
            f"{path}: exists and is not a termcheck report ({exc.reason}); refusing to replace it"
        ) from None
    # a status termcheck does not know is read as Open, but the cell keeps what the editor typed
    decided = [row for row in review.rows if row.status != OPEN or row.unknown_status or row.comment or row.correction]
    decisions = Suppressions(
        (
            Suppression(
                r.id, r.segment_hash, r.file, r.segment, r.code, r.unknown_status or r.status, r.found, r.comment
            )
            for r in decided
        ),
        path,
    )
    return decisions, {r.id: r.correction for r in decided if r.correction}


def _lock_file(path: str) -> str | None:
    """The lock file Excel (~$name) or LibreOffice (.~lock.name#) keeps beside a workbook it has open."""
    folder, name = os.path.split(os.path.abspath(path))
    for lock in (f"~${name}", f".~lock.{name}#"):
        if os.path.exists(os.path.join(folder, lock)):
            return lock
    return None


def save_workbook(report: Report, path: str, inputs: Iterable[str] = (), max_rows: int = MAX_ROWS) -> WorkbookResult:
    """Write the workbook atomically. A previous termcheck report at `path` passes on its review decisions;
    any other file there is left alone (UsageError)."""
    refuse_overwriting_inputs(path, inputs)
    lock = _lock_file(path)
    if lock is not None:
        raise InputError(path, f"is open in a spreadsheet program ({lock} exists); close it and run again")
    decisions, corrections = _previous_decisions(path)
    results: list[WorkbookResult] = []
    write_atomically(
        path, lambda handle: results.append(write_workbook(report, handle, decisions, max_rows, corrections))
    )
    return dataclasses.replace(results[0], path=path)


__all__ = ["WorkbookResult", "save_workbook", "write_workbook"]
