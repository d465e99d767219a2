"""Numbers in Chinese text: Arabic and Chinese numerals, 万/亿 magnitudes, percentages, dates, ordinals.

Chinese numerals under ten without a unit (一, 两, 三…) are weak: 一 is as often "a" as "one". A
numeral of ten or more counts only when a measure word, a date or a percentage shows it is a
number, so 十分 ("very") and 万一 ("in case") are not numbers.

Where news writes a number in a way with more than one faithful English reading, the quantity
carries the other readings (`Quantity.alternatives`): 七成 is 70 (%), 一年半 is 1.5 (years) or 18
(months), 九二共识 is the 1992 Consensus. Rough amounts (一万六七千, 三五天, 二三十岁) are two weak
quantities, the ends of the range. Codes that mix letters and digits (5G, H7N9, 500Mbps), dotted
version numbers and phone numbers are tokens (`codes.py`), never numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from termcheck.core.native import ChineseNumberReader, NativeCore, engine_name, native_core
from termcheck.numbers.codes import code_spans, native_code_patterns
from termcheck.numbers.dates import MONTH_YEAR, MONTH_YEAR_HINT, month_years
from termcheck.numbers.native_readings import from_native
from termcheck.numbers.numerals import CN, DIGITS, MAGNITUDES, NUM, TENS, UNITS
from termcheck.numbers.quantity import (
    DAY,
    DECADE,
    FRACTION,
    LARGEST,
    LONGEST_DIGITS,
    MONTH,
    NUMBER,
    ORDER,
    QUARTER,
    TIME,
    WEEKDAY,
    Quantity,
    Reading,
    measurable,
    within_bounds,
)
from termcheck.text.normalize import chinese_table, fold_chinese

_GROUPING = re.compile("[, \u00a0\u2009\u202f]")
MEASURE = (
    "个|人|名|位|岁|年|天|日|号|月|周|星期|小时|分钟|秒|次|倍|家|种|例|项|条|件|份|只|头|株|所|座|本|张|台|"
    "辆|部|批|期|届|代|章|节|层|度|元|美元|块|公里|千米|米|厘米|毫米|公分|克|千克|公斤|吨|升|毫升|亩|平方|"
    "万|亿|多|余|%|％"
)
_QUANTITY = re.compile(
    rf"(?P<vague>数|几|好几|上|成)?(?P<prefix>第|百分之|千分之|万分之)?(?P<first>{NUM})"
    rf"(?:[ \u3000]?(?P<dash>[-–~～至到])[ \u3000]?(?P<second>{NUM}))?"
    rf"(?:[ \u3000]?(?:多|余)?(?P<magnitude>[万亿]+))?(?:[ \u3000]?(?P<after>{MEASURE}))?"
)
_NUMERAL_BEFORE = rf"(?<![\d{CN}])"
_NOT_NUMBERS = re.compile(
    r"十分|万一|千万(?=[不别要])|一些|一样|一起|一直|一定|一般|一切|之一|统一|唯一|一致|万物|百姓|千方百计|"
    r"百度|百货|百科|百合|万达|万科|千岛|三星|一汽|二汽|三峡|九寨|四川|十字|一带一路|\d/\d{1,2}决赛|"
    # 千克, 千米, 千瓦 and 毫克/千克: 千 is the unit's prefix where no numeral stands before it
    rf"{_NUMERAL_BEFORE}千(?=克|米|瓦|卡|帕|焦|赫|伏|字节|兆)"
)

_ANY_NUMERAL = re.compile(rf"[\d{CN}]")

# 20世纪60年代 is the 1960s; 80年代 and 上世纪90年代 are decades
_DECADE = re.compile(rf"(?:(?P<century>{NUM})[ \u3000]?世纪[ \u3000]?)?(?P<decade>{NUM})[ \u3000]?年代")
# 七成 is 70%, 八折 (or 八五折) is 80% of the price, "20% off"
_TENTHS = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,2})(?P<unit>成|折)")
# 三分之一 is a third; 千分之三 is 0.3% (below, with 百分之 in _QUANTITY)
_FRACTION = re.compile(rf"(?<![\d{CN}])(?P<den>{NUM})分之(?P<num>{NUM})")  # from a numeral's start: linear
# 一半 is half: "half" or 50%
_HALF_OF = re.compile(r"一半")
# 1、2月 and 4月、5月及8月: a list of months
_MONTH_LIST = re.compile(
    r"(?P<months>(?:(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月?[、和及与]){1,11}(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月)"
)
_MONTH_ITEM = re.compile(r"1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九]")
# 2/3 written with a slash is a share, as in English
_SLASH_FRACTION = re.compile(r"(?<![\d/.])(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\d/.])(?!决赛)")  # 1/4决赛: a round
# 1米8 is 1.8 m, 10秒89 is 10.89 s, 3块5 is 3.5 yuan
_COMPOUND = re.compile(r"(?<!\d)(?P<whole>\d+)(?P<unit>米|秒|块|元)(?P<part>\d{1,2})(?![\d.万亿])")
# 一年半, 两个半小时, 半小时, 半年
_HALF = re.compile(
    rf"(?:(?P<n>{NUM})(?:个)?(?P<unit>年|小时|钟头|月|天|周|星期)半|半(?:个)?(?P<half>年|小时|钟头|月|天))"
)
# 上午10点, 下午3点半, 凌晨2时15分, 中午12点, 14:00
# chat spaces its digits (早上 5 点 9 分); 九点多 is "after nine"; 差五分八点 is 7:55
_CLOCK = re.compile(
    rf"(?P<part>凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|午夜|早|晚)?[ \u3000]?"
    rf"(?:差(?P<less>{NUM})分钟?)?(?P<hour>{NUM})[ \u3000]?[点时]"
    rf"(?:(?P<half>半)|(?P<quarter>一刻|三刻)|(?P<more>多(?![万亿千百]))|[ \u3000]?(?P<minute>{NUM})(?:[ \u3000]?分)?)?"
    rf"(?!间|代|期|候|事|局|刻表)"
)
# days a festival names by itself
_DATED_DAYS = {
    "国庆": (10, 1), "元旦": (1, 1), "劳动节": (5, 1), "儿童节": (6, 1), "妇女节": (3, 8), "建军节": (8, 1),
    "建党节": (7, 1), "教师节": (9, 10), "圣诞": (12, 25), "平安夜": (12, 24), "情人节": (2, 14), "愚人节": (4, 1),
    "植树节": (3, 12), "青年节": (5, 4),
}  # fmt: skip
_DATED_DAY = re.compile("|".join(_DATED_DAYS))
# ages the classics name: 而立之年 30, 不惑之年 40, 知天命 50, 花甲 and 耳顺 60, 古稀 70, 耄耋 80
_AGES = {"而立": 30, "不惑": 40, "知天命": 50, "天命之年": 50, "花甲": 60, "耳顺": 60, "古稀": 70, "耄耋": 80}
_AGE = re.compile("|".join(_AGES))
_NAMED_NUMBER = re.compile("|".join([*_DATED_DAYS, *_AGES]))
_GENERATION = re.compile(r"(?<![\d〇零一二三四五六七八九])(?P<digits>[〇零一二三四五六七八九][〇零]|\d0)后")
# 每十个人中就有三个 is "three in ten": a share, as 十分之三 is
_IN_EVERY = re.compile(
    rf"每(?P<den>{NUM})[个名位人例只家]?[^\d{CN}，。；,;]{{0,6}}?[中里]"
    rf"(?:就|便|约|大约|至少)?有?(?P<num>{NUM})(?![\d{CN}])"
)
_SPOKEN_DECIMAL_RATE = re.compile(rf"(?P<per>[百千万])分之(?P<whole>[{CN}]+)点(?P<fraction>[〇零一二三四五六七八九]+)")
_COLON_TIME = re.compile(r"(?<![\d:])(?P<hour>[01]?\d|2[0-3])[:：](?P<minute>[0-5]\d)(?![\d:])")
# 星期三, 周三, 礼拜三
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)(?P<day>[一二三四五六日天])(?![次天个年])")
# 六一儿童节, 五一劳动节, 国庆 "十一", 三八妇女节, 九一八事变, 双十一, 9·11: a month and a day
_FESTIVAL = re.compile(
    r"双(?P<double>十[一二])|(?<![一二三四五六七八九十])(?P<month>[一二三四五六七八九十])"
    r"(?P<day>[一二三][〇一二三四五六七八九]|十[一二三四五六七八九]?|[一二三四五六七八九])"
    r"(?=儿童节|劳动节|妇女节|青年节|建军节|建党节|国庆|黄金周|长假|小长假|假期|事变|运动|购物节|大促)"
)
_DOT_DATE = re.compile(r"(?<![\d.])(?P<month>1[0-2]|[1-9])[·・](?P<day>3[01]|[12]\d|[1-9])(?![\d.])")
# 第一季度, 一季度, Q1: a quarter of the year
_QUARTER = re.compile(
    r"(?<![前后近头])(?:第(?P<n>[一二三四1-4])(?:(?:及|和|、|至|到)第(?P<m>[一二三四1-4]))?季度?|(?P<k>[一二三四1-4])(?:个)?季度)"
)
# 翻一番 doubles, 翻两番 quadruples; 成倍 is "several times"
_DOUBLINGS = re.compile(r"翻了?(?P<n>[一两三四])?番|翻了?一?倍|倍增|成倍")
# 三名, 五个, 七家: a count of three or more with a measure word is said in English ("three suspects")
COUNT_MEASURES = frozenset("个人名位家只头辆架艘座所项条件起例次天年周".replace("", " ").split()) | {"小时", "分钟"}
# 百米, 每百公里, 千元: a bare 百 or 千 before a unit of measure or a currency is a count (the 100 metres)
LITERAL_UNITS = frozenset(("度", "元", "美元", "块", "公里", "千米", "米", "厘米", "毫米", "公分", "克", "千克", "公斤",
                           "吨", "升", "毫升", "亩", "平方"))  # fmt: skip
# 1名, 1个, 1美元: one of a thing or a currency is "a" or "per" in English
ONE_OF = COUNT_MEASURES | {"元", "美元", "块", "本", "张", "台", "部"}
# 增长了3倍, 增加两倍: N times more is N+1 times as much in careful Chinese, and N×100% more
_GROWTH = re.compile(r"(?:增长|增加|提高|提升|上涨|上升|扩大|增|涨|多|翻|大|高|长)了?$")
_DOZEN = re.compile(r"十[多余几]")
_YEAR_WORD = re.compile(r"代|级|龄|轻|纪|度")
# 数以万计 is "tens of thousands", 成千上万 "thousands", 成百上千 "hundreds"
_COUNTLESS = re.compile(r"数以(?P<n>[十百千万亿]+)计|成(?P<low>[百千])上(?P<high>[千万])")
# "十四五"规划 is the 14th Five-Year Plan
_FIVE_YEAR_PLAN = re.compile(
    r"(?P<nth>十[一二三四五六七八九]?|[一二三四五六七八九])五(?=[”\"」』]?(?:规划|计划|时期|期间))"
)
# 九二共识, 08年奥运会: a year written with its last two digits
_SHORT_YEAR = re.compile(
    rf"(?<![\d{CN}])(?P<digits>[〇零一二三四五六七八九]{{2}}|0\d)(?=年(?!代|[轻纪龄度级]|\d)|共识)"
)
HOUR_PARTS = {
    "凌晨": "am", "清晨": "am", "早晨": "am", "早上": "am", "上午": "am", "早": "am", "中午": "noon", "午间": "noon",
    "下午": "pm", "傍晚": "pm", "晚上": "pm", "晚间": "pm", "夜间": "pm", "夜里": "pm", "深夜": "pm", "午夜": "pm",
    "晚": "pm",
}  # fmt: skip
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def parse_chinese_numeral(text: str) -> int | None:
    """二〇二四 → 2024 (read digit by digit), 三十五万 → 350000, 十四 → 14, 两千 → 2000, 三千五 → 3500.

    None where `text` is no numeral, or names a value of LARGEST or more (亿亿亿…, a loop)."""
    if not text or any(ch not in DIGITS and ch not in UNITS and ch not in MAGNITUDES and ch not in TENS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text)) if len(text) <= LONGEST_DIGITS else None
    total = section = digit = 0
    last_unit = 1
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in TENS:
            section += TENS[ch]
            digit, last_unit = 0, 10
        elif ch in UNITS:
            section += (digit or 1) * UNITS[ch]
            digit, last_unit = 0, UNITS[ch]
        else:  # 万 or 亿 closes a section
            section += digit or (0 if section or total else 1)  # 上万: a bare 万 is ten thousand
            total = (total + section) * MAGNITUDES[ch] if MAGNITUDES[ch] > 10_000 else total + section * 10_000
            section = digit = 0
            last_unit = MAGNITUDES[ch]
        if total >= LARGEST or section >= LARGEST:
            return None  # stop before the next 亿 makes it larger still
    if digit and last_unit >= 100 and len(text) > 1 and text[-2] not in DIGITS:
        digit *= last_unit // 10  # spoken short: 三千五 is 3,500, 一万二 is 12,000 (一千零五 keeps its 零)
    value = total + section + digit
    return value if value < LARGEST else None


def approximate_range(numeral: str) -> tuple[int, int] | None:
    """一万六七千 → (16000, 17000), 三五 → (3, 5), 二三十 → (20, 30), 十七八 → (17, 18): two neighbouring
    digits name a rough amount. Digit strings of three or more (二〇二四) are read digit by digit."""
    if len(numeral) > 2 and all(ch in DIGITS for ch in numeral):
        return None
    for i in range(len(numeral) - 1):
        a, b = numeral[i], numeral[i + 1]
        if a in DIGITS and b in DIGITS and 0 < DIGITS[a] < DIGITS[b] <= DIGITS[a] + 2:
            low = parse_chinese_numeral(numeral[: i + 1] + numeral[i + 2 :])
            high = parse_chinese_numeral(numeral[:i] + numeral[i + 1 :])
            if low is not None and high is not None:
                return low, high
    return None


def _value(text: str) -> tuple[float, bool] | None:
    """The numeral's value and whether it was written in Arabic digits; None beyond bounds (LARGEST)."""
    if text[0].isdigit():
        value = float(_GROUPING.sub("", text))
        return (value, True) if within_bounds(value) else None
    parsed = parse_chinese_numeral(text)
    return (float(parsed), False) if parsed is not None else None


