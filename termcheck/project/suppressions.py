"""The ignore file: suppressions (termcheck.core.suppression) stored as tab-separated text, one per line, so it
diffs and merges well:

    finding-id  segment-hash  file  segment  code  status  found  comment
"""

from __future__ import annotations

from collections.abc import Iterable

from termcheck.core.atomic import OutputBatch, write_text_atomically
from termcheck.core.errors import InputError
from termcheck.core.suppression import FIELDS, Suppression, Suppressions
from termcheck.text.textio import read_text

HEADER = (
    "# termcheck ignore file: findings a reviewer marked False positive or Won't fix.\n"
    "# Written by `termcheck review apply`; one per line, tab-separated:\n"
    "# " + "\t".join(FIELDS) + "\n"
)


def describe_unmatched(entries: list[Suppression], what: str, where: str, shown: int = 3) -> str:
    """ "2 suppressions in .termcheck-ignore no longer match any finding: 1a2b… (a.txt 7 TC101 "found"), …" """
    listed = ", ".join(f'{e.id} ({e.file} {e.segment} {e.code} "{e.found}")' for e in entries[:shown])
    more = f", and {len(entries) - shown} more" if len(entries) > shown else ""
    plural = "s" if len(entries) != 1 else ""
    verb = "no longer match" if len(entries) != 1 else "no longer matches"
    return f"{len(entries)} {what}{plural} in {where} {verb} any finding: {listed}{more}"


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


def save_suppressions(path: str, entries: Iterable[Suppression], batch: OutputBatch | None = None) -> None:
    body = "".join(entry.to_line() + "\n" for entry in entries)
    write_text_atomically(path, HEADER + body, batch)
