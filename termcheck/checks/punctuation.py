"""Chinese and full-width punctuation, the ASCII English writes for it (TC206), and how brackets and quotes pair
up by kind whatever their glyph (TC207): "（" is an opening parenthesis, "”" and "《" are quotation marks."""

from __future__ import annotations

import re
from typing import NamedTuple

ASCII_FOR = {
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "【": "[", "】": "]",
    "《": '"', "》": '"', "、": ",", "「": '"', "」": '"', "『": '"', "』": '"', "〈": '"', "〉": '"', "～": "~",
    "——": "—", "……": "…", "　": " ",
}  # fmt: skip
# Chinese punctuation, and the full-width forms of ASCII punctuation (letters and digits are TC201's)
MARKS = r"，。：；！？（）【】《》、「」『』〈〉～\u3000\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e"

# the kind of each bracket, named by its ASCII form
OPENING = {"(": "(", "（": "(", "[": "[", "［": "[", "【": "[", "{": "{", "｛": "{"}
CLOSING = {")": "(", "）": "(", "]": "[", "］": "[", "】": "[", "}": "{", "｝": "{"}
# Double quotation marks of any glyph or direction, and the Chinese marks English writes as them. Which one
# opens is told by position, not glyph: machine translation often opens with "”" or closes with a straight quote.
QUOTES = '"“”＂《》「」『』〈〉'
_PAIRED = re.compile("[" + re.escape("".join(OPENING) + "".join(CLOSING) + QUOTES) + "]")


def ascii_for(text: str) -> str:
    out = text
    for wide, narrow in ASCII_FOR.items():
        out = out.replace(wide, narrow)
    return "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in out)


class Pairing(NamedTuple):
    quotes: list[tuple[int, int]]  # (opening, closing) offsets of quotation marks, taken in turn
    lone: list[int]  # offsets of the brackets and quotes without a partner, in order


def pairing(text: str) -> Pairing:
    """How the text's brackets and double quotes pair up by kind. A closing bracket pairs with the innermost open
    one if that is of its kind; quotation marks pair in turn, and with an odd number the last is left alone."""
    stack: list[tuple[str, int]] = []
    quotes: list[int] = []
    lone: list[int] = []
    for match in _PAIRED.finditer(text):  # only the marks, not every character
        mark, index = match.group(), match.start()
        if mark in OPENING:
            stack.append((OPENING[mark], index))
        elif mark in CLOSING:
            if stack and stack[-1][0] == CLOSING[mark]:
                stack.pop()
            else:
                lone.append(index)
        else:
            quotes.append(index)
    lone += [index for _kind, index in stack]
    if len(quotes) % 2:
        lone.append(quotes.pop())
    return Pairing(list(zip(quotes[::2], quotes[1::2], strict=True)), sorted(lone))
