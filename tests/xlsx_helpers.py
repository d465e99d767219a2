"""Build small reports and workbooks for the Excel and review tests."""

from __future__ import annotations

from pathlib import Path

from conftest import CASES

from termcheck import check
from termcheck.run.report import Report
from termcheck.writers.xlsx import save_workbook

GLOSSARY = str(CASES / "glossary.csv")


def write_pair(folder: Path, zh: list[str], en: list[str], name: str = "doc") -> tuple[str, str]:
    source, target = folder / f"{name}.zh.txt", folder / f"{name}.en.txt"
    source.write_text("".join(line + "\n" for line in zh), encoding="utf-8")
    target.write_text("".join(line + "\n" for line in en), encoding="utf-8")
    return str(source), str(target)


def report_for(folder: Path, zh: list[str], en: list[str], **options: object) -> Report:
    source, target = write_pair(folder, zh, en)
    return check(source=source, target=target, glossary=GLOSSARY, **options)  # type: ignore[arg-type]


def workbook_for(folder: Path, zh: list[str], en: list[str], max_rows: int | None = None, **options: object) -> Path:
    report = report_for(folder, zh, en, **options)
    path = folder / "report.xlsx"
    if max_rows is None:
        save_workbook(report, str(path))
    else:
        save_workbook(report, str(path), max_rows=max_rows)
    return path


def sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    """Rows of a sheet as dicts by header (first row)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, rich_text=True)
    rows = list(workbook[sheet].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def save_through_libreoffice(folder: Path, workbook: str) -> Path:
    """The workbook as LibreOffice saves it (its own shared strings, styles and validation XML): saved/NAME."""
    import subprocess

    (folder / "saved").mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "saved", workbook],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / "saved" / Path(workbook).name
