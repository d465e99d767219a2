"""Which engine runs the per-segment matching path: the native core (Rust, the `termcheck-native`
distribution built from native/ in this repository) when it is installed, the Python reference otherwise.

Both give the same findings (tests/test_native_equal.py). `TERMCHECK_ENGINE=python` forces the reference
(for comparing the two, or to rule the core out when a result looks wrong); `TERMCHECK_ENGINE=native` makes a
missing core an error instead of a silent fallback. The choice is read once per process; `reset` reads it again.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol, cast

from termcheck.core.errors import UsageError

ENGINE_VARIABLE = "TERMCHECK_ENGINE"
ENGINES = ("native", "python")
Hit = tuple[int, int, int]  # start, end, ref group
TextMatch = tuple[list[Hit], list[int], list[Hit]]  # hits that count, concepts anywhere, miscased hits
PyChunk = tuple[Sequence[str], Sequence[str], Sequence[int], Sequence[tuple[int, str]]]


class SourceAutomaton(Protocol):
    def find_many(self, texts: Sequence[str | None]) -> list[list[tuple[int, int, int]]]: ...


class TermIndex(Protocol):
    def insert(
        self,
        keys: Sequence[str],
        reference: int,
        concept: int,
        case_sensitive: bool,
        exact: bool,
        surfaces: Sequence[str],
    ) -> None: ...

    def match_many(self, texts: Sequence[str], prefer: Sequence[Sequence[int] | None]) -> list[TextMatch]: ...

    def groups_from(self, first: int) -> list[list[int]]: ...


# value, start, end, kind (an index into the reader's kinds: 0 number, 1 month…), strong, mantissa,
# alternatives, figurative
NumberReading = tuple[float, int, int, int, bool, float | None, list[tuple[int, float]], bool]


class ChineseNumberReader(Protocol):
    def quantities(self, text: str) -> list[NumberReading] | None: ...


class EnglishNumberReader(Protocol):
    def quantities(self, text: str) -> list[NumberReading] | None: ...


class NativeCore(Protocol):
    VERSION: str

    def SourceAutomaton(self, keys: Sequence[str], fold: Mapping[int, str], invisible: str) -> SourceAutomaton: ...

    def TermIndex(
        self, fold: Mapping[int, str], chunker: Callable[[str], PyChunk], cache_limit: int, tables: bool = True
    ) -> TermIndex: ...

    def english_key_versions(self) -> list[tuple[str, str]]: ...

    def ChineseNumberReader(
        self,
        fold: Mapping[int, str],
        patterns: Mapping[str, str],
        words: Mapping[str, Sequence[str]],
        numerals: Mapping[str, Mapping[str, int]],
        longest_digits: int,
    ) -> ChineseNumberReader: ...

    def EnglishNumberReader(
        self,
        patterns: Mapping[str, str],
        numbers: Mapping[str, Mapping[str, int]],
        floats: Mapping[str, Mapping[str, float]],
        words: Mapping[str, Sequence[str]],
        safe: Sequence[tuple[str, str]],
        longest_digits: int,
    ) -> EnglishNumberReader: ...


@lru_cache(maxsize=1)
def native_core() -> NativeCore | None:
    """The native core, or None where it is not installed or TERMCHECK_ENGINE=python."""
    wanted = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if wanted and wanted not in ENGINES:
        raise UsageError(f"{ENGINE_VARIABLE}={wanted}: expected one of {', '.join(ENGINES)}")
    if wanted == "python":
        return None
    try:
        module = importlib.import_module("termcheck_native")
    except ImportError:
        if wanted == "native":
            raise UsageError(
                f"{ENGINE_VARIABLE}=native but the native core is not installed (pip install ./native)"
            ) from None
        return None
    return cast(NativeCore, module)


def english_tables(core: NativeCore) -> bool:
    """Whether the core's English key tables were made from the spaCy and lemminflect installed here
    (scripts/gen_english_keys.py); where not, every chunk is keyed through Python, so both engines key alike."""
    return _installed_match(tuple(core.english_key_versions()))


@lru_cache(maxsize=4)
def _installed_match(versions: tuple[tuple[str, str], ...]) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return bool(versions) and all(version(package) == wanted for package, wanted in versions)
    except PackageNotFoundError:
        return False


def engine_name() -> str:
    """ "native" or "python": the engine this process runs."""
    return "native" if native_core() is not None else "python"


def reset() -> None:
    """Read TERMCHECK_ENGINE again (tests switch engines within one process)."""
    native_core.cache_clear()
