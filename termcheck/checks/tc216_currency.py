from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.measures.currencies import Found, currencies, name_of
from termcheck.numbers.numerals import NUM
from termcheck.text.normalize import fold_chinese

_NUMBER = rf"{NUM}[ \u3000]?(?:多|余|来)?(?:[万亿]+)?[ \u3000]?"
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion|"
    r"dozen|few|several|many|bn|m|k))[\s,.]*(?:million|billion|thousand|trillion|bn|mn|m|k)?[\s]*$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(r"\s?[-−]?\d")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_MONEY_AFTER = "旦素首帅年月代件器宵气老"  # 元旦, 元素, 元首: 元 is not money


class CurrencyChanged(Check):
    """A sum's currency changed: 元 rendered with "$", 港元 as "US$", 欧元 as pounds, 韩元 as yen.

    Also 新台币 or 澳元 as a bare "$", 美元/美金 as yuan. The currencies are CLDR's (through Babel: every
    currency's Chinese and English names, symbols and ISO code) with everyday names beside them: 元, 块,
    块钱, 人民币 are yuan (RMB, CNY, ¥, kuai); 美元, 美金 US dollars ($, US$, USD); 港元, 港币 Hong Kong
    dollars (HK$, HKD); 新台币 NT$; 澳元 A$; 加元 C$; 欧元 €; 英镑 £; 日元 yen (¥); 韩元 won (₩). "¥" is
    yuan or yen. A bare "$" or "dollars" is the US dollar, so it is wrong for 元, 港元, 新台币, 澳元 or 加元
    (write HK$, NT$, A$, C$) unless the source also has a 美元 sum it stands for.

    Reported when the target names none of the source currency's forms and puts another currency on an
    amount: only a currency on an amount counts ("won the race" is not won). Currencies are never
    converted: another currency is reported unless the source's own stands beside it ("HK$100 (about
    US$13)")."""

    code = "TC216"
    name = "currency-changed"
    severity = Severity.ERROR
    needs_source = True
    trigger = Trigger(re.compile("[元币镑金郎卢比块]"), "source")
    examples = (
        Example(source="项目总投资约5亿元", target="The project will cost about $500 million", bad=True),
        Example(source="项目总投资约5亿元", target="The project will cost about 500 million yuan", bad=False),
        Example(source="售价100港元（约合13美元）", target="It sells for HK$100 (about US$13)", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = fold_chinese(analyzed.segment.source or ""), analyzed.segment.target
        table = currencies()
        mentions = list(_mentions(source))
        if not mentions:
            return
        forms = table.find(target)
        unexplained = _unexplained(Counter(code for code, _ in mentions), forms, target)
        on_amounts = {code for f in forms if _on_amount(target, f) for code in f.codes}  # asked once per mention
        reported: set[str] = set()
        for code, span in mentions:
            if code in reported or code in on_amounts:
                continue
            wrong = next(iter(unexplained), None)
            if wrong is None:
                continue
            reported.add(code)
            yield self.finding(
                analyzed,
                f'"{source[span[0] : span[1]]}" is in {name_of(code)}, but the target says "{wrong.text}"',
                found=wrong.text,
                expected=name_of(code),
                source_span=span,
                target_span=(wrong.start, wrong.end),
            )


def _mentions(source: str) -> Iterator[tuple[str, tuple[int, int]]]:
    table = currencies()
    pattern = _source_pattern()
    for match in pattern.finditer(source):
        name = match.group("after") or match.group("before")
        if name is None:
            continue
        if (
            name == "元"
            and source[match.end() : match.end() + 1] in _NOT_MONEY_AFTER
            and source[match.end() : match.end() + 1]
        ):
            continue
        if name == "块" and _CJK.match(source, match.end()):
            continue  # 3块蛋糕 is three pieces of cake; 50块 at the end of a clause is money
        yield table.chinese_codes[name], match.span()


@cache
def _source_pattern() -> re.Pattern[str]:
    names = currencies().chinese.pattern
    long_names = "|".join(n for n in names.split("|") if len(n) > 1 and n != "人民币元")
    return re.compile(rf"{_NUMBER}(?P<after>{names})|(?P<before>{long_names})[ \u3000]?{_NUMBER}")


def _unexplained(budget: Counter[str], forms: list[Found], target: str) -> list[Found]:
    """The target's currencies on amounts that the source's sums do not account for, one sum each: with
    100美元 and 700元 in the source, "$100 … 700 yuan" is accounted for and "$100 … $700" is not."""
    left: list[Found] = []
    for form in forms:
        if not form.codes or not _on_amount(target, form):
            continue
        own = next((code for code in sorted(form.codes) if budget[code] > 0), None)
        if own is None:
            left.append(form)
        else:
            budget[own] -= 1
    return left


def _on_amount(target: str, form: Found) -> bool:
    """An amount's currency: "$500", "500 dollars", "5 million euros"; not "won" in "won the race"."""
    return bool(
        _AMOUNT_AFTER.match(target, form.end) or _AMOUNT_BEFORE.search(target[max(0, form.start - 24) : form.start])
    )
