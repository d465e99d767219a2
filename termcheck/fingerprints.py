"""Fingerprints: what identifies a finding across edits elsewhere in the file.

A finding id (`Finding.id`) names the segment by its id, which for plain text is its line number, so
inserting a line above changes it. A fingerprint instead covers the file, the check, the concept,
the text found and the segment's own text (source and target): it survives moved lines and changes in
other segments, and a finding comes back as new when its segment is retranslated. Baselines and SARIF
`partialFingerprints` use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from termcheck.model import Finding
from termcheck.readers.base import Document
from termcheck.suppressions import segment_hash

VERSION = "termcheck/v1"


def fingerprint(finding: Finding, segment_text_hash: str) -> str:
    key = "\x1f".join([finding.file, finding.code, finding.concept or "", finding.found or "", segment_text_hash])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _segment_hashes(documents: Iterable[Document], wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Re-read only the documents that have findings, hashing only the segments that do."""
    hashes: dict[tuple[str, str], str] = {}
    files = {file for file, _ in wanted}
    for document in documents:
        if document.name not in files:
            continue
        for segment in document.read():
            key = (segment.file, segment.id)
            if key in wanted and key not in hashes:
                hashes[key] = segment_hash(segment)
    return hashes


def fingerprints(findings: Sequence[Finding], documents: Iterable[Document]) -> list[str]:
    """One fingerprint per finding, in the same order."""
    if not findings:
        return []
    hashes = _segment_hashes(documents, {(f.file, f.segment) for f in findings})
    return [fingerprint(f, hashes.get((f.file, f.segment), "")) for f in findings]
