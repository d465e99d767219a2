"""A project's own rules, declared in termcheck.toml, run as checks like any other:

    [[rules]]
    id = "house-percent"                  # the finding's code; any id not starting with TC
    message = "House style: write 'per cent'"
    severity = "warning"
    target = '\\bpercent\\b'                # flag where the target matches
    [[rules]]
    id = "rmb-named"
    message = "Name the currency: RMB or yuan"
    source = '人民币'                      # the rule applies only where the source matches…
    target-lacks = '\\b(RMB|yuan)\\b'       # …and flags when the target does not match this

Patterns are compiled with the `regex` module, whose searches can be timed out. Each rule has a budget of
search time for the run (`rule-budget`, RULE_BUDGET seconds, plus SEARCH_ALLOWANCE for each search, so that
a sane rule over a million segments is never stopped): a rule that spends it, like a pattern that backtracks
exponentially, is stopped where it did, reported once (RuleStop), and the run goes on without it. A process
keeps its own account: with `--jobs N` each worker has the budget.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from termcheck.core.errors import UsageError
from termcheck.core.model import Severity

RULE_BUDGET = 2.0  # seconds of search time a rule may spend in a run (per process), beyond its allowance
SEARCH_ALLOWANCE = 0.001  # seconds added to the budget for each search: 1,000x what a sane pattern takes
KEYS = ("id", "message", "severity", "source", "target", "target-lacks", "ignore-case")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Rule:
    id: str
    message: str
    severity: Severity = Severity.WARNING
    source: str | None = None
    target: str | None = None
    target_lacks: str | None = None
    ignore_case: bool = True


@dataclass(frozen=True)
class RuleStop:
    """Where a rule was stopped for spending its budget: the first segment it did not check (it checked none
    after it in that process), after how many searches and how many seconds of searching."""

    rule: str
    file: str
    line: int
    searches: int
    seconds: float
    budget: float

    def describe(self) -> str:
        searches = f"{self.searches} search{'es' if self.searches != 1 else ''}"
        return (
            f"rule {self.rule} stopped at {self.file}:{self.line} after {searches}, its budget of {self.budget:g} s "
            "(rule-budget) spent: it did not check that segment or any after it; simplify the pattern "
            "(nested quantifiers and overlapping alternatives backtrack exponentially)"
        )


def parse_rule(table: Mapping[str, Any], where: str) -> Rule:
    """One `[[rules]]` table; `where` names it in errors ("rules[2]")."""
    for key in table:
        if key not in KEYS:
            raise UsageError(f"{where}.{key}: unknown key (known keys: {', '.join(KEYS)})")
    ident = table.get("id")
    if not isinstance(ident, str) or not _ID.fullmatch(ident) or ident.upper().startswith("TC"):
        raise UsageError(
            f"{where}.id: a rule needs an id of letters, digits, - _ . not starting with TC, got {ident!r}"
        )
    where = f"rule {ident}"
    message = table.get("message")
    if not isinstance(message, str) or not message.strip():
        raise UsageError(f"{where}: message is missing")
    try:
        severity = Severity.parse(str(table.get("severity", "warning")))
    except ValueError as exc:
        raise UsageError(f"{where}.severity: {exc}") from None
    ignore_case = table.get("ignore-case", True)
    if not isinstance(ignore_case, bool):
        raise UsageError(f"{where}.ignore-case: expected true or false, got {ignore_case!r}")
    patterns = {key: table.get(key) for key in ("source", "target", "target-lacks")}
    for key, pattern in patterns.items():
        if pattern is not None:
            if not isinstance(pattern, str) or not pattern:
                raise UsageError(f"{where}.{key}: expected a regular expression, got {pattern!r}")
            try:
                import regex

                regex.compile(pattern)
            except regex.error as exc:
                raise UsageError(f"{where}.{key}: bad regular expression {pattern!r}: {exc}") from None
    if patterns["target"] is None and patterns["target-lacks"] is None:
        raise UsageError(f"{where}: give target (flag where it matches) or target-lacks (flag where it does not)")
    return Rule(
        ident, message.strip(), severity, patterns["source"], patterns["target"], patterns["target-lacks"], ignore_case
    )
