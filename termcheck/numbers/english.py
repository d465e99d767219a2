"""Numbers in English text: digits, number words, scale words, percentages, ordinals, months.

Number words under ten ("one", "a", "first") are weak: they pair with a source number but are never
reported on their own, because English uses them where Chinese has no number at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from termcheck.core.native import EnglishNumberReader, NativeCore, engine_name, native_core
from termcheck.numbers.codes import code_spans, native_code_patterns
from termcheck.numbers.dates import MONTH_YEAR, MONTH_YEAR_HINT, month_years
from termcheck.numbers.native_readings import from_native
from termcheck.numbers.quantity import (
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
)

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_WORD = "|".join(sorted([*ONES, *TENS, *ORDINALS, *SCALES], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
_UNGROUPED = re.compile("[, \u00a0\u2009\u202f]")
_SCALE = r"(?:[\s-]+(?P<scale>hundred|thousand|million|billion|trillion)s?\b)?"  # a 5-billion-yuan project
_DIGIT_NUMBER = re.compile(
    rf"(?<![\w.])(?<![A-Z]-)(?<![A-Z][a-z]-)(?P<digits>{_DIGITS})(?P<suffix>st|nd|rd|th|s|%)?(?!\w)(?!\.\d)\+?{_SCALE}"
)
_WORD_NUMBER = re.compile(
    rf"\b(?:a\s+(?=(?:hundred|thousand|million|billion|trillion)\b))?(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?(?={_WORD}))?)+\b",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(
    rf"\b(?:(?P<whole>{_DIGITS}|{_WORD})[\s-]+and[\s-]+a[\s-]+|(?P<alone>))half"
    r"(?:\s+(?:a\s+)?(?P<scale>thousand|million|billion|trillion)\b|(?P<unit>))",
    re.IGNORECASE,
)
# three per thousand, 3‰, three in a thousand: 0.3 (%), as 千分之三 is read
_PER_MILLE = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{'|'.join(ONES)})\s*(?:‰|per\s+(?:thousand|mille)\b|in\s+(?:a|one|every)\s+thousand\b)",
    re.IGNORECASE,
)
# three in 10,000, 5 per 100,000, two out of every 1,000: a rate in per cent, as 万分之三 is read (0.03)
_PER_BASE = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{'|'.join(ONES)})\s+(?:per|(?:[a-z]+\s+)?(?:in|out\s+of))\s+(?:every\s+)?"
    r"(?P<base>1,?000|10,?000|100,?000|1,000,000)(?![\d,]|\.\d)",
    re.IGNORECASE,
)
# 一百周年 is the centenary
ANNIVERSARIES = {
    "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200, "sesquicentennial": 150,
    "tercentenary": 300, "tercentennial": 300, "quincentenary": 500,
}  # fmt: skip
_ANNIVERSARY = re.compile(rf"\b(?:{'|'.join(ANNIVERSARIES)})\b", re.IGNORECASE)
_ISO_DATE = re.compile(
    r"(?<![\d.-])(?P<year>(?:1[89]|20)\d\d)-(?P<month>0?[1-9]|1[0-2])-(?P<day>0?[1-9]|[12]\d|3[01])(?![\d-]|\.\d)"
)
# two decades, three centuries, two dozen: 20, 300, 24
_MANY_UNITS = {"decades": 10, "centuries": 100, "dozen": 12}
_COUNTED_UNITS = re.compile(
    rf"\b(?P<n>\d+|{'|'.join(sorted(ONES, key=len, reverse=True))})\s+(?P<unit>decades|centuries|dozen)\b",
    re.IGNORECASE,
)
# one in six, one person in five, two in every three: a share
_ONES_ALTERNATION = "|".join(sorted(ONES, key=len, reverse=True))
_ONE_IN = re.compile(
    rf"\b(?P<n>one|two|three|\d)\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{_ONES_ALTERNATION}|\d+)\b",
    re.IGNORECASE,
)
# .08% written without its zero
_BARE_DECIMAL = re.compile(r"(?<![\w.])(?<=[\s(])\.(?P<digits>\d+)(?P<percent>%)?")
# a quarter of a million, three quarters of a billion
_QUARTER_OF = re.compile(
    r"\b(?P<n>a|one|three)\s+quarters?\s+of\s+a\s+(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE
)
# a year and a half, an hour and a half: 1.5
_UNIT_AND_A_HALF = re.compile(r"\b(?:a|an|one)\s+(?:year|hour|day|month|week|minute|century)\s+and\s+a\s+half\b", re.I)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|and|or)\s*")
# words that stand for a number: "the next decade" for 十年, "three times" written "thrice"
COUNT_WORDS = {"decade": 10, "century": 100, "dozen": 12, "twice": 2, "thrice": 3, "double": 2, "triple": 3}
_COUNT_WORD = re.compile(r"\b(?:" + "|".join(COUNT_WORDS) + r")\b", re.IGNORECASE)
# "March" and "May" are months only beside a date or after a word that introduces one ("the Long March" is not)
_DATE_LEAD = r"(?:in|on|since|by|until|till|from|through|of|early|late|mid|last|next|this|before|after|during)"
_MONTH = re.compile(
    r"\b(?P<month>(?i:January|February|April|June|July|August|September|October|November|December)|"
    r"Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b\.?"
    r"|\b(?P<ambiguous>March|May|MARCH|MAY)\b"
)
# "April, May and August": a month in a list of months
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_LEADS_TO_DATE = re.compile(rf"(?i:(?:\b{_DATE_LEAD}[\s-]|\d\s|\b(?:{_MONTH_NAMES}),?\s+(?:and\s+|or\s+|to\s+)?))$")
_DATE_FOLLOWS = re.compile(rf",?\s+\d|[/–-](?:{_MONTH_NAMES})\b|,?\s+(?:and|or|to)\s+(?:{_MONTH_NAMES})\b")
_GIVEN_NAMES = frozenset(("april", "may", "june", "august", "march"))  # months that are also first names
_NAMED = re.compile(
    r" (?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]"
)
_NOT_THE_MONTH = re.compile(r"(?:Long|long|the|The) $")
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_WEEKDAY_WORDS = frozenset([*WEEKDAYS, *(f"{day}s" for day in WEEKDAYS)])
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
# 10 a.m., 3:30 p.m., 14:00, noon, midnight, 5 o'clock
_CLOCK = re.compile(
    r"(?<![\w.:])(?P<hour>[01]?\d|2[0-4])(?::(?P<minute>[0-5]\d))?\s?"
    r"(?:(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)|(?P<oclock>o'clock|o’clock)\b)"
    r"|(?<![\w.:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?![\d:])"
    r"|(?:\b12\s+)?\b(?P<word>noon|midday|midnight)\b"
    r"|\b(?:(?P<past>half|quarter)\s+past|(?P<to>quarter)\s+to)\s+(?P<spoken>one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|\d{1,2})(?:\s+(?:o['’]clock\s+)?(?:in\s+the\s+(?P<daypart>morning|afternoon|evening)|at\s+(?P<night>night)))?",
    re.IGNORECASE,
)
_CLOCK_HINT = re.compile(r"\d\s?[apAP]\.?\s?[mM]\b|\d:\d\d|\d\s?o['’]clock")
_CLOCK_WORDS = frozenset({"noon", "midday", "midnight", "past", "quarter", "clock"})
# RMB860 billion, HKD5bn: a currency code glued to its amount
_CURRENCY_CODE = re.compile(
    rf"\b(?:RMB|CNY|USD|HKD|EUR|GBP|JPY|AUD|CAD|SGD|CHF)\s?(?P<digits>{_DIGITS})"
    r"(?:[\s-]+(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<short>bn|mn|m)\b)?"
)
# Article IV, Phase II, Basel III: a Roman numeral after the word it numbers
_ROMAN = re.compile(
    r"\b(?:Article|Phase|Part|Chapter|Section|Title|Type|Stage|Grade|Class|Level|Schedule|Annex|Appendix|War|Round|"
    r"Pillar|Tier|Basel|Volume|Book|Act)\s+(?P<roman>[IVX]{1,5})\b"
)
ROMAN = {"I": 1, "V": 5, "X": 10}
_ROUND_THE_CLOCK = re.compile(r"\b24\s?/\s?7\b|\b24-7\b|\b24/365\b")  # for 全天候, not numbers
# first quarter, Q3, 2nd quarter
_NTH_WORD = r"first|second|third|fourth|1st|2nd|3rd|4th"
_QUARTER = re.compile(
    rf"\b(?P<nth>{_NTH_WORD})(?:(?:\s+and|\s+to|,)\s+(?:the\s+)?(?P<nth2>{_NTH_WORD}))?[\s-]+quarters?\b|\bQ(?P<q>[1-4])\b",
    re.IGNORECASE,
)
_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|final)\s+$", re.IGNORECASE)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# a third of, one-third, two-thirds, three quarters, 1/3, half
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
_FRACTION = re.compile(
    r"(?P<lead>\b(?:by|about|nearly|almost|roughly|around|over|than|some|approximately|only|just|least|to)\s+)?"
    r"\b(?P<num>a|an|one|two|three|four|five|seven|nine|the\s+(?:first|last|final|top|bottom|other))[\s-]+"
    r"(?P<den>halves|half|thirds?|quarters?|fourths?|"
    r"fifths?|tenths?)\b(?P<of>\s+of\b)?|(?<![\d/])(?P<n>\d{1,2}) ?/ ?(?P<d>\d{1,2})(?![\d/])",
    re.IGNORECASE,
)
# doubled, tripled, twofold, halved: a multiplicative is a number (2) and a growth (100%)
MULTIPLIED = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5, "halved": 0.5}
FOLD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_MULTIPLIED = re.compile(
    r"\b(?P<word>doubled|tripled|trebled|quadrupled|quintupled|halved)\b"
    r"|\b(?P<fold>two|three|four|five|six|seven|eight|nine|ten|\d+)[\s-]?fold\b",
    re.IGNORECASE,
)
# hundreds, several thousand, tens of thousands: the size of a rough amount
_ORDERS = {"dozen": 10, "dozens": 10, "tens": 10, "scores": 10, "hundred": 100, "hundreds": 100, "thousand": 1000,
           "thousands": 1000, "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9}  # fmt: skip
_ORDER = re.compile(
    r"\b(?:(?:several|a\s+few|some)\s+(?P<few>dozen|hundred|thousand|million|billion)"
    r"|(?P<many>tens|hundreds)\s+of\s+(?P<of>thousands|millions|billions)"
    r"|(?P<plural>dozens|hundreds|thousands|millions|billions))\b(?!\s+(?:of\s+)?(?:dollars|yuan)\b)",
    re.IGNORECASE,
)
# $20m, 5bn, €3bn, 12k: magnitudes written short (m and b only after a currency sign: 100m is metres)
_SHORT_MAGNITUDE = re.compile(
    r"(?<![\w.])(?P<currency>US\$|HK\$|[$€£¥])?(?P<digits>\d+(?:\.\d+)?)\s?(?P<suffix>bn|tn|mn|m|b|k)\b"
)
_SHORT_SCALES = {"k": 1_000, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
# a number glued to a unit (500Mbps, 10km, 5G): the number pairs, but is never reported as added
_GLUED = re.compile(r"(?<![\w.])(?P<digits>\d+(?:\.\d+)?)(?=[A-Za-z])(?!(?:st|nd|rd|th|s)\b)[A-Za-z]+")
_GLUED_HINT = re.compile(r"\d(?:[A-Za-z]|\s(?:bn|tn|mn|m|b|k|s)\b)")  # what the three patterns around it need
_DECADE = re.compile(r"(?<![\w.])['’]?(?P<digits>\d{2}|\d{4})['’]? ?s\b")  # MT writes "the 1970 s"


def parse_number_words(words: list[str]) -> int | None:
    """["two", "hundred", "and", "fifty"] → 250; ["twelve", "thousand"] → 12000; ["a", "million"] → 10**6.

    None where the words are no number, or name one of LARGEST or more ("hundred hundred hundred…", a loop)."""
    total = current = 0
    seen = False
    for raw in words:
        word = raw.lower()
        if word == "and":
            continue
        if word == "a":
            current = 1
        elif word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ORDINALS:
            current += ORDINALS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        if total + current >= LARGEST:
            return None
        seen = True
    return total + current if seen else None


_LETTERS = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset([*ONES, *TENS, *ORDINALS, *SCALES])
_COUNT_WORDS = frozenset(COUNT_WORDS)
_MONTH_WORDS = frozenset(MONTHS) | {"sept"}


def english_quantities(text: str) -> tuple[Quantity, ...]:
    """The quantities of an English text: from the native core where it covers the text, else the reference."""
    return _quantities(text, engine_name())


@lru_cache(maxsize=512)  # the number checks (TC202–TC205, TC213) read the same target in turn; per engine
def _quantities(text: str, engine: str) -> tuple[Quantity, ...]:
    reader = _native_reader(native_core())
    read = reader.quantities(text) if reader is not None else None  # None: a text the core does not cover
    return _english_quantities_python(text) if read is None else from_native(text, read)


def _english_quantities_python(text: str) -> tuple[Quantity, ...]:
    """english_quantities in Python: the reference the native core is held equal to."""
    # the word patterns are slow alternations: run each only where one of its words occurs
    has_digits = bool(_ANY_DIGIT.search(text))
    vocabulary = set(_LETTERS.findall(text.lower())) & _TRIGGER_WORDS
    if not has_digits and not vocabulary and "‰" not in text:
        return ()  # most English sentences name no number at all
    found: list[Quantity] = []
    taken = [False] * len(text)

    def keep(quantities: Iterable[Quantity]) -> None:
        # what one reader finds on one span ("the second and third quarters": two) is kept together
        fresh = [q for q in quantities if not any(taken[q.start : q.end])]
        for quantity in fresh:
            if measurable(quantity):  # what is too large was read, and is no quantity
                found.append(quantity)
            taken[quantity.start : quantity.end] = [True] * (quantity.end - quantity.start)

    for match in _ROUND_THE_CLOCK.finditer(text) if "24" in text else ():
        taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    if has_digits and not vocabulary.isdisjoint(_CURRENCY_CODES):
        keep(_currency_codes(text))
    if not vocabulary.isdisjoint(_ROMAN_WORDS):
        keep(_romans(text))
    if not vocabulary.isdisjoint(("quarter", "quarters", "q")):
        keep(_quarters(text))
    if has_digits:
        keep(Quantity(0.0, start, end, text[start:end], kind) for start, end, kind in code_spans(text, chinese=False))
    if (has_digits and _CLOCK_HINT.search(text)) or not vocabulary.isdisjoint(_CLOCK_WORDS):
        keep(_clocks(text))
    if "quarter" in vocabulary or "quarters" in vocabulary:
        keep(_quarter_of(text))
    if "half" in vocabulary:
        keep(Quantity(1.5, *m.span(), m.group(), strong=False) for m in _UNIT_AND_A_HALF.finditer(text))
        keep(_and_a_half(text))
    if not vocabulary.isdisjoint(_FRACTION_WORDS) or "/" in text:
        keep(_fractions(text))
    if not vocabulary.isdisjoint(_MULTIPLIED_WORDS):
        keep(_multiplied(text))
    if not vocabulary.isdisjoint(_ORDERS):
        keep(_orders(text))
    if "‰" in text or "thousand" in vocabulary or "mille" in vocabulary:
        keep(_per_mille(text))
    if "000" in text:
        keep(_per_base(text))
    if has_digits and "-" in text:
        keep(_iso_dates(text))
    if has_digits and ("." in text or "/" in text):
        keep(month_years(text))
    if not vocabulary.isdisjoint(ANNIVERSARIES):
        keep(_anniversaries(text))
    if has_digits:
        glued = _GLUED_HINT.search(text)
        if glued:
            keep(_short_magnitudes(text))
            keep(_decades(text))
        keep(_digit_numbers(text))
        if glued:
            keep(_glued(text))
    if not vocabulary.isdisjoint(("decades", "centuries", "dozen")):
        keep(_counted_units(text))
    if (" in " in text or " out of " in text) and (has_digits or not vocabulary.isdisjoint(_NUMBER_WORDS)):
        keep(_one_in(text))
    if has_digits and "." in text:
        keep(Quantity(float("0." + m["digits"]), *m.span(), m.group()) for m in _BARE_DECIMAL.finditer(text))
    if not vocabulary.isdisjoint(_NUMBER_WORDS):
        keep(_word_numbers(text))
    if not vocabulary.isdisjoint(_COUNT_WORDS):
        keep(
            Quantity(float(COUNT_WORDS[m.group().lower()]), *m.span(), m.group(), strong=False)
            for m in _COUNT_WORD.finditer(text)
        )
    if not vocabulary.isdisjoint(_MONTH_WORDS):
        keep(_months(text))
    if not vocabulary.isdisjoint(_WEEKDAY_WORDS):
        keep(
            Quantity(float(WEEKDAYS[m.group().lower().rstrip("s")]), *m.span(), m.group(), WEEKDAY)
            for m in _WEEKDAY.finditer(text)
        )
    found.sort(key=lambda q: q.start)
    shared = _readings_in_context(_share_scale(found, text), text) if has_digits else _share_scale(found, text)
    return tuple(_conversions(shared, text) if "(" in text else shared)


_CURRENCY_CODES = frozenset(("rmb", "cny", "usd", "hkd", "eur", "gbp", "jpy", "aud", "cad", "sgd", "chf"))


def _currency_codes(text: str) -> Iterator[Quantity]:
    for match in _CURRENCY_CODE.finditer(text):
        value = float(_UNGROUPED.sub("", match["digits"]))
        scale = (
            SCALES[match["scale"].lower()] if match["scale"] else _SHORT_SCALES[match["short"]] if match["short"] else 1
        )
        start = match.start("digits")
        yield Quantity(
            value * scale, start, match.end(), text[start : match.end()], mantissa=value if scale > 1 else None
        )


def roman_value(numeral: str) -> int:
    values = [ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _romans(text: str) -> Iterator[Quantity]:
    for match in _ROMAN.finditer(text):
        yield Quantity(float(roman_value(match["roman"])), *match.span("roman"), match["roman"], strong=False)


_ROMAN_WORDS = frozenset(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"))


def _quarter_of(text: str) -> Iterator[Quantity]:
    for match in _QUARTER_OF.finditer(text):
        mantissa = 0.75 if match["n"].lower() == "three" else 0.25
        value = mantissa * SCALES[match["scale"].lower()]
        yield Quantity(value, *match.span(), match.group(), mantissa=mantissa)


def _quarters(text: str) -> Iterator[Quantity]:
    for match in _QUARTER.finditer(text):
        numbers = [int(match["q"])] if match["q"] else [_NTH[g.lower()] for g in (match["nth"], match["nth2"]) if g]
        for number in numbers:  # "the second and third quarters"
            yield Quantity(float(number), *match.span(), match.group(), QUARTER)


def _clocks(text: str) -> Iterator[Quantity]:
    from termcheck.numbers.chinese import clock_minutes

    for match in _CLOCK.finditer(text):
        if match["word"]:
            minutes = 0 if match["word"].lower() == "midnight" else 720
            yield Quantity(float(minutes), *match.span(), match.group(), TIME, strong=False)
            continue
        if match["spoken"]:
            spoken = match["spoken"].lower()
            hour = int(spoken) if spoken.isdigit() else ONES.get(spoken) or {"eleven": 11, "twelve": 12}[spoken]
            minute = 30 if match["past"] == "half" else 15 if match["past"] else 45
            hour = hour - 1 if match["to"] else hour
            daypart = (match["daypart"] or "").lower()
            part = "am" if daypart == "morning" else "pm" if daypart or match["night"] else None
        else:
            hour = int(match["hour"] or match["hh"])
            minute = int(match["minute"] or match["mm"] or 0)
            ampm = (match["ampm"] or "").lower()
            part = "am" if ampm.startswith("a") else "pm" if ampm.startswith("p") else None
        if part and not 1 <= hour <= 12:
            continue
        if part == "pm" and hour == 12:
            part = "noon"
        readings = clock_minutes(hour, minute, part)
        alternatives: tuple[Reading, ...] = tuple((TIME, float(r)) for r in readings[1:])
        if match["oclock"]:
            alternatives += ((NUMBER, float(hour)),)
        yield Quantity(float(readings[0]), *match.span(), match.group(), TIME, alternatives=alternatives)


def _and_a_half(text: str) -> Iterator[Quantity]:
    for match in _AND_A_HALF.finditer(text):
        whole = match["whole"] or "0"
        words_value = None if whole[0].isdigit() else parse_number_words([whole])
        if not whole[0].isdigit() and words_value is None:
            continue
        base = float(whole.replace(",", "")) if words_value is None else float(words_value)
        mantissa = base + 0.5  # "two and a half million", "half a million", "two and a half years"
        if match["scale"]:
            yield Quantity(mantissa * SCALES[match["scale"].lower()], *match.span(), match.group(), mantissa=mantissa)
        elif match["whole"]:
            yield Quantity(mantissa, *match.span(), match.group(), strong=mantissa >= 10)


def _fractions(text: str) -> Iterator[Quantity]:
    for match in _FRACTION.finditer(text):
        if match["n"]:
            numerator, denominator = int(match["n"]), int(match["d"])
            if not 0 < numerator < denominator:
                continue
        else:
            word, den = match["num"].lower(), match["den"].lower()
            numerator = 1 if word in ("a", "an") or word.startswith("the") else ONES[word]
            if word.startswith("the"):
                word = "a"  # "the last third of": a share only before "of"
            denominator = _FRACTION_WORDS[den]
            singular = not den.endswith("s")
            if word in ("a", "an") and not match["of"] and not match["lead"] and den != "half":
                continue  # "a third party", "a quarter century": an ordinal or a period, not a share
            if den.startswith("quarter") and (
                (not match["of"] and "-" not in match.group()) or _PERIOD_BEFORE.search(text, 0, match.start())
            ):
                continue  # "the first three quarters (of the year)" are periods
            if (numerator > 1 and singular) or numerator >= denominator:
                continue
        share = numerator / denominator
        percent = 100 * share
        alternatives = ((NUMBER, float(round(percent))), (NUMBER, round(percent, 1)), (NUMBER, float(int(percent))))
        strong = denominator != 2
        start = match.start("num") if match["num"] else match.start()
        yield Quantity(
            share, start, match.end(), text[start : match.end()], FRACTION, strong, alternatives=alternatives
        )


_MULTIPLIED_WORDS = frozenset([*MULTIPLIED, "fold", *(f"{word}fold" for word in FOLD)])


def _multiplied(text: str) -> Iterator[Quantity]:
    for match in _MULTIPLIED.finditer(text):
        if match["word"]:
            times = float(MULTIPLIED[match["word"].lower()])
        else:
            fold = match["fold"].lower()
            times = float(fold) if fold.isdigit() else float(FOLD[fold])
        growth = 100 * (times - 1)
        yield Quantity(times, *match.span(), match.group(), alternatives=((NUMBER, growth),))


def _orders(text: str) -> Iterator[Quantity]:
    for match in _ORDER.finditer(text):
        if match["many"]:
            size = _ORDERS[match["many"].lower()] * _ORDERS[match["of"].lower()]
        else:
            size = _ORDERS[(match["few"] or match["plural"]).lower()]
        yield Quantity(float(size), *match.span(), match.group(), ORDER)


def _counted_units(text: str) -> Iterator[Quantity]:
    for match in _COUNTED_UNITS.finditer(text):
        number = match["n"].lower()
        count = float(number) if number.isdigit() else float(ONES[number])
        yield Quantity(count * _MANY_UNITS[match["unit"].lower()], *match.span(), match.group(), strong=False)


def _one_in(text: str) -> Iterator[Quantity]:
    for match in _ONE_IN.finditer(text):
        if len(match["d"]) > LONGEST_DIGITS:
            continue  # an identifier, no number
        numerator, denominator = (int(g) if g.isdigit() else ONES[g.lower()] for g in (match["n"], match["d"]))
        if 0 < numerator < denominator:
            share = numerator / denominator
            percent = 100 * share
            alternatives = ((NUMBER, float(round(percent))), (NUMBER, round(percent, 1)))
            yield Quantity(share, *match.span(), match.group(), FRACTION, alternatives=alternatives)


def _per_mille(text: str) -> Iterator[Quantity]:
    for match in _PER_MILLE.finditer(text):
        number = match["n"].lower()
        value = float(number) if number[0].isdigit() else float(ONES[number])
        yield Quantity(value / 10, *match.span(), match.group())


def _per_base(text: str) -> Iterator[Quantity]:
    for match in _PER_BASE.finditer(text):
        number = match["n"].lower()
        value = float(number) if number[0].isdigit() else float(ONES[number])
        yield Quantity(value * 100 / int(match["base"].replace(",", "")), *match.span(), match.group())


def _iso_dates(text: str) -> Iterator[Quantity]:
    """2021-03-05 is 2021年3月5日: a year, a month and a day."""
    for match in _ISO_DATE.finditer(text):
        yield Quantity(float(match["year"]), *match.span("year"), match["year"])
        yield Quantity(float(match["month"]), *match.span("month"), match["month"], MONTH)
        yield Quantity(float(match["day"]), *match.span("day"), match["day"])


def _anniversaries(text: str) -> Iterator[Quantity]:
    for match in _ANNIVERSARY.finditer(text):
        yield Quantity(float(ANNIVERSARIES[match.group().lower()]), *match.span(), match.group())


def _short_magnitudes(text: str) -> Iterator[Quantity]:
    for match in _SHORT_MAGNITUDE.finditer(text):
        suffix = match["suffix"]
        if suffix in ("m", "b") and not match["currency"]:
            continue  # 100m is a distance, 5b a grade
        mantissa = float(match["digits"])
        start = match.start("digits")
        yield Quantity(
            mantissa * _SHORT_SCALES[suffix], start, match.end(), text[start : match.end()], mantissa=mantissa
        )


def _decades(text: str) -> Iterator[Quantity]:
    for match in _DECADE.finditer(text):
        value = int(match["digits"])
        if value % 10 == 0 and (value < 100 or value >= 1000):
            yield Quantity(float(value % 100), *match.span(), match.group(), DECADE)


def _digit_numbers(text: str) -> Iterator[Quantity]:
    for match in _DIGIT_NUMBER.finditer(text):
        value = float(_UNGROUPED.sub("", match["digits"]))
        scale = SCALES[match["scale"].lower()] if match["scale"] else 1
        if match["suffix"] == "s":
            continue  # a decade is read above; "Ps" and the like are not numbers
        yield Quantity(value * scale, *match.span(), match.group(), mantissa=value if scale > 1 else None)


def _glued(text: str) -> Iterator[Quantity]:
    for match in _GLUED.finditer(text):
        end = match.start() + len(match["digits"])
        yield Quantity(float(match["digits"]), match.start(), end, match["digits"], strong=False)


def _word_numbers(text: str) -> Iterator[Quantity]:
    for match in _WORD_NUMBER.finditer(text):
        for start, end in _split_after_ordinals(match):
            written = text[start:end]
            words = re.split(r"[\s-]+", written)
            number = parse_number_words(words)
            if number is None:
                continue
            last = words[-1].lower()
            scaled = last in SCALES and last != "hundred" and len(words) > 1
            before_scale = float(parse_number_words(words[:-1]) or 1) if scaled else None
            strong = number >= 10 and written.lower() not in ("second", "hundred", "thousand", "million", "billion")
            yield Quantity(float(number), start, end, written, NUMBER, strong, before_scale)


_WORD_SPLIT = re.compile(r"[^\s-]+")


def _split_after_ordinals(match: re.Match[str]) -> list[tuple[int, int]]:
    """ "the first three days" is 1 and 3, "one second" 1 and 2, not 4 and 3: an ordinal ends a number and
    starts one after a space ("twenty-first" and "twenty first" stay 21)."""
    pieces: list[tuple[int, int]] = []
    start = match.start()
    previous = ""
    for word in _WORD_SPLIT.finditer(match.group()):
        here = match.start() + word.start()
        lowered = word.group().lower()
        if lowered in ORDINALS and previous in ONES and match.string[here - 1] != "-" and here > start:
            pieces.append((start, here))
            start = here
        end = match.start() + word.end()
        if lowered in ORDINALS and end < match.end():
            pieces.append((start, end))
            rest = match.group()[word.end() :]
            start = end + len(rest) - len(rest.lstrip(" \t\n-"))
        previous = lowered
    pieces.append((start, match.end()))
    text = match.string
    # "twenty seconds" can match as "twenty " when "second" looked ahead: trim what follows the last word
    return [(s, s + len(text[s:e].rstrip(" \t\n-"))) for s, e in pieces if text[s:e].strip(" \t\n-")]


def _months(text: str) -> Iterator[Quantity]:
    for match in _MONTH.finditer(text):
        word_end = match.end("month") if match["month"] else match.end("ambiguous")
        name_too = match.group().rstrip(".").lower() in _GIVEN_NAMES
        if name_too and _NAMED.match(text, word_end) and not _DATE_FOLLOWS.match(text, word_end):
            continue  # June Almeida, March Madness: a name
        if match["ambiguous"] in ("March", "MARCH") and not _NOT_THE_MONTH.search(
            text[max(0, match.start() - 5) : match.start()]
        ):
            pass  # "March" is the month unless "the Long March", "the March" (a procession)
        elif match["ambiguous"] in ("May", "March") and not (
            _DATE_FOLLOWS.match(text, match.end())
            or _LEADS_TO_DATE.search(text[max(0, match.start() - 8) : match.start()])
        ):
            continue  # "the Long March", "it may": a month only beside a date or after "in", "since", "early"…
        name = (match["month"] or match["ambiguous"]).lower().rstrip(".")
        yield Quantity(float(MONTHS[name]), *match.span(), match.group(), MONTH)


# "42 km (26 miles)", "500 million yuan ($70 million)": a value converted beside the original
_BEFORE_CONVERSION = re.compile(
    r"\d[^()\d]{0,25}\(\s*(?:about|approximately|approx\.|around|roughly|some|nearly|~|≈)?\s*(?:US|HK|A|C)?[$€£¥]?\s*$",
    re.IGNORECASE,
)


def _conversions(found: list[Quantity], text: str) -> list[Quantity]:
    """A converted value in brackets beside the original is not a number of its own: never reported added."""
    kept = list(found)
    for index, quantity in enumerate(kept):
        if (
            quantity.strong
            and quantity.kind == NUMBER
            and text.rfind("(", max(0, quantity.start - 16), quantity.start) != -1
            and _BEFORE_CONVERSION.search(text[max(0, quantity.start - 40) : quantity.start])
            and ")" in text[quantity.end : quantity.end + 30]
        ):
            kept[index] = replace(quantity, strong=False)
    return kept


_SHORT_YEAR_RANGE = re.compile(r"\s?[-–—/]\s?$")
# "26 kilobases", "12 GW", "32 km": a unit with a metric prefix carries a magnitude of its own
_PREFIXED_UNIT = re.compile(
    r"\s?(?:(?P<kilo>kilo[a-z]*|k[mgbwlB]|kWh?)|(?P<mega>mega[a-z]*|M[Wb]|MWh)|(?P<giga>giga[a-z]*|G[Wb]|GWh))\b"
)
_PREFIX_SCALE = {"kilo": 1e3, "mega": 1e6, "giga": 1e9}


def _readings_in_context(found: list[Quantity], text: str) -> list[Quantity]:
    """Readings that the words around a number give: "2010–11" is 2011, "26 kilobases" 26,000 bases."""
    kept = list(found)
    for index, quantity in enumerate(kept):
        if quantity.kind != NUMBER:
            continue
        extra: list[Reading] = []
        previous = kept[index - 1] if index else None
        if (
            previous is not None
            and previous.kind == NUMBER
            and 1900 <= previous.value <= 2099
            and quantity.value < 100
            and len(quantity.text) == 2
            and _SHORT_YEAR_RANGE.search(text[previous.end : quantity.start])
        ):
            extra.append((NUMBER, previous.value // 100 * 100 + quantity.value))
        unit = _PREFIXED_UNIT.match(text, quantity.end)
        following = kept[index + 1] if index + 1 < len(kept) else None
        if not unit and following is not None and _RANGE_GAP.fullmatch(text[quantity.end : following.start]):
            unit = _PREFIXED_UNIT.match(text, following.end)  # "26 to 32 kilobases"
        if unit:
            scale = next(_PREFIX_SCALE[name] for name in ("kilo", "mega", "giga") if unit[name])
            # in base units (26 kilobases for 2.6万个碱基) or in kilo-units (12 GW for 1200万千瓦)
            extra += [(NUMBER, quantity.value * scale), (NUMBER, quantity.value * scale / 1000)]
        if extra:
            kept[index] = replace(quantity, alternatives=quantity.alternatives + tuple(extra))
    return kept


def _share_scale(found: list[Quantity], text: str) -> list[Quantity]:
    """In "14 to 22 million" the first number is millions too."""
    shared = list(found)
    for index in range(len(shared) - 1, 0, -1):
        first, second = shared[index - 1], shared[index]
        if (
            second.mantissa  # neither None nor 0: "0 million" scales nothing
            and first.mantissa is None
            and first.kind == second.kind == NUMBER
            and first.value < 1000
            and _RANGE_GAP.fullmatch(text[first.end : second.start])
        ):
            scale = second.value / second.mantissa
            shared[index - 1] = replace(first, value=first.value * scale, mantissa=first.value)
    return shared


# every word that one of the readers above starts from: a sentence with none of them and no digit has no number
_TRIGGER_WORDS = frozenset().union(
    _CURRENCY_CODES,
    _ROMAN_WORDS,
    ("quarter", "quarters", "q", "half", "thousand", "mille", "decades", "centuries", "dozen"),
    ANNIVERSARIES,
    _CLOCK_WORDS,
    _FRACTION_WORDS,
    _MULTIPLIED_WORDS,
    _ORDERS,
    _NUMBER_WORDS,
    _COUNT_WORDS,
    _MONTH_WORDS,
    _WEEKDAY_WORDS,
)


# by the core's id: one reader per process; None for a core built before it had the reader
_NATIVE_READERS: dict[int, EnglishNumberReader | None] = {}


def _native_reader(core: NativeCore | None) -> EnglishNumberReader | None:
    if core is None:
        return None
    if id(core) not in _NATIVE_READERS:
        has_reader = hasattr(core, "EnglishNumberReader")
        _NATIVE_READERS[id(core)] = _new_native_reader(core) if has_reader else None
    return _NATIVE_READERS[id(core)]


def _rust(pattern: re.Pattern[str]) -> str:
    """A pattern in the syntax of the native core's regex crates: IGNORECASE as an inline flag."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"flags the native core does not take: {pattern.pattern}")
    return ("(?i)" if pattern.flags & re.IGNORECASE else "") + pattern.pattern


