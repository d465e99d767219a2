"""Regenerate termcheck/data/cldr_quantities.json from CLDR through Babel (BSD-3-Clause; CLDR: Unicode license).

The table holds, for every currency, its Chinese and English names, symbols and ISO code, and for the
units TC215 compares (length, mass, volume, area, temperature, speed, data, duration), their Chinese and
English names and symbols. termcheck reads the shipped file, so Babel is not imported at start-up;
tests/test_cldr_quantities.py checks the file equals what this script makes from the installed Babel.

    python scripts/gen_cldr_quantities.py           # write the file
    python scripts/gen_cldr_quantities.py --check   # exit 1 if the shipped file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "termcheck" / "data" / "cldr_quantities.json"
CATEGORIES = ("length", "mass", "volume", "area", "temperature", "speed", "digital", "duration")
ENGLISH = ("en", "en_GB")
SKIP_UNITS = ("-person", "-jp", "light-year", "parsec", "solar", "earth", "astronomical", "generic")


def _strip(pattern: str, number: str) -> str:
    return " ".join(pattern.replace(number, " ").split())


def _units() -> dict[str, dict[str, list[str]]]:
    from babel import Locale
    from babel.units import format_unit, get_unit_name

    table: dict[str, dict[str, list[str]]] = {}
    for unit in sorted(Locale("en")._data["unit_patterns"]):
        if unit.split("-")[0] not in CATEGORIES or any(part in unit for part in SKIP_UNITS):
            continue
        english: set[str] = set()
        for locale in ENGLISH:
            for length in ("long", "short", "narrow"):
                english.add(get_unit_name(unit, length=length, locale=locale) or "")
            for count in (1, 2):
                english.add(_strip(format_unit(count, unit, "long", locale=locale), str(count)))
        chinese = {get_unit_name(unit, length=length, locale="zh") or "" for length in ("long", "short", "narrow")}
        table[unit] = {"en": sorted(english - {""}), "zh": sorted(chinese - {""})}
    return table


def _currencies() -> dict[str, dict[str, list[str]]]:
    from babel import Locale
    from babel.numbers import get_currency_name, get_currency_symbol

    zh, en = Locale("zh"), Locale("en")
    table: dict[str, dict[str, list[str]]] = {}
    for code in sorted(en.currencies):
        english = {en.currencies[code], code}
        english |= {get_currency_name(code, count=count, locale="en") for count in (1, 2)}
        english |= {get_currency_symbol(code, locale=locale) for locale in ("en", "zh")}
        chinese = {zh.currencies.get(code, "")} - {""}
        table[code] = {"en": sorted(english), "zh": sorted(chinese)}
    return table


def build() -> str:
    import babel

    data = {"babel": babel.__version__, "units": _units(), "currencies": _currencies()}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped table differs")
    args = parser.parse_args()
    text = build()
    if args.check:
        return 0 if TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
