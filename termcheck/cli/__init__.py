"""The termcheck command line. Thin: options in, library call, exit code out."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from termcheck.cli.check_cmd import check_command
from termcheck.cli.checks_cmd import checks_command, explain_command
from termcheck.cli.errors import DEBUG, EXIT_ERROR, stop_on_sigterm, stopped, usage_message
from termcheck.cli.fix_cmd import fix_command
from termcheck.cli.glossary_cmd import glossary_app
from termcheck.cli.help_style import unix_metavars
from termcheck.cli.review_cmd import review_app
from termcheck.cli.score_cmd import score_command
from termcheck.core.version import __version__


class _PlainTopLevelHelp(TyperGroup):
    """`termcheck --help` in click's plain layout: Rich's help renderer costs 70 ms of imports, a quarter of
    the start-up budget, and a list of commands needs no panels. Each command's own help stays Rich.

    Errors of the option parser (an unknown option, a missing argument, `--jobs -1`) read like every other
    error: `termcheck: error: …`, one line, exit 2, instead of a boxed panel."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super(TyperGroup, self).format_help(ctx, formatter)  # click's own, skipping TyperGroup's Rich one

    def main(self, *args: Any, **kwargs: Any) -> Any:
        unix_metavars(self)
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except typer.Abort as exc:  # click's for a KeyboardInterrupt outside a command (parsing its options)
            sys.exit(stopped(exc.__cause__ or exc.__context__).exit_code)
        except typer.TyperException as exc:  # the option parser's errors (typer's own click)
            print(f"termcheck: error: {usage_message(exc)}", file=sys.stderr)
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_PlainTopLevelHelp,
    name="termcheck",
    help="Check Chinese→English machine translation against a glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    DEBUG["on"] = debug


# Short summaries for `termcheck --help`, which would otherwise cut the docstrings' first lines with "..."
app.command("check", short_help="Check MT output against glossaries and for zh→en errors.")(check_command)
app.command("fix", short_help="Write corrected copies with every safe fix applied.")(fix_command)
app.command("score", short_help="Score MT output: BLEU, chrF2++, TER and term accuracy.")(score_command)
app.command("checks", short_help="List every check: code, name, default severity.")(checks_command)
app.command("explain", short_help="Print a check's documentation, with examples.")(explain_command)
app.add_typer(glossary_app, name="glossary")
app.add_typer(review_app, name="review")


def main() -> None:
    from termcheck.core.process import TUNE_GC_IN_MAIN

    TUNE_GC_IN_MAIN["on"] = True  # the command line owns this process
    stop_on_sigterm()
    app()
