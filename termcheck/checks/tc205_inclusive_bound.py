from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.checks.triggers import Trigger
from termcheck.model import Finding, Severity
from termcheck.normalize import chinese_variants, fold_chinese
from termcheck.numbers.chinese import NUM, chinese_quantities
from termcheck.numbers.english import english_quantities

# 14岁以上, 65岁及以上, 3个月以内, 不少于30天, 不超过5%: the number is included
_AFTER_BOUNDS = "以上|以下|以内|之内"
_BEFORE_BOUNDS = "不少于|不低于|不小于|不超过|不高于|不多于|不大于|至少|最多|最少"
_AFTER = re.compile(rf"(?P<number>{NUM})[^\d，。；、,.;()（）\s]{{0,4}}?(?:及|或)?(?P<bound>{_AFTER_BOUNDS})")
_BEFORE = re.compile(rf"(?P<bound>{_BEFORE_BOUNDS})(?P<number>{NUM})")
LOWER = {"以上", "不少于", "不低于", "不小于", "至少", "最少"}
_EXCLUSIVE = re.compile(
    r"\b(?P<word>over|more than|above|greater than|older than|exceeding|in excess of|upwards of|"
    r"under|less than|below|fewer than|younger than)\s+(?:the age of\s+|age\s+)?",
    re.IGNORECASE,
)


def _two_character_prefixes(words: str) -> re.Pattern[str]:
    """A superset of the words, folded or not: a character class for each of their first two characters,
    with every character that folds to one of those (以內 is 以内), which `re` scans for fast."""
    alternatives = words.split("|")
    classes = [chinese_variants("".join(word[i] for word in alternatives)) for i in range(2)]
    return re.compile("".join(f"[{re.escape(characters)}]" for characters in classes))


def suggestion(bound: str, number: str, age: bool) -> str:
    if bound in LOWER:
        return f"{number} and older" if age else f"at least {number}"
    return f"{number} or younger" if age else f"up to {number}"


class InclusiveBound(Check):
    """An inclusive Chinese bound translated as a strict one: 14岁以上 is "14 and older", not "over 14".

    In Chinese regulatory and medical text 以上, 以下, 以内, 不少于 and 不超过 include the number
    itself (14岁以上 admits a fourteen-year-old). "Over", "more than", "above", "under", "less than"
    and "below" followed by the same number exclude it. Needs a source.

    Bad:
        source: 该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病
        target: for patients over 14 years old with steroid-refractory acute GVHD
    Good:
        target: for patients aged 14 and older with steroid-refractory acute GVHD
    """

    code = "TC205"
    name = "inclusive-bound"
    severity = Severity.WARNING
    needs_source = True
    trigger = Trigger(_two_character_prefixes(f"{_AFTER_BOUNDS}|{_BEFORE_BOUNDS}"), "source")

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source = analyzed.segment.source
        if not source:
            return
        folded = fold_chinese(source)
        bounds = []
        for pattern in (_AFTER, _BEFORE):
            for match in pattern.finditer(folded):
                numbers = chinese_quantities(match["number"])
                if numbers:
                    bounds.append((numbers[0].value, match["bound"], match.span()))
        if not bounds:
            return
        target = analyzed.segment.target
        for match in _EXCLUSIVE.finditer(target):
            following = [q for q in english_quantities(target[match.end() : match.end() + 40]) if q.start == 0]
            if not following:
                continue
            value = following[0].value
            for wanted, bound, span in bounds:
                if wanted != value:
                    continue
                number = following[0].text
                written = source[span[0] : span[1]]
                better = suggestion(bound, number, "岁" in written)
                end = match.end() + following[0].end
                yield self.finding(
                    analyzed,
                    f'{written} includes {number}, but "{target[match.start() : end]}" excludes it; say "{better}"',
                    found=target[match.start() : end],
                    expected=better,
                    source_span=span,
                    target_span=(match.start(), end),
                )
                break
