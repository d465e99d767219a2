"""English target matching on token keys (see termcheck.text.lemmas).

A term matches a run of whole tokens whose keys equal the term's keys, so it matches its
inflections ("stem cells" for "stem cell"), hyphen and space variants ("single-cell" for
"single cell"), possessives, and any letter case. Two options narrow that per term:
case-sensitive (every token of the term that has a capital letter must appear exactly so) and
exact (the tokens must be the term's own forms, ignoring case unless case-sensitive too).
Every occurrence of every term is found, overlapping ones included; then what counts is decided.
With a source, the concepts found in the source segment come first: each of their occurrences counts
unless it lies inside a longer occurrence of one of them (nested terms of one family count once:
"stem cell therapy" is not also "stem cell"), so two concepts whose renderings overlap ("Hong Kong
Common QR Code" and "Common QR Code Standard") are both there. The other terms resolve
leftmost-longest in the gaps ("CAR-T cell therapy" is one hit, not also "cell therapy").
`anywhere` names every concept of the source's with an occurrence, nested or not; `miscased` holds the occurrences of
case-sensitive terms written in another case ("Nmpa" for "NMPA").
With the native core installed (termcheck.core.native), the occurrences are found there (`match_many`); the
Python walk here is the reference it is held equal to, and what counts is decided here for both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence, Set
from typing import Any, NamedTuple

from termcheck.core.native import TermIndex, english_tables, native_core
from termcheck.glossary.model import Glossary, Term
from termcheck.matching.hits import TermHit, TermRef, leftmost_longest
from termcheck.text.lemmas import CACHE_LIMIT, EnglishAnalyzer, Tokens
from termcheck.text.normalize import english_table

_END = "\x00end"
Candidate = tuple[int, int, tuple[TermRef, ...]]


class TargetMatches(NamedTuple):
    """What the target matcher found in one text."""

    hits: list[TermHit]  # what counts, in text order (see the module docstring)
    # Tuples, not a set and a list: a run keeps a partition's analyses, and the cyclic collector stops
    # tracking a tuple of strings, while every set or list it must scan again on each collection.
    anywhere: tuple[str, ...]  # concepts of `prefer` with an occurrence anywhere, nested ones included
    miscased: tuple[TermHit, ...]  # case-sensitive terms found only in another case


def outermost(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates not inside a longer one; partial overlaps are all kept. Equal spans merge their refs."""
    kept: list[Candidate] = []
    reach = -1
    for start, end, refs in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if kept and kept[-1][0] == start and kept[-1][1] == end:
            merged = kept[-1][2] + tuple(r for r in refs if r not in kept[-1][2])
            kept[-1] = (start, end, merged)
        elif end > reach:
            kept.append((start, end, refs))
            reach = end
    return kept


NOWHERE: tuple[str, ...] = ()


def _resolve(candidates: list[Candidate], prefer: Set[str] | None) -> tuple[list[Candidate], tuple[str, ...]]:
    """The candidates that count: the source's concepts first (outermost), the rest leftmost-longest;
    and the preferred concepts with a candidate anywhere."""
    if not prefer:
        return leftmost_longest(candidates), NOWHERE
    preferred: list[Candidate] = []
    for start, end, refs in candidates:
        if len(refs) == 1:  # nearly always: build no new tuple
            if refs[0].concept in prefer:
                preferred.append((start, end, refs))
        elif kept := tuple(r for r in refs if r.concept in prefer):
            preferred.append((start, end, kept))
    if not preferred:
        return leftmost_longest(candidates), NOWHERE
    anywhere = tuple({r.concept: None for _, _, refs in preferred for r in refs})
    chosen = outermost(preferred) if len(preferred) > 1 else preferred
    # the chosen spans' union, as sorted disjoint intervals, to bisect for a clash
    starts: list[int] = []
    ends: list[int] = []
    for start, end, _ in chosen:
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)

    def clashes(start: int, end: int) -> bool:
        i = bisect_right(ends, start)  # the first chosen interval ending after `start`
        return i < len(starts) and starts[i] < end

    free = [c for c in candidates if not clashes(c[0], c[1])]
    if not free:
        return chosen, anywhere
    return sorted(chosen + leftmost_longest(free), key=lambda c: c[0]), anywhere


