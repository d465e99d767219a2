"""How findings name files: relative to the project root, in `/` form.

Finding ids, suppressions, baselines and SARIF locations then stay the same wherever in the repository
a run starts, and on any operating system.
"""

from __future__ import annotations

import os

from termcheck.readers.remote import is_url


def display_path(path: str, root: str | None) -> str:
    """`path` relative to `root` with `/` separators if it lies under `root`; otherwise as given. Either way
    as text every output can hold (`readable`)."""
    if not root or is_url(path):
        return readable(path)
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return readable(path)
    if relative == os.curdir or relative.startswith(os.pardir):
        return readable(path.replace(os.sep, "/"))
    return readable(relative.replace(os.sep, "/"))


def readable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (Python keeps them as lone surrogates, which no UTF-8
    output can hold: JSON, SARIF and Excel refused them) shown as `\\xNN`, so "caf\\xe9.txt" names the file."""
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
