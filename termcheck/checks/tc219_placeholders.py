from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.checks.tokens import Token, placeholders, printf_conversion
from termcheck.model import Finding, Severity

_MARKS = ("%", "{", "<")


class Placeholders(Check):
    """Placeholders and tags of the source missing, added or changed in the target.

    Compared source against target as written in the text: printf placeholders (`%s`, `%d`, `%1$s`),
    brace placeholders (`{0}`, `{name}`), ICU arguments by name and type (`{count, plural, …}`) and
    HTML/XML tags (`<b>`, `</b>`, `<br/>`). A printf placeholder whose type changed (`%d` → `%s`) is
    reported as such. "50%" is a percentage, not a placeholder. Inline codes of XLIFF and TMX are
    TC218's. Needs a source.

    Bad:
        source: 您有%d个新文件，请查看<b>{folder}</b>。
        target: You have %s new files; see folder.
    Good:
        target: You have %d new files; see <b>{folder}</b>.
    """

    code = "TC219"
    name = "placeholders"
    severity = Severity.ERROR
    needs_source = True

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        if not source or not any(m in source or m in target for m in _MARKS):
            return
        have, want = placeholders(target), placeholders(source)
        if not have and not want:
            return
        missing = Counter(t.text for t in want) - Counter(t.text for t in have)
        extra = Counter(t.text for t in have) - Counter(t.text for t in want)
        for lost in [t for t in want if missing[t.text] > 0]:
            missing[lost.text] -= 1
            changed = _same_argument(lost, have, extra)
            if changed is not None:
                extra[changed.text] -= 1
                yield self.finding(
                    analyzed,
                    f"placeholder {lost.text} became {changed.text}: its type changed",
                    found=changed.text,
                    expected=lost.text,
                    source_span=lost.span,
                    target_span=changed.span,
                )
            else:
                yield self.finding(
                    analyzed,
                    f"{_name(lost)} {lost.text} of the source is missing in the target",
                    found=lost.text,
                    source_span=lost.span,
                )
        for added in [t for t in have if extra[t.text] > 0]:
            extra[added.text] -= 1
            yield self.finding(
                analyzed,
                f"the target has {_name(added)} {added.text}, which the source does not",
                found=added.text,
                target_span=added.span,
            )


def _same_argument(lost: Token, have: list[Token], extra: Counter[str]) -> Token | None:
    """The target's unmatched printf placeholder for the same argument (same position, or the next
    positionless one), when the source's one is missing: a changed type."""
    if lost.kind != "printf":
        return None
    position, _ = printf_conversion(lost.text)
    for token in have:
        if token.kind == "printf" and extra[token.text] > 0 and printf_conversion(token.text)[0] == position:
            return token
    return None


def _name(token: Token) -> str:
    return {"tag": "tag", "icu": "ICU argument"}.get(token.kind, "placeholder")
