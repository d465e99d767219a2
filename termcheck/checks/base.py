"""What a check is: a stable code, a name, a default severity and documentation with examples.

A check looks at one analysed segment at a time (`check_segment`) and may keep state across the
run to report at the end (`finish`), as the consistency check does; such a check also says how to
hand that state over (`state`) and combine it (`merge`), so that a run split into partitions finds
what one pass finds. Checks never format output.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from termcheck.checks.examples import Example
from termcheck.checks.rules import RULE_BUDGET, RuleStop
from termcheck.checks.triggers import Trigger
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Location, Segment, Severity
from termcheck.core.places import span_place
from termcheck.glossary.model import Concept
from termcheck.matching.analysis import AnalyzedSegment


@dataclass(frozen=True)
class CheckContext:
    concepts: dict[str, Concept]
    deprecated_everywhere: bool = False
    severities: dict[str, Severity] = field(default_factory=dict)
    allow_untranslated: tuple[str, ...] = ()  # regexes for Chinese kept in the target on purpose
    rule_budget: float = RULE_BUDGET  # seconds of search time per project rule (termcheck.checks.rules)
    # the codes of the checks in this run (None: all of them), for a check that leaves an error to another
    # when that one runs (TC203 leaves a wrong number to TC202)
    codes: frozenset[str] | None = None

    def runs(self, code: str) -> bool:
        return self.codes is None or code in self.codes


class Check:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    needs_source: ClassVar[bool] = False
    needs_glossary: ClassVar[bool] = False  # the TC1xx checks; without a glossary they are skipped
    # A segment not translated yet (Segment.pending) reaches only the checks that declare they read it,
    # so an empty target is one "untranslated" finding, not a list of missing terms.
    sees_pending: ClassVar[bool] = False
    # When set, only segments whose text matches it reach `check_segment` (termcheck.checks.triggers);
    # a check that keeps state across the run must see every segment and declares none.
    trigger: ClassVar[Trigger | None] = None
    # How `termcheck fix` (and "Apply fix" in the Excel report) corrects a finding without reading the
    # sentence; "" where only a person can: `fix` then returns None.
    fix_description: ClassVar[str] = ""
    # What the check reports and what it passes, run by the test suite and shown in docs/checks.md and
    # `termcheck explain` (termcheck.checks.docs): a bad example and a good one at least.
    examples: ClassVar[tuple[Example, ...]] = ()

    def __init__(self, context: CheckContext) -> None:
        self.context = context
        self.effective_severity = context.severities.get(self.code, self.severity)

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        return ()

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        """The edit that corrects the finding in `target` (the segment's target as checked), or None. An edit
        stays within the finding's span, save an article right before it ("a" → "an")."""
        return None

    def finish(self) -> Iterable[Finding]:
        return ()

    def state(self) -> object:
        """What this check kept from the segments it has seen, for `finish` (picklable; None if nothing).

        A run split into partitions (``--jobs``, Dask) checks each with fresh checks and merges their
        states, in document order, into one instance that then runs `finish`.
        """
        return None

    def merge(self, state: object) -> None:
        """Add the state of the partition that follows the ones merged so far."""

    def stopped(self) -> RuleStop | None:
        """Where the check stopped before the end of the run (a project rule that spent its budget), once merged."""
        return None

    def finding(
        self,
        analyzed: AnalyzedSegment,
        message: str,
        *,
        concept: str | None = None,
        found: str | None = None,
        expected: str | None = None,
        source_span: tuple[int, int] | None = None,
        target_span: tuple[int, int] | None = None,
        related: tuple[Location, ...] = (),
        found_term: str | None = None,
    ) -> Finding:
        seg = analyzed.segment
        line, column, end_column = where(seg, source_span, target_span)
        return Finding(
            code=self.code,
            check=self.name,
            severity=self.effective_severity,
            message=message,
            file=seg.file,
            line=line,
            segment=seg.id,
            concept=concept,
            found=found,
            expected=expected,
            source_span=source_span,
            target_span=target_span,
            related=related,
            segment_hash=analyzed.text_hash,
            column=column,
            end_column=end_column,
            found_term=found_term,
        )

    def finding_at(
        self,
        place: Location,
        message: str,
        *,
        expected: str | None,
        related: tuple[Location, ...],
        concept: str | None = None,
    ) -> Finding:
        """A whole-run finding (from `finish`), placed at a target span seen earlier."""
        return Finding(
            code=self.code,
            check=self.name,
            severity=self.effective_severity,
            message=message,
            file=place.file,
            line=place.line,
            segment=place.segment,
            column=place.column,
            concept=concept,
            found=place.text,
            expected=expected,
            target_span=(place.start, place.end),
            related=related,
            segment_hash=place.segment_hash,
        )


def where(
    segment: Segment, source_span: tuple[int, int] | None, target_span: tuple[int, int] | None
) -> tuple[int, int, int]:
    """The line, column and column after the end of what a finding points at: its target span, else its source
    span, else the target. The line is the element's (the target's, the source's), or where the reader knows
    each character's place, the line of the span's first character (a target may run over several lines)."""
    if target_span is not None or source_span is None:
        places, span, line = segment.target_places, target_span, segment.line
    else:
        places, span, line = segment.source_places, source_span, segment.source_line or segment.line
    known = span_place(places, span) if span is not None else None
    return known if known is not None else (line, 0, 0)


def target_location(analyzed: AnalyzedSegment, start: int, end: int, text: str) -> Location:
    """A place in the segment's target, for a whole-run finding or a finding's related places."""
    seg = analyzed.segment
    line, column, _after = where(seg, None, (start, end))
    return Location(seg.file, line, seg.id, start, end, text, analyzed.text_hash, column)
