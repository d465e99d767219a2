"""The checks: one module per check, declared in `registry`.

The names below load on first use, so that a module which needs only the project rules' types
(`termcheck.checks.rules`) does not import every check with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from termcheck.core.lazy import lazy_members

if TYPE_CHECKING:
    from termcheck.checks.base import Check, CheckContext
    from termcheck.checks.registry import ALL_CHECKS, get_check, select_checks

__all__ = ["ALL_CHECKS", "Check", "CheckContext", "get_check", "select_checks"]

_LAZY = {
    "Check": "termcheck.checks.base",
    "CheckContext": "termcheck.checks.base",
    "ALL_CHECKS": "termcheck.checks.registry",
    "get_check": "termcheck.checks.registry",
    "select_checks": "termcheck.checks.registry",
}


__getattr__ = lazy_members(__name__, _LAZY)