def _scale(magnitude: str) -> float:
    """万亿 is 10**12; a scale beyond bounds (亿亿亿…) is infinite, and what it scales is no quantity."""
    scale = 1.0
    for ch in magnitude:
        scale *= MAGNITUDES[ch]
        if scale >= LARGEST:
            return math.inf
    return scale


class _Spans:
    """Which characters of the folded text an earlier pattern has already read."""

    def __init__(self, size: int) -> None:
        self.taken = [False] * size

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = [True] * (end - start)


def chinese_quantities(text: str) -> tuple[Quantity, ...]:
    """The quantities of a Chinese text: from the native core where it covers the text, else the reference."""
    return _read(engine_name(), text)


# compare_numbers and chinese_measures read each source in turn; keyed by the engine too, so that a test
# switching engines never gets the other engine's reading
@lru_cache(maxsize=256)
def _read(engine: str, text: str) -> tuple[Quantity, ...]:
    reader = _native_reader(native_core())
    read = reader.quantities(text) if reader is not None else None  # None: a text the core does not cover
    return tuple(_chinese_quantities_python(text)) if read is None else from_native(text, read)


def _chinese_quantities_python(text: str) -> list[Quantity]:
    """chinese_quantities in Python: the reference the native core is held equal to."""
    folded = fold_chinese(text)
    if not _ANY_NUMERAL.search(folded) and "半" not in folded and not _NAMED_NUMBER.search(folded):
        return []  # every pattern below starts from a numeral: four segments in ten have none
    spans = _Spans(len(folded))
    found: list[Quantity] = []
    for start, end, kind in code_spans(text):  # the text as written: folding lowercases COVID-19
        found.append(Quantity(0.0, start, end, text[start:end], kind))
        spans.take(start, end)
    for reader in _readers_for(folded):  # before the idioms: 三分之一 is a third although 之一 is "one of"
        read = [q for q in reader(folded, text) if spans.free(q.start, q.end)]
        for quantity in read:
            found.append(quantity)
            spans.take(quantity.start, quantity.end)
    for match in _NOT_NUMBERS.finditer(folded):
        spans.take(match.start(), match.end())
    found += _ordinary(folded, text, spans)
    found.sort(key=lambda q: (q.start, q.end))
    return [q for q in found if measurable(q)]  # what is too large was read, and is no quantity


