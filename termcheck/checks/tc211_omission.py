from __future__ import annotations

import math
import statistics
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from termcheck.analysis import AnalyzedSegment
from termcheck.checks.base import Check, CheckContext
from termcheck.model import Finding, Severity

MIN_SOURCE = 12  # characters: shorter segments vary too much to judge
MIN_FIT = 20  # segments needed to fit a document's own ratio; fewer use the prior below
PRIOR_LOG_RATIO = math.log(3.0)  # English letters per Chinese character, typical of news and talks
PRIOR_SPREAD = 0.30
Z_LIMIT = 3.5  # robust z-score below which a target is too short
MAX_SHARE = 0.5  # and at most half the expected length


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


@dataclass
class _Document:
    ratios: array[float] = field(default_factory=lambda: array("d"))
    lengths: array[int] = field(default_factory=lambda: array("l"))  # source, target interleaved
    places: list[tuple[int, str]] = field(default_factory=list)  # (line, segment id)


class Omission(Check):
    """A target much shorter than its source predicts: something was probably left out.

    The expected length is fitted on the document itself: the median of log(target letters / source
    characters) over its segments, with the median absolute deviation as the spread, so a few wild
    segments do not move it. A target is reported when it is more than 3.5 robust deviations short
    and under half the expected length. Sources under 12 characters are skipped; documents with fewer
    than 20 such segments use a prior of 3 English letters per Chinese character. Needs a source.

    Bad:
        source: 该药用于治疗14岁以上消化道受累为主的激素治疗失败的急性移植物抗宿主病。
        target: The drug is used.
    Good:
        target: The drug treats steroid-refractory acute GVHD of the gut in patients aged 14 and older.
    """

    code = "TC211"
    name = "omission"
    severity = Severity.WARNING
    needs_source = True

    def __init__(self, context: CheckContext) -> None:
        super().__init__(context)
        self._documents: dict[str, _Document] = {}

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        if seg.source is None:
            return ()
        source_length = _length(seg.source)
        if source_length < MIN_SOURCE:
            return ()
        target_length = _length(seg.target)
        document = self._documents.setdefault(seg.file, _Document())
        document.ratios.append(math.log((target_length + 1) / source_length))
        document.lengths.extend((source_length, target_length))
        document.places.append((seg.line, seg.id))
        return ()

    def finish(self) -> Iterable[Finding]:
        for file, document in self._documents.items():
            if len(document.ratios) >= MIN_FIT:
                center = statistics.median(document.ratios)
                spread = 1.4826 * statistics.median(abs(r - center) for r in document.ratios)
                spread = max(spread, 0.1)
            else:
                center, spread = PRIOR_LOG_RATIO, PRIOR_SPREAD
            for index, ratio in enumerate(document.ratios):
                z = (ratio - center) / spread
                if z >= -Z_LIMIT or math.exp(ratio - center) >= MAX_SHARE:
                    continue
                source_length, target_length = document.lengths[2 * index], document.lengths[2 * index + 1]
                expected = round(source_length * math.exp(center))
                line, segment = document.places[index]
                yield Finding(
                    code=self.code,
                    check=self.name,
                    severity=self.effective_severity,
                    message=(
                        f"the target has {target_length} letters where about {expected} are expected from the "
                        f"source's {source_length} characters; something may be missing"
                    ),
                    file=file,
                    line=line,
                    segment=segment,
                    found=f"{target_length} letters",
                    expected=f"about {expected}",
                )
