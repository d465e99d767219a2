from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.declared_fixes import span_of
from termcheck.checks.triggers import Trigger
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

ASCII_FOR = {
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "【": "[", "】": "]",
    "《": '"', "》": '"', "、": ",", "「": '"', "」": '"', "『": '"', "』": '"', "〈": '"', "〉": '"', "～": "~",
    "——": "—", "……": "…", "　": " ",
}  # fmt: skip
# Chinese punctuation, and the full-width forms of ASCII punctuation (letters and digits are TC201's)
_MARKS = r"，。：；！？（）【】《》、「」『』〈〉～\u3000\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e"
_FULLWIDTH = re.compile(rf"——|……|[{_MARKS}]+")
_SPACE_AFTER = frozenset("，。：；！？）】、》」』〉,.:;!?)]")  # "approved，and" → "approved, and"
_SPACE_BEFORE = frozenset("（【《「『〈([")  # "approved（2024）" → "approved (2024)"
_ANY_MARK = re.compile(rf"[—…{_MARKS}]")  # one character class: `re` scans for it fast


def ascii_for(text: str) -> str:
    out = text
    for wide, narrow in ASCII_FOR.items():
        out = out.replace(wide, narrow)
    return "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in out)


class FullwidthPunctuation(Check):
    """Chinese or full-width punctuation in the English target: ，。：；！？（）【】《》、 and the like.

    One finding per run, with the ASCII punctuation to use. Curly quotes (“ ” ‘ ’) are English
    typography and are not reported. Works without a source.

    Bad:
        target: The drug was approved，and it went on sale。
    Good:
        target: The drug was approved, and it went on sale.
    """

    code = "TC206"
    name = "fullwidth-punctuation"
    severity = Severity.WARNING
    trigger = Trigger(_ANY_MARK)
    fix_description = "the ASCII punctuation, with the space English puts after a comma or stop and before a bracket"

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        span = span_of(target, finding)
        if span is None:
            return None
        start, end = span
        wide = target[start:end]
        text = ascii_for(wide)
        after = target[end : end + 1]
        before = target[start - 1 : start]
        between_digits = before.isdigit() and after.isdigit()  # 10：30, 1，000: no space inside a number
        if wide[-1] in _SPACE_AFTER and (after.isalpha() or (after.isdigit() and not between_digits)):
            text += " "
        if wide[0] in _SPACE_BEFORE and before.isalnum():
            text = " " + text
        return Edit(start, end, text)

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        for match in _FULLWIDTH.finditer(analyzed.segment.target):
            text = match.group()
            yield self.finding(
                analyzed,
                f'full-width punctuation "{text}" in the target; use "{ascii_for(text)}"',
                found=text,
                expected=ascii_for(text),
                target_span=match.span(),
            )
