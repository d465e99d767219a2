"""`review apply --write-fixed`: the rows an editor marked Apply fix, turned into corrected copies.

A row applies its check's fix (the same as `termcheck fix`), or, where the editor wrote one, its
Correction: the whole corrected target of that segment. In an XLIFF or TMX segment the Correction's
inline-code labels ({1}, {/1}, {2/}) are the unit's codes, placed where the editor put them
(termcheck.review.labels); a Correction whose labels cannot be placed is refused for its row, with why.
The documents are found through the report's Inputs sheet and read again; a row whose segment changed
since the report (its text hash differs) or whose document is gone is reported and skipped, never applied
to other text. A suggested fix reads the row's Found, Expected and target span only where its hidden Row check
says they are the cells the report wrote for that finding (writers.xlsx.row_check): a column sorted on its own
or a value typed over skips the row, named. A Correction is the editor's own text, but never a formula. Two
different corrections for one segment, or two rows of one finding with different decisions, are a usage error
naming both rows.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from termcheck.checks.registry import ALL_CHECKS
from termcheck.core.atomic import OutputBatch, refuse_overwriting_inputs
from termcheck.core.edits import Edit, apply_edits
from termcheck.core.errors import UsageError
from termcheck.core.model import Segment
from termcheck.core.suppression import segment_hash
from termcheck.core.wording import listed
from termcheck.fixes.copies import rewritten_path
from termcheck.fixes.project import output_paths, write_copy
from termcheck.fixes.runner import CORRECTION, AppliedFix, DocumentFixes, FixedSegment, fixable_checks
from termcheck.readers import FieldNames, open_document, open_pair
from termcheck.readers.base import Document
from termcheck.review.decisions import deciding_rows
from termcheck.review.labels import CorrectionRefused, place_labels
from termcheck.text.inline_display import with_codes as labelled
from termcheck.writers.xlsx.layout import APPLY_FIX
from termcheck.writers.xlsx.repeated_text import Copies, copies_moved
from termcheck.writers.xlsx.reviewed import ReportInput, Review, ReviewRow
from termcheck.writers.xlsx.row_check import IDENTITY, changed
from termcheck.writers.xlsx.window import MARK, WindowMarksMissing, whole_correction

FIXES = {c.code: c for c in fixable_checks(ALL_CHECKS)}


@dataclass(frozen=True)
class RowFinding:
    """What a fix reads of a finding, as the report's row gives it."""

    target_span: tuple[int, int] | None
    found: str | None
    expected: str | None
    found_term: str | None = None  # the report does not keep the glossary's term


@dataclass(frozen=True)
class SkippedRow:
    row: int
    file: str
    segment: str
    reason: str


@dataclass(frozen=True)
class RowNote:
    """Something an applied row did that the editor should know (a code it removed)."""

    row: int
    file: str
    segment: str
    note: str


@dataclass
class ReviewFixes:
    applied: list[ReviewRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)
    documents: list[DocumentFixes] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    # the rows each changed segment applies, by (document, segment index): skipped if its copy cannot take it
    rows_of_change: dict[tuple[str, int], list[ReviewRow]] = field(default_factory=dict)


def plan_review_fixes(review: Review, fields: FieldNames = FieldNames(), encoding: str | None = None) -> ReviewFixes:
    """Every Apply fix row, applied to its document as it reads now (nothing written)."""
    plan = ReviewFixes()
    rows_by_file: dict[str, list[ReviewRow]] = defaultdict(list)
    for row in review.rows:
        if row.status != APPLY_FIX:
            continue
        distrusted = _distrusted(row, review.row_checks)
        if distrusted:
            plan.skipped.append(SkippedRow(row.row, row.file, row.segment, distrusted))
        else:
            rows_by_file[row.file].append(row)
    inputs = {i.document: i for i in review.inputs}
    reported = Copies((r.file, r.segment_hash, r.segment) for r in review.rows)  # where each text stood
    for name, rows in rows_by_file.items():
        document = _document(inputs.get(name), name, fields, encoding)
        if isinstance(document, str):
            plan.skipped += [SkippedRow(r.row, r.file, r.segment, document) for r in rows]
            continue
        segments = list(document.read())
        position = {s.id: i for i, s in enumerate(segments)}
        rows = _on_their_copy(rows, reported, Copies((name, segment_hash(s), s.id) for s in segments), plan)
        by_segment: dict[str, list[ReviewRow]] = defaultdict(list)
        for row in rows:
            by_segment[row.segment].append(row)
        changed: list[FixedSegment] = []
        with_codes = document.format in ("xliff", "tmx")  # elsewhere a {1} the editor typed is text
        for segment_id, segment_rows in by_segment.items():
            index = position.get(segment_id)
            if index is None:
                plan.skipped += [
                    SkippedRow(r.row, name, segment_id, "the segment is not in the document now") for r in segment_rows
                ]
                continue
            before = len(plan.applied)
            fixed = _fix_segment(review.path, segments[index], index, segment_rows, plan, with_codes)
            if fixed is not None:
                changed.append(fixed)
                plan.rows_of_change[(name, index)] = plan.applied[before:]
        if changed:
            targets = [s.target for s in segments]
            plan.documents.append(DocumentFixes(document, targets, sorted(changed, key=lambda f: f.index), []))
    return plan


