"""The reports one run writes: one format to stdout or --output, and any others to their own files.

Every file is written atomically, none may be an input of the run, and no two may share a path. A run's files
are written as one batch (termcheck.core.atomic.OutputBatch): all of them replaced, or none.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from termcheck.core.atomic import OutputBatch, refuse_overwriting_inputs, write_atomically
from termcheck.core.errors import InputError, UsageError
from termcheck.run.report import Gate, Report
from termcheck.writers import get_writer


@dataclass(frozen=True)
class Output:
    format: str  # a writer name (text, json, sarif, junit, github) or "xlsx"
    path: str | None  # None: stdout
    option: str  # how the user asked for it, for messages


def run_inputs(report: Report, others: Iterable[str | None]) -> list[str]:
    """Every file the run read: its documents and the glossaries, references and other files given."""
    documents = [path for document in report.sources for path in document.paths]
    return [*documents, *(p for p in others if p)]


def check_outputs(outputs: Sequence[Output], inputs: Sequence[str]) -> None:
    """Refuse an output that would overwrite an input or another output."""
    for output in outputs:
        if output.format != "xlsx":
            get_writer(output.format)  # an unknown format is a usage error before any work is done
    seen: dict[str, str] = {}
    for output in outputs:
        if output.path is None:
            continue
        refuse_overwriting_inputs(output.path, inputs)
        key = os.path.realpath(output.path)
        if key in seen:
            raise UsageError(f"{seen[key]} and {output.option} name the same file {output.path}")
        seen[key] = output.option


def write_output(
    report: Report, output: Output, stdout: TextIO, batch: OutputBatch | None = None, gate: Gate = Gate()
) -> None:
    writer = get_writer(output.format)
    if output.path is None:
        try:
            writer.write(report, stdout, gate)
            stdout.flush()
        except BrokenPipeError:  # the reader left (`termcheck check | head`): the caller's to decide
            raise
        except OSError as exc:  # a full disk where stdout is redirected
            raise InputError("stdout", f"cannot write: {exc.strerror or exc}") from None
        return

    def write(handle: BinaryIO) -> None:
        # streamed into the temporary file, never held whole: a big run's JSON is hundreds of megabytes
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer.write(report, text, gate)
        text.flush()
        text.detach()

    write_atomically(output.path, write, batch)
