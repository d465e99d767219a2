"""Length-preserving text folding, so offsets in folded text are offsets in the original.

Every mapping here replaces one code point with exactly one code point; `without_invisible` is
the one exception, and returns the index map that takes its offsets back to the original.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Hyphens and dashes that join or separate English words: matched as a space
# ("graft-versus-host" ~ "graft versus host", "single-cell" ~ "single cell").
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
APOSTROPHES = "\u2019\u2018\u02bc\uff07`\u00b4"
# Invisible characters that editors, web pages and MT engines leave inside words: zero-width
# spaces and joiners, soft hyphens, bidirectional marks and overrides, and control characters.
# English folds them to a space (words around them stay words); Chinese, which has no spaces,
# matches with them removed (see without_invisible).
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    + "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
    + "\x7f"
)
# Brackets and Chinese punctuation never sit inside an English word, but spaCy splits them off only at a
# word's edge: "Evaluation（Tel" and "Evaluation、" were one token. They fold to a space for matching.
WORD_BREAKS = "()[]{}" + "（）［］｛｝、。，；：！？「」『』《》〈〉【】〔〕〖〗｢｣・"
SPACES = "\u00a0\u2007\u202f\u3000\u2002\u2003\u2009"
_INVISIBLE_RE = re.compile(f"[{re.escape(INVISIBLE)}]")
_INVISIBLE_SET = frozenset(INVISIBLE)


def _fullwidth_map() -> dict[int, str]:
    # U+FF01..U+FF5E are full-width forms of U+0021..U+007E.
    return {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}


@lru_cache(maxsize=1)
def _t2s_map() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resources.files("termcheck.data").joinpath("t2s_chars.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if len(line) == 2:
            table[ord(line[0])] = line[1]
    return table


@lru_cache(maxsize=1)
def chinese_table() -> dict[int, str]:
    """Fold for matching Chinese text: full-width → ASCII, Traditional → Simplified, ASCII lowercase."""
    table = _fullwidth_map()
    table.update(_t2s_map())
    table.update({code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
    for code in range(0xFF21, 0xFF3B):  # full-width capitals fold to lowercase ASCII
        table[code] = chr(code - 0xFEE0 + 32)
    table.update({ord(ch): " " for ch in SPACES})
    return table


@lru_cache(maxsize=1)
def english_table() -> dict[int, str]:
    """Fold for matching English text: full-width → ASCII, hyphens and brackets → space, curly apostrophes → '."""
    table = _fullwidth_map()
    table.update({ord(ch): " " for ch in HYPHENS + INVISIBLE + SPACES + WORD_BREAKS})
    table.update({ord(ch): "'" for ch in APOSTROPHES})
    return table


# The source matcher folds a whole partition (2,000 segments) before the checks run, and the number checks and
# TC223/TC224 fold the same sources again: the cache holds a partition's sources (a few hundred kB).
@lru_cache(maxsize=4096)
def fold_chinese(text: str) -> str:
    return text.translate(chinese_table())


def chinese_variants(characters: str) -> str:
    """The characters and every character that `fold_chinese` turns into one of them (内 → 內内)."""
    wanted = set(characters)
    return "".join(sorted(wanted | {chr(code) for code, folded in chinese_table().items() if folded in wanted}))


def fold_english(text: str) -> str:
    return text.translate(english_table())


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """`text` with invisible characters removed, and for each kept character its index in `text`
    (None when nothing was removed, the common case, which costs one regex search)."""
    if not _INVISIBLE_RE.search(text):
        return text, None
    kept = [i for i, ch in enumerate(text) if ch not in _INVISIBLE_SET]
    return "".join(text[i] for i in kept), kept
