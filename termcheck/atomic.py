"""Write output files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from typing import BinaryIO

from termcheck.errors import InputError, UsageError


def refuse_overwriting_inputs(output: str, inputs: Iterable[str]) -> None:
    out = os.path.realpath(output)
    for path in inputs:
        if os.path.realpath(path) == out:
            raise UsageError(f"{output}: refusing to overwrite an input file")


def _umask() -> int:
    """The process's umask, read without setting it where the platform allows (Linux's /proc): os.umask can
    only be read by setting it, which a thread of the caller might see for an instant."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(
    path: str, write: Callable[[BinaryIO], None], before_replace: Callable[[], None] | None = None
) -> None:
    """Write `path` through a temporary file beside it, renamed into place when complete. `before_replace` runs
    just before the rename: an exception from it leaves `path` as it was."""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise InputError(path, "is a directory")
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".termcheck-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, 0o666 & ~_umask())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomically(path: str, text: str) -> None:
    def write(handle: BinaryIO) -> None:
        handle.write(text.encode("utf-8"))

    write_atomically(path, write)
