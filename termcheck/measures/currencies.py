"""Currencies: CLDR's Chinese and English names, symbols and ISO codes (termcheck/data/cldr_quantities.json),
with the everyday Chinese names (块钱, 美金, 港币, 澳元) and English forms (RMB, yuan, bucks) CLDR lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from termcheck.measures.units import cldr

_CHINESE: dict[str, tuple[str, ...]] = {
    "CNY": ("元", "块", "块钱", "人民币", "人民币元"), "USD": ("美金",), "HKD": ("港币", "港元"),
    "TWD": ("台币", "新台币"),
    "AUD": ("澳元", "澳币"), "CAD": ("加元", "加币"), "SGD": ("新元", "新币"), "JPY": ("日圆", "日币"),
    "KRW": ("韩币",), "MOP": ("澳门元", "葡币"), "RUB": ("卢布",), "CHF": ("瑞郎",), "INR": ("卢比",),
}  # fmt: skip
# A bare "$" or "dollars" is the US dollar (documented in docs/checks.md): for 港元 or 澳元 it is wrong.
_ENGLISH: dict[str, tuple[str, ...]] = {
    "CNY": ("yuan", "RMB", "renminbi", "¥", "￥", "kuai", "Chinese yuan"),
    "USD": ("$", "dollar", "dollars", "US$", "U.S. dollars"),
    "HKD": ("HK dollars", "Hong Kong dollar", "Hong Kong dollars"),
    "TWD": ("NT dollars", "Taiwan dollars", "New Taiwan dollars"),
    "AUD": ("A$", "AU$", "Australian dollars"), "CAD": ("C$", "Canadian dollars"), "SGD": ("S$", "Singapore dollars"),
    "JPY": ("yen", "¥", "￥"), "KRW": ("won",), "EUR": ("euro", "euros"),
    "GBP": ("pound", "pounds", "sterling", "pounds sterling"),
    "MOP": ("patacas", "MOP$"), "RUB": ("rubles", "roubles"), "CHF": ("Swiss francs", "francs"), "INR": ("rupees",),
}  # fmt: skip
# an ISO code or a symbol of letters only counts as a wrong currency for these; "ALL" or "TOP" is a word
_MAJOR = frozenset(_CHINESE) | {"EUR", "GBP"}
NAMES = {
    "CNY": "yuan (RMB, CNY)", "USD": "US dollars (US$, USD)", "HKD": "Hong Kong dollars (HK$, HKD)",
    "EUR": "euros (€, EUR)", "GBP": "pounds (£, GBP)", "JPY": "yen (¥, JPY)", "TWD": "New Taiwan dollars (NT$, TWD)",
    "KRW": "won (₩, KRW)", "AUD": "Australian dollars (A$, AUD)", "CAD": "Canadian dollars (C$, CAD)",
}  # fmt: skip


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    codes: frozenset[str]


@dataclass(frozen=True)
class Currencies:
    chinese: re.Pattern[str]  # a Chinese currency name
    chinese_codes: dict[str, str]
    english: ahocorasick.Automaton  # lower-cased forms → (form, whether its case counts, currencies)

    def find(self, text: str) -> list[Found]:
        """The currency names and symbols in English text, longest first where they overlap."""
        hits: list[Found] = []
        lowered = text.lower()
        if len(lowered) != len(text):  # a few letters change length when lower-cased: keep offsets
            lowered = text
        for end, (form, cased, codes) in self.english.iter(lowered):
            start = end - len(form) + 1
            if cased and text[start : end + 1] != form and text[start : end + 1] not in (form.title(), form.upper()):
                continue
            if form[0].isalpha() and start > 0 and text[start - 1].isalpha():
                continue
            if end + 1 < len(text) and text[end + 1].isalpha() and (form[-1].isalpha() or form[-1] == "$"):
                continue
            hits.append(Found(start, end + 1, text[start : end + 1], codes))
        hits.sort(key=lambda f: (f.start, -f.end))
        kept: list[Found] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept


def name_of(code: str) -> str:
    return NAMES.get(code) or f"{cldr()['currencies'][code]['en'][0]} ({code})"


@cache
def currencies() -> Currencies:
    table = cldr()["currencies"]
    chinese: dict[str, str] = {}
    english: dict[str, set[str]] = {}
    for code, names in table.items():
        for form in names["zh"]:
            chinese.setdefault(form, code)
        for form in names["en"]:
            if form.isascii() and form.isalpha() and form.isupper() and code not in _MAJOR:
                continue
            key = form.lower() if form.isascii() and len(form) > 3 and not form.isupper() else form
            english.setdefault(key, set()).add(code)
    for code, forms in _CHINESE.items():
        for form in forms:
            chinese[form] = code
    for code, forms in _ENGLISH.items():
        for form in forms:
            key = form.lower() if form.isascii() and len(form) > 3 and not form.isupper() else form
            english.setdefault(key, set()).add(code)
    english["$"] = {"USD"}
    merged: dict[str, tuple[str, bool, frozenset[str]]] = {}
    for form, codes in english.items():
        # a name matches in any case; a symbol or an ISO code as written ("CAD", not "cad")
        _, cased, before = merged.get(form.lower(), (form, not form.islower(), frozenset()))
        merged[form.lower()] = (form, cased and not form.islower(), before | codes)
    automaton = ahocorasick.Automaton()
    for key, value in merged.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    zh = sorted(chinese, key=lambda f: (-len(f), f))
    return Currencies(
        re.compile("|".join(map(re.escape, zh))),
        chinese,
        automaton,
    )
