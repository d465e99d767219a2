from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check
from termcheck.checks.conventions import Convention, changed, convention
from termcheck.checks.triggers import Trigger
from termcheck.model import Finding, Severity
from termcheck.normalize import fold_chinese
from termcheck.numbers.chinese import NUM


def _unit(chinese: str, name: str, kept: str, wrong: str) -> Convention:
    number = rf"(?:(?:{NUM})[ \u3000]?(?:多|余)?(?:[万亿])?[ \u3000]?|每)"  # 42公里, 每公斤
    return convention(number + f"(?:{chinese})", name, kept, wrong)


_FEET = r"\bfeet\b|\bfoot\b|\bft\b|\byards?\b"
UNITS = (
    _unit("公里|千米", "km", r"\bkm\b|kilomet(?:er|re)s?", r"\bmiles?\b"),
    _unit("公斤|千克", "kg", r"\bkgs?\b|\bkilo(?:gram(?:me)?)?s?\b", r"\bpounds?\b|\blbs?\b"),
    _unit(
        "(?<!公)斤",
        "jin (half a kilogram)",
        r"\bjin\b|\bcatt(?:y|ies)\b|\bkilo|\bkg\b|\bgrams?\b|\bg\b",
        r"\bpounds?\b|\blbs?\b",
    ),
    _unit("亩", "mu", r"\bmu\b|hectares?|\bha\b|square\s+met", r"\bacres?\b"),
    _unit(
        "平方米|平米",
        "square metres",
        r"square\s+met(?:er|re)s?|sq\.?\s?m\b|m²|\bm2\b|\bsqm\b",
        r"square\s+f(?:ee|oo)t|sq\.?\s?ft\b",
    ),
    _unit(
        "平方公里|平方千米",
        "square kilometres",
        r"square\s+kilomet|sq\.?\s?km\b|km²|\bkm2\b",
        r"square\s+miles?|sq\.?\s?mi\b",
    ),
    _unit("摄氏度|℃", "°C", r"°\s?C\b|℃|celsius|centigrade", r"fahrenheit|°\s?F\b|℉"),
    _unit(
        "(?:毫)?升(?![级高值温学职旗起降息])",
        "litres",
        r"lit(?:er|re)s?\b|\bm?l\b|millilit",
        r"\bgallons?\b|\bgal\b|\bpints?\b|\bquarts?\b",
    ),
    _unit(
        "厘米|公分", "cm", r"\bcm\b|centimet(?:er|re)s?|\bmet(?:er|re)s?\b|\bm\b", r"\binch(?:es)?\b|\bin\.|" + _FEET
    ),
    _unit("(?<![千厘毫平立])米(?![饭粒])", "metres", r"\bm\b|met(?:er|re)s?\b|\bkm\b", _FEET),
)
_ANY_UNIT = re.compile(r"公里|千米|公斤|千克|斤|亩|平方|平米|摄氏|℃|升|厘米|公分|米")


class UnitChanged(Check):
    """A number's unit did not survive: 公里 rendered in miles, 公斤 in pounds, 亩 in acres, ℃ in °F.

    A Chinese news figure keeps its metric or Chinese unit in English: 公里 km, 公斤/千克 kg, 斤 jin
    (half a kilogram), 亩 mu, 平方米 square metres, 摄氏度 °C, 升 litres, 厘米 cm, 米 metres. A
    translation that names another system's unit (miles, pounds, acres, °F, gallons, feet) and none of
    the source's has changed the figure. A converted value next to the original ("5 km (3 miles)")
    keeps the source's unit and passes. Needs a source.

    Bad:
        source: 全程约42公里
        target: The course is about 42 miles long
    Good:
        target: The course is about 42 km long
    """

    code = "TC215"
    name = "unit-changed"
    severity = Severity.ERROR
    needs_source = True
    trigger = Trigger(_ANY_UNIT, "source")

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source, target = fold_chinese(analyzed.segment.source or ""), analyzed.segment.target
        for unit, match, wrong in changed(UNITS, source, target):
            yield self.finding(
                analyzed,
                f'"{match.group()}" is in {unit.name}, but the target has "{wrong.group()}" and no {unit.name}',
                found=wrong.group(),
                expected=unit.name,
                source_span=match.span(),
                target_span=wrong.span(),
            )
