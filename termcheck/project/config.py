"""Project configuration: `termcheck.toml`, or `[tool.termcheck]` in pyproject.toml.

The file is found by walking up from the working directory; the first directory that has either
is the project root. Keys mirror the `check` options (kebab-case); command-line options override them.
Paths in the file are relative to the file's directory. An unknown key is an error naming it.

    glossary = ["glossaries/terms.tbx"]
    files = ["content/**/*.en.txt", "content/**/*.xlf"]
    exclude = ["content/drafts/**"]
    fail-on = "warning"
    ignore = ["TC208"]
    baseline = "termcheck-baseline.json"

    [severity]
    TC212 = "warning"
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from termcheck.checks.rules import RULE_BUDGET, Rule
from termcheck.core.errors import InputError, UsageError
from termcheck.core.model import Severity
from termcheck.text.langs import is_chinese, is_english, is_valid_tag

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

CONFIG_FILE = "termcheck.toml"
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a `check` run can be configured with; the defaults are termcheck's own."""

    glossary: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source_language: str = "zh"
    target_language: str = "en"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity | None = Severity.ERROR
    format: str = "text"
    ignore_file: str | None = None  # None: ./.termcheck-ignore (at the project root) if it exists
    use_ignore_file: bool = True
    baseline: str | None = None
    encoding: str | None = None  # the documents'
    glossary_encoding: str | None = None  # None: each glossary's own is detected
    input_format: str | None = None
    id_column: str | None = None
    source_column: str | None = None
    target_column: str | None = None
    glossary_columns: Mapping[str, str] = field(default_factory=dict)
    deprecated_everywhere: bool = False
    allow_untranslated: tuple[str, ...] = ()
    jobs: int = 1  # worker processes; 0: one per core
    cluster: str | None = None  # a Dask scheduler's address, or local:N (termcheck.run.cluster)
    shards: str | None = None  # where a cluster's workers write their findings
    rules: tuple[Rule, ...] = ()  # [[rules]]: the project's own checks (termcheck.checks.project_rules)
    rule_budget: float = RULE_BUDGET  # seconds of search time each rule may spend in a run (per process)

    def override(self, **given: Any) -> Settings:
        """These settings with every value that is not None in `given` taking precedence."""
        known = {f.name for f in fields(self)}
        unknown = set(given) - known
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in given.items() if v is not None})


@dataclass(frozen=True)
class ProjectConfig:
    """A loaded configuration file; `path` is None when no file was found (defaults apply)."""

    settings: Settings
    path: str | None
    root: str  # the directory relative paths in the file (and finding paths) are taken from


def find_config(start: str = ".") -> str | None:
    """The nearest termcheck.toml, or pyproject.toml with a [tool.termcheck] table, from `start` upwards."""
    directory = os.path.abspath(start)
    while True:
        candidate = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(directory, PYPROJECT)
        if os.path.isfile(pyproject) and _has_termcheck_table(pyproject):
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_termcheck_table(path: str) -> bool:
    try:
        return "termcheck" in _parse(path).get("tool", {})
    except InputError:
        return False


