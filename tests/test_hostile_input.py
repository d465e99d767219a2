"""Hostile and broken input, one row per kind: what termcheck does with it (the table in docs/robustness.md).

Every row runs the command line. Refusals exit 2 with one line on stderr naming the file (and the
line where known) and no traceback; inputs that can be read give their findings.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import CASES, ROOT
from typer.testing import CliRunner

from termcheck.cli import app

GLOSSARY = str(CASES / "glossary.csv")
XLIFF = (
    '<?xml version="1.0"?>\n{doctype}<xliff version="1.2"><file source-language="zh" target-language="en"><body>'
    '<trans-unit id="1"><source>药品审评中心</source><target>{target}</target></trans-unit></body></file></xliff>\n'
)
ZH = "药品审评中心发布了指导原则。\n"
# The start of an executable: a header, then a table of little-endian integers (NULs at every byte parity),
# and bytes that are not UTF-8
BINARY = (
    b"\x7fELF\x02\x01\x01\x00"
    + bytes(8)
    + b"".join(n.to_bytes(4, "little") + (n * 40503).to_bytes(4, "little") for n in range(200))
    + bytes(range(256))
)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the input under the folder, returns the command's arguments
    exit: int
    message: str = ""  # a fragment of stderr (refusals) or stdout (findings)


def _write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def _check(*args: str) -> list[str]:
    return ["check", *args, "-g", GLOSSARY]


def _pair(folder: Path, zh: str | bytes, en: str | bytes, *extra: str) -> list[str]:
    return _check("--source", _write(folder, "a.zh.txt", zh), "--target", _write(folder, "a.en.txt", en), *extra)


def _xlsx(folder: Path, name: str, cells: list[list[str]], extra: dict[str, bytes] | None = None) -> str:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in cells:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path = folder / name
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for member, data in (extra or {}).items():
            target.writestr(member, data)
    return str(path)


def _zip_bomb(folder: Path) -> list[str]:
    path = _xlsx(folder, "bomb.xlsx", [["id", "zh", "en"], ["a", "干细胞", "stem cell"]])
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet2.xml", "w") as part,
    ):
        for _ in range(24):
            part.write(bytes(1 << 20))  # 24 MiB of zeros: about 24 KiB compressed
    return ["check", _write(folder, "a.en.txt", "stem cells\n"), "-g", path]


def _formula_glossary(folder: Path) -> list[str]:
    formula = '=HYPERLINK("http://attacker.example/","Center for Drug Evaluation")'
    path = _xlsx(folder, "terms.xlsx", [["id", "zh", "en"], ["cde", "药品审评中心", formula]])
    return ["glossary", "convert", path, str(folder / "terms.csv")]


def _macro_workbook(folder: Path) -> list[str]:
    path = _xlsx(
        folder,
        "macros.xlsx",
        [["id", "zh", "en"], ["cde", "药品审评中心", "Center for Drug Evaluation"]],
        {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not run, not read"},
    )
    return ["glossary", "validate", path]


def _unreadable(folder: Path) -> list[str]:
    path = _write(folder, "secret.en.txt", "The Drug Evaluation Center.\n")
    os.chmod(path, 0)
    return _check(path)


def _directory(folder: Path) -> list[str]:
    (folder / "dir.txt").mkdir()
    return _check("--target", str(folder / "dir.txt"))


def _titled_and_merged_glossary(folder: Path) -> list[str]:
    """A title above the header, and one domain cell merged down and across the whole sheet (openpyxl's full
    load would build a cell for each of its 17 billion cells)."""
    rows = [["Regulators", "", "", ""], ["id", "zh", "en", "domain"], ["cde", "药品审评中心", "CDE", "regulator"]]
    path = _xlsx(folder, "titled.xlsx", [*rows, ["nmpa", "国家药监局", "NMPA", ""]])
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    merged = b'</sheetData><mergeCells count="1"><mergeCell ref="D3:XFD1048576"/></mergeCells>'
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", merged)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return ["glossary", "stats", path]


CASES_TABLE = [
    Case(
        "XLIFF with a billion-laughs entity bomb",
        lambda f: _check(
            _write(
                f,
                "bomb.xlf",
                XLIFF.format(
                    doctype='<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n',
                    target="&b;",
                ),
            )
        ),
        2,
        "bomb.xlf:2: XML entity declarations are not allowed",
    ),
    Case(
        "TMX with an external entity (XXE) reading /etc/passwd",
        lambda f: _check(
            _write(
                f,
                "xxe.tmx",
                '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>',
            )
        ),
        2,
        "xxe.tmx:2: XML entity declarations are not allowed",
    ),
    Case(
        "XLIFF naming an external DTD on the network",
        lambda f: _check(
            _write(
                f,
                "dtd.xlf",
                XLIFF.format(
                    doctype='<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/evil.dtd">\n', target="Drug Evaluation Center"
                ),
            )
        ),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "XLIFF nested 100,000 elements deep",
        lambda f: _check(
            _write(f, "deep.xlf", XLIFF.format(doctype="", target='<g id="1">' * 100_000 + "x" + "</g>" * 100_000))
        ),
        2,
        "deep.xlf:2: malformed XML: Excessive depth",
    ),
    Case(
        "TBX glossary with an entity bomb",
        lambda f: [
            "glossary",
            "validate",
            _write(f, "bomb.tbx", '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "x">]>\n<tbx/>'),
        ],
        1,
        "bomb.tbx:line 2: error unreadable [] XML entity declarations are not allowed",
    ),
    Case("XLSX glossary that is a zip bomb", _zip_bomb, 2, "sheet2.xml expands 1,0"),
    Case(
        "XLSX glossary that is not a zip",
        lambda f: ["glossary", "validate", _write(f, "fake.xlsx", b"PK\x03\x04 truncated")],
        1,
        "not a readable XLSX workbook",
    ),
    Case("XLSX glossary whose term is a formula", _formula_glossary, 0, ""),
    Case("XLSX workbook with a VBA macro part", _macro_workbook, 0, ""),
    Case(
        "UTF-8 file read with a wrong --encoding",
        lambda f: [
            "check",
            _write(f, "a.en.txt", "First line.\nThe Drug Evaluation Center – again.\n"),
            "-g",
            _write(f, "terms.csv", "id,en,en_deprecated\ncde,Center for Drug Evaluation,Drug Evaluation Center\n"),
            "--encoding",
            "ascii",
        ],
        2,
        "a.en.txt:2: cannot decode as ascii (bytes e2 80 93",
    ),
    Case(
        "GB18030 file, no declaration",
        lambda f: _pair(f, ZH.encode("gb18030"), "The Drug Evaluation Center issued guidance.\n"),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "GB18030 document with --encoding gb18030 and a UTF-8 glossary (the glossary keeps its own detection)",
        lambda f: _pair(
            f, ZH.encode("gb18030"), "The Drug Evaluation Center issued guidance.\n", "--encoding", "gb18030"
        ),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "a binary file given as a document",
        lambda f: _check(_write(f, "a.en.txt", BINARY)),
        2,
        "a.en.txt: not a text file",
    ),
    Case(
        "a binary file with --encoding utf-16 (the advice an older version gave for it)",
        lambda f: _check(_write(f, "a.en.txt", BINARY), "--encoding", "utf-16"),
        2,
        "a.en.txt: not a text file",
    ),
    Case(
        "UTF-16 without a byte-order mark, declared --encoding utf-16",
        lambda f: _pair(
            f,
            ZH.encode("utf-16-le"),
            "The Drug Evaluation Center issued guidance.\n".encode("utf-16-le"),
            "--encoding",
            "utf-16",
        ),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "UTF-32 without a byte-order mark",
        lambda f: _check(_write(f, "a.en.txt", "The Drug Evaluation Center issued guidance.\n".encode("utf-32-be"))),
        2,
        "a.en.txt: looks like UTF-32 without a byte-order mark; pass --encoding utf-32-be",
    ),
    Case(
        "UTF-16 read with --encoding utf-8",
        lambda f: _check(
            _write(f, "a.en.txt", "The Drug Evaluation Center issued guidance.\n".encode("utf-16-le")),
            "--encoding",
            "utf-8",
        ),
        2,
        "a.en.txt: not a text file when read as utf-8",
    ),
    Case(
        "UTF-8 read with --encoding utf-16-le (every line would run together as mojibake)",
        lambda f: _pair(f, ZH, "The Drug Evaluation Center issued guidance.\nAgain.\n", "--encoding", "utf-16-le"),
        2,
        "a.zh.txt: not utf-16-le: its line ends have no NUL bytes",
    ),
    Case(
        "a UTF-8 source and a UTF-16 target under one --encoding utf-16",
        lambda f: _pair(
            f, ZH, "The Drug Evaluation Center issued guidance.\n".encode("utf-16"), "--encoding", "utf-16"
        ),
        2,
        "a.zh.txt: not utf-16: its line ends have no NUL bytes",
    ),
    Case(
        "--encoding naming a codec that is not a text encoding",
        lambda f: _check(_write(f, "a.en.txt", "The Drug Evaluation Center.\n"), "--encoding", "base64"),
        2,
        "--encoding: 'base64' is not a text encoding",
    ),
    Case(
        "UTF-16 without a byte-order mark",
        lambda f: _pair(f, ZH.encode("utf-16-le"), "The Drug Evaluation Center issued guidance.\n".encode("utf-16-le")),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "UTF-8 with a BOM, UTF-16 with a BOM",
        lambda f: _pair(
            f,
            codecs.BOM_UTF8 + ZH.encode("utf-8"),
            codecs.BOM_UTF16_LE + "The Drug Evaluation Center issued guidance.\n".encode("utf-16-le"),
        ),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "mixed line endings (CRLF, LF, CR CR LF): lines end at LF, as git counts them",
        lambda f: _pair(
            f, "一。\r\n二。\n" + ZH.rstrip("\n") + "\r\r\n", "One.\r\nTwo.\nThe Drug Evaluation Center said.\r\r\n"
        ),
        1,
        "a.en.txt:3 [3] deprecated term",
    ),
    Case(
        "NUL bytes and control characters in a segment (report in XLSX too)",
        lambda f: _pair(
            f, ZH, "The Drug Evaluation Center\x00 issued\x07 guidance.\x1b\n", "--xlsx", str(f / "r.xlsx")
        ),
        1,
        'deprecated term "Drug Evaluation Center"',
    ),
    Case(
        "right-to-left override and zero-width space inside terms",
        lambda f: _pair(
            f, "药品\u200b审评中心发布了指导原则。\n", "The \u202eDrug\u200b Evaluation Center\u202c said.\n"
        ),
        1,
        "deprecated term",
    ),
    Case(
        "non-breaking space inside a term",
        lambda f: _pair(f, ZH, "The Drug\u00a0Evaluation\u00a0Center issued guidance.\n"),
        1,
        "deprecated term",
    ),
    Case(
        "JSONL with a lone surrogate (\\ud800)",
        lambda f: _check(_write(f, "a.jsonl", '{"zh": "药品审评中心", "en": "Drug \\ud800 Center"}\n')),
        2,
        "a.jsonl:1: invalid Unicode: a lone surrogate \\ud800",
    ),
    Case(
        "JSONL with a line nested 100,000 deep",
        lambda f: _check(_write(f, "a.jsonl", '{"en": "ok"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")),
        2,
        "a.jsonl:2: JSON nested too deeply",
    ),
    Case(
        "JSONL with a number of 5,000 digits",
        lambda f: _check(_write(f, "a.jsonl", '{"en": "ok", "n": ' + "9" * 5_000 + "}\n")),
        2,
        "a.jsonl:1: invalid JSON: ",
    ),
    Case(
        "TSV whose fields start with a quotation mark (quotes as text, not CSV quoting)",
        lambda f: _check(
            _write(f, "a.tsv", 'id\tzh\ten\n1\t"药品审评中心"说\t"Drug Evaluation Center" said so\n2\t好\tA "b\n')
        ),
        1,
        "2 findings (1 error, 1 warning) in 2 segments",  # TC101 on row 1, TC207 for the lone quote of row 2
    ),
    Case(
        "a 1 MB line",
        lambda f: _pair(f, "药品审评中心" * 20_000 + "\n", "The Drug Evaluation Center said. " * 32_000 + "\n"),
        1,
        "deprecated term",
    ),
    Case("an empty file", lambda f: _check(_write(f, "empty.en.txt", "")), 2, "empty.en.txt: empty file"),
    Case("a directory given as --target", _directory, 2, "dir.txt: is a directory, not a file"),
    Case(
        "a directory without documents given as FILES",
        lambda f: _check(str(f)),
        2,
        "no files with a known extension",
    ),
    Case("a missing file", lambda f: _check(str(f / "missing.en.txt")), 2, "missing.en.txt: no such file"),
    Case(
        "source and target with different line counts",
        lambda f: _pair(f, ZH + ZH, "One line.\n"),
        2,
        "a.en.txt: 1 lines, but the source",
    ),
    Case(
        "--output naming an input",
        lambda f: _pair(f, ZH, "The CDE said.\n", "--output", str(f / "a.en.txt")),
        2,
        "a.en.txt: refusing to overwrite an input file",
    ),
    Case(
        "--xlsx naming the glossary",
        lambda f: _pair(f, ZH, "The CDE said.\n", "--xlsx", GLOSSARY),
        2,
        "refusing to overwrite an input file",
    ),
    Case(
        "XLSX glossary with a title above its header and a cell merged over the rest of the sheet",
        _titled_and_merged_glossary,
        0,
        "domains: regulator 2",
    ),
    Case(
        "a target with a number of 5,000 digits, and a code (5G) in the source",
        lambda f: _pair(f, "5G网络\n", "1" * 5_000 + "\n"),
        0,
        '"5G" is not in the target',
    ),
    Case(
        'an MT repetition loop: "hundred" 200 times',
        lambda f: _pair(f, "花费一百元\n", "It cost " + "hundred " * 200 + "yuan.\n"),
        1,
        '"一百元" (100) is not in the target',
    ),
    Case(
        "a Chinese numeral of 400 digits and 200 亿",
        lambda f: _pair(f, "九" * 400 + "亿" * 200 + "\n", "Nine.\n"),
        0,
        "1 finding (1 warning)",
    ),
]

runner = CliRunner()

READERS = {
    "text": lambda f, encoding: _check(_write(f, "a.en.txt", BINARY), *encoding),
    "text pair": lambda f, encoding: _check(
        "--source", _write(f, "a.zh.txt", BINARY), "--target", _write(f, "a.en.txt", BINARY), *encoding
    ),
    "TSV": lambda f, encoding: _check(_write(f, "a.tsv", BINARY), *encoding),
    "CSV": lambda f, encoding: _check(_write(f, "a.csv", BINARY), *encoding),
    "JSONL": lambda f, encoding: _check(_write(f, "a.jsonl", BINARY), *encoding),
    "glossary CSV": lambda f, encoding: [
        "check",
        _write(f, "a.en.txt", "The Drug Evaluation Center.\n"),
        "-g",
        _write(f, "terms.csv", BINARY),
        *(["--glossary-encoding", encoding[1]] if encoding else []),
    ],
}
DECLARED = [
    None,
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "utf-8",
    "gb18030",
    "latin-1",
    "big5",
]


@pytest.mark.parametrize("encoding", DECLARED, ids=[e or "detected" for e in DECLARED])
@pytest.mark.parametrize("reader", list(READERS))
def test_a_binary_file_is_not_text_in_every_reader_and_encoding(
    tmp_path: Path, reader: str, encoding: str | None
) -> None:
    """Whatever encoding is declared (or none), a binary file is refused in one line: never an internal error,
    never advice that leads to one."""
    result = runner.invoke(app, READERS[reader](tmp_path, ["--encoding", encoding] if encoding else []))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr, result.stderr
    assert "not a text file" in result.stderr, result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "punycode", "undefined", "unicode-escape", "utf-7"])
def test_no_declared_encoding_ends_in_an_internal_error(tmp_path: Path, encoding: str) -> None:
    args = _check(_write(tmp_path, "a.en.txt", "The Drug Evaluation Center – said \\x.\n"), "--encoding", encoding)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr, result.stderr


@pytest.mark.parametrize("case", CASES_TABLE, ids=[c.name for c in CASES_TABLE])
def test_hostile_input(tmp_path: Path, case: Case) -> None:
    result = runner.invoke(app, case.build(tmp_path))
    assert result.exit_code == case.exit, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    if case.exit == 2:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and case.message in result.stderr, result.stderr
    else:
        assert case.message in result.stdout + result.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path: Path) -> None:
    result = runner.invoke(app, _unreadable(tmp_path))
    assert result.exit_code == 2 and "secret.en.txt: permission denied" in result.stderr


def test_formula_in_a_glossary_is_read_as_text_and_written_quoted(tmp_path: Path) -> None:
    assert runner.invoke(app, _formula_glossary(tmp_path)).exit_code == 0
    text = (tmp_path / "terms.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text  # Excel shows it, does not run it
    back = runner.invoke(app, ["glossary", "convert", str(tmp_path / "terms.csv"), str(tmp_path / "again.xlsx")])
    assert back.exit_code == 0
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "again.xlsx").active["D2"]  # the en column
    assert cell.data_type != "f" and cell.value.startswith("=HYPERLINK(")  # the term, as text, unchanged


def _tree_state(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_full_run_never_modifies_its_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "examples", inputs / "examples")
    shutil.copytree(ROOT / "glossaries", inputs / "glossaries")
    (inputs / ".termcheck-ignore").write_text("# none\n", encoding="utf-8")
    before = _tree_state(inputs)
    examples = inputs / "examples"
    args = [
        "check", "--source", str(examples / "stem-cell-approval.zh.txt"),
        "--target", str(examples / "stem-cell-approval.en-mt.txt"),
        "-g", str(inputs / "glossaries" / "stem-cell-therapy.zh-en.xlsx"),
        "-g", str(inputs / "glossaries" / "stem-cell-therapy.zh-en.tbx"),
        "-r", str(examples / "stem-cell-approval.en-ref.txt"),
        "--ignore-file", str(inputs / ".termcheck-ignore"),
        "--xlsx", str(tmp_path / "out" / "r.xlsx"), "--sarif", str(tmp_path / "out" / "r.sarif"),
        "--junit", str(tmp_path / "out" / "r.xml"), "--json", str(tmp_path / "out" / "r.json"),
        "--write-baseline", str(tmp_path / "out" / "b.json"),
    ]  # fmt: skip
    assert runner.invoke(app, args).exit_code == 0
    assert (
        runner.invoke(
            app,
            ["review", "apply", str(tmp_path / "out" / "r.xlsx"), "--ignore-file", str(tmp_path / "out" / "ignore")],
        ).exit_code
        == 0
    )
    assert _tree_state(inputs) == before
