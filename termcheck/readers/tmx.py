"""TMX 1.4: <tu> with a Chinese and an English <tuv>, chosen by xml:lang (zh-*, en-*)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from termcheck.core.errors import InputError
from termcheck.core.model import InlineCode, Segment
from termcheck.core.places import Places
from termcheck.readers.inline import text_codes_and_slots
from termcheck.readers.positions import TextPlaces
from termcheck.text.langs import lang_side
from termcheck.text.xmlsafe import children, iterparse, localname, xml_lang


def read_tmx(path: str, name: str | None = None, targets: list[etree._Element] | None = None) -> Iterator[Segment]:
    """With `targets`, the whole document is kept and each segment's English <seg> is appended to it as the
    segment is yielded (see read_xliff)."""
    with TextPlaces(path) as places:
        yield from _read(path, name or path, targets, places)


def _read(path: str, label: str, targets: list[etree._Element] | None, places: TextPlaces) -> Iterator[Segment]:
    count = 0
    seen = 0
    english: dict[str, etree._Element] = {}
    for tu in iterparse(path, ("{*}tu", "{*}tmx"), whole=targets is not None):
        if localname(tu) == "tmx":
            break
        if seen == 0:
            root = tu.getroottree().getroot()
            if localname(root) != "tmx":
                raise InputError(path, f"not a TMX file (root element <{localname(root)}>)")
        seen += 1
        sides: dict[str, tuple[str, tuple[InlineCode, ...], Places, int]] = {}
        for tuv in children(tu, "tuv"):
            side = lang_side(xml_lang(tuv))
            seg = children(tuv, "seg")
            if side and seg and side not in sides:
                text, codes, slots = text_codes_and_slots(seg[0])
                sides[side] = (text, codes, places.of(seg[0], text, slots), seg[0].sourceline or 0)
                english[side] = seg[0]
        if "en" in sides:
            count += 1
            source, source_codes, source_places, source_line = sides.get("zh", (None, (), (), 0))
            target, target_codes, target_places, target_line = sides["en"]
            if targets is not None:
                targets.append(english["en"])
            yield Segment(
                tu.get("tuid") or str(seen),
                source,
                target,
                label,
                target_line,
                source_codes,
                target_codes,
                source_line=source_line,
                target_places=target_places,
                source_places=source_places,
            )
        if targets is None:
            tu.clear(keep_tail=False)
    if seen == 0:
        raise InputError(path, "no <tu> elements: not a TMX file or empty")
    if count == 0:
        raise InputError(path, "no translation unit has an English <tuv> (xml:lang en or en-*)")
