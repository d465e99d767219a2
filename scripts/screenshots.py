"""Render the README's two screenshots from the bundled example, so they can be refreshed after a change:

- docs/images/terminal.svg: `termcheck check` on the example article, as a terminal shows it (rich's SVG export);
- docs/images/excel-report.png: the first rows of its Excel report's Findings sheet, rendered by
  LibreOffice and pdftoppm (skipped with a note where either is not installed).

    python scripts/screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROWS = 12  # findings shown in the Excel screenshot
IMAGES = ROOT / "docs" / "images"
EXAMPLE = [
    "--source",
    "examples/stem-cell-approval.zh.txt",
    "--target",
    "examples/stem-cell-approval.en-mt.txt",
    "-g",
    "glossaries/stem-cell-therapy.zh-en.csv",
]


def terminal(workbook: Path) -> None:
    from rich.console import Console
    from rich.text import Text

    command = ["termcheck", "check", *EXAMPLE, "--xlsx", str(workbook)]
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "110", "TERM": "xterm-256color"}
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    console = Console(record=True, width=110, force_terminal=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(Text("$ termcheck check " + " ".join(EXAMPLE) + " --xlsx reports/example.xlsx", style="bold"))
    console.print(Text.from_ansi(run.stdout.rstrip() + "\n" + run.stderr.rstrip()))
    console.save_svg(str(IMAGES / "terminal.svg"), title="termcheck check")
    print(f"wrote {IMAGES / 'terminal.svg'}", file=sys.stderr)


def excel(workbook: Path, folder: Path) -> None:
    """The Findings sheet alone, exported by LibreOffice as one PDF page, then rasterised by pdftoppm
    (LibreOffice's headless build has no PNG filter for spreadsheets)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("LibreOffice or pdftoppm is not installed: the Excel screenshot was not refreshed", file=sys.stderr)
        return
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    for name in book.sheetnames:
        if name != "Findings":
            del book[name]
    sheet = book["Findings"]
    sheet.delete_rows(ROWS + 2, sheet.max_row)  # the first findings are enough to show the layout
    findings = folder / "findings.xlsx"
    book.save(findings)
    one_page = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
    command = [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless"]
    command += ["--convert-to", one_page, "--outdir", str(folder), str(findings)]
    subprocess.run(command, capture_output=True, check=True, timeout=180)
    png = IMAGES / "excel-report"
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(folder / "findings.pdf"), str(png)], check=True)
    print(f"wrote {png}.png (a CJK font such as fonts-wqy-microhei renders the Chinese)", file=sys.stderr)


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "example.xlsx"
        terminal(workbook)
        excel(workbook, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
