"""XLIFF 1.2 (<trans-unit>) and 2.0 (<unit>/<segment>). Units without a target are skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from termcheck.core.errors import InputError
from termcheck.core.model import InlineCode, Segment
from termcheck.core.places import Places
from termcheck.readers.inline import text_codes_and_slots
from termcheck.readers.positions import TextPlaces
from termcheck.text.langs import is_chinese, is_english
from termcheck.text.xmlsafe import children, iterparse, localname

UNIT_TAGS = ("{*}trans-unit", "{*}unit", "{*}file", "{*}xliff")
# Target states that say "not translated yet": XLIFF 1.2 `new` and `needs-translation`, XLIFF 2.0 `initial`.
PENDING_STATES = frozenset({"new", "needs-translation", "initial"})


def _check_languages(path: str, element: etree._Element, source_attr: str, target_attr: str) -> None:
    source, target = element.get(source_attr), element.get(target_attr)
    if source and not is_chinese(source):
        raise InputError(path, f"source language is {source}; termcheck checks Chinese → English", element.sourceline)
    if target and not is_english(target):
        raise InputError(path, f"target language is {target}; termcheck checks Chinese → English", element.sourceline)


_FILE_TAG = re.compile(rb"<(?:[\w.-]+:)?file[\s>/]")


def several_files(path: str) -> bool:
    """Whether the XLIFF has two or more <file> elements (a raw scan, stopped at the second)."""
    found = 0
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            found += len(_FILE_TAG.findall(tail + chunk))
            if found >= 2:
                return True
            tail = chunk[-32:]
            found -= len(_FILE_TAG.findall(tail))  # counted again with the next chunk
    return False


def read_xliff(path: str, name: str | None = None, targets: list[etree._Element] | None = None) -> Iterator[Segment]:
    """Unit ids are unique only within a <file>, so in an XLIFF of several files (a CAT package) each id is
    qualified by its file's `original` (or its position): "chapter1.docx/1".

    With `targets`, the whole document is kept (comments too) and each segment's <target> element is appended
    to it as the segment is yielded: what `termcheck fix` writes corrected targets into."""
    with TextPlaces(path) as places:
        yield from _read(path, name or path, targets, places)


def _read(path: str, label: str, targets: list[etree._Element] | None, places: TextPlaces) -> Iterator[Segment]:
    count = 0
    checked_root = False
    qualify = several_files(path)
    files = 0
    prefix = ""
    keep = targets is not None
    for element in iterparse(path, UNIT_TAGS, whole=keep):
        if not checked_root:
            root = element.getroottree().getroot()
            if localname(root) != "xliff":
                raise InputError(path, f"not an XLIFF file (root element <{localname(root)}>)")
            _check_languages(path, root, "srcLang", "trgLang")
            checked_root = True
        name = localname(element)
        if qualify and not prefix:
            files += 1
            holder = element.getparent()
            while holder is not None and localname(holder) != "file":
                holder = holder.getparent()
            prefix = f"{(holder.get('original') if holder is not None else None) or f'file{files}'}/"
        if name in ("trans-unit", "unit") and _not_translatable(element):
            if not keep:
                element.clear(keep_tail=False)
            continue
        if name == "trans-unit":
            source, target = children(element, "source"), children(element, "target")
            if target:
                count += 1
                pending = target[0].get("state") in PENDING_STATES
                if targets is not None:
                    targets.append(target[0])
                yield _segment(prefix + (element.get("id") or str(count)), source, target[0], label, pending, places)
            if not keep:
                element.clear(keep_tail=False)
        elif name == "unit":
            segments = children(element, "segment")
            for index, seg in enumerate(segments, start=1):
                source, target = children(seg, "source"), children(seg, "target")
                if not target:
                    continue
                count += 1
                unit_id = prefix + (element.get("id") or str(count))
                seg_id = unit_id if len(segments) == 1 else f"{unit_id}/{seg.get('id') or index}"
                pending = seg.get("state") in PENDING_STATES
                if targets is not None:
                    targets.append(target[0])
                yield _segment(seg_id, source, target[0], label, pending, places)
            if not keep:
                element.clear(keep_tail=False)
        elif name == "file":
            _check_languages(path, element, "source-language", "target-language")
            prefix = ""  # the next unit is in the next file
    if not checked_root:
        raise InputError(path, "not an XLIFF file (no <xliff> element)")
    if count == 0:
        raise InputError(path, "no translated units (no <target> elements)")


def _segment(
    ident: str, source: list[etree._Element], target: etree._Element, label: str, pending: bool, places: TextPlaces
) -> Segment:
    """`pending`: the state says not translated yet; it counts only where the target is indeed empty."""
    source_text: str | None = None
    source_codes: tuple[InlineCode, ...] = ()
    source_places: Places = ()
    if source:
        source_text, source_codes, slots = text_codes_and_slots(source[0])
        source_places = places.of(source[0], source_text, slots)
    target_text, target_codes, slots = text_codes_and_slots(target)
    target_places = places.of(target, target_text, slots)
    return Segment(
        ident,
        source_text,
        target_text,
        label,
        target.sourceline or 0,
        source_codes,
        target_codes,
        pending and not target_text.strip(),
        (source[0].sourceline or 0) if source else 0,
        target_places,
        source_places,
    )


def _not_translatable(unit: etree._Element) -> bool:
    """translate="no" on the unit or on a <group> (or XLIFF 2.0 <file>) that holds it."""
    holder: etree._Element | None = unit
    while holder is not None:
        if holder.get("translate") == "no":
            return True
        holder = holder.getparent()
    return False
