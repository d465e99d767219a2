"""Errors the library raises. The CLI maps them to exit code 2 in one place."""

from __future__ import annotations


class TermcheckError(Exception):
    """Base class: a problem with the user's input or options, never a bug."""


class InputError(TermcheckError):
    """A file cannot be read or does not hold what it should. Names the file and, if known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class UsageError(TermcheckError):
    """Options that do not fit together."""


class RunError(TermcheckError):
    """The run could not finish for a reason outside the input: a worker process died."""


def first_line(exc: BaseException) -> str:
    """The first line of what `exc` says (its type where it says nothing): for an error of one line."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
