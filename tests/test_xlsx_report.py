"""The Excel report, reopened with openpyxl: sheets, headers, rich text, validation, safety, limits."""

from __future__ import annotations

import csv
import dataclasses
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from xlsx_helpers import GLOSSARY, report_for, sheet_rows, workbook_for

from termcheck.core.errors import InputError, UsageError
from termcheck.run.findings_store import FindingStore
from termcheck.text.xlsx_safety import cell_text
from termcheck.writers.xlsx import save_workbook
from termcheck.writers.xlsx.cells import xml_text
from termcheck.writers.xlsx.layout import FINDINGS_COLUMNS, SEGMENTS_COLUMNS, STATUSES, TERMS_COLUMNS
from termcheck.writers.xlsx.package import sheet_parts

ZH = [
    "该药用于治疗激素治疗失败的患者。",
    "国家药品监督管理局批准了干细胞治疗。",
    "干细胞治疗进入临床。",
    "没有术语的句子。",
]
EN = [
    "The drug treats patients with hormone therapy failure.",
    "The National Medical Products Administration approved stem cell therapy.",
    "Stem cell treatment enters the clinic.",
    "A sentence without terms.",
]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return workbook_for(tmp_path_factory.mktemp("xlsx"), ZH, EN)


@pytest.mark.parametrize(
    ("sheet", "headers"),
    [("Findings", FINDINGS_COLUMNS), ("Terms", TERMS_COLUMNS), ("Segments", SEGMENTS_COLUMNS)],
)
def test_sheet_headers(workbook: Path, sheet: str, headers: tuple[str, ...]) -> None:
    wb = load_workbook(workbook)
    assert [c.value for c in wb[sheet][1]] == list(headers)


def test_sheets_in_order(workbook: Path) -> None:
    wb = load_workbook(workbook)
    assert wb.sheetnames == ["Summary", "Findings", "Terms", "Segments", "Inputs"]
    assert [wb[name].sheet_state for name in wb.sheetnames] == ["visible"] * 4 + ["hidden"]


def test_the_inputs_sheet_names_each_document_and_its_files(workbook: Path) -> None:
    rows = sheet_rows(workbook, "Inputs")
    assert rows and all(list(r) == ["Document", "Format", "Source file", "Target file"] for r in rows)
    assert all(Path(str(r["Target file"])).is_absolute() and Path(str(r["Target file"])).exists() for r in rows)


def test_findings_rows_in_document_order_with_open_status(workbook: Path) -> None:
    rows = sheet_rows(workbook, "Findings")
    assert [(r["Code"], r["Segment"], r["Found"]) for r in rows] == [
        ("TC101", "1", "hormone therapy failure"),
        ("TC103", "3", "Stem cell treatment"),
    ]
    assert {r["Status"] for r in rows} == {"Open"}
    assert all(len(str(r["Finding ID"])) == 12 and len(str(r["Segment hash"])) == 16 for r in rows)
    assert all(re.fullmatch(r"[0-9a-f]{8}(\.[0-9a-f]{8}){3}", str(r["Row check"])) for r in rows)


def test_target_span_is_bold_red_and_source_term_bold(workbook: Path) -> None:
    first = sheet_rows(workbook, "Findings")[0]
    target, source = first["Target"], first["Source"]
    assert isinstance(target, CellRichText) and isinstance(source, CellRichText)
    red = [run for run in target if isinstance(run, TextBlock)]
    assert [run.text for run in red] == ["hormone therapy failure"]
    assert red[0].font.b and red[0].font.color.rgb.endswith("C00000")
    assert str(target) == EN[0]
    bold = [run.text for run in source if isinstance(run, TextBlock)]
    assert bold == ["激素治疗失败"] and str(source) == ZH[0]


