"""Numbers in Chinese text: Arabic and Chinese numerals, 万/亿 magnitudes, percentages, dates, ordinals.

Chinese numerals under ten without a unit (一, 两, 三…) are weak: 一 is as often "a" as "one". A
numeral of ten or more counts only when a measure word, a date or a percentage shows it is a
number, so 十分 ("very") and 万一 ("in case") are not numbers.
"""

from __future__ import annotations

import re

from termcheck.normalize import fold_chinese
from termcheck.numbers.quantity import MONTH, NUMBER, Quantity

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
CN = "〇零一二两三四五六七八九十百千万亿"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUM = rf"(?:{ARABIC}|[{CN}]+)"
MEASURE = (
    "个|人|名|位|岁|年|天|日|号|月|周|星期|小时|分钟|秒|次|倍|家|种|例|项|条|件|份|只|头|株|所|座|本|张|台|"
    "辆|部|批|期|届|代|章|节|层|度|元|美元|块|公里|千米|米|厘米|毫米|克|千克|公斤|吨|升|毫升|亩|平方|万|亿|多|余|%|％"
)
_QUANTITY = re.compile(
    rf"(?P<vague>数|几|好几|上|成)?(?P<prefix>第|百分之)?(?P<first>{NUM})(?:(?P<dash>[-–~～至到])(?P<second>{NUM}))?"
    rf"(?:[ \u3000]?(?:多|余)?(?P<magnitude>[万亿]+))?(?:[ \u3000]?(?P<after>{MEASURE}))?"
)
_NOT_NUMBERS = re.compile(
    r"十分|万一|千万(?=[不别要])|一些|一样|一起|一直|一定|一般|一切|之一|统一|唯一|一致|万物|百姓|千方百计"
)


_ANY_NUMERAL = re.compile(rf"[\d{CN}]")

# 20世纪60年代 is the 1960s
_DECADE = re.compile(rf"(?P<century>{NUM})[ \u3000]?世纪[ \u3000]?(?P<decade>{NUM})[ \u3000]?年代")


def parse_chinese_numeral(text: str) -> int | None:
    """二〇二四 → 2024 (read digit by digit), 三十五万 → 350000, 十四 → 14, 两千 → 2000."""
    if not text or any(ch not in DIGITS and ch not in UNITS and ch not in MAGNITUDES for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (digit or 1) * UNITS[ch]
            digit = 0
        else:  # 万 or 亿 closes a section
            section += digit
            total = (total + section) * MAGNITUDES[ch] if MAGNITUDES[ch] > 10_000 else total + section * 10_000
            section = digit = 0
    return total + section + digit


def _value(text: str) -> tuple[float, bool] | None:
    """The numeral's value and whether it was written in Arabic digits."""
    if text[0].isdigit():
        return float(text.replace(",", "")), True
    parsed = parse_chinese_numeral(text)
    return (float(parsed), False) if parsed is not None else None


def _scale(magnitude: str) -> int:
    scale = 1
    for ch in magnitude:
        scale *= MAGNITUDES[ch]
    return scale


def chinese_quantities(text: str) -> list[Quantity]:
    folded = fold_chinese(text)
    if not _ANY_NUMERAL.search(folded):
        return []  # every pattern below starts from a numeral: four segments in ten have none
    blocked = [False] * len(folded)
    for match in _NOT_NUMBERS.finditer(folded):
        for i in range(match.start(), match.end()):
            blocked[i] = True
    found: list[Quantity] = []
    for match in _DECADE.finditer(folded):
        century, decade = _value(match["century"]), _value(match["decade"])
        if century and decade:
            value = (century[0] - 1) * 100 + decade[0]
            found.append(Quantity(value, match.start(), match.end(), text[match.start() : match.end()]))
            blocked[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _QUANTITY.finditer(folded):
        end = match.end()
        start = match.start("prefix") if match["prefix"] else match.start("first")
        if any(blocked[start:end]) or _inside_name(folded, start):
            continue  # an idiom, or part of a name such as COVID-19
        after = match["after"] or ""
        magnitude = match["magnitude"] or ""
        last = "second" if match["second"] else "first"
        for group in ("first", "second"):
            parsed = _value(match[group]) if match[group] else None
            if parsed is None:
                continue
            value, arabic = parsed
            scale = _scale(magnitude)  # 3-5万: the magnitude applies to both ends of a range
            kind = MONTH if after == "月" and last == "first" and value <= 12 else NUMBER
            evidence = arabic or bool(after or magnitude or match["prefix"])
            big = arabic or value >= 10 or kind == MONTH or bool(magnitude) or match["prefix"] == "百分之"
            vague = (bool(match["vague"]) and not arabic) or _approximate(match[group])
            g_start, g_end = match.span(group)
            g_end = end if group == last else g_end
            found.append(
                Quantity(
                    value=value * scale,
                    start=g_start,
                    end=g_end,
                    text=text[g_start:g_end],
                    kind=kind,
                    strong=evidence and big and not vague,
                    mantissa=value if scale != 1 else None,
                )
            )
    found.sort(key=lambda q: q.start)
    return found


def _approximate(numeral: str) -> bool:
    """一两 ("one or two"), 三四, 十几: neighbouring digits or 几 name a rough amount, not 12 or 34."""
    digits = [DIGITS[ch] for ch in numeral if ch in DIGITS]
    return (len(numeral) == 2 and len(digits) == 2 and digits[1] - digits[0] == 1) or "几" in numeral


def _inside_name(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return bool(before) and (
        (before[-1].isascii() and before[-1].isalpha())
        or (len(before) == 2 and before[-1] == "-" and before[0].isascii() and before[0].isalpha())
    )
