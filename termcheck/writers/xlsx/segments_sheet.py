"""The Segments sheet: the whole text side by side, so an editor can read the article, not only errors.

The documents are read a second time, segment by segment; only the text of segments with findings
is kept, for the Findings sheet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter

from termcheck.model import Finding, Segment
from termcheck.readers.base import Document
from termcheck.scoring.run import UnitScore
from termcheck.suppressions import segment_hash
from termcheck.writers.xlsx import styles
from termcheck.writers.xlsx.cells import Span, rich_cell, text_cell, value_cell
from termcheck.writers.xlsx.findings_sheet import Key, SegmentText
from termcheck.writers.xlsx.layout import MAX_ROWS, SEGMENTS_COLUMNS
from termcheck.writers.xlsx.sheet_format import SheetRows, Width, describe_counts, print_setup, row_limit_note

LIMITS = (
    Width(10, 30, wrap=True),  # file
    Width(9, 12),  # segment
    Width(5, 7),  # line
    Width(30, 60, wrap=True),  # source
    Width(40, 70, wrap=True),  # target
    Width(9, 9),  # findings
    Width(14, 24, wrap=True),  # codes
)


@dataclass
class SegmentMarks:
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)


def marks_by_segment(findings: Sequence[Finding]) -> dict[Key, SegmentMarks]:
    marks: dict[Key, SegmentMarks] = {}
    for finding in findings:
        mark = marks.setdefault((finding.file, finding.segment), SegmentMarks())
        mark.codes[finding.code] += 1
        if finding.source_span:
            mark.source.append(finding.source_span)
        if finding.target_span:
            mark.target.append(finding.target_span)
    return marks


def _segments(sources: Sequence[Document]) -> Iterator[Segment]:
    for document in sources:
        yield from document.read()


def _sample(sources: Sequence[Document], marks: Mapping[Key, SegmentMarks]) -> list[list[str]]:
    sample = []
    for s in islice(_segments(sources), 200):
        mark = marks.get((s.file, s.id))
        sample.append(
            [s.file, s.id, str(s.line), s.source or "", s.target, "", describe_counts(mark.codes) if mark else ""]
        )
    return sample


SCORE_COLUMNS = ("BLEU", "chrF2++")


def write_segments_sheet(
    sheet: WriteOnlyWorksheet,
    sources: Sequence[Document],
    marks: Mapping[Key, SegmentMarks],
    hidden: Collection[str] = (),
    max_rows: int = MAX_ROWS,
    scores: Mapping[Key, UnitScore] | None = None,
) -> tuple[dict[Key, SegmentText], int]:
    """Write the sheet; returns the text of the segments with findings and how many segments did not fit.

    The sheet holds at most max_rows - 2 segments, keeping a row for the note when more are cut."""
    headers = SEGMENTS_COLUMNS + (SCORE_COLUMNS if scores else ())
    limits = LIMITS + ((Width(8, 8), Width(9, 9)) if scores else ())
    sample = [row + (["", ""] if scores else []) for row in _sample(sources, marks)]
    rows = SheetRows(sheet, headers, limits, sample, hidden)
    sheet.freeze_panes = "D2"
    print_setup(sheet)
    rows.append([text_cell(sheet, h, styles.HEADER) for h in headers])
    texts: dict[Key, SegmentText] = {}
    cut = 0
    for segment in _segments(sources):
        key = (segment.file, segment.id)
        mark = marks.get(key)
        if mark is not None:
            texts[key] = SegmentText(segment.source, segment.target, segment_hash(segment))
        if rows.count >= max_rows - 1:
            cut += 1
            continue
        codes = describe_counts(mark.codes) if mark else ""
        cells = [
            text_cell(sheet, segment.file, styles.WRAP),
            text_cell(sheet, segment.id, styles.TEXT),
            value_cell(sheet, segment.line, styles.NUMBER),
            rich_cell(sheet, segment.source, mark.source if mark else [], styles.SOURCE_SPAN, styles.WRAP),
            rich_cell(sheet, segment.target, mark.target if mark else [], styles.TARGET_SPAN, styles.WRAP),
            value_cell(sheet, sum(mark.codes.values()) if mark else None, styles.NUMBER),
            text_cell(sheet, codes, styles.WRAP),
        ]
        if scores:
            unit = scores.get(key)
            cells += [
                value_cell(sheet, unit.bleu if unit else None, styles.NUMBER, number_format="0.0"),
                value_cell(sheet, unit.chrf if unit else None, styles.NUMBER, number_format="0.0"),
            ]
        rows.append(cells, [segment.file, None, None, segment.source, segment.target, None, codes])
    written = rows.count
    if cut:
        rows.append([text_cell(sheet, row_limit_note(cut, "segments"), styles.NOTE)])
    sheet.auto_filter = AutoFilter(ref=f"A1:{rows.last_letter}{written}")
    return texts, cut
