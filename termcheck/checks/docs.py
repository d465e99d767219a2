"""The checks reference, rendered from the registry: each check's docstring, its metadata and its examples
(termcheck.checks.examples). One renderer, two outputs: `termcheck explain CODE` prints a check's section,
and docs/checks.md is the whole page, which a test compares with what this module renders:

    python -m termcheck.checks.docs > docs/checks.md
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.registry import ALL_CHECKS
from termcheck.core.model import Severity

REGENERATE = "python -m termcheck.checks.docs > docs/checks.md"

_REPORTED = {Severity.ERROR: "an error", Severity.WARNING: "a warning", Severity.INFO: "an info note"}

_INTRODUCTION = """\
# Checks

<!-- Generated from the checks' code (termcheck/checks/tc*.py: docstrings, metadata, examples) by
`{regenerate}`. Edit the checks, not this page:
tests/test_docs.py fails when it is stale. -->

termcheck has {count} checks. The TC1xx checks compare the target with a glossary and are skipped without
one; the TC2xx checks need no glossary: they catch the errors zh→en MT is known for, and the QA staples of
CAT tools. All checks run by default; `--select`/`--ignore` take codes, prefixes (`TC2`) or names, as in
ruff, and `--severity TC205=error` (or `[severity]` in termcheck.toml) changes a check's severity. Project
rules (`[[rules]]` in termcheck.toml, [docs/configuration.md](configuration.md#project-rules)) take part
like checks.

`termcheck checks` lists the checks; `termcheck explain CODE` prints a check's section of this page. Every
example below is run by the test suite (tests/test_check_examples.py): a bad one is reported by its check,
at the severity shown, and a good one is not. A text in quotes is shown with its quotes where white space
at its ends matters or it is empty. How the checks measure on real MT output is in
[docs/accuracy.md](accuracy.md).

| code | name | severity | fix | what it reports |
| --- | --- | --- | --- | --- |
"""

_CLOSING = "\n[← termcheck README](../README.md)\n"


def _anchor(check: type[Check]) -> str:
    return f"{check.code}-{check.name}".lower()


def _needs(check: type[Check]) -> str:
    if check.needs_glossary and check.needs_source:
        return "a glossary and a source; skipped without either"
    if check.needs_glossary:
        return "a glossary (skipped without one); reads the source where there is one"
    if check.needs_source:
        return "a source; skipped in target-only runs"
    return "nothing but the target: works without a source or a glossary"


def _shown(text: str) -> str:
    """A text as written, in quotes where its ends or its emptiness would not show."""
    if not text or text != text.strip() or "\n" in text:
        return json.dumps(text, ensure_ascii=False)
    return text


def _example_lines(example: Example) -> list[str]:
    lines = [f"glossary: {entry.line()}" for entry in example.glossary]
    if example.locale:
        lines.append(f"document: {example.locale}")
    xliff = " (XLIFF)" if example.xliff else ""
    pairs = example.pairs()
    for number, (source, target) in enumerate(pairs, start=1):
        prefix, indent = (f"{number}  ", "   ") if len(pairs) > 1 else ("", "")
        sides = [(f"source{xliff}", source)] if source is not None else []
        sides.append((f"target{xliff}", target))
        width = max(len(name) for name, _text in sides) + 1
        for index, (name, text) in enumerate(sides):
            assert text is not None
            lines.append(f"{prefix if index == 0 else indent}{name + ':':<{width}} {_shown(text)}")
    return lines


def _example(check: type[Check], example: Example) -> str:
    if example.bad:
        heading = f"**Bad:** reported as {_REPORTED[example.severity or check.severity]}"
    else:
        heading = "**Good:** not reported"
    return "\n".join([heading, "", "```text", *_example_lines(example), "```"])


def render(check: type[Check]) -> str:
    """A check's section: heading, summary, metadata, description, examples (markdown, ending in a newline)."""
    summary, _, rest = check.documentation().partition("\n\n")
    fix = (
        f"Fix (termcheck fix, and Apply fix in the Excel report): {check.fix_description}."
        if check.fix_description
        else "Fix: none; `termcheck fix` leaves it to a person."
    )
    parts = [
        f"## {check.code} {check.name}" if check.name != check.code else f"## {check.code}",  # a rule: id for both
        summary,
        "\n".join(
            [
                f"- Default severity: {check.severity.label}",
                f"- Needs: {_needs(check)}",
                f"- {fix}",
            ]
        ),
    ]
    if rest.strip():
        parts.append(rest.strip())
    parts.extend(_example(check, example) for example in check.examples)
    return "\n\n".join(parts) + "\n"


def _row(check: type[Check]) -> str:
    fix = "fix" if check.fix_description else "-"
    summary = check.summary().replace("|", "\\|")
    return f"| [{check.code}](#{_anchor(check)}) | {check.name} | {check.severity.label} | {fix} | {summary} |"


def page(checks: Sequence[type[Check]] = ALL_CHECKS) -> str:
    """docs/checks.md: the introduction, a table of the checks, then each check's section."""
    introduction = _INTRODUCTION.format(regenerate=REGENERATE, count=len(checks))
    table = "\n".join(_row(check) for check in checks)
    sections = "\n".join(render(check) for check in checks)
    return f"{introduction}{table}\n\n{sections}{_CLOSING}"


def main() -> None:
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")  # the page as committed, on any platform
    sys.stdout.write(page())


if __name__ == "__main__":
    main()
