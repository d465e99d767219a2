"""The project's rules (termcheck.checks.rules, `[[rules]]` in termcheck.toml) as checks: each a Check subclass
made from its Rule, its patterns searched with the `regex` module's timeout within the rule's budget."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from termcheck.checks.base import Check
from termcheck.checks.rules import SEARCH_ALLOWANCE, Rule, RuleStop
from termcheck.core.model import Finding
from termcheck.matching.analysis import AnalyzedSegment


def rule_checks(rules: Iterable[Rule]) -> tuple[type[Check], ...]:
    return tuple(_check_for(rule) for rule in rules)


def _toml_string(pattern: str) -> str:
    """The pattern as it would be written in termcheck.toml, so it can be copied back: a literal string
    (backslashes as they are) where it can be one, else a basic string with TOML's escapes."""
    if "'" not in pattern and not any((ch < " " and ch != "\t") or ch == "\x7f" for ch in pattern):
        return f"'{pattern}'"
    # JSON's string escapes are TOML basic-string escapes; TOML also wants DEL escaped, which JSON leaves
    return json.dumps(pattern, ensure_ascii=False).replace("\x7f", "\\u007f")


@dataclass
class _Account:
    """A rule's search time in this process: the checks of every partition a process checks draw on it."""

    seconds: float = 0.0
    searches: int = 0
    stopped: bool = False


class _BudgetSpent(Exception):
    pass


class RuleCheck(Check):
    """What every project rule's check shares: where the rule was stopped, handed over like a check's state."""

    _stop: RuleStop | None = None

    def state(self) -> object:
        return self._stop

    def merge(self, state: object) -> None:
        if self._stop is None and isinstance(state, RuleStop):
            self._stop = state  # the first in document order: one report however many workers stopped it

    def stopped(self) -> RuleStop | None:
        return self._stop


def _check_for(rule: Rule) -> type[Check]:
    flags = regex.IGNORECASE if rule.ignore_case else 0
    patterns = {"source": rule.source, "target": rule.target, "target-lacks": rule.target_lacks}
    compiled = {key: regex.compile(pattern, flags) if pattern else None for key, pattern in patterns.items()}
    lines = [f"{key} = {_toml_string(pattern)}" for key, pattern in patterns.items() if pattern]
    doc = f"{rule.message}\n\nA project rule from termcheck.toml:\n    " + "\n    ".join(lines)
    account = _Account()  # one per check type: a Checker (a run, or a --jobs worker) makes its own types

    def search(key: str, text: str, budget: float) -> Any:
        pattern = compiled[key]
        assert pattern is not None
        left = budget + SEARCH_ALLOWANCE * account.searches - account.seconds
        if left <= 0:
            raise _BudgetSpent
        started = time.perf_counter()
        try:
            return pattern.search(text, timeout=left)
        except TimeoutError:
            raise _BudgetSpent from None
        finally:
            account.seconds += time.perf_counter() - started
            account.searches += 1

    def check_segment(self: RuleCheck, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        if account.stopped:
            return ()
        try:
            return list(_findings(self, analyzed))
        except _BudgetSpent:
            account.stopped = True
            segment = analyzed.segment
            budget = self.context.rule_budget
            self._stop = RuleStop(rule.id, segment.file, segment.line, account.searches, account.seconds, budget)
            return ()

    def _findings(self: RuleCheck, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        segment = analyzed.segment
        budget = self.context.rule_budget
        if compiled["source"] is not None and (segment.source is None or not search("source", segment.source, budget)):
            return
        if compiled["target-lacks"] is not None and search("target-lacks", segment.target, budget):
            return
        if compiled["target"] is not None:
            found = search("target", segment.target, budget)
            if not found:
                return
            yield self.finding(analyzed, rule.message, found=found.group(), target_span=found.span())
        else:
            yield self.finding(analyzed, rule.message)

    return type(
        f"Rule_{rule.id}",
        (RuleCheck,),
        {
            "__doc__": doc,
            "__module__": __name__,
            "code": rule.id,
            "name": rule.id,
            "severity": rule.severity,
            "needs_source": rule.source is not None,
            "check_segment": check_segment,
        },
    )
