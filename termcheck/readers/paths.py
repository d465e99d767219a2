"""How findings name files: relative to the project root, in `/` form.

Finding ids, suppressions, baselines and SARIF locations then stay the same wherever in the repository
a run starts, and on any operating system.
"""

from __future__ import annotations

import os


def display_path(path: str, root: str) -> str:
    """`path` relative to `root` with `/` separators if it lies under `root`; otherwise as given."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return path
    if relative == os.curdir or relative.startswith(os.pardir):
        return path.replace(os.sep, "/")
    return relative.replace(os.sep, "/")