class TargetMatcher:
    def __init__(self, glossary: Glossary, analyzer: EnglishAnalyzer | None = None) -> None:
        self.analyzer = analyzer or EnglishAnalyzer()
        self._trie: dict[str, Any] = {}
        # per term: its surface tokens, for the case-sensitive and exact checks
        self._surfaces: dict[Term, list[str]] = {}
        self._refs: list[TermRef] = []
        self._concepts: list[str] = []
        self._concept_numbers: dict[str, int] = {}
        self._groups: list[tuple[TermRef, ...]] = []  # the native core's ref groups, as tuples of refs
        paths: list[tuple[list[str], TermRef]] = []
        english = [(c.id, t) for c in glossary for t in c.terms if t.lang == "en"]
        analysed = self.analyzer.analyze_many([t.text for _, t in english])
        for (concept_id, term), tokens in zip(english, analysed, strict=True):
            ref = TermRef(concept_id, term)
            if not tokens.keys:
                continue  # nothing but punctuation: can never match
            keys = tokens.keys
            if len(keys) > 1 and term.text.isupper() and not term.case_sensitive:
                # a heading ("PERFORMANCE OF THE BANKING SECTOR"), not acronyms: key its words by their lemmas,
                # which text in any case reaches (all-capital text words carry the lemma as an alternate)
                keys = [tokens.alternates.get(i, key) for i, key in enumerate(keys)]
            node = self._trie
            for key in keys:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(ref)
            self._surfaces[term] = tokens.surfaces
            paths.append((keys, ref))
        self._freeze(self._trie)
        self._native = self._native_index(paths)

    def _native_index(self, paths: list[tuple[list[str], TermRef]]) -> TermIndex | None:
        """The native core's index of the same terms. Refs are numbered by value (equal refs share a number, as
        `in` compares them here) and concepts by name; the core hands back groups of ref numbers."""
        core = native_core()
        if core is None:
            return None
        index = core.TermIndex(english_table(), self.analyzer.chunk_record, CACHE_LIMIT, english_tables(core))
        numbers: dict[TermRef, int] = {}
        for keys, ref in paths:
            number = numbers.setdefault(ref, len(numbers))
            concept = self._concept_numbers.setdefault(ref.concept, len(self._concept_numbers))
            index.insert(keys, number, concept, ref.term.case_sensitive, ref.term.exact, self._surfaces[ref.term])
        self._refs = list(numbers)
        self._concepts = list(self._concept_numbers)
        return index

    def _freeze(self, node: dict[str, Any]) -> None:
        """Each end of a term: (refs, whether any of them has case or exactness rules to check)."""
        for key, child in node.items():
            if key == _END:
                node[_END] = (tuple(child), any(r.term.case_sensitive or r.term.exact for r in child))
            else:
                self._freeze(child)

    def find(self, text: str, prefer: Set[str] | None = None) -> list[TermHit]:
        return self.find_in(text, self.analyzer.analyze(text), prefer)

    def find_in(self, text: str, tokens: Tokens, prefer: Set[str] | None = None) -> list[TermHit]:
        return self.match_in(text, tokens, prefer).hits

    def match_many(self, texts: list[str], prefer: Sequence[Set[str] | None] | None = None) -> list[TargetMatches]:
        wanted = prefer if prefer is not None else [None] * len(texts)
        if self._native is not None:
            return self._match_native(self._native, texts, wanted)
        analysed = self.analyzer.analyze_many(texts)
        return [self.match_in(t, tokens, p) for t, tokens, p in zip(texts, analysed, wanted, strict=True)]

    def _match_native(
        self, index: TermIndex, texts: list[str], prefer: Sequence[Set[str] | None]
    ) -> list[TargetMatches]:
        numbers = self._concept_numbers
        wanted = [None if p is None else [numbers[c] for c in p if c in numbers] for p in prefer]
        found = index.match_many(texts, wanted)
        groups = self._groups
        if new := index.groups_from(len(groups)):
            refs = self._refs
            groups.extend(tuple(refs[i] for i in group) for group in new)
        concepts = self._concepts
        return [
            TargetMatches(
                [TermHit(s, e, text[s:e], groups[g]) for s, e, g in hits],
                tuple(concepts[c] for c in anywhere) if anywhere else NOWHERE,
                tuple(TermHit(s, e, text[s:e], groups[g]) for s, e, g in miscased),
            )
            for text, (hits, anywhere, miscased) in zip(texts, found, strict=True)
        ]

    def match_in(self, text: str, tokens: Tokens, prefer: Set[str] | None = None) -> TargetMatches:
        miscased: list[Candidate] = []
        if tokens.alternates:
            candidates = self._candidates(tokens, miscased)
        else:
            candidates = self._plain_candidates(tokens, miscased)
        chosen, anywhere = _resolve(candidates, prefer)
        hits = self._hits(text, tokens, chosen)
        return TargetMatches(hits, anywhere, tuple(self._hits(text, tokens, miscased)) if miscased else ())

    @staticmethod
    def _hits(text: str, tokens: Tokens, candidates: list[Candidate]) -> list[TermHit]:
        starts, surfaces = tokens.starts, tokens.surfaces
        hits = []
        for first, last, refs in candidates:
            start, end = starts[first], starts[last - 1] + len(surfaces[last - 1])
            hits.append(TermHit(start, end, text[start:end], refs))
        return hits

    def _strict(
        self, refs: tuple[TermRef, ...], tokens: Tokens, first: int, last: int, miscased: list[Candidate]
    ) -> tuple[TermRef, ...]:
        """The refs whose case and exactness rules accept the tokens; those failing on case alone go to `miscased`."""
        return self._strict_found(refs, tokens.surfaces[first:last], first, last, miscased)

    def _strict_found(
        self, refs: tuple[TermRef, ...], found: Sequence[str], start: int, end: int, miscased: list[Candidate]
    ) -> tuple[TermRef, ...]:
        """`_strict` for the tokens' surfaces `found`, spanning [start, end) (tokens or characters)."""
        accepted = tuple(r for r in refs if self._accepts(r.term, found))
        if len(accepted) < len(refs):
            wrong_case = tuple(
                r for r in refs if r not in accepted and r.term.case_sensitive and self._accepts(r.term, found, False)
            )
            if wrong_case:
                miscased.append((start, end, wrong_case))
        return accepted

    def _plain_candidates(self, tokens: Tokens, miscased: list[Candidate]) -> list[Candidate]:
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
                        refs = self._strict(refs, tokens, i, j + 1, miscased)
                    if refs:
                        candidates.append((i, j + 1, refs))
                j += 1
                if j >= count:
                    break
                node = node.get(keys[j])
        return candidates

    def _candidates(self, tokens: Tokens, miscased: list[Candidate]) -> list[Candidate]:
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
                        accepted = self._strict(refs, tokens, i, j + 1, miscased) if strict else refs
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

    def _accepts(self, term: Term, found: Sequence[str], mind_case: bool = True) -> bool:
        case_sensitive = term.case_sensitive and mind_case
        if not (case_sensitive or term.exact):
            return True
        wanted = self._surfaces[term]
        for want, got in zip(wanted, found, strict=True):
            if term.exact:
                same = want == got if case_sensitive else want.lower() == got.lower()
                if not same:
                    return False
            elif case_sensitive and want.lower() != want and not got.startswith(want):
                # case-sensitive, inflection allowed: capitals of the term must be there as written
                return False
        return True
