"""`termcheck checks` and `termcheck explain CODE`: termcheck's checks and the project's own rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from termcheck.cli.errors import exit_codes

if TYPE_CHECKING:
    from termcheck.checks import Check


def _available() -> tuple[type[Check], ...]:
    """termcheck's checks, then the [[rules]] of the nearest termcheck.toml (or pyproject.toml) upwards."""
    from termcheck.checks.registry import catalogue
    from termcheck.cli.options import load_project

    return catalogue(load_project(None, False).settings.rules)


@exit_codes
def checks_command() -> None:
    """List every check: code, name, default severity, whether `termcheck fix` fixes it, one-line description."""
    for check in _available():
        source = " (needs source)" if check.needs_source else ""
        rule = "" if check.code.startswith("TC") else " (project rule)"
        fix = "fix" if check.fix_description else "-"
        typer.echo(f"{check.code}  {check.name:<24} {check.severity.label:<8} {fix:<4}{check.summary()}{source}{rule}")


@exit_codes
def explain_command(code: Annotated[str, typer.Argument(help="A check code (TC101) or name, or a rule id.")]) -> None:
    """Print a check's documentation, with its examples: its section of docs/checks.md."""
    from termcheck.checks import get_check
    from termcheck.checks.docs import render

    typer.echo(render(get_check(code, _available())), nl=False)
