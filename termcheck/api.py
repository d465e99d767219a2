"""The Python API: what `termcheck check` does, callable from code.

import termcheck
report = termcheck.check(source="a.zh.txt", target="a.en.txt", glossary="terms.csv")
for finding in report.findings:
    print(finding.code, finding.message)
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from termcheck.engine import Checker, CheckOptions, GlossaryFile, Progress, Report
from termcheck.errors import InputError
from termcheck.glossary.io import combine, load_each
from termcheck.glossary.model import Glossary
from termcheck.model import Severity
from termcheck.readers import FieldNames, open_documents
from termcheck.suppressions import Suppressions, load_suppressions


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


def _load(
    paths: Sequence[str], columns: Mapping[str, str] | None, encoding: str | None
) -> tuple[Glossary, list[GlossaryFile]]:
    loaded = load_each(paths, columns, encoding)
    files = [GlossaryFile(p, _sha256(p), len(g)) for p, g in zip(paths, loaded, strict=True)]
    return combine(loaded), files


def check(
    files: Sequence[str] = (),
    *,
    glossary: str | Sequence[str] | Glossary,
    source: str | None = None,
    target: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    deprecated_everywhere: bool = False,
    allow_untranslated: Sequence[str] = (),
    encoding: str | None = None,
    input_format: str | None = None,
    fields: FieldNames = FieldNames(),
    glossary_columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    suppressions: Suppressions | str | None = None,
    references: Sequence[str] = (),
) -> Report:
    """Check documents against glossaries; returns a Report whose `findings` the CLI prints.

    `references` are line-aligned reference translations of the checked segments: the report then
    carries BLEU, chrF2++, TER and term accuracy in `scores`, and per-segment scores.
    `suppressions` is an ignore file (path or loaded) written by `termcheck review apply`; the findings
    it covers are left out and counted in `report.suppressed`.
    Raises termcheck.errors.TermcheckError (InputError, UsageError) for bad input or options.
    """
    glossary_files: list[GlossaryFile] = []
    if isinstance(glossary, Glossary):
        loaded = glossary
    else:
        loaded, glossary_files = _load(
            [glossary] if isinstance(glossary, str) else list(glossary), glossary_columns, encoding
        )
    if isinstance(suppressions, str):
        suppressions = load_suppressions(suppressions)
    documents = open_documents(files, source, target, fields, encoding, input_format)
    options = CheckOptions(
        select=select,
        ignore=ignore,
        severities=dict(severities or {}),
        deprecated_everywhere=deprecated_everywhere,
        allow_untranslated=tuple(allow_untranslated),
    )
    report = Checker(loaded, options).run(documents, progress, suppressions)
    report.glossary_files = glossary_files
    if references:
        from termcheck.scoring.run import score_segments

        segments = [segment for document in documents for segment in document.read()]
        report.scores, report.segment_scores = score_segments(
            segments, references, loaded, report.term_accuracy, encoding
        )
    report.options = _describe_options(options, encoding, input_format)
    return report


def _describe_options(options: CheckOptions, encoding: str | None, input_format: str | None) -> dict[str, str]:
    described = {
        "select": ", ".join(options.select),
        "ignore": ", ".join(options.ignore),
        "severity overrides": ", ".join(f"{k}={v.label}" for k, v in options.severities.items()),
        "deprecated everywhere": "yes" if options.deprecated_everywhere else "",
        "allow untranslated": ", ".join(options.allow_untranslated),
        "encoding": encoding or "",
        "input format": input_format or "",
    }
    return {k: v for k, v in described.items() if v}
