from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.examples import Example
from termcheck.checks.repeats import RepeatCheck, Variant, keys_of, listing, related, shown
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

MIN_WORDS = 5  # "Yes.", "Thank you very much." rightly render many different sources


class InconsistentSource(RepeatCheck):
    """One translation stands for different source segments in one run.

    The converse of TC223: the same target (whitespace folded) for sources that differ after folding
    whitespace, full-width forms and Traditional/Simplified characters, often a sign that one of them
    was translated from the wrong segment (its neighbour) or lost a part. One finding per target lists its
    sources with their counts (up to five, and how many others), placed where the target first stands for
    a second source. Targets of fewer than five words are left alone: "Yes." and "Thank you very much."
    rightly render many sources. Info by default, like TC223."""

    code = "TC224"
    name = "inconsistent-source"
    severity = Severity.INFO
    needs_source = True
    examples = (
        Example(
            before=(("该药适用于14岁以上的患者。", "The drug is for patients aged 14 and over."),),
            source="该药适用于12岁以上的患者。",
            target="The drug is for patients aged 14 and over.",
            bad=True,
        ),
        Example(
            before=(("该药适用于14岁以上的患者。", "The drug is for patients aged 14 and over."),),
            source="该药适用于12岁以上的患者。",
            target="The drug is for patients aged 12 and over.",
            bad=False,
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        keys = keys_of(seg)
        if (
            seg.source is not None
            and keys.source is not None
            and keys.target is not None
            and keys.target_words >= MIN_WORDS
        ):
            self.table.add(keys.target, keys.source, shown(seg.source, seg.source_codes) or seg.source, analyzed)
        return ()

    def group_finding(self, sources: list[Variant]) -> Finding:
        return self.finding_at(
            sources[1].first,  # sources come in order of first sight: where the target first stands for another
            f"one translation stands for {len(sources)} different source segments: {listing(sources)}",
            expected=None,
            related=related(sources),
        )
