"""TBX-Basic glossaries: TBX v2 (<martif>, termEntry/langSet/tig|ntig) and TBX v3
(ISO 30042:2019, <tbx>, conceptEntry/langSec/termSec).

Term status comes from administrativeStatus (preferredTerm-admn-sts, admittedTerm-admn-sts,
deprecatedTerm-admn-sts, supersededTerm-admn-sts) or normativeAuthorization. termcheck's own
matching options travel as termNote x-caseSensitive / x-exactMatch and the concept-level
descrip x-deprecatedEverywhere, so a TBX round trip keeps everything the model holds.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from termcheck.core.errors import InputError
from termcheck.glossary.model import UNREADABLE, Concept, Glossary, LoadIssue, Term, TermStatus
from termcheck.text.langs import english_locale, lang_side
from termcheck.text.xmlsafe import children, iterparse, localname, text_of, xml_lang

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_VALUES: dict[str, TermStatus] = {
    "preferredterm-admn-sts": TermStatus.PREFERRED,
    "admittedterm-admn-sts": TermStatus.ADMITTED,
    "deprecatedterm-admn-sts": TermStatus.DEPRECATED,
    "supersededterm-admn-sts": TermStatus.DEPRECATED,
    "preferred": TermStatus.PREFERRED,
    "admitted": TermStatus.ADMITTED,
    "deprecated": TermStatus.DEPRECATED,
    "superseded": TermStatus.DEPRECATED,
    "legal": TermStatus.ADMITTED,
    "regulated": TermStatus.ADMITTED,
    "standardized": TermStatus.PREFERRED,
}
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
ADMIN_STATUS = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
}
YES = {"yes", "true", "1"}


def _term_from(
    holder: etree._Element, lang: str, concept_id: str, issues: list[LoadIssue], locale: str = ""
) -> tuple[Term, bool, str] | None:
    """holder is tig, ntig or termSec. Returns the term, whether it had an explicit status, and its text as
    written (to report whitespace around it). An unknown status is reported and left out."""
    term_el = holder.find(".//{*}term")
    if term_el is None:
        term_el = next((e for e in holder.iter() if localname(e) == "term"), None)
    if term_el is None:
        return None
    written = text_of(term_el)
    text = written.strip()
    status: TermStatus | None = None
    flags = {"x-caseSensitive": False, "x-exactMatch": False}
    for note in holder.iter():
        if localname(note) != "termNote":
            continue
        kind = note.get("type", "")
        value = text_of(note).strip()
        if kind in STATUS_TYPES:
            found = STATUS_VALUES.get(value.lower())
            if found is None:
                message = f"concept {concept_id}: unknown {kind} {value!r}"
                issues.append(LoadIssue(f"line {note.sourceline}", concept_id, message, UNREADABLE, note.sourceline))
                continue
            status = found
        elif kind in flags:
            flags[kind] = value.lower() in YES
    term = Term(
        text,
        lang,
        status or TermStatus.PREFERRED,
        case_sensitive=flags["x-caseSensitive"],
        exact=flags["x-exactMatch"],
        locale=locale,
    )
    return term, status is not None, written


def _concept_from(entry: etree._Element, ordinal: int, issues: list[LoadIssue]) -> Concept:
    concept_id = entry.get("id") or f"c{ordinal}"
    where = f"line {entry.sourceline}"
    domain = note = ""
    everywhere = False
    terms: list[Term] = []
    for child in entry:
        name = localname(child)
        if name == "descrip" and child.get("type") == "subjectField":
            domain = text_of(child).strip()
        elif name == "descrip" and child.get("type") == "x-deprecatedEverywhere":
            everywhere = text_of(child).strip().lower() in YES
        elif (name == "descrip" and child.get("type") == "definition" and not note) or name == "note":
            note = text_of(child).strip()
        elif name == "descripGrp":
            for descrip in children(child, "descrip"):
                if descrip.get("type") == "subjectField":
                    domain = text_of(descrip).strip()
                elif descrip.get("type") == "definition" and not note:  # TBX-Basic puts definitions here
                    note = text_of(descrip).strip()
        elif name in ("langSet", "langSec"):
            side = lang_side(xml_lang(child))
            note = note or _definition_in(child)  # TBX-Basic also defines at language level
            if side is None:
                message = f"language {xml_lang(child)!r} is neither Chinese nor English; its terms are ignored"
                issues.append(LoadIssue(f"line {child.sourceline}", concept_id, message, "unknown-language"))
                continue
            had_preferred = False
            locale = english_locale(xml_lang(child)) if side == "en" else ""
            for holder in children(child, "tig", "ntig", "termSec"):
                parsed = _term_from(holder, side, concept_id, issues, locale)
                if parsed is None:
                    continue
                where = f"line {holder.sourceline}"
                if not parsed[0].text:
                    issues.append(LoadIssue(where, concept_id, f"an empty {side} term", "empty-term"))
                    continue
                if parsed[2] != parsed[0].text:
                    message = f"{side} term {parsed[2]!r} has whitespace around it"
                    issues.append(LoadIssue(where, concept_id, message, "padded-term"))
                term, explicit = parsed[0], parsed[1]
                if not explicit and had_preferred:
                    term = Term(term.text, term.lang, TermStatus.ADMITTED, term.case_sensitive, term.exact, locale)
                had_preferred = had_preferred or term.status is TermStatus.PREFERRED
                terms.append(term)
    return Concept(concept_id, tuple(terms), domain, note, everywhere, where)


def _definition_in(lang_set: etree._Element) -> str:
    for element in lang_set:
        if localname(element) == "descripGrp":
            element = next((d for d in children(element, "descrip") if d.get("type") == "definition"), element)
        if localname(element) == "descrip" and element.get("type") == "definition":
            return text_of(element).strip()
    return ""


def read_tbx_glossary(path: str, name: str = "") -> Glossary:
    glossary = Glossary(name=name)
    seen: set[str] = set()
    root_seen = False
    for ordinal, element in enumerate(iterparse(path, ("{*}termEntry", "{*}conceptEntry", "termEntry")), 1):
        root_seen = True
        concept = _concept_from(element, ordinal, glossary.issues)
        if concept.id in seen:
            renamed = f"{concept.id}#{ordinal}"
            message = f"concept id {concept.id!r} is used again; read as {renamed!r}"
            glossary.issues.append(LoadIssue(concept.origin, concept.id, message, "duplicate-id"))
            concept = Concept(
                renamed, concept.terms, concept.domain, concept.note, concept.deprecated_everywhere, concept.origin
            )
        seen.add(concept.id)
        if concept.terms:
            glossary.concepts.append(concept)
        element.clear(keep_tail=False)
    if not root_seen:
        _require_tbx_root(path)
    return glossary


def _require_tbx_root(path: str) -> None:
    """A file with no entries must at least be TBX, or the user passed the wrong file."""
    for element in iterparse(path):
        root = element.getroottree().getroot()
        if localname(root) not in ("martif", "tbx"):
            raise InputError(path, f"not a TBX file (root element <{localname(root)}>)")
        return


def write_tbx_glossary(glossary: Glossary, handle: BinaryIO, version: int = 3) -> None:
    if version not in (2, 3):
        raise InputError(str(handle), f"unknown TBX version {version}")
    ns = TBX3_NS if version == 3 else None

    def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        qualified = f"{{{ns}}}{tag}" if ns else tag
        node = (
            etree.Element(qualified, nsmap={None: ns} if ns else None)
            if parent is None
            else (etree.SubElement(parent, qualified))
        )
        for key, value in attrs.items():
            node.set(XML_LANG if key == "lang" else key, value)
        if text is not None:
            node.text = text
        return node

    if version == 3:
        root = el(None, "tbx", type="TBX-Basic", style="dca", lang="en")
        header = el(root, "tbxHeader")
    else:
        root = el(None, "martif", type="TBX-Basic", lang="en")
        header = el(root, "martifHeader")
    source_desc = el(el(header, "fileDesc"), "sourceDesc")
    el(source_desc, "p", f"termcheck glossary {glossary.name}".strip())
    if version == 2:
        el(el(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = el(el(root, "text"), "body")
    for concept in glossary:
        entry = el(body, "conceptEntry" if version == 3 else "termEntry", id=concept.id)
        if concept.domain:
            el(entry, "descrip", concept.domain, type="subjectField")
        if concept.deprecated_everywhere:
            el(entry, "descrip", "yes", type="x-deprecatedEverywhere")
        if concept.note:
            el(entry, "note", concept.note)
        groups = [("zh", concept.terms_in("zh"))]
        english = concept.terms_in("en")
        for locale in dict.fromkeys(t.locale for t in english):  # one langSet per English locale, in order
            groups.append((locale or "en", [t for t in english if t.locale == locale]))
        for lang, terms in groups:
            if not terms:
                continue
            lang_el = el(entry, "langSec" if version == 3 else "langSet", lang=lang)
            for term in terms:
                holder = el(lang_el, "termSec" if version == 3 else "tig")
                el(holder, "term", term.text)
                el(holder, "termNote", ADMIN_STATUS[term.status], type="administrativeStatus")
                if term.case_sensitive:
                    el(holder, "termNote", "yes", type="x-caseSensitive")
                if term.exact:
                    el(holder, "termNote", "yes", type="x-exactMatch")
    handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