def _at_end(pattern: re.Pattern[str]) -> str:
    """A pattern ending in $, which in Python also matches before a final newline."""
    return _rust(pattern).removesuffix("$") + r"\n?\z"


def _at_start(pattern: re.Pattern[str]) -> str:
    """For pattern.match(text, pos), searched from pos (the pattern looks at nothing before its start)."""
    flags = "(?i)" if pattern.flags & re.IGNORECASE else ""
    return rf"{flags}\A(?:{pattern.pattern})"


# Ranges of the non-ASCII characters that Python's re and the Rust regex crates class alike (\w, \s, \d,
# \b, ignoring case): letters, spaces and punctuation of the common scripts. Left out: numerals that are no
# decimal digits (², ½: \w only in Python), combining marks, joiners and connector punctuation (\w only in
# Rust), other decimal digits (Python's float() reads them), ſ, ı, İ and the Kelvin sign (which match s, i
# or k ignoring case in one engine only), and \x1c-\x1f (\s only in Python).
_SAFE = (
    ("\x00", "\x1b"), ("\x20", "\xb1"), ("\xb4", "\xb8"), ("\xba", "\xbb"), ("\xbf", "\u012f"),
    ("\u0132", "\u017e"), ("\u0180", "\u024f"), ("\u0370", "\u03ff"), ("\u2000", "\u200b"),
    ("\u200e", "\u203e"), ("\u2041", "\u2053"), ("\u2055", "\u206f"), ("\u20a0", "\u20cf"),
    ("\u2190", "\u23ff"), ("\u2500", "\u25ff"), ("\u3000", "\u3029"), ("\u3030", "\u303f"),
    ("\u4e00", "\u9fff"), ("\uff01", "\uff0f"), ("\uff1a", "\uff1f"),
)  # fmt: skip


