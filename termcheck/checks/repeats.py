"""Which segments of a run repeat one side and differ in the other, for the segment consistency checks.

A run may hold a million segments, and a repeat may lie anywhere in it, across documents and
partitions. Each partition keeps a row per segment (a key for the side that repeats, a key for the
side that varies, and where the segment is). The main process keeps the merged rows in memory while
few; past SPILL_AT it files them on disk (termcheck.core.spill) in buckets by range of group key, so
that at the end one bucket at a time is read back and grouped: memory stays flat however big the run.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from termcheck.checks.base import Check, CheckContext, target_location
from termcheck.core.model import Finding, InlineCode, Location, Segment
from termcheck.core.spill import SpillFile
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.text.inline_display import with_codes
from termcheck.text.normalize import fold_chinese, without_invisible

# A group may hold thousands of repeats: a finding points at the first place of each variant (at most this many),
# and its message lists the first few variants with their counts
MAX_RELATED = 200
MAX_LISTED = 5
_NOT_LETTER = re.compile(r"[\W_]")
SPILL_AT = 5_000  # merged rows kept in memory before they go to disk (about 1.5 MB)
BUCKET_SHIFT = 56  # on disk in 256 buckets, by the top 8 bits of the 64-bit group key: a bucket is read whole

# group key, variant key, variant text (None: the place's text), then the place
Row = tuple[int, int, str | None, str, int, str, int, int, str, str, int]


def _key(text: str) -> int:
    """A stable 64-bit key (the same in every process, unlike hash()) of normalised text."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass(frozen=True, slots=True)
class SegmentKeys:
    source: int | None  # None: no source, or nothing in it once folded
    target: int | None  # None: nothing in the target once folded
    source_letters: int  # Han characters, letters and digits (counted up to 16): how much the source says
    target_words: int


def codes_as_breaks(text: str, codes: tuple[InlineCode, ...]) -> str:
    """The text with a space where each inline code stands: what a code holds (`<ph>&lt;b&gt;</ph>`), its id and
    whether the reader read it as a space are not the words of a translation, and the spaces around a code vary
    (both sides are compared with their whitespace folded)."""
    if not codes:
        return text
    cuts = sorted({min(max(code.offset, 0), len(text)) for code in codes})
    return " ".join(text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True))


def keys_of(segment: Segment) -> SegmentKeys:
    return segment_keys(segment.source, segment.target, segment.source_codes, segment.target_codes)


def shown(text: str, codes: tuple[InlineCode, ...]) -> str | None:
    """How a variant reads to a person where its side has inline codes (their labels where they stand); None
    where it has none (the text itself)."""
    return with_codes(text, codes)[0] if codes else None


@lru_cache(maxsize=2)  # TC223 and TC224 ask for the same segment one after the other
def segment_keys(
    source: str | None,
    target: str,
    source_codes: tuple[InlineCode, ...] = (),
    target_codes: tuple[InlineCode, ...] = (),
) -> SegmentKeys:
    """The segment's sides as the consistency checks compare them, inline codes as word breaks. A source has width
    and Traditional/Simplified folded and whitespace dropped (Chinese puts none between words, and the spacing
    around Latin text varies from writer to writer); a target has only whitespace and invisible characters
    folded."""
    folded_source = (
        "".join(without_invisible(fold_chinese(codes_as_breaks(source, source_codes)))[0].split()) if source else ""
    )
    words = without_invisible(codes_as_breaks(target, target_codes))[0].split()
    return SegmentKeys(
        _key(folded_source) if folded_source else None,
        _key(" ".join(words)) if words else None,
        len(_NOT_LETTER.sub("", folded_source)) if len(folded_source) < 16 else 16,
        len(words),
    )


@dataclass
class Variant:
    """One way the varying side reads within a group: its text, how often, and where it is first."""

    text: str
    first: Location
    count: int = 0