def _q(
    text: str,
    start: int,
    end: int,
    value: float,
    *,
    kind: str = NUMBER,
    strong: bool = True,
    mantissa: float | None = None,
    alternatives: tuple[Reading, ...] = (),
    figurative: bool = False,
) -> Quantity:
    return Quantity(value, start, end, text[start:end], kind, strong, mantissa, alternatives, figurative)


def _decades(folded: str, text: str) -> Iterator[Quantity]:
    for match in _DECADE.finditer(folded):
        decade = _value(match["decade"])
        if (decade and decade[0] < 100 and decade[0] % 10 == 0) or (decade and decade[0] >= 1000):
            yield _q(text, match.start(), match.end(), decade[0] % 100, kind=DECADE)


def _tenths(folded: str, text: str) -> Iterator[Quantity]:
    for match in _TENTHS.finditer(folded):
        tenths = parse_chinese_numeral(match["n"])
        if tenths is None or (tenths > 10 and tenths % 10):
            continue
        percent = tenths * 10 if tenths < 10 else tenths  # 八五折 is 85%
        off = 100 - percent
        alternatives: tuple[Reading, ...] = ((NUMBER, float(off)),) if match["unit"] == "折" else ()
        yield _q(text, match.start(), match.end(), float(percent), strong=False, alternatives=alternatives)


