"""Options that `check` and `fix` share: one definition, so that an option means the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

REPORTS = "Reports"
INPUTS = "Inputs"
CHECKS = "Checks"
CONFIG = "Configuration"

FilesOption = Annotated[
    list[str] | None,
    typer.Argument(
        help="Documents, directories or glob patterns ('content/**/*.xlf'); foo.zh.txt pairs with foo.en.txt. "
        "Default: `files` in termcheck.toml.",
        show_default=False,
    ),
]
# text, not Path: a URL (s3://bucket/a.txt) would lose a slash as a Path
SourceOption = Annotated[
    str | None,
    typer.Option("--source", help="Chinese source, one segment per line (with --target).", rich_help_panel=INPUTS),
]
TargetOption = Annotated[
    str | None,
    typer.Option("--target", help="English target: line-aligned with --source, or alone.", rich_help_panel=INPUTS),
]
GlossaryOption = Annotated[
    list[Path] | None,
    typer.Option("--glossary", "-g", help="Glossary (.csv, .tsv, .xlsx, .tbx); repeatable.", rich_help_panel=INPUTS),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option("--exclude", help="Skip files matching this glob (from the project root).", rich_help_panel=INPUTS),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of the documents (not glossaries). \\[default: BOM, else UTF-8, else GB18030]",
        rich_help_panel=INPUTS,
    ),
]
GlossaryEncodingOption = Annotated[
    str | None,
    typer.Option(
        "--glossary-encoding",
        help="Encoding of CSV/TSV glossaries. \\[default: detected per file, as for documents]",
        rich_help_panel=INPUTS,
    ),
]
InputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--input-format", help="Override detection: text, tsv, csv, xliff, tmx, jsonl.", rich_help_panel=INPUTS
    ),
]
IdColumnOption = Annotated[
    str | None,
    typer.Option("--id-column", help="TSV/CSV column or JSONL key of the segment id.", rich_help_panel=INPUTS),
]
SourceColumnOption = Annotated[
    str | None,
    typer.Option("--source-column", help="TSV/CSV column or JSONL key of the Chinese source.", rich_help_panel=INPUTS),
]
TargetColumnOption = Annotated[
    str | None,
    typer.Option("--target-column", help="TSV/CSV column or JSONL key of the English target.", rich_help_panel=INPUTS),
]
GlossaryColumnOption = Annotated[
    list[str] | None,
    typer.Option("--glossary-column", help="Map a glossary column: en=English (repeatable).", rich_help_panel=INPUTS),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Only these checks (codes, prefixes or names; comma-separated).", rich_help_panel=CHECKS
    ),
]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", help="Skip these checks.", rich_help_panel=CHECKS)]
DeprecatedEverywhereOption = Annotated[
    bool | None,
    typer.Option(
        "--deprecated-everywhere",
        help="Flag deprecated terms even where the source lacks the concept.",
        rich_help_panel=CHECKS,
    ),
]
AllowUntranslatedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-untranslated",
        help="Regex of Chinese text kept in the target on purpose (repeatable).",
        rich_help_panel=CHECKS,
    ),
]
IgnoreFileOption = Annotated[
    Path | None,
    typer.Option(
        "--ignore-file",
        help="Suppressions from `termcheck review apply`. \\[default: .termcheck-ignore at the project root]",
        rich_help_panel=CHECKS,
    ),
]
NoIgnoreFileOption = Annotated[
    bool,
    typer.Option("--no-ignore-file", help="Report every finding, even suppressed ones.", rich_help_panel=CHECKS),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Configuration file. \\[default: termcheck.toml or pyproject.toml, found upwards]",
        rich_help_panel=CONFIG,
    ),
]
NoConfigOption = Annotated[
    bool, typer.Option("--no-config", help="Ignore configuration files.", rich_help_panel=CONFIG)
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Check on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker "
        "processes here. The workers read the files themselves (paths or s3://… URLs).",
        rich_help_panel=INPUTS,
    ),
]
ShardsOption = Annotated[
    str | None,
    typer.Option(
        "--shards",
        help="With --cluster: a folder or URL the workers and this machine both reach, where the workers "
        "write their findings. \\[default: a temporary folder, for local:N]",
        rich_help_panel=INPUTS,
    ),
]
