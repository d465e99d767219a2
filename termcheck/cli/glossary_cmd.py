"""`termcheck glossary …`: glossary maintenance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes
from termcheck.cli.options import parse_mapping

glossary_app = typer.Typer(help="Maintain glossaries: convert between CSV, TSV, XLSX and TBX.", no_args_is_help=True)


@glossary_app.command("convert")
@exit_codes
def convert_command(
    source: Annotated[Path, typer.Argument(help="Glossary to read (.csv, .tsv, .xlsx, .tbx).")],
    destination: Annotated[Path, typer.Argument(help="Glossary to write; the format follows the extension.")],
    tbx_version: Annotated[int, typer.Option("--tbx-version", help="TBX to write: 3 (ISO 30042:2019) or 2.")] = 3,
    glossary_column: Annotated[
        list[str] | None, typer.Option("--glossary-column", help="Map a column: en=English.")
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of a CSV/TSV input.")] = None,
) -> None:
    """Convert a glossary to another format, keeping everything the model holds."""
    import sys

    from termcheck.atomic import refuse_overwriting_inputs
    from termcheck.glossary import load_glossary, save_glossary

    refuse_overwriting_inputs(str(destination), [str(source)])
    glossary = load_glossary(str(source), parse_mapping(glossary_column, "--glossary-column"), encoding)
    save_glossary(glossary, str(destination), tbx_version)
    print(f"{len(glossary)} concepts → {destination}", file=sys.stderr)
