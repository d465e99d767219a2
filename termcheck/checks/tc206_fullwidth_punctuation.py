from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.declared_fixes import span_of
from termcheck.checks.examples import Example
from termcheck.checks.punctuation import MARKS, ascii_for
from termcheck.checks.triggers import Trigger
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

_MARK = re.compile(rf"——|……|[{MARKS}]")  # one mark: the two-character dash and ellipsis are one each
_SPACE_AFTER = frozenset("，。：；！？）】、》」』〉,.:;!?)]")  # "approved，and" → "approved, and"
_SPACE_BEFORE = frozenset("（【《「『〈([")  # "approved（2024）" → "approved (2024)"
_CLAUSE_END = frozenset(",;:，；：")  # "twice:（a)" → "twice: (a)"
_ANY_MARK = re.compile(rf"[—…{MARKS}]")  # one character class: `re` scans for it fast
_CLOSER = {"（": "）", "【": "】", "《": "》", "「": "」", "『": "』", "〈": "〉", "［": "］", "｛": "｝"}
_GROUP = {**{opener: opener for opener in _CLOSER}, **{closer: opener for opener, closer in _CLOSER.items()}}
LABEL = "【"  # the label bracket of Chinese e-commerce and social media (docs/checks.md, TC206)
_HEADING_LABEL = re.compile(r"\s*【[^【】]*】")


def _heads(text: str) -> bool:
    """Whether a pair of label brackets opens the text, as "【律师提醒】" heads a post, "【诺拉图书】" a title."""
    return _HEADING_LABEL.match(text) is not None


def _group(mark: str) -> str:
    """What one finding covers: a mark, or both brackets of a pair (named by the opening one)."""
    return _GROUP.get(mark, mark)


def _members(group: str) -> tuple[str, ...]:
    return (group, _CLOSER[group]) if group in _CLOSER else (group,)


def _pairs(marks: Iterable[str], opener: str) -> int | None:
    """How many pairs the brackets make, or None if one of them has no partner."""
    depth = pairs = 0
    for mark in marks:
        if mark == opener:
            depth += 1
        elif depth == 0:
            return None
        else:
            depth -= 1
            pairs += 1
    return pairs if depth == 0 else None


def _converted(text: str, group: str) -> str:
    """The text with the group's marks made ASCII, and nothing else."""
    return _MARK.sub(lambda m: ascii_for(m.group()) if _group(m.group()) == group else m.group(), text)


def _spaced(target: str, start: int, end: int) -> str:
    """The ASCII for the mark at target[start:end], with the spaces English puts around it."""
    wide = target[start:end]
    text = ascii_for(wide)
    after = target[end : end + 1]
    before = target[start - 1 : start]
    between_digits = before.isdigit() and after.isdigit()  # 10：30, 1，000: no space inside a number
    if wide[-1] in _SPACE_AFTER and (after.isalpha() or (after.isdigit() and not between_digits)):
        text += " "
    if wide[0] in _SPACE_BEFORE and (before.isalnum() or before in _CLAUSE_END):
        text = " " + text
    return text


class FullwidthPunctuation(Check):
    """Chinese or full-width punctuation in the English target: ，。：；！？（）【】《》、 and the like.

    One finding per mark, however often it stands in the segment (the message says how often: "，" (3
    times)), and one for the brackets of a kind ("（…）", "《…》"), each spanning every place it covers,
    with the ASCII punctuation to use; the fix makes every one ASCII. Curly quotes (“ ” ‘ ’) are English
    typography and are not reported.

    A pair of label brackets 【…】 heading the target, as one heads the source, is an info note: Chinese
    e-commerce titles and social-media posts open with such a label ("【律师提醒】", "【诺拉图书】"), English
    has no bracket of that use, and the professional MQM raters of the WMT22 set left every one kept at the
    head of a target unmarked ("【Lawyer reminds】 …", "【Nora Books】 …": 0 of 7 segments); "[…]" is still
    suggested and fixable. Elsewhere 【…】 is a warning: the WMT23 news raters marked "Font:【Large Medium
    Small】" (字体:【大中小】, a page's font-size switch) as a punctuation error both times. So is a lone or
    mismatched 【 or 】, and 【…】 the source does not open with. A severity set for TC206 in the
    configuration applies everywhere."""

    code = "TC206"
    name = "fullwidth-punctuation"
    severity = Severity.WARNING
    trigger = Trigger(_ANY_MARK)
    fix_description = "the ASCII punctuation, with the space English puts after a comma or stop and before a bracket"
    examples = (
        Example(target="The drug was approved，and it went on sale。", bad=True),
        Example(target="The drug was approved, and it went on sale.", bad=False),
        Example(
            source="【律师提醒】网购需谨慎",
            target="【Lawyer reminds】 Be careful when shopping online",
            bad=True,
            severity=Severity.INFO,
        ),
        Example(source="字体:【大中小】", target="Font:【Large Medium Small】", bad=True),
        Example(target="The drug, called “Ryoncil”, was approved.", bad=False),
    )

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        span = span_of(target, finding)
        first = _MARK.match(target, span[0]) if span else None
        if span is None or first is None:
            return None
        start, end = span
        group = _group(first.group())
        if _converted(target[start:end], group) != finding.expected:
            return None  # not a finding of this check as it reports them now
        pieces: list[str] = []
        position = start
        for match in _MARK.finditer(target, start, end):
            if _group(match.group()) == group:
                pieces += [target[position : match.start()], _spaced(target, match.start(), match.end())]
                position = match.end()
        pieces.append(target[position:end])
        return Edit(start, end, "".join(pieces))

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        target = analyzed.segment.target
        places: dict[str, list[re.Match[str]]] = {}  # by group, in the order each first stands
        for match in _MARK.finditer(target):
            places.setdefault(_group(match.group()), []).append(match)
        for group, matches in places.items():
            yield self._finding(analyzed, group, matches)

    def _finding(self, analyzed: AnalyzedSegment, group: str, matches: list[re.Match[str]]) -> Finding:
        target = analyzed.segment.target
        start, end = matches[0].start(), matches[-1].end()
        found = target[start:end]
        pairs = _pairs((m.group() for m in matches), group) if group in _CLOSER else None
        if pairs:
            closer = _CLOSER[group]
            shown, use = f"{group}…{closer}", f"{ascii_for(group)}…{ascii_for(closer)}"
            how_often = f" ({pairs} pairs)" if pairs > 1 else ""
            message = f'full-width brackets "{shown}" in the target{how_often}; use "{use}"'
        else:
            marks = [mark for mark in _members(group) if any(m.group() == mark for m in matches)]
            how_often = f" ({len(matches)} times)" if len(matches) > 1 else ""
            shown, use = '" and "'.join(marks), '" and "'.join(ascii_for(mark) for mark in marks)
            message = f'full-width punctuation "{shown}" in the target{how_often}; use "{use}"'
        finding = self.finding(
            analyzed, message, found=found, expected=_converted(found, group), target_span=(start, end)
        )
        if group == LABEL and pairs == 1 and _heads(target) and _heads(analyzed.segment.source or ""):
            finding = dataclasses.replace(
                finding,
                message='label brackets "【…】" kept from the source; use "[…]" if the text is to read as English',
                severity=finding.severity if self.code in self.context.severities else Severity.INFO,
            )
        return finding
