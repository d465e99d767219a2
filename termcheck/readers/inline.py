"""Inline codes of XLIFF 1.2, XLIFF 2.0 and TMX: the plain text the checks read, and the codes beside it.

A code is a tag of the original format (bold, a link, a line break, an image, `{0}`). The text keeps
what a reader sees: the content of paired codes (<g>, <pc>, <hi>, and what lies between <bpt>/<ept>,
<bx>/<ex>, <sc>/<ec>) with the codes themselves as nothing, and a standalone code (<x>, <ph>, <it>,
<ut>) as a space where it separates words ("Drug<x ctype="lb"/>Evaluation" reads "Drug Evaluation",
"book.<x/>See" reads "book. See") but as nothing inside a word, next to a space, or between Chinese
characters. Native code inside <ph>, <bpt>… (the original tag's text) is never text.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from lxml import etree

from termcheck.core.model import InlineCode
from termcheck.text.xmlsafe import NATIVE_CODE, localname

WITH_CONTENT = frozenset({"g", "pc", "hi"})  # one element: opens, holds text, closes
OPENING = frozenset({"bpt", "bx", "sc"})
CLOSING = frozenset({"ept", "ex", "ec"})
STANDALONE = frozenset({"x", "ph", "it", "ut"})
# Attributes that pair a closing code with its opening one, and a target code with the source's, in order
# of preference: XLIFF 1.2 bx/ex `rid`, XLIFF 2.0 ec `startRef`, TMX `i` (bpt/ept) and `x`, then `id`.
ID_ATTRIBUTES = ("rid", "startRef", "i", "id", "x")
# XML 1.0 cannot hold these two characters, so as marks in the assembled text they never meet real text.
_STANDALONE, _PAIRED = "\x00", "\x01"
_BREAKING = ("lb", "image", "x-lb", "xlf:lb", "xlf:pb", "pb")
# a code as the walk meets it: kind, id, element name, whether a standalone code breaks words, the element
_Mark = tuple[str, str, str, bool, etree._Element]


@dataclass(frozen=True)
class TextSlot:
    """Where a stretch of the plain text lives in the XML: `owner.text` or `owner.tail` (`attribute`), which
    holds the plain text's characters from `start` on, `length` of them."""

    owner: etree._Element
    attribute: str  # "text" or "tail"
    start: int
    length: int


def text_and_codes(element: etree._Element) -> tuple[str, tuple[InlineCode, ...]]:
    text, codes, _slots, _elements = _assemble(element)
    return text, codes


def text_codes_and_slots(element: etree._Element) -> tuple[str, tuple[InlineCode, ...], list[TextSlot]]:
    """`text_and_codes` and `text_slots` at once."""
    text, codes, slots, _elements = _assemble(element)
    return text, codes, slots


def text_slots(element: etree._Element) -> tuple[str, list[TextSlot]]:
    """The plain text `text_and_codes` reads, and where each stretch of it is in the XML (for writing a
    corrected target back into the element without touching its codes)."""
    text, _codes, slots, _elements = _assemble(element)
    return text, slots


def codes_and_elements(element: etree._Element) -> tuple[str, list[tuple[InlineCode, etree._Element]]]:
    """The plain text `text_and_codes` reads, and each code with the element it is (a <g> or <pc> is the one
    element of its opening and its closing code)."""
    text, codes, _slots, elements = _assemble(element)
    return text, list(zip(codes, elements, strict=True))


def _assemble(
    element: etree._Element,
) -> tuple[str, tuple[InlineCode, ...], list[TextSlot], list[etree._Element]]:
    pieces: list[str] = []
    marks: list[_Mark] = []
    owners: list[tuple[etree._Element, str, int]] = []  # (element, "text" or "tail", index of its piece)
    _walk(element, pieces, marks, owners)
    raw = "".join(pieces)
    starts = list(accumulate(map(len, pieces), initial=0))  # piece index → index in the raw text
    owners = [(o, a, starts[i]) for o, a, i in owners]
    if not marks:
        return raw, (), [TextSlot(o, a, i, len(getattr(o, a) or "")) for o, a, i in owners if getattr(o, a)], []
    text: list[str] = []
    length = 0
    codes = []
    plain_at = [0] * (len(raw) + 1)  # raw index → plain index
    queue = iter(marks)
    for index, char in enumerate(raw):
        plain_at[index] = length
        if char not in (_STANDALONE, _PAIRED):
            text.append(char)
            length += 1
            continue
        kind, ident, name, breaking, _node = next(queue)
        spaced = char == _STANDALONE and _reads_as_space(text, raw, index, breaking)
        codes.append(InlineCode(kind, ident, length, name, spaced))
        if spaced:
            text.append(" ")
            length += 1
    plain_at[len(raw)] = length
    slots = [TextSlot(o, a, plain_at[i], len(getattr(o, a) or "")) for o, a, i in owners if getattr(o, a)]
    return "".join(text), tuple(codes), slots, [m[4] for m in marks]


def _walk(
    element: etree._Element,
    pieces: list[str],
    marks: list[_Mark],
    owners: list[tuple[etree._Element, str, int]],
) -> None:
    owners.append((element, "text", len(pieces)))
    pieces.append(element.text or "")
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction: not text, but its tail is
            owners.append((child, "tail", len(pieces)))
            pieces.append(child.tail or "")
            continue
        name = localname(child)
        ident = next((child.get(a) for a in ID_ATTRIBUTES if child.get(a)), "") or f"{name}{len(marks) + 1}"
        if name in WITH_CONTENT:
            marks.append(("open", ident, name, False, child))
            pieces.append(_PAIRED)
            _walk(child, pieces, marks, owners)
            marks.append(("close", ident, name, False, child))
            pieces.append(_PAIRED)
        elif name in OPENING or name in CLOSING:
            marks.append(("open" if name in OPENING else "close", ident, name, False, child))
            pieces.append(_PAIRED)
        elif name in STANDALONE:
            marks.append(("standalone", ident, name, _breaks_words(child), child))
            pieces.append(_STANDALONE)
        elif name not in NATIVE_CODE:  # <mrk>, <sm>/<em> and unknown elements: their text is text
            _walk(child, pieces, marks, owners)
        owners.append((child, "tail", len(pieces)))
        pieces.append(child.tail or "")


def _breaks_words(code: etree._Element) -> bool:
    """A line break or an image (by its declared type, or the native tag it stands for)."""
    declared = " ".join(code.get(a) or "" for a in ("ctype", "type", "subType", "pos")).lower().split()
    native = "".join(code.itertext()).lower().lstrip()
    return (
        any(t in _BREAKING for t in declared) or native.startswith(("<br", "<img", "\\n")) or code.get("equiv") == "\n"
    )


def _reads_as_space(text: list[str], raw: str, index: int, breaking: bool) -> bool:
    before = text[-1] if text else ""
    end = index + 1
    while end < len(raw) and raw[end] in (_STANDALONE, _PAIRED):  # the next character of text, not a copy of the rest
        end += 1
    after = raw[end] if end < len(raw) else ""
    if not before or not after or before.isspace() or after.isspace():
        return False
    if _is_cjk(before) and _is_cjk(after):
        return False
    if breaking:
        return True
    return not (before.islower() and after.islower())  # inside a word: "multi<x/>ple"


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"
