"""What a numeral in Chinese text is, as a regular-expression fragment: one definition for every reader.

A numeral starts where its run starts: an Arabic numeral never right after a digit (nor inside a grouped or
decimal number, 1,234,567 or 3.14), a Chinese one never right after a Chinese numeral (3万五千 may go on
after 3万). A run longer than LONGEST_DIGITS Arabic digits or LONGEST_CHINESE Chinese numerals is no
numeral at all: an identifier or noise (codes.py keeps long digit runs whole). Both rules keep every
search linear in the text: a pattern that fails after a numeral is tried once per run, not once per
character of it, and each try reads a bounded stretch.
"""

from __future__ import annotations

from termcheck.numbers.quantity import LONGEST_DIGITS

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
TENS = {"廿": 20, "卅": 30, "卌": 40}  # 廿一世纪 is the 21st century
MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
CN = "".join([*DIGITS, *UNITS, *TENS, *MAGNITUDES])
# A run of more Chinese numerals than this is a repetition loop or a list of digits, never one number.
LONGEST_CHINESE = 60
# Thousands groups after a leading one to three digits: LONGEST_DIGITS digits in all.
_MOST_GROUPS = (LONGEST_DIGITS - 1) // 3

_SPACES = " \u00a0\u2009\u202f"  # 25 000 is 25,000
# no numeral starts inside a number: after a digit, after a decimal point, or at a thousands group
ARABIC_START = rf"(?<!\d)(?!(?<=\d\.)\d)(?!(?<=\d[,{_SPACES}])\d{{3}}(?!\d))"
_TOO_LONG = (
    rf"(?!\d{{{LONGEST_DIGITS + 1}}}|\d{{1,3}}(?:[{_SPACES}]\d{{3}}){{{_MOST_GROUPS + 1}}}"
    rf"|\d{{1,{LONGEST_DIGITS}}}(?:,\d{{3}}){{{_MOST_GROUPS + 1}}})"
)
# The numeral itself, for a pattern that matches from a known start. Each alternative checks the length
# first (a check of bounded length), so a numeral may still end early where the pattern after it needs.
ARABIC = (
    rf"{_TOO_LONG}\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d,])(?:\.\d+)?"
    rf"|{_TOO_LONG}\d+(?:,\d{{3}})*(?:\.\d+)?"
)
CHINESE_START = rf"(?:(?<![{CN}])|(?<=[万亿]))"  # 3万五千, 六余万八: 五千 and 八 after a magnitude
CHINESE = rf"(?![{CN}]{{{LONGEST_CHINESE + 1}}})[{CN}]+"
# a numeral, Arabic or Chinese, only where its run starts
# (the lookahead first: where no numeral stands, one character test fails the position, not the lookbehinds)
NUM = rf"(?=[\d{CN}])(?:{ARABIC_START}(?:{ARABIC})|{CHINESE_START}{CHINESE})"