def _fractions(folded: str, text: str) -> Iterator[Quantity]:
    for match in _FRACTION.finditer(folded):
        den, num = _value(match["den"]), _value(match["num"])
        if not den or not num or den[0] == 0:
            continue
        if den[0] in (100, 1000, 10_000):  # 百分之五, 千分之三: a rate, read by _ordinary
            continue
        share = num[0] / den[0]
        percent = 100 * share
        alternatives = ((NUMBER, round(percent)), (NUMBER, round(percent, 1)), (NUMBER, float(int(percent))))
        yield _q(text, match.start(), match.end(), share, kind=FRACTION, alternatives=alternatives)


def _month_lists(folded: str, text: str) -> Iterator[Quantity]:
    for match in _MONTH_LIST.finditer(folded):
        for item in _MONTH_ITEM.finditer(match.group()):
            month = _value(item.group())
            if month and 1 <= month[0] <= 12:
                start, end = match.start() + item.start(), match.start() + item.end()
                yield _q(text, start, end, month[0], kind=MONTH)


def _halves_of(folded: str, text: str) -> Iterator[Quantity]:
    for match in _HALF_OF.finditer(folded):
        yield _q(text, match.start(), match.end(), 0.5, kind=FRACTION, strong=False, alternatives=((NUMBER, 50.0),))


