"""Suppressions: findings a person judged (false positive, won't fix) that later runs skip — the entries and how
they find their findings again. The ignore file that stores them is termcheck.project.suppressions.

A suppression holds only while the segment's text is unchanged: the hash covers the source and the
target, so new MT output for that segment brings the finding back. It follows the text, not the line: a
suppression whose finding id no longer exists (a title line added above renumbers a text pair's
segments) is found again by its segment hash, check and found text in the same document. What matches
nothing is reported after the run (`unmatched`), never dropped in silence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from termcheck.core.model import Finding, Segment

IGNORE_FILE = ".termcheck-ignore"
FIELDS = ("id", "segment_hash", "file", "segment", "code", "status", "found", "comment")


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
    """The suppressions of one ignore file (or an earlier workbook's decisions), found again for findings."""

    def __init__(self, entries: Iterable[Suppression] = (), path: str = IGNORE_FILE) -> None:
        self.path = path
        self.entries: dict[str, Suppression] = {e.id: e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, finding: Finding) -> Suppression | None:
        """The entry for this finding's id, while its segment's text is what the reviewer saw."""
        entry = self.entries.get(finding.id)
        return entry if entry is not None and entry.segment_hash == finding.segment_hash else None

    def rematch(self, findings: Iterable[Finding], matched: set[str]) -> dict[str, Suppression]:
        """Finding id → entry, for the entries whose own finding is gone (not in `matched`): each is found
        again, once, by the first finding with the same document, text hash, check and found text: the
        segment was renumbered (a line added above), its text and the problem are the same. Adds to `matched`."""
        waiting: dict[tuple[str, str, str, str], list[Suppression]] = {}
        for entry in self.entries.values():
            if entry.id not in matched:
                waiting.setdefault((entry.file, entry.segment_hash, entry.code, entry.found), []).append(entry)
        found: dict[str, Suppression] = {}
        if not waiting:
            return found
        for finding in findings:
            queue = waiting.get((finding.file, finding.segment_hash, finding.code, _clean(finding.found or "")))
            if queue:
                entry = queue.pop(0)
                found[finding.id] = entry
                matched.add(entry.id)
        return found

    def covers(self, finding: Finding) -> bool:
        return self.match(finding) is not None

    def uncovered(self, findings: Iterable[Finding], matched: set[str] | None = None) -> list[Finding]:
        """The findings no suppression covers; the ids of the suppressions used are added to `matched`."""
        kept: list[Finding] = []
        for finding in findings:
            entry = self.match(finding)
            if entry is None:
                kept.append(finding)
            elif matched is not None:
                matched.add(entry.id)
        return kept

    def unmatched(self, matched: Iterable[str]) -> list[Suppression]:
        """The suppressions that matched no finding of a run (the text changed, or the finding is gone)."""
        used = set(matched)
        return [entry for entry_id, entry in self.entries.items() if entry_id not in used]
