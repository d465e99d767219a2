"""A corrected copy of an input in its own format: only the changed targets differ.

Plain text and JSON Lines change the lines of changed segments only; TSV/CSV rewrite the records of
changed segments (in the file's delimiter and line ends) and keep every other byte, and never write a value
that a spreadsheet would run as a formula (below); XLIFF and TMX are
parsed whole (comments and processing instructions kept), the corrected text is written around the
target's inline codes, and a changed XLIFF unit is marked for review. Every copy is read back with the
input's own reader before it is written: each changed segment must read as corrected and every other
segment as before, or the copy is refused.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from lxml import etree

from termcheck.core.errors import InputError
from termcheck.core.model import Segment
from termcheck.fixes.runner import DocumentFixes, FixedSegment
from termcheck.fixes.xml_codes import place_codes
from termcheck.fixes.xml_text import set_plain_text
from termcheck.readers.base import DEFAULT_TARGET, Document, FieldNames
from termcheck.readers.delimited import csv_quoted, pick_field
from termcheck.readers.inline import text_and_codes
from termcheck.readers.tmx import read_tmx
from termcheck.readers.xliff import read_xliff
from termcheck.text.formulas import is_formula_like
from termcheck.text.langs import lang_side
from termcheck.text.textio import csv_delimiter, resolve_encoding
from termcheck.text.xmlsafe import children, localname, xml_lang

# XLIFF 1.2 marks the <target>, XLIFF 2.0 the <segment>: translated, but a person should look again
REVIEW_STATE = {"1.2": "needs-review-translation", "2.0": "translated"}


def rewritten_path(fixes: DocumentFixes) -> str:
    """The file a corrected copy replaces: the English file of a text pair, else the input itself."""
    return rewritten_file(fixes.document)


def rewritten_file(document: Document) -> str:
    """The file of a document that a corrected copy replaces: the English file of a text pair, else the input."""
    return document.paths[1] if document.format == "text-pair" else document.paths[0]


def corrected_copy(
    fixes: DocumentFixes, fields: FieldNames = FieldNames(), encoding: str | None = None
) -> tuple[bytes, list[FixedSegment]]:
    """The bytes of the corrected copy, and the changed segments left out of it, each with why (an XLIFF or TMX
    change that would cross an inline code, or codes that cannot be placed; a CSV or TSV value that would run as a
    formula: a person makes it). InputError where
    the input changed since it was read."""
    path = rewritten_path(fixes)
    fmt = fixes.document.format
    by_line = {f.segment.line: f for f in fixes.changed}
    if fmt in ("text", "text-pair"):
        return _lines(path, encoding, lambda number, line: _text_line(by_line, number, line)), []
    if fmt == "jsonl":
        return _lines(path, encoding, lambda number, line: _json_line(by_line, number, line, fields, path)), []
    if fmt in ("tsv", "csv"):
        return _delimited(path, by_line, fields, encoding, fixes.document.name)
    if fmt in ("xliff", "tmx"):
        return _xml(path, fmt, fixes.changed)
    raise InputError(path, f"termcheck fix cannot write {fmt} files")


def _codec(path: str, raw: bytes, encoding: str | None) -> str:
    chosen = resolve_encoding(path, encoding)
    if codecs.lookup(chosen).name == "utf-8-sig" and not raw.startswith(codecs.BOM_UTF8):
        return "utf-8"  # read with utf-8-sig so a BOM is not text; written without one where there was none
    return chosen


def _lines(path: str, encoding: str | None, change: Callable[[int, str], str | None]) -> bytes:
    """The file with each line that `change` returns a new text for replaced, its line end kept. Lines end at
    "\\n" as the readers count them (termcheck.text.textio.read_lines)."""
    raw = Path(path).read_bytes()
    codec = _codec(path, raw, encoding)
    out: list[str] = []
    for number, line in enumerate(_physical_lines(raw.decode(codec)), start=1):
        body = line.rstrip("\r\n")
        new = change(number, body)
        out.append(line if new is None else new + line[len(body) :])
    return "".join(out).encode(codec)


def _text_line(by_line: dict[int, FixedSegment], number: int, line: str) -> str | None:
    fixed = by_line.get(number)
    if fixed is None:
        return None
    if line != fixed.segment.target:
        raise InputError(fixed.segment.file, "changed since it was checked; run termcheck fix again", number)
    return fixed.target


def _json_line(by_line: dict[int, FixedSegment], number: int, line: str, fields: FieldNames, path: str) -> str | None:
    fixed = by_line.get(number)
    if fixed is None:
        return None
    record = json.loads(line)
    key = pick_field(list(record), fields.target, DEFAULT_TARGET, path, "target", number)
    if key is None or str(record[key]) != fixed.segment.target:
        raise InputError(path, "changed since it was checked; run termcheck fix again", number)
    record[key] = fixed.target
    compact = '":"' in line and '": "' not in line
    return json.dumps(record, ensure_ascii=False, separators=(",", ":") if compact else None)


def _delimited(
    path: str, by_line: dict[int, FixedSegment], fields: FieldNames, encoding: str | None, name: str
) -> tuple[bytes, list[FixedSegment]]:
    raw = Path(path).read_bytes()
    codec = _codec(path, raw, encoding)
    physical = _physical_lines(raw.decode(codec))
    delimiter = csv_delimiter(path)
    quoted = delimiter != "\t" or csv_quoted(physical, delimiter)  # as the reader reads it (readers.delimited)
    reader = csv.reader(
        iter(physical), delimiter=delimiter, strict=True, quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
    )
    header = next(reader)
    target = header.index(pick_field(header, fields.target, DEFAULT_TARGET, path, "target") or "")
    out = physical[: reader.line_num]
    left_out: list[FixedSegment] = []
    consumed = reader.line_num
    for record in reader:
        lines = physical[consumed : reader.line_num]
        fixed = by_line.get(consumed + 1)
        consumed = reader.line_num
        if fixed is None:
            out.extend(lines)
            continue
        if record[target] != fixed.segment.target:
            raise InputError(path, "changed since it was checked; run termcheck fix again", consumed)
        fixed.refused = runs_as_formula(fixed, name)
        if fixed.refused:
            left_out.append(fixed)
            out.extend(lines)
            continue
        record[target] = fixed.target
        ending = lines[-1][len(lines[-1].rstrip("\r\n")) :]
        if not quoted:  # quotation marks are text; a tab or line break in the correction fails the read-back
            out.append(delimiter.join(record) + ending)
            continue
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=ending).writerow(record)
        out.append(buffer.getvalue())
    return "".join(out).encode(codec), left_out


def runs_as_formula(fixed: FixedSegment, name: str) -> str:
    """Why a spreadsheet opening the CSV or TSV `name` would run the corrected value as a formula, or "".

    A value starting with =, +, - or @ is not written where termcheck put that start there: a person's Correction
    (which could be anything), or a fix that made it (a full-width "＝" at the start, made "="). A target that
    started so in the input keeps its own start ("- item", "-5 °C") when a fix changes a term after it. No quote
    is put before it, as `glossary convert` does for a glossary it reads back itself: in a translation, a CAT tool
    would take the quote for text."""
    new, old = fixed.target, fixed.segment.target
    if not is_formula_like(new) or (old[:1] == new[:1] and not fixed.by_person):
        return ""
    first = json.dumps(new[0])
    if fixed.by_person:
        return (
            f"the correction starts with {first}, which a spreadsheet opening {name} would run as a formula; make "
            "this change in the file itself"
        )
    return f"the corrected target would start with {first}, which a spreadsheet opening {name} would run as a formula"


def _physical_lines(text: str) -> list[str]:
    """The text's lines with their ends, split at "\n" only: str.splitlines would also split at U+2028, U+0085
    and other characters that may stand inside a field."""
    parts = text.split("\n")
    return [line + "\n" for line in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _xml(path: str, fmt: str, changed: Sequence[FixedSegment]) -> tuple[bytes, list[FixedSegment]]:
    targets: list[etree._Element] = []
    segments: Iterator[Segment] = (
        read_xliff(path, targets=targets) if fmt == "xliff" else read_tmx(path, targets=targets)
    )
    count = sum(1 for _ in segments)
    if not targets or len(targets) != count:
        raise InputError(path, "could not find each segment's target again")
    tree = targets[0].getroottree()
    version = "2.0" if fmt == "xliff" and (tree.getroot().get("version") or "").startswith("2") else "1.2"
    left_out: list[FixedSegment] = []
    for fixed in changed:
        element = targets[fixed.index]
        if text_and_codes(element)[0] != fixed.segment.target:
            raise InputError(path, "changed since it was checked; run termcheck fix again", element.sourceline)
        if fixed.codes is None:
            fixed.refused = "" if set_plain_text(element, fixed.target) else "the change would cross an inline code"
        else:
            fixed.refused = place_codes(element, _source_of(element, fmt), fixed.target, fixed.codes) or ""
        if fixed.refused:
            left_out.append(fixed)
            continue
        if fmt == "xliff":
            holder = element if version == "1.2" else element.getparent()
            if holder is not None and (version == "1.2" or localname(holder) == "segment"):
                holder.set("state", REVIEW_STATE[version])
    return _spliced(Path(path).read_bytes(), tree), left_out


def _source_of(target: etree._Element, fmt: str) -> etree._Element | None:
    """The source beside a target: the XLIFF <source> of its unit or segment, the Chinese <seg> of its TMX <tu>."""
    holder = target.getparent()
    if holder is None:
        return None
    if fmt == "xliff":
        return next(iter(children(holder, "source")), None)
    unit = holder.getparent()
    sides = (
        [children(tuv, "seg") for tuv in children(unit, "tuv") if lang_side(xml_lang(tuv)) == "zh"]
        if unit is not None
        else []
    )
    return next((seg[0] for seg in sides if seg), None)


def _spliced(raw: bytes, tree: etree._ElementTree) -> bytes:
    """The root element serialised anew between the file's own prolog (XML declaration, comments, doctype and
    the white space between them) and epilog, so that only the document element is lxml's writing."""
    root = tree.getroot()
    encoding = tree.docinfo.encoding or "UTF-8"
    body: bytes = etree.tostring(root, encoding=encoding, xml_declaration=False, with_tail=False)
    name = localname(root).encode()
    opening = re.search(rb"<(?:[\w.-]+:)?" + name + rb"[\s/>]", raw)
    closing = list(re.finditer(rb"</(?:[\w.-]+:)?" + name + rb"\s*>", raw))
    if opening is None or not closing:
        whole: bytes = etree.tostring(tree, encoding=encoding, xml_declaration=raw.startswith(b"<?xml"))
        return whole
    return raw[: opening.start()] + body + raw[closing[-1].end() :]
