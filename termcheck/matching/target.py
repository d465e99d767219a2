"""English target matching on token keys (see termcheck.english).

A term matches a run of whole tokens whose keys equal the term's keys, so it matches its
inflections ("stem cells" for "stem cell"), hyphen and space variants ("single-cell" for
"single cell"), possessives, and any letter case. Two options narrow that per term:
case-sensitive (every token of the term that has a capital letter must appear exactly so) and
exact (the tokens must be the term's own forms, ignoring case unless case-sensitive too).
Overlaps resolve leftmost-longest: "CAR-T cell therapy" is one hit, not also "cell therapy".
With a source, the concepts found in the source segment win overlaps first ("COVID-19 symptoms"
is "COVID-19" + "symptoms" when the source has 症状 but not the whole phrase), then the rest
resolve leftmost-longest in the gaps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence, Set
from typing import Any

from termcheck.english import EnglishAnalyzer, Tokens
from termcheck.glossary.model import Glossary, Term
from termcheck.matching.hits import TermHit, TermRef, leftmost_longest

_END = "\x00end"
Candidate = tuple[int, int, tuple[TermRef, ...]]


def _resolve(candidates: list[Candidate], prefer: Set[str] | None) -> list[Candidate]:
    """Leftmost-longest, but candidates of preferred concepts are placed first."""
    if not prefer:
        return leftmost_longest(candidates)
    preferred: list[Candidate] = []
    for start, end, refs in candidates:
        if len(refs) == 1:  # nearly always: build no new tuple
            if refs[0].concept in prefer:
                preferred.append((start, end, refs))
        elif kept := tuple(r for r in refs if r.concept in prefer):
            preferred.append((start, end, kept))
    chosen = leftmost_longest(preferred)
    if not chosen:
        return leftmost_longest(candidates)
    # chosen spans do not overlap and are sorted, so their ends are sorted too: bisect for a clash
    starts = [s for s, _, _ in chosen]
    ends = [e for _, e, _ in chosen]

    def clashes(start: int, end: int) -> bool:
        i = bisect_right(ends, start)  # the first chosen span ending after `start`
        return i < len(starts) and starts[i] < end

    free = [c for c in candidates if not clashes(c[0], c[1])]
    return sorted(chosen + leftmost_longest(free), key=lambda c: c[0])


class TargetMatcher:
    def __init__(self, glossary: Glossary, analyzer: EnglishAnalyzer | None = None) -> None:
        self.analyzer = analyzer or EnglishAnalyzer()
        self._trie: dict[str, Any] = {}
        # per term: its surface tokens, for the case-sensitive and exact checks
        self._surfaces: dict[Term, list[str]] = {}
        english = [(c.id, t) for c in glossary for t in c.terms if t.lang == "en"]
        analysed = self.analyzer.analyze_many([t.text for _, t in english])
        for (concept_id, term), tokens in zip(english, analysed, strict=True):
            ref = TermRef(concept_id, term)
            if not tokens.keys:
                continue  # nothing but punctuation: can never match
            node = self._trie
            for key in tokens.keys:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(ref)
            self._surfaces[term] = tokens.surfaces
        self._freeze(self._trie)

    def _freeze(self, node: dict[str, Any]) -> None:
        """Each end of a term: (refs, whether any of them has case or exactness rules to check)."""
        for key, child in node.items():
            if key == _END:
                node[_END] = (tuple(child), any(r.term.case_sensitive or r.term.exact for r in child))
            else:
                self._freeze(child)

    def find(self, text: str, prefer: Set[str] | None = None) -> list[TermHit]:
        return self.find_in(text, self.analyzer.analyze(text), prefer)

    def find_many(self, texts: list[str], prefer: Sequence[Set[str] | None] | None = None) -> list[list[TermHit]]:
        analysed = self.analyzer.analyze_many(texts)
        wanted = prefer if prefer is not None else [None] * len(texts)
        return [self.find_in(t, tokens, p) for t, tokens, p in zip(texts, analysed, wanted, strict=True)]

    def find_in(self, text: str, tokens: Tokens, prefer: Set[str] | None = None) -> list[TermHit]:
        candidates = self._candidates(tokens) if tokens.alternates else self._plain_candidates(tokens)
        hits = []
        for first, last, refs in _resolve(candidates, prefer):
            start, end = tokens.starts[first], tokens.end(last - 1)
            hits.append(TermHit(start, end, text[start:end], refs))
        return hits

    def _plain_candidates(self, tokens: Tokens) -> list[Candidate]:
        """`_candidates` for tokens without alternate keys (nearly all): one trie node at a time."""
        keys = tokens.keys
        trie = self._trie
        candidates: list[Candidate] = []
        count = len(keys)
        for i in range(count):
            node = trie.get(keys[i])
            j = i
            while node is not None:
                end = node.get(_END)
                if end is not None:
                    refs, strict = end
                    if strict:
                        refs = tuple(r for r in refs if self._accepts(r.term, tokens.surfaces, i, j + 1))
                    if refs:
                        candidates.append((i, j + 1, refs))
                j += 1
                if j >= count:
                    break
                node = node.get(keys[j])
        return candidates

    def _candidates(self, tokens: Tokens) -> list[Candidate]:
        """Every term that matches at every token: (first token, token after the last, refs)."""
        keys, alternates = tokens.keys, tokens.alternates
        trie = self._trie
        candidates: list[Candidate] = []
        count = len(keys)
        for i in range(count):
            node = trie.get(keys[i])
            if alternates and i in alternates:
                nodes = [n for n in (node, trie.get(alternates[i])) if n is not None]
            elif node is None:
                continue
            else:
                nodes = [node]
            j = i
            while nodes:
                for node in nodes:
                    end = node.get(_END)
                    if end is not None:
                        refs, strict = end
                        accepted = (
                            tuple(r for r in refs if self._accepts(r.term, tokens.surfaces, i, j + 1))
                            if strict
                            else refs
                        )
                        if accepted:
                            candidates.append((i, j + 1, accepted))
                j += 1
                if j >= count:
                    break
                nodes = self._walk(nodes, j, keys, alternates)
        return candidates

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
