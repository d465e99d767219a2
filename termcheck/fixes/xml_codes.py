"""A corrected target whose inline codes a person placed (the labels of a Correction), written into an XLIFF or
TMX element.

Each code is the unit's own element: the target's, or the source's for a code the target had lost, with its
attributes and native content (a <ph> keeps the markup it stands for). Where the codes stay where they were,
only the text around them is edited, so comments and <mrk> inside the target are kept; where they move, the
target's content is built anew from the text and the codes, and a target holding anything else (a comment, a
<mrk>) is refused rather than lose it.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from collections.abc import Sequence

from lxml import etree

from termcheck.core.model import InlineCode
from termcheck.fixes.xml_text import set_plain_text
from termcheck.readers.inline import CLOSING, OPENING, STANDALONE, WITH_CONTENT, codes_and_elements
from termcheck.text.xmlsafe import localname

# a code as it stands in an element: kind, offset in the plain text, and the element that is it
_Placed = tuple[str, int, etree._Element]
_BY_HAND = "make this change in the file"


def place_codes(
    target: etree._Element, source: etree._Element | None, text: str, codes: Sequence[InlineCode]
) -> str | None:
    """Make `target` read `text` with `codes` at their offsets. None when done; else why not (`target` unchanged)."""
    elements = _elements_by_label(target, source)
    if any(use >= len(elements[code.label]) for code, use in _uses(codes)):
        return "a label of the correction matches no code of the unit in the file"
    originals = [elements[code.label][use] for code, use in _uses(codes)]
    saved = copy.deepcopy(target)
    wanted = [(code.kind, code.offset, original) for code, original in zip(codes, originals, strict=True)]
    if set_plain_text(target, text) and _reads_as(target, text, wanted):
        return None
    _restore(target, saved)
    kept = _what_would_be_lost(target)
    if kept:
        return f"the target holds {kept}, which rewriting it around the moved codes would lose; {_BY_HAND}"
    placed = _rebuild(target, text, codes, originals)
    if not _reads_as(target, text, placed):
        _restore(target, saved)
        return f"the codes would not read back where the correction puts them; {_BY_HAND}"
    _drop_spaces_the_codes_stand_for(target, text, placed, originals)
    return None


def _elements_by_label(target: etree._Element, source: etree._Element | None) -> dict[str, list[etree._Element]]:
    """Each label's elements in order: the target's, then the source's beyond as many as the target has."""
    found: dict[str, list[etree._Element]] = defaultdict(list)
    for code, element in codes_and_elements(target)[1]:
        found[code.label].append(element)
    if source is not None:
        from_source: dict[str, list[etree._Element]] = defaultdict(list)
        for code, element in codes_and_elements(source)[1]:
            from_source[code.label].append(element)
        for label, elements in from_source.items():
            found[label] += elements[len(found[label]) :]
    return found


def _uses(codes: Sequence[InlineCode]) -> list[tuple[InlineCode, int]]:
    """Each code with how many times its label came before it: the first {1} is the unit's first {1}."""
    seen: Counter[str] = Counter()
    uses = []
    for code in codes:
        uses.append((code, seen[code.label]))
        seen[code.label] += 1
    return uses


def _reads_as(target: etree._Element, text: str, wanted: Sequence[_Placed]) -> bool:
    read, placed = codes_and_elements(target)
    return (
        read == text
        and len(placed) == len(wanted)
        and all(
            code.kind == kind and code.offset == offset and element is node
            for (code, element), (kind, offset, node) in zip(placed, wanted, strict=True)
        )
    )


def _restore(target: etree._Element, saved: etree._Element) -> None:
    for child in list(target):
        target.remove(child)
    target.text = saved.text
    target.extend(copy.deepcopy(list(saved)))


def _what_would_be_lost(element: etree._Element) -> str:
    """A comment, processing instruction or element other than a code in the target (or inside a <g>/<pc>)."""
    for child in element:
        if isinstance(child, etree._Comment):
            return "a comment"
        if not isinstance(child.tag, str):
            return "a processing instruction"
        name = localname(child)
        if name in WITH_CONTENT:
            inside = _what_would_be_lost(child)
            if inside:
                return inside
        elif name not in OPENING | CLOSING | STANDALONE:
            return f"<{name}>"
    return ""


def _rebuild(
    target: etree._Element, text: str, codes: Sequence[InlineCode], originals: Sequence[etree._Element]
) -> list[_Placed]:
    """The target's content made anew: the text, and at each code's offset a copy of the unit's element (a paired
    code with content, <g> or <pc>, as a new element with the original's attributes around what it holds)."""
    for child in list(target):
        target.remove(child)
    target.text = None
    holders = [target]
    placed: list[_Placed] = []
    position = 0
    for code, original in zip(codes, originals, strict=True):
        _append_text(holders[-1], text[position : code.offset])
        position = code.offset
        if localname(original) in WITH_CONTENT:
            if code.kind == "open":
                holders.append(etree.SubElement(holders[-1], original.tag, attrib=dict(original.attrib)))
                node = holders[-1]
            else:
                node = holders.pop()
        else:
            node = copy.deepcopy(original)
            node.tail = None
            holders[-1].append(node)
        placed.append((code.kind, code.offset, node))
    _append_text(holders[-1], text[position:])
    return placed


def _append_text(holder: etree._Element, text: str) -> None:
    if not text:
        return
    if len(holder):
        holder[-1].tail = (holder[-1].tail or "") + text
    else:
        holder.text = (holder.text or "") + text


def _drop_spaces_the_codes_stand_for(
    target: etree._Element, text: str, placed: Sequence[_Placed], originals: Sequence[etree._Element]
) -> None:
    """The Target column shows a line break between words as "Drug{4/}Evaluation", but an editor (or a report
    written before labels stood in for the space) may type "Drug{4/} Evaluation": the space is the one the
    code reads as. A rebuilt "Drug<x/> Evaluation" reads the same, but the file had "Drug<x/>Evaluation"; so
    the space after a standalone code goes wherever the target reads the same without it, unless the code's own
    element in the input had a space after it."""
    for (kind, _offset, node), original in zip(placed, originals, strict=True):
        tail = node.tail or ""
        if kind != "standalone" or not tail.startswith(" ") or (original.tail or "")[:1].isspace():
            continue
        node.tail = tail[1:] or None
        if not _reads_as(target, text, placed):
            node.tail = tail
