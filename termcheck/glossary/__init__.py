"""Glossaries: the model (concepts, terms, statuses), CSV/XLSX/TBX reading and writing, validation and merging.

The names below load on first use, so that a module needing only the model (`termcheck.glossary.model`) does
not load the XML and spreadsheet readers with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from termcheck.core.lazy import lazy_members

if TYPE_CHECKING:
    from termcheck.glossary.io import load_glossaries, load_glossary, save_glossary
    from termcheck.glossary.model import Concept, Glossary, Term, TermStatus

__all__ = ["Concept", "Glossary", "Term", "TermStatus", "load_glossaries", "load_glossary", "save_glossary"]

_LAZY = {
    "load_glossaries": "termcheck.glossary.io",
    "load_glossary": "termcheck.glossary.io",
    "save_glossary": "termcheck.glossary.io",
    "Concept": "termcheck.glossary.model",
    "Glossary": "termcheck.glossary.model",
    "Term": "termcheck.glossary.model",
    "TermStatus": "termcheck.glossary.model",
}


__getattr__ = lazy_members(__name__, _LAZY)
