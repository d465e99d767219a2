"""A corrected target written into an XLIFF or TMX element, its inline codes left where they are."""

from __future__ import annotations

from difflib import SequenceMatcher

from lxml import etree

from termcheck.readers.inline import TextSlot, text_and_codes, text_slots


def set_plain_text(element: etree._Element, new: str) -> bool:
    """Change the element's text so that it reads `new`, editing only the text around its codes. False
    (and the element unchanged) where a change would cross a code: a person must place it."""
    old, slots = text_slots(element)
    if old == new:
        return True
    changes: dict[int, list[tuple[int, int, str]]] = {}  # slot index → (start, end, text) within the slot
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        index = _slot_holding(slots, i1, i2)
        if index is None:
            return False
        start = slots[index].start
        changes.setdefault(index, []).append((i1 - start, i2 - start, new[j1:j2]))
    saved = [(s.owner, s.attribute, getattr(s.owner, s.attribute)) for s in slots]
    for index, edits in changes.items():
        slot = slots[index]
        value: str = getattr(slot.owner, slot.attribute) or ""
        for start, end, text in sorted(edits, reverse=True):
            value = value[:start] + text + value[end:]
        setattr(slot.owner, slot.attribute, value)
    if text_and_codes(element)[0] != new:  # the codes read differently now (a space they stood for): undo
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)
        return False
    return True


def _slot_holding(slots: list[TextSlot], start: int, end: int) -> int | None:
    """The slot whose text holds [start, end); an insertion at a slot's edge goes to the slot it ends."""
    for index, slot in enumerate(slots):
        if slot.start <= start and end <= slot.start + slot.length:
            if start == end == slot.start and index and slots[index - 1].start + slots[index - 1].length == start:
                return index - 1
            return index
    return None
