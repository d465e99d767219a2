from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.checks.conventions import changed, convention
from termcheck.checks.triggers import Trigger
from termcheck.model import Finding, Severity
from termcheck.normalize import fold_chinese
from termcheck.numbers.chinese import NUM

_NUMBER = rf"(?:{NUM})[ \u3000]?(?:多|余)?(?:[万亿]+)?[ \u3000]?"
# a bare "$" or "dollars" is the US dollar; "HK$", "NT$", "A$", "Hong Kong dollars" are not
_BARE_DOLLAR = (
    r"(?<![A-Za-z])\$|(?<!Hong Kong )(?<!HK )(?<!Taiwan )(?<!Singapore )(?<!Australian )(?<!Canadian )\bdollars?\b"
)
_YUAN = r"\byuan\b|\bRMB\b|\bCNY\b|renminbi|¥|￥|\bkuai\b"


CURRENCIES = (
    convention(
        rf"{_NUMBER}(?<![美港欧日韩澳加台新英])(?:元|块钱)|人民币[ \u3000]?{_NUMBER}",
        "yuan (RMB, CNY)",
        _YUAN,
        rf"{_BARE_DOLLAR}|€|\beuros?\b|£|\bpounds?\b",
    ),
    convention(
        rf"{_NUMBER}(?:港元|港币)|港币[ \u3000]?{_NUMBER}",
        "Hong Kong dollars (HK$, HKD)",
        r"HK\$|\bHKD\b|Hong Kong dollars?",
        rf"{_BARE_DOLLAR}|{_YUAN}",
    ),
    convention(rf"{_NUMBER}美元|美元[ \u3000]?{_NUMBER}", "US dollars (US$, USD)", r"\$|\bUSD\b|dollars?", _YUAN),
    convention(rf"{_NUMBER}欧元", "euros (€, EUR)", r"€|\beuros?\b|\bEUR\b", rf"{_BARE_DOLLAR}|{_YUAN}"),
    convention(
        rf"{_NUMBER}英镑", "pounds (£, GBP)", r"£|\bpounds?\b|\bGBP\b|sterling", rf"{_BARE_DOLLAR}|{_YUAN}|€|euros?"
    ),
    convention(rf"{_NUMBER}日元", "yen (JPY)", r"\byen\b|\bJPY\b|¥|￥", rf"{_BARE_DOLLAR}|\byuan\b|\bRMB\b"),
)


class CurrencyChanged(Check):
    """A sum's currency changed: 元 rendered with "$", 港元 as yuan, 美元 as RMB.

    元 and 人民币 are yuan (RMB, CNY); 港元 Hong Kong dollars (HK$, HKD); 美元 US dollars (US$, USD,
    $); 欧元 euros; 英镑 pounds; 日元 yen. A bare "$" or "dollars" means US dollars, so it is an error
    for 元 or 港元. Reported when the target names none of the source currency's forms and names a
    wrong one; 万/亿 in the amount are TC204's. Needs a source.

    Bad:
        source: 项目总投资约5亿元
        target: The project will cost about $500 million
    Good:
        target: The project will cost about 500 million yuan
    """

    code = "TC216"
    name = "currency-changed"
    severity = Severity.ERROR
    needs_source = True
    trigger = Trigger(re.compile("[元币镑]"), "source")

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = fold_chinese(analyzed.segment.source or ""), analyzed.segment.target
        for currency, match, wrong in changed(CURRENCIES, source, target):
            yield self.finding(
                analyzed,
                f'"{match.group()}" is in {currency.name}, but the target says "{wrong.group()}"',
                found=wrong.group(),
                expected=currency.name,
                source_span=match.span(),
                target_span=wrong.span(),
            )
