"""Lines and columns of the text of XML elements (a <target>, a <seg>), read from the file itself.

lxml gives an element's line (the line its start tag ends on) but no column, and an element's text is not
its bytes: `&lt;` is one character, a CDATA section's markers are nothing, inline codes are tags. So the
file is read a second time alongside the parser, forward, one line at a time (elements come in document
order): on the element's line the start tags of its name are found, the markup after each is read up to its
end tag, and the one whose text and structure are exactly the element's gives the places of its text
(`termcheck.core.places`). Where that cannot be made sure — no such start tag on the line (one that spans lines),
two that read the same, an encoding Python does not know, bytes that do not decode, an element longer than
MAX_LINES lines — the side gets no places, and findings in it a line but no column.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterator
from io import TextIOWrapper

from lxml import etree

from termcheck.core.places import Places
from termcheck.readers.inline import TextSlot

MAX_LINES = 1000  # an element's markup read for its places, at most
_START_TAGS: dict[tuple[str, str | None], tuple[str, re.Pattern[str]]] = {}  # by tag and prefix
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TOKEN = re.compile(
    r"""(?P<text>[^<&]+)
    |(?P<ref>&(?:\#[xX][0-9A-Fa-f]+|\#[0-9]+|[A-Za-z_][\w.-]*);)
    |(?P<cdata><!\[CDATA\[(?P<data>.*?)\]\]>)
    |(?P<comment><!--.*?-->)
    |(?P<pi><\?.*?\?>)
    |(?P<close></[^>]*>)
    |(?P<open><[^!?/](?:[^>"']|"[^"]*"|'[^']*')*>)""",
    re.DOTALL | re.VERBOSE,
)


def _encoding(path: str) -> str | None:  # raises OSError
    """How to decode the file as its parser does: by its byte-order mark, else its XML declaration, else UTF-8."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    declared = _DECLARED.match(head)
    name = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class TextPlaces:
    """The places of elements' text in one file, asked for in document order."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._file: TextIOWrapper | None = None
        self._opened = False
        self._first = 1  # the line number of self._lines[0]
        self._lines: list[str] = []

    def _open(self) -> None:
        self._opened = True
        encoding = _encoding(self._path)
        if encoding:
            # universal newlines: CR LF and CR are one line break, as the XML parser reads them
            self._file = open(self._path, encoding=encoding)  # noqa: SIM115 (closed by close())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> TextPlaces:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def of(self, element: etree._Element, text: str, slots: list[TextSlot]) -> Places:
        """The places of `text`, the plain text `termcheck.readers.inline` reads from `element` (with its
        `slots`); () where they are not sure."""
        line = element.sourceline or 0
        try:
            if not self._opened:
                self._open()
            if self._file is None or line < self._first:
                return ()
            return self._places(element, line, text, slots)
        except (UnicodeDecodeError, OSError):
            self.close()  # the parser reads the file as it is; places are a courtesy
            return ()
        except ValueError:  # a reference no parsed XML holds: this markup is not the element's
            return ()

    def _places(self, element: etree._Element, line: int, text: str, slots: list[TextSlot]) -> Places:
        buffer = self._line(line)
        if buffer is None:
            return ()
        key = (element.tag, element.prefix)
        known = _START_TAGS.get(key)
        if known is None:
            local = etree.QName(element).localname
            name = f"{element.prefix}:{local}" if element.prefix else local
            pattern = re.compile(rf"<{re.escape(name)}(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
            known = _START_TAGS[key] = (name, pattern)
        name, pattern = known
        plain = not len(element)  # no inline codes, nothing but text: its places are the anchors themselves
        pieces, bases = ([text], {}) if plain else _pieces(element)
        found: list[list[tuple[int, int, int]]] = []
        for start in pattern.finditer(buffer):
            empty = start.group().endswith("/>")
            anchors = None if empty else _read_simple(buffer, start.end(), line, f"</{name}>", pieces)
            if anchors is None:
                anchors = self._read(line, start.end(), empty, pieces)
            if anchors is not None:
                found.append(anchors)
        if len(found) != 1:
            return ()
        if plain:
            return (*(number for anchor in found[0] for number in anchor), len(text), 0, 0)
        return _plain_places(text, slots, found[0], bases)

    def _line(self, number: int) -> str | None:
        """Line `number` (lines before it are let go: nothing before it is asked for again). self._lines holds
        the lines from self._first on; the file's next line is the one after them."""
        drop = min(len(self._lines), max(0, number - self._first))
        del self._lines[:drop]
        self._first += drop
        while self._first + len(self._lines) <= number:
            if self._file is None:
                return None
            text = self._file.readline()
            if not text:
                return None
            if not self._lines and self._first < number:
                self._first += 1  # a line before the one asked for: not kept
                continue
            self._lines.append(text)
        return self._lines[number - self._first]

    def _more(self, count: int) -> str | None:
        """The line after the `count` lines kept from self._first on."""
        if count < len(self._lines):
            return self._lines[count]
        if self._file is None or count >= MAX_LINES:
            return None
        text = self._file.readline()
        if not text:
            return None
        self._lines.append(text)
        return text

    def _read(self, line: int, at: int, empty: bool, pieces: list[str]) -> list[tuple[int, int, int]] | None:
        """The (all-text offset, line, column) anchors of the markup from `at` on `line` to the element's end
        tag, if its text pieces are `pieces`; else None."""
        anchors: list[tuple[int, int, int]] = []
        read: list[str] = [""]  # text pieces, split at every tag as `_pieces` splits them
        offset = 0
        depth = 0 if empty else 1
        buffer = self._lines[line - self._first]
        used = line - self._first + 1  # lines of self._lines in the buffer
        line_starts = [0]  # offsets in the buffer where lines after `line` begin, then `line` itself at 0
        position = at

        def read_more() -> bool:
            """The next line of the file appended to the buffer; False at the end of the file."""
            nonlocal buffer, used
            more = self._more(used)
            if more is None:
                return False
            line_starts.append(len(buffer))
            buffer += more
            used += 1
            return True

        while depth:
            match = _TOKEN.match(buffer, position)
            if match is None or (match.end() == len(buffer) and match.lastgroup != "text"):
                # markup cut at the end of what is read so far (a tag, a CDATA section across lines), or none
                if not read_more():
                    return None
                continue
            kind = match.lastgroup
            if kind == "open":
                read.append("")
                if not match.group().endswith("/>"):
                    depth += 1
                else:
                    read.append("")  # an empty element: its text and its tail
            elif kind == "close":
                depth -= 1
                if depth:
                    read.append("")
            elif kind in ("text", "cdata", "ref"):
                text = match.group("data") if kind == "cdata" else match.group()
                begin = match.start("data") if kind == "cdata" else match.start()
                if kind == "ref":
                    text = _referenced(text)
                    anchors.append((offset, *_line_column(line, line_starts, begin)))
                else:
                    anchors += _run_anchors(offset, text, begin, line, line_starts)
                read[-1] += text
                offset += len(text)
            position = match.end()
            if position == len(buffer) and depth and not read_more():
                return None
        return anchors if read == pieces else None


_TAG = re.compile(r"<[^<>]*>")
_NOT_SIMPLE = re.compile(r"\n|<[!?]")
_REFERENCE_OR_TEXT = re.compile(r"&[^;&<]*;|[^&]+")


def _read_simple(buffer: str, at: int, line: int, end_tag: str, pieces: list[str]) -> list[tuple[int, int, int]] | None:
    """`TextPlaces._read` for the common case, quickly: the element's markup on one line, without CDATA,
    comments or processing instructions. None where it is not that case, or its pieces are not `pieces`
    (`_read` then reads it token by token)."""
    end = buffer.find(end_tag, at)
    if end == -1:
        return None
    content = buffer[at:end]
    if _NOT_SIMPLE.search(content):
        return None
    anchors: list[tuple[int, int, int]] = []
    read: list[str] = []
    offset = position = 0
    for tag in _TAG.finditer(content):
        piece = content[position : tag.start()]
        if "&" in piece:
            offset = _piece_with_references(piece, offset, (line, at + position + 1), anchors, read)
        else:
            if piece:
                anchors.append((offset, line, at + position + 1))
                offset += len(piece)
            read.append(piece)
        if tag.group().endswith("/>"):
            read.append("")  # an empty element: its text, then its tail
        position = tag.end()
    piece = content[position:]
    if "&" in piece:
        _piece_with_references(piece, offset, (line, at + position + 1), anchors, read)
    else:
        if piece:
            anchors.append((offset, line, at + position + 1))
        read.append(piece)
    return anchors if read == pieces else None


def _piece_with_references(
    piece: str, offset: int, where: tuple[int, int], anchors: list[tuple[int, int, int]], read: list[str]
) -> int:
    """Add raw text with references in it, which starts at `where`, to `read` (anchors: at its start and after
    each reference); the offset after it."""
    line, column = where
    text = []
    for match in _REFERENCE_OR_TEXT.finditer(piece):
        anchors.append((offset, line, column + match.start()))
        part = _referenced(match.group()) if match.group().startswith("&") else match.group()
        text.append(part)
        offset += len(part)
    read.append("".join(text))
    return offset


_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}


def _referenced(reference: str) -> str:
    """The character a reference stands for (an entity the parser did not know is refused before this)."""
    name = reference[1:-1]
    if name.startswith("#"):
        number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(number) if number <= 0x10FFFF else ""  # the parser refuses more; the pieces then differ
    return _PREDEFINED.get(name, "")


def _line_column(line: int, line_starts: list[int], position: int) -> tuple[int, int]:
    index = len(line_starts) - 1
    while line_starts[index] > position:
        index -= 1
    return line + index, position - line_starts[index] + 1


def _run_anchors(
    offset: int, text: str, begin: int, line: int, line_starts: list[int]
) -> Iterator[tuple[int, int, int]]:
    """An anchor at the start of a run of text and after each of its line breaks."""
    yield (offset, *_line_column(line, line_starts, begin))
    at = text.find("\n")
    while at != -1 and at + 1 < len(text):  # a break that ends the run: the next run has its own anchor
        yield (offset + at + 1, *_line_column(line, line_starts, begin + at + 1))
        at = text.find("\n", at + 1)


Bases = dict[tuple[etree._Element, str], int]


def _pieces(element: etree._Element) -> tuple[list[str], Bases]:
    """The element's text split at every tag in it (comments and processing instructions are not tags here:
    the text around one is one piece), and where each text or tail begins in the whole."""
    pieces = [element.text or ""]
    bases: Bases = {(element, "text"): 0}
    total = len(pieces[0])

    def walk(node: etree._Element) -> None:
        nonlocal total
        for child in node:
            if isinstance(child.tag, str):
                text = child.text or ""
                bases[(child, "text")] = total
                pieces.append(text)
                total += len(text)
                if len(child):
                    walk(child)
                pieces.append("")
            tail = child.tail
            if tail:
                bases[(child, "tail")] = total
                pieces[-1] += tail
                total += len(tail)

    if len(element):
        walk(element)
    return pieces, bases


def _plain_places(text: str, slots: list[TextSlot], anchors: list[tuple[int, int, int]], bases: Bases) -> Places:
    """The anchors (offsets in the element's whole text) as places of the plain text, whose characters are the
    whole text's save native code, and the spaces that codes read as."""
    starts = [a[0] for a in anchors]
    places: list[int] = []
    end = 0  # the plain offset after the last slot
    for slot in slots:
        if slot.start > end:
            places += (end, 0, 0)  # a space the reader put there
        whole = bases[(slot.owner, slot.attribute)]
        index = max(0, bisect_right(starts, whole) - 1)
        first_offset, line, column = anchors[index]
        places += (slot.start, line, column + whole - first_offset)
        for offset, line, column in anchors[index + 1 :]:
            if offset >= whole + slot.length:
                break
            places += (slot.start + offset - whole, line, column)
        end = slot.start + slot.length
    places += (max(end, len(text)), 0, 0)
    return tuple(places)
