"""Finding shards as JSON Lines at a URL or path: what a Dask worker writes and the client streams into the report.

A `--jobs` worker shares a disk with its main process and appends pickled blocks to a file of its own
(termcheck.run.shards). A cluster's workers share none: each writes a partition's findings to one file under the
run's shard location (`s3://bucket/run/`, an NFS folder) through fsspec, a finding per line, every field kept
(`record`), and the client reads them back in order when it writes the report. JSON rather than pickle: the
shards are data another tool may read, and a client never unpickles what a shared folder holds.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from termcheck.core.errors import RunError
from termcheck.core.model import Finding, Location, Severity
from termcheck.run.shard_index import Shard, place_of

FORMAT = "jsonl"
_LOCATION_FIELDS = ("file", "line", "segment", "start", "end", "text", "segment_hash", "column")


def record(finding: Finding) -> dict[str, Any]:
    """Every field of `finding`, as JSON holds it."""
    return {
        "code": finding.code,
        "check": finding.check,
        "severity": finding.severity.label,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "segment": finding.segment,
        "concept": finding.concept,
        "found": finding.found,
        "expected": finding.expected,
        "source_span": finding.source_span,
        "target_span": finding.target_span,
        "related": [[getattr(place, name) for name in _LOCATION_FIELDS] for place in finding.related],
        "segment_hash": finding.segment_hash,
        "occurrence": finding.occurrence,
        "column": finding.column,
        "end_column": finding.end_column,
        "found_term": finding.found_term,
    }


def from_record(data: dict[str, Any]) -> Finding:
    """The Finding `record` wrote."""
    return Finding(
        code=data["code"],
        check=data["check"],
        severity=Severity.parse(data["severity"]),
        message=data["message"],
        file=data["file"],
        line=data["line"],
        segment=data["segment"],
        concept=data["concept"],
        found=data["found"],
        expected=data["expected"],
        source_span=_span(data["source_span"]),
        target_span=_span(data["target_span"]),
        related=tuple(Location(*place) for place in data["related"]),
        segment_hash=data["segment_hash"],
        occurrence=data["occurrence"],
        column=data["column"],
        end_column=data["end_column"],
        found_term=data["found_term"],
    )


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return None if value is None else (value[0], value[1])


def write_shard(url: str, findings: Sequence[Finding]) -> Shard | None:
    """`findings` (one partition's, in order) written to `url`; None (and nothing written) for none."""
    if not findings:
        return None
    import fsspec

    # ASCII escapes keep any text, lone surrogates included, in a file every reader decodes
    lines = "".join(json.dumps(record(f), ensure_ascii=True, separators=(",", ":")) + "\n" for f in findings)
    try:
        with fsspec.open(url, "w", encoding="ascii", auto_mkdir=True) as handle:
            handle.write(lines)
    except (OSError, ValueError) as exc:
        raise RunError(f"{url}: cannot write the shard: {exc}") from None
    tally = Counter((f.code, f.severity) for f in findings)
    return Shard(url, 0, len(lines), len(findings), place_of(findings[0]), place_of(findings[-1]), tally, FORMAT)


def read_shard(shard: Shard) -> list[Finding]:
    import fsspec

    try:
        with fsspec.open(shard.path, "r", encoding="ascii") as handle:
            findings = [from_record(json.loads(line)) for line in handle]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RunError(f"{shard.path}: cannot read the shard back: {exc}") from None
    if len(findings) != shard.count:
        raise RunError(f"{shard.path}: holds {len(findings)} findings where {shard.count} were written")
    return findings


def remove_location(url: str) -> None:
    """The run's shards, removed once the report is written (a location that is gone already is no error)."""
    import fsspec

    try:
        filesystem, path = fsspec.core.url_to_fs(url)
        if filesystem.exists(path):
            filesystem.rm(path, recursive=True)
    except (OSError, ValueError):
        pass  # what is left is named in the location the user gave; nothing of the report depends on it
