"""The shipped unit and currency table is what scripts/gen_cldr_quantities.py makes from the installed Babel."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gen_cldr_quantities.py"


def test_shipped_table_equals_what_the_script_generates() -> None:
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("gen_cldr_quantities", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TARGET.read_text(encoding="utf-8") == module.build()


def test_table_holds_every_currency_and_the_units_compared() -> None:
    from termcheck.measures.units import cldr, units

    table = cldr()
    assert {"CNY", "USD", "EUR", "GBP", "JPY", "HKD", "TWD", "KRW", "AUD", "CAD"} <= set(table["currencies"])
    assert table["currencies"]["KRW"]["zh"] == ["韩元"]
    assert "square feet" in table["units"]["area-square-foot"]["en"]
    assert {u.dimension for u in units().values()} >= {"length", "mass", "volume", "area", "temperature", "speed"}
