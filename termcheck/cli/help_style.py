"""Help that reads like a Unix tool's: FILE, PATH, CODES… instead of typer's Python types (`<list[Path]>`),
and nothing after a flag (`<bool>`). One rule for every command, applied to the click tree typer builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer._click import Context
from typer.core import TyperArgument

# What a value is, by parameter name; otherwise by type (PATH, N, TEXT).
METAVARS = {
    "files": "FILE",
    "glossary": "FILE",
    "reference": "FILE",
    "source": "FILE",
    "target": "FILE",
    "first": "FIRST",
    "second": "SECOND",
    "old": "OLD",
    "new": "NEW",
    "destination": "DEST",
    "file": "FILE",
    "workbook": "FILE",
    "baseline": "FILE",
    "ignore_file": "FILE",
    "config": "FILE",
    "exclude": "GLOB",
    "encoding": "ENCODING",
    "glossary_encoding": "ENCODING",
    "input_format": "FORMAT",
    "output_format": "FORMAT",
    "id_column": "NAME",
    "source_column": "NAME",
    "target_column": "NAME",
    "glossary_column": "FIELD=COLUMN",
    "fail_on": "LEVEL",
    "select": "CODES",
    "ignore": "CODES",
    "severity": "CODE=LEVEL",
    "allow_untranslated": "REGEX",
    "code": "CODE",
    "unit": "UNIT",
    "source_key": "KEY",
    "target_key": "KEY",
    "on_conflict": "HOW",
    "tbx_version": "VERSION",
}


def unix_metavars(command: Any) -> None:
    """Give every parameter of `command` and its subcommands a metavar, unless it declares its own."""
    for child in getattr(command, "commands", {}).values():
        unix_metavars(child)
    help_option = command.get_help_option(Context(command)) if hasattr(command, "get_help_option") else None
    for param in [*getattr(command, "params", []), *([help_option] if help_option else [])]:
        if isinstance(param, TyperArgument) and not isinstance(param, _UnixArgument):
            param.__class__ = _UnixArgument
        if getattr(param, "is_flag", False):
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = METAVARS.get(param.name, _by_type(param))


def _by_type(param: Any) -> str:
    annotation = param.type_descriptor.annotation
    element = getattr(annotation, "__args__", (annotation,))[0]
    if element is Path:
        return "PATH"
    if element is int:
        return "N"
    return "TEXT"


class _UnixArgument(TyperArgument):
    """typer 0.29 prints an argument's Python type (`<list[str]>`) beside its metavar; this prints the
    metavar alone, and its usage line as Unix tools write it. typer is pinned to 0.29.x, and
    tests/test_help.py holds every command's help to it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        """`FILE` when required and `[FILE]` when not, as Unix usage lines say (typer writes `{FILE}`)."""
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")
