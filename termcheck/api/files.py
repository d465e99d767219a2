"""The Python API: what `termcheck check` does, callable from code.

import termcheck
report = termcheck.check(source="a.zh.txt", target="a.en.txt", glossary="terms.csv")
for finding in report.findings:
    print(finding.code, finding.message)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from termcheck.checks import ALL_CHECKS
from termcheck.checks.rules import RULE_BUDGET, Rule
from termcheck.core.atomic import OutputBatch
from termcheck.core.model import Severity
from termcheck.core.native import ENGINE_VARIABLE, engine_name
from termcheck.core.suppression import Suppressions
from termcheck.glossary.model import Glossary
from termcheck.project.baseline import apply_baseline, load_baseline, write_baseline
from termcheck.project.config import Settings
from termcheck.project.inputs import check_input_options, load_glossary_files, project_inputs, project_suppressions
from termcheck.project.outputs import Output, check_outputs, run_inputs, write_output
from termcheck.project.suppressions import describe_unmatched, load_suppressions
from termcheck.readers import FieldNames, Pair, open_documents
from termcheck.readers.base import Document, reread
from termcheck.run.engine import Checker, CheckOptions, Progress
from termcheck.run.findings_store import FindingStore
from termcheck.run.report import Gate, GlossaryFile, Report
from termcheck.text.langs import english_locale

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from termcheck.writers.xlsx import WorkbookResult


def check(
    files: Sequence[str | Pair] = (),
    *,
    glossary: str | Sequence[str] | Glossary | None,
    source: str | None = None,
    target: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    deprecated_everywhere: bool = False,
    allow_untranslated: Sequence[str] = (),
    encoding: str | None = None,
    glossary_encoding: str | None = None,
    input_format: str | None = None,
    fields: FieldNames = FieldNames(),
    glossary_columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    suppressions: Suppressions | str | None = None,
    references: Sequence[str] = (),
    root: str | None = None,
    jobs: int = 1,
    target_locale: str = "",
    rules: Sequence[Rule] = (),
    snapshot: bool = True,
    rule_budget: float = RULE_BUDGET,
    cluster: str | None = None,
    shards: str | None = None,
) -> Report:
    """Check documents against glossaries; returns a Report whose `findings` the CLI prints.

    `references` are line-aligned reference translations of the checked segments: the report then
    carries BLEU, chrF2++, TER and term accuracy in `scores`, and per-segment scores.
    `suppressions` is an ignore file (path or loaded) written by `termcheck review apply`; the findings
    it covers are left out and counted in `report.suppressed`.
    `target_locale` ("en-US", "en-GB") is the English locale of documents that do not declare theirs (XLIFF and TMX
    do): a glossary term of the other locale is then reported (TC105).
    With `root`, findings name files relative to it (the project root).
    `rules` are the project's own checks (termcheck.checks.project_rules, `[[rules]]` in termcheck.toml); each may
    spend `rule_budget` seconds searching (per process), or is stopped and listed in `report.stopped_rules`.
    With `snapshot` (the default), the segments are kept on disk as they were read, so the report's `sources`
    (the Excel Segments sheet, scores) show what was checked even if a file changes afterwards; a caller that
    needs only the findings may turn it off.
    `jobs` > 1 checks partitions of the input in that many processes (0: one per core); the findings are
    the same. A run with many findings keeps them on disk (`report.findings` is a FindingStore).
    `encoding` is that of the documents (and references); glossaries are detected on their own, or read in
    `glossary_encoding`.
    `cluster` runs the check on a Dask cluster: a scheduler's address (`tcp://host:8786`) or `local:N` for N
    worker processes here; the workers read the files themselves and write their findings under `shards` (a folder
    or URL both they and this process reach; a temporary folder for `local:N`). See termcheck.run.cluster.
    Files may be URLs (`s3://bucket/tm.tsv`) read through fsspec, with or without a cluster.
    Raises termcheck.core.errors.TermcheckError (InputError, UsageError) for bad input or options.
    """
    check_input_options(encoding, glossary_encoding, input_format)
    loaded, glossary_files, ignore = run_glossary(glossary, ignore, glossary_columns, glossary_encoding)
    documents = open_documents(files, source, target, fields, encoding, input_format, root, fetch=cluster is None)
    options = check_options(
        select, ignore, severities, deprecated_everywhere, allow_untranslated, target_locale, rules, rule_budget
    )
    report = check_documents(
        documents, loaded, options, progress, suppressions, jobs, snapshot or bool(references), cluster, shards
    )
    report.glossary_files = glossary_files
    if references:
        from termcheck.scoring.run import score_segments

        segments = [
            segment
            for document, summary in zip(documents, report.documents, strict=True)
            for segment in reread(document, summary.digest)
        ]
        report.scores, report.segment_scores = score_segments(
            segments, references, loaded, report.term_accuracy, encoding
        )
    report.options = _describe_options(options, encoding, glossary_encoding, input_format)
    return report


def run_glossary(
    glossary: str | Sequence[str] | Glossary | None,
    ignore: Sequence[str],
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> tuple[Glossary, list[GlossaryFile], Sequence[str]]:
    """The run's glossary, its files, and the checks to leave out: with no glossary, those that need one."""
    if glossary is None or (not isinstance(glossary, (str, Glossary)) and not glossary):
        return Glossary(name="none"), [], [*ignore, *(c.code for c in ALL_CHECKS if c.needs_glossary)]
    if isinstance(glossary, Glossary):
        return glossary, [], ignore
    loaded, files = load_glossary_files([glossary] if isinstance(glossary, str) else list(glossary), columns, encoding)
    return loaded, files, ignore


