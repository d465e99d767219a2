"""Report writers, one per output format. Each is imported when asked for, so that writing JSON does not load
the SARIF writer's check catalogue, nor a text report openpyxl."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from termcheck.core.errors import UsageError

if TYPE_CHECKING:
    from termcheck.writers.base import Writer

WRITERS: dict[str, tuple[str, str]] = {
    "text": ("termcheck.writers.text", "TextWriter"),
    "json": ("termcheck.writers.json_writer", "JsonWriter"),
    "sarif": ("termcheck.writers.sarif", "SarifWriter"),
    "junit": ("termcheck.writers.junit", "JunitWriter"),
    "github": ("termcheck.writers.github", "GithubWriter"),
}


def get_writer(name: str) -> Writer:
    try:
        module, cls = WRITERS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r} (use {', '.join(WRITERS)})") from None
    writer: type[Writer] = getattr(importlib.import_module(module), cls)
    return writer()
