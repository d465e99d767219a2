"""Pairing the numbers of a segment: the same findings as a straightforward pairing, in time linear in them.

The reference below is the pairing as it was first written (every source number re-sorts and scans the
target's numbers): clear, but quadratic. The indexed pairing must give exactly its comparison on random
quantity lists and on random number-rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.numbers.chinese import chinese_quantities
from termcheck.numbers.codes import PHONE, digit_runs, phone_key
from termcheck.numbers.compare import (
    _DIGIT_RUN,
    _RELATIVE_YEAR,
    _THE_YEAR,
    NumberComparison,
    _explained_by_source,
    compare_quantities,
    is_year,
)
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

# -- the reference: the quadratic pairing, kept as it was ------------------------------------------------


def _reference_pair(sources: list[Quantity], targets: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    left = list(targets)
    unpaired: list[Quantity] = []
    for wanted in sorted(sources, key=lambda q: not q.strong):
        candidates = sorted(range(len(left)), key=lambda i: not left[i].strong)
        index = next((i for i in candidates if wanted.same_value(left[i])), None)
        if index is None:
            unpaired.append(wanted)
        else:
            del left[index]
    return unpaired, left


def _reference_codes_present(
    codes: list[Quantity], target: str, targets: Sequence[Quantity]
) -> tuple[list[Quantity], set[int]]:
    if not codes:
        return [], set()
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
        if written != -1:
            end = written + len(code.text)
            used.update(i for i, q in enumerate(targets) if q.start < end and written < q.end)
            continue
        wanted = [int(run) for run in digit_runs(code.text)]
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


def _reference_in_target_codes(quantity: Quantity, targets: Sequence[Quantity]) -> bool:
    return quantity.value == int(quantity.value) and any(
        q.kind == CODE and int(quantity.value) in [int(run) for run in digit_runs(q.text)] for q in targets
    )


_COMPARED_KINDS = (TIME, WEEKDAY, QUARTER, FRACTION, ORDER, MONTH, DECADE)


def _reads_as(quantity: Quantity, kind: str) -> bool:
    return any(k == kind for k, _ in quantity.readings())


def _reference_mismatches(unpaired: list[Quantity], left: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
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


def reference_compare(
    source: str, target: str, found: Sequence[Quantity], all_targets: Sequence[Quantity]
) -> NumberComparison:
    if not found and not all_targets:
        return NumberComparison()
    codes = [q for q in found if q.kind in (CODE, PHONE)]
    missing_codes, used = _reference_codes_present(codes, target, all_targets)
    targets = [q for i, q in enumerate(all_targets) if i not in used and q.kind not in (CODE, PHONE)]
    sources = [q for q in found if q.kind not in (CODE, PHONE)]
    unpaired, left = _reference_pair(sources, targets)
    slips: list[tuple[Quantity, Quantity]] = []
    for wanted in [q for q in unpaired if q.strong]:
        for candidate in left:
            if magnitude_slip(wanted, candidate):
                slips.append((wanted, candidate))
                unpaired.remove(wanted)
                left.remove(candidate)
                break
    mismatches = _reference_mismatches(unpaired, left)
    kept_in_codes = [q for i, q in enumerate(all_targets) if i in used and q.kind not in (CODE, PHONE)]
    missing = [q for q in unpaired if q.strong and not any(q.same_value(t) for t in targets + kept_in_codes)]
    if any(is_year(q) for q in missing) and _THE_YEAR.search(target):
        missing = [q for q in missing if not is_year(q)]
    if missing and any(q.kind == CODE for q in all_targets):
        written = {q.text.casefold() for q in codes}
        own = [q for q in all_targets if q.kind == CODE and q.text.casefold() not in written]
        missing = [q for q in missing if q.kind not in (NUMBER, DAY) or not _reference_in_target_codes(q, own)]
    if any(q.kind == DAY for q in missing) and any(q.kind == WEEKDAY for q in all_targets):
        missing = [q for q in missing if q.kind != DAY]
    added = [q for q in left if q.strong and not any(q.same_value(s) for s in sources)]
    if any(is_year(q) for q in added) and _RELATIVE_YEAR.search(source):
        added = [q for q in added if not is_year(q)]
    if any(q.kind == WEEKDAY for q in added) and not any(q.kind == WEEKDAY for q in sources):
        added = [q for q in added if q.kind != WEEKDAY]
    if any(q.kind == ORDER for q in added) and not any(kind == ORDER for q in sources for kind, _ in q.readings()):
        added = [q for q in added if q.kind != ORDER]
    added = _explained_by_source(added, source, found, target)  # readings of the source, not pairing
    return NumberComparison(missing=missing_codes + missing, added=added, slips=slips, mismatches=mismatches)


# -- random quantity lists -------------------------------------------------------------------------------

# few values, so that they repeat; some a power of ten apart, some a hair apart (math.isclose's edge)
VALUES = [0, 1, 2, 3, 4, 7, 10, 12, 70, 100, 120, 1200, 12_000, 1.2e6, 1.5, 18, 0.5, 1 / 3, 2018, 2023, 2.5]
VALUES += [12 * (1 + 5e-10), 12 * (1 + 3e-9), 1e-10, -3]
KINDS = [NUMBER, NUMBER, NUMBER, NUMBER, MONTH, DAY, DECADE, FRACTION, TIME, WEEKDAY, QUARTER, ORDER]
CODE_TEXTS = ["5G", "H7N9", "COVID-19", "Win11", "PM2.5", "2.3.1", "5g", "H12N100"]
PHONE_TEXTS = ["010-6523 4567", "13912345678", "+86 10 6523 4567", "6523 4567", "0086 139 1234 5678"]
WORDS = ["去年", "the year", "year-end", "和", "and"]


@st.composite
def quantity_parts(
    draw: Callable[..., Any],
) -> tuple[str, str, float, bool, float | None, tuple[tuple[str, float], ...]]:
    kind = draw(st.sampled_from([*KINDS, CODE, PHONE]))
    if kind == CODE:
        return kind, draw(st.sampled_from(CODE_TEXTS)), 0.0, True, None, ()
    if kind == PHONE:
        return kind, draw(st.sampled_from(PHONE_TEXTS)), 0.0, True, None, ()
    value = draw(st.sampled_from(VALUES))
    mantissa = draw(st.sampled_from([None, None, 1.2, 1.5]))
    alternatives = tuple(draw(st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(VALUES)), max_size=2)))
    text = draw(st.sampled_from([f"{value:g}", "2018年", "一", "12", "120"]))
    return kind, text, value, draw(st.booleans()), mantissa, alternatives


def lay_out(parts: list[Any], words: list[str]) -> tuple[str, list[Quantity]]:
    """A text of the parts' texts between words, and the quantities where they stand."""
    text = ""
    quantities = []
    for i, (kind, written, value, strong, mantissa, alternatives) in enumerate(parts):
        text += words[i % len(words)] + " " if words else " "
        quantities.append(
            Quantity(value, len(text), len(text) + len(written), written, kind, strong, mantissa, alternatives)
        )
        text += written
    return text, quantities


