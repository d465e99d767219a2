"""The one place where errors become exit codes: 0 clean, 1 findings, 2 usage or input error; 130 and 143 for a
run stopped by Ctrl-C (SIGINT) or SIGTERM, 128 + the signal's number as a shell reports a process it ended."""

from __future__ import annotations

import functools
import signal
import sys
import traceback
from collections.abc import Callable
from types import FrameType
from typing import ParamSpec, TypeVar

import typer

from termcheck.core.errors import TermcheckError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM

P = ParamSpec("P")
R = TypeVar("R")
DEBUG = {"on": False}


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so that it stops a run the same clean way: the
    workers ended, the temporary files removed, no output half written."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def stop_on_sigterm() -> None:
    """Handle SIGTERM as Ctrl-C. Only the command line does this: a library must leave its host's signals alone."""
    signal.signal(signal.SIGTERM, _terminate)


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    print(f"termcheck: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def stopped(interrupt: BaseException | None) -> typer.Exit:
    """A run stopped by Ctrl-C or SIGTERM: one line, and the shell's code for it."""
    if isinstance(interrupt, Terminated):
        return fail("terminated", EXIT_TERMINATED)
    return fail("interrupted", EXIT_INTERRUPTED)


def exit_codes(command: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a one-line message on stderr and exit 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TermcheckError as exc:
            if DEBUG["on"]:
                traceback.print_exc()
            raise fail(str(exc)) from None
        except KeyboardInterrupt as exc:
            raise stopped(exc) from None
        except BrokenPipeError:  # `termcheck … | head`: the reader left; not an error of ours
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_CLEAN) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: still one line, traceback with --debug
            if DEBUG["on"]:
                traceback.print_exc()
            raise fail(f"internal error: {exc.__class__.__name__}: {exc} (rerun with --debug)") from None

    return wrapper


def usage_message(exc: Exception) -> str:
    """A parser error as one line: "no such option: --bogus; see `termcheck check --help`"."""
    import difflib

    option = getattr(exc, "option_name", None)
    possibilities = getattr(exc, "possibilities", None)
    if option and possibilities is not None:  # an unknown option: suggest only a close one
        message = f"no such option: {option}"
        close = difflib.get_close_matches(option, sorted(possibilities), n=1, cutoff=0.75)
        if close:
            message += f" (did you mean {close[0]}?)"
    else:
        shown = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        message = " ".join(str(shown).split()).rstrip(".")
        message = message[:1].lower() + message[1:]
    context = getattr(exc, "ctx", None)
    if context is not None:
        message += f"; see `{context.command_path} --help`"
    return message


def non_negative(value: int | None) -> int | None:
    """An option callback for counts: checked here rather than by `min=0`, whose help reads `[x>=0]`."""
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is negative; give 0 or more")
    return value
