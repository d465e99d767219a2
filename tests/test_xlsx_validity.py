"""The workbook as Excel reads it: schema-valid SpreadsheetML (an OOXML validator, openxml-audit, holds the
Open XML SDK's schemas), and every cell's style index one that styles.xml defines."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from typer.testing import CliRunner
from xlsx_helpers import GLOSSARY, write_pair

from termcheck import check
from termcheck.cli import app
from termcheck.readers.base import Pair
from termcheck.text.formulas import is_formula_like
from termcheck.writers.xlsx import save_workbook
from termcheck.writers.xlsx.package import sheet_parts

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# every kind of cell the writer makes: glossary terms marked in source and target (bold, bold red), deprecated
# renderings struck through on the Terms sheet, text that starts like a formula (quote prefix), XML markup and
# Excel's own _xHHHH_ escapes, spaces at either end, a carriage return, characters XML cannot hold, a segment
# over Excel's cell limit with a marked term (cut, in runs), scores in "0.0", shares in "0%", row-limit notes
ZH = [
    "该药用于治疗激素治疗失败的患者。",
    "该药用于治疗激素治疗失败的患者。",
    "国家药品监督管理局批准了干细胞治疗。",
    "干细胞治疗进入临床。",
    "药品审评中心开会。",
    "没有术语。",
    "没有术语。",
    "没有术语。",
    "没有术语。",
    "该药用于治疗激素治疗失败的患者。",
]
EN = [
    "hormone therapy failure " + "x" * 40_000,
    "bad\x01\x08 hormone therapy failure\ufffe end",
    "The National Drug Administration approved dry cell therapy.",
    "Stem cell treatment enters the clinic.",
    '=HYPERLINK("http://x","click") the Drug Evaluation Center met.',
    "=1+1",
    "a < b && c > d: code _x0041_ stays literal",
    "  two spaces before, one after ",
    "tab\there",
    "The drug treats patients with hormone therapy failure: not shown, past the row limit.",
]


def _example_workbook(folder: Path) -> Path:
    """The README quick start's command, on the bundled example."""
    path = folder / "example.xlsx"
    result = CliRunner().invoke(
        app,
        [
            "check",
            "--source",
            str(ROOT / "examples" / "stem-cell-approval.zh.txt"),
            "--target",
            str(ROOT / "examples" / "stem-cell-approval.en-mt.txt"),
            "-g",
            str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"),
            "--xlsx",
            str(path),
        ],
    )
    assert result.exit_code == 1, result.output  # the example's MT has errors
    return path


# inline codes shown as labels, a carriage return (Excel's _x000D_) inside a segment
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="zh-CN" target-language="en" datatype="html"><body>
    <trans-unit id="1">
      <source><g id="1">激素治疗失败</g>的患者<x id="2" ctype="lb"/>获益</source>
      <target>Patients with <g id="1">hormone therapy failure</g>&#13;benefit</target>
    </trans-unit>
  </body></file>
</xliff>
"""


def _every_kind_workbook(folder: Path) -> Path:
    source, target = write_pair(folder, ZH, EN)
    (folder / "codes.xlf").write_text(XLIFF, encoding="utf-8")
    reference = folder / "doc.en-ref.txt"
    reference.write_text("".join(f"Reference {n}.\n" for n in range(1 + len(EN))), encoding="utf-8")
    report = check([str(folder / "codes.xlf"), Pair(source, target)], glossary=GLOSSARY, references=[str(reference)])
    path = folder / "every-kind.xlsx"
    save_workbook(report, str(path), max_rows=len(EN) + 1)  # the last segment is cut
    return path


@pytest.fixture(scope="module", params=["example", "every kind"])
def workbook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("valid")
    return _example_workbook(folder) if request.param == "example" else _every_kind_workbook(folder)


def test_the_every_kind_workbook_has_every_kind_of_cell(tmp_path: Path) -> None:
    """The cases above reach each run font and number format the writer has (else the validity tests below
    would not cover them)."""
    from termcheck.writers.xlsx import styles

    with zipfile.ZipFile(_every_kind_workbook(tmp_path)) as archive:
        xml = "".join(archive.read(part).decode() for part in sheet_parts(archive).values())
        styles_xml = archive.read("xl/styles.xml").decode()
    for font in (styles.TARGET_SPAN, styles.SOURCE_SPAN, styles.DEPRECATED):
        assert f"<rPr>{font}</rPr>" in xml
    assert "_x000D_" in xml and 'xml:space="preserve"' in xml and "more characters]" in xml
    assert "more findings are not shown" in xml and "more segments are not shown" in xml
    assert 'formatCode="0.0"' in styles_xml and 'numFmtId="9"' in styles_xml  # 9 is Excel's built-in 0%
    assert 'quotePrefix="1"' in styles_xml


def _ooxml_errors(path: Path) -> list[str]:
    try:
        from openxml_audit import OpenXmlValidator
    except ImportError:
        pytest.skip("openxml-audit is not installed (pip install -e '.[dev]')")
    result = OpenXmlValidator(max_errors=0).validate(str(path))
    return [
        f"{error.part_uri} {error.path}: {error.description}"
        for error in result.errors
        if str(getattr(error.severity, "value", error.severity)).lower() == "error"
    ]


def test_the_workbook_is_schema_valid(workbook: Path) -> None:
    """openpyxl wrote font properties (<rPr> of rich-text runs, <font> in styles.xml) in its own order, which the
    schema's sequence rejects: 123 errors on the example workbook."""
    assert _ooxml_errors(workbook) == []


def _cell_formats(archive: zipfile.ZipFile) -> list[Any]:
    from xml.etree import ElementTree

    styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    cell_xfs = styles.find(f"{MAIN}cellXfs")
    assert cell_xfs is not None
    formats = cell_xfs.findall(f"{MAIN}xf")
    assert int(cell_xfs.get("count", "-1")) == len(formats)
    return formats


def test_every_style_index_is_a_defined_cell_format(workbook: Path) -> None:
    """The rows are written as XML with style ids resolved through openpyxl: each must index styles.xml's
    cellXfs, or Excel reports the file damaged."""
    with zipfile.ZipFile(workbook) as archive:
        count = len(_cell_formats(archive))
        used = {
            (name, int(index))
            for name, part in sheet_parts(archive).items()
            for index in re.findall(rb'<(?:c|row|col)\b[^>]*?\b(?:s|style)="(\d+)"', archive.read(part))
        }
    assert used, "no styled cell found"
    assert [(name, index) for name, index in sorted(used) if index >= count] == []


def test_each_cell_carries_the_named_style_its_id_stands_for(workbook: Path) -> None:
    """Style ids come from openpyxl's public `style_id` of a cell given a named style (styles.Palette); read back
    through openpyxl's public API, every written cell has one of termcheck's named styles, and exactly the
    formula-like texts have Excel's quote prefix."""
    book = load_workbook(workbook)
    names: set[str] = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.has_style:
                    names.add(cell.style)
                    assert cell.quotePrefix == (cell.data_type == "s" and is_formula_like(str(cell.value)))
    assert names and all(name.startswith("tc-") for name in names), names
    assert book["Findings"]["A1"].style == "tc-header"
