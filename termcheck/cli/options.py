"""Option parsing helpers shared by the commands."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termcheck.checks.rules import Rule
from termcheck.core.errors import UsageError
from termcheck.core.model import Severity
from termcheck.project.config import ProjectConfig, Settings


def split_codes(values: list[str] | None) -> list[str]:
    """--select TC101,TC102 --select TC103 → [TC101, TC102, TC103]."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def parse_mapping(values: list[str] | None, option: str, shape: str = "NAME=COLUMN") -> dict[str, str]:
    """--glossary-column en=English → {"en": "English"}."""
    mapping: dict[str, str] = {}
    for value in values or []:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise UsageError(f"{option} takes {shape}, not {value!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def parse_severity(value: str, option: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def parse_fail_on(value: str) -> Severity | None:
    """--fail-on error|warning|info|never; never means findings do not change the exit code."""
    try:
        return Severity.parse_fail_on(value)
    except ValueError as exc:
        raise UsageError(f"--fail-on: {exc}") from None


def parse_severities(values: list[str] | None, rules: Sequence[Rule] = ()) -> dict[str, Severity]:
    """--severity TC212=warning → {"TC212": WARNING}; codes or check names, and the project's rule ids."""
    from termcheck.checks import get_check
    from termcheck.checks.registry import catalogue

    available = catalogue(rules)
    return {
        get_check(code, available).code: parse_severity(level, "--severity")
        for code, level in parse_mapping(values, "--severity", "CODE=LEVEL (e.g. TC212=warning)").items()
    }


def load_project(path: Path | None, no_config: bool) -> ProjectConfig:
    """The configuration for this run: --config, else the nearest file upwards, else defaults (--no-config)."""
    from termcheck.project.config import load_config

    if no_config:
        if path is not None:
            raise UsageError("--config and --no-config contradict each other")
        return ProjectConfig(Settings(), None, os.path.abspath("."))
    return load_config(str(path) if path else None)


def input_overrides(
    *,
    glossary: Sequence[Path] | None,
    exclude: Sequence[str] | None,
    select: list[str] | None,
    ignore: list[str] | None,
    ignore_file: Path | None,
    no_ignore_file: bool,
    encoding: str | None,
    glossary_encoding: str | None,
    input_format: str | None,
    id_column: str | None,
    source_column: str | None,
    target_column: str | None,
    glossary_column: list[str] | None,
    deprecated_everywhere: bool | None,
) -> dict[str, Any]:
    """What the options `check` and `fix` share override in the configuration (None: the config's value)."""
    return {
        "glossary": tuple(str(g) for g in glossary) if glossary else None,
        "exclude": tuple(exclude) if exclude else None,
        "select": tuple(split_codes(select)) or None,
        "ignore": tuple(split_codes(ignore)) or None,
        "ignore_file": str(ignore_file) if ignore_file else None,
        "use_ignore_file": False if no_ignore_file else None,
        "encoding": encoding,
        "glossary_encoding": glossary_encoding,
        "input_format": input_format,
        "id_column": id_column,
        "source_column": source_column,
        "target_column": target_column,
        "glossary_columns": parse_mapping(glossary_column, "--glossary-column") or None,
        "deprecated_everywhere": deprecated_everywhere,
    }


def check_cluster_options(cluster: str | None, shards: str | None, jobs: int | None = None) -> None:
    if shards is not None and cluster is None:
        raise UsageError("--shards is where a cluster's workers write: it needs --cluster")
    if cluster is not None and jobs is not None:
        raise UsageError("--jobs is for one machine; with --cluster, the cluster's workers check the partitions")
