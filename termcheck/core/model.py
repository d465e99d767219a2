"""The data that flows between layers: segments in, findings out."""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass, field, fields
from enum import IntEnum
from typing import Any, TypeVar

from termcheck.core.places import Places

_Class = TypeVar("_Class", bound=type)


def _pickled_as_tuple(cls: _Class) -> _Class:
    """Pickle as (class, field values): about twice as fast both ways as a slots dataclass's own state,
    and segments and findings cross process boundaries and spill to disk by the million."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return (cls, values(self))

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 (assigning a method to a class)
    return cls


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning or info)") from None

    @classmethod
    def parse_fail_on(cls, name: str) -> Severity | None:
        """A --fail-on (or fail-on) level: a severity, or never (None: findings do not change the exit code)."""
        if name.strip().lower() in ("never", "none"):
            return None
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use error, warning, info or never)") from None


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class InlineCode:
    """An inline code of XLIFF or TMX (a tag of the original format: bold, a link, a line break, `{0}`),
    kept beside the plain text the checks read. `offset` is where it stands in that text."""

    kind: str  # "open", "close" or "standalone"
    id: str  # pairs an open code with its close, and a source code with its target one
    offset: int
    element: str = ""  # the XML element it came from: g, x, bpt, ph, pc, sc…
    # a standalone code the text reads as a space ("Drug<x/>Evaluation" reads "Drug Evaluation"): that space,
    # at `offset`, is the code's and not the writer's, so a person sees the code's label in its place
    spaced: bool = False

    @property
    def label(self) -> str:
        """How a person reads it: {1}, {/1}, {1/}."""
        return {"open": f"{{{self.id}}}", "close": f"{{/{self.id}}}"}.get(self.kind, f"{{{self.id}/}}")


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Segment:
    """One translation unit. `source` is None in target-only mode. XLIFF and TMX segments carry their
    inline codes apart from the text (`source_codes`, `target_codes`). `line` is where the target is (an
    XLIFF <target>, a TMX English <seg>: the line its start tag ends on), `source_line` the source's where
    that is another element; `target_places` and `source_places`, where known exactly, give each character's
    line and column (termcheck.core.places)."""

    id: str
    source: str | None
    target: str
    file: str
    line: int
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    pending: bool = False  # an empty target whose state says it is not translated yet (XLIFF new, initial)
    source_line: int = 0  # 0: the source is on `line` too, or has no line of its own
    target_places: Places = ()
    source_places: Places = ()


def columns(span: tuple[int, int]) -> tuple[int, int]:
    """A 0-based [start, end) character span as 1-based columns: the first, and the one after the last
    (an empty span still covers one column, as SARIF and GitHub annotations need)."""
    start, end = span
    return start + 1, max(end, start + 1) + 1


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int
    segment: str
    start: int
    end: int
    text: str
    segment_hash: str = ""  # of the segment's text when it was checked (termcheck.project.suppressions.segment_hash)
    column: int = 0  # of `start` on `line`, where the reader knows it exactly (XLIFF, TMX); 0 unknown


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    check: str
    severity: Severity
    message: str
    file: str
    line: int
    segment: str
    concept: str | None = None
    found: str | None = None
    expected: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    related: tuple[Location, ...] = field(default=())
    # the segment's text hash when it was checked: writers, suppressions and fingerprints read it here and
    # never look the segment up again, so a report is a snapshot of what was checked
    segment_hash: str = ""
    # the second, third… finding of one check, concept and text in one segment ("hormone therapy failure"
    # twice): 2, 3…; 0 for the first, whose id is what it always was
    occurrence: int = 0
    # the column of the first character of the span the finding points at (the target's, else the source's) on
    # `line`, and the column after its last (0 where the span goes on to another line), where the reader knows
    # them exactly (XLIFF, TMX: termcheck.core.places); 0 unknown. Plain text has them from its spans instead.
    column: int = 0
    end_column: int = 0
    # the glossary term `found` is a form of, as the glossary lists it ("Ningde Times" for "Ningde Times",
    # "universal stem cell" for "universal stem cells"): a fix judges the found text's number against it
    found_term: str | None = None

    @property
    def id(self) -> str:
        """Unique in a run and stable across reruns: the same problem in the same place gets the same id."""
        parts = [self.file, self.segment, self.code, self.concept or "", self.found or ""]
        if self.occurrence > 1:
            parts.append(f"#{self.occurrence}")
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
