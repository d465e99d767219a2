"""Writing a report from code: the formats of `termcheck check --format` and the Excel workbook."""

from __future__ import annotations

import sys
from typing import TextIO

from termcheck.core.atomic import refuse_overwriting_inputs
from termcheck.core.errors import UsageError
from termcheck.project.outputs import Output, run_inputs, write_output
from termcheck.run.report import Report


def write_report(
    report: Report, path: str | None = None, format: str | None = None, stream: TextIO | None = None
) -> None:
    """Write `report` to `path` (atomically) or, with no path, to `stream` (standard output by default).

    `format` is one of text, json, sarif, junit, github or xlsx; with a path and no format it follows the
    path's suffix (.json, .sarif, .xml, .txt, .xlsx). An Excel report keeps the review decisions of an
    earlier report at the same path, as `termcheck check --xlsx` does."""
    chosen = format or _format_of(path)
    if path is not None:
        refuse_overwriting_inputs(path, run_inputs(report, []))
    if chosen == "xlsx":
        if path is None:
            raise UsageError("an Excel report needs a path")
        from termcheck.writers.xlsx import save_workbook

        save_workbook(report, path, run_inputs(report, []))
        return
    write_output(report, Output(chosen, path, "write_report"), stream or sys.stdout)


SUFFIXES = {".json": "json", ".sarif": "sarif", ".xml": "junit", ".txt": "text", ".xlsx": "xlsx"}


def _format_of(path: str | None) -> str:
    if path is None:
        return "text"
    for suffix, name in SUFFIXES.items():
        if path.lower().endswith(suffix):
            return name
    raise UsageError(f"{path}: say the format (text, json, sarif, junit, github or xlsx); the suffix does not")
