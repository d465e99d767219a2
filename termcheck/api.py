"""The Python API: what `termcheck check` does, callable from code.

import termcheck
report = termcheck.check(source="a.zh.txt", target="a.en.txt", glossary="terms.csv")
for finding in report.findings:
    print(finding.code, finding.message)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from termcheck.engine import Checker, CheckOptions, Progress, Report
from termcheck.glossary.io import load_glossaries
from termcheck.glossary.model import Glossary
from termcheck.model import Severity
from termcheck.readers import FieldNames, open_documents


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
    encoding: str | None = None,
    input_format: str | None = None,
    fields: FieldNames = FieldNames(),
    glossary_columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check documents against glossaries; returns a Report whose `findings` the CLI prints.

    Raises termcheck.errors.TermcheckError (InputError, UsageError) for bad input or options.
    """
    if isinstance(glossary, Glossary):
        loaded = glossary
    else:
        paths = [glossary] if isinstance(glossary, str) else list(glossary)
        loaded = load_glossaries(paths, glossary_columns, encoding)
    documents = open_documents(files, source, target, fields, encoding, input_format)
    options = CheckOptions(
        select=select,
        ignore=ignore,
        severities=dict(severities or {}),
        deprecated_everywhere=deprecated_everywhere,
    )
    return Checker(loaded, options).run(documents, progress)
