from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check, CheckContext
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.errors import UsageError
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

# Han ideographs (with extensions and compatibility forms), kana, and full-width Latin letters and digits
_UNTRANSLATED = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3040-\u30ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
    r"(?:[\s\u3000]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3040-\u30ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])*"
)


class Untranslated(Check):
    """Chinese characters or full-width letters and digits left in the English target.

    Chinese characters (and kana) or full-width letters and digits: one finding per run of such characters.
    Spans that are there on purpose — a Chinese name quoted after its romanisation, say — are allowed with
    `--allow-untranslated REGEX` (repeatable): a run inside a match of any of those patterns is not reported.
    A target that copies the Chinese source is reported here; TC221 reports only an empty one.

    An XLIFF unit whose target is empty and whose state says it is not translated yet (`new`,
    `needs-translation`, `initial`) is reported once here, as not translated yet, and no other check reads
    it."""

    code = "TC201"
    name = "untranslated"
    severity = Severity.ERROR
    sees_pending = True
    trigger = Trigger(_UNTRANSLATED)
    examples = (
        Example(target="The drug is made of 脐带 mesenchymal stem cells.", bad=True),
        Example(target="The drug is made of umbilical cord mesenchymal stem cells.", bad=False),
    )

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        try:
            self.allowed = [re.compile(p) for p in context.allow_untranslated]
        except re.error as exc:
            raise UsageError(f"--allow-untranslated: bad pattern {exc.pattern!r}: {exc}") from None

    def _allowed(self, text: str, start: int, end: int) -> bool:
        return any(m.start() <= start and end <= m.end() for p in self.allowed for m in p.finditer(text))

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        if analyzed.segment.pending:
            yield self.finding(analyzed, "not translated yet: the target is empty and its state says so")
            return
        target = analyzed.segment.target
        for match in _UNTRANSLATED.finditer(target):
            if self.allowed and self._allowed(target, match.start(), match.end()):
                continue
            yield self.finding(
                analyzed,
                f'untranslated text "{match.group()}" in the target',
                found=match.group(),
                target_span=match.span(),
            )
