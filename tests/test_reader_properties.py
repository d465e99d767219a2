"""Properties of every reader: arbitrary input never crashes one (segments or a clean InputError), and
reading what a writer wrote gives back the same text. Hypothesis generates the inputs."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from termcheck.core.errors import TermcheckError
from termcheck.core.suppression import Suppression
from termcheck.glossary.io import load_glossary, save_glossary
from termcheck.glossary.model import Concept, Glossary, Term, TermStatus
from termcheck.project.suppressions import load_suppressions, save_suppressions
from termcheck.readers import FieldNames, Pair, open_document, open_documents

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text a file can hold: no surrogates; XML also excludes most C0 controls; line-based formats exclude line ends.
XML_CHARS = st.characters(
    blacklist_categories=["Cs"], blacklist_characters="\r\ufffe\uffff", min_codepoint=0x20
) | st.sampled_from("\t\n")
# NUL is left out: UTF-8 text with a NUL in every other byte is, byte for byte, BOM-less UTF-16, and is
# read as that (textio.detect_encoding); stray NULs in real text are cases in test_readers and test_hostile_input
LINE_CHARS = st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n\x00")
WORDS = st.text(LINE_CHARS, min_size=1, max_size=30).filter(lambda s: s.strip() == s and s != "")


def _file(suffix: str, data: bytes) -> str:
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)  # noqa: SIM115 - closed below
    handle.write(data)
    handle.close()
    return handle.name


def _read(path: str, fields: FieldNames = FieldNames()) -> list[tuple[str, str | None, str]]:
    return [(s.id, s.source, s.target) for s in open_document(path, fields).read()]


@pytest.mark.parametrize("suffix", [".txt", ".tsv", ".csv", ".jsonl", ".xlf", ".tmx"])
@SETTINGS
@given(data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_never_crash_a_reader(suffix: str, data: bytes) -> None:
    with contextlib.suppress(TermcheckError):  # segments, or a clean refusal naming the file; nothing else
        _read(_file(suffix, data))


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".tbx", ".xlsx"])
@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_a_glossary_reader(suffix: str, data: bytes) -> None:
    with contextlib.suppress(TermcheckError):
        load_glossary(_file(suffix, data))


@SETTINGS
@given(st.lists(st.text(LINE_CHARS, max_size=40), min_size=1, max_size=8))
def test_plain_text_lines_round_trip(lines: list[str]) -> None:
    path = _file(".txt", ("\n".join(lines) + "\n").encode("utf-8"))
    assert [t for _, _, t in _read(path)] == lines


@SETTINGS
@given(st.lists(st.tuples(st.text(LINE_CHARS, max_size=20), st.text(LINE_CHARS, max_size=20)), min_size=1, max_size=6))
def test_aligned_pair_round_trips(pairs: list[tuple[str, str]]) -> None:
    zh = _file(".txt", "".join(z + "\n" for z, _ in pairs).encode("utf-8"))
    en = _file(".txt", "".join(e + "\n" for _, e in pairs).encode("utf-8"))
    (document,) = open_documents([Pair(zh, en)])
    assert [(s.source, s.target) for s in document.read()] == pairs


@pytest.mark.parametrize("delimiter, suffix", [("\t", ".tsv"), (",", ".csv")])
@SETTINGS
@given(
    rows=st.lists(
        st.tuples(WORDS, st.text(LINE_CHARS, max_size=20), st.text(LINE_CHARS, min_size=1, max_size=20)),
        min_size=1,
        max_size=6,
        unique_by=lambda row: row[0],  # repeated ids are renamed by design (test_readers.py)
    )
)
def test_delimited_rows_round_trip(delimiter: str, suffix: str, rows: list[tuple[str, str, str]]) -> None:
    rows = [r for r in rows if r[2].strip()]  # a row of blank values is skipped by design
    if not rows:
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["id", "zh", "en"])
    writer.writerows(rows)
    assert _read(_file(suffix, buffer.getvalue().encode("utf-8"))) == rows


@SETTINGS
@given(
    st.lists(
        st.tuples(WORDS, st.text(max_size=20), st.text(max_size=20)), min_size=1, max_size=6, unique_by=lambda r: r[0]
    )
)
def test_jsonl_round_trips(records: list[tuple[str, str, str]]) -> None:
    clean = [r for r in records if not any("\ud800" <= ch <= "\udfff" for part in r for ch in part)]
    if not clean:
        return
    body = "".join(json.dumps({"id": i, "zh": z, "en": e}) + "\n" for i, z, e in clean)
    assert _read(_file(".jsonl", body.encode("utf-8"))) == clean


def _xliff(units: list[tuple[str, str]]) -> bytes:
    ns = "urn:oasis:names:tc:xliff:document:1.2"
    root = etree.Element(f"{{{ns}}}xliff", version="1.2", nsmap={None: ns})
    body = etree.SubElement(
        etree.SubElement(root, f"{{{ns}}}file", {"source-language": "zh", "target-language": "en"}), f"{{{ns}}}body"
    )
    for number, (zh, en) in enumerate(units, start=1):
        unit = etree.SubElement(body, f"{{{ns}}}trans-unit", id=str(number))
        etree.SubElement(unit, f"{{{ns}}}source").text = zh
        etree.SubElement(unit, f"{{{ns}}}target").text = en
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _tmx(units: list[tuple[str, str]]) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", srclang="zh")
    body = etree.SubElement(root, "body")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for number, (zh, en) in enumerate(units, start=1):
        tu = etree.SubElement(body, "tu", tuid=str(number))
        for lang, text in (("zh-CN", zh), ("en-US", en)):
            etree.SubElement(etree.SubElement(tu, "tuv", {xml_lang: lang}), "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("suffix, build", [(".xlf", _xliff), (".tmx", _tmx)])
@SETTINGS
@given(
    units=st.lists(st.tuples(st.text(XML_CHARS, max_size=20), st.text(XML_CHARS, max_size=20)), min_size=1, max_size=5)
)
def test_xml_documents_round_trip(suffix: str, build, units: list[tuple[str, str]]) -> None:
    assert _read(_file(suffix, build(units))) == [(str(n), zh, en) for n, (zh, en) in enumerate(units, start=1)]


TERM_CHARS = st.characters(
    blacklist_categories=["Cs", "Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn"], blacklist_characters="|;,\"'=+-@"
)
TERMS = st.text(TERM_CHARS, min_size=1, max_size=12)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    concepts = []
    for number in range(draw(st.integers(1, 5))):
        zh = draw(TERMS)
        en = draw(st.lists(TERMS, min_size=1, max_size=3, unique_by=str.lower))
        statuses = [TermStatus.PREFERRED] + [
            draw(st.sampled_from([TermStatus.ADMITTED, TermStatus.DEPRECATED])) for _ in en[1:]
        ]
        terms = (Term(zh, "zh"), *(Term(t, "en", s) for t, s in zip(en, statuses, strict=True)))
        concepts.append(Concept(f"c{number}", terms))
    return Glossary(concepts)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx", ".tbx"])
@settings(max_examples=25, deadline=None)
@given(glossary=glossaries())
def test_glossary_formats_round_trip(suffix: str, glossary: Glossary) -> None:
    path = str(Path(tempfile.mkdtemp()) / f"g{suffix}")
    save_glossary(glossary, path)
    loaded = load_glossary(path)
    assert [(c.id, sorted((t.lang, t.text, t.status) for t in c.terms)) for c in loaded] == [
        (c.id, sorted((t.lang, t.text, t.status) for t in c.terms)) for c in glossary
    ]


@SETTINGS
@given(st.lists(st.tuples(WORDS, st.text(LINE_CHARS, max_size=20)), min_size=1, max_size=5))
def test_ignore_file_round_trips(rows: list[tuple[str, str]]) -> None:
    entries = [
        Suppression(f"{n:012x}", f"{n:016x}", file, str(n), "TC101", "False positive", "x", " ".join(comment.split()))
        for n, (file, comment) in enumerate(rows, start=1)
        if "\t" not in file
    ]
    path = str(Path(tempfile.mkdtemp()) / ".termcheck-ignore")
    save_suppressions(path, entries)
    assert list(load_suppressions(path).entries.values()) == [
        Suppression(e.id, e.segment_hash, " ".join(e.file.split()), e.segment, e.code, e.status, e.found, e.comment)
        for e in entries
    ]


EN_WORDS = st.sampled_from(
    [
        "The",
        "Drug Evaluation Center",
        "hormone therapy failure",
        "over",
        "14",
        "1.2 million",
        "stem cells",
        "，",
        "  ",
        "the the",
        "\u200b",
        "GVHD",
        "said",
        "(",
        ".",
    ]
)
ZH_WORDS = st.sampled_from(
    ["药品审评中心", "激素治疗失败", "14岁以上", "1.2万名", "干细胞", "（", "表示", "。", "\u200b", "移植物抗宿主病"]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(ZH_WORDS, max_size=8), st.lists(EN_WORDS, max_size=10)), min_size=1, max_size=4))
def test_finding_spans_slice_the_segment_text(segments: list[tuple[list[str], list[str]]]) -> None:
    """Every check, on segments built from glossary terms, numbers and odd characters: spans stay inside
    the text they point into, and a term finding's span is exactly the text it reports."""
    from conftest import CASES

    import termcheck

    pairs = [("".join(zh), " ".join(en)) for zh, en in segments]
    zh_path = _file(".txt", "".join(z + "\n" for z, _ in pairs).encode("utf-8"))
    en_path = _file(".txt", "".join(e + "\n" for _, e in pairs).encode("utf-8"))
    report = termcheck.check([Pair(zh_path, en_path)], glossary=str(CASES / "glossary.csv"))
    for finding in report.findings:
        zh, en = pairs[finding.line - 1]
        if finding.target_span is not None:
            start, end = finding.target_span
            assert 0 <= start <= end <= len(en)
            if finding.code in ("TC101", "TC103"):
                assert en[start:end] == finding.found
        if finding.source_span is not None:
            start, end = finding.source_span
            assert 0 <= start <= end <= len(zh)
