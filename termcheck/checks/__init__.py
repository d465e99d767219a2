"""Checks: one module per check, declared in termcheck.checks.registry."""

from termcheck.checks.base import Check, CheckContext
from termcheck.checks.registry import ALL_CHECKS, get_check, select_checks

__all__ = ["ALL_CHECKS", "Check", "CheckContext", "get_check", "select_checks"]
