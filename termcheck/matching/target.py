"""English target matching on token keys (see termcheck.english).

A term matches a run of whole tokens whose keys equal the term's keys, so it matches its
inflections ("stem cells" for "stem cell"), hyphen and space variants ("single-cell" for
"single cell"), possessives, and any letter case. Two options narrow that per term:
case-sensitive (every token of the term that has a capital letter must appear exactly so) and
exact (the tokens must be the term's own forms, ignoring case unless case-sensitive too).
Overlaps resolve leftmost-longest: "CAR-T cell therapy" is one hit, not also "cell therapy".
"""

from __future__ import annotations

from typing import Any

from termcheck.english import EnglishAnalyzer, Tokens
from termcheck.glossary.model import Glossary, Term
from termcheck.matching.hits import TermHit, TermRef, leftmost_longest

_END = "\x00end"


class TargetMatcher:
    def __init__(self, glossary: Glossary, analyzer: EnglishAnalyzer | None = None) -> None:
        self.analyzer = analyzer or EnglishAnalyzer()
        self._trie: dict[str, Any] = {}
        # per term: its surface tokens, for the case-sensitive and exact checks
        self._surfaces: dict[Term, list[str]] = {}
        self.unmatchable: list[TermRef] = []
        english = [(c.id, t) for c in glossary for t in c.terms if t.lang == "en"]
        analysed = self.analyzer.analyze_many([t.text for _, t in english])
        for (concept_id, term), tokens in zip(english, analysed, strict=True):
            ref = TermRef(concept_id, term)
            if not tokens.keys:
                self.unmatchable.append(ref)
                continue
            node = self._trie
            for key in tokens.keys:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(ref)
            self._surfaces[term] = tokens.surfaces

    def find(self, text: str) -> list[TermHit]:
        return self.find_in(text, self.analyzer.analyze(text))

    def find_many(self, texts: list[str]) -> list[list[TermHit]]:
        return [self.find_in(t, tokens) for t, tokens in zip(texts, self.analyzer.analyze_many(texts), strict=True)]

    def find_in(self, text: str, tokens: Tokens) -> list[TermHit]:
        keys, alternates = tokens.keys, tokens.alternates
        trie = self._trie
        candidates = []
        count = len(keys)
        for i in range(count):
            node = trie.get(keys[i])
            if alternates:
                nodes = self._walk([trie], i, keys, alternates)
            elif node is None:
                continue
            else:
                nodes = [node]
            j = i
            while nodes:
                for node in nodes:
                    refs = node.get(_END)
                    if refs:
                        accepted = tuple(r for r in refs if self._accepts(r.term, tokens.surfaces, i, j + 1))
                        if accepted:
                            candidates.append((i, j + 1, accepted))
                j += 1
                if j >= count:
                    break
                nodes = self._walk(nodes, j, keys, alternates)
        hits = []
        for first, last, refs in leftmost_longest(candidates):
            start, end = tokens.starts[first], tokens.ends[last - 1]
            hits.append(TermHit(start, end, text[start:end], refs))
        return hits

    @staticmethod
    def _walk(nodes: list[dict[str, Any]], index: int, keys: list[str], alternates: dict[int, str]) -> list[Any]:
        """Follow token `index` from each node, by its key and, for all-capital words, its alternate."""
        step = [keys[index]]
        if index in alternates:
            step.append(alternates[index])
        return [child for node in nodes for k in step if (child := node.get(k)) is not None]

    def _accepts(self, term: Term, surfaces: list[str], first: int, last: int) -> bool:
        if not (term.case_sensitive or term.exact):
            return True
        wanted = self._surfaces[term]
        found = surfaces[first:last]
        for want, got in zip(wanted, found, strict=True):
            if term.exact:
                same = want == got if term.case_sensitive else want.lower() == got.lower()
                if not same:
                    return False
            elif want.lower() != want and not got.startswith(want):
                # case-sensitive, inflection allowed: capitals of the term must be there as written
                return False
        return True
