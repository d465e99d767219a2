"""Named styles, created once per workbook, and the style ids that cells written as XML refer to."""

from __future__ import annotations

from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.xml.functions import tostring

from termcheck.core.model import Severity
from termcheck.writers.xlsx.font_order import put_in_excel_order
from termcheck.writers.xlsx.layout import Sheet

HEADER = "tc-header"
TEXT = "tc-text"
WRAP = "tc-wrap"
NUMBER = "tc-number"
CODE = "tc-code"
NOTE = "tc-note"
TITLE = "tc-title"
HEADING = "tc-heading"
LABEL = "tc-label"
EDITOR = "tc-editor"
SEVERITY = {Severity.ERROR: "tc-error", Severity.WARNING: "tc-warning", Severity.INFO: "tc-info"}

RED = "C00000"
_FONT = "Calibri"
# runs name their font: without it LibreOffice falls back to a serif face inside a sans-serif cell


def _run_properties(font: InlineFont) -> str:
    """The inside of a rich-text run's <rPr> element, its properties in Excel's order (see font_order)."""
    element = font.to_tree("rPr")
    put_in_excel_order(element)
    xml = str(tostring(element).decode())
    return xml.removeprefix("<rPr>").removesuffix("</rPr>")


TARGET_SPAN = _run_properties(InlineFont(rFont=_FONT, sz=11, b=True, color=RED))
SOURCE_SPAN = _run_properties(InlineFont(rFont=_FONT, sz=11, b=True))
DEPRECATED = _run_properties(InlineFont(rFont=_FONT, sz=11, color=RED, strike=True))

_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_LINE = Border(bottom=Side(style="thin", color="BFBFBF"))


def _style(name: str, **kwargs: object) -> NamedStyle:
    kwargs.setdefault("font", Font(name=_FONT, size=11))
    kwargs.setdefault("alignment", _TOP)
    return NamedStyle(name=name, **kwargs)


def add_styles(workbook: Workbook) -> None:
    severity_fills = {Severity.ERROR: "F8CBAD", Severity.WARNING: "FFE699", Severity.INFO: "DDEBF7"}
    styles = [
        _style(
            HEADER,
            font=Font(name=_FONT, size=11, bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="305496"),
            alignment=Alignment(vertical="center", wrap_text=True),
        ),
        _style(TEXT, border=_LINE),
        _style(WRAP, alignment=_WRAP, border=_LINE),
        _style(NUMBER, alignment=Alignment(vertical="top", horizontal="right"), border=_LINE),
        _style(CODE, font=Font(name="Consolas", size=10), border=_LINE),
        _style(NOTE, font=Font(name=_FONT, size=11, italic=True, color="7F7F7F"), alignment=_WRAP),
        _style(TITLE, font=Font(name=_FONT, size=16, bold=True, color="305496")),
        _style(HEADING, font=Font(name=_FONT, size=12, bold=True, color="305496")),
        _style(LABEL, font=Font(name=_FONT, size=11, bold=True), border=_LINE),
        _style(EDITOR, fill=PatternFill("solid", fgColor="F2F2F2"), alignment=_WRAP, border=_LINE),
    ]
    for severity, name in SEVERITY.items():
        fill = PatternFill("solid", fgColor=severity_fills[severity])
        styles.append(_style(name, font=Font(name=_FONT, size=11, bold=True), fill=fill, border=_LINE))
    for style in styles:
        workbook.add_named_style(style)


class Style(NamedTuple):
    id: int  # index into the workbook's cell formats (styles.xml cellXfs)
    quoted: int  # the same with Excel's quote prefix, for text that starts like a formula


class Palette:
    """Style ids for the named styles, resolved once through openpyxl, which writes them into styles.xml.

    An id is the public `style_id` of a write-only cell given the named style: the index of its cell format in
    styles.xml's cellXfs, which openpyxl adds there if new, as it does for every cell it writes itself.
    tests/test_xlsx_validity.py checks that each id written is below cellXfs' count and reads back as its style.
    """

    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet
        self._styles: dict[tuple[str, str | None], Style] = {}

    def __getitem__(self, name: str) -> Style:
        return self.formatted(name, None)

    def formatted(self, name: str, number_format: str | None) -> Style:
        style = self._styles.get((name, number_format))
        if style is None:
            style = Style(self._id(name, number_format, quoted=False), self._id(name, number_format, quoted=True))
            self._styles[(name, number_format)] = style
        return style

    def _id(self, name: str, number_format: str | None, quoted: bool) -> int:
        cell = WriteOnlyCell(self._sheet)
        cell.style = name
        if number_format is not None:
            cell.number_format = number_format
        cell.quotePrefix = quoted
        return int(cell.style_id)
