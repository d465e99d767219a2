"""What `termcheck fix` does: the project's inputs checked with the fixable checks, fixed, and corrected
copies written into an output folder (never over an input), with a diff and a summary."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from termcheck.checks.registry import ALL_CHECKS, select_checks
from termcheck.core.atomic import OutputBatch, make_folders, refuse_overwriting_inputs, write_atomically
from termcheck.core.errors import InputError, UsageError
from termcheck.core.model import Finding, InlineCode
from termcheck.core.scratch import scratch_errors
from termcheck.fixes.copies import corrected_copy, rewritten_file, rewritten_path
from termcheck.fixes.patch import file_diff, wide_encoding
from termcheck.fixes.runner import DocumentFixes, FixedSegment, fix_document, fixable_checks
from termcheck.glossary.model import Glossary
from termcheck.project.config import Settings
from termcheck.project.inputs import load_glossary_files, project_inputs, project_suppressions
from termcheck.readers import FieldNames, open_document, open_documents
from termcheck.readers.base import Document, Pair
from termcheck.readers.remote import is_url
from termcheck.run.cluster import cluster_check
from termcheck.run.engine import Checker, CheckOptions
from termcheck.text.langs import english_locale

DEFAULT_OUTPUT_DIR = "fixed"


@dataclass
class FixedFile:
    name: str  # the document as findings name it
    input: str  # the file a copy corrects
    output: str  # where the copy goes (written unless a dry run or a diff)
    segments: int
    changed: list[FixedSegment]
    left_out: list[FixedSegment]  # changes a person must make (each says why: it would cross an inline code, say)
    unfixed: list[Finding]  # findings of the fixable checks that no safe fix covers
    patch: bytes = b""  # with `diff`: the unified diff from the input to its copy (termcheck.fixes.patch)


@dataclass
class FixRun:
    files: list[FixedFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self) -> Counter[str]:
        """Fixes applied, by check code."""
        return Counter(fix.code for f in self.files for c in f.changed if c not in f.left_out for fix in c.fixes)


def fix_project(
    settings: Settings,
    *,
    root: str = ".",
    files: Sequence[str] = (),
    source: str | None = None,
    target: str | None = None,
    output_dir: str | None = None,
    write: bool = True,
    diff: bool = False,
) -> FixRun:
    """Fix FILES (or the configured `files`) with every safe fix of the selected checks; corrected copies go to
    `output_dir` (default: fixed/ at the project root) under each input's path from the root (`output_paths`).
    `write=False` computes everything and writes nothing (--dry-run, --diff); `diff` keeps each file's patch. The
    copies are written as one batch: all of them, or (where one cannot be) none."""
    with OutputBatch() as batch:
        return _fix_project(settings, root, files, source, target, output_dir, write, diff, batch)


def _fix_project(
    settings: Settings,
    root: str,
    files: Sequence[str],
    source: str | None,
    target: str | None,
    output_dir: str | None,
    write: bool,
    diff: bool,
    batch: OutputBatch,
) -> FixRun:
    checker = _checker(settings)
    patterns, found = project_inputs(settings, root, files, source, target)
    run = FixRun(skipped=list(found.skipped))
    if not settings.glossary:
        run.notes.append("no glossary given, so deprecated terms (TC101) were not fixed; add one with -g FILE")
    if patterns and not found.inputs and not (source or target):
        return run
    fields = FieldNames(settings.id_column, settings.source_column, settings.target_column)
    folder = output_dir or os.path.join(root, DEFAULT_OUTPUT_DIR)
    # the copies of an earlier run are not inputs: `termcheck fix .` twice must not fix fixed/ into fixed/fixed/
    # (an output folder that holds the whole project, "." say, is refused below instead: it would replace inputs)
    earlier = not _inside(root, folder)
    chosen = [f for f in found.inputs if not (earlier and _inside(f.target if isinstance(f, Pair) else f, folder))]
    if found.inputs and not chosen and not (source or target):
        return run
    documents = open_documents(
        chosen, source, target, fields, settings.encoding, settings.input_format, root, fetch=False
    )
    remote = next((p for d in documents for p in d.paths if is_url(p)), None)
    if remote is not None:
        raise UsageError(f"{remote}: fix writes corrected copies of files on this machine; copy it here first")
    inputs = [p for d in documents for p in d.paths] + list(settings.glossary)
    outputs = output_paths(folder, [rewritten_file(d) for d in documents], root, writing=write)
    suppressions = project_suppressions(settings, root)
    with cluster_check(settings.cluster, settings.shards, checker) as first_check:
        for document in documents:
            fixes = fix_document(checker, document, suppressions, first_check)
            output = outputs[os.path.abspath(rewritten_file(document))]
            refuse_overwriting_inputs(output, inputs)
            path = rewritten_path(fixes)
            left_out: list[FixedSegment] = []
            patch = b""
            if fixes.changed:
                original = Path(path).read_bytes() if diff else b""
                copy, left_out = verified_copy(fixes, fields, settings.encoding)
                if write and _save(copy, fixes, left_out, output, batch):
                    run.written.append(output)
                if diff:
                    patch = file_diff(original, copy, path, settings.encoding)
                    if patch and wide_encoding(path, original, settings.encoding):
                        run.notes.append(
                            f"{document.name} is UTF-16/32 text: its diff is shown in UTF-8, not as a patch"
                        )
            run.files.append(
                FixedFile(document.name, path, output, fixes.segments, fixes.changed, left_out, fixes.unfixed, patch)
            )
    return run


def verified_copy(fixes: DocumentFixes, fields: FieldNames, encoding: str | None) -> tuple[bytes, list[FixedSegment]]:
    """The corrected copy, read back to be sure, and the changes left out of it (they would cross an inline
    code)."""
    copy, left_out = corrected_copy(fixes, fields, encoding)
    _verify(copy, fixes, left_out, encoding, fields)
    return copy, left_out


def write_copy(
    fixes: DocumentFixes, output: str, fields: FieldNames, encoding: str | None, batch: OutputBatch | None = None
) -> tuple[list[FixedSegment], bool]:
    """Make the corrected copy, read it back to be sure, and write it atomically to `output` (or as part of
    `batch`). Returns the changes left out of it, and whether a copy was written (not where every change was
    left out)."""
    copy, left_out = verified_copy(fixes, fields, encoding)
    return left_out, _save(copy, fixes, left_out, output, batch)


def _save(
    copy: bytes, fixes: DocumentFixes, left_out: list[FixedSegment], output: str, batch: OutputBatch | None = None
) -> bool:
    """Write the copy atomically, unless every change was left out of it; whether it was written."""
    wrote = len(fixes.changed) > len(left_out)
    if wrote:
        folder = os.path.dirname(output) or "."
        try:
            made = make_folders(folder)
            if batch is not None:
                batch.made += made
        except OSError as exc:
            raise InputError(folder, f"cannot create the output folder: {exc.strerror or exc}") from None

        def save(handle: BinaryIO) -> None:
            handle.write(copy)

        write_atomically(output, save, batch)
    return wrote


def output_paths(folder: str, inputs: Sequence[str], root: str, *, writing: bool = True) -> dict[str, str]:
    """Where each input's corrected copy goes (by the input's absolute path): under `folder`, at the input's path
    from the project root; inputs outside the root at their path from the folder that holds them all (one such
    input: its name), so that inputs of the same name in different folders keep apart. When `writing`, two
    inputs whose copies would still share a path, or a copy whose real path is outside the folder's (a symlink
    inside it), are a UsageError: nothing is written."""
    files = [os.path.abspath(path) for path in dict.fromkeys(inputs)]
    outside = [path for path in files if not _inside(path, root)]
    base = os.path.commonpath([os.path.dirname(path) for path in outside]) if outside else root
    layout = {path: os.path.join(folder, _relative(path, base if path in outside else root)) for path in files}
    if writing:
        _refuse_collisions(layout, inputs)
        _refuse_leaving(folder, layout.values())
    return layout


def _refuse_collisions(layout: dict[str, str], inputs: Sequence[str]) -> None:
    given = {os.path.abspath(path): path for path in inputs}
    seen: dict[str, str] = {}
    for path, output in layout.items():
        key = os.path.normcase(os.path.realpath(output))
        if key in seen:
            raise UsageError(
                f"{output}: the corrected copies of {given[seen[key]]} and {given[path]} would both be written "
                "here; fix them in separate runs, or from a folder that holds both"
            )
        seen[key] = path


def _refuse_leaving(folder: str, outputs: Iterable[str]) -> None:
    """A copy is written where its real path is inside the output folder's, never through a symlink out of it."""
    real_folder = os.path.realpath(folder)
    for output in outputs:
        real = os.path.realpath(output)
        if not _inside(real, real_folder):
            raise UsageError(
                f"{output}: its real path {real} is outside the output folder {folder} (a symbolic link leads out of "
                "it); nothing written"
            )


