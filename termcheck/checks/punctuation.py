"""Chinese and full-width punctuation, and the ASCII English writes for it (TC206)."""

from __future__ import annotations

ASCII_FOR = {
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "【": "[", "】": "]",
    "《": '"', "》": '"', "、": ",", "「": '"', "」": '"', "『": '"', "』": '"', "〈": '"', "〉": '"', "～": "~",
    "——": "—", "……": "…", "　": " ",
}  # fmt: skip
# Chinese punctuation, and the full-width forms of ASCII punctuation (letters and digits are TC201's)
MARKS = r"，。：；！？（）【】《》、「」『』〈〉～\u3000\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e"


def ascii_for(text: str) -> str:
    out = text
    for wide, narrow in ASCII_FOR.items():
        out = out.replace(wide, narrow)
    return "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in out)
