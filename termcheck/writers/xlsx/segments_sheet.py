"""The Segments sheet: the whole text side by side, so an editor can read the article, not only errors.

The documents are read a second time, segment by segment; only the text of segments with findings
is kept, for the Findings sheet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from openpyxl.worksheet.filters import AutoFilter

from termcheck.core.errors import InputError
from termcheck.core.model import Finding, Segment
from termcheck.core.suppression import segment_hash
from termcheck.readers.base import Document, reread
from termcheck.scoring.run import UnitScore
from termcheck.text.inline_display import with_codes
from termcheck.writers.xlsx import styles
from termcheck.writers.xlsx.cells import Cell, Span, label_cell, rich_cell, text_cell, value_cell
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
    text_hash: str = ""  # the segment's text when it was checked


def marks_by_segment(findings: Sequence[Finding]) -> dict[Key, SegmentMarks]:
    marks: dict[Key, SegmentMarks] = {}
    for finding in findings:
        mark = marks.setdefault((finding.file, finding.segment), SegmentMarks())
        mark.text_hash = mark.text_hash or finding.segment_hash
        mark.codes[finding.code] += 1
        if finding.source_span:
            mark.source.append(finding.source_span)
        if finding.target_span:
            mark.target.append(finding.target_span)
    return marks


def _segments(sources: Sequence[Document], digests: Sequence[str] = ()) -> Iterator[Segment]:
    """The segments read again; a document that changed since it was checked is an InputError."""
    for index, document in enumerate(sources):
        yield from reread(document, digests[index] if index < len(digests) else "")


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
    rows: SheetRows,
    sources: Sequence[Document],
    marks: Mapping[Key, SegmentMarks],
    hidden: Collection[str] = (),
    max_rows: int = MAX_ROWS,
    scores: Mapping[Key, UnitScore] | None = None,
    digests: Sequence[str] = (),
) -> tuple[dict[Key, SegmentText], int]:
    """Write the sheet; returns the text of the segments with findings and how many segments did not fit.

    The sheet holds at most max_rows - 2 segments, keeping a row for the note when more are cut."""
    headers = SEGMENTS_COLUMNS + (SCORE_COLUMNS if scores else ())
    limits = LIMITS + ((Width(8, 8), Width(9, 9)) if scores else ())
    sample = [row + (["", ""] if scores else []) for row in _sample(sources, marks)]
    rows.set_columns(headers, limits, sample, hidden)
    rows.sheet.freeze_panes = "D2"
    print_setup(rows.sheet)
    palette = rows.palette
    text_style, wrap, number = palette[styles.TEXT], palette[styles.WRAP], palette[styles.NUMBER]
    score = palette.formatted(styles.NUMBER, "0.0")
    rows.append([text_cell(h, palette[styles.HEADER]) for h in headers])
    texts: dict[Key, SegmentText] = {}
    cut = 0
    for segment in _segments(sources, digests):
        key = (segment.file, segment.id)
        mark = marks.get(key)
        if mark is not None:
            text_hash = segment_hash(segment)
            if mark.text_hash and text_hash != mark.text_hash:
                # the findings are of the text that was checked: never show them beside other text
                raise InputError(
                    segment.file,
                    f"segment {segment.id} changed while termcheck checked it; run the check again",
                    segment.line,
                )
            texts[key] = SegmentText(
                segment.source, segment.target, text_hash, segment.source_codes, segment.target_codes
            )
        if rows.count >= max_rows - 1:
            cut += 1
            continue
        cells: list[Cell] = [
            label_cell(segment.file, wrap),
            text_cell(segment.id, text_style),
            value_cell(segment.line, number),
            rich_cell(
                *with_codes(segment.source or "", segment.source_codes, mark.source if mark else []),
                styles.SOURCE_SPAN,
                wrap,
            ),
            rich_cell(
                *with_codes(segment.target, segment.target_codes, mark.target if mark else []), styles.TARGET_SPAN, wrap
            ),
            value_cell(sum(mark.codes.values()) if mark else None, number),
            label_cell(describe_counts(mark.codes) if mark else "", wrap),
        ]
        if scores:
            unit = scores.get(key)
            cells += [value_cell(unit.bleu if unit else None, score), value_cell(unit.chrf if unit else None, score)]
        rows.append(cells)
    written = rows.count
    if cut:
        rows.append([text_cell(row_limit_note(cut, "segments"), palette[styles.NOTE])])
    rows.sheet.auto_filter = AutoFilter(ref=f"A1:{rows.last_letter}{written}")
    return texts, cut