def _checker(settings: Settings) -> Checker:
    chosen = select_checks(settings.select or None, settings.ignore, ALL_CHECKS)
    fixable = fixable_checks(chosen)
    if not fixable:
        codes = ", ".join(c.code for c in fixable_checks(ALL_CHECKS))
        raise UsageError(f"none of the selected checks has a safe fix (those that do: {codes})")
    if settings.glossary:
        glossary, _files = load_glossary_files(
            list(settings.glossary), settings.glossary_columns, settings.glossary_encoding
        )
    else:
        glossary = Glossary(name="none")
        fixable = [c for c in fixable if not c.needs_glossary]
    options = CheckOptions(
        select=tuple(c.code for c in fixable),
        severities=dict(settings.severity),
        deprecated_everywhere=settings.deprecated_everywhere,
        allow_untranslated=tuple(settings.allow_untranslated),
        target_locale=english_locale(settings.target_language),
    )
    return Checker(glossary, options)


def _inside(path: str, folder: str) -> bool:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    return not relative.startswith("..") and not os.path.isabs(relative)


def _relative(path: str, root: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return os.path.basename(path) if relative.startswith("..") else relative


def _verify(
    copy: bytes, fixes: DocumentFixes, left_out: list[FixedSegment], encoding: str | None, fields: FieldNames
) -> None:
    """Read the copy back with the input's reader: changed segments must read as fixed (their codes where a person
    placed them too), all others as before."""
    expected = {f.index: f.target for f in fixes.changed if f not in left_out}
    placed = {f.index: _layout(f.codes) for f in fixes.changed if f not in left_out and f.codes is not None}
    path = rewritten_path(fixes)
    document = fixes.document
    with scratch_errors():
        scratch = tempfile.TemporaryDirectory(prefix="termcheck-fix-")
    with scratch as folder:
        copy_path = str(Path(folder, os.path.basename(path)))
        with scratch_errors():
            Path(copy_path).write_bytes(copy)
        if document.format == "text-pair":
            from termcheck.readers import open_pair

            again: Document = open_pair(document.paths[0], copy_path, encoding, document.name)
        else:
            again = open_document(copy_path, fields, encoding, document.format, document.name)
        segments = list(again.read())
    read = [s.target for s in segments]
    wanted = [expected.get(i, text) for i, text in enumerate(fixes.targets)]
    misplaced = [i for i, layout in placed.items() if i >= len(segments) or _layout(segments[i].target_codes) != layout]
    if misplaced and read == wanted:
        raise InputError(
            path, f"the corrected copy does not read back as fixed (segment {misplaced[0] + 1}); nothing written"
        )
    if read != wanted:
        first = (
            next(i for i, (a, b) in enumerate(zip(read, wanted, strict=False)) if a != b)
            if len(read) == len(wanted)
            else 0
        )
        raise InputError(path, f"the corrected copy does not read back as fixed (segment {first + 1}); nothing written")


def _layout(codes: Sequence[InlineCode]) -> list[tuple[str, int, str]]:
    """Codes by kind, place and element; not by id, which the readers make up from the position for a code
    without one (a TMX <ph> with no x) and so changes when a person moves it."""
    return [(c.kind, c.offset, c.element) for c in codes]
