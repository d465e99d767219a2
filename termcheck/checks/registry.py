"""Every check termcheck has, declared in one list. Codes are stable: never reuse one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termcheck.checks.base import Check
from termcheck.checks.project_rules import rule_checks
from termcheck.checks.rules import Rule
from termcheck.checks.tc101_deprecated_term import DeprecatedTerm
from termcheck.checks.tc102_missing_term import MissingTerm
from termcheck.checks.tc103_inconsistent_rendering import InconsistentRendering
from termcheck.checks.tc104_fewer_renderings import FewerRenderings
from termcheck.checks.tc105_locale_variant import LocaleVariant
from termcheck.checks.tc201_untranslated import Untranslated
from termcheck.checks.tc202_number_missing import NumberMissing
from termcheck.checks.tc203_number_added import NumberAdded
from termcheck.checks.tc204_number_magnitude import NumberMagnitude
from termcheck.checks.tc205_inclusive_bound import InclusiveBound
from termcheck.checks.tc206_fullwidth_punctuation import FullwidthPunctuation
from termcheck.checks.tc207_unbalanced_pair import UnbalancedPair
from termcheck.checks.tc208_doubled_space import DoubledSpace
from termcheck.checks.tc209_doubled_word import DoubledWord
from termcheck.checks.tc210_name_spelling import NameSpelling
from termcheck.checks.tc211_omission import Omission
from termcheck.checks.tc212_number_format import NumberFormat
from termcheck.checks.tc213_percentage_point import PercentagePoint
from termcheck.checks.tc214_multiplicative import Multiplicative
from termcheck.checks.tc215_unit import UnitChanged
from termcheck.checks.tc216_currency import CurrencyChanged
from termcheck.checks.tc217_repetition_loop import RepetitionLoop
from termcheck.checks.tc218_inline_codes import InlineCodes
from termcheck.checks.tc219_placeholders import Placeholders
from termcheck.checks.tc220_links import Links
from termcheck.checks.tc221_empty_target import EmptyTarget
from termcheck.checks.tc222_edge_whitespace import EdgeWhitespace
from termcheck.checks.tc223_inconsistent_translation import InconsistentTranslation
from termcheck.checks.tc224_inconsistent_source import InconsistentSource
from termcheck.core.errors import UsageError

ALL_CHECKS: tuple[type[Check], ...] = (
    DeprecatedTerm,
    MissingTerm,
    InconsistentRendering,
    FewerRenderings,
    LocaleVariant,
    Untranslated,
    NumberMissing,
    NumberAdded,
    NumberMagnitude,
    InclusiveBound,
    FullwidthPunctuation,
    UnbalancedPair,
    DoubledSpace,
    DoubledWord,
    NameSpelling,
    Omission,
    NumberFormat,
    PercentagePoint,
    Multiplicative,
    UnitChanged,
    CurrencyChanged,
    RepetitionLoop,
    InlineCodes,
    Placeholders,
    Links,
    EmptyTarget,
    EdgeWhitespace,
    InconsistentTranslation,
    InconsistentSource,
)


def catalogue(rules: Iterable[Rule] = ()) -> tuple[type[Check], ...]:
    """Every check a run may choose from: termcheck's own, then the project's rules (termcheck.toml)."""
    extra = rule_checks(rules)
    taken = {c.code for c in ALL_CHECKS} | {c.name for c in ALL_CHECKS}
    for check in extra:
        if check.code in taken:
            raise UsageError(f"rule {check.code}: its id is already a check's code or name or another rule's id")
        taken.add(check.code)
    return ALL_CHECKS + extra


def get_check(code: str, available: Sequence[type[Check]] = ALL_CHECKS) -> type[Check]:
    for check in available:
        if check.code.upper() == code.upper() or check.name == code.lower():
            return check
    raise UsageError(f"unknown check {code!r}; `termcheck checks` lists them")


def _matches(check: type[Check], selector: str) -> bool:
    selector = selector.strip()
    return (
        check.code.upper().startswith(selector.upper()) or check.name == selector.lower() or selector.upper() == "ALL"
    )


def select_checks(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    available: Sequence[type[Check]] = ALL_CHECKS,
) -> list[type[Check]]:
    """ruff-style: --select and --ignore take codes, code prefixes (TC1) or names (and rule ids)."""
    selectors = [s for s in (select or ()) if s.strip()]
    ignored = [s for s in (ignore or ()) if s.strip()]
    for selector in (*selectors, *ignored):
        if not any(_matches(c, selector) for c in available):
            raise UsageError(f"no check matches {selector!r}; `termcheck checks` lists them")
    chosen = [c for c in available if not selectors or any(_matches(c, s) for s in selectors)]
    return [c for c in chosen if not any(_matches(c, s) for s in ignored)]
