"""Every check termcheck has, declared in one list. Codes are stable: never reuse one."""

from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.tc101_deprecated_term import DeprecatedTerm
from termcheck.checks.tc102_missing_term import MissingTerm
from termcheck.checks.tc103_inconsistent_rendering import InconsistentRendering
from termcheck.errors import UsageError

ALL_CHECKS: tuple[type[Check], ...] = (DeprecatedTerm, MissingTerm, InconsistentRendering)


def get_check(code: str) -> type[Check]:
    for check in ALL_CHECKS:
        if check.code == code.upper() or check.name == code.lower():
            return check
    raise UsageError(f"unknown check {code!r}; `termcheck checks` lists them")


def _matches(check: type[Check], selector: str) -> bool:
    selector = selector.strip()
    return check.code.startswith(selector.upper()) or check.name == selector.lower() or selector.upper() == "ALL"


def select_checks(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[type[Check]]:
    """ruff-style: --select and --ignore take codes, code prefixes (TC1) or names."""
    selectors = [s for s in (select or ()) if s.strip()]
    ignored = [s for s in (ignore or ()) if s.strip()]
    for selector in (*selectors, *ignored):
        if not any(_matches(c, selector) for c in ALL_CHECKS):
            raise UsageError(f"no check matches {selector!r}; `termcheck checks` lists them")
    chosen = [c for c in ALL_CHECKS if not selectors or any(_matches(c, s) for s in selectors)]
    return [c for c in chosen if not any(_matches(c, s) for s in ignored)]