def write_review_fixes(
    review: Review,
    folder: str,
    root: str,
    fields: FieldNames = FieldNames(),
    encoding: str | None = None,
    batch: OutputBatch | None = None,
) -> ReviewFixes:
    """Corrected copies of the report's documents in `folder` (at each input's path from `root`), written as part
    of `batch` (renamed into place with the batch), else as one batch of their own: all of them, or none. Two rows
    of one finding with different decisions are a UsageError, before anything is written."""
    if batch is None:
        with OutputBatch() as alone:
            return write_review_fixes(review, folder, root, fields, encoding, alone)
    deciding_rows(review)
    plan = plan_review_fixes(review, fields, encoding)
    # laid out over every document of the report, so that where a copy goes does not depend on which are fixed
    files = [i.target for i in review.inputs] + [rewritten_path(fixes) for fixes in plan.documents]
    outputs = output_paths(folder, files, root)
    for fixes in plan.documents:
        output = outputs[os.path.abspath(rewritten_path(fixes))]
        refuse_overwriting_inputs(output, [review.path, *fixes.document.paths])
        left_out, wrote = write_copy(fixes, output, fields, encoding, batch)
        for fixed in left_out:
            rows = plan.rows_of_change.get((fixes.document.name, fixed.index), [])
            numbers = {r.row for r in rows}
            plan.applied = [r for r in plan.applied if r not in rows]
            plan.notes = [n for n in plan.notes if n.row not in numbers]
            plan.skipped += [SkippedRow(r.row, fixes.document.name, fixed.segment.id, fixed.refused) for r in rows]
        if wrote:
            plan.written.append(output)
    return plan


def _on_their_copy(rows: Sequence[ReviewRow], before: Copies, now: Copies, plan: ReviewFixes) -> list[ReviewRow]:
    """The rows that can be told from the copies of their text; the others (repeated text whose copies moved) are
    skipped, never applied to another copy (termcheck.writers.xlsx.repeated_text)."""
    placed = []
    for row in rows:
        why = copies_moved(before, now, row.file, row.segment_hash)
        if why is None or now.of(row.file, row.segment_hash) == set():
            placed.append(row)
        else:
            plan.skipped.append(SkippedRow(row.row, row.file, row.segment, f"{why}; decide it again in a new report"))
    return placed


def _distrusted(row: ReviewRow, checked: bool) -> str | None:
    """Why the row cannot be applied as it reads, or None: its Correction is a formula, or the cells its fix reads
    no longer agree with its Row check. `checked`: the report has the Row check column."""
    if row.correction_is_formula:
        formula = row.correction if len(row.correction) <= 60 else row.correction[:59] + "…"
        return f"its Correction is a formula ({formula}), which termcheck does not evaluate; type the corrected target"
    if row.correction.startswith("="):  # a formula's text: pasted as text, or carried into a regenerated report
        return 'its Correction starts with "=", as a formula does; type the corrected target itself'
    if row.row_check:
        return _changed_cells(row)
    if row.correction.strip():  # the editor's own text: applied without a Row check, as before there was one
        return None
    if checked:
        return (
            "its Row check is empty, so its Found and Expected cannot be verified; write the corrected target in "
            "Correction"
        )
    return (
        "the report has no Row check column (an older termcheck wrote it), so its Found and Expected cannot be "
        "verified; run check --xlsx again onto it (your decisions are kept), or write the corrected target in "
        "Correction"
    )


def _changed_cells(row: ReviewRow) -> str | None:
    """What changed in the row since the report was written, where the row's fix would read it."""
    span = f"{row.target_span[0]}-{row.target_span[1]}" if row.target_span else ""
    identity = (row.id, row.code, row.file, row.segment, row.segment_hash)
    names = changed(row.row_check, identity, (row.found_exact, row.expected, span))
    if names == [IDENTITY]:
        return (
            "its Finding ID, Code, File, Segment and Segment hash no longer belong to one finding (was a column "
            "sorted on its own?); undo that change"
        )
    if names and not row.correction.strip():  # a Correction replaces the segment: Found and Expected are not read
        was = "was" if len(names) == 1 else "were"
        return (
            f"{' and '.join(names)} {was} changed since the report was written; write your text in Correction instead"
        )
    return None


def _document(found: ReportInput | None, name: str, fields: FieldNames, encoding: str | None) -> Document | str:
    """The document a report row names, opened as it was checked; or why it cannot be."""
    if found is None:
        return "the report does not say which file it was made from (run check --xlsx again to add it)"
    if not os.path.exists(found.target) or (found.source and not os.path.exists(found.source)):
        return f"{found.target if not os.path.exists(found.target) else found.source} is not there any more"
    if found.format == "text-pair":
        return open_pair(found.source, found.target, encoding, name)
    return open_document(found.target, fields, encoding, found.format, name)


