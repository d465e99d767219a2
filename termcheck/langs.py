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


def lang_side(code: str) -> str | None:
    """'zh', 'en', or None for any other language."""
    if is_chinese(code):
        return "zh"
    if is_english(code):
        return "en"
    return None
