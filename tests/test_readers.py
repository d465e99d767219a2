"""Readers against golden files, every supported encoding, and bad input."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from conftest import DATA, HERE

from termcheck.core.errors import InputError, UsageError
from termcheck.readers import FieldNames, open_document, open_documents, open_pair

READERS = DATA / "readers"
GOLDEN = HERE / "golden" / "readers"
CASES = {
    "pair": lambda: open_pair(str(READERS / "pair.zh.txt"), str(READERS / "pair.en.txt")),
    "target.en.txt": lambda: open_document(str(READERS / "target.en.txt")),
    "segments.tsv": lambda: open_document(str(READERS / "segments.tsv")),
    "quotes.tsv": lambda: open_document(str(READERS / "quotes.tsv")),  # quotation marks are text
    "excel-quoted.tsv": lambda: open_document(str(READERS / "excel-quoted.tsv")),  # CSV-quoted throughout
    "segments.csv": lambda: open_document(
        str(READERS / "segments.csv"), FieldNames("key", "chinese_text", "english_mt")
    ),
    "segments.jsonl": lambda: open_document(str(READERS / "segments.jsonl")),
    "sample12.xlf": lambda: open_document(str(READERS / "sample12.xlf")),
    "sample20.xlf": lambda: open_document(str(READERS / "sample20.xlf")),
    "sample.tmx": lambda: open_document(str(READERS / "sample.tmx")),
    "codes12.xlf": lambda: open_document(str(READERS / "codes12.xlf")),
    "codes20.xlf": lambda: open_document(str(READERS / "codes20.xlf")),
    "codes.tmx": lambda: open_document(str(READERS / "codes.tmx")),
    "states12.xlf": lambda: open_document(str(READERS / "states12.xlf")),
    "states20.xlf": lambda: open_document(str(READERS / "states20.xlf")),
}


def _rows(document) -> list[list]:
    """id, source, target, line, and where a side has inline codes, each as label@offset (`{1}@5`)."""
    rows = []
    for s in document.read():
        row: list = [s.id, s.source, s.target, s.line]
        if s.source_codes or s.target_codes:
            row += [[f"{c.label}@{c.offset}" for c in codes] for codes in (s.source_codes, s.target_codes)]
        if s.pending:
            row.append("pending")
        rows.append(row)
    return rows


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_matches_golden(name: str) -> None:
    golden = GOLDEN / f"{name}.json"
    rows = _rows(CASES[name]())
    if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert rows == json.loads(golden.read_text(encoding="utf-8"))


CSV_QUOTED = [
    # (the lines of a TSV, whether they are CSV-quoted)
    (["a\tb\n", "1\t2\n"], False),  # no quotes: either reading gives the same
    (["a\tb\n", '1\t"Hello" he said\n'], False),
    (["a\tb\n", '1\t"Hello"\n'], False),  # quoted, but nothing in it needed quoting: no writer writes that
    (["a\tb\n", '1\t"say ""hi"""\n'], True),
    (["a\tb\n", '"x\ty"\t2\n'], True),
    (["a\tb\n", '1\t"two\n', 'lines"\n'], True),
    (["a\tb\n", '1\t"two\n', 'lines"\n', '2\t"Hello" he said\n'], False),  # one raw field: quotes are text
    (["a\tb\n", '1\t"never closed\n', "2\t3\n"], False),
    (["a\tb\n", '1\t"a""b"x\n'], False),  # text after the closing quote
    (["a\tb\n", '1\t""\n', '2\t"a""b"\n'], True),  # an empty quoted field is either
    (["a\tb\r\n", '1\t"a""b"\r\n'], True),
    (["a\tb\n", '1\tsaid "a\tb"\n'], False),  # a quotation mark inside a field is text either way
]


@pytest.mark.parametrize(("lines", "quoted"), CSV_QUOTED)
def test_a_tsv_is_csv_quoted_only_when_every_quoted_field_is_as_a_csv_writer_writes_it(
    lines: list[str], quoted: bool
) -> None:
    from termcheck.readers.delimited import csv_quoted

    assert csv_quoted(lines, "\t") is quoted


ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("gb18030", b""),
]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS, ids=[f"{e}{'+bom' if b else ''}" for e, b in ENCODINGS])
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "id\tzh\ten\n1\t药品审评中心\tDrug Evaluation Center\n2\t激素治疗失败\thormone therapy failure\n"
    path = tmp_path / "doc.tsv"
    path.write_bytes(bom + text.encode(encoding))
    assert _rows(open_document(str(path))) == [
        ["1", "药品审评中心", "Drug Evaluation Center", 2],
        ["2", "激素治疗失败", "hormone therapy failure", 3],
    ]


