from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction

from termcheck.checks.base import Check
from termcheck.checks.examples import Example
from termcheck.checks.number_pairs import number_pairs
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.numbers.codes import PHONE, phone_key
from termcheck.numbers.quantity import CODE, DECADE, FRACTION, MONTH, ORDER, QUARTER, TIME, WEEKDAY, Quantity

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDER_NAMES = {10: "tens", 100: "hundreds", 1000: "thousands", 10_000: "tens of thousands",
               100_000: "hundreds of thousands", 10**6: "millions", 10**7: "tens of millions",
               10**8: "hundreds of millions", 10**9: "billions"}  # fmt: skip


def describe(value: float, kind: str) -> str:
    if kind == MONTH:
        return f"month {int(value)}"
    if kind == TIME:
        hours, minutes = divmod(int(value), 60)
        return f"{hours:02d}:{minutes:02d}"
    if kind == WEEKDAY:
        return WEEKDAY_NAMES[int(value) - 1]
    if kind == QUARTER:
        return f"Q{int(value)}"
    if kind == DECADE:
        return f"the {int(value):02d}s"
    if kind == FRACTION:
        return str(Fraction(value).limit_denominator(100))
    if kind == ORDER:
        return ORDER_NAMES.get(int(value), f"about {value:,.0f}")
    value = float(f"{value:.15g}")  # 315.1 × 10**8 is 31510000000.000004 in binary: 31,510,000,000 as written
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def describe_quantity(quantity: Quantity, kind: str | None = None) -> str:
    """The value in words, read as `kind` (a rough 数百 is read as its size, "hundreds")."""
    kind = kind or quantity.kind
    value = next((v for k, v in quantity.readings() if k == kind), quantity.value)
    return describe(value, kind)