def _slash_fractions(folded: str, text: str) -> Iterator[Quantity]:
    for match in _SLASH_FRACTION.finditer(folded):
        numerator, denominator = int(match["num"]), int(match["den"])
        if 0 < numerator < denominator:
            share = numerator / denominator
            # 4/7 of the patients is also "four of seven"
            alternatives = ((NUMBER, float(round(100 * share))), (NUMBER, round(100 * share, 1)), (NUMBER, numerator))
            yield _q(text, match.start(), match.end(), share, kind=FRACTION, alternatives=alternatives)


def _compounds(folded: str, text: str) -> Iterator[Quantity]:
    for match in _COMPOUND.finditer(folded):
        value = float(f"{match['whole']}.{match['part']}")
        if not within_bounds(value):
            continue
        alternatives: tuple[Reading, ...] = ()
        if match["unit"] == "米":
            alternatives = ((NUMBER, round(value * 100)),)  # 1米8 is 180 cm
        yield _q(text, match.start(), match.end(), value, alternatives=alternatives)


def _halves(folded: str, text: str) -> Iterator[Quantity]:
    smaller = {"年": 12, "月": 30, "小时": 60, "钟头": 60, "天": 24, "周": 7, "星期": 7}
    for match in _HALF.finditer(folded):
        unit = match["unit"] or match["half"]
        whole = _value(match["n"]) if match["n"] else (0.0, False)
        if whole is None:
            continue
        value = whole[0] + 0.5
        alternatives = ((NUMBER, value * smaller[unit]),)
        yield _q(text, match.start(), match.end(), value, strong=whole[0] >= 1, alternatives=alternatives)


def clock_minutes(hour: int, minute: int, part: str | None) -> tuple[int, ...]:
    """Minutes after midnight that 上午10点 (one reading) or 3点 (two: 3:00 and 15:00) may mean."""
    hour %= 24
    if part == "am":
        hours: tuple[int, ...] = (0 if hour == 12 else hour,)
    elif part == "noon":
        hours = (hour if hour >= 11 else hour + 12,)
    elif part == "pm":
        hours = (0,) if hour == 12 else (hour,) if hour > 12 else (hour + 12,)  # 晚上12点 is midnight
    else:
        hours = (hour,) if hour == 0 or hour > 12 else (hour, (hour + 12) % 24)
    return tuple(h * 60 + minute for h in hours)


def _clocks(folded: str, text: str) -> Iterator[Quantity]:
    for match in _CLOCK.finditer(folded):
        hour = _value(match["hour"])
        if hour is None or hour[0] > 24 or hour[0] != int(hour[0]):
            continue
        marked = match["part"] or match["less"] or match["half"] or match["quarter"] or match["more"]
        bare = not marked and match["minute"] is None
        minute = 30 if match["half"] else 15 if match["quarter"] == "一刻" else 45 if match["quarter"] else 0
        if match["minute"]:
            parsed = _value(match["minute"])
            if parsed is None or parsed[0] >= 60:
                continue
            minute = int(parsed[0])
        whole_hour = int(hour[0])
        if match["less"]:
            less = _value(match["less"])
            if less is None or not 0 < less[0] < 60:
                continue
            whole_hour, minute = whole_hour - 1, 60 - int(less[0])
        readings = clock_minutes(whole_hour, minute, HOUR_PARTS.get(match["part"] or ""))
        clock = tuple((TIME, float(r)) for r in readings)
        if bare:  # 3点 alone may be three o'clock or three points (of an index): both readings count
            if hour[1] or hour[0] >= 10:
                yield _q(text, match.start(), match.end(), hour[0], alternatives=clock)
            continue
        # on the hour (晚上九点, 九点多), English often says the hour alone: "at 9 last night", "after nine"
        spoken = ((NUMBER, float(whole_hour)),) if minute == 0 else ()
        yield _q(text, match.start(), match.end(), clock[0][1], kind=TIME, alternatives=clock[1:] + spoken)
    for match in _COLON_TIME.finditer(folded):
        readings = clock_minutes(int(match["hour"]), int(match["minute"]), None)
        yield _q(
            text,
            match.start(),
            match.end(),
            float(readings[0]),
            kind=TIME,
            alternatives=tuple((TIME, float(r)) for r in readings[1:]),
        )