def _parse(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_POSITION.search(str(exc))
        reason = _TOML_POSITION.sub("", str(exc)).strip()
        raise InputError(path, f"not valid TOML: {reason}", int(where.group(1)) if where else None) from None


def load_config(path: str | None = None, start: str = ".") -> ProjectConfig:
    """Load `path`, or the file `find_config(start)` finds; with neither, the defaults rooted at `start`."""
    path = path or find_config(start)
    if path is None:
        return ProjectConfig(Settings(), None, os.path.abspath(start))
    data = _parse(path)
    if os.path.basename(path) == PYPROJECT:
        table = data.get("tool", {}).get("termcheck")
        if table is None:
            raise InputError(path, "has no [tool.termcheck] table")
        prefix = "tool.termcheck."
    else:
        table, prefix = data, ""
    root = os.path.dirname(os.path.abspath(path))
    return ProjectConfig(_settings(table, _Context(path, prefix, root)), path, root)


@dataclass
class _Context:
    path: str
    prefix: str
    root: str
    rules: tuple[Rule, ...] = ()  # read first, so that [severity] may name a rule

    def error(self, key: str, reason: str) -> InputError:
        return InputError(self.path, f"{self.prefix}{key}: {reason}")

    def relative(self, value: str) -> str:
        """A path from the file, as a path from the working directory (absolute paths stay absolute)."""
        value = os.path.expanduser(value)
        if os.path.isabs(value):
            return value
        joined = os.path.normpath(os.path.join(self.root, value))
        try:
            return os.path.relpath(joined)
        except ValueError:  # another drive on Windows
            return joined


def _string(value: Any, key: str, ctx: _Context) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.error(key, f"expected a non-empty string, got {value!r}")
    return value


def _strings(value: Any, key: str, ctx: _Context) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ctx.error(key, f"expected a string or a list of strings, got {value!r}")
    return tuple(_string(item, key, ctx) for item in items)


def _bool(value: Any, key: str, ctx: _Context) -> bool:
    if not isinstance(value, bool):
        raise ctx.error(key, f"expected true or false, got {value!r}")
    return value


def _jobs(value: Any, key: str, ctx: _Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ctx.error(key, f"expected a whole number of processes (0: one per core), got {value!r}")
    return value


def _seconds(value: Any, key: str, ctx: _Context) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ctx.error(key, f"expected a number of seconds above 0, got {value!r}")
    return float(value)


def _table(value: Any, key: str, ctx: _Context) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.error(key, f"expected a table, got {value!r}")
    return value


def _severity(value: Any, key: str, ctx: _Context) -> Severity:
    try:
        return Severity.parse(_string(value, key, ctx))
    except ValueError as exc:
        raise ctx.error(key, str(exc)) from None


def _fail_on(value: Any, key: str, ctx: _Context) -> Severity | None:
    try:
        return Severity.parse_fail_on(_string(value, key, ctx))
    except ValueError as exc:
        raise ctx.error(key, str(exc)) from None


def _severity_table(value: Any, key: str, ctx: _Context) -> dict[str, Severity]:
    from termcheck.checks import get_check
    from termcheck.checks.registry import catalogue

    available = catalogue(ctx.rules)
    overrides: dict[str, Severity] = {}
    for code, level in _table(value, key, ctx).items():
        try:
            check = get_check(code, available)
        except UsageError:
            raise ctx.error(f"{key}.{code}", "no such check (see `termcheck checks`)") from None
        overrides[check.code] = _severity(level, f"{key}.{code}", ctx)
    return overrides


def _languages(value: Any, key: str, ctx: _Context) -> dict[str, str]:
    table = _table(value, key, ctx)
    for name in table:
        if name not in ("source", "target"):
            raise ctx.error(f"{key}.{name}", "unknown key (use source and target)")
    found: dict[str, str] = {}
    for name, accepts, what in (("source", is_chinese, "a Chinese"), ("target", is_english, "an English")):
        if name in table:
            tag = _string(table[name], f"{key}.{name}", ctx)
            if not is_valid_tag(tag) or not accepts(tag):
                raise ctx.error(f"{key}.{name}", f"{tag!r} is not {what} language tag")
            found[f"{name}_language"] = tag
    return found


def _columns(value: Any, key: str, ctx: _Context) -> dict[str, str]:
    table = _table(value, key, ctx)
    found: dict[str, str] = {}
    for name, column in table.items():
        if name not in ("id", "source", "target"):
            raise ctx.error(f"{key}.{name}", "unknown key (use id, source and target)")
        found[f"{name}_column"] = _string(column, f"{key}.{name}", ctx)
    return found


def _string_table(value: Any, key: str, ctx: _Context) -> dict[str, str]:
    return {k: _string(v, f"{key}.{k}", ctx) for k, v in _table(value, key, ctx).items()}


def _paths(value: Any, key: str, ctx: _Context) -> tuple[str, ...]:
    return tuple(ctx.relative(p) for p in _strings(value, key, ctx))


def _rules(value: Any, key: str, ctx: _Context) -> tuple[Rule, ...]:
    from termcheck.checks.rules import parse_rule

    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise ctx.error(key, "expected [[rules]] tables")
    try:
        return tuple(parse_rule(table, f"{key}[{number}]") for number, table in enumerate(value, start=1))
    except UsageError as exc:
        raise ctx.error(key, str(exc)) from None


def _ignore_file(value: Any, key: str, ctx: _Context) -> dict[str, Any]:
    if value is False:
        return {"use_ignore_file": False}
    return {"ignore_file": ctx.relative(_string(value, key, ctx))}


# key → how to read it and which setting it fills; tables that fill several settings return a dict.
_Reader = Callable[[Any, str, _Context], Any]
_KEYS: dict[str, tuple[_Reader, str | None]] = {
    "glossary": (_paths, "glossary"),
    "files": (_paths, "files"),  # glob patterns, taken from the file's directory like any path
    "exclude": (_strings, "exclude"),  # glob patterns matched against paths from the project root
    "languages": (_languages, None),
    "select": (_strings, "select"),
    "ignore": (_strings, "ignore"),
    "severity": (_severity_table, "severity"),
    "fail-on": (_fail_on, "fail_on"),
    "format": (_string, "format"),
    "ignore-file": (_ignore_file, None),
    "baseline": (lambda v, k, c: c.relative(_string(v, k, c)), "baseline"),
    "encoding": (_string, "encoding"),
    "glossary-encoding": (_string, "glossary_encoding"),
    "input-format": (_string, "input_format"),
    "columns": (_columns, None),
    "glossary-columns": (_string_table, "glossary_columns"),
    "deprecated-everywhere": (_bool, "deprecated_everywhere"),
    "allow-untranslated": (_strings, "allow_untranslated"),
    "jobs": (_jobs, "jobs"),
    "rules": (_rules, "rules"),
    "rule-budget": (_seconds, "rule_budget"),
}


def _settings(table: dict[str, Any], ctx: _Context) -> Settings:
    values: dict[str, Any] = {}
    if "rules" in table:
        ctx.rules = _rules(table["rules"], "rules", ctx)
    for key, value in table.items():
        if key not in _KEYS:
            raise ctx.error(key, f"unknown key (known keys: {', '.join(_KEYS)})")
        read, setting = _KEYS[key]
        result = read(value, key, ctx)
        if setting is None:
            values.update(result)
        else:
            values[setting] = result
    return replace(Settings(), **values)  # not override(): a value of None (fail-on "never") is meant
