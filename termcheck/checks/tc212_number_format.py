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
from termcheck.numbers.codes import is_phone_digits
from termcheck.numbers.quantity import LONGEST_DIGITS

# five or more digits in a row, not part of a word, a decimal, a code or a number already grouped
_UNGROUPED = re.compile(r"(?<![\w.,#/:-])\d{5,}(?![\w/:-])(?![.,]\d)")
# identifiers are never grouped: standards (ISO 14001, GB 2760), postcodes, phone, order and model numbers
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:ISO|IEC|GB|GB/T|EN|ASTM|DIN|JIS|ANSI|IEEE|No|Nos|no|nr|code|postcode|postal\s+code|zip|zip\s+code|"
    r"tel|phone|telephone|fax|hotline|call|dial|mobile|ID|patent|account|order|invoice|serial|model|room|flight|"
    r"case|ticket|item|reference|ref|number)\b\.?|#)\s*:?\s*$",
    re.IGNORECASE,
)


# the numbers of a list before this one: "Code 120125, 120140 and 131080" (each an identifier as the first is)
_LIST_BEFORE = re.compile(r"(?:\d[\d.-]*(?:\([a-z0-9]{1,3}\))?\s*(?:,|;|/|&|\band\b|\bor\b)\s*)+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT_RUN = re.compile(r"\d+")


def is_identifier(text: str, start: int, digits: str) -> bool:
    before = text[max(0, start - 80) : start]
    listed = _LIST_BEFORE.search(before)
    if listed:
        before = before[: listed.start()]
    return (
        digits.startswith("0")
        or len(digits) > LONGEST_DIGITS  # no number is that long
        or is_phone_digits(digits)
        or bool(_IDENTIFIER_BEFORE.search(before[-25:]))
    )


def _may_be_year_with_footnote(digits: str) -> bool:
    return len(digits) == 5 and _YEAR.fullmatch(digits[:4]) is not None


def _year_with_footnote(digits: str, source_numbers: set[str]) -> bool:
    """ "since 19943": the source's year 1994 with a footnote mark 3 glued on, not a number to group
    (`source_numbers`: the source's runs of digits)."""
    return _may_be_year_with_footnote(digits) and digits[:4] in source_numbers and digits not in source_numbers


class NumberFormat(Check):
    """A number of five or more digits without thousands separators in the English target: 250000.

    English groups thousands with commas (250,000); Chinese MT often copies 250000 as it is.
    Identifiers are left alone: numbers that start with 0, runs of more than 30 digits, mobile phone
    numbers, and numbers after a standard's name (ISO 14001, GB 2760) or a word such as "postcode",
    "tel", "No.", "order" or "model", or in a list that such a word starts ("Code 120125, 120140 and
    131080"); with a source, a year of the source with a footnote mark glued on ("since 19943" for
    自1994年起…³) is left alone too."""

    code = "TC212"
    name = "number-format"
    severity = Severity.INFO
    trigger = Trigger(re.compile(r"\d{5}"))  # no lookbehind first: a fast scan
    fix_description = "the number with thousands separators (250000 → 250,000)"
    examples = (
        Example(target="The project has 250000 parts.", bad=True),
        Example(target="The project has 250,000 parts.", bad=False),
        Example(target="Call tel 13912345678 or see ISO 14001.", bad=False),
    )

    @classmethod
    def fix(cls, target: str, finding: Fixable) -> Edit | None:
        return expected_in_place(target, finding)

    def check_segment(self, analyzed: AnalyzedSegment) -> Iterable[Finding]:
        target = analyzed.segment.target
        source = analyzed.segment.source
        source_numbers: set[str] | None = None  # read once, at the first need: a line may hold thousands
        for match in _UNGROUPED.finditer(target):
            if is_identifier(target, match.start(), match.group()):
                continue
            if source is not None and _may_be_year_with_footnote(match.group()):
                source_numbers = set(_DIGIT_RUN.findall(source)) if source_numbers is None else source_numbers
                if _year_with_footnote(match.group(), source_numbers):
                    continue
            grouped = f"{int(match.group()):,}"
            yield self.finding(
                analyzed,
                f'"{match.group()}" has no thousands separators; write {grouped}',
                found=match.group(),
                expected=grouped,
                target_span=match.span(),
            )
