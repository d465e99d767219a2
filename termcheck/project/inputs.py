"""What a project run reads besides its documents: the glossaries, the files FILES and the configuration name,
the ignore file, and options that name an encoding or format. `check` and `fix` share these."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence

from termcheck.core.errors import InputError, UsageError
from termcheck.core.suppression import IGNORE_FILE, Suppressions
from termcheck.glossary.io import combine, load_each
from termcheck.glossary.model import Glossary
from termcheck.project.config import Settings
from termcheck.project.discovery import Discovered, discover
from termcheck.project.suppressions import load_suppressions
from termcheck.run.report import GlossaryFile


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


def load_glossary_files(
    paths: Sequence[str], columns: Mapping[str, str] | None, encoding: str | None
) -> tuple[Glossary, list[GlossaryFile]]:
    """The glossaries of a run, combined, and each file's path, checksum and size (for the report)."""
    loaded = load_each(paths, columns, encoding)
    files = [GlossaryFile(p, file_sha256(p), len(g)) for p, g in zip(paths, loaded, strict=True)]
    return combine(loaded), files


def project_inputs(
    settings: Settings, root: str, files: Sequence[str], source: str | None, target: str | None
) -> tuple[list[str], Discovered]:
    """The patterns of a run (FILES, else the configured `files` unless --source/--target) and what they find."""
    patterns = list(files) or ([] if source or target else list(settings.files))
    found = discover(
        patterns,
        exclude=settings.exclude,
        root=root,
        source_tag=settings.source_language,
        target_tag=settings.target_language,
    )
    return patterns, found


def check_input_options(encoding: str | None, glossary_encoding: str | None, input_format: str | None) -> None:
    """Options that name something unknown are the option's error, before any file is opened (an unknown
    --encoding was once blamed on the glossary, the first file read; --input-format docx was ignored)."""
    from termcheck.readers import FORMATS
    from termcheck.text.textio import encoding_problem

    for option, value in (("--encoding", encoding), ("--glossary-encoding", glossary_encoding)):
        if value and (problem := encoding_problem(value)):
            raise UsageError(f"{option}: {problem}")
    if input_format and input_format not in FORMATS:
        raise UsageError(f"--input-format: unknown format {input_format!r} (use one of {', '.join(FORMATS)})")


def project_suppressions(settings: Settings, root: str) -> Suppressions | None:
    """An ignore file that is named must exist; the default one is used only if it does."""
    if not settings.use_ignore_file:
        return None
    if settings.ignore_file is not None:
        return load_suppressions(settings.ignore_file)
    default = default_ignore_file(settings, root)
    return load_suppressions(default) if os.path.isfile(default) else None


def default_ignore_file(settings: Settings, root: str) -> str:
    """Where `review apply` writes suppressions: the configured ignore file, or the project root's."""
    return settings.ignore_file or os.path.relpath(os.path.join(root, IGNORE_FILE))
