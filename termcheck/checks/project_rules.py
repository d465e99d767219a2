"""The project's rules (termcheck.rules, `[[rules]]` in termcheck.toml) as checks: each a Check subclass
made from its Rule, its patterns searched with the `regex` module's timeout."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import regex

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.errors import UsageError
from termcheck.model import Finding
from termcheck.rules import REGEX_TIMEOUT, Rule


def rule_checks(rules: Iterable[Rule]) -> tuple[type[Check], ...]:
    return tuple(_check_for(rule) for rule in rules)


def _toml_string(pattern: str) -> str:
    """The pattern as it would be written in termcheck.toml, so it can be copied back: a literal string
    (backslashes as they are) where it can be one, else a basic string with TOML's escapes."""
    if "'" not in pattern and not any((ch < " " and ch != "\t") or ch == "\x7f" for ch in pattern):
        return f"'{pattern}'"
    # JSON's string escapes are TOML basic-string escapes; TOML also wants DEL escaped, which JSON leaves
    return json.dumps(pattern, ensure_ascii=False).replace("\x7f", "\\u007f")


def _check_for(rule: Rule) -> type[Check]:
    flags = regex.IGNORECASE if rule.ignore_case else 0
    patterns = {"source": rule.source, "target": rule.target, "target-lacks": rule.target_lacks}
    compiled = {key: regex.compile(pattern, flags) if pattern else None for key, pattern in patterns.items()}
    lines = [f"{key} = {_toml_string(pattern)}" for key, pattern in patterns.items() if pattern]
    doc = f"{rule.message}\n\nA project rule from termcheck.toml:\n    " + "\n    ".join(lines)

    def search(key: str, text: str, analyzed: AnalyzedSegment) -> Any:
        pattern = compiled[key]
        assert pattern is not None
        try:
            return pattern.search(text, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            segment = analyzed.segment
            raise UsageError(
                f"rule {rule.id}: {key} took over {REGEX_TIMEOUT} s on {segment.file}:{segment.line}; "
                "simplify the pattern (nested quantifiers backtrack exponentially)"
            ) from None

    def check_segment(self: Check, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        segment = analyzed.segment
        if compiled["source"] is not None and (
            segment.source is None or not search("source", segment.source, analyzed)
        ):
            return
        if compiled["target-lacks"] is not None and search("target-lacks", segment.target, analyzed):
            return
        if compiled["target"] is not None:
            found = search("target", segment.target, analyzed)
            if not found:
                return
            yield self.finding(analyzed, rule.message, found=found.group(), target_span=found.span())
        else:
            yield self.finding(analyzed, rule.message)

    return type(
        f"Rule_{rule.id}",
        (Check,),
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
