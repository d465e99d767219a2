"""Glossaries: the concept model and its file formats."""

from termcheck.glossary.io import load_glossaries, load_glossary, save_glossary
from termcheck.glossary.model import Concept, Glossary, Term, TermStatus

__all__ = ["Concept", "Glossary", "Term", "TermStatus", "load_glossaries", "load_glossary", "save_glossary"]
