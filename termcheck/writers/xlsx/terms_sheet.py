"""The Terms sheet: one row per glossary concept seen, with every English rendering found.

This is the consistency view: a concept rendered three ways shows its three renderings and counts side
by side, deprecated ones struck through in red.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from openpyxl.worksheet.filters import AutoFilter

from termcheck.core.model import Finding
from termcheck.glossary.model import Concept, Glossary, TermStatus
from termcheck.matching.usage import ConceptUsage
from termcheck.writers.xlsx import styles
from termcheck.writers.xlsx.cells import Run, runs_cell, text_cell, value_cell
from termcheck.writers.xlsx.layout import TERMS_COLUMNS
from termcheck.writers.xlsx.sheet_format import SheetRows, Width, describe_counts, print_setup

LIMITS = (
    Width(12, 28, wrap=True),  # concept
    Width(10, 24, wrap=True),  # chinese
    Width(16, 34, wrap=True),  # preferred english
    Width(10, 10),  # in source
    Width(30, 56, wrap=True),  # renderings
    Width(12, 12),  # preferred %
    Width(9, 9),  # findings
    Width(10, 30, wrap=True),  # by check
)


def _renderings(usage: ConceptUsage) -> list[tuple[str, TermStatus, int]]:
    ranked = sorted(usage.renderings.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return [(text, status, count) for (text, status), count in ranked]


def _rendering_runs(usage: ConceptUsage) -> list[Run]:
    runs: list[Run] = []
    for index, (text, status, count) in enumerate(_renderings(usage)):
        if index:
            runs.append(("\n", None))
        if status is TermStatus.DEPRECATED:
            runs.append((text, styles.DEPRECATED))
            runs.append((f" ×{count} (deprecated)", None))
        else:
            runs.append((f"{text} ×{count}" + (" (admitted)" if status is TermStatus.ADMITTED else ""), None))
    return runs


def _plain(runs: list[Run]) -> str:
    return "".join(text for text, _ in runs)


def _preferred_share(concept: Concept, usage: ConceptUsage) -> float | None:
    total = sum(usage.renderings.values())
    preferred = concept.preferred_en
    if not total or preferred is None:
        return None
    return usage.renderings[(preferred.text, preferred.status)] / total


def write_terms_sheet(
    rows: SheetRows,
    glossary: Glossary | None,
    usage: Mapping[str, ConceptUsage],
    findings: Sequence[Finding],
    bilingual: bool,
) -> None:
    by_concept: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in findings:
        if finding.concept:
            by_concept[finding.concept][finding.code] += 1
    concepts = glossary.by_id() if glossary is not None else {}
    seen = [c for c in concepts.values() if c.id in usage or c.id in by_concept]
    order = {c.id: i for i, c in enumerate(seen)}
    seen.sort(key=lambda c: (-sum(by_concept[c.id].values()), order[c.id]))  # most findings first
    usages = [usage.get(c.id, ConceptUsage()) for c in seen]
    runs = [_rendering_runs(u) for u in usages]
    by_check = [describe_counts(by_concept[c.id]) for c in seen]
    plain = [
        [
            c.id,
            ", ".join(t.text for t in c.zh_terms),
            c.preferred_en.text if c.preferred_en else "",
            "",
            _plain(r),
            "",
            "",
            checks,
        ]
        for c, r, checks in zip(seen, runs, by_check, strict=True)
    ]
    rows.set_columns(TERMS_COLUMNS, LIMITS, plain, () if bilingual else {"In source"})
    sheet = rows.sheet
    sheet.freeze_panes = "B2"
    print_setup(sheet)
    sheet.auto_filter = AutoFilter(ref=f"A1:{rows.last_letter}{len(seen) + 1}")
    palette = rows.palette
    wrap, number, share = palette[styles.WRAP], palette[styles.NUMBER], palette.formatted(styles.NUMBER, "0%")
    rows.append([text_cell(h, palette[styles.HEADER]) for h in TERMS_COLUMNS])
    for concept, use, run, texts in zip(seen, usages, runs, plain, strict=True):
        rows.append(
            [
                text_cell(texts[0], wrap),
                text_cell(texts[1], wrap),
                text_cell(texts[2], wrap),
                value_cell(use.source if bilingual else None, number),
                runs_cell(run, wrap),
                value_cell(_preferred_share(concept, use), share),
                value_cell(sum(by_concept[concept.id].values()) or None, number),
                text_cell(texts[7], wrap),
            ]
        )
