"""What every reader produces: documents of segments, read lazily."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from termcheck.core.errors import InputError
from termcheck.core.model import Segment


@dataclass(frozen=True)
class FieldNames:
    """Column names (TSV/CSV) or keys (JSONL) of the id, source and target; None = the defaults."""

    id: str | None = None
    source: str | None = None
    target: str | None = None


DEFAULT_ID = ("id", "segment", "seg_id", "segment_id", "key", "tuid")
DEFAULT_SOURCE = ("zh", "source", "src", "zh-cn", "zh_cn", "zh-hans", "chinese")
DEFAULT_TARGET = ("en", "target", "tgt", "mt", "translation", "hyp", "hypothesis", "en-us", "english")


@dataclass(frozen=True)
class Pair:
    """A Chinese source file and its line-aligned English target."""

    source: str
    target: str


@dataclass(frozen=True)
class Document:
    """One input document. `read()` yields its segments; `paths` are the files it reads."""

    name: str
    paths: tuple[str, ...]
    read: Callable[[], Iterator[Segment]]
    format: str
    locale: str = ""  # the English target's locale where the file says it ("en-US" in XLIFF or TMX); "" unknown
    # what reading it showed that a person should know (ids made unique), once each; filled as it is read
    notes: list[str] = field(default_factory=list, hash=False, compare=False)


DUPLICATE_MARK = "~"


def unique_ids(segments: Iterator[Segment], notes: list[str], name: str) -> Iterator[Segment]:
    """The segments with ids unique in their document: a repeated id (two TSV rows "7", two TMX tuids "7")
    becomes "7~2", "7~3"…, the same on every read, and the document gets one note saying so.

    Findings, suppressions, fingerprints and the Excel report all name a segment by (document, id), so two
    segments with one id would share findings' ids and decisions."""
    seen: set[str] = set()
    repeated: dict[str, int] = {}
    for segment in segments:
        if segment.id not in seen:
            seen.add(segment.id)
            yield segment
            continue
        count = repeated.get(segment.id, 1)
        renamed = segment.id
        while renamed in seen:
            count += 1
            renamed = f"{segment.id}{DUPLICATE_MARK}{count}"
        repeated[segment.id] = count
        seen.add(renamed)
        yield dataclasses.replace(segment, id=renamed)
    if repeated:
        first = next(iter(repeated))
        note = (
            f"{name}: {len(repeated)} segment id{'s occur' if len(repeated) > 1 else ' occurs'} more than once "
            f'(first "{first}"); the later ones are named "{first}{DUPLICATE_MARK}2" and so on'
        )
        if note not in notes:
            notes.append(note)


class TextDigest:
    """A digest of a document's segments as they were read: ids and texts, in order."""

    def __init__(self) -> None:
        self._hash = hashlib.sha1()

    def add(self, segment: Segment) -> None:
        self._hash.update(f"{segment.id}\x1f{segment.source or ''}\x1f{segment.target}\x1e".encode("utf-8", "replace"))

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def reread(document: Document, digest: str) -> Iterator[Segment]:
    """The document's segments read again (for the Excel Segments sheet, for scores), and an InputError at the
    end if they are not what was checked: a report is a snapshot, never old findings beside new text."""
    again = TextDigest()
    for segment in document.read():
        again.add(segment)
        yield segment
    if digest and again.hexdigest() != digest:
        raise InputError(document.name, "changed while termcheck checked it; run the check again")
