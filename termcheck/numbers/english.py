"""Numbers in English text: digits, number words, scale words, percentages, ordinals, months.

Number words under ten ("one", "a", "first") are weak: they pair with a source number but are never
reported on their own, because English uses them where Chinese has no number at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from termcheck.numbers.quantity import MONTH, NUMBER, Quantity

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
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
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)s?\b)?"
_DIGIT_NUMBER = re.compile(
    rf"(?<![\w.])(?<![A-Z]-)(?<![A-Z][a-z]-)(?P<digits>{_DIGITS})(?P<suffix>st|nd|rd|th|s|%)?(?!\w)(?!\.\d)\+?{_SCALE}"
)
_WORD_NUMBER = re.compile(
    rf"\b(?:a\s+(?=(?:hundred|thousand|million|billion|trillion)\b))?(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?(?={_WORD}))?)+\b",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(
    rf"\b(?:(?P<whole>{_DIGITS}|{_WORD})\s+and\s+a\s+|(?P<alone>))half\s+(?:a\s+)?(?P<scale>thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|and|or)\s*")
# words that stand for a number: "the next decade" for 十年, "three times" written "thrice"
COUNT_WORDS = {"decade": 10, "century": 100, "dozen": 12, "twice": 2, "thrice": 3, "double": 2, "triple": 3}
_COUNT_WORD = re.compile(r"\b(?:" + "|".join(COUNT_WORDS) + r")\b", re.IGNORECASE)
_MONTH = re.compile(
    r"\b(?P<month>January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|\bMay\b(?=\s+\d)|(?<=\d\s)May\b"
)


def parse_number_words(words: list[str]) -> int | None:
    """["two", "hundred", "and", "fifty"] → 250; ["twelve", "thousand"] → 12000; ["a", "million"] → 10**6."""
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
        seen = True
    return total + current if seen else None


_LETTERS = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset([*ONES, *TENS, *ORDINALS, *SCALES])
_COUNT_WORDS = frozenset(COUNT_WORDS)
_MONTH_WORDS = frozenset(MONTHS) | {"sept"}


def english_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken = [False] * len(text)
    # the word patterns are slow alternations: run each only where one of its words occurs
    vocabulary = set(_LETTERS.findall(text.lower()))
    has_number_words = not vocabulary.isdisjoint(_NUMBER_WORDS)
    for match in _AND_A_HALF.finditer(text) if "half" in vocabulary else ():
        whole = match["whole"] or "0"
        words_value = None if whole[0].isdigit() else parse_number_words([whole])
        if not whole[0].isdigit() and words_value is None:
            continue
        base = float(whole.replace(",", "")) if words_value is None else float(words_value)
        mantissa = base + 0.5  # "two and a half million", "half a million"
        found.append(
            Quantity(
                mantissa * SCALES[match["scale"].lower()], match.start(), match.end(), match.group(), mantissa=mantissa
            )
        )
        taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _DIGIT_NUMBER.finditer(text) if _ANY_DIGIT.search(text) else ():
        if any(taken[match.start() : match.end()]):
            continue
        value = float(match["digits"].replace(",", ""))
        scale = SCALES[match["scale"].lower()] if match["scale"] else 1
        if match["suffix"] == "s" and value < 1000:
            continue  # "the 90s" is a decade written short; "Ps" and the like are not numbers
        found.append(
            Quantity(value * scale, match.start(), match.end(), match.group(), mantissa=value if scale > 1 else None)
        )
        taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _WORD_NUMBER.finditer(text) if has_number_words else ():
        if any(taken[match.start() : match.end()]):
            continue
        words = re.split(r"[\s-]+", match.group())
        number = parse_number_words(words)
        if number is None:
            continue
        last = words[-1].lower()
        scaled = last in SCALES and last != "hundred" and len(words) > 1
        before_scale = float(parse_number_words(words[:-1]) or 1) if scaled else None
        strong = number >= 10 and match.group().lower() not in ("second", "hundred", "thousand", "million", "billion")
        found.append(Quantity(float(number), match.start(), match.end(), match.group(), NUMBER, strong, before_scale))
    for match in _COUNT_WORD.finditer(text) if not vocabulary.isdisjoint(_COUNT_WORDS) else ():
        count = COUNT_WORDS[match.group().lower()]
        found.append(Quantity(float(count), match.start(), match.end(), match.group(), NUMBER, strong=False))
    for match in _MONTH.finditer(text) if not vocabulary.isdisjoint(_MONTH_WORDS) else ():
        name = (match["month"] or "May").lower().rstrip(".")
        found.append(Quantity(float(MONTHS[name]), match.start(), match.end(), match.group(), MONTH))
    found.sort(key=lambda q: q.start)
    return _share_scale(found, text)


def _share_scale(found: list[Quantity], text: str) -> list[Quantity]:
    """In "14 to 22 million" the first number is millions too."""
    shared = list(found)
    for index in range(len(shared) - 1, 0, -1):
        first, second = shared[index - 1], shared[index]
        if (
            second.mantissa is not None
            and first.mantissa is None
            and first.kind == second.kind == NUMBER
            and first.value < 1000
            and _RANGE_GAP.fullmatch(text[first.end : second.start])
        ):
            scale = second.value / second.mantissa
            shared[index - 1] = replace(first, value=first.value * scale, mantissa=first.value)
    return shared
