"""Codes that contain digits but are not numbers: 5G, H7N9, Win11, PM2.5, 500Mbps, NMPA-2024-001,
version 2.3.1, 192.168.1.1, phone numbers (010-6523 4567, +86 10 6523 4567) and runs of more than
30 digits (identifiers: no quantity is that long).

Both sides of a segment keep them whole, so their digits are never read as numbers of their own;
a source code is there when every run of its digits is in the target (5G in "5G networks", Win11 in
"Windows 11", 500Mbps in "500 Mbps"), and a phone number when its digits are, however grouped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.numbers.quantity import LONGEST_DIGITS

# letters then digits (H7N9, Win11, PM2.5, Fig.2, COVID-19: a hyphen only after a capital)
_LETTERS_FIRST = r"(?:[A-Za-z]+\.?\d|[A-Za-z]*[A-Z][A-Za-z]*-\d)[A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?:~\d+)?"  # nsp1~16
# digits then letters (5G, 10G, 3D, 500Mbps): only read so in Chinese text, where English number
# suffixes (1990s, 20th, 5pm, 5bn) do not occur; not at the end of a range (0-100km/h, 2～3cm: two numbers
# and their unit)
_RANGE_BEFORE = r"(?<!\d[-–~～至到])(?<!\d[-–~～至到] )(?<!\d [-–~～至到] )"  # the dashes of chinese._QUANTITY
_DIGITS_FIRST = rf"{_RANGE_BEFORE}\d+(?:\.\d+)?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_DOTTED = r"\d+(?:\.\d+){2,}"  # 2.3.1, 192.168.1.1
_PHONE = r"(?:\+|00)?\(?\d[\d()\- ]{7,}\d"
_LONG_RUN = rf"\d{{{LONGEST_DIGITS + 1},}}(?:\.\d+)*"
_BOUNDARY_BEFORE = r"(?<![A-Za-z0-9.])"
_BOUNDARY_AFTER = r"(?![A-Za-z0-9])"
_CHINESE_CODES = re.compile(
    rf"{_BOUNDARY_BEFORE}(?:{_LONG_RUN}|(?P<phone>{_PHONE})|{_DOTTED}|{_LETTERS_FIRST}|{_DIGITS_FIRST}){_BOUNDARY_AFTER}"
)
_ENGLISH_CODES = re.compile(
    rf"{_BOUNDARY_BEFORE}(?:{_LONG_RUN}|(?P<phone>{_PHONE})|{_DOTTED}|{_LETTERS_FIRST}){_BOUNDARY_AFTER}"
)
CODE_HINT = re.compile(  # where a text may hold a code: what code_spans looks for first
    rf"[A-Za-z][-.]?\d|\d[A-Za-z]|\d\.\d+\.\d|\d{{2}}[ ()-]+\d{{3}}|1[3-9]\d{{9}}|0\d{{9}}|\d{{{LONGEST_DIGITS + 1}}}"
)
_DIGIT_RUNS = re.compile(r"\d+")
_YEARS = re.compile(r"(?:1[89]|20)\d\d")

_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+(?: ?[-–~] ?\d{1,3}(?: \d{3})+)?")

PHONE = "phone"
CODE = "code"


def native_code_patterns(chinese: bool = True) -> dict[str, str]:
    """The patterns of `code_spans`, in the syntax of the native core's regex crates."""
    return {
        "code_hint": CODE_HINT.pattern,
        "codes": (_CHINESE_CODES if chinese else _ENGLISH_CODES).pattern,
        "space_grouped": rf"\A(?:{_SPACE_GROUPED.pattern})\z",  # _is_phone's fullmatch
        "digit_runs": _DIGIT_RUNS.pattern,
        "years": rf"\A(?:{_YEARS.pattern})\z",
    }


def code_spans(text: str, chinese: bool = True) -> Iterator[tuple[int, int, str]]:
    """(start, end, "phone" | "code") for each code in `text`."""
    if not CODE_HINT.search(text):
        return
    pattern = _CHINESE_CODES if chinese else _ENGLISH_CODES
    for match in pattern.finditer(text):
        token = match.group().rstrip(".-")
        end = match.start() + len(token)
        if match["phone"]:
            if _is_phone(token):
                yield match.start(), end, PHONE
            continue
        yield match.start(), end, CODE  # every alternative of the patterns holds a digit


def _is_phone(token: str) -> bool:
    if _SPACE_GROUPED.fullmatch(token):
        return False  # 14 000-230 000 is a range of numbers grouped by thousands
    digits = "".join(_DIGIT_RUNS.findall(token))
    groups = _DIGIT_RUNS.findall(token)
    if len(groups) == 1 and not token.startswith(("+", "(")):
        return is_phone_digits(digits)
    if len(digits) < 9 or (
        len(groups) == 2 and all(g.endswith("000") for g in groups) and _below(groups[0], groups[1])
    ):
        return False  # 25000-68000 is a range of round numbers
    return not all(_YEARS.fullmatch(group) for group in groups)  # 1990-2000-2010 is years


def _below(digits: str, other: str) -> bool:
    """Whether one run of digits is a smaller number than another, however long they are."""
    digits, other = digits.lstrip("0"), other.lstrip("0")
    return (len(digits), digits) < (len(other), other)


def is_phone_digits(digits: str) -> bool:
    """A Chinese mobile number (11 digits from 13 to 19) or a number with its trunk zero (010…)."""
    return (len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789") or (
        digits.startswith("0") and len(digits) >= 10
    )


def phone_key(token: str) -> str:
    """The digits that identify a phone number: no country code 86, no trunk zero."""
    digits = "".join(_DIGIT_RUNS.findall(token))
    if token.startswith(("+86", "0086", "(+86")):
        digits = digits[2:] if not digits.startswith("0086") else digits[4:]
    return digits.lstrip("0")


def digit_runs(token: str) -> list[str]:
    """The runs of digits in `token` without their leading zeros ("007" is "7"): compared as text, since a
    run may be longer than any number."""
    return [canonical_digits(run) for run in _DIGIT_RUNS.findall(token)]


def canonical_digits(run: str) -> str:
    return run.lstrip("0") or "0"
