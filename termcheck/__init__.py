"""termcheck: check Chinese→English machine translation against a glossary.

The public API is what this module exports (see docs/api.md); every other module is internal and may change
between releases.

    import termcheck
    report = termcheck.check_segments([("干细胞疗法", "stem-cell therapy")], termcheck.load_glossary("terms.csv"))
    for finding in report.findings:
        print(finding.code, finding.severity.label, finding.message)
    termcheck.write_report(report, "report.json")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from termcheck.core.lazy import lazy_members
from termcheck.core.version import __version__

__all__ = [
    "Finding",
    "Report",
    "Settings",
    "Severity",
    "__version__",
    "check",
    "check_segments",
    "load_glossary",
    "write_report",
]

if TYPE_CHECKING:
    from termcheck.api import check, check_segments, write_report
    from termcheck.core.model import Finding, Severity
    from termcheck.glossary.io import load_glossary
    from termcheck.project.config import Settings
    from termcheck.run.report import Report

_LAZY = {
    "check": "termcheck.api",
    "check_segments": "termcheck.api",
    "write_report": "termcheck.api",
    "Report": "termcheck.run.report",
    "load_glossary": "termcheck.glossary.io",
    "Finding": "termcheck.core.model",
    "Severity": "termcheck.core.model",
    "Settings": "termcheck.project.config",
}


__getattr__ = lazy_members(__name__, _LAZY)