@settings(max_examples=400, deadline=None)
@given(
    st.lists(quantity_parts(), max_size=30),
    st.lists(quantity_parts(), max_size=30),
    st.lists(st.sampled_from(WORDS), max_size=3),
    st.lists(st.sampled_from(WORDS), max_size=3),
)
def test_pairing_equals_the_reference_on_random_quantities(
    source_parts: list[Any], target_parts: list[Any], source_words: list[str], target_words: list[str]
) -> None:
    source, found = lay_out(source_parts, source_words)
    target, all_targets = lay_out(target_parts, target_words)
    assert compare_quantities(source, target, found, all_targets) == reference_compare(
        source, target, found, all_targets
    )


# -- random number-rich text -----------------------------------------------------------------------------

ZH = ["2023年", "12%", "3.5亿元", "1.2万", "十二", "三分之一", "第一季度", "上午10点", "星期三", "80年代", "数百",
      "5G", "H7N9", "010-6523 4567", "3至5", "百分之三十", "七成", "去年", "一年半", "3日", "5月", "12", "120",
      "1200", "12万", "第三", "三名", "两倍", "1.2亿", "0.5", "2018年底", "COVID-19", "，", "和"]  # fmt: skip
EN = ["2023", "12%", "350 million", "12,000", "1.2 million", "twelve", "a third", "first quarter", "10 a.m.",
      "Wednesday", "1980s", "hundreds", "5G", "H7N9", "+86 10 6523 4567", "3 to 5", "30 percent", "doubled",
      "the year", "Friday", "May", "12", "120", "1,200", "120,000", "third", "three", "twice", "120 million",
      "0.5", "COVID-19", "Win11", "12 billion", "one", "a", "18 months", ", ", " and "]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ZH), max_size=40), st.lists(st.sampled_from(EN), max_size=40))
def test_pairing_equals_the_reference_on_random_text(zh: list[str], en: list[str]) -> None:
    source, target = "".join(zh), " ".join(en)
    found, all_targets = chinese_quantities(source), english_quantities(target)
    assert compare_quantities(source, target, found, all_targets) == reference_compare(
        source, target, found, all_targets
    )
