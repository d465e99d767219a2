from __future__ import annotations

from collections.abc import Iterable

from termcheck.checks.examples import Example
from termcheck.checks.repeats import RepeatCheck, Variant, keys_of, listing, related, shown
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment

MIN_LETTERS = 3  # 谢谢。 → "Thank you." or "Thanks.": courtesy formulas and short replies vary harmlessly


class InconsistentTranslation(RepeatCheck):
    """The same source segment is translated differently in one run.

    Sources are compared after folding whitespace, full-width forms and Traditional/Simplified
    characters; targets after folding whitespace only; an XLIFF or TMX inline code as a word break,
    whatever its id and the markup it stands for (the message shows it as its label, {1/}). One
    finding per source, across documents and partitions, lists its translations with their counts
    (the most frequent first, then up to four more, and how many others), the differing part shown, and
    points at the first place of each (up to 200 translations). It is placed at the first occurrence of a
    translation other than the most frequent one (the first seen, on a tie). Sources of fewer than three
    characters (谢谢, 好的) are left alone: "Thank you." and "Thanks." are both right.

    Info by default: two translations of one sentence may both be right, and an editor picks one; a file
    that gathers several systems' output of one text is, by design, full of them, while one system's
    output checked alone gives 0 on the MQM news and TED sets."""

    code = "TC223"
    name = "inconsistent-translation"
    severity = Severity.INFO
    needs_source = True
    examples = (
        Example(
            before=(("药品审评中心批准了该药。", "The Center for Drug Evaluation approved the drug."),),
            source="药品审评中心批准了该药。",
            target="The drug was approved by the CDE.",
            bad=True,
        ),
        Example(
            before=(("药品审评中心批准了该药。", "The Center for Drug Evaluation approved the drug."),),
            source="药品审评中心批准了该药。",
            target="The Center for Drug Evaluation approved the drug.",
            bad=False,
        ),
    )

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        seg = analyzed.segment
        keys = keys_of(seg)
        if keys.source is not None and keys.target is not None and keys.source_letters >= MIN_LETTERS:
            self.table.add(keys.source, keys.target, shown(seg.target, seg.target_codes), analyzed)
        return ()

    def group_finding(self, variants: list[Variant]) -> Finding:
        chosen = max(variants, key=lambda v: v.count)  # the first seen among the most frequent
        others_first = next(v for v in variants if v is not chosen).first  # variants come in order of first sight
        return self.finding_at(
            others_first,
            f"one source segment is translated {len(variants)} ways: {listing(variants, chosen, 'the most frequent')}",
            expected=chosen.first.text,
            related=related(variants, chosen),
        )
