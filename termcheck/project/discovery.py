"""Which files one run checks: glob patterns and directories expanded, excludes applied, and plain-text
files paired by naming convention (`foo.zh.txt` is the source of `foo.en.txt`).

The readers show paths relative to the project root (`termcheck.readers.paths.display_path`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wcmatch import glob as wcglob

from termcheck.core.errors import UsageError
from termcheck.readers import EXTENSIONS, Pair, detect_format
from termcheck.readers.paths import display_path

GLOB_CHARS = frozenset("*?[")


@dataclass
class Discovered:
    """The documents of a run, in the order given: single files and source/target pairs."""

    inputs: list[str | Pair] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a matched file is not checked


# FILES and exclude read a pattern alike, with glob's rules: `**` alone in a path part spans folders, `*` and `?`
# stay within one, `[abc]` and `[!abc]` are classes; no braces. FILES follows links to folders as glob did.
FILES_FLAGS = wcglob.GLOBSTAR | wcglob.FOLLOW
# exclude also: `!pattern` takes back what the patterns before it exclude, and `*` covers hidden names too (a
# hidden file reaches exclude only when named, or found in a directory given)
EXCLUDE_FLAGS = wcglob.GLOBSTAR | wcglob.DOTGLOB | wcglob.NEGATE


def _exclude_patterns(exclude: Iterable[str]) -> list[str]:
    """Each pattern also as the folder it may name, which excludes what is under it."""
    patterns: list[str] = []
    for raw in exclude:
        pattern = raw.strip().replace("\\", "/")
        negated = pattern.startswith("!")
        pattern = pattern.removeprefix("!").removeprefix("./").rstrip("/")
        if pattern:
            sign = "!" if negated else ""
            patterns += [sign + pattern, f"{sign}{pattern}/**"]
    return patterns


def is_excluded(shown: str, exclude: Iterable[str]) -> bool:
    patterns = _exclude_patterns(exclude)
    return bool(patterns) and wcglob.globmatch(shown, patterns, flags=EXCLUDE_FLAGS)


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
            matched = sorted(p for p in wcglob.glob(pattern, flags=FILES_FLAGS) if os.path.isfile(p))
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