def test_status_drop_down_covers_every_finding_row(workbook: Path) -> None:
    sheet = load_workbook(workbook)["Findings"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(STATUSES) + '"'
    status = FINDINGS_COLUMNS.index("Status")
    letter = chr(ord("A") + status)
    assert str(validation.sqref) == f"{letter}2:{letter}3"


def test_findings_sheet_is_ready_for_review(workbook: Path) -> None:
    sheet = load_workbook(workbook)["Findings"]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:R3"
    assert all(sheet.column_dimensions[c].hidden for c in "PQR")  # segment hash, span, row check
    assert not sheet.column_dimensions["O"].hidden  # the editor's Correction
    assert sheet.column_dimensions["E"].hidden  # one document: its name is on the Summary
    assert sheet["B2"].fill.fgColor.rgb.endswith("F8CBAD")  # error
    assert sheet["B3"].fill.fgColor.rgb.endswith("FFE699")  # warning
    assert sheet["I2"].alignment.wrap_text


def test_terms_sheet_counts_renderings(workbook: Path) -> None:
    rows = {r["Concept"]: r for r in sheet_rows(workbook, "Terms")}
    therapy = rows["stem-cell-therapy"]
    assert therapy["In source"] == 2
    assert str(therapy["Renderings found"]) == "stem cell therapy ×1\nstem cell treatment ×1 (admitted)"
    assert therapy["Findings"] == 1 and therapy["By check"] == "TC103"
    refractory = rows["steroid-refractory"]
    deprecated = [run for run in refractory["Renderings found"] if isinstance(run, TextBlock)]
    assert [run.text for run in deprecated] == ["hormone therapy failure"] and deprecated[0].font.strike
    assert list(rows)[:2] == ["steroid-refractory", "stem-cell-therapy"]  # most findings first


def test_number_formats_do_not_leak_between_cells(workbook: Path) -> None:
    sheet = load_workbook(workbook)["Terms"]
    header = [c.value for c in sheet[1]]
    share, findings = header.index("Preferred %"), header.index("Findings")
    rows = list(sheet.iter_rows(min_row=2))
    assert {row[share].number_format for row in rows} == {"0%"}
    assert {row[findings].number_format for row in rows} == {"General"}


def test_segments_sheet_has_the_whole_text(workbook: Path) -> None:
    rows = sheet_rows(workbook, "Segments")
    assert [str(r["Target"]) for r in rows] == EN
    assert [r["Findings"] for r in rows] == [1, None, 1, None]
    assert [r["Codes"] for r in rows] == ["TC101", None, "TC103", None]


def test_summary_names_glossary_hash_and_counts(workbook: Path) -> None:
    import hashlib

    wb = load_workbook(workbook)
    values = [[c for c in row if c is not None] for row in wb["Summary"].iter_rows(values_only=True)]
    pairs = {row[0]: row[1] for row in values if len(row) >= 2}
    assert values[0] == ["termcheck report"]
    assert pairs["Glossary SHA-256"] == hashlib.sha256(Path(GLOSSARY).read_bytes()).hexdigest()
    assert pairs["Segments"] == "4"
    assert ["error", "fails the run by default", 1] in values
    assert ["TC103", "inconsistent-rendering", "warning", 1] in values
    assert len(wb["Summary"]._charts) == 1


HOSTILE = [
    ('=HYPERLINK("http://x","click") hormone therapy failure', "=HYPERLINK"),
    ("+cmd hormone therapy failure", "+cmd"),
    ("-2 hormone therapy failure", "-2"),
    ("@SUM(A1) hormone therapy failure", "@SUM"),
]


@pytest.mark.parametrize(("target", "start"), HOSTILE)
def test_formula_like_text_stays_text(tmp_path: Path, target: str, start: str) -> None:
    path = workbook_for(tmp_path, [ZH[0]], [target])
    sheet = load_workbook(path)["Segments"]
    cell = sheet["E2"]
    assert cell.data_type == "s"
    assert str(cell.value).startswith(start)


def test_formula_like_plain_cell_gets_quote_prefix(tmp_path: Path) -> None:
    path = workbook_for(tmp_path, ["没有术语。"], ["=1+1"])
    cell = load_workbook(path)["Segments"]["E2"]
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix


# LibreOffice's CSV filter options: comma, double quote, UTF-8, from line 1, …, -1 = every sheet to its own file
CSV_ALL_SHEETS = "44,34,76,1,,0,false,true,false,false,false,-1"

# Text that XML or Excel would change on the way: markup characters, Excel's own _xHHHH_ escapes,
# spaces at either end. Each must come back as it went in.
AWKWARD = [
    "a < b && c > d: hormone therapy failure",
    "code _x0041_ and _x005F_ stay literal",
    "  two spaces before, one after ",
    "tab\there",
]


@pytest.mark.parametrize("target", AWKWARD)
def test_awkward_text_comes_back_unchanged(tmp_path: Path, target: str) -> None:
    path = workbook_for(tmp_path, ["没有术语。"], [target])
    assert cell_text(load_workbook(path)["Segments"]["E2"].value) == target


@pytest.mark.parametrize(
    ("text", "xml"),
    [
        ("plain", "<t>plain</t>"),
        ("a\rb", "<t>a_x000D_b</t>"),
        ("_x0041_", "<t>_x005F_x0041_</t>"),
        (" lead", '<t xml:space="preserve"> lead</t>'),
        ("<&>", "<t>&lt;&amp;&gt;</t>"),
    ],
)
def test_cell_text_is_escaped_for_xml_and_excel(text: str, xml: str) -> None:
    assert xml_text(text) == xml
    assert cell_text(ElementTree.fromstring(xml).text) == text  # as a reader that undoes _xHHHH_ sees it


def test_rows_are_written_into_each_sheet_part(workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        parts = sheet_parts(archive)
        findings = archive.read(parts["Findings"]).decode()
        members = archive.infolist()
    assert [m.filename for m in members if _local_extra(workbook, m)[:2] == b"\x01\x00"] == []  # ZIP64's id
    assert findings.count("<row ") == 3  # the header and two findings
    assert findings.index('<sheetData><row r="1"') < findings.index("</sheetData><autoFilter")


def _local_extra(path: Path, member: zipfile.ZipInfo) -> bytes:
    """The extra field of a member's local header, where a needless ZIP64 record would be (only a sheet past
    2 GiB needs one, and some Excel versions reject a workbook that has one without need)."""
    with open(path, "rb") as handle:
        handle.seek(member.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", handle.read(4))
        handle.seek(name_length, 1)
        return handle.read(extra_length)


def test_spilled_findings_give_the_same_workbook_rows(tmp_path: Path) -> None:
    report = report_for(tmp_path, ZH * 3, EN * 3)
    in_memory, spilled = tmp_path / "memory.xlsx", tmp_path / "spilled.xlsx"
    save_workbook(report, str(in_memory))
    save_workbook(
        dataclasses.replace(report, findings=FindingStore(report.findings, spill_at=2, block=2)), str(spilled)
    )
    for sheet in ("Findings", "Terms", "Segments"):
        assert sheet_rows(spilled, sheet) == sheet_rows(in_memory, sheet)


def test_illegal_xml_characters_are_dropped(tmp_path: Path) -> None:
    path = workbook_for(tmp_path, [ZH[0]], ["bad\x01\x08 hormone therapy failure\x1f end"])
    rows = sheet_rows(path, "Findings")
    assert str(rows[0]["Target"]) == "bad hormone therapy failure end"


def test_long_segment_is_cut_with_a_visible_note(tmp_path: Path) -> None:
    long_target = "hormone therapy failure " + "x" * 40_000
    path = workbook_for(tmp_path, [ZH[0]], [long_target])
    text = str(sheet_rows(path, "Segments")[0]["Target"])  # the whole segment, up to Excel's cell limit
    assert len(text) <= 32_767
    assert text.endswith("more characters]") and "cut by termcheck" in text
    window = str(sheet_rows(path, "Findings")[0]["Target"])  # the finding's window needs no cut
    assert window.startswith("hormone therapy failure x") and window.endswith("x…") and len(window) < 300


def test_row_limit_leaves_a_note(tmp_path: Path) -> None:
    zh = [ZH[0]] * 6
    en = [EN[0]] * 6
    path = workbook_for(tmp_path, zh, en, max_rows=4)
    findings = sheet_rows(path, "Findings")
    assert len(findings) == 3
    assert str(findings[-1]["Finding ID"]).startswith("… 4 more findings are not shown")
    segments = sheet_rows(path, "Segments")
    assert str(segments[-1]["File"]).startswith("… 4 more segments are not shown")
    summary = [row for row in load_workbook(path)["Summary"].iter_rows(values_only=True) if row[0] == "Note"]
    assert len(summary) == 2


def test_target_only_hides_the_source_column(tmp_path: Path) -> None:
    target = tmp_path / "only.en.txt"
    target.write_text("The Drug Evaluation Center met.\n", encoding="utf-8")
    from termcheck import check

    report = check(target=str(target), glossary=GLOSSARY)
    path = tmp_path / "only.xlsx"
    save_workbook(report, str(path))
    wb = load_workbook(path)
    assert wb["Findings"].column_dimensions["H"].hidden
    assert wb["Segments"].column_dimensions["D"].hidden


def test_unwritable_path_is_an_input_error(tmp_path: Path) -> None:
    report = report_for(tmp_path, ZH, EN)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write"):
        save_workbook(report, str(blocker / "report.xlsx"))


@pytest.mark.parametrize("lock", ["~$report.xlsx", ".~lock.report.xlsx#"])
def test_workbook_open_in_excel_or_libreoffice_is_left_alone(tmp_path: Path, lock: str) -> None:
    report = report_for(tmp_path, ZH, EN)
    path = tmp_path / "report.xlsx"
    save_workbook(report, str(path))
    before = path.read_bytes()
    (tmp_path / lock).write_text("editor,host")
    with pytest.raises(InputError, match="is open in a spreadsheet program"):
        save_workbook(report, str(path))
    assert path.read_bytes() == before


def test_failed_write_keeps_the_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = report_for(tmp_path, ZH, EN)
    path = tmp_path / "report.xlsx"
    save_workbook(report, str(path))
    before = path.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("termcheck.writers.xlsx.write_summary_sheet", explode)
    with pytest.raises(RuntimeError):
        save_workbook(report, str(path))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".termcheck-")] == []


def test_refuses_to_replace_a_workbook_that_is_not_a_report(tmp_path: Path) -> None:
    from openpyxl import Workbook

    report = report_for(tmp_path, ZH, EN)
    path = tmp_path / "budget.xlsx"
    other = Workbook()
    other.active["A1"] = "precious"
    other.save(path)
    before = path.read_bytes()
    with pytest.raises(UsageError, match="not a termcheck report"):
        save_workbook(report, str(path))
    assert path.read_bytes() == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_rows_as_written(tmp_path: Path) -> None:
    """A real spreadsheet program, not only openpyxl, reads the hand-written sheet XML: every sheet
    exported to CSV holds the texts as they went in, Excel escapes and formula-like text included."""
    en = [*EN, *AWKWARD, "=1+1"]
    path = workbook_for(tmp_path, ZH + ["没有术语。"] * (len(en) - len(ZH)), en)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", f"csv:Text - txt - csv (StarCalc):{CSV_ALL_SHEETS}", path.name],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(tmp_path / "report-Segments.csv", encoding="utf-8", newline="") as handle:
        targets = [row[4] for row in csv.reader(handle)][1:]
    assert targets == en
    with open(tmp_path / "report-Findings.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["Finding ID"] for row in rows] == [str(r["Finding ID"]) for r in sheet_rows(path, "Findings")]


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\x0b"])
def test_characters_xml_cannot_hold_are_dropped_so_the_workbook_opens_again(tmp_path: Path, character: str) -> None:
    """A target holding U+FFFF once made a workbook openpyxl could not reopen; review apply then crashed."""
    path = workbook_for(tmp_path, [ZH[0]], [f"bad{character} hormone therapy failure"])
    rows = sheet_rows(path, "Findings")
    assert str(rows[0]["Target"]) == "bad hormone therapy failure"
    from termcheck.review import read_review

    assert read_review(str(path)).rows


def test_lone_surrogates_are_dropped_too() -> None:
    """Readers refuse them (JSON's "\\ud800"), but a Python caller may hand the writer any str."""
    from termcheck.text.xlsx_safety import safe_cell_text

    assert safe_cell_text("a\ud800b\udfffc\ufffed") == ("abcd", False)


def test_the_writer_uses_only_openpyxls_public_modules() -> None:
    """A private module (openpyxl.worksheet._write_only) may change in any release; openpyxl is pinned to the
    tested minor version and used through its public modules only."""
    import re

    root = Path(__file__).resolve().parents[1] / "termcheck"
    private = [
        f"{path.relative_to(root)}: {line.strip()}"
        for path in root.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(from|import)\s+openpyxl(\.\w+)*\._", line)
    ]
    assert private == []


def test_termcheck_uses_no_private_openpyxl_attribute() -> None:
    """A private attribute (a read-only sheet's _worksheet_path, the workbook's _cell_styles) may change in any
    release, as a private module may. Private here: an underscored attribute openpyxl assigns on its objects and
    termcheck does not define itself."""
    import openpyxl

    assigned = re.compile(r"\b\w+\.(_[a-z]\w*)\s*=(?!=)")
    library = Path(openpyxl.__file__).parent
    private = {name for path in library.rglob("*.py") for name in assigned.findall(path.read_text(encoding="utf-8"))}
    assert {"_cell_styles", "_worksheet_path"} <= private
    root = Path(__file__).resolve().parents[1] / "termcheck"
    sources = {path: path.read_text(encoding="utf-8") for path in root.rglob("*.py")}
    defined = re.compile(r"\bself\.(_[a-z]\w*)\s*[:=]|\bdef (_[a-z]\w*)|^(_[a-z]\w*)\s*[:=]|^class (_[a-z]\w*)", re.M)
    own = {name for text in sources.values() for names in defined.findall(text) for name in names if name}
    used = [
        f"{path.relative_to(root)}: .{name}"
        for path, text in sources.items()
        for name in re.findall(r"\.(_[a-z]\w*)\b", text)
        if name in private - own
    ]
    assert used == []


XLIFF_WITH_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="zh-CN" target-language="en" datatype="html"><body>
    <trans-unit id="1">
      <source><g id="1">激素治疗失败</g>的患者<x id="2" ctype="lb"/>获益</source>
      <target>Patients with <g id="1">hormone therapy failure</g> benefit</target>
    </trans-unit>
  </body></file>
</xliff>
"""


def test_inline_codes_are_shown_as_labels_and_highlights_stay_on_their_words(tmp_path: Path) -> None:
    """The checks read plain text; the workbook shows {1}…{/1} and {2/} where the codes stand, and a
    term's highlight and a TC218 finding's highlight (on the lost code's label) move with them."""
    from termcheck import check

    document = tmp_path / "a.xlf"
    document.write_text(XLIFF_WITH_CODES, encoding="utf-8")
    path = tmp_path / "report.xlsx"
    save_workbook(check([str(document)], glossary=GLOSSARY), str(path))
    rows = {r["Code"]: r for r in sheet_rows(path, "Findings")}
    term = rows["TC101"]
    assert str(term["Target"]) == "Patients with {1}hormone therapy failure{/1} benefit"
    assert [run.text for run in term["Target"] if isinstance(run, TextBlock)] == ["hormone therapy failure"]
    assert str(term["Source"]) == "{1}激素治疗失败{/1}的患者{2/}获益"
    assert [run.text for run in term["Source"] if isinstance(run, TextBlock)] == ["激素治疗失败"]
    lost = rows["TC218"]
    assert lost["Found"] == "{2/}"
    assert [run.text for run in lost["Source"] if isinstance(run, TextBlock)] == ["{2/}"]
    segment = sheet_rows(path, "Segments")[0]
    assert str(segment["Target"]) == "Patients with {1}hormone therapy failure{/1} benefit"


XLIFF_WITH_MARKUP_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="zh-CN" target-language="en" datatype="html"><body>
    <trans-unit id="1">
      <source>点击<ph id="1">&lt;b&gt;</ph>Save<ph id="2">&lt;/b&gt;</ph>按钮</source>
      <target>Press<ph id="1">&lt;b&gt;</ph>Save<ph id="2">&lt;/b&gt;</ph>now<ph id="3" ctype="x-html-br"/>Then</target>
    </trans-unit>
  </body></file>
</xliff>
"""


def test_a_code_that_reads_as_a_space_shows_as_its_label_alone(tmp_path: Path) -> None:
    """A <ph> between words reads as a space to the checks ("Press Save now"); a person sees its label where
    the space was, as a paired code's label shows, and a finding at the code highlights that label."""
    from termcheck import check

    document = tmp_path / "a.xlf"
    document.write_text(XLIFF_WITH_MARKUP_CODES, encoding="utf-8")
    path = tmp_path / "report.xlsx"
    save_workbook(check([str(document)], glossary=GLOSSARY, select=["TC218"]), str(path))
    added = sheet_rows(path, "Findings")[0]
    assert added["Found"] == "{3/}"
    assert str(added["Source"]) == "点击{1/}Save{2/}按钮"
    assert str(added["Target"]) == "Press{1/}Save{2/}now{3/}Then"
    assert [run.text for run in added["Target"] if isinstance(run, TextBlock)] == ["{3/}"]
    segment = sheet_rows(path, "Segments")[0]
    assert str(segment["Source"]) == "点击{1/}Save{2/}按钮"
    assert str(segment["Target"]) == "Press{1/}Save{2/}now{3/}Then"


def test_a_long_segment_shows_a_window_around_each_finding_and_whole_on_segments(tmp_path: Path) -> None:
    """A Findings row used to repeat the whole target (a 512 KB line: 40 s); it shows CONTEXT characters each
    side of its finding, cut between words and marked "…", and the Segments sheet the whole segment once."""
    from termcheck.writers.xlsx.window import CONTEXT

    filler = " ".join(f"word{n}" for n in range(400))
    long_en = f"{filler} treats hormone therapy failure in {filler}."
    path = workbook_for(tmp_path, ["该药用于治疗激素治疗失败的患者。"], [long_en])
    (row,) = [r for r in sheet_rows(path, "Findings") if r["Code"] == "TC101"]
    shown = str(row["Target"])
    assert shown.startswith("…word") and shown.endswith("…") and len(shown) <= 2 * CONTEXT + 30
    inner = shown[1:-1]
    assert inner in long_en and not inner.startswith(" ") and not inner.endswith(" ")
    assert long_en[long_en.index(inner) - 1] == " " and long_en[long_en.index(inner) + len(inner)] == " "
    assert [run.text for run in row["Target"] if isinstance(run, TextBlock)] == ["hormone therapy failure"]
    start, end = (int(n) for n in str(row["Target span"]).split("-"))
    assert long_en[start:end] == "hormone therapy failure"  # the hidden span stays in the whole target
    assert str(row["Source"]) == "该药用于治疗激素治疗失败的患者。"  # short text is shown whole
    (segment,) = sheet_rows(path, "Segments")
    assert str(segment["Target"]) == long_en