class NumberMissing(Check):
    """A number in the source has no counterpart in the target, or the target says another of its kind.

    A time, weekday, quarter, fraction, month or rough size that the target renders as another of its
    kind (上午10点 → "10 p.m.", 星期三 → "Thursday", 第一季度 → "second quarter", 三分之一 → "a quarter",
    数十家 → "several hundred") is reported once, as what the target says instead; so is the only source
    number missing where the target adds only one of its kind (二十年 as "Ten Years": one wrong number,
    not a missing and an added one; a year for a count is two errors), and a lost magnitude (1.2万 as
    "1.2 million") when TC204 is not in the run.

    Source numbers: Arabic, Chinese and formal numerals (〇 零 一 … 九 十 百 千 两, 壹佰, 廿一) with 万
    and 亿 magnitudes, spoken short forms (三千五 is 3,500), percentages and ratio words (百分之三十, 七成,
    八折, 千分之三), fractions (三分之一, 2/3), dates (2024年1月12日), festival dates (六一, 双十一), clock
    times (上午10点), weekdays (星期三), quarters (第一季度, 第1季), decades (80年代), ordinals (第三),
    halves (一年半), compound measures (1米8), ranges (3-5万, 3至11月), rough ranges (一万六七千 is
    16,000–17,000, 三五天 three to five days), short years (九二共识 is 1992), doublings (翻一番) and counts
    of three or more with a measure word (三名). Speech and chat forms too: clock times with spaced digits
    (早上 5 点 9 分), 九点多 (also "after 9"), 差五分八点 (7:55), 十二点一刻; rates (千分之四点二 is 4.2 per
    thousand, not a clock time; 万分之三 is "three in 10,000"; 每十个人中就有三个 is "three in ten"); the
    date a festival names by itself (国庆 may be "October 1"), ages the classics name (不惑之年 is forty),
    generations (九〇后 is "post-90s"), 千人 and 百家 without a digit ("thousands", "hundreds").

    The target may write them with digits, separators (also space-grouped: "25 000"), number words, scale
    words (1.2 million, 5bn, $20m, RMB860 billion, a 5-billion-yuan), metric prefixes (26 kilobases), month
    and weekday names, "a third", "one in six", "10 a.m.", "half past three", "doubled", "Q1", "two
    decades", "the 1990s" (also "the 1990 s"), "centenary", ISO dates (2021-03-05), a month and a year in
    digits (02.2022, 02/2022 and 2022.02 on either side, as "February 2022" is: a month the source does not
    give is an added number), "3 / 4", "No.12" or "Article IV". A month name with no date beside it where
    the source names no month ("Zhang Jun", "April said", "this may") is not an added number, nor are
    digits the target split out of a source code ("HeLa 229", "pc DNA 3.1").

    Not required: Chinese numerals under ten without a measure word (一 is as often "a"), rough amounts
    (数百, 一两, 十几), idioms and names (十分, 百度, 三星), a day of the month rendered as a weekday (3日,
    "on Friday"), a year the target calls "the year". A bare 百, 千 or 万 with no numeral before it (流传百年,
    "timeless"; 百班千人, 千家万户, 万人空巷) is as often figurative as a count: missing, it is reported at
    info, unless a severity is set for TC202 (一百年, 100年 and 三千人 stay warnings, and so do 百米, 每百公里
    and 千元, before a unit).

    Codes (5G, H7N9, 500Mbps, version 2.3.1, phone numbers, runs of more than 30 digits) are compared as
    tokens: present when their digits are. A range with a unit glued to its end (0-100km/h, 0-60mph) is two
    numbers; a value of 10^30 or more (a repetition loop, "hundred hundred…") is no number. A number the
    source repeats is present if the target says it once, and one the target never says is one finding
    that says how many times the source has it (STAT3 three times)."""

    code = "TC202"
    name = "number-missing"
    severity = Severity.WARNING
    needs_source = True
    examples = (
        Example(source="受试者共有64名", target="A total of 46 subjects were enrolled", bad=True),
        Example(source="受试者共有64名", target="A total of 64 subjects were enrolled", bad=False),
        Example(source="这首歌流传百年", target="The song has been sung ever since.", bad=True, severity=Severity.INFO),
        Example(source="这首歌流传百年", target="The song has been sung for a hundred years.", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        pairs = number_pairs(seg.source, seg.target)
        for wanted, said in pairs.instead(self.context):
            expected = describe_quantity(wanted, said.kind)
            yield self.finding(
                analyzed,
                f'"{wanted.text}" is {expected}, but the target says "{said.text}" ({describe_quantity(said)})',
                found=said.text,
                expected=expected,
                source_span=(wanted.start, wanted.end),
                target_span=(said.start, said.end),
            )
        for same in once_each(pairs.missing):
            quantity = same[0]
            # a code (5G, STAT3, ISBN) or a phone number is compared as itself: it has no value to name
            token = quantity.kind in (CODE, PHONE)
            value = quantity.text if token else describe(quantity.value, quantity.kind)
            reading = "" if token else f" ({value})"
            times = f" (the source has it {len(same)} times)" if len(same) > 1 else ""
            finding = self.finding(
                analyzed,
                f'"{quantity.text}"{reading} is not in the target{times}',
                found=quantity.text,
                expected=value,
                source_span=(quantity.start, quantity.end),
            )
            if all(q.figurative for q in same) and self.code not in self.context.severities:
                finding = replace(finding, severity=Severity.INFO)  # 流传百年 as "timeless": a reading, not a slip
            yield finding


def once_each(missing: Iterable[Quantity]) -> list[list[Quantity]]:
    """The missing quantities grouped by what is missing (one error, one finding: STAT3 three times in the
    source and never in the target), each group in text order, the groups in the order of their first."""
    groups: dict[tuple[str, object], list[Quantity]] = {}
    for quantity in missing:
        groups.setdefault(_missing_key(quantity), []).append(quantity)
    return sorted((sorted(same, key=lambda q: q.start) for same in groups.values()), key=lambda same: same[0].start)


def _missing_key(quantity: Quantity) -> tuple[str, object]:
    if quantity.kind == CODE:
        return CODE, quantity.text.casefold()
    if quantity.kind == PHONE:
        return PHONE, phone_key(quantity.text)
    return quantity.readings()[0]  # its own reading: 12日 and 12 are one value
