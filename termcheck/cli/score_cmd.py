"""`termcheck score`: BLEU, chrF2++, TER and term accuracy against one or more references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termcheck.cli.errors import exit_codes, non_negative
from termcheck.cli.progress import progress_bar
from termcheck.scoring.metrics import TER_MAX_WORDS


@exit_codes
def score_command(
    target: Annotated[Path, typer.Option("--target", help="The MT output (lines, paragraphs or JSONL documents).")],
    reference: Annotated[list[Path], typer.Option("--reference", "-r", help="A reference translation; repeatable.")],
    source: Annotated[Path | None, typer.Option("--source", help="The Chinese source, for term accuracy.")] = None,
    glossary: Annotated[
        list[Path] | None, typer.Option("--glossary", "-g", help="Glossary for term accuracy; repeatable.")
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", help="line, paragraph (blank-line separated) or document (JSONL); default by extension."
        ),
    ] = None,
    source_key: Annotated[str, typer.Option("--source-key", help="JSONL key of the source text.")] = "zh",
    target_key: Annotated[str, typer.Option("--target-key", help="JSONL key of MT and reference texts.")] = "en",
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the scores here (atomically).")] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Encoding of the target, references and source (not glossaries).")
    ] = None,
    glossary_encoding: Annotated[
        str | None,
        typer.Option("--glossary-encoding", help="Encoding of CSV/TSV glossaries. \\[default: detected per file]"),
    ] = None,
    metrics: Annotated[
        str | None,
        typer.Option(
            "--metrics",
            "-m",
            metavar="NAMES",
            help="Comma-separated subset of bleu,chrf,ter (sacrebleu's names). \\[default: bleu,chrf,ter]",
        ),
    ] = None,
    ter_max_words: Annotated[
        int,
        typer.Option(
            "--ter-max-words",
            callback=non_negative,
            metavar="N",
            help="Leave units (or aligned lines) longer than N words out of TER, with a note; 0: no limit.",
        ),
    ] = TER_MAX_WORDS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No notes, summary or progress on stderr.")] = False,
) -> None:
    """Score MT output against references with sacrebleu, and term accuracy with a glossary."""
    import io
    import json
    import sys

    from termcheck.core.atomic import refuse_overwriting_inputs, write_text_atomically
    from termcheck.core.errors import UsageError
    from termcheck.core.version import __version__
    from termcheck.glossary.io import load_glossaries
    from termcheck.scoring.metrics import parse_metrics
    from termcheck.scoring.run import score
    from termcheck.scoring.serialize import scores_to_dict, units_to_list
    from termcheck.scoring.text import score_lines

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown format {output_format!r} (use text, json)")
    chosen_metrics = parse_metrics(metrics)
    inputs = [str(p) for p in [target, *reference, source, *(glossary or [])] if p is not None]
    if output is not None:
        refuse_overwriting_inputs(str(output), inputs)
    loaded = load_glossaries([str(g) for g in glossary], None, glossary_encoding) if glossary else None
    with progress_bar(enabled=not quiet, label="scored {} units") as advance:
        report = score(
            str(target),
            [str(r) for r in reference],
            str(source) if source else None,
            loaded,
            unit,
            source_key,
            target_key,
            encoding,
            metrics=chosen_metrics,
            ter_max_words=ter_max_words or None,
            progress=advance,
        )
    buffer = io.StringIO()
    if output_format == "json":
        payload = {
            "version": 1,
            "tool": {"name": "termcheck", "version": __version__},
            "unit": report.unit,
            "units": report.units,
            "scores": scores_to_dict(report),
            "unit_scores": units_to_list(report),
        }
        buffer.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        buffer.writelines(line + "\n" for line in score_lines(report))
    if output is None:
        sys.stdout.write(buffer.getvalue())
    else:
        write_text_atomically(str(output), buffer.getvalue())
    if not quiet:
        for note in report.notes:
            print(f"termcheck: note: {note}", file=sys.stderr)
        print(f"scored {report.units} {report.unit}s against {len(reference)} reference(s)", file=sys.stderr)
