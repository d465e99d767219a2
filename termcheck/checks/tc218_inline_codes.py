from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, InlineCode, Severity
from termcheck.matching.analysis import AnalyzedSegment


def _key(code: InlineCode) -> tuple[str, str]:
    """A paired code counts once (by its opening), a standalone code each time it stands."""
    return ("paired" if code.kind != "standalone" else "standalone", code.id)


def _counted(codes: Sequence[InlineCode]) -> Counter[tuple[str, str]]:
    return Counter(_key(c) for c in codes if c.kind != "close")


def first_overlap(codes: Sequence[InlineCode]) -> tuple[InlineCode, InlineCode | None] | None:
    """The first closing code that does not close the innermost open pair, with that pair's opening
    (None when nothing is open, a close before its open); None when the pairs nest."""
    stack: list[InlineCode] = []
    opened = {c.id for c in codes if c.kind == "open"}
    for code in codes:
        if code.kind == "open":
            stack.append(code)
        elif code.kind == "close" and code.id in opened:
            if not stack or stack[-1].id != code.id:
                return code, (stack[-1] if stack else None)
            stack.pop()
    return None


class InlineCodes(Check):
    """Inline codes (tags, placeholders, line breaks) of the source missing, added or badly nested in the target.

    XLIFF and TMX keep the original format's tags as inline codes: bold, a link, a line break, an image,
    `{0}`. A target that loses one, gains one, or closes its pairs out of order ("{/1} closes while {2} is
    still open") breaks the published page. Codes are compared by id, so the target may put them in another
    order where English needs it, as long as its pairs nest. Codes are shown as {1}…{/1} for pairs and {2/}
    for standalone codes."""

    code = "TC218"
    name = "inline-codes"
    severity = Severity.ERROR
    needs_source = True
    examples = (
        Example(
            source='请<g id="1">点击这里</g>。<x id="2" ctype="lb"/>谢谢',
            target="Please click here. Thanks",
            bad=True,
            xliff=True,
        ),
        Example(
            source='请<g id="1">点击这里</g>。<x id="2" ctype="lb"/>谢谢',
            target='Please <g id="1">click here</g>.<x id="2" ctype="lb"/>Thanks',
            bad=False,
            xliff=True,
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        segment = analyzed.segment
        if segment.source is None or not (segment.source_codes or segment.target_codes):
            return
        source, target = _counted(segment.source_codes), _counted(segment.target_codes)
        by_key = {_key(c): c for c in (*segment.source_codes, *segment.target_codes) if c.kind != "close"}
        for key in sorted(source.keys() | target.keys()):
            want, have = source[key], target[key]
            if want == have:
                continue
            shown = _shown(by_key[key])
            if want and have:
                message = f"inline code {shown} stands {want}× in the source but {have}× in the target"
            elif want:
                message = f"inline code {shown} of the source is missing in the target"
            else:
                message = f"the target has inline code {shown}, which the source does not"
            yield self.finding(
                analyzed,
                message,
                found=shown,
                source_span=_at(segment.source_codes, key) if want > have else None,
                target_span=_at(segment.target_codes, key) if have > want else None,
            )
        if first_overlap(segment.source_codes) is None and (overlap := first_overlap(segment.target_codes)):
            close, inner = overlap
            where = (close.offset, close.offset)
            if inner is None:
                message = f"{close.label} closes before {{{close.id}}} opens in the target"
            else:
                message = f"{close.label} closes while {inner.label} is still open: the target's pairs overlap"
            yield self.finding(analyzed, message, found=close.label, target_span=where)


def _shown(code: InlineCode) -> str:
    return f"{{{code.id}}}…{{/{code.id}}}" if code.kind != "standalone" else code.label


def _at(codes: Sequence[InlineCode], key: tuple[str, str]) -> tuple[int, int] | None:
    found = next((c for c in codes if c.kind != "close" and _key(c) == key), None)
    return (found.offset, found.offset) if found else None
