from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).parent
CASES = HERE / "cases"
DATA = HERE / "data"
ROOT = HERE.parent


ENGINES = ("python", "native")


def native_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("termcheck_native") is not None


@pytest.fixture(params=ENGINES)
def engine(request, monkeypatch):
    """Each engine in turn (termcheck.core.native): the Python reference, and the native core where it is built."""
    from termcheck.core import native

    if request.param == "native" and not native_installed():
        pytest.skip("the native core is not installed (pip install ./native)")
    monkeypatch.setenv(native.ENGINE_VARIABLE, request.param)
    native.reset()
    yield request.param
    native.reset()


def load_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def inline_side(text: str | None, xml: bool) -> tuple[str | None, tuple]:
    """A test's text, or with `xml` true XLIFF inline markup read as the XLIFF reader reads it: (text, codes)."""
    if text is None or not xml:
        return text, ()
    from lxml import etree

    from termcheck.readers.inline import text_and_codes

    return text_and_codes(etree.fromstring(f'<seg xmlns="urn:oasis:names:tc:xliff:document:1.2">{text}</seg>'))


@pytest.fixture(scope="session")
def case_glossary():
    from termcheck.glossary import load_glossary

    return load_glossary(str(CASES / "glossary.csv"))


@pytest.fixture(scope="session")
def case_checker_factory(case_glossary):
    """Checkers are costly to build (spaCy, automata): one per selection, shared by the session."""
    from termcheck.core.model import Severity
    from termcheck.glossary import load_glossary
    from termcheck.run.engine import Checker, CheckOptions

    cache: dict[tuple, Checker] = {}

    def make(
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        allow: tuple[str, ...] = (),
        glossary: str = "",
        severity: tuple[tuple[str, str], ...] = (),
    ) -> Checker:
        """`glossary`: a file in tests/cases instead of glossary.csv (as a case's `glossary` key names one);
        `severity`: (code, severity) pairs, as a case's `severity` table sets them in the configuration."""
        from termcheck.core.native import engine_name

        key = (select, ignore, allow, glossary, severity, engine_name())
        if key not in cache:
            chosen = load_glossary(str(CASES / glossary)) if glossary else case_glossary
            severities = {code: Severity.parse(name) for code, name in severity}
            options = CheckOptions(select=select, ignore=ignore, allow_untranslated=allow, severities=severities)
            cache[key] = Checker(chosen, options)
        return cache[key]

    return make
