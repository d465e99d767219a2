"""`termcheck checks` and `termcheck explain CODE`."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes


@exit_codes
def checks_command() -> None:
    """List every check: code, name, default severity, one-line description."""
    from termcheck.checks import ALL_CHECKS

    for check in ALL_CHECKS:
        source = " (needs source)" if check.needs_source else ""
        typer.echo(f"{check.code}  {check.name:<24} {check.severity.label:<8} {check.summary()}{source}")


@exit_codes
def explain_command(code: Annotated[str, typer.Argument(help="A check code (TC101) or name.")]) -> None:
    """Print a check's documentation, with a bad and a good example."""
    from termcheck.checks import get_check

    check = get_check(code)
    typer.echo(f"{check.code} {check.name} (default severity: {check.severity.label})\n")
    typer.echo(check.documentation())