def check_options(
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity] | None = None,
    deprecated_everywhere: bool = False,
    allow_untranslated: Sequence[str] = (),
    target_locale: str = "",
    rules: Sequence[Rule] = (),
    rule_budget: float = RULE_BUDGET,
) -> CheckOptions:
    """The options of `check` and `check_segments` as the engine takes them."""
    return CheckOptions(
        select=select,
        ignore=ignore,
        severities=dict(severities or {}),
        deprecated_everywhere=deprecated_everywhere,
        allow_untranslated=tuple(allow_untranslated),
        target_locale=english_locale(target_locale),
        rules=tuple(rules),
        rule_budget=rule_budget,
    )


def check_documents(
    documents: Sequence[Document],
    glossary: Glossary,
    options: CheckOptions,
    progress: Progress | None = None,
    suppressions: Suppressions | str | None = None,
    jobs: int = 1,
    snapshot: bool = True,
    cluster: str | None = None,
    shards: str | None = None,
) -> Report:
    """The run itself, on documents already opened (from files, or built in memory by `check_segments`); with
    `cluster`, on that Dask cluster (termcheck.run.cluster), where the segments are read again by the workers."""
    if isinstance(suppressions, str):
        suppressions = load_suppressions(suppressions)
    if cluster is not None:
        from termcheck.run.cluster import check_on_cluster, connect, shard_location

        location = shard_location(shards, cluster)
        with connect(cluster) as client:
            return check_on_cluster(
                client, documents, glossary, options, location, suppressions=suppressions, progress=progress
            )
    if jobs == 0:
        from termcheck.run.parallel import default_jobs

        jobs = default_jobs()
    return Checker(glossary, options).run(documents, progress, suppressions, jobs, snapshot)


@dataclass
class ProjectRun:
    """A run configured by Settings (a config file with command-line overrides)."""

    report: Report
    skipped: list[str] = field(default_factory=list)  # matched files that were not checked, and why
    workbooks: list[WorkbookResult] = field(default_factory=list)
    baseline_recorded: int | None = None  # findings written with `write_baseline_to`
    gate: Gate = field(default_factory=Gate)  # --fail-on, and what the baseline accepted

    def fails(self) -> bool:
        """Whether the run fails its gate: what `termcheck check`'s exit code says."""
        return self.gate.fails(self.report)

    @property
    def warnings(self) -> list[str]:
        """What makes the run's findings incomplete: project rules stopped for spending their budget."""
        return [stop.describe() for stop in self.report.stopped_rules]

    @property
    def notes(self) -> list[str]:
        return self._glossary_note() + self._engine_note() + self._run_notes()

    def _glossary_note(self) -> list[str]:
        if self.report.glossary_files or self.report.concepts or not self.report.documents:
            return []
        return [
            "no glossary given, so the glossary checks (TC101–TC105) were skipped; "
            "add one with -g FILE (CSV, XLSX or TBX) or `glossary = [...]` in termcheck.toml"
        ]

    def _engine_note(self) -> list[str]:
        """Once, for a big run on the Python engine that nobody chose: why it was slower, and what to do."""
        if self.report.segments < LARGE_RUN or engine_name() == "native" or os.environ.get(ENGINE_VARIABLE):
            return []
        return [
            "the native core is not installed, so this run used the Python engine, which matches terms more "
            "slowly; `pip install ./native` in termcheck's source builds it (with a Rust toolchain)"
        ]

    def _run_notes(self) -> list[str]:
        """What a person should know about the run: repeated segment ids made unique, suppressions and
        earlier Excel decisions that no longer match any finding (never dropped in silence)."""
        notes = [note for document in self.report.sources for note in document.notes]
        report = self.report
        if report.scores is not None:
            notes += report.scores.notes
        if report.unmatched_suppressions and report.suppression_file:
            notes.append(describe_unmatched(report.unmatched_suppressions, "suppression", report.suppression_file))
        for workbook in self.workbooks:
            if workbook.dropped:
                notes.append(describe_unmatched(workbook.dropped, "earlier decision", workbook.path))
            if workbook.reread:
                notes.append(f"{workbook.path} was saved during the check: its decisions were read again")
            notes += [left.describe(workbook.path) for left in workbook.left_open]
            if workbook.suppressed:
                count = len(workbook.suppressed)
                notes.append(
                    f"{count} finding{'s' if count != 1 else ''} in {workbook.path} "
                    f"{'are' if count != 1 else 'is'} now suppressed by {report.suppression_file} "
                    "(False positive or Won't fix), so the new report leaves them out"
                )
        return notes