def _dated_days(folded: str, text: str) -> Iterator[Quantity]:
    """国庆 implies October 1: a month and a day the target may name, never one it must."""
    for match in _DATED_DAY.finditer(folded):
        month, day = _DATED_DAYS[match.group()]
        yield _q(text, match.start(), match.end(), float(month), kind=MONTH, strong=False)
        yield _q(text, match.start(), match.end(), float(day), strong=False)


def _idiom_ages(folded: str, text: str) -> Iterator[Quantity]:
    """不惑之年 is forty: an age written without a numeral, said with one in English."""
    for match in _AGE.finditer(folded):
        yield _q(text, match.start(), match.end(), float(_AGES[match.group()]), strong=False)


def _generations(folded: str, text: str) -> Iterator[Quantity]:
    """九〇后 and 00后 are the post-90s and post-00s generations: a decade."""
    for match in _GENERATION.finditer(folded):
        digits = "".join(str(DIGITS.get(ch, ch)) for ch in match["digits"])
        yield _q(text, match.start(), match.end(), float(int(digits)), kind=DECADE)


def _in_every(folded: str, text: str) -> Iterator[Quantity]:
    for match in _IN_EVERY.finditer(folded):
        den, num = _value(match["den"]), _value(match["num"])
        if den and num and 0 < num[0] < den[0]:
            share = num[0] / den[0]
            alternatives = ((NUMBER, float(round(100 * share))), (NUMBER, round(100 * share, 1)))
            yield _q(text, match.start(), match.end(), share, kind=FRACTION, alternatives=alternatives)


def _spoken_decimal_rates(folded: str, text: str) -> Iterator[Quantity]:
    """千分之四点二 is 4.2 per thousand (0.42%), not four o'clock: a rate read as _ordinary reads 千分之三."""
    for match in _SPOKEN_DECIMAL_RATE.finditer(folded):
        whole = parse_chinese_numeral(match["whole"])
        if whole is None:
            continue
        value = float(f"{whole}.{''.join(str(DIGITS[ch]) for ch in match['fraction'])}")
        per = {"百": 100, "千": 1000, "万": 10_000}[match["per"]]
        start = match.start("whole")
        yield _q(text, start, match.end(), value * 100 / per)


def _weekdays(folded: str, text: str) -> Iterator[Quantity]:
    for match in _WEEKDAY.finditer(folded):
        yield _q(text, match.start(), match.end(), float(WEEKDAYS[match["day"]]), kind=WEEKDAY)


def _festivals(folded: str, text: str) -> Iterator[Quantity]:
    for pattern in (_FESTIVAL, _DOT_DATE):
        for match in pattern.finditer(folded):
            double = match.groupdict().get("double")
            month = _value(double or match["month"])
            day = month if double else _value(match["day"])
            if month is None or day is None or not 1 <= month[0] <= 12:
                continue
            yield _q(text, match.start(), match.end(), month[0], kind=MONTH, strong=False)
            yield _q(text, match.start(), match.end(), day[0], kind=DAY, strong=False)


def _five_year_plans(folded: str, text: str) -> Iterator[Quantity]:
    for match in _FIVE_YEAR_PLAN.finditer(folded):
        nth = parse_chinese_numeral(match["nth"])
        if nth is not None:
            yield _q(text, match.start(), match.end(), float(nth))
            yield _q(text, match.start(), match.end(), 5.0, strong=False)


def _short_years(folded: str, text: str) -> Iterator[Quantity]:
    for match in _SHORT_YEAR.finditer(folded):
        digits = match["digits"]
        value = int(digits) if digits.isdigit() else int("".join(str(DIGITS[ch]) for ch in digits))
        year = 1900 + value if value >= 30 else 2000 + value
        yield _q(text, match.start(), match.end(), float(value), strong=False, alternatives=((NUMBER, float(year)),))


def _quarters(folded: str, text: str) -> Iterator[Quantity]:
    for match in _QUARTER.finditer(folded):
        for group in ("n", "m", "k"):
            number = _value(match[group]) if match[group] else None
            if number:
                yield _q(text, match.start(), match.end(), number[0], kind=QUARTER)


def _doublings(folded: str, text: str) -> Iterator[Quantity]:
    for match in _DOUBLINGS.finditer(folded):
        if "倍" in match.group() and match.group() != "成倍":
            yield _q(text, match.start(), match.end(), 2.0, alternatives=((NUMBER, 100.0),))  # 翻倍 doubles
            continue
        if match.group() == "成倍":
            yield _q(text, match.start(), match.end(), 2.0, strong=False)
            continue
        times = 2 ** (DIGITS[match["n"]] if match["n"] else 1)
        yield _q(text, match.start(), match.end(), float(times), alternatives=((NUMBER, 100.0 * (times - 1)),))


