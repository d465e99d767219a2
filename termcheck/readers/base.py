"""What every reader produces: documents of segments, read lazily."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from termcheck.model import Segment


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
