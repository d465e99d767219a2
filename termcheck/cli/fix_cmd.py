"""`termcheck fix`: corrected copies of the inputs, with every safe fix applied."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes
from termcheck.cli.options import check_cluster_options, input_overrides, load_project
from termcheck.cli.shared_options import (
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

OUTPUT = "Output"


@exit_codes
def fix_command(
    files: FilesOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    glossary: GlossaryOption = None,
    exclude: ExcludeOption = None,
    encoding: EncodingOption = None,
    glossary_encoding: GlossaryEncodingOption = None,
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    source_column: SourceColumnOption = None,
    target_column: TargetColumnOption = None,
    glossary_column: GlossaryColumnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    deprecated_everywhere: DeprecatedEverywhereOption = None,
    cluster: ClusterOption = None,
    shards: ShardsOption = None,
    ignore_file: IgnoreFileOption = None,
    no_ignore_file: NoIgnoreFileOption = False,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Where the corrected copies go, under each input's path. \\[default: fixed/ at the project root]",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print a unified diff of each input and its corrected copy instead of writing "
            "(`termcheck fix --diff | git apply` applies it).",
            rich_help_panel=OUTPUT,
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write nothing; print what would change.", rich_help_panel=OUTPUT)
    ] = False,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    quiet: QuietOption = False,
) -> None:
    """Write corrected copies of the inputs with every safe fix applied (`termcheck checks` lists them).

    Inputs are never written over. A changed XLIFF unit is marked for review."""
    from termcheck.cli.summaries import fix_lines
    from termcheck.fixes.project import fix_project

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
        cluster=cluster,
        shards=shards,
    )
    check_cluster_options(cluster, shards)
    run = fix_project(
        settings,
        root=project.root,
        files=files or (),
        source=str(source) if source else None,
        target=str(target) if target else None,
        output_dir=str(output_dir) if output_dir else None,
        write=not (diff or dry_run),
        diff=diff,
    )
    if diff:  # bytes: the patch keeps the files' own line ends and encoding
        sys.stdout.flush()
        for fixed in run.files:
            sys.stdout.buffer.write(fixed.patch)
        sys.stdout.buffer.flush()
    if not quiet:
        for line in fix_lines(run, written=not (diff or dry_run)):
            print(line, file=sys.stderr)
