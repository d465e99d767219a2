"""Which files one run checks: glob patterns and directories expanded, excludes applied, and plain-text
files paired by naming convention (`foo.zh.txt` is the source of `foo.en.txt`).

The readers show paths relative to the project root (`termcheck.readers.paths.display_path`).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from termcheck.core.errors import UsageError
from termcheck.readers import EXTENSIONS, Pair, detect_format
from termcheck.readers.paths import display_path

GLOB_CHARS = frozenset("*?[")


@dataclass
class Discovered:
    """The documents of a run, in the order given: single files and source/target pairs."""

    inputs: list[str | Pair] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a matched file is not checked


@lru_cache(maxsize=256)
def _pattern(glob_pattern: str) -> re.Pattern[str]:
    """A glob as a regex over `/` paths, with the rules `glob` has for FILES patterns, so `exclude` and
    `files` read a pattern alike: `**` spans directories, `*` and `?` do not cross `/`, `[abc]` and `[!abc]`
    are character classes."""
    out: list[str] = []
    i = 0
    pattern = glob_pattern.strip().replace("\\", "/").removeprefix("./")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) != -1:
            inside = pattern[i + 1 : close]
            negated = inside.startswith("!")
            body = re.escape(inside[1:] if negated else inside).replace("\\-", "-")
            out.append(f"[^/{body}]" if negated else f"(?!/)[{body}]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?")  # a pattern naming a directory excludes what is under it


def is_excluded(shown: str, exclude: Iterable[str]) -> bool:
    return any(_pattern(p).fullmatch(shown) for p in exclude)


def _files_in(directory: str) -> list[str]:
    found: list[str] = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(os.path.join(folder, n) for n in sorted(names) if os.path.splitext(n)[1].lower() in EXTENSIONS)
    return found


def expand(patterns: Sequence[str], exclude: Sequence[str] = (), root: str = ".") -> list[str]:
    """Files named by `patterns`: literal paths as given, directories walked, globs (with `**`) matched."""
    paths: list[str] = []
    for pattern in patterns:
        if os.path.isdir(pattern):
            matched = _files_in(pattern)
            if not matched:
                raise UsageError(f"{pattern}: no files with a known extension ({', '.join(EXTENSIONS)})")
        elif GLOB_CHARS & set(pattern) and not os.path.exists(pattern):
            matched = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
            if not matched:
                raise UsageError(f"no files match {pattern!r}")
        else:
            matched = [pattern]  # a missing or unreadable file is reported by its reader
        paths.extend(matched)
    seen: set[str] = set()
    kept: list[str] = []
    root = os.path.abspath(root)
    for path in paths:
        key = os.path.realpath(path)
        if key in seen or (exclude and is_excluded(display_path(path, root), exclude)):
            continue
        seen.add(key)
        kept.append(path)
    return kept


def _language_part(path: str) -> tuple[str, str, str] | None:
    """`dir/foo.zh.txt` → (`dir/foo`, `zh`, `.txt`) for plain-text files; None otherwise."""
    if detect_format(path) != "text":
        return None
    stem, ext = os.path.splitext(path)
    base, dot, tag = stem.rpartition(".")
    if not dot or not base or not tag or os.sep in tag or "/" in tag:
        return None
    return base, tag.lower(), ext


def pair_by_language(paths: Sequence[str], source_tag: str = "zh", target_tag: str = "en") -> Discovered:
    """Pair `X.<source>.ext` with `X.<target>.ext`, among `paths` or beside them on disk.

    A target without a source is checked alone (target-only checks); a source without a target is skipped.
    """
    tags = {source_tag.lower(): "source", target_tag.lower(): "target"}
    parsed = [(path, _language_part(path)) for path in paths]
    named: dict[tuple[str, str, str], str] = {}
    for path, parts in parsed:
        if parts is not None and parts[1] in tags:
            named.setdefault((parts[0], tags[parts[1]], parts[2]), path)

    def partner(base: str, side: str, ext: str) -> str | None:
        if (base, side, ext) in named:
            return named[(base, side, ext)]
        candidate = f"{base}.{source_tag if side == 'source' else target_tag}{ext}"
        return candidate if os.path.isfile(candidate) else None

    result = Discovered()
    placed: set[tuple[str, str]] = set()
    for path, parts in parsed:
        if parts is None or parts[1] not in tags:
            result.inputs.append(path)
            continue
        base, _, ext = parts
        if (base, ext) in placed:
            continue
        placed.add((base, ext))
        source, target = partner(base, "source", ext), partner(base, "target", ext)
        if source and target:
            result.inputs.append(Pair(source, target))
        elif target:
            result.inputs.append(target)
        else:
            result.skipped.append(f"{path}: no {base}.{target_tag}{ext} beside it to check")
    return result


def discover(
    patterns: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    root: str = ".",
    source_tag: str = "zh",
    target_tag: str = "en",
) -> Discovered:
    """Expand `patterns` and pair the files of one run."""
    return pair_by_language(expand(patterns, exclude, root), source_tag, target_tag)
