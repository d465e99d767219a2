from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from termcheck.checks.base import Check, CheckContext, target_location
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, Location, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.text.lemmas import dictionary_word, known_word

# a hyphen joins name parts (Xiao-ning), not a dash glued to the next word ("Norway-a wonderful")
_TOKEN = r"[A-Z][a-z]+(?:-(?!(?:a|an|the|and|or|but|which|who|that|with|in|on|is|was|to)\b)[A-Za-z]+)*"
_NAME = re.compile(rf"\b{_TOKEN}(?:(?:\s+(?:of|for|and|the|de|van|von|der)\s+|\s+){_TOKEN})+\b")
# capitalised only because they start a sentence or a title, never part of a name
_LEADING = frozenset(
    " ".join(
        [
            "The A An In On At For From To By With As This That These Those It Its We Our They Their He His She",
            "Her I My You Your But And Or So If When While After Before Since During Many Some Most All Every",
            "Each Then Now Today Also However Meanwhile Yesterday Tomorrow Last Next Here There Why How What",
            "Where Who Which According Under Over Between Among Against Without Although Because Unlike Like",
            "Both Either Neither Only Dr Mr Mrs Ms Professor President Director Minister Chairman Dear",
        ]
    ).split()
)
# "South Korea" and "South Korean", "Statistic" and "Statistics" are different words, not spellings
ENDINGS = ("s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese")
_PARTS = re.compile(r"[\s\-']+")
MIN_KEY = 8  # shorter names (Li Ming, Li Min) are too often two different people
MAX_EDITS = 2
MAX_LOCATIONS = 50


def name_key(name: str) -> str:
    return re.sub(r"[\s\-']", "", name).lower()


def names_in(text: str) -> Iterable[tuple[int, int, str]]:
    for match in _NAME.finditer(text):
        start, name = match.start(), match.group()
        first, _, rest = name.partition(" ")
        while first in _LEADING and " " in rest:
            start += len(first) + 1
            name = rest.lstrip()
            first, _, rest = name.partition(" ")
        if first not in _LEADING and " " in name.strip():
            yield start, start + len(name), name


class NameSpelling(Check):
    """One name spelled several ways in a document: Wang Xiaoning, Wang Xiaonin, Wang Xiao-ning.

    Names are runs of two or more capitalised words (joined by of, for, and, the where organisations
    need them). Spellings whose letters differ by at most two edits, or only by hyphens and spaces,
    and that share the first word, form one group; one finding per group, at the first occurrence of
    a less frequent spelling, lists each spelling with its count and lines. The difference has to lie
    in a word that is not ordinary English: "Twenty-Year Report" and "Twenty Years Report", "Well-Being"
    and "Wellbeing", "New Era of China" and "New Era China" are two wordings, not two spellings, while
    "Yue Wuhua" and "Yuewuhua" are two spellings. Names shorter than eight letters are left alone (Li Ming
    and Li Min may be two people)."""

    code = "TC210"
    name = "name-spelling"
    severity = Severity.WARNING
    examples = (
        Example(
            before=((None, "Wang Xiaoning, former director of the institute, said ..."),),
            target="Wang Xiaonin suggested carrying out research ...",
            bad=True,
        ),
        Example(
            before=((None, "Wang Xiaoning, former director of the institute, said ..."),),
            target="Wang Xiaoning suggested carrying out research ...",
            bad=False,
        ),
    )

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        # file -> spelling -> locations (capped) and count
        self._seen: dict[str, dict[str, list[Location]]] = {}
        self._counts: dict[str, Counter[str]] = {}

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        for start, end, name in names_in(seg.target):
            if len(name_key(name)) < MIN_KEY:
                continue
            counts = self._counts.get(seg.file)
            if counts is None:
                counts = self._counts[seg.file] = Counter()
                self._seen[seg.file] = {}
            counts[name] += 1
            places = self._seen[seg.file].setdefault(name, [])
            if len(places) < MAX_LOCATIONS:
                places.append(target_location(analyzed, start, end, name))
        return ()

    def state(self) -> object:
        return self._counts, self._seen

    def merge(self, state: object) -> None:
        assert isinstance(state, tuple)
        counts, seen = state
        for file, names in counts.items():
            self._counts.setdefault(file, Counter()).update(names)
            places = self._seen.setdefault(file, {})
            for name, more in seen[file].items():
                kept = places.setdefault(name, [])
                kept.extend(more[: MAX_LOCATIONS - len(kept)])

    def finish(self) -> Iterable[Finding]:
        for file, counts in self._counts.items():
            for group in _groups(list(counts)):
                yield self._report(group, counts, self._seen[file])

    def _report(self, group: list[str], counts: Counter[str], seen: dict[str, list[Location]]) -> Finding:
        ranked = sorted(group, key=lambda n: (-counts[n], seen[n][0].line))
        first_other = min((seen[n][0] for n in ranked[1:]), key=lambda loc: loc.line)
        listing = "; ".join(f'"{n}" {counts[n]}× ({_lines(seen[n])})' for n in ranked)
        return self.finding_at(
            first_other,
            f"one name, {len(ranked)} spellings: {listing}",
            expected=ranked[0],
            related=tuple(loc for n in ranked for loc in seen[n]),
        )


def _derived(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ENDINGS


def _wording_only(a: str, b: str) -> bool:
    """Whether two spellings differ only in ordinary English words: other words or other forms of them
    ("Values"/"Value", "of"/none), or words spaced, hyphenated or joined otherwise ("Well-Being"/"Wellbeing").
    Parts split apart count as English only if lemminflect knows each: "Ping An"/"Pingan" is a name, though
    "an" is an English word too."""
    one, other = _PARTS.split(a.lower()), _PARTS.split(b.lower())
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, one, other, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = one[i1:i2], other[j1:j2]
        if "".join(left) == "".join(right):
            parts = max(left, right, key=len)
            if not (dictionary_word("".join(left)) or all(known_word(w) for w in parts)):
                return False
        elif not all(dictionary_word(w) for w in left + right):
            return False
    return True


def _lines(places: list[Location]) -> str:
    shown = ", ".join(str(loc.line) for loc in places[:5])
    return f"line{'s' if len(places) > 1 else ''} {shown}{', …' if len(places) > 5 else ''}"


def _groups(names: list[str]) -> list[list[str]]:
    """Spellings that are one name: same first word, keys equal or at most MAX_EDITS apart, and not only
    a different wording in English words."""
    from rapidfuzz.distance import Levenshtein

    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    blocks: dict[str, list[str]] = defaultdict(list)
    for name in names:
        blocks[name.split()[0].lower()].append(name)
    for block in blocks.values():
        keys = [name_key(n) for n in block]
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                if _derived(keys[i], keys[j]):
                    continue
                near = Levenshtein.distance(keys[i], keys[j], score_cutoff=MAX_EDITS) <= MAX_EDITS
                if near and not _wording_only(block[i], block[j]):
                    parent[root(block[i])] = root(block[j])
    grouped: dict[str, list[str]] = defaultdict(list)
    for name in names:
        grouped[root(name)].append(name)
    return [g for g in grouped.values() if len({n.lower() for n in g}) > 1]
