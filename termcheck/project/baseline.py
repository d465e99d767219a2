"""Baselines: accept the findings a corpus has today and fail only on new ones.

`termcheck check --write-baseline FILE` records every finding's fingerprint (termcheck.core.fingerprints);
`--baseline FILE` leaves out findings whose fingerprint is recorded, as many times as it is recorded,
so a second copy of an accepted error in the same segment still counts as new. The file is JSON with
one entry per line-ish record, sorted, so it diffs well in review:

    {"version": 1, "tool": "termcheck 0.1.0",
     "findings": [{"fingerprint": "…", "code": "TC101", "file": "a.en.txt", "line": 3, ...}]}
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from termcheck.core.atomic import OutputBatch, write_text_atomically
from termcheck.core.errors import InputError
from termcheck.core.version import __version__
from termcheck.run.report import BaselineCounts, Report
from termcheck.text.textio import read_text

BASELINE_VERSION = 1


@dataclass(frozen=True)
class Baseline:
    path: str
    counts: Counter[str]  # fingerprint → how many findings with it were accepted
    files: dict[str, str] = field(default_factory=dict)  # fingerprint → the file it was found in

    def __len__(self) -> int:
        return sum(self.counts.values())


def load_baseline(path: str) -> Baseline:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a termcheck baseline: invalid JSON ({exc.msg})", exc.lineno) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != BASELINE_VERSION:
        raise InputError(path, f"not a termcheck baseline (expected version {BASELINE_VERSION} and a findings list)")
    counts: Counter[str] = Counter()
    files: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(path, f"finding {number} has no fingerprint")
        counts[entry["fingerprint"]] += 1
        if isinstance(entry.get("file"), str):
            files[entry["fingerprint"]] = entry["file"]
    return Baseline(path, counts, files)


def baseline_entries(report: Report) -> list[dict[str, Any]]:
    entries = [
        {
            "fingerprint": fp,
            "code": f.code,
            "file": f.file,
            "line": f.line,
            "segment": f.segment,
            "found": f.found,
            "message": f.message,
        }
        for f, fp in zip(report.findings, report.finding_fingerprints(), strict=True)
    ]
    entries.sort(key=lambda e: (e["file"], e["line"], e["code"], e["fingerprint"]))
    return entries


def write_baseline(report: Report, path: str, batch: OutputBatch | None = None) -> int:
    """Record the report's findings in `path` (atomically, or as part of `batch`); returns how many."""
    entries = baseline_entries(report)
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    body = f'{{\n  "version": {BASELINE_VERSION},\n  "tool": "termcheck {__version__}",\n  "findings": [\n'
    body += lines + ("\n" if lines else "") + "  ]\n}\n"
    write_text_atomically(path, body, batch)
    return len(entries)


def apply_baseline(report: Report, baseline: Baseline) -> BaselineCounts:
    """Drop the findings the baseline accepts; count them and the accepted ones that are gone from the files
    checked (a run over some files, as pre-commit's, leaves the others' accepted findings alone)."""
    remaining = Counter(baseline.counts)
    kept, kept_fps = [], []
    for finding, fp in zip(report.findings, report.finding_fingerprints(), strict=True):
        if remaining[fp] > 0:
            remaining[fp] -= 1
        else:
            kept.append(finding)
            kept_fps.append(fp)
    accepted = len(report.findings) - len(kept)
    report.findings, report.fingerprints = kept, kept_fps
    checked = {document.name for document in report.documents}
    unchecked = {fp for fp, file in baseline.files.items() if file not in checked}
    gone = sum(n for fp, n in remaining.items() if fp not in unchecked)
    return BaselineCounts(baseline.path, accepted, gone)
