from __future__ import annotations

import re
from collections.abc import Iterable

from termcheck.checks.base import Check
from termcheck.checks.declared_fixes import expected_in_place
from termcheck.checks.examples import Example
from termcheck.checks.triggers import Trigger
from termcheck.core.edits import Edit, Fixable
from termcheck.core.model import Finding, Severity
from termcheck.matching.analysis import AnalyzedSegment
from termcheck.text.lemmas import dictionary_word

# neither word part of a hyphenated compound: "engaging in in-depth talks", "a well-known known issue".
# Possessive: a word shortened could never be followed by the space the repeat needs, so `re` need not try
# (a third of the scan, which is the costliest trigger of a run).
_DOUBLED = re.compile(r"(?<![-\w])([A-Za-z]++(?:'[A-Za-z]++)?+)\s+\1\b(?!-[A-Za-z])", re.IGNORECASE)
# grammatical repeats: "that that", "had had", "is is" in "what it is is"
ALLOWED = frozenset({"that", "had", "is", "do"})


class DoubledWord(Check):
    """The same word twice in a row in the target: "the the".

    Case is ignored; "that that", "had had", "is is" and "do do" are grammatical and allowed, and
    words no English dictionary knows double in names and loanwords (ylang ylang, Bora Bora); a capital
    letter twice is a pair of initials ("Hussein A A, et al.")."""

    code = "TC209"
    name = "doubled-word"
    severity = Severity.WARNING
    trigger = Trigger(_DOUBLED)
    fix_description = "the word once, as first written"
    examples = (
        Example(target="The the drug was approved.", bad=True),
        Example(target="The drug was approved.", bad=False),
        Example(target="He had had enough.", bad=False),
    )

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        return expected_in_place(target, finding)

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        for match in _DOUBLED.finditer(analyzed.segment.target):
            word = match.group(1)
            if word.lower() in ALLOWED or not dictionary_word(word):
                continue  # grammatical, or a name or loanword that doubles (ylang ylang, Bora Bora)
            if len(word) == 1 and word.isupper() and word != "I" and match.group().split()[1] == word:
                continue  # initials: "Hussein A A, et al."
            yield self.finding(
                analyzed,
                f'doubled word "{match.group()}" in the target',
                found=match.group(),
                expected=word,
                target_span=match.span(),
            )