@pytest.mark.parametrize("text", ["ab\x00\n", "00\x00\n"])
def test_a_stray_nul_does_not_make_utf8_look_like_utf16(tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8"))
    assert _rows(open_document(str(path)))[0][2] == text.rstrip("\n")


def test_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes("Zürich stem cells\n".encode("latin-1"))
    assert _rows(open_document(str(path), encoding="latin-1"))[0][2] == "Zürich stem cells"


def _write(tmp_path: Path, name: str, content: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


BAD_INPUTS = [
    # (file name, content, expected message fragment, expected line)
    ("empty.txt", b"", "empty file", None),
    ("empty.tsv", b"", "empty file", None),
    ("header-only.tsv", "id\tzh\ten\n", "no rows after the header", None),
    ("no-target.tsv", "a\tb\n1\t2\n", "no target column", 1),
    ("ragged.tsv", "id\tzh\ten\n1\t干细胞\tstem cell\n2\t干细胞\n", "2 fields where the header has 3", 3),
    ("bad-quote.csv", 'id,zh,en\n1,"unterminated,x\n', "malformed CSV", None),
    ("bad-utf8.txt", b"good line\nsecond line\n\xff\xfe\xfa bad\n", "cannot decode", 3),
    ("bad-json.jsonl", '{"en": "ok"}\n{"en": broken}\n', "invalid JSON", 2),
    ("not-object.jsonl", '["en"]\n', "must be a JSON object", 1),
    ("no-key.jsonl", '{"text": "x"}\n', "no target key", 1),
    ("broken.xlf", "<xliff version='1.2'><file><body><trans-unit id='1'><target>x</trans-unit>", "malformed XML", 1),
    ("wrong-root.xlf", "<?xml version='1.0'?>\n<html><body/></html>", "not an XLIFF file", None),
    (
        "reversed.xlf",
        "<xliff version='1.2'><file source-language='en' target-language='zh'><body/></file></xliff>",
        "source language is en",
        1,
    ),
    (
        "no-target.xlf",
        "<xliff version='1.2'><file><body><trans-unit id='1'><source>a</source></trans-unit></body></file></xliff>",
        "no translated units",
        None,
    ),
    (
        "bomb.tmx",
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n'
        '<!ENTITY b "&a;&a;&a;&a;&a;">\n]>\n<tmx><body/></tmx>',
        "entity declarations are not allowed",
        3,
    ),
    (
        "no-english.tmx",
        '<tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>x</seg></tuv></tu></body></tmx>',
        "no translation unit has an English",
        None,
    ),
]


@pytest.mark.parametrize(("name", "content", "message", "line"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_names_file_and_line(tmp_path: Path, name, content, message, line) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        list(open_document(path).read())
    assert caught.value.path == path
    assert message in caught.value.reason
    if line is not None:
        assert caught.value.line == line
    assert "\n" not in str(caught.value)


def test_line_count_mismatch_names_both_files_and_counts(tmp_path: Path) -> None:
    zh = _write(tmp_path, "a.zh.txt", "一\n二\n三\n")
    en = _write(tmp_path, "a.en.txt", "one\ntwo\n")
    with pytest.raises(InputError) as caught:
        list(open_pair(zh, en).read())
    assert "2 lines" in str(caught.value) and "has 3" in str(caught.value)
    assert zh in str(caught.value) and en in str(caught.value)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: str(p), "is a directory"),
    ],
)
def test_unreadable_paths(tmp_path: Path, setup, message) -> None:
    with pytest.raises(InputError, match=message):
        open_document(setup(tmp_path))


def test_source_without_target_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        open_documents(source=_write(tmp_path, "a.zh.txt", "一\n"))


def test_lines_are_counted_as_git_counts_them(tmp_path: Path) -> None:
    """A stray "\\r\\r\\n" ends one line and a lone "\\r" ends none, so line 3 is the line an editor opens."""
    path = tmp_path / "t.en.txt"
    path.write_bytes(b"one\r\r\ntwo\rstill two\nthree\n")
    segments = list(open_document(str(path)).read())
    assert [(s.line, s.target) for s in segments] == [(1, "one"), (2, "two\rstill two"), (3, "three")]


@pytest.mark.parametrize("suffix", [".xlf", ".tmx"])
def test_xml_line_numbers_stay_right_past_65535(tmp_path: Path, suffix: str) -> None:
    """libxml2 keeps line numbers in 16 bits unless told otherwise; findings past line 65,535 must not say 65535."""
    count = 66_000
    if suffix == ".xlf":
        head = '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" '
        head += 'target-language="en"><body>'
        unit = '<trans-unit id="{i}"><source>中</source><target>x</target></trans-unit>'
        tail = "</body></file></xliff>"
    else:
        head = '<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" '
        head += 'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
        unit = '<tu tuid="{i}"><tuv xml:lang="zh-CN"><seg>中</seg></tuv><tuv xml:lang="en-US"><seg>x</seg></tuv></tu>'
        tail = "</body></tmx>"
    path = tmp_path / f"big{suffix}"
    path.write_text("\n".join([head, *(unit.format(i=i) for i in range(count)), tail]), encoding="utf-8")
    last = list(open_document(str(path)).read())[-1]
    assert last.line == count + 1