def _new_native_reader(core: NativeCore) -> EnglishNumberReader:
    """The native core's reader, given Python's patterns, tables and word lists."""
    codes = native_code_patterns(chinese=False)
    patterns = {
        "round_the_clock": _rust(_ROUND_THE_CLOCK),
        "currency_code": _rust(_CURRENCY_CODE),
        "roman": _rust(_ROMAN),
        "quarter": _rust(_QUARTER),
        **{name: codes[name] for name in ("code_hint", "codes", "space_grouped", "digit_runs", "years")},
        "clock_hint": _rust(_CLOCK_HINT),
        "clock": _rust(_CLOCK),
        "quarter_of": _rust(_QUARTER_OF),
        "unit_and_a_half": _rust(_UNIT_AND_A_HALF),
        "and_a_half": _rust(_AND_A_HALF),
        "fraction": _rust(_FRACTION),
        "period_before": _at_end(_PERIOD_BEFORE),
        "multiplied": _rust(_MULTIPLIED),
        "order": _rust(_ORDER),
        "per_mille": _rust(_PER_MILLE),
        "per_base": _rust(_PER_BASE),
        "iso_date": _rust(_ISO_DATE),
        "month_year_hint": _rust(MONTH_YEAR_HINT),
        "month_year": _rust(MONTH_YEAR),
        "anniversary": _rust(_ANNIVERSARY),
        "glued_hint": _rust(_GLUED_HINT),
        "short_magnitude": _rust(_SHORT_MAGNITUDE),
        "decade": _rust(_DECADE),
        "digit_number": _rust(_DIGIT_NUMBER),
        "glued": _rust(_GLUED),
        "counted_units": _rust(_COUNTED_UNITS),
        "one_in": _rust(_ONE_IN),
        "bare_decimal": _rust(_BARE_DECIMAL),
        "word_number": _rust(_WORD_NUMBER),
        "word_split": _rust(_WORD_SPLIT),
        "word_separator": r"[\s-]+",  # _word_numbers' re.split
        "count_word": _rust(_COUNT_WORD),
        "month": _rust(_MONTH),
        "named": _at_start(_NAMED),
        "date_follows": _at_start(_DATE_FOLLOWS),
        "not_the_month": _at_end(_NOT_THE_MONTH),
        "leads_to_date": _at_end(_LEADS_TO_DATE),
        "weekday": _rust(_WEEKDAY),
        "range_gap": rf"\A(?:{_RANGE_GAP.pattern})\z",  # fullmatch
        "short_year_range": _at_end(_SHORT_YEAR_RANGE),
        "prefixed_unit": _at_start(_PREFIXED_UNIT),
        "before_conversion": _at_end(_BEFORE_CONVERSION),
    }
    numbers = {
        "ones": ONES, "tens": TENS, "ordinals": ORDINALS, "scales": SCALES, "months": MONTHS, "weekdays": WEEKDAYS,
        "count_words": COUNT_WORDS, "roman": ROMAN, "orders": _ORDERS, "nth": _NTH, "fraction_words": _FRACTION_WORDS,
        "short_scales": _SHORT_SCALES, "many_units": _MANY_UNITS, "anniversaries": ANNIVERSARIES, "fold": FOLD,
    }  # fmt: skip
    floats = {"multiplied": {word: float(times) for word, times in MULTIPLIED.items()}, "prefix_scale": _PREFIX_SCALE}
    words = {
        "currency_codes": _CURRENCY_CODES,
        "roman_words": _ROMAN_WORDS,
        "quarter_cues": ("quarter", "quarters", "q"),
        "quarter_words": ("quarter", "quarters"),
        "half": ("half",),
        "fraction_words": _FRACTION_WORDS,
        "multiplied_words": _MULTIPLIED_WORDS,
        "orders": _ORDERS,
        "per_mille": ("thousand", "mille"),
        "anniversaries": ANNIVERSARIES,
        "counted": ("decades", "centuries", "dozen"),
        "clock_words": _CLOCK_WORDS,
        "number_words": _NUMBER_WORDS,
        "count_words": _COUNT_WORDS,
        "month_words": _MONTH_WORDS,
        "weekday_words": _WEEKDAY_WORDS,
        "given_names": _GIVEN_NAMES,
    }
    assert set().union(*(group for name, group in words.items() if name != "given_names")) == _TRIGGER_WORDS
    return core.EnglishNumberReader(
        patterns, numbers, floats, {name: sorted(group) for name, group in words.items()}, _SAFE, LONGEST_DIGITS
    )
