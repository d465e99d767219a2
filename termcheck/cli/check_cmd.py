"""`termcheck check`: parse options, call the library, write reports, pick the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import EXIT_CLEAN, EXIT_FINDINGS, exit_codes, non_negative
from termcheck.cli.options import check_cluster_options, input_overrides, load_project, parse_fail_on, parse_severities
from termcheck.cli.progress import progress_bar
from termcheck.cli.shared_options import (
    CHECKS,
    INPUTS,
    REPORTS,
    AllowUntranslatedOption,
    ClusterOption,
    ConfigOption,
    DeprecatedEverywhereOption,
    EncodingOption,
    ExcludeOption,
    FilesOption,
    GlossaryColumnOption,
    GlossaryEncodingOption,
    GlossaryOption,
    IdColumnOption,
    IgnoreFileOption,
    IgnoreOption,
    InputFormatOption,
    NoConfigOption,
    NoIgnoreFileOption,
    QuietOption,
    SelectOption,
    ShardsOption,
    SourceColumnOption,
    SourceOption,
    TargetColumnOption,
    TargetOption,
)
from termcheck.cli.summaries import workbook_line


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


@exit_codes
def check_command(
    files: FilesOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    glossary: GlossaryOption = None,
    reference: Annotated[
        list[Path] | None,
        typer.Option(
            "--reference",
            "-r",
            help="Reference translation, line-aligned with the target: adds scores.",
            rich_help_panel=INPUTS,
        ),
    ] = None,
    exclude: ExcludeOption = None,
    encoding: EncodingOption = None,
    glossary_encoding: GlossaryEncodingOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            callback=non_negative,
            help="Worker processes for big inputs (0: one per core). \\[default: 1]",
            rich_help_panel=INPUTS,
        ),
    ] = None,
    cluster: ClusterOption = None,
    shards: ShardsOption = None,
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    source_column: SourceColumnOption = None,
    target_column: TargetColumnOption = None,
    glossary_column: GlossaryColumnOption = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="text, json, sarif, junit or github. \\[default: text]", rich_help_panel=REPORTS
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the --format report here instead of stdout.", rich_help_panel=REPORTS
        ),
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option(
            "--xlsx", help="Also write an Excel workbook for review (keeps earlier decisions).", rich_help_panel=REPORTS
        ),
    ] = None,
    sarif: Annotated[
        Path | None,
        typer.Option("--sarif", help="Also write SARIF 2.1.0 (GitHub code scanning).", rich_help_panel=REPORTS),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Also write JUnit XML, a test case per document.", rich_help_panel=REPORTS),
    ] = None,
    json_output: Annotated[
        Path | None, typer.Option("--json", help="Also write the JSON report.", rich_help_panel=REPORTS)
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at or above: error, warning, info; never: exit 0. \\[default: error]",
            rich_help_panel=CHECKS,
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    severity: Annotated[
        list[str] | None,
        typer.Option(
            "--severity", help="Change a check's severity: TC212=warning (repeatable).", rich_help_panel=CHECKS
        ),
    ] = None,
    deprecated_everywhere: DeprecatedEverywhereOption = None,
    allow_untranslated: AllowUntranslatedOption = None,
    ignore_file: IgnoreFileOption = None,
    no_ignore_file: NoIgnoreFileOption = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Fail only on findings this baseline does not accept.", rich_help_panel=CHECKS),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", help="Record today's findings as accepted, and exit 0.", rich_help_panel=CHECKS
        ),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    quiet: QuietOption = False,
) -> None:
    """Check English MT output (with or without its Chinese source) against glossaries."""
    from dataclasses import replace

    from termcheck.api import check_project
    from termcheck.project.outputs import Output
    from termcheck.writers.text import summary_line

    project = load_project(config, no_config)
    settings = project.settings.override(
        **input_overrides(
            glossary=glossary,
            exclude=exclude,
            select=select,
            ignore=ignore,
            ignore_file=ignore_file,
            no_ignore_file=no_ignore_file,
            encoding=encoding,
            glossary_encoding=glossary_encoding,
            input_format=input_format,
            id_column=id_column,
            source_column=source_column,
            target_column=target_column,
            glossary_column=glossary_column,
            deprecated_everywhere=deprecated_everywhere,
        ),
        # --severity adds to (and where a check is named in both, overrides) the config's [severity] table
        severity={**project.settings.severity, **parse_severities(severity, project.settings.rules)}
        if severity
        else None,
        format=output_format,
        baseline=str(baseline) if baseline else None,
        allow_untranslated=_tuple(allow_untranslated),
        jobs=jobs,
        cluster=cluster,
        shards=shards,
    )
    check_cluster_options(cluster, shards, jobs)
    if fail_on is not None:  # set apart: "never" is None, which override() would skip
        settings = replace(settings, fail_on=parse_fail_on(fail_on))
    outputs = [Output(settings.format, str(output) if output else None, "--output")] + [
        Output(fmt, str(path), option)
        for fmt, path, option in (
            ("xlsx", xlsx, "--xlsx"),
            ("sarif", sarif, "--sarif"),
            ("junit", junit, "--junit"),
            ("json", json_output, "--json"),
        )
        if path is not None
    ]
    with progress_bar(enabled=not quiet) as advance:
        run = check_project(
            settings,
            root=project.root,
            files=files or (),
            source=str(source) if source else None,
            target=str(target) if target else None,
            references=[str(r) for r in reference or []],
            outputs=outputs,
            write_baseline_to=str(write_baseline) if write_baseline else None,
            config_file=project.path,
            progress=advance,
        )
    for warning in run.warnings:  # even with --quiet: the findings are incomplete
        print(f"termcheck: warning: {warning}", file=sys.stderr)
    if not quiet:
        for note in run.skipped:
            print(f"termcheck: skipped {note}", file=sys.stderr)
        for note in run.notes:
            print(f"termcheck: note: {note}", file=sys.stderr)
        for saved in run.workbooks:
            print(workbook_line(saved), file=sys.stderr)
        if run.baseline_recorded is not None:
            print(f"wrote {write_baseline}: {run.baseline_recorded} findings accepted as the baseline", file=sys.stderr)
        print(summary_line(run.report, run.gate), file=sys.stderr)
    raise typer.Exit(EXIT_CLEAN if write_baseline is not None or not run.fails() else EXIT_FINDINGS)
