"""Parsing untrusted XML (XLIFF, TMX, TBX): no entities, no DTD loading, no network, no huge trees."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from lxml import etree

from termcheck.core.errors import InputError
from termcheck.text.textio import check_readable

_ROOT_START = re.compile(rb"<[A-Za-z_]")
PROLOG_BYTES = 1 << 20


def _refuse_entity_declarations(path: str) -> None:
    with open(path, "rb") as handle:
        head = handle.read(PROLOG_BYTES)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    root = _ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    if b"<!ENTITY" in prolog:
        line = prolog[: prolog.index(b"<!ENTITY")].count(b"\n") + 1
        raise InputError(path, "XML entity declarations are not allowed (possible entity expansion attack)", line)


def malformed(path: str, exc: etree.XMLSyntaxError) -> InputError:
    """The error to show: an undefined entity as libxml2 logged it, with its line ("Entity 'nbsp' not
    defined"), since the exception's own message is then the last one ("no element found")."""
    # the log is lxml's, shared by every parse in the thread: only this file's entries count
    log = exc.error_log or ()
    entity = next((e for e in log if "Entity" in (e.message or "") and e.filename in (path, None, "")), None)
    if entity is None:
        return InputError(path, f"malformed XML: {exc.msg}", exc.lineno or None)
    hint = " (HTML entities such as &nbsp; are not XML: write the character or &#160;)"
    return InputError(path, f"malformed XML: {entity.message.strip()}{hint}", entity.line or exc.lineno or None)


def iterparse(path: str, tags: tuple[str, ...] | None = None, whole: bool = False) -> Iterator[etree._Element]:
    """Yield elements at their end tag; the caller may clear them to keep memory flat. `whole` keeps comments
    and processing instructions, for a caller that writes the document back."""
    check_readable(path)
    _refuse_entity_declarations(path)
    etree.clear_error_log()
    context = etree.iterparse(
        path,
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=not whole,
        remove_pis=not whole,
    )
    try:
        for _event, element in context:
            yield element
    except etree.XMLSyntaxError as exc:
        raise malformed(path, exc) from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def start_tags(path: str, limit: int = 10_000) -> Iterator[etree._Element]:
    """The first `limit` elements at their start tag (attributes only), hardened as `iterparse`; errors end it
    quietly, since `iterparse` reports them when the file is read."""
    context = etree.iterparse(
        path, events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        for count, (_event, element) in enumerate(context):
            if count >= limit:
                return
            yield element
    except (etree.XMLSyntaxError, OSError):
        return


def localname(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xml_lang(element: etree._Element) -> str:
    return (element.get("{http://www.w3.org/XML/1998/namespace}lang") or element.get("lang") or "").strip()


# Inline elements whose content is native code (markup of the original format), not text.
NATIVE_CODE = frozenset({"ph", "bpt", "ept", "it", "ut", "sub", "cp", "ec", "sc", "originalData"})


def text_of(element: etree._Element) -> str:
    """All text inside an element, inline markup dropped (XLIFF <g>, <ph>, TMX <bpt> …)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if localname(child) not in NATIVE_CODE:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if localname(child) in names]
