"""Write output files atomically: a temporary file beside the target, then a rename.

A run with several outputs (reports, corrected copies, an ignore file) writes them as one `OutputBatch`: each
to its temporary file as it comes, and all renamed into place at the end. A failure before the renames
(a full disk, Ctrl-C) removes every temporary file and replaces nothing; one during them, which only a
change to the folders in between can cause, names what was replaced. A target that is not a regular file
(a pipe, /dev/null, a terminal) is written into, never replaced: it cannot be taken back, so a batch writes
it when it comes.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import BinaryIO

from termcheck.core.errors import InputError, TermcheckError, UsageError
from termcheck.core.wording import listed


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


def _cannot_write(path: str, exc: OSError) -> InputError:
    return InputError(path, f"cannot write: {exc.strerror or exc}")


def _stream(path: str) -> bool:
    """Whether `path` is something other than a regular file or nothing (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _write_into(path: str, write: Callable[[BinaryIO], None]) -> None:
    try:
        with open(path, "wb") as handle:
            write(handle)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def make_folders(folder: str) -> list[str]:
    """Make `folder` and any missing parents (OSError if it cannot be); the folders made, outermost first."""
    missing = []
    current = os.path.abspath(folder)
    while not os.path.isdir(current) and os.path.dirname(current) != current:
        missing.append(current)
        current = os.path.dirname(current)
    os.makedirs(folder, exist_ok=True)
    return missing[::-1]


def _write_temporary(path: str, write: Callable[[BinaryIO], None], made: list[str]) -> str:
    """The content written to a new temporary file beside `path`, with the permissions a new file gets; its name.
    The folders it had to make are added to `made`."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        made += make_folders(directory)
        fd, tmp = tempfile.mkstemp(prefix=".termcheck-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, 0o666 & ~_umask())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _with_note(exc: TermcheckError, note: str, joint: str = "; ") -> TermcheckError:
    if isinstance(exc, InputError):
        return InputError(exc.path, f"{exc.reason}{joint}{note}", exc.line)
    return type(exc)(f"{exc}{joint}{note}")


class OutputBatch:
    """Outputs written together: `write` each (to a temporary file), and leave the `with` block to rename them
    all into place. Leaving it with an error removes the temporary files and replaces nothing."""

    def __init__(self) -> None:
        self._staged: list[tuple[str, str]] = []  # (temporary file, target), in the order written
        self._checks: list[Callable[[], None]] = []  # run before anything is renamed: an exception replaces nothing
        self.made: list[str] = []  # folders made for the outputs, removed again (if empty) when nothing is written

    def write(
        self, path: str, write: Callable[[BinaryIO], None], before_replace: Callable[[], None] | None = None
    ) -> None:
        """Stage `path`. `before_replace` runs at the commit, before any output is renamed: an exception from it
        replaces nothing."""
        if os.path.isdir(path):
            raise InputError(path, "is a directory")
        if _stream(path):
            _write_into(path, write)
            return
        self._staged.append((_write_temporary(path, write, self.made), path))
        if before_replace is not None:  # only once staged: a write that failed has nothing to replace
            self._checks.append(before_replace)

    def discard(self) -> None:
        for tmp, _path in self._staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._staged, self._checks = [], []
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # only an empty one
        self.made = []

    def commit(self) -> None:
        """Rename every temporary file into place. A Ctrl-C or SIGTERM among the renames (microseconds) waits for
        the last of them, so that the outputs are all of one run."""
        checks, self._checks = self._checks, []
        try:
            for check in checks:
                check()
        except BaseException:
            self.discard()
            raise
        staged, self._staged = self._staged, []
        done: list[str] = []
        stop: KeyboardInterrupt | None = None
        while staged:
            tmp, path = staged[0]
            try:
                os.replace(tmp, path)
            except KeyboardInterrupt as exc:
                stop = exc
                if os.path.exists(tmp):
                    continue  # not renamed yet: again
            except OSError as exc:
                self._staged, self.made = staged, []  # the folders hold what was replaced
                self.discard()
                rest = [p for _t, p in staged[1:]]
                raise _with_note(_cannot_write(path, exc), _replaced(done, rest)) from None
            done.append(path)
            staged.pop(0)
        self.made = []  # they hold the outputs now
        if stop is not None:
            raise stop

    def __enter__(self) -> OutputBatch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if exc is None:
            self.commit()
            return
        ready = [path for _tmp, path in self._staged]
        self.discard()
        if isinstance(exc, TermcheckError) and ready:
            unchanged = f"({listed(ready, most=3)} unchanged)"
            if str(exc).endswith("nothing written"):  # a copy that does not read back as fixed says so already
                raise _with_note(exc, unchanged, " ") from None
            raise _with_note(exc, f"no output written {unchanged}") from None


def _replaced(done: Sequence[str], rest: Sequence[str]) -> str:
    replaced = (
        f"{listed(done, most=3)} {'was' if len(done) == 1 else 'were'} replaced" if done else "nothing was replaced"
    )
    if not rest:
        return replaced
    return f"{replaced}, {listed(rest, most=3)} {'was' if len(rest) == 1 else 'were'} not"


def write_atomically(
    path: str,
    write: Callable[[BinaryIO], None],
    batch: OutputBatch | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `path` through a temporary file beside it; with `batch`, renamed when the batch is committed.
    `before_replace` runs just before the rename: an exception from it leaves `path` as it was."""
    if batch is not None:
        batch.write(path, write, before_replace)
        return
    with OutputBatch() as alone:
        alone.write(path, write, before_replace)


def write_text_atomically(path: str, text: str, batch: OutputBatch | None = None) -> None:
    def write(handle: BinaryIO) -> None:
        handle.write(text.encode("utf-8"))

    write_atomically(path, write, batch)
