"""Units of measure: what each is called (CLDR, beside termcheck's own Chinese market units and common
abbreviations) and how to convert it within its dimension."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Unit:
    id: str  # CLDR's unit id (length-kilometer), or termcheck's own (mass-jin)
    dimension: str
    factor: float  # to the dimension's base unit
    offset: float = 0.0  # temperature: kelvin = value * factor + offset
    symbol: str = ""  # how a message writes it


# Conversion factors are not in CLDR's locale data: to m, g, L, m², K, m/s, byte, s, percentage point.
_FACTORS: dict[str, float] = {
    "length-meter": 1, "length-kilometer": 1e3, "length-centimeter": 1e-2, "length-millimeter": 1e-3,
    "length-decimeter": 0.1, "length-micrometer": 1e-6, "length-nanometer": 1e-9, "length-mile": 1609.344,
    "length-yard": 0.9144, "length-foot": 0.3048, "length-inch": 0.0254, "length-nautical-mile": 1852,
    "mass-gram": 1, "mass-kilogram": 1e3, "mass-milligram": 1e-3, "mass-microgram": 1e-6, "mass-tonne": 1e6,
    "mass-ton": 907_184.74, "mass-pound": 453.59237, "mass-ounce": 28.349523125, "mass-stone": 6_350.29318,
    "mass-carat": 0.2,
    "volume-liter": 1, "volume-milliliter": 1e-3, "volume-centiliter": 1e-2, "volume-deciliter": 0.1,
    "volume-hectoliter": 100, "volume-megaliter": 1e6, "volume-cubic-meter": 1e3, "volume-cubic-centimeter": 1e-3,
    "volume-cubic-foot": 28.316846592, "volume-gallon": 3.785411784, "volume-gallon-imperial": 4.54609,
    "volume-quart": 0.946352946, "volume-pint": 0.473176473, "volume-pint-imperial": 0.56826125,
    "volume-cup": 0.2365882365, "volume-fluid-ounce": 0.0295735295625, "volume-tablespoon": 0.01478676478125,
    "volume-teaspoon": 0.00492892159375, "volume-barrel": 158.987294928,
    "area-square-meter": 1, "area-square-kilometer": 1e6, "area-square-centimeter": 1e-4, "area-hectare": 1e4,
    "area-acre": 4_046.8564224, "area-square-foot": 0.09290304, "area-square-inch": 0.00064516,
    "area-square-mile": 2_589_988.110336, "area-square-yard": 0.83612736,
    "temperature-kelvin": 1, "temperature-celsius": 1, "temperature-fahrenheit": 5 / 9,
    "speed-meter-per-second": 1, "speed-kilometer-per-hour": 1 / 3.6, "speed-mile-per-hour": 0.44704,
    "speed-knot": 1852 / 3600,
    "digital-bit": 0.125, "digital-byte": 1, "digital-kilobit": 125, "digital-kilobyte": 1e3,
    "digital-megabit": 1.25e5, "digital-megabyte": 1e6, "digital-gigabit": 1.25e8, "digital-gigabyte": 1e9,
    "digital-terabit": 1.25e11, "digital-terabyte": 1e12, "digital-petabyte": 1e15,
    "duration-nanosecond": 1e-9, "duration-microsecond": 1e-6, "duration-millisecond": 1e-3, "duration-second": 1,
    "duration-minute": 60, "duration-hour": 3_600, "duration-day": 86_400, "duration-week": 604_800,
    "duration-fortnight": 1_209_600, "duration-month": 2_629_800, "duration-year": 31_557_600,
    "duration-decade": 315_576_000, "duration-century": 3_155_760_000,
}  # fmt: skip
_OFFSETS = {"temperature-celsius": 273.15, "temperature-fahrenheit": 273.15 - 32 * 5 / 9}

# termcheck's own: the Chinese market units, and basis points (基点); 个百分点 against % is TC213's
_OWN: dict[str, tuple[float, str, tuple[str, ...], tuple[str, ...]]] = {
    # id: (factor, symbol, Chinese forms, English forms)
    "mass-jin": (500, "jin", ("斤", "市斤"), ("jin", "catty", "catties")),
    "mass-liang": (50, "liang", ("两",), ("liang", "tael", "taels")),
    "area-mu": (10_000 / 15, "mu", ("亩", "市亩"), ("mu",)),
    "length-li": (500, "li", ("里", "华里", "市里"), ("li",)),
    "rate-basis-point": (0.01, "bp", ("基点", "个基点"), ("basis points", "basis point", "bps", "bp")),
    "rate-percentage-point": (1, "percentage points", (), ("percentage points", "percentage point")),
    "rate-percent": (1, "%", (), ("%", "percent", "per cent")),
}

# Chinese forms CLDR's zh names miss, and English abbreviations news and labs write
_CHINESE: dict[str, tuple[str, ...]] = {
    "length-kilometer": ("千米", "km"), "length-meter": ("公尺",), "length-centimeter": ("公分", "cm"),
    "length-millimeter": ("mm",), "length-nautical-mile": ("海里",),
    "mass-kilogram": ("千克", "公斤", "kg"), "mass-tonne": ("吨", "公吨"), "mass-gram": ("克",),
    "mass-milligram": ("毫克", "mg"), "mass-microgram": ("微克", "μg", "µg", "mcg"),
    "volume-liter": ("公升",), "volume-milliliter": ("毫升", "ml", "mL"), "volume-cubic-meter": ("立方米", "立方"),
    "area-square-meter": ("平方米", "平米", "㎡", "m²"), "area-square-kilometer": ("平方公里", "平方千米", "km²"),
    "area-hectare": ("公顷",), "area-acre": ("英亩",),
    "temperature-celsius": ("摄氏度", "℃", "°C"), "temperature-fahrenheit": ("华氏度", "℉", "°F"),
    "speed-kilometer-per-hour": ("公里/小时", "千米/小时", "公里每小时", "千米每小时", "km/h"),
    "speed-meter-per-second": ("米/秒", "米每秒", "m/s"),
    "digital-kilobyte": ("KB",), "digital-megabyte": ("MB",), "digital-gigabyte": ("GB",),
    "digital-terabyte": ("TB",), "digital-petabyte": ("PB",),
    "duration-hour": ("小时", "个小时", "钟头", "个钟头"), "duration-minute": ("分钟",),
    "duration-second": ("秒", "秒钟"),
    "duration-millisecond": ("毫秒",), "duration-day": ("天",), "duration-week": ("周", "个星期", "星期", "个礼拜"),
    "duration-month": ("个月",), "duration-year": ("年",),
}  # fmt: skip
_ENGLISH: dict[str, tuple[str, ...]] = {
    "length-kilometer": ("kms",), "length-meter": ("m",), "length-foot": ("ft",), "length-inch": ("in.",),
    "length-mile": ("mi",),
    "mass-kilogram": ("kilo", "kilos", "kgs"), "mass-gram": ("g",), "mass-tonne": ("ton", "tons", "metric tonnes"),
    "mass-pound": ("lb", "lbs"), "mass-ounce": ("oz",), "mass-microgram": ("mcg", "ug", "µg"),
    "volume-milliliter": ("ml", "mL", "millilitre", "millilitres"), "volume-liter": ("L", "l"),
    "volume-cubic-meter": ("m³", "m3", "cubic metres", "cubic meters"), "volume-gallon": ("gal",),
    "area-square-meter": ("m2", "sq m", "sq. m", "sqm", "sq metres", "sq meters"),
    "area-square-kilometer": ("km2", "sq km", "sq. km"), "area-square-foot": ("sq ft", "sq. ft", "sq. ft.", "ft2"),
    "area-square-mile": ("sq mi", "sq miles"), "area-hectare": ("ha",),
    "temperature-celsius": ("℃", "degrees C", "centigrade", "Celsius"), "temperature-fahrenheit": ("℉", "Fahrenheit"),
    "speed-kilometer-per-hour": ("kph", "km/hr", "kmph", "kilometres an hour", "kilometers an hour"),
    "speed-mile-per-hour": ("miles an hour",), "speed-meter-per-second": ("metres per second",),
    "duration-hour": ("hrs", "hr", "h"), "duration-minute": ("mins", "min"), "duration-second": ("secs", "sec"),
    "duration-millisecond": ("ms",), "duration-day": ("days",), "duration-year": ("yrs",),
}  # fmt: skip
# "ton(s)" is a metric ton in most translations of 吨, and "degrees" either scale
_EITHER_SCALE = ("temperature-celsius", "temperature-fahrenheit")
_AMBIGUOUS_ENGLISH = {"ton": ("mass-ton",), "tons": ("mass-ton",), "degrees": _EITHER_SCALE, "degree": _EITHER_SCALE}
# CLDR's zh name of the short ton is 吨, which in Chinese text is the metric ton
_NOT_ENGLISH_UNITS = {"in", "t", "s", "d", "y", "m²", "yr", "mon", "w", "wk", "wks", "deg. C", "deg. F", "Mb"}
_NOT_CHINESE_UNITS = {"t", "tn", "kn", "g", "Mb", "mi", "节", "码", "方", "度"}


@cache
def cldr() -> dict[str, Any]:
    text = resources.files("termcheck.data").joinpath("cldr_quantities.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


_SYMBOLS = {
    "volume-liter": "L",
    "mass-gram": "g",
    "area-hectare": "ha",
    "speed-meter-per-second": "m/s",
    "duration-hour": "h",
}


def _symbol(unit_id: str, forms: list[str]) -> str:
    if unit_id in _SYMBOLS:
        return _SYMBOLS[unit_id]
    short = [f for f in forms if len(f) <= 4 and " " not in f and f.lower() != f.rstrip("s") + "s"]
    if short:
        return min(short, key=len)
    plural = [f for f in forms if f.endswith("s") and " " not in f.split(" ")[0] + " "]
    british = [f for f in plural if "metre" in f or "litre" in f]
    return (british or plural or [unit_id.split("-", 1)[1].replace("-", " ")])[0]


@cache
def units() -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    names = cldr()["units"]
    for unit_id, factor in _FACTORS.items():
        english = names.get(unit_id, {}).get("en", [])
        table[unit_id] = Unit(
            unit_id, unit_id.split("-")[0], factor, _OFFSETS.get(unit_id, 0.0), _symbol(unit_id, english)
        )
    for unit_id, (factor, symbol, _, _) in _OWN.items():
        table[unit_id] = Unit(unit_id, unit_id.split("-")[0], factor, 0.0, symbol)
    return table


def _forms(side: str) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    names = cldr()["units"]
    extra = _CHINESE if side == "zh" else _ENGLISH
    skip = _NOT_CHINESE_UNITS if side == "zh" else _NOT_ENGLISH_UNITS
    for unit_id in _FACTORS:
        cldr_forms = [] if (side, unit_id) == ("zh", "mass-ton") else names.get(unit_id, {}).get(side, [])
        for form in (*cldr_forms, *extra.get(unit_id, ())):
            if form not in skip:
                forms.setdefault(form, set()).add(unit_id)
    for unit_id, (_, _, chinese, english) in _OWN.items():
        for form in chinese if side == "zh" else english:
            forms.setdefault(form, set()).add(unit_id)
    if side == "en":
        for form, also in _AMBIGUOUS_ENGLISH.items():
            forms.setdefault(form, set()).update(also)
    return forms


def _alternation(forms: dict[str, set[str]], *, english: bool) -> str:
    parts = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        escaped = re.escape(form)
        # a short or capitalised symbol keeps its case (GB is not Gb, mL is not ML); a name does not
        caseless = english and len(form) > 3 and form.islower()
        parts.append(f"(?i:{escaped})" if caseless else escaped)
    return "|".join(parts)


@cache
def chinese_unit_forms() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    forms = _forms("zh")
    return re.compile(f"(?:{_alternation(forms, english=False)})"), {f: frozenset(u) for f, u in forms.items()}


@cache
def english_unit_forms() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    forms = _forms("en")
    lookup = {f.lower() if len(f) > 3 and f.islower() else f: frozenset(u) for f, u in forms.items()}
    pattern = re.compile(f"(?:{_alternation(forms, english=True)})(?![A-Za-z0-9²³])")
    return pattern, lookup


def english_units_of(form: str) -> frozenset[str]:
    lookup = english_unit_forms()[1]
    return lookup.get(form) or lookup.get(form.lower()) or frozenset()


def to_base(value: float, unit: Unit) -> float:
    return value * unit.factor + unit.offset


def from_base(value: float, unit: Unit) -> float:
    return (value - unit.offset) / unit.factor
