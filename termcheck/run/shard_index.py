"""Where a partition's findings are in a shard, and what the merge needs to know of them without reading them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termcheck.core.model import Finding, Severity

Place = tuple[str, int, str]  # a finding's (file, line, code): what the merge order needs
SortKey = Callable[[Finding], Any]


def place_of(finding: Finding) -> Place:
    return (finding.file, finding.line, finding.code)


@dataclass(frozen=True)
class Shard:
    """One partition's findings in a worker's shard file."""

    path: str
    offset: int
    length: int
    count: int
    first: Place
    last: Place
    tally: Counter[tuple[str, Severity]]
    format: str = "pickle"  # or "jsonl": a cluster worker's file of one partition (termcheck.run.jsonl_shards)
