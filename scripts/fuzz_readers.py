"""Fuzz the XML and CSV readers with atheris (coverage-guided, libFuzzer).

    pip install atheris
    python scripts/fuzz_readers.py xliff -max_total_time=600 fuzz-corpus/xliff
    python scripts/fuzz_readers.py tmx|tbx|tsv|csv|glossary-csv|jsonl ...

Each input is written to a file and read the way `termcheck check` reads it. The only acceptable
outcome besides segments is termcheck's own InputError/UsageError (a one-line message, exit 2);
any other exception is a crash and atheris stops with the input that caused it. The seed corpus is
the reader fixtures in tests/data; libFuzzer options (-max_total_time, -runs, -jobs) pass through.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from termcheck.core.errors import TermcheckError
    from termcheck.glossary.io import load_glossary
    from termcheck.readers import FieldNames, open_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "readers"
TARGETS: dict[str, tuple[str, Callable[[str], object], list[Path]]] = {
    "xliff": (".xlf", lambda p: list(open_document(p).read()), sorted(FIXTURES.glob("*.xlf"))),
    "tmx": (".tmx", lambda p: list(open_document(p).read()), sorted(FIXTURES.glob("*.tmx"))),
    "tbx": (".tbx", load_glossary, sorted((ROOT / "glossaries").glob("*.tbx"))),
    "tsv": (".tsv", lambda p: list(open_document(p).read()), sorted(FIXTURES.glob("*.tsv"))),
    "csv": (
        ".csv",
        lambda p: list(open_document(p, FieldNames("key", "chinese_text", "english_mt")).read()),
        sorted(FIXTURES.glob("*.csv")),
    ),
    "glossary-csv": (".csv", load_glossary, [ROOT / "tests" / "cases" / "glossary.csv"]),
    "jsonl": (".jsonl", lambda p: list(open_document(p).read()), sorted(FIXTURES.glob("*.jsonl"))),
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer options] [corpus dir]")
    suffix, read, seeds = TARGETS[sys.argv[1]]
    args = [sys.argv[0], *sys.argv[2:]]
    corpus = next((a for a in args[1:] if not a.startswith("-")), None)
    if corpus:  # seed an empty corpus directory with the fixtures
        os.makedirs(corpus, exist_ok=True)
        if not os.listdir(corpus):
            for seed in seeds:
                Path(corpus, seed.name).write_bytes(seed.read_bytes())
    fd, path = tempfile.mkstemp(suffix=suffix)
    os.close(fd)

    def test_one_input(data: bytes) -> None:
        with open(path, "wb") as handle:
            handle.write(data)
        with contextlib.suppress(TermcheckError):  # a clean refusal: what bad input should get
            read(path)

    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
