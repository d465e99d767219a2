"""Option parsing helpers shared by the commands."""

from __future__ import annotations

from termcheck.errors import UsageError
from termcheck.model import Severity


def split_codes(values: list[str] | None) -> list[str]:
    """--select TC101,TC102 --select TC103 → [TC101, TC102, TC103]."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def parse_mapping(values: list[str] | None, option: str) -> dict[str, str]:
    """--glossary-column en=English → {"en": "English"}."""
    mapping: dict[str, str] = {}
    for value in values or []:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise UsageError(f"{option} takes NAME=COLUMN, not {value!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def parse_severity(value: str, option: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def parse_fail_on(value: str) -> Severity | None:
    """--fail-on error|warning|info|never; never means findings do not change the exit code."""
    if value.strip().lower() in ("never", "none"):
        return None
    return parse_severity(value, "--fail-on")
