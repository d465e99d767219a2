"""`termcheck glossary …`: glossary maintenance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes
from termcheck.cli.options import parse_mapping
from termcheck.cli.summaries import plural

glossary_app = typer.Typer(help="Maintain glossaries: validate, convert, stats, diff, merge.", no_args_is_help=True)


@glossary_app.command("convert")
@exit_codes
def convert_command(
    source: Annotated[Path, typer.Argument(help="Glossary to read (.csv, .tsv, .xlsx, .tbx).")],
    destination: Annotated[Path, typer.Argument(help="Glossary to write; the format follows the extension.")],
    tbx_version: Annotated[int, typer.Option("--tbx-version", help="TBX to write: 3 (ISO 30042:2019) or 2.")] = 3,
    glossary_column: Annotated[
        list[str] | None, typer.Option("--glossary-column", help="Map a column: en=English.")
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of a CSV/TSV input.")] = None,
) -> None:
    """Convert a glossary to another format, keeping everything the model holds."""
    import sys

    from termcheck.core.atomic import refuse_overwriting_inputs
    from termcheck.glossary import load_glossary, save_glossary

    refuse_overwriting_inputs(str(destination), [str(source)])
    glossary = load_glossary(str(source), parse_mapping(glossary_column, "--glossary-column"), encoding)
    save_glossary(glossary, str(destination), tbx_version)
    print(f"{len(glossary)} concepts → {destination}", file=sys.stderr)
    localised = sum(1 for c in glossary for t in c.terms if t.locale)
    if localised and not str(destination).lower().endswith(".tbx"):
        print(
            f"warning: the English locales of {localised} terms (en-GB, en-US) are kept only in TBX; "
            f"{destination.name} has the terms without them",
            file=sys.stderr,
        )


def _emit_json(payload: object) -> None:
    import json

    print(json.dumps(payload, ensure_ascii=False, indent=2))


def _check_format(output_format: str) -> None:
    from termcheck.core.errors import UsageError

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown format {output_format!r} (use text, json)")


FormatOption = Annotated[str, typer.Option("--format", "-f", help="text or json.")]


@glossary_app.command("validate")
@exit_codes
def validate_command(
    files: Annotated[list[Path], typer.Argument(help="Glossaries to validate.")],
    output_format: FormatOption = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of CSV/TSV inputs.")] = None,
) -> None:
    """Report duplicate, conflicting, unmatchable and shadowed terms; exit 1 on errors."""
    import sys
    from dataclasses import asdict

    from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS
    from termcheck.core.model import Severity
    from termcheck.glossary.validate import validate_file

    _check_format(output_format)
    problems = [p for f in files for p in validate_file(str(f), encoding)]
    if output_format == "json":
        _emit_json({"problems": [asdict(p) | {"severity": p.severity.label} for p in problems]})
    else:
        for p in problems:
            where = f"{p.file}:{p.where}" if p.where else p.file
            print(f"{where}: {p.severity.label} {p.code} [{p.concept}] {p.message}")
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    notes = len(problems) - errors - warnings
    also = f", {plural(notes, 'note')}" if notes else ""
    counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}{also}"
    print(f"{counts} in {plural(len(files), 'glossary', 'glossaries')}", file=sys.stderr)
    failing = errors or (strict and warnings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@glossary_app.command("stats")
@exit_codes
def stats_command(
    file: Annotated[Path, typer.Argument(help="Glossary to describe.")],
    output_format: FormatOption = "text",
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of a CSV/TSV input.")] = None,
) -> None:
    """Concepts, terms per language and status, domains."""
    from dataclasses import asdict

    from termcheck.glossary import load_glossary
    from termcheck.glossary.stats import glossary_stats

    _check_format(output_format)
    stats = glossary_stats(load_glossary(str(file), None, encoding))
    if output_format == "json":
        _emit_json(asdict(stats))
        return
    print(f"concepts: {stats.concepts}")
    for lang, counts in stats.terms.items():
        detail = ", ".join(f"{status} {n}" for status, n in counts.items()) or "none"
        print(f"{lang} terms: {sum(counts.values())} ({detail})")
    print(f"case-sensitive English terms: {stats.case_sensitive}; exact-form: {stats.exact}")
    print(f"concepts deprecated everywhere: {stats.deprecated_everywhere}")
    print("domains: " + ", ".join(f"{d or '(none)'} {n}" for d, n in stats.domains.items()))


@glossary_app.command("diff")
@exit_codes
def diff_command(
    old: Annotated[Path, typer.Argument(help="The glossary before the change.")],
    new: Annotated[Path, typer.Argument(help="The glossary after the change (any format).")],
    output_format: FormatOption = "text",
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of CSV/TSV inputs.")] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 if the glossaries differ, 0 if not, like git diff --exit-code.")
    ] = False,
) -> None:
    """Concepts and terms added, removed and changed, for the reviewer of a glossary change."""
    import sys
    from dataclasses import asdict

    from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS
    from termcheck.glossary import load_glossary
    from termcheck.glossary.diff import diff_glossaries

    _check_format(output_format)
    diff = diff_glossaries(load_glossary(str(old), None, encoding), load_glossary(str(new), None, encoding))
    if output_format == "json":
        _emit_json(asdict(diff))
    else:
        for cid in diff.added:
            print(f"+ concept {cid}")
            for term in diff.added_terms[cid]:
                print(f"    + {term}")
        for cid in diff.removed:
            print(f"- concept {cid}")
            for term in diff.removed_terms[cid]:
                print(f"    - {term}")
        for change in diff.changed:
            print(f"~ concept {change.id}")
            for term in change.terms_added:
                print(f"    + {term}")
            for term in change.terms_removed:
                print(f"    - {term}")
            for name, (before, after) in change.fields.items():
                print(f"    {name}: {before!r} → {after!r}")
    summary = f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"
    print(summary, file=sys.stderr)
    raise typer.Exit(EXIT_FINDINGS if exit_code and not diff.empty else EXIT_CLEAN)


@glossary_app.command("merge")
@exit_codes
def merge_command(
    first: Annotated[Path, typer.Argument(help="The glossary whose concepts come first.")],
    second: Annotated[Path, typer.Argument(help="The glossary merged into it.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Merged glossary to write (format by extension).")],
    on_conflict: Annotated[
        str,
        typer.Option("--on-conflict", help="fail (write nothing), ours, theirs, or both (theirs as ID~2)."),
    ] = "fail",
    tbx_version: Annotated[int, typer.Option("--tbx-version", help="TBX to write: 3 or 2.")] = 3,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of CSV/TSV inputs.")] = None,
) -> None:
    """Union of two glossaries by concept id; every conflict is listed, none is resolved silently."""
    import sys

    from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS
    from termcheck.core.atomic import refuse_overwriting_inputs
    from termcheck.glossary import load_glossary, save_glossary
    from termcheck.glossary.merge import INVALID, merge_glossaries

    refuse_overwriting_inputs(str(output), [str(first), str(second)])
    result = merge_glossaries(
        load_glossary(str(first), None, encoding),
        load_glossary(str(second), None, encoding),
        on_conflict,
        (str(first), str(second)),
    )
    for number, conflict in enumerate(result.conflicts, start=1):
        state = "resolved" if conflict.resolved else "unresolved"
        print(f"conflict {number} [{conflict.id}] {conflict.kind} ({state}): {conflict.detail}", file=sys.stderr)
    unresolved = len(result.unresolved)
    counts = plural(len(result.conflicts), "conflict")
    if unresolved:
        hint = "--on-conflict ours or theirs resolves both kinds, both only same-id ones"
        if any(c.kind == INVALID for c in result.unresolved):
            hint += f"; no --on-conflict resolves a {INVALID!r}: change one of the inputs"
        print(f"{counts}, {unresolved} unresolved; nothing written ({hint})", file=sys.stderr)
        raise typer.Exit(EXIT_FINDINGS)
    save_glossary(result.glossary, str(output), tbx_version)
    resolved = f"; {counts}, resolved by --on-conflict {on_conflict}" if result.conflicts else ""
    sources = f"{result.from_first} from {first}, {result.from_second} from {second}"
    print(f"{plural(len(result.glossary), 'concept')} ({sources}) → {output}{resolved}", file=sys.stderr)
    raise typer.Exit(EXIT_FINDINGS if result.conflicts else EXIT_CLEAN)