def _countless(folded: str, text: str) -> Iterator[Quantity]:
    for match in _COUNTLESS.finditer(folded):
        sizes = [parse_chinese_numeral(g) for g in (match["n"], match["low"], match["high"]) if g]
        readings = tuple((ORDER, float(size)) for size in sizes if size)
        if readings:
            yield _q(
                text, match.start(), match.end(), readings[0][1], kind=ORDER, strong=False, alternatives=readings[1:]
            )


# each reader with the strings one of which any of its matches contains: most texts skip most readers
_HINTED_READERS: tuple[tuple[tuple[str, ...], Callable[[str, str], Iterator[Quantity]]], ...] = (
    ((".", "/"), month_years),  # 2022.02, 02/2022
    (("数以", "成百", "成千"), _countless),
    (("季",), _quarters),
    (("番", "倍"), _doublings),
    (("年代",), _decades),
    (("五",), _five_year_plans),
    (("双", "节", "国庆", "黄金周", "假", "事变", "运动", "大促", "·", "・"), _festivals),
    (("分之",), _spoken_decimal_rates),
    (("国庆", "元旦", "节", "圣诞", "平安夜"), _dated_days),
    (tuple(_AGES), _idiom_ages),
    (("后",), _generations),
    (("每",), _in_every),
    (("点", "时", ":", "："), _clocks),
    (("星期", "礼拜", "周"), _weekdays),
    (("分之",), _fractions),
    (("/",), _slash_fractions),
    (("成", "折"), _tenths),
    (("米", "秒", "块", "元"), _compounds),
    (("半",), _halves),
    (("一半",), _halves_of),
    (("、", "和", "及", "与"), _month_lists),
    (("年", "共识"), _short_years),
)


_HINTS = re.compile(
    "|".join(sorted({re.escape(h) for hints, _ in _HINTED_READERS for h in hints}, key=len, reverse=True))
)


def _readers_for(folded: str) -> list[Callable[[str, str], Iterator[Quantity]]]:
    found = set(_HINTS.findall(folded))
    return [reader for hints, reader in _HINTED_READERS if not found.isdisjoint(hints)] if found else []


def _ordinary(folded: str, text: str, spans: _Spans) -> list[Quantity]:
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(folded):
        end = match.end()
        start = match.start("prefix") if match["prefix"] else match.start("first")
        if not spans.free(start, end) or _inside_name(folded, start):
            continue  # read already, an idiom, or part of a name such as COVID-19
        after = match["after"] or ""
        magnitude = match["magnitude"] or ""
        prefix = match["prefix"] or ""
        last = "second" if match["second"] else "first"
        for group in ("first", "second"):
            parsed = _value(match[group]) if match[group] else None
            if parsed is None:
                continue
            value, arabic = parsed
            alternatives: tuple[Reading, ...] = ()
            if prefix in ("千分之", "万分之") and group == "first":
                per = 1000 if prefix == "千分之" else 10_000
                value = value * 100 / per  # 千分之三 is 0.3%
            scale = _scale(magnitude)  # 3-5万: the magnitude applies to both ends of a range
            kind = MONTH if after == "月" and value <= 12 and (last == "first" or _months_both(match)) else NUMBER
            if after in ("日", "号") and group == last and value <= 31 and not _after_month(folded, start):
                kind = DAY  # 3日 with no month: news renders it as a weekday as often as a date
            evidence = arabic or bool(after or magnitude or prefix)
            big = arabic or value >= 10 or kind == MONTH or bool(magnitude) or prefix.endswith("分之")
            g_start, g_end = match.span(group)
            g_end = end if group == last else g_end
            rough = None if arabic else approximate_range(match[group])
            if rough:
                for end_value in rough:
                    found.append(_q(text, g_start, g_end, float(end_value * scale), strong=False))
                continue
            vague = (bool(match["vague"]) and not arabic) or _approximate(match[group])
            counted = value >= 3 and (after in COUNT_MEASURES or (prefix == "第" and after == "名"))
            bare = match[group] in ("百", "千", "万") and not magnitude and not prefix
            if vague and match["vague"] and not magnitude:
                alternatives = ((ORDER, value),)  # 数百 is "hundreds", 上千 "thousands"
            elif vague and match["vague"]:
                alternatives = ((ORDER, value * scale),)
            elif after == "倍" and _GROWTH.search(folded[max(0, start - 3) : start]):
                alternatives = ((NUMBER, value + 1), (NUMBER, 100 * value))
            elif arabic and after == "年" and len(match[group]) == 2 and not _YEAR_WORD.match(folded, end):
                alternatives = ((NUMBER, value + (2000 if value < 50 else 1900)),)  # 23年经济: 2023, or 23 years
            elif value == 10 and _DOZEN.match(folded, match.start(group)):
                alternatives = ((NUMBER, 12.0),)  # 十多 is "more than ten" or "more than a dozen"
            elif bare:
                alternatives = ((ORDER, value),)  # 千人, 百年 without a digit: "thousands of people", "centuries"
            found.append(
                _q(
                    text,
                    g_start,
                    g_end,
                    value * scale,
                    kind=kind,
                    # a count of one (1名, 1个) is "a" in English
                    strong=evidence and (big or counted) and not vague and not (value * scale == 1 and after in ONE_OF),
                    mantissa=value if scale != 1 else _written_mantissa(match[group], value),
                    alternatives=alternatives,
                    figurative=bare and after not in LITERAL_UNITS,
                )
            )
    return found


