"""What a number's unit or currency must stay in English, shared by TC215 and TC216.

A convention pairs a Chinese pattern (a number with its unit or currency) with the English forms that
keep it and the forms of another system that change it. A target that names one of the kept forms
passes, so a converted value beside the original ("42 km (26 miles)") is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Convention:
    chinese: re.Pattern[str]  # in the folded source
    name: str  # what to write
    kept: re.Pattern[str]
    wrong: re.Pattern[str]


def convention(chinese: str, name: str, kept: str, wrong: str) -> Convention:
    return Convention(re.compile(chinese), name, re.compile(kept, re.IGNORECASE), re.compile(wrong, re.IGNORECASE))


def changed(
    conventions: Iterable[Convention], source: str, target: str
) -> Iterator[tuple[Convention, re.Match[str], re.Match[str]]]:
    """(convention, where the source has it, what the target says instead), once per wrong form."""
    reported: set[str] = set()
    for rule in conventions:
        match = rule.chinese.search(source)
        if not match or rule.kept.search(target):
            continue
        wrong = rule.wrong.search(target)
        if wrong is None or wrong.group().lower() in reported:
            continue
        reported.add(wrong.group().lower())
        yield rule, match, wrong
