"""Named styles, created once per workbook: write-only cells then refer to them by name."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from termcheck.model import Severity

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
TARGET_SPAN = InlineFont(rFont=_FONT, sz=11, b=True, color=RED)
SOURCE_SPAN = InlineFont(rFont=_FONT, sz=11, b=True)
DEPRECATED = InlineFont(rFont=_FONT, sz=11, color=RED, strike=True)

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
