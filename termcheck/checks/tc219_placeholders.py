from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.tokens import Token, pair_up, placeholders, printf_conversion, unmatched
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_MARKS = ("%", "{", "<")


class Placeholders(Check):
    """Placeholders and tags of the source missing, added or changed in the target.

    Compared source against target as written in the text: printf placeholders (`%s`, `%d`, `%1$s`),
    brace placeholders (`{0}`, `{name}`), ICU arguments by name and type (`{count, plural, …}`; the
    messages inside are translated) and HTML/XML tags (`<b>`, `</b>`, `<br/>`; attributes need values,
    so `a <b and c> d` is not a tag). A printf placeholder whose type changed is reported as such ("%d
    became %s"). "50%" is a percentage and "%%" a literal percent sign, not placeholders. Inline codes of
    XLIFF and TMX are TC218's."""

    code = "TC219"
    name = "placeholders"
    severity = Severity.ERROR
    needs_source = True
    examples = (
        Example(
            source="您有%d个新文件，请查看<b>{folder}</b>。", target="You have %s new files; see folder.", bad=True
        ),
        Example(
            source="您有%d个新文件，请查看<b>{folder}</b>。",
            target="You have %d new files; see <b>{folder}</b>.",
            bad=False,
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = analyzed.segment.source, analyzed.segment.target
        if not source or not any(m in source or m in target for m in _MARKS):
            return
        have, want = placeholders(target), placeholders(source)
        if not have and not want:
            return
        pairs, added = pair_up(unmatched(want, have), unmatched(have, want), _same_argument)
        for lost, changed in pairs:
            if changed is not None:
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
        for token in added:
            yield self.finding(
                analyzed,
                f"the target has {_name(token)} {token.text}, which the source does not",
                found=token.text,
                target_span=token.span,
            )


def _same_argument(lost: Token, token: Token) -> bool:
    """A printf placeholder of the target for the same argument (same position, or both positionless) as the
    source's missing one: its type changed."""
    return lost.kind == token.kind == "printf" and printf_conversion(lost.text)[0] == printf_conversion(token.text)[0]


def _name(token: Token) -> str:
    return {"tag": "tag", "icu": "ICU argument"}.get(token.kind, "placeholder")
