"""Fingerprints: what identifies a finding across edits elsewhere in the file.

A finding id (`Finding.id`) names the segment by its id, which for plain text is its line number, so
inserting a line above changes it. A fingerprint instead covers the file, the check, the concept,
the text found and the segment's own text (source and target): it survives moved lines and changes in
other segments, and a finding comes back as new when its segment is retranslated. Baselines and SARIF
`partialFingerprints` use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from termcheck.core.model import Finding

VERSION = "termcheck/v1"


def fingerprint(finding: Finding, segment_text_hash: str) -> str:
    key = "\x1f".join([finding.file, finding.code, finding.concept or "", finding.found or "", segment_text_hash])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the same order, from the text hash each finding carries."""
    return [fingerprint(f, f.segment_hash) for f in findings]