class RepeatTable:
    """Rows of one check: kept in a list within a partition; once merged, in memory while few, on disk when many."""

    def __init__(self, spill_at: int | None = None) -> None:
        self.rows: list[Row] = []
        self._spill_at = SPILL_AT if spill_at is None else spill_at
        self._merged: list[Row] = []
        self._disk: SpillFile[Row] | None = None

    def add(self, group: int, variant: int, variant_text: str | None, analyzed: AnalyzedSegment) -> None:
        """A row for the segment, whose place is its whole target."""
        at = target_location(analyzed, 0, len(analyzed.segment.target), analyzed.segment.target)
        place = (at.file, at.line, at.segment, at.start, at.end, at.text, at.segment_hash, at.column)
        self.rows.append((group, variant, variant_text, *place))

    def merge(self, rows: list[Row]) -> None:
        self._merged.extend(rows)
        if len(self._merged) >= self._spill_at:
            self._spill()

    def _spill(self) -> None:
        if self._disk is None:
            self._disk = SpillFile("termcheck-repeats-")
        buckets: dict[int, list[Row]] = {}
        for row in self._merged:
            buckets.setdefault((row[0] + 2**63) >> BUCKET_SHIFT, []).append(row)
        for bucket, rows in buckets.items():
            self._disk.add(bucket, rows)
        self._merged = []

    def all_rows(self) -> list[Row]:
        """Every row the table holds, merged, spilled or its own, each group's in the order they came: what a merged
        table hands on when it is itself merged again (a node of a cluster's merge tree)."""
        rows: list[Row] = []
        if self._disk is not None:
            for bucket in self._disk.filed_keys():
                rows.extend(self._disk.read(bucket))
        return [*rows, *self._merged, *self.rows]

    def groups(self) -> Iterator[list[Variant]]:
        """Each group whose rows have two variants or more, in order of group key: its variants in order of first
        sight."""
        self.merge(self.rows)  # rows checked by this instance itself (a run in one partition)
        self.rows = []
        if self._disk is None:
            rows, self._merged = self._merged, []
            yield from _grouped(rows)
            return
        self._spill()
        try:
            for bucket in self._disk.filed_keys():
                yield from _grouped(self._disk.read(bucket))
        finally:
            self._disk.close()
            self._disk = None


def _grouped(rows: Iterable[Row]) -> Iterator[list[Variant]]:
    """The groups of `rows` with two variants or more, by group key. A group costs its variants, not its rows:
    a source repeated a hundred thousand times in three translations is three Variants."""
    groups: dict[int, dict[int, Variant]] = {}
    for group, var, label, file, line, segment, start, end, text, digest, column in rows:
        variants = groups.setdefault(group, {})
        variant = variants.get(var)
        if variant is None:
            first = Location(file, line, segment, start, end, text, digest, column)
            variant = variants[var] = Variant(text if label is None else label, first)
        variant.count += 1
    for group in sorted(groups):
        if len(groups[group]) > 1:
            yield list(groups[group].values())


def listing(variants: list[Variant], marked: Variant | None = None, note: str = "") -> str:
    """The first MAX_LISTED variants as '"text" N×', `marked` first with `note`, then "and N more"."""
    ordered = ([marked] if marked else []) + [v for v in variants if v is not marked]
    shown = ordered[:MAX_LISTED]
    texts = excerpts([v.text for v in shown])
    parts = [f'"{t}" {v.count}×' + (f" ({note})" if v is marked else "") for v, t in zip(shown, texts, strict=True)]
    more = len(ordered) - len(shown)
    return ", ".join(parts) + (f", and {more} more" if more else "")


def related(variants: list[Variant], first: Variant | None = None) -> tuple[Location, ...]:
    """The first place of each variant (`first`'s leading), at most MAX_RELATED."""
    ordered = ([first] if first else []) + [v for v in variants if v is not first]
    return tuple(v.first for v in ordered[:MAX_RELATED])


def excerpts(texts: list[str], limit: int = 60, context: int = 20) -> list[str]:
    """Each text shortened to about `limit` characters around where the texts first differ, so that two
    long translations that differ in one comma do not read the same in a message."""
    if all(len(t) <= limit for t in texts):
        return texts
    same = len(os.path.commonprefix(texts))  # noqa: RUF071 (characters are what is wanted here)
    start = 0 if same <= context else texts[0].rfind(" ", 0, same - context) + 1
    return [_cut(t, start, limit) for t in texts]


def _cut(text: str, start: int, limit: int) -> str:
    head = "…" if start > 0 else ""
    rest = text[start:]
    if len(rest) <= limit:
        return head + rest
    space = rest.rfind(" ", 0, limit)
    return head + rest[: space if space > limit // 2 else limit - 1].rstrip() + "…"


class RepeatCheck(Check):
    """A whole-run check over repeated segments: rows go to a RepeatTable in `check_segment`, and `finish`
    reports each group with two variants or more through `group_finding`."""

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self.table = RepeatTable()

    def state(self) -> object:
        return self.table.all_rows()

    def merge(self, state: object) -> None:
        assert isinstance(state, list)
        self.table.merge(state)

    def finish(self) -> Iterable[Finding]:
        for variants in self.table.groups():
            yield self.group_finding(variants)

    def group_finding(self, variants: list[Variant]) -> Finding:
        raise NotImplementedError