LARGE_RUN = 100_000  # segments from which a run on the Python engine says so


def check_project(
    settings: Settings,
    *,
    root: str = ".",
    files: Sequence[str] = (),
    source: str | None = None,
    target: str | None = None,
    references: Sequence[str] = (),
    outputs: Sequence[Output] = (),
    stdout: TextIO | None = None,
    write_baseline_to: str | None = None,
    config_file: str | None = None,
    progress: Progress | None = None,
) -> ProjectRun:
    """What `termcheck check` does: FILES (or the configured `files` patterns) expanded and paired, checked,
    the baseline recorded and applied, and every report written.

    `root` is the project root: finding paths are relative to it, and its `.termcheck-ignore` is used unless
    the settings name another ignore file or turn it off. No output may overwrite an input.
    """
    check_outputs(outputs, [])
    # --write-baseline records today's findings; the baseline it refreshes (the one the config names, which
    # may not exist yet) is neither read nor an input then
    refreshing = write_baseline_to is not None
    accepted = load_baseline(settings.baseline) if settings.baseline and not refreshing else None
    patterns, found = project_inputs(settings, root, files, source, target)
    if patterns and not found.inputs and not (source or target):
        # files were given (a pre-commit hook's, say) and none can be checked: a source whose translation is
        # not written yet, or files the config excludes. Nothing failed, as in a run where some are skipped.
        reasons = found.skipped or ["every file given, as the configuration excludes them"]
        empty = Report(findings=FindingStore(), documents=[], checks=[], glossary_name="", concepts=0)
        return ProjectRun(empty, reasons)
    report = check(
        found.inputs,
        glossary=list(settings.glossary) or None,
        source=source,
        target=target,
        select=settings.select,
        ignore=settings.ignore,
        severities=settings.severity,
        deprecated_everywhere=settings.deprecated_everywhere,
        allow_untranslated=settings.allow_untranslated,
        encoding=settings.encoding,
        glossary_encoding=settings.glossary_encoding,
        input_format=settings.input_format,
        fields=FieldNames(settings.id_column, settings.source_column, settings.target_column),
        glossary_columns=settings.glossary_columns,
        progress=progress,
        suppressions=project_suppressions(settings, root),
        references=references,
        root=root,
        jobs=settings.jobs,
        target_locale=settings.target_language,
        rules=settings.rules,
        rule_budget=settings.rule_budget,
        cluster=settings.cluster,
        shards=settings.shards,
        snapshot=any(output.format == "xlsx" for output in outputs),  # the Segments sheet; scores always keep them
    )
    run = ProjectRun(report, found.skipped, gate=Gate(settings.fail_on))
    baseline_input = None if refreshing else settings.baseline
    inputs = run_inputs(report, [*settings.glossary, *references, settings.ignore_file, baseline_input, config_file])
    baseline_output = [Output("json", write_baseline_to, "--write-baseline")] if write_baseline_to else []
    check_outputs([*outputs, *baseline_output], inputs)
    with OutputBatch() as batch:  # every file replaced, or none
        if write_baseline_to is not None:
            run.baseline_recorded = write_baseline(report, write_baseline_to, batch)
        if accepted is not None:
            run.gate = Gate(settings.fail_on, apply_baseline(report, accepted))
        for output in outputs:
            if output.path is None:
                continue
            if output.format == "xlsx":
                from termcheck.writers.xlsx import save_workbook

                run.workbooks.append(save_workbook(report, output.path, inputs, batch=batch))
            else:
                write_output(report, output, stdout or sys.stdout, batch, run.gate)
    for output in outputs:  # stdout last: a reader that leaves early (`| head`) costs no file
        if output.path is None:
            write_output(report, output, stdout or sys.stdout, gate=run.gate)
    return run


def _describe_options(
    options: CheckOptions, encoding: str | None, glossary_encoding: str | None, input_format: str | None
) -> dict[str, str]:
    described = {
        "select": ", ".join(options.select),
        "ignore": ", ".join(options.ignore),
        "severity overrides": ", ".join(f"{k}={v.label}" for k, v in options.severities.items()),
        "deprecated everywhere": "yes" if options.deprecated_everywhere else "",
        "allow untranslated": ", ".join(options.allow_untranslated),
        "encoding": encoding or "",
        "glossary encoding": glossary_encoding or "",
        "input format": input_format or "",
    }
    return {k: v for k, v in described.items() if v}
