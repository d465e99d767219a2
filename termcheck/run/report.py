"""What one run found: the findings, the documents and glossary they came from, and the run's tallies.

Writers render a `Report`; this module imports no check, matcher or number parser, so that a program which
only writes or reads reports (the JSON writer, a CI step) does not load them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from termcheck.core.fingerprints import fingerprints
from termcheck.core.model import Finding, Severity
from termcheck.core.suppression import Suppression
from termcheck.run.shards import ShardedFindings
from termcheck.scoring.term_accuracy import TermAccuracy

if TYPE_CHECKING:
    from termcheck.checks.rules import Rule, RuleStop
    from termcheck.glossary.model import Glossary
    from termcheck.matching.usage import ConceptUsage
    from termcheck.readers.base import Document
    from termcheck.scoring.run import ScoreReport, UnitScore


@dataclass(frozen=True)
class DocumentSummary:
    name: str
    format: str
    segments: int
    bilingual: bool
    digest: str = ""  # of the segments as they were checked (termcheck.readers.base.TextDigest)

    @property
    def lines_are_segments(self) -> bool:
        """Plain text: a finding's line and target span point straight into the file (so columns are exact)."""
        return self.format in ("text", "text-pair")


@dataclass(frozen=True)
class GlossaryFile:
    path: str
    sha256: str
    concepts: int


@dataclass
class Report:
    """What one run found. `findings` is what the CLI prints, in document order.

    `glossary` and `sources` are the glossary and documents themselves, so a report writer can show the full text;
    `usage` is how often each concept occurred and how it was rendered.
    """

    findings: Sequence[Finding]  # from a run: a FindingStore (on disk when many) or, with --jobs, ShardedFindings
    documents: list[DocumentSummary]
    checks: list[str]
    glossary_name: str
    concepts: int
    glossary: Glossary | None = None
    sources: list[Document] = field(default_factory=list)
    usage: dict[str, ConceptUsage] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()  # the project rules the run could choose from (their codes are in `checks`)
    stopped_rules: list[RuleStop] = field(default_factory=list)  # rules that spent their budget, and where
    term_accuracy: TermAccuracy = field(default_factory=TermAccuracy)  # per occurrence, bilingual segments
    suppressed: int = 0
    suppression_file: str | None = None
    unmatched_suppressions: list[Suppression] = field(default_factory=list)  # they matched no finding of the run
    suppressed_ids: frozenset[str] = frozenset()  # the ids of the suppressions that did match one
    glossary_files: list[GlossaryFile] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    scores: ScoreReport | None = None  # with --reference
    segment_scores: dict[tuple[str, str], UnitScore] = field(default_factory=dict)  # (file, segment) →
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    fingerprints: list[str] | None = None  # aligned with findings; see finding_fingerprints
    # one pass over the findings (which may be on disk) serves every count; keyed to the findings it counted
    _tally: tuple[tuple[int, int], Counter[tuple[str, Severity]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def segments(self) -> int:
        return sum(d.segments for d in self.documents)

    def finding_fingerprints(self) -> list[str]:
        """The fingerprints of `findings`, in their order (termcheck.core.fingerprints), computed once."""
        if self.fingerprints is None or len(self.fingerprints) != len(self.findings):
            self.fingerprints = fingerprints(self.findings)
        return self.fingerprints

    def findings_by_file(self) -> dict[str, list[Finding]]:
        """Findings grouped per document, every document present (in run order), even one without findings."""
        grouped: dict[str, list[Finding]] = {d.name: [] for d in self.documents}
        for finding in self.findings:
            grouped.setdefault(finding.file, []).append(finding)
        return grouped

    def files_with_columns(self) -> set[str]:
        """The documents whose findings can be placed by column as well as by line."""
        return {d.name for d in self.documents if d.lines_are_segments}

    def _counts(self) -> Counter[tuple[str, Severity]]:
        key = (id(self.findings), len(self.findings))
        if self._tally is None or self._tally[0] != key:
            findings = self.findings
            counted = findings.tally() if isinstance(findings, ShardedFindings) else None
            self._tally = (key, counted if counted is not None else Counter((f.code, f.severity) for f in findings))
        return self._tally[1]

    def count_by_code(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for (code, _), n in self._counts().items():
            counts[code] += n
        return counts

    def count_by_severity(self) -> Counter[Severity]:
        counts: Counter[Severity] = Counter()
        for (_, severity), n in self._counts().items():
            counts[severity] += n
        return counts


@dataclass(frozen=True)
class BaselineCounts:
    """What a baseline (termcheck.project.baseline) did to a run: the findings it accepted, which the report
    leaves out, and the accepted findings that no longer occur in the files checked."""

    file: str
    accepted: int = 0
    gone: int = 0


@dataclass(frozen=True)
class Gate:
    """How CI judges a run: the level at which it fails (None: never) and what a baseline accepted. It is the
    command line's (and a CI step's) business, not the Report's; the writers show it where their format has a
    place for it (JSON `fail_on` and `failed`, JUnit failures, the text summary's baseline line)."""

    fail_on: Severity | None = Severity.ERROR
    baseline: BaselineCounts | None = None

    def fails(self, report: Report) -> bool:
        """Whether any finding is at or above `fail_on`."""
        return self.fail_on is not None and any(s >= self.fail_on for s in report.count_by_severity())

    def failing(self, finding: Finding) -> bool:
        """Whether this finding makes the run fail."""
        return self.fail_on is not None and finding.severity >= self.fail_on

    @property
    def baselined(self) -> int:
        return self.baseline.accepted if self.baseline is not None else 0
