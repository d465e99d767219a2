from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.english import english_quantities
from termcheck.numbers.numerals import NUM
from termcheck.text.normalize import chinese_variants, fold_chinese

# 14岁以上, 65岁及以上, 3个月以内, 不少于30天, 不超过5%: the number is included
_AFTER_BOUNDS = "以上|以下|以内|之内"
_BEFORE_BOUNDS = "不少于|不低于|不小于|不超过|不高于|不多于|不大于|至少|最多|最少"
_AFTER = re.compile(rf"(?P<number>{NUM})[^\d，。；、,.;()（）\s]{{0,4}}?(?:及|或)?(?P<bound>{_AFTER_BOUNDS})")
_BEFORE = re.compile(rf"(?P<bound>{_BEFORE_BOUNDS})(?P<number>{NUM})")
LOWER = {"以上", "不少于", "不低于", "不小于", "至少", "最少"}
# "no fewer than 200", "not more than 5,000 yuan": the English is inclusive already
_EXCLUSIVE = re.compile(
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bNo\s)(?<!\bNot\s)"
    r"\b(?P<word>over|more than|above|greater than|older than|exceed(?:s|ed|ing)?|in excess of|upwards of|"
    r"under|less than|below|fewer than|younger than)\s+(?:the age of\s+|age\s+)?",
    re.IGNORECASE,
)
# A bound decides something (an age, a height, a dose, a score, a legal limit) unless it is a count of
# people or things (人, 家, 例…), an estimate (估计, 约, 通常…) or the size of a change (下降了…以上)
# and nothing around it states a rule:
# 死亡人数估计在3500人以上 is "more than 3,500" in any newspaper.
COUNTED = re.compile(
    r"^[^\d]{0,2}?(?:人|名|位|个(?!月|小时|工作日|星期|季度)|家|例|起|次|件|座|所|辆|只|头|户|项|篇|部|台|场|余|多)"
)
ESTIMATE = "估计|预计|预估|据估|约|大约|左右|大概|将近|累计|通常|一般|往往|大多"
# a change by more than an amount (下降了五分之一以上, 增加三倍以上) sizes the change; it decides nothing
CHANGE = re.compile(r"(?:下降|降低|减少|增加|增长|提高|提升|上升|上涨|扩大|缩小)了?[^，。；]{0,8}$")
CHANGE_LENGTH = 12  # the longest text CHANGE matches: 2 + 1 + 8 characters, and a newline before its $
RULE = "须|必须|应当|应|不得|要求|条件|门槛|规定|标准|资格|限|年满|适用|才能|方可|凡|符合|申请|报考"
_CLAUSE_MARK = re.compile("[，。；：,;:!?！？]")


# where a bound is a rule (law, eligibility, dosing, a limit), "over 14" for 14岁以上 wrongs someone; in a
# report of who was studied or consulted ("18岁以下的青年") the nuance is one a reviewer may leave
STATED_RULE = (
    RULE + "|禁止|严禁|法|条例|办法|准则|处以|罚款|徒刑|用于治疗|适用于|剂量|用量|每日|每次|服用|口服|给药|"
    "不宜|慎用|可以|可|允许|准予|享受|免费|免|领取|入学|参加"
)
_SENTENCE_MARK = re.compile("[。；！？;!?]")


