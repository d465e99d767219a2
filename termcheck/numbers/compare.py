"""Pair the numbers of a source and its translation; what is left over is missing, added or a slip."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.codes import PHONE, digit_runs, phone_key
from termcheck.numbers.english import english_quantities
from termcheck.numbers.quantity import (
    CODE,
    DAY,
    DECADE,
    FRACTION,
    MONTH,
    NUMBER,
    ORDER,
    QUARTER,
    TIME,
    WEEKDAY,
    Quantity,
    magnitude_slip,
)

_DIGIT_RUN = re.compile(r"\d+")
_RELATIVE_YEAR = re.compile(
    "去年|今年|明年|前年|后年|後年|年内|年內|本年|同年|当年|當年|年初|年底|年末|上半年|下半年|全年|上年|翌年|次年"
)


_THE_YEAR = re.compile(r"\b(?:the|this|that|last|next|same)\s+year\b|\byear[- ]end\b", re.IGNORECASE)


def _is_year(quantity: Quantity) -> bool:
    return quantity.kind == NUMBER and 1900 <= quantity.value <= 2100 and quantity.text[:4].isdigit()


@dataclass(frozen=True)
class NumberComparison:
    missing: list[Quantity] = field(default_factory=list)  # source numbers with no counterpart
    added: list[Quantity] = field(default_factory=list)  # target numbers with no counterpart
    slips: list[tuple[Quantity, Quantity]] = field(default_factory=list)  # (source, target), a power of ten apart
    # (source, target) of one kind that is not a plain number, with different values: 上午10点 and "10 p.m.",
    # 星期三 and "Thursday", 第一季度 and "second quarter", 三分之一 and "a quarter", 数十 and "hundreds"
    mismatches: list[tuple[Quantity, Quantity]] = field(default_factory=list)


def _pair(sources: list[Quantity], targets: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    left = list(targets)
    unpaired: list[Quantity] = []
    for wanted in sorted(sources, key=lambda q: not q.strong):  # strong numbers choose first
        # a strong counterpart before a weak one: 壹佰元 is the "100", not the "century" of "21st century"
        candidates = sorted(range(len(left)), key=lambda i: not left[i].strong)
        index = next((i for i in candidates if wanted.same_value(left[i])), None)
        if index is None:
            unpaired.append(wanted)
        else:
            del left[index]
    return unpaired, left


def compare_segment(source: str | None, target: str) -> NumberComparison:
    """The comparison for a segment; nothing to compare without a source."""
    return compare_numbers(source, target) if source is not None else NumberComparison()


def _codes_present(codes: list[Quantity], target: str, targets: Sequence[Quantity]) -> tuple[list[Quantity], set[int]]:
    """The source codes the target lacks, and the target numbers that the present ones account for.

    A code written the same in the target (5G, COVID-19) is present and accounts for nothing else. Otherwise
    it is present when every run of its digits is in the target, as digits or as a number (Win11 in "Windows
    11", 500Mbps in "500 Mbps"), and accounts for one target number per run; a phone number is present when
    the same digits are, however grouped and with or without +86."""
    if not codes:
        return [], set()
    # digits, or numbers and months in any form: 2023.2.10 is "February 10, 2023"
    runs = {int(run) for run in _DIGIT_RUN.findall(target)} | {
        int(q.value) for q in targets if q.kind in (NUMBER, MONTH)
    }
    phones = {phone_key(q.text) for q in targets if q.kind == PHONE}
    phones |= {run.lstrip("0") for run in _DIGIT_RUN.findall(target) if len(run) >= 7}
    folded_target = target.casefold()
    missing: list[Quantity] = []
    used: set[int] = set()
    for code in codes:
        if code.kind == PHONE:
            key = phone_key(code.text)
            if not any(key.endswith(p) or p.endswith(key) for p in phones if len(p) >= 7):
                missing.append(code)
            continue
        written = folded_target.find(code.text.casefold())
        if written != -1:  # the same code: what the target reads inside it (1860s, a decade) is the code's
            end = written + len(code.text)
            used.update(i for i, q in enumerate(targets) if q.start < end and written < q.end)
            continue
        wanted = digit_runs(code.text)
        if not all(run in runs for run in wanted):
            missing.append(code)
            continue
        for run in wanted:
            index = next(
                (i for i, q in enumerate(targets) if i not in used and q.kind in (NUMBER, MONTH) and q.value == run),
                None,
            )
            if index is not None:
                used.add(index)
    return missing, used


def _in_target_codes(quantity: Quantity, targets: Sequence[Quantity]) -> bool:
    """纳斯达克100指数 is the NASDAQ-100, 图2 is Fig.2: a number written inside a code of the target."""
    return quantity.value == int(quantity.value) and any(
        q.kind == CODE and int(quantity.value) in digit_runs(q.text) for q in targets
    )


_NOTHING = NumberComparison()


@lru_cache(maxsize=256)  # the number checks ask about the same segment in turn
def compare_numbers(source: str, target: str) -> NumberComparison:
    all_targets = english_quantities(target)
    found = chinese_quantities(source)
    if not found and not all_targets:
        return _NOTHING
    codes = [q for q in found if q.kind in (CODE, PHONE)]
    missing_codes, used = _codes_present(codes, target, all_targets)
    targets = [q for i, q in enumerate(all_targets) if i not in used and q.kind not in (CODE, PHONE)]
    sources = [q for q in found if q.kind not in (CODE, PHONE)]
    unpaired, left = _pair(sources, targets)
    slips: list[tuple[Quantity, Quantity]] = []
    for wanted in [q for q in unpaired if q.strong]:
        for candidate in left:
            if magnitude_slip(wanted, candidate):
                slips.append((wanted, candidate))
                unpaired.remove(wanted)
                left.remove(candidate)
                break
    mismatches = _mismatches(unpaired, left)
    # a number the source repeats is there if the target says it once ("the top and bottom 20%")
    missing = [q for q in unpaired if q.strong and not any(q.same_value(t) for t in targets)]
    # 于2018年年底 is "at year-end" in a report about 2018: a year the target names as "the year"
    if any(_is_year(q) for q in missing) and _THE_YEAR.search(target):
        missing = [q for q in missing if not _is_year(q)]
    if missing and any(q.kind == CODE for q in all_targets):
        written = {q.text.casefold() for q in codes}  # the target's own codes, not the source's (COVID-19)
        own = [q for q in all_targets if q.kind == CODE and q.text.casefold() not in written]
        missing = [q for q in missing if q.kind not in (NUMBER, DAY) or not _in_target_codes(q, own)]
    # 3日 with no month is a date that news also renders as the weekday ("on Friday")
    if any(q.kind == DAY for q in missing) and any(q.kind == WEEKDAY for q in all_targets):
        missing = [q for q in missing if q.kind != DAY]
    # and one the target repeats is not added if the source has it ("Sandbox 2.0 (FSS 2.0)")
    added = [q for q in left if q.strong and not any(q.same_value(s) for s in sources)]
    # 去年 is "2016" to a translator who knows the report's year: a year the source only implies
    if any(_is_year(q) for q in added) and _RELATIVE_YEAR.search(source):
        added = [q for q in added if not _is_year(q)]
    # a weekday counts only where the source names one, and "hundreds" only beside a rough amount (数百)
    if any(q.kind == WEEKDAY for q in added) and not any(q.kind == WEEKDAY for q in sources):
        added = [q for q in added if q.kind != WEEKDAY]
    if any(q.kind == ORDER for q in added) and not any(kind == ORDER for q in sources for kind, _ in q.readings()):
        added = [q for q in added if q.kind != ORDER]
    added = _explained_by_source(added, source, found, target)
    return NumberComparison(
        missing=missing_codes + missing,
        added=added,
        slips=slips,
        mismatches=mismatches,
    )


_BESIDE_DIGIT = re.compile(
    r"\d\W{0,2}$|\b(?:in|on|since|by|until|till|from|through|before|after|during|early|late|mid|last|next)\s+$",
    re.IGNORECASE,
)
_DIGIT_AFTER = re.compile(r"^\.?,?\s?\d")


def _explained_by_source(added: list[Quantity], source: str, found: list[Quantity], target: str) -> list[Quantity]:
    """Target numbers that a reading of the source explains, though no source number pairs with them.

    A month name with no date beside it where the source names no month ("Zhang Jun", "April said",
    "this may delay"); digits the target split out of a source code ("HeLa 229" for HeLa229, "pc DNA 3.1")."""
    if not added:
        return added
    codes = [q.text for q in found if q.kind == CODE]
    kept = []
    for quantity in added:
        if quantity.kind == MONTH and "月" not in source:
            before = target[max(0, quantity.start - 9) : quantity.start]
            if not _BESIDE_DIGIT.search(before) and not _DIGIT_AFTER.match(target[quantity.end : quantity.end + 4]):
                continue
        if quantity.kind == NUMBER and codes and _inside_a_code(quantity.text, codes):
            continue
        kept.append(quantity)
    return kept


def _inside_a_code(text: str, codes: list[str]) -> bool:
    digits = re.escape(text)
    return text[:1].isdigit() and any(re.search(rf"(?<![\d.]){digits}(?![\d]|\.\d)", code) for code in codes)


_COMPARED_KINDS = (TIME, WEEKDAY, QUARTER, FRACTION, ORDER, MONTH, DECADE)


def _mismatches(unpaired: list[Quantity], left: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pair what is left over by kind, in order; each pair leaves `unpaired` and `left`."""
    found: list[tuple[Quantity, Quantity]] = []
    if not unpaired or not any(q.kind != NUMBER and q.strong for q in left):
        return found
    for kind in _COMPARED_KINDS:
        sources = [q for q in unpaired if _reads_as(q, kind) and (q.strong or kind == ORDER)]
        targets = [q for q in left if q.kind == kind and q.strong]
        for wanted, said in zip(sources, targets, strict=False):
            found.append((wanted, said))
            unpaired.remove(wanted)
            left.remove(said)
    return found


def _reads_as(quantity: Quantity, kind: str) -> bool:
    return any(k == kind for k, _ in quantity.readings())
