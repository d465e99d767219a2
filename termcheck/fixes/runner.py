"""Check, fix, and check again until no fixable finding is left (at most a few rounds), as ruff does.

A round applies every fix that overlaps no other in its segment; fixes skipped for an overlap, and
findings a fix uncovers (a doubled space after a doubled word went), come back in the next round. Each
fix keeps to its finding's span, so what a finding did not flag is never touched.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from termcheck.checks.base import Check
from termcheck.core.edits import Edit, apply_edits
from termcheck.core.model import Finding, InlineCode, Segment
from termcheck.core.suppression import Suppressions
from termcheck.readers.base import Document
from termcheck.run.engine import Checker

ROUNDS = 10
CORRECTION = "correction"  # the code of an AppliedFix that is a person's text (a Correction from the report)


@dataclass(frozen=True)
class AppliedFix:
    code: str
    found: str
    replacement: str  # what now stands in its place (an article corrected before it included)
    line: int
    segment: str


@dataclass
class FixedSegment:
    index: int  # the segment's position in its document (readers yield them in the same order every time)
    segment: Segment  # as read
    target: str  # as fixed
    fixes: list[AppliedFix] = field(default_factory=list)
    # the fixed target's inline codes where a person placed them (the labels of a Correction from the report);
    # None: the codes stay where they are, and only the text around them changes
    codes: tuple[InlineCode, ...] | None = None
    refused: str = ""  # why the corrected copy could not take this change, once it was made without it

    @property
    def by_person(self) -> bool:
        """The new target is a person's text (a Correction), not fixes termcheck made within finding spans."""
        return any(fix.code == CORRECTION for fix in self.fixes)


@dataclass
class DocumentFixes:
    document: Document
    targets: list[str]  # every segment's target as read: what a corrected copy must read as, save the changes
    changed: list[FixedSegment]
    unfixed: list[Finding]  # findings of fixable checks that no safe fix covers

    @property
    def segments(self) -> int:
        return len(self.targets)


def fixable_checks(checks: Sequence[type[Check]]) -> list[type[Check]]:
    return [c for c in checks if c.fix_description]


def fix_document(
    checker: Checker,
    document: Document,
    suppressions: Suppressions | None = None,
    first_check: Callable[[Document], Iterable[Finding]] | None = None,
) -> DocumentFixes:
    """The document's segments with every safe fix of the checker's (fixable) checks applied. `first_check` checks
    the whole document in the first round instead of `checker` (on a cluster: the later rounds check only the
    segments a fix changed)."""
    original = list(document.read())
    current = list(original)
    fixes: dict[int, list[AppliedFix]] = defaultdict(list)
    position = {s.id: i for i, s in enumerate(original)}
    by_code = {c.code: c for c in checker.check_types}
    unfixed: dict[int, list[Finding]] = {}  # segment index → its findings no fix covers, as last checked
    # An editor's False positive is never fixed. Suppressions match the text as it was read, so what they
    # cover is noted in the first round and known by finding id (which does not change with the text) after.
    suppressed: set[str] = set()
    # the first round checks every segment, each later one only the segments the round before changed
    todo: list[int] = list(range(len(current)))
    for _round in range(ROUNDS):
        snapshot = [current[i] for i in todo]
        view = dataclasses.replace(document, read=lambda s=snapshot: iter(s))  # type: ignore[misc]
        if first_check is not None and _round == 0:
            findings: Iterable[Finding] = first_check(document)
        else:
            findings = checker.run([view], snapshot=False).findings
        edits: dict[int, list[tuple[Edit, Finding]]] = defaultdict(list)
        for index in todo:
            unfixed.pop(index, None)
        for finding in findings:
            if finding.id in suppressed or (suppressions is not None and suppressions.covers(finding)):
                suppressed.add(finding.id)
                continue
            index = position[finding.segment]
            edit = by_code[finding.code].fix(current[index].target, finding)
            if edit is None:
                unfixed.setdefault(index, []).append(finding)
            else:
                edits[index].append((edit, finding))
        if not edits:
            break
        todo = sorted(edits)
        for index, pairs in edits.items():
            segment = current[index]
            text, applied, _skipped = apply_edits(segment.target, [e for e, _f in pairs])
            by_edit = {e: f for e, f in pairs}
            for edit in applied:
                finding = by_edit[edit]
                fixes[index].append(
                    AppliedFix(finding.code, segment.target[edit.start : edit.end], edit.text, segment.line, segment.id)
                )
            current[index] = dataclasses.replace(segment, target=text)
    changed = [
        FixedSegment(i, original[i], current[i].target, fixes[i])
        for i in sorted(fixes)
        if current[i].target != original[i].target
    ]
    left = [finding for index in sorted(unfixed) for finding in unfixed[index]]
    return DocumentFixes(document, [s.target for s in original], changed, left)
