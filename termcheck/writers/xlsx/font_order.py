"""Font properties in the order Excel writes them, which is the order SpreadsheetML's schema requires.

A cell font (`<font>` in styles.xml) and a rich-text run's font (`<rPr>`) are sequences in the schema as the
Open XML SDK and Excel validate them (CT_Font, CT_RPrElt): b, i, strike, …, sz, color, the face, family,
charset, scheme. openpyxl 3.1 serialises both in its own order, the face first, which Excel opens but an
OOXML validator reports as an error on every styled run. openpyxl takes no order from its caller, so the
elements are sorted after it has built them: run fonts where termcheck makes them (styles._run_properties),
the workbook's fonts in styles.xml as the package is copied (package.fill_sheets).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

EXCEL_ORDER = (
    "b",
    "i",
    "strike",
    "condense",
    "extend",
    "outline",
    "shadow",
    "u",
    "vertAlign",
    "sz",
    "color",
    "rFont",  # a run's face
    "name",  # a cell font's face
    "family",
    "charset",
    "scheme",
)
_RANK = {name: rank for rank, name in enumerate(EXCEL_ORDER)}
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def put_in_excel_order(font: Any) -> None:
    """Sort the children of a <font> or <rPr> element (lxml or ElementTree) into Excel's order, in place."""
    font[:] = sorted(font, key=lambda child: _RANK.get(_local_name(child.tag), len(_RANK)))


def styles_in_excel_order(styles_xml: bytes) -> bytes:
    """styles.xml with every <font> in Excel's order; the rest as it was."""
    root = etree.fromstring(styles_xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for font in root.iter(f"{_MAIN}font"):
        put_in_excel_order(font)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
