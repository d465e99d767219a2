"""`termcheck fix --diff`: the change from an input to its corrected copy as a unified diff that `git apply`
and `patch -p1` take.

The diff is of the file's bytes, line by line: line ends (CRLF too), encoding and BOM come out as they are
in the file, so the patch applies to it exactly. Only a file in UTF-16 or UTF-32, where a byte 0x0A is not
always a line end, is compared as text, and its diff written in UTF-8: no patch tool applies that to the file.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from termcheck.core.errors import InputError
from termcheck.text.textio import SNIFF_BYTES, detect_encoding

NO_NEWLINE = b"\\ No newline at end of file\n"


def wide_encoding(path: str, raw: bytes, encoding: str | None) -> str | None:
    """The file's encoding where it is UTF-16 or UTF-32 (a line cannot be split at b"\\n"); else None."""
    try:
        name = codecs.lookup(encoding or detect_encoding(path, raw[:SNIFF_BYTES])).name
    except (LookupError, InputError):
        return None  # the readers have read it already, so this does not happen; compare bytes then
    return name if name.startswith(("utf-16", "utf-32")) else None


def file_diff(before: bytes, after: bytes, path: str, encoding: str | None = None) -> bytes:
    """The unified diff of `path` (named relative to the current folder, git's a/ and b/ before it) from
    `before` to `after`; empty where they are the same."""
    if before == after:
        return b""
    name = PurePath(os.path.relpath(path)).as_posix().encode("utf-8", "surrogateescape")
    end = b"\t" if b" " in name else b""  # as git writes it: GNU patch reads a name up to a tab
    wide = wide_encoding(path, before, encoding)
    if wide is not None:
        old, new = (_lines(data.decode(wide).encode("utf-8")) for data in (before, after))
    else:
        old, new = _lines(before), _lines(after)
    lines = difflib.diff_bytes(difflib.unified_diff, old, new, b"a/" + name + end, b"b/" + name + end, lineterm=b"\n")
    return b"".join(_marked(lines))


def _lines(data: bytes) -> list[bytes]:
    """The lines with their ends, split at b"\\n" only (as the readers count lines)."""
    parts = data.split(b"\n")
    return [line + b"\n" for line in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _marked(lines: Iterable[bytes]) -> Iterator[bytes]:
    """difflib's lines, with the marker that a line has no line end after a last line that lacks one."""
    for line in lines:
        if line.endswith(b"\n"):
            yield line
        else:
            yield line + b"\n"
            yield NO_NEWLINE
