"""Where an XLSX keeps its workbook, sheets and styles: found through the package's relationships, as a
spreadsheet program finds them, so that no path is assumed and no private openpyxl attribute is needed."""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any, NamedTuple

from lxml import etree

_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# the r:id of a <sheet>, in the transitional namespace that Excel and openpyxl write, or in strict OOXML's
_SHEET_IDS = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)


class Relationship(NamedTuple):
    kind: str  # the last part of the type: "worksheet", "chartsheet", "styles", "officeDocument"
    part: str  # the zip member it points to


def _xml(archive: zipfile.ZipFile, member: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(archive.read(member), parser)


def relationships(archive: zipfile.ZipFile, source: str) -> dict[str, Relationship]:
    """The relationships of the part `source` ("" for the package), by id; targets resolved to zip members."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    found = {}
    for rel in _xml(archive, rels).iter(_RELATIONSHIP):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = Relationship(rel.get("Type", "").rpartition("/")[2], part)
    return found


def workbook_part(archive: zipfile.ZipFile) -> str:
    for rel in relationships(archive, "").values():
        if rel.kind == "officeDocument":
            return rel.part
    raise KeyError("no workbook in the package")


def sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, Relationship]]:
    """Each sheet's name and relationship (worksheet or chartsheet), in the workbook's order."""
    workbook = workbook_part(archive)
    rels = relationships(archive, workbook)
    sheets = []
    for sheet in _xml(archive, workbook).iterfind("{*}sheets/{*}sheet"):
        rel_id = next((sheet.get(key) for key in _SHEET_IDS if sheet.get(key) is not None), "")
        if rel_id in rels:
            sheets.append((sheet.get("name", ""), rels[rel_id]))
    return sheets


def worksheet_part(archive: zipfile.ZipFile, name: str) -> str:
    """The zip member of the worksheet called `name`: the first such worksheet the package holds, as openpyxl
    lists them (chartsheets and sheets whose part is missing left out)."""
    members = set(archive.namelist())
    for sheet, rel in sheet_parts(archive):
        if sheet == name and rel.kind == "worksheet" and rel.part in members:
            return rel.part
    raise KeyError(f"no worksheet {name!r} in the package")


def styles_part(archive: zipfile.ZipFile) -> str:
    parts = [rel.part for rel in relationships(archive, workbook_part(archive)).values() if rel.kind == "styles"]
    if len(parts) != 1:
        raise KeyError(f"{len(parts)} styles parts in the package")
    return parts[0]