class Clauses:
    """The clauses of one (folded) source text, for the bounds in it: a line of thousands of bounds is read
    once, not once per bound."""

    def __init__(self, folded: str) -> None:
        self._folded = folded
        self._marks = [match.start() for match in _CLAUSE_MARK.finditer(folded)]
        self._sentence_ends = [match.start() for match in _SENTENCE_MARK.finditer(folded)]
        self._words: dict[str, tuple[list[int], list[int]]] = {}

    def start(self, at: int) -> int:
        """Where the clause holding `at` starts: after the last clause mark before it."""
        before = bisect_left(self._marks, at)
        return self._marks[before - 1] + 1 if before else 0

    def states_rule(self, at: int) -> bool:
        """Whether the sentence holding `at` states a rule."""
        before = bisect_left(self._sentence_ends, at)
        start = self._sentence_ends[before - 1] + 1 if before else 0
        end = self._sentence_ends[before] if before < len(self._sentence_ends) else len(self._folded)
        return self.holds(STATED_RULE, start, end)

    def holds(self, words: str, start: int, end: int) -> bool:
        """Whether the text from `start` to `end` holds one of the words ("|"-separated)."""
        if words not in self._words:
            # every place a word starts, with the end of the shortest word there
            shortest_first = "|".join(sorted(words.split("|"), key=len))
            found = [(m.start(), m.end(1)) for m in re.finditer(f"(?=({shortest_first}))", self._folded)]
            earliest_end = [word_end for _, word_end in found]  # from each place on, the earliest end of a word
            for i in range(len(earliest_end) - 2, -1, -1):
                earliest_end[i] = min(earliest_end[i], earliest_end[i + 1])
            self._words[words] = ([place for place, _ in found], earliest_end)
        places, earliest_end = self._words[words]
        first = bisect_left(places, start)
        return first < len(places) and earliest_end[first] <= end

    def is_threshold(self, start: int, number_end: int) -> bool:
        """Whether the bound at `start` decides something rather than sizes a count or an estimate."""
        clause_start = self.start(start)
        if self.holds(RULE, clause_start, start):
            return True
        after = self._folded[number_end : number_end + 8]
        change = self._folded[max(clause_start, start - CHANGE_LENGTH) : start]
        return not (
            COUNTED.search(after)
            or self.holds(ESTIMATE, clause_start, start)
            or "左右" in after
            or CHANGE.search(change)
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
    itself (14岁以上 admits a fourteen-year-old). "Over", "more than", "above", "under", "less than",
    "below" and "exceeds" followed by the same number exclude it; the finding suggests "14 and older"
    (ages) or "at least 14". English that is already inclusive ("no fewer than", "not more than") passes.

    Only thresholds that decide something count (ages, heights, doses, scores, money in a rule, 5万元以上
    read with its magnitude): a count of people or things (3500人以上), an estimate (估计, 约, 通常) or the
    size of a change (下降了五分之一以上) is not one, unless the clause states a rule (须, 要求, 条件,
    不得…).

    A warning only where the sentence states a rule (a law, a ban, eligibility, dosing, a limit: 禁止, 不得,
    须, 剂量, 适用于, 用于治疗…); elsewhere (研究未纳入18岁以下的青少年, 接种率达90%以上) the finding is an
    info note, because professional MQM raters on four data sets never marked "under 18" or "more than
    90%" in a description as an error, and a reviewer wants the warning where the boundary decides who is
    allowed or how much is given. A severity set for TC205 in the configuration applies everywhere."""

    code = "TC205"
    name = "inclusive-bound"
    severity = Severity.WARNING
    needs_source = True
    trigger = Trigger(_two_character_prefixes(f"{_AFTER_BOUNDS}|{_BEFORE_BOUNDS}"), "source")
    examples = (
        Example(
            source="该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病",
            target="for patients over 14 years old with steroid-refractory acute GVHD",
            bad=True,
        ),
        Example(
            source="该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病",
            target="for patients aged 14 and older with steroid-refractory acute GVHD",
            bad=False,
        ),
        Example(
            source="研究未纳入18岁以下的青少年",
            target="The study did not include adolescents under 18",
            bad=True,
            severity=Severity.INFO,
        ),
        Example(source="死亡人数估计在3500人以上", target="The death toll is estimated at more than 3,500", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source = analyzed.segment.source
        if not source:
            return
        folded = fold_chinese(source)
        clauses: Clauses | None = None  # read at the first bound: most segments shown to this check have none
        bounds: dict[float, tuple[str, tuple[int, int], bool]] = {}  # by the number, its first bound, a rule?
        for pattern in (_AFTER, _BEFORE):
            for match in pattern.finditer(folded):
                # the number with its magnitude: 5万元以上 is 50,000
                numbers = chinese_quantities(folded[match.start("number") : match.end()])
                if not numbers:
                    continue
                clauses = clauses or Clauses(folded)
                if clauses.is_threshold(match.start("number"), match.end("number")):
                    rule = clauses.states_rule(match.start("number"))
                    bounds.setdefault(numbers[0].value, (match["bound"], match.span(), rule))
        if not bounds:
            return
        target = analyzed.segment.target
        for match in _EXCLUSIVE.finditer(target):
            following = [q for q in english_quantities(target[match.end() : match.end() + 40]) if q.start == 0]
            if not following:
                continue
            value = following[0].value
            if value != value or value not in bounds:  # NaN equals nothing
                continue
            bound, span, rule = bounds[value]
            number = following[0].text
            written = source[span[0] : span[1]]
            better = suggestion(bound, number, "岁" in written)
            end = match.end() + following[0].end
            finding = self.finding(
                analyzed,
                f'{written} includes {number}, but "{target[match.start() : end]}" excludes it; say "{better}"',
                found=target[match.start() : end],
                expected=better,
                source_span=span,
                target_span=(match.start(), end),
            )
            if not rule and self.code not in self.context.severities:
                finding = dataclasses.replace(finding, severity=Severity.INFO)
            yield finding
