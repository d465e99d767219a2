from __future__ import annotations

import math
import re
import statistics
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from termcheck.checks.base import Check, CheckContext
from termcheck.checks.examples import Example
from termcheck.core.model import Finding, Severity
from termcheck.core.spill import SpilledLists
from termcheck.matching.analysis import AnalyzedSegment

MIN_SOURCE = 15  # characters: shorter segments vary too much to judge
MIN_FIT = 20  # segments needed to fit a document's own ratio; fewer use the prior below
PRIOR_LOG_RATIO = math.log(3.0)  # English letters per Chinese character, typical of news and talks
PRIOR_SPREAD = 0.30
Z_LIMIT = 3.5  # robust z-score below which a target is too short
MAX_SHARE = 0.5  # and at most half the expected length


_SPACE = re.compile(r"\s")
_CHINESE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _length(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def _chinese(text: str) -> int:
    return len(_CHINESE.findall(text))


Place = tuple[int, str, str]  # line, segment id, text hash


@dataclass
class _Document:
    # per segment: Chinese characters and other characters of the source (Latin text such as
    # "COVID-19" or a name carries over to the English about one to one), and target letters
    chinese: array[int] = field(default_factory=lambda: array("l"))
    other: array[int] = field(default_factory=lambda: array("l"))
    target: array[int] = field(default_factory=lambda: array("l"))
    places: list[Place] = field(default_factory=list)  # within a partition; once merged, on the check's SpilledLists

    def expected(self, index: int, ratio: float) -> float:
        return ratio * self.chinese[index] + self.other[index]

    def extend(self, other: _Document) -> None:
        self.chinese.extend(other.chinese)
        self.other.extend(other.other)
        self.target.extend(other.target)


class Omission(Check):
    """A target much shorter than its source predicts: something was probably left out.

    The expected length is fitted on the document itself: English letters per Chinese character is the
    median over its segments, and Latin text in the source (COVID-19, a name) counts one for one. The
    spread is the median absolute deviation of log(target / expected), so a few wild segments do not
    move either. A target is reported when it is more than 3.5 robust deviations short and under half
    the expected length. Sources with under 15 Chinese characters are skipped (a terse 13-character
    question said tersely in English is not an omission); documents with fewer than 20 such segments use
    a prior of 3 English letters per Chinese character."""

    code = "TC211"
    name = "omission"
    severity = Severity.WARNING
    needs_source = True
    examples = (
        Example(
            source="该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病。",
            target="The drug is used.",
            bad=True,
        ),
        Example(
            source="该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病。",
            target="The drug treats steroid-refractory acute GVHD of the gut in patients aged 14 and older.",
            bad=False,
        ),
    )

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self._documents: dict[str, _Document] = {}
        # the places of merged documents: a run's million segments are a million places, kept on disk past a few
        self._places: SpilledLists[Place] = SpilledLists("termcheck-omission-")

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        if seg.source is None:
            return ()
        chinese = _chinese(seg.source)
        if chinese < MIN_SOURCE:
            return ()
        document = self._documents.setdefault(seg.file, _Document())
        document.chinese.append(chinese)
        document.other.append(_length(seg.source) - chinese)
        document.target.append(_length(seg.target))
        document.places.append((seg.line, seg.id, analyzed.text_hash))
        return ()

    def state(self) -> object:
        # a merged instance hands on its places too (merged again, as a node of a cluster's merge tree)
        return {
            file: _Document(
                document.chinese, document.other, document.target, [*self._places.read(file), *document.places]
            )
            for file, document in self._documents.items()
        }

    def merge(self, state: object) -> None:
        assert isinstance(state, dict)
        for file, document in state.items():
            self._documents.setdefault(file, _Document()).extend(document)
            self._places.extend(file, document.places)

    def finish(self) -> Iterable[Finding]:
        try:
            for file, document in self._documents.items():
                yield from self._short_targets(file, document)
        finally:
            self._places.close()

    def _short_targets(self, file: str, document: _Document) -> Iterator[Finding]:
        count = len(document.chinese)
        if count >= MIN_FIT:
            per_char = [(document.target[i] - document.other[i]) / document.chinese[i] for i in range(count)]
            ratio = max(statistics.median(per_char), 0.5)
            del per_char
        else:
            ratio = math.exp(PRIOR_LOG_RATIO)
        logs = array("d", (math.log((document.target[i] + 1) / document.expected(i, ratio)) for i in range(count)))
        if count >= MIN_FIT:
            center = statistics.median(logs)
            spread = max(1.4826 * statistics.median(abs(v - center) for v in logs), 0.1)
        else:
            center, spread = 0.0, PRIOR_SPREAD
        short = [
            index
            for index, value in enumerate(logs)
            if (value - center) / spread < -Z_LIMIT and math.exp(value - center) < MAX_SHARE
        ]
        if not short:
            return
        # the places of merged partitions, then of segments this instance checked itself (a run in one partition)
        places = chain(self._places.read(file), document.places)
        position = 0
        for index in short:
            line, segment, text_hash = next(islice(places, index - position, None))
            position = index + 1
            expected = round(document.expected(index, ratio) * math.exp(center))
            target_length = document.target[index]
            yield Finding(
                code=self.code,
                check=self.name,
                severity=self.effective_severity,
                message=(
                    f"the target has {target_length} letters where about {expected} are expected from the "
                    f"source's {document.chinese[index]} Chinese characters; something may be missing"
                ),
                file=file,
                line=line,
                segment=segment,
                found=f"{target_length} letters",
                expected=f"about {expected}",
                segment_hash=text_hash,
            )
