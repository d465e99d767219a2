"""termcheck: check Chinese→English machine translation against a glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Finding", "Report", "Severity", "__version__", "check", "check_project", "load_glossary"]

if TYPE_CHECKING:
    from termcheck.api import check, check_project
    from termcheck.core.model import Finding, Severity
    from termcheck.glossary.io import load_glossary
    from termcheck.run.engine import Report

_LAZY = {
    "check": "termcheck.api",
    "check_project": "termcheck.api",
    "Report": "termcheck.run.engine",
    "load_glossary": "termcheck.glossary.io",
    "Finding": "termcheck.core.model",
    "Severity": "termcheck.core.model",
}


def __getattr__(name: str) -> Any:
    # Imported on first use so that `termcheck --help` stays fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'termcheck' has no attribute {name!r}")
