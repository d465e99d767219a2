"""Where Chinese words end: a glossary term found inside a longer word is usually not that term.

病毒 "virus" inside 病毒学 (virology), 抗病毒 (antiviral) or 流感病毒 (influenza virus) is part of another
word, whose English need not contain "virus". Such a hit is *embedded*: it is not required in the target,
though a rendering that stands there still counts. A hit is embedded when a word of jieba's lexicon
(MIT, read from the installed jieba package; its 336,000 words of two to five characters) reaches past
the hit on either side and covers it whole; a term of five characters or more is never embedded.
The lexicon is Simplified Chinese; texts are folded to Simplified before lookup.
A longer glossary term covering a shorter one is handled before this, by the source matcher.
"""

from __future__ import annotations

import os
from functools import lru_cache

from termcheck.matching.hits import TermHit
from termcheck.text.normalize import chinese_table

LONGEST = 5  # lexicon words tried are at most this long: 98% of jieba's words are, and longer ones rarely hide a term


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """jieba's dictionary words of two to `LONGEST` characters (loaded once, about 0.1 s)."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        return frozenset(word for line in handle if 1 < len(word := line.split(" ", 1)[0]) <= LONGEST)


def embedded(folded: str, hit_start: int, hit_end: int, words: frozenset[str] | None = None) -> bool:
    """Whether a lexicon word extends the span [hit_start, hit_end) of `folded` (Simplified text) to a longer word."""
    room = LONGEST - (hit_end - hit_start)
    if room <= 0:
        return False
    before = 0
    while before < room and hit_start - before > 0 and _is_cjk(folded[hit_start - before - 1]):
        before += 1
    after = 0
    while after < room and hit_end + after < len(folded) and _is_cjk(folded[hit_end + after]):
        after += 1
    if not (before or after):
        return False
    words = lexicon() if words is None else words
    for left in range(before + 1):
        for right in range(min(after, room - left) + 1):
            if (left or right) and folded[hit_start - left : hit_end + right] in words:
                return True
    return False


def embedded_hit(text: str, hit: TermHit) -> bool:
    """`embedded` for a hit of `text` whose text is Chinese. Only the characters a lexicon word could reach
    are folded, so asking about one hit of a long segment costs no more than a short one."""
    if not (_is_cjk(hit.text[0]) and _is_cjk(hit.text[-1])):
        return False
    low = max(0, hit.start - LONGEST)
    window = text[low : hit.end + LONGEST].translate(chinese_table())
    return embedded(window, hit.start - low, hit.end - low)