def _written_mantissa(numeral: str, value: float) -> float | None:
    """一百万 is 100 × 万: a numeral that spells its magnitude can slip a power of ten like 100万."""
    for magnitude, size in (("亿", 100_000_000), ("万", 10_000)):
        if magnitude in numeral and value % size == 0:
            return value / size
    return None


def _months_both(match: re.Match[str]) -> bool:
    """3至11月, 1、2月: both ends of a range or list before 月 are months."""
    both = [_value(match[g]) for g in ("first", "second")]
    return all(v is not None and 1 <= v[0] <= 12 and v[0] == int(v[0]) for v in both)


def _after_month(folded: str, start: int) -> bool:
    return "月" in folded[max(0, start - 3) : start]


def _approximate(numeral: str) -> bool:
    """一两 ("one or two"), 十几: neighbouring digits or 几 name a rough amount, not 12."""
    digits = [DIGITS[ch] for ch in numeral if ch in DIGITS]
    return (len(numeral) == 2 and len(digits) == 2 and digits[1] - digits[0] == 1) or "几" in numeral


def _inside_name(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return bool(before) and (
        (before[-1].isascii() and before[-1].isalpha())
        or (len(before) == 2 and before[-1] == "-" and before[0].isascii() and before[0].isalpha())
    )


# by the core's id: one reader per process; None for a core built before it had the reader
_NATIVE_READERS: dict[int, ChineseNumberReader | None] = {}


def _native_reader(core: NativeCore | None) -> ChineseNumberReader | None:
    if core is None:
        return None
    if id(core) not in _NATIVE_READERS:
        has_reader = hasattr(core, "ChineseNumberReader")
        _NATIVE_READERS[id(core)] = _new_native_reader(core) if has_reader else None
    return _NATIVE_READERS[id(core)]


def _new_native_reader(core: NativeCore) -> ChineseNumberReader:
    """The native core's reader, given Python's patterns and tables. It has the codes, the ordinary reader
    and the readers of _NATIVE_HAS; the cue of any other reader leaves the text to Python."""
    cues = {reader: hints for hints, reader in _HINTED_READERS}
    patterns = {
        "any_numeral": _ANY_NUMERAL.pattern,
        **native_code_patterns(),
        "quantity": _QUANTITY.pattern,
        "not_numbers": _NOT_NUMBERS.pattern,
        "month_year_hint": MONTH_YEAR_HINT.pattern,
        "month_year": MONTH_YEAR.pattern,
        "generation": _GENERATION.pattern,
        "clock": _CLOCK.pattern,
        "colon_time": _COLON_TIME.pattern,
        "weekday": _WEEKDAY.pattern,
        "tenths": _TENTHS.pattern,
        "month_list": _MONTH_LIST.pattern,
        "month_item": _MONTH_ITEM.pattern,
        "short_year": _SHORT_YEAR.pattern,
        "growth": _GROWTH.pattern.removesuffix("$") + r"\n?\z",  # Python's $ also matches before a final newline
        "grouping": _GROUPING.pattern,
    }
    words = {
        "elsewhere": sorted({hint for hints, read in _HINTED_READERS if read not in _NATIVE_HAS for hint in hints}),
        "month_year": list(cues[month_years]),
        "generation": list(cues[_generations]),
        "clock": list(cues[_clocks]),
        "weekday": list(cues[_weekdays]),
        "tenths": list(cues[_tenths]),
        **{part: [word for word, named in HOUR_PARTS.items() if named == part] for part in ("am", "noon", "pm")},
        "month_list": list(cues[_month_lists]),
        "short_year": list(cues[_short_years]),
        "named": [*_DATED_DAYS, *_AGES],
        "count_measures": sorted(COUNT_MEASURES),
        "one_of": sorted(ONE_OF),
        "literal_units": sorted(LITERAL_UNITS),
    }
    numerals = {"digits": DIGITS, "units": UNITS, "tens": TENS, "magnitudes": MAGNITUDES, "weekdays": WEEKDAYS}
    return core.ChineseNumberReader(chinese_table(), patterns, words, numerals, LONGEST_DIGITS)


# the readers native/src/numbers.rs has, which it runs in _HINTED_READERS's order
_NATIVE_HAS = (month_years, _generations, _clocks, _weekdays, _tenths, _month_lists, _short_years)