def _fix_segment(
    workbook: str, segment: Segment, index: int, rows: Sequence[ReviewRow], plan: ReviewFixes, with_codes: bool
) -> FixedSegment | None:
    current = segment_hash(segment)
    stale = [r for r in rows if r.segment_hash != current]
    plan.skipped += [SkippedRow(r.row, segment.file, segment.id, "the segment changed since the report") for r in stale]
    rows = [r for r in rows if r.segment_hash == current]
    rows = _whole_corrections(segment, rows, plan)
    corrected = [r for r in rows if r.correction.strip()]
    if len({r.correction for r in corrected}) > 1:
        first, other = corrected[0], next(r for r in corrected if r.correction != corrected[0].correction)
        raise UsageError(
            f"{workbook}: rows {first.row} and {other.row} give different corrections for segment {segment.id} "
            f"of {segment.file}; keep one"
        )
    if corrected:
        plan.skipped += [
            SkippedRow(r.row, segment.file, segment.id, f"row {corrected[0].row}'s correction covers the segment")
            for r in rows
            if not r.correction.strip()
        ]
        return (
            _corrected(segment, index, corrected, plan)
            if with_codes
            else _corrected_text(segment, index, corrected, plan)
        )
    edits: dict[Edit, list[ReviewRow]] = defaultdict(list)  # a copied row makes the same edit
    for row in rows:
        check = FIXES.get(row.code)
        finding = RowFinding(row.target_span, row.found_exact, row.expected)
        edit = check.fix(segment.target, finding) if check is not None else None
        if edit is None:
            reason = "no safe fix for this finding; write the corrected target in Correction"
            plan.skipped.append(SkippedRow(row.row, segment.file, segment.id, reason))
        else:
            edits[edit].append(row)
    if not edits:
        return None
    text, applied, overlapping = apply_edits(segment.target, list(edits))
    plan.applied += [row for e in applied for row in edits[e]]
    for edit in overlapping:
        reason = "its fix overlaps another row's; run check --xlsx again and apply it then"
        plan.skipped += [SkippedRow(row.row, segment.file, segment.id, reason) for row in edits[edit]]
    fixes = [
        AppliedFix(edits[e][0].code, segment.target[e.start : e.end], e.text, segment.line, segment.id) for e in applied
    ]
    return FixedSegment(index, segment, text, fixes)


def _whole_corrections(segment: Segment, rows: Sequence[ReviewRow], plan: ReviewFixes) -> list[ReviewRow]:
    """The rows with each Correction written over the window of a long target (its "…" marks kept) made the whole
    corrected target; a row whose Correction keeps one mark of two is skipped, with why."""
    kept: list[ReviewRow] = []
    for row in rows:
        if not row.correction.startswith(MARK) and not row.correction.endswith(MARK):
            kept.append(row)
            continue
        shown, spans = labelled(segment.target, segment.target_codes, [row.target_span] if row.target_span else [])
        try:
            whole = whole_correction(row.correction, shown, spans[0] if spans else None)
        except WindowMarksMissing as missing:
            plan.skipped.append(SkippedRow(row.row, segment.file, segment.id, str(missing)))
            continue
        kept.append(replace(row, correction=whole))
    return kept


def _corrected_text(segment: Segment, index: int, rows: Sequence[ReviewRow], plan: ReviewFixes) -> FixedSegment | None:
    """A Correction of a segment without inline codes (plain text, TSV, JSON Lines): all of it is text."""
    text = rows[0].correction
    plan.applied += rows
    fix = AppliedFix(CORRECTION, segment.target, text, segment.line, segment.id)
    return FixedSegment(index, segment, text, [fix]) if text != segment.target else None


def _corrected(segment: Segment, index: int, rows: Sequence[ReviewRow], plan: ReviewFixes) -> FixedSegment | None:
    """A Correction of an XLIFF or TMX segment: its labels are the unit's codes, where the editor put them."""
    try:
        placed = place_labels(rows[0].correction, segment)
    except CorrectionRefused as refused:
        plan.skipped += [SkippedRow(r.row, segment.file, segment.id, str(refused)) for r in rows]
        return None
    plan.applied += rows
    if placed.removed:
        them = "them" if len(placed.removed) > 1 else "it"
        such = "such codes" if len(placed.removed) > 1 else "such code"
        note = f"{listed(placed.removed)} removed: the correction leaves {them} out, and the source has no {such}"
        plan.notes.append(RowNote(rows[0].row, segment.file, segment.id, note))
    layout = [(c.kind, c.id, c.offset) for c in placed.codes]
    if placed.text == segment.target and layout == [(c.kind, c.id, c.offset) for c in segment.target_codes]:
        return None
    fix = AppliedFix(CORRECTION, segment.target, placed.text, segment.line, segment.id)
    return FixedSegment(index, segment, placed.text, [fix], placed.codes)
