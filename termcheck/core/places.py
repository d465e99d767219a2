"""Where the characters of a segment's text stand in its file, for formats whose text is not a line of its own.

A reader of XML (XLIFF, TMX) records a side's places as a flat tuple of (offset, line, column) triples, in
offset order: the character at `offset` of the plain text stands at `line`, `column` (both 1-based), and those
after it on the same line one column each, up to the next triple's offset. A column of 0 marks characters that
are not in the file as such (the space a reader reads an inline code as, the end of the text). A triple comes
at the start of every stretch of text, after every line break and after every character reference or
entity (`&amp;` is one character but five columns), so within a stretch the arithmetic is exact.
"""

from __future__ import annotations

Places = tuple[int, ...]


def place(places: Places, offset: int) -> tuple[int, int] | None:
    """The (line, column) of the character at `offset`, or None where it is not known exactly."""
    found = -1
    for index in range(0, len(places), 3):  # a side has a few triples: a scan beats a bisect over a copy
        if places[index] > offset:
            break
        found = index
    if found < 0 or offset < 0 or not places[found + 2]:
        return None
    start, line, column = places[found : found + 3]
    return line, column + offset - start


def span_place(places: Places, span: tuple[int, int]) -> tuple[int, int, int] | None:
    """(line, first column, column after the last) of a [start, end) span: the column of its first character,
    and after its last where that stands on the same line (one past the first for an empty span; 0 for a span
    that goes on to another line)."""
    start, end = span
    first = place(places, start)
    if first is None:
        return None
    line, column = first
    if end <= start:
        return line, column, column + 1
    last = place(places, end - 1)
    return line, column, last[1] + 1 if last is not None and last[0] == line and last[1] >= column else 0
