"""Chinese source matching: every Chinese term in one Aho–Corasick pass over folded text.

Folding (full-width → ASCII, Traditional → Simplified, ASCII lowercase) keeps offsets, so spans
index the original text. Chinese has no word boundaries, so terms match as substrings; a term
that begins or ends with a Latin letter or digit must not touch another one there ("CD" does not
match inside "CDE"). With the native core installed (termcheck.core.native), `find_many` runs there; `find`
here is the reference it is held equal to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import ahocorasick

from termcheck.core.native import native_core
from termcheck.glossary.model import Glossary
from termcheck.matching.hits import TermHit, TermRef, leftmost_longest
from termcheck.text.normalize import INVISIBLE, chinese_table, fold_chinese, without_invisible


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class SourceMatcher:
    def __init__(self, glossary: Glossary) -> None:
        grouped: dict[str, list[TermRef]] = defaultdict(list)
        for concept in glossary:
            for term in concept.zh_terms:
                key = without_invisible(fold_chinese(term.text))[0].strip()
                if key:
                    grouped[key].append(TermRef(concept.id, term))
        self._automaton = ahocorasick.Automaton()
        for key, refs in grouped.items():
            self._automaton.add_word(key, (len(key), tuple(refs)))
        self._empty = not grouped
        if not self._empty:
            self._automaton.make_automaton()
        core = native_core()
        self._refs = [tuple(refs) for refs in grouped.values()]
        self._native = core.SourceAutomaton(list(grouped), chinese_table(), INVISIBLE) if core else None

    def find_many(self, texts: Sequence[str | None]) -> list[list[TermHit]]:
        """`find` for each text (None: no source, no hits)."""
        if self._native is None or self._empty:
            return [self.find(text) if text else [] for text in texts]
        refs = self._refs
        return [
            [TermHit(s, e, text[s:e], refs[k]) for s, e, k in spans] if text else []
            for text, spans in zip(texts, self._native.find_many(texts), strict=True)
        ]

    def find(self, text: str) -> list[TermHit]:
        if self._empty or not text:
            return []
        # invisible characters inside a term ("药品\u200b审评中心") must not hide it: match without them
        folded, kept = without_invisible(fold_chinese(text))
        candidates = []
        for end_index, (length, refs) in self._automaton.iter(folded):
            end = end_index + 1
            start = end - length
            if _is_ascii_alnum(folded[start]) and start > 0 and _is_ascii_alnum(folded[start - 1]):
                continue
            if _is_ascii_alnum(folded[end - 1]) and end < len(folded) and _is_ascii_alnum(folded[end]):
                continue
            candidates.append((start, end, refs))
        chosen = leftmost_longest(candidates)
        if kept is not None:
            chosen = [(kept[s], kept[e - 1] + 1, refs) for s, e, refs in chosen]
        return [TermHit(s, e, text[s:e], refs) for s, e, refs in chosen]
