"""Language codes: which count as Chinese and which as English."""

from __future__ import annotations

import re

_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def is_chinese(code: str) -> bool:
    return code.lower().replace("_", "-").split("-")[0] in ("zh", "zho", "chi", "cmn")


def is_english(code: str) -> bool:
    return code.lower().replace("_", "-").split("-")[0] in ("en", "eng")


def is_valid_tag(code: str) -> bool:
    return bool(_TAG.match(code))


def english_locale(code: str) -> str:
    """ "en-gb" → "en-GB"; plain "en", or a tag that is not English, → ""."""
    parts = code.strip().replace("_", "-").split("-")
    if not is_english(parts[0]) or len(parts) < 2 or len(parts[1]) != 2 or not parts[1].isalpha():
        return ""
    return f"en-{parts[1].upper()}"


def lang_side(code: str) -> str | None:
    """'zh', 'en', or None for any other language."""
    if is_chinese(code):
        return "zh"
    if is_english(code):
        return "en"
    return None
