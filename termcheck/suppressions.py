"""Suppressions: findings a person judged (false positive, won't fix) that later runs skip.

The ignore file is tab-separated text, one suppression per line, so it diffs and merges well:

    finding-id  segment-hash  file  segment  code  status  found  comment

A suppression holds only while the segment's text is unchanged: the hash covers the source and the
target, so new MT output for that segment brings the finding back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from termcheck.atomic import write_text_atomically
from termcheck.errors import InputError
from termcheck.model import Finding, Segment
from termcheck.textio import read_text

IGNORE_FILE = ".termcheck-ignore"
FIELDS = ("id", "segment_hash", "file", "segment", "code", "status", "found", "comment")
HEADER = (
    "# termcheck ignore file: findings a reviewer marked False positive or Won't fix.\n"
    "# Written by `termcheck review apply`; one per line, tab-separated:\n"
    "# " + "\t".join(FIELDS) + "\n"
)


def segment_hash(segment: Segment) -> str:
    text = f"{segment.source or ''}\x1f{segment.target}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _clean(value: str) -> str:
    return " ".join(value.split())  # no tabs or newlines inside a field


@dataclass(frozen=True)
class Suppression:
    id: str
    segment_hash: str
    file: str
    segment: str
    code: str = ""
    status: str = ""
    found: str = ""
    comment: str = ""

    def to_line(self) -> str:
        return "\t".join(_clean(getattr(self, name)) for name in FIELDS)


class Suppressions:
    """The suppressions of one ignore file, looked up by finding id."""

    def __init__(self, entries: Iterable[Suppression] = (), path: str = IGNORE_FILE) -> None:
        self.path = path
        self.entries: dict[str, Suppression] = {e.id: e for e in entries}
        self._segments = {(e.file, e.segment) for e in self.entries.values()}

    def __len__(self) -> int:
        return len(self.entries)

    def wants_hash(self, segment: Segment) -> bool:
        """Whether a finding in this segment might be suppressed (so its text hash is needed)."""
        return (segment.file, segment.id) in self._segments

    def covers(self, finding: Finding, hashes: Mapping[tuple[str, str], str]) -> bool:
        entry = self.entries.get(finding.id)
        return entry is not None and hashes.get((finding.file, finding.segment)) == entry.segment_hash

    def uncovered(self, findings: Iterable[Finding], hashes: Mapping[tuple[str, str], str]) -> list[Finding]:
        """The findings no suppression covers."""
        return [f for f in findings if not self.covers(f, hashes)]


def load_suppressions(path: str) -> Suppressions:
    entries: list[Suppression] = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 4 or not all(fields[:4]):
            raise InputError(path, "expected tab-separated id, segment hash, file, segment", number)
        fields += [""] * (len(FIELDS) - len(fields))
        entries.append(Suppression(*fields[: len(FIELDS)]))
    return Suppressions(entries, path)


def save_suppressions(path: str, entries: Iterable[Suppression]) -> None:
    body = "".join(entry.to_line() + "\n" for entry in entries)
    write_text_atomically(path, HEADER + body)
