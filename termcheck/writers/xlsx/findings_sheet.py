"""The Findings sheet: one row per finding in document order, with the editor's Status and Comment.

Source and Target show a window of a long segment around the finding (termcheck.writers.xlsx.window);
the Segments sheet has the whole segment."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter

from termcheck.core.model import Finding, InlineCode
from termcheck.core.suppression import Suppression, Suppressions
from termcheck.text.inline_display import with_codes
from termcheck.writers.xlsx import styles
from termcheck.writers.xlsx.cells import Cell, label_cell, rich_cell, text_cell, value_cell
from termcheck.writers.xlsx.layout import (
    FINDINGS_COLUMNS,
    ID,
    MAX_ROWS,
    OPEN,
    ROW_CHECK,
    SEGMENT_HASH,
    STATUS,
    STATUSES,
    TARGET_SPAN,
)
from termcheck.writers.xlsx.repeated_text import Copies, copies_moved, repeated
from termcheck.writers.xlsx.row_check import row_check
from termcheck.writers.xlsx.sheet_format import SAMPLE_ROWS, SheetRows, Width, print_setup, row_limit_note
from termcheck.writers.xlsx.window import windowed

LIMITS = (
    Width(14, 14),  # id
    Width(9, 9),  # severity
    Width(7, 7),  # code
    Width(12, 18, wrap=True),  # check
    Width(10, 30, wrap=True),  # file
    Width(9, 12),  # segment
    Width(5, 7),  # line
    Width(20, 40, wrap=True),  # source
    Width(24, 50, wrap=True),  # target
    Width(12, 22, wrap=True),  # found
    Width(12, 22, wrap=True),  # expected
    Width(24, 45, wrap=True),  # message
    Width(15, 15),  # status
    Width(20, 20, wrap=True),  # comment
    Width(24, 40, wrap=True),  # correction
    Width(18, 18),  # segment hash
    Width(9, 9),  # target span
    Width(9, 9),  # row check
)


@dataclass(frozen=True)
class SegmentText:
    source: str | None
    target: str
    hash: str
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()


Key = tuple[str, str]  # (file, segment id)


def assign_decisions(
    decisions: Suppressions,
    findings: Collection[Finding],
    before: Copies | None = None,
    suppressed: Collection[str] = (),
) -> tuple[dict[str, Suppression], set[str], dict[str, str]]:
    """Finding id → the earlier decision it keeps, the ids of the decisions kept, and decision id → why it is not
    kept though its text is still there. A decision holds while the segment's text is unchanged: found by the
    finding's id or, where the segment was renumbered, by its text, check and found text (the ignore file's rule).
    On text the document repeats, where the copies moved (`before`: where each text stood in the earlier report),
    it is not placed on any copy (`repeated_text`). The decisions whose ids are `suppressed` (the run's
    ignore file left their findings out) are not placed, and their copies are where they were."""
    if not len(decisions):
        return {}, set(), {}
    now = Copies((f.file, f.segment_hash, f.segment) for f in findings)
    for decision_id in suppressed:
        if (entry := decisions.entries.get(decision_id)) is not None:
            now.add(entry.file, entry.segment_hash, entry.segment)
    if before is None:
        before = Copies((d.file, d.segment_hash, d.segment) for d in decisions.entries.values())
    kept: dict[str, Suppression] = {}
    unsure: dict[str, str] = {}
    for finding in findings:
        decision = decisions.match(finding)
        if decision is None:
            continue
        why = copies_moved(before, now, decision.file, decision.segment_hash)
        if why is None:
            kept[finding.id] = decision
        else:
            unsure[decision.id] = why
    # a decision on repeated text is never found again by its text alone: every copy looks the same
    held = {d.id for d in kept.values()} | set(unsure) | set(suppressed)
    for decision in decisions.entries.values():
        document, text = decision.file, decision.segment_hash
        if decision.id in held or not now.of(document, text) or not repeated(before, now, document, text):
            continue
        held.add(decision.id)
        why = copies_moved(before, now, document, text)
        if why is not None:
            unsure[decision.id] = why  # otherwise its own finding is gone: it matches nothing, and is reported so
    kept.update(decisions.rematch((f for f in findings if f.id not in kept), held))
    matched = {d.id for d in kept.values()}
    return kept, matched, unsure


def _sample(findings: Sequence[Finding], texts: Mapping[Key, SegmentText]) -> list[list[str]]:
    sample = []
    for f in islice(findings, SAMPLE_ROWS):
        text = texts.get((f.file, f.segment))
        source, target = (text.source or "", text.target) if text else ("", "")
        source, target = windowed(source, _spans(f.source_span))[0], windowed(target, _spans(f.target_span))[0]
        sample.append([f.id, "", "", f.check, f.file, f.segment, str(f.line), source, target, f.found or ""])
        sample[-1] += [f.expected or "", f.message, "", "", "", "", "", ""]
    return sample


def _status_validation(column: str, last_row: int) -> DataValidation:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="termcheck",
        error="Pick a status from the list: " + ", ".join(STATUSES),
    )
    validation.add(f"{column}2:{column}{max(last_row, 2)}")
    return validation


def write_findings_sheet(
    rows: SheetRows,
    findings: Sequence[Finding],
    texts: Mapping[Key, SegmentText],
    decisions: Mapping[str, Suppression],
    hidden: Collection[str] = (),
    max_rows: int = MAX_ROWS,
    corrections: Mapping[str, str] | None = None,
) -> int:
    """Write the sheet (with the decisions of `assign_decisions`, and `corrections` by decision id); returns how
    many findings did not fit."""
    corrections = corrections or {}
    shown = len(findings) if len(findings) < max_rows else max_rows - 2  # room for the header and a note
    rows.set_columns(
        FINDINGS_COLUMNS, LIMITS, _sample(findings, texts), {SEGMENT_HASH, TARGET_SPAN, ROW_CHECK, *hidden}
    )
    sheet = rows.sheet
    sheet.freeze_panes = "B2"
    sheet.auto_filter = AutoFilter(ref=f"A1:{rows.last_letter}{shown + 1}")
    sheet.data_validations.append(_status_validation(rows.letter(STATUS), shown + 1))
    print_setup(sheet)

    palette = rows.palette
    header, code, text_style = palette[styles.HEADER], palette[styles.CODE], palette[styles.TEXT]
    wrap, number, editor = palette[styles.WRAP], palette[styles.NUMBER], palette[styles.EDITOR]
    severities = {severity: palette[name] for severity, name in styles.SEVERITY.items()}
    rows.append([text_cell(h, header) for h in FINDINGS_COLUMNS])
    for finding in islice(findings, shown):
        text = texts.get((finding.file, finding.segment))
        source = text.source if text else ""
        target = text.target if text else ""
        finding_id = finding.id
        decision = decisions.get(finding_id)
        status, comment = (decision.status, decision.comment) if decision else (OPEN, "")
        correction = corrections.get(decision.id, "") if decision else ""
        span = finding.target_span
        cells = [
            text_cell(finding_id, code),
            label_cell(finding.severity.label, severities[finding.severity]),
            label_cell(finding.code, text_style),
            label_cell(finding.check, wrap),
            label_cell(finding.file, wrap),
            text_cell(finding.segment, text_style),
            value_cell(finding.line, number),
            rich_cell(
                *windowed(*with_codes(source or "", text.source_codes if text else (), _spans(finding.source_span))),
                styles.SOURCE_SPAN,
                wrap,
            ),
            rich_cell(
                *windowed(*with_codes(target, text.target_codes if text else (), _spans(finding.target_span))),
                styles.TARGET_SPAN,
                wrap,
            ),
            label_cell(finding.found, wrap),
            label_cell(finding.expected, wrap),
            label_cell(finding.message, wrap),
            label_cell(status, editor),
            text_cell(comment, editor),
            text_cell(correction, editor),
            text_cell(finding.segment_hash, code),
            text_cell(f"{span[0]}-{span[1]}" if span else "", code),
        ]
        cells.append(text_cell(_row_check(cells), code))
        rows.append(cells)
    cut = len(findings) - shown
    if cut:
        rows.append([text_cell(row_limit_note(cut, "findings"), palette[styles.NOTE])])
    return cut


_IDENTITY = [FINDINGS_COLUMNS.index(name) for name in (ID, "Code", "File", "Segment", SEGMENT_HASH)]
_CHECKED = [FINDINGS_COLUMNS.index(name) for name in ("Found", "Expected", TARGET_SPAN)]


def _row_check(cells: Sequence[Cell]) -> str:
    """Of the text the cells hold, as `review` reads it back (the identity without surrounding spaces)."""
    return row_check([(cells[i].text or "").strip() for i in _IDENTITY], [cells[i].text or "" for i in _CHECKED])


def _spans(span: tuple[int, int] | None) -> list[tuple[int, int]]:
    return [span] if span else []
