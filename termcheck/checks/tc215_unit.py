from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from termcheck.checks.base import Check
from termcheck.checks.conventions import Convention, convention
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.measures.pairing import NearestInOtherUnits, SourceKey, TargetMeasures, source_key
from termcheck.measures.reading import Measure, chinese_measures, converted, english_measures
from termcheck.measures.units import Unit
from termcheck.numbers.numerals import CN, NUM
from termcheck.text.normalize import fold_chinese


def _unit(chinese: str, name: str, kept: str, wrong: str) -> tuple[re.Pattern[str], Convention]:
    """The unit alone, a cheap test that must pass before the rule's pattern (a numeral before the unit,
    whose run-start lookbehinds leave the regex engine no literal to skip ahead to) can match, and the rule."""
    number = rf"(?:(?:{NUM})[ \u3000]?(?:多|余)?(?:[万亿])?[ \u3000]?|每)"  # 42公里, 每公斤
    return re.compile(chinese), convention(number + f"(?:{chinese})", name, kept, wrong)


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
# a numeral just before a unit's first character (42公里, 3个月, 5GB), or 每 before one (每公斤)
_ANY_UNIT = re.compile(
    rf"(?:[\d{CN}]|每)[ \u3000]?[多余来个]?[ \u3000]?"
    r"(?:[公千米厘毫微纳英海克吨斤两亩平顷升立摄华度秒分小钟天周星礼年月基里寸尺码磅盎加]|℃|℉|°|㎡|[KMGTP]B|[kmcμµ]?[mgl]\b|mL)"
)


class UnitChanged(Check):
    """A number's unit changed and the figure was not converted: 100平方米 as "100 square feet".

    Also 5吨 as "5 kilograms", 3斤 as "3 kilograms", 42公里 as "42 miles", 50基点 as "50%".

    Each number with a unit in the source is compared with the target's numbers in units of the same
    dimension. Units of length, mass, volume, area, temperature, speed, data and time are named from CLDR
    (through Babel, `termcheck/data/cldr_quantities.json`); the Chinese market units 斤 (500 g), 两 (50 g),
    亩 (666.7 m²), 里 (500 m) and 基点 (0.01 percentage point) and the conversion factors are termcheck's
    own (`termcheck/measures/units.py`). A target that keeps the unit passes (its number is TC202's); one
    in another unit passes when it is the source quantity converted, within 2% or the rounding of the
    digits it states ("1,076 square feet", or "about 1,100 square feet" for 100平方米; 1 TB may be 1,000 or
    1,024 GB), and is reported otherwise, with the converted value; TC202/TC203 do not report the two
    numbers of a right conversion. A unit named with no number ("20 yuan per pound" for 每公斤20元) is
    reported when another system's unit stands for a metric or Chinese one."""

    code = "TC215"
    name = "unit-changed"
    severity = Severity.ERROR
    needs_source = True
    trigger = Trigger(_ANY_UNIT, "source")
    examples = (
        Example(source="面积100平方米", target="an area of 100 square feet", bad=True),
        Example(source="面积100平方米", target="an area of 100 square metres (1,076 square feet)", bad=False),
        Example(source="面积100平方米", target="an area of about 1,100 square feet", bad=False),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        source_text, target = analyzed.segment.source or "", analyzed.segment.target
        wrongs: list[tuple[int, int]] = []
        sources = chinese_measures(source_text)
        targets = english_measures(target) if sources else ()
        for source, wrong, unit, other in unconverted(sources, targets):
            wrongs.append((wrong.start, wrong.end))
            value = converted(source, unit, other)
            yield self.finding(
                analyzed,
                f'"{source.text}" is {_figure(source.value)} {unit.symbol} ≈ {_figure(value)} {other.symbol}, '
                f'but the target says "{wrong.text}"',
                found=wrong.text,
                expected=f"{_figure(source.value)} {unit.symbol}",
                source_span=(source.start, source.end),
                target_span=(wrong.start, wrong.end),
            )
        handled = _Spans([*wrongs, *((m.start, m.end) for m in targets)])
        folded = fold_chinese(source_text)
        for unit_alone, rule in UNITS:
            match = rule.chinese.search(folded) if unit_alone.search(folded) else None
            if not match or rule.kept.search(target):
                continue
            wrong_form = next((w for w in rule.wrong.finditer(target) if w.start() not in handled), None)
            if wrong_form is None:
                continue
            handled.add(wrong_form.span())
            yield self.finding(
                analyzed,
                f'"{match.group()}" is in {rule.name}, but the target has "{wrong_form.group()}" and no {rule.name}',
                found=wrong_form.group(),
                expected=rule.name,
                source_span=match.span(),
                target_span=wrong_form.span(),
            )


def unconverted(
    sources: Sequence[Measure], targets: Sequence[Measure]
) -> Iterator[tuple[Measure, Measure, Unit, Unit]]:
    """(source, target, their units) for each source quantity whose dimension the target states only in
    other units, none of them its converted value; the target is the one whose number is nearest."""
    said = TargetMeasures(targets)
    stated: dict[SourceKey, bool] = {}
    for source in sources:
        key = source_key(source)
        if key not in stated:

            def accept(target: Measure, dimension: str = source.dimension) -> bool:
                return target.dimension == dimension

            same = said.same(source, accept)  # both: each marks what it finds
            stated[key] = said.converted(source, accept) or same
    # a target number that another source number accounts for is not this one's rendering
    others = NearestInOtherUnits(said, set(range(len(said.readings))) - said.marked)
    nearest: dict[SourceKey, int | None] = {}
    for source in sources:
        key = source_key(source)
        if stated[key]:
            continue
        if key not in nearest:
            nearest[key] = others.of(source)
        if (position := nearest[key]) is not None:
            wrong = targets[position]
            yield source, wrong, source.units[0], wrong.units[0]


class _Spans:
    """Spans of a text: is an offset inside one of them? (Bisected: a long line has thousands.)"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far
        self._added: list[tuple[int, int]] = []

    def add(self, span: tuple[int, int]) -> None:
        self._added.append(span)

    def __contains__(self, at: object) -> bool:
        if not isinstance(at, int):
            return False
        before = bisect_right(self._starts, at)
        return (before > 0 and self._reach[before - 1] > at) or any(s <= at < e for s, e in self._added)


def _figure(value: float) -> str:
    if value == 0:
        return "0"
    digits = max(0, 3 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
