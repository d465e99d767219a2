"""Report writers, one per output format."""

from __future__ import annotations

from termcheck.core.errors import UsageError
from termcheck.writers.base import Writer
from termcheck.writers.github import GithubWriter
from termcheck.writers.json_writer import JsonWriter
from termcheck.writers.junit import JunitWriter
from termcheck.writers.sarif import SarifWriter
from termcheck.writers.text import TextWriter

WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter,
    "json": JsonWriter,
    "sarif": SarifWriter,
    "junit": JunitWriter,
    "github": GithubWriter,
}


def get_writer(name: str) -> Writer:
    try:
        return WRITERS[name]()
    except KeyError:
        raise UsageError(f"unknown format {name!r} (use {', '.join(WRITERS)})") from None
