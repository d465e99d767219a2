"""A check's documented examples as data: each says what the check does with a source and a target, and the
test suite runs every one (tests/test_check_examples.py), so the reference (docs/checks.md, `termcheck
explain`) cannot promise what the check does not do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from termcheck.core.model import Severity
from termcheck.glossary.model import Concept, Glossary, Term, TermStatus

Pair = tuple[str | None, str]  # (source or None, target), as termcheck.check_segments takes them


@dataclass(frozen=True)
class Entry:
    """One glossary concept an example needs: the Chinese term and its English terms by status. `locales`
    gives English terms a locale, as a TBX glossary does (("Centre for Drug Evaluation", "en-GB"), …); a term
    named only there is one more preferred term."""

    zh: str
    en: str
    admitted: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    locales: tuple[tuple[str, str], ...] = ()

    def _more_preferred(self) -> list[str]:
        named = {self.en, *self.admitted, *self.deprecated}
        return [text for text, _locale in self.locales if text not in named]

    def concept(self, number: int) -> Concept:
        locale = dict(self.locales)
        named = [(text, TermStatus.PREFERRED) for text in (self.en, *self._more_preferred())]
        named += [(text, TermStatus.ADMITTED) for text in self.admitted]
        named += [(text, TermStatus.DEPRECATED) for text in self.deprecated]
        english = tuple(Term(text, "en", status, locale=locale.get(text, "")) for text, status in named)
        return Concept(f"entry-{number}", (Term(self.zh, "zh"), *english))

    def line(self) -> str:
        """The entry as one line of the rendered example: 激素治疗失败 = steroid-refractory; deprecated: …"""
        locale = dict(self.locales)

        def terms(texts: Iterable[str]) -> str:
            return ", ".join(f"{text} ({locale[text]})" if text in locale else text for text in texts)

        line = f"{self.zh} = {terms((self.en, *self._more_preferred()))}"
        if self.admitted:
            line += f"; admitted: {terms(self.admitted)}"
        if self.deprecated:
            line += f"; deprecated: {terms(self.deprecated)}"
        return line


@dataclass(frozen=True, kw_only=True)
class Example:
    """A target (with its source, where the check reads one) that the check reports (`bad`) or passes.

    `before` holds the document's earlier segments, for a check that compares segments (TC103, TC223); the
    example's own segment comes last. `glossary` is what a TC1xx check needs; `locale` the document's English
    locale ("en-US"), as XLIFF or `[languages] target` gives it; `xliff` reads both sides as XLIFF inline
    markup. A bad example is reported at `severity`: the check's default unless the example says otherwise
    (an info note where the check lowers its own severity)."""

    source: str | None = None
    target: str
    bad: bool
    before: tuple[Pair, ...] = ()
    glossary: tuple[Entry, ...] = ()
    locale: str = ""
    severity: Severity | None = None
    xliff: bool = False  # source and target are XLIFF 1.2 inline markup, read as the XLIFF reader reads them

    def pairs(self) -> tuple[Pair, ...]:
        return (*self.before, (self.source, self.target))

    def to_glossary(self) -> Glossary:
        return Glossary([entry.concept(number) for number, entry in enumerate(self.glossary, start=1)], "example")
