"""Finding glossary terms in text: Chinese source (Aho–Corasick) and English target (token keys)."""

from termcheck.matching.hits import TermHit, TermRef
from termcheck.matching.source import SourceMatcher
from termcheck.matching.target import TargetMatcher, TargetMatches

__all__ = ["SourceMatcher", "TargetMatcher", "TargetMatches", "TermHit", "TermRef"]
