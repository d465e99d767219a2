"""Regenerate native/src/data/english_keys.txt: the English key tables the native core keys chunks from.

termcheck keys English text with spaCy's blank English tokenizer and lemminflect's lemmas
(termcheck.text.lemmas). The native core keys the chunks these tables fully decide itself and asks
Python for the rest; the tables live in the crate (compiled into the extension with include_str!), as
only the core reads them. The file is plain sorted text, one record a line, in sections:

- `version PACKAGE VERSION`: the spaCy and lemminflect the table is made from. Where others are installed
  the core keys every chunk through Python (termcheck.core.native.english_tables), so both engines
  still key alike.
- `key FORM<tab>KEY`: a lowercase ASCII form whose key (termcheck.text.lemmas.lemma) is not the form
  itself. Forms lemminflect knows key the same with and without guessing, so one key serves both.
- `same FORM`: a form lemminflect knows that keys as itself although it looks like a plural it does not
  know (alphabetic, longer than 3, ending in s), which the core would otherwise hand to Python for
  lemminflect's out-of-vocabulary rules ("analysis", "news").
- `special TEXT`: spaCy's tokenizer exceptions made of the characters below (a chunk that is one, or
  is one once affixes are split off, goes to Python), and `retokenize TEXT TOKEN…`: those of them
  spaCy also looks for as a run of tokens inside a longer chunk, with those tokens (its affix rules'
  split), where the exception splits otherwise (a chunk whose tokens hold that run goes to Python).
- `oov TAKEN,PUT,UNDOUBLE`: lemminflect's rules for the lemma of a word it does not know. Its model
  picks one by the word's letters; the core does not run the model, but a word none of whose keys
  by any rule is a glossary key matches nothing, whichever the model picks.
- `chars NAME CHARS`: the ASCII characters the core tokenizes, and spaCy's rules on them read from
  the installed tokenizer: single-character prefixes and suffixes (and those split off after a digit:
  "%"), the characters after which a final
  full stop is split off (alone, and as the second of two capitals), and single-character infixes.

The rules are read by probing the tokenizer, and checked against it on every string of up to three
(four for infixes) of these characters before the file is written, so a spaCy whose rules the core's
reading of them no longer fits fails here, not in a run. Only ASCII forms and chunks are covered: for
them Python's and Rust's case mapping and character classes agree.
tests/test_native_key_tables.py checks the file equals what this script makes from the installed packages.

    python scripts/gen_english_keys.py           # write the file
    python scripts/gen_english_keys.py --check   # exit 1 if the shipped file is stale
"""

from __future__ import annotations

import argparse
import itertools
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parent.parent / "native" / "src" / "data" / "english_keys.txt"
PACKAGES = ("spacy", "lemminflect")  # the versions the table is made from: the core uses it only with these
LETTERS = string.ascii_letters
# The punctuation the core tokenizes: none starts spaCy's multi-character affixes ("US$", "..", digits and units).
PUNCTUATION = "()[]{}<>\"'`,;:!?.-~/=&*#_%+@"
ALPHABET = LETTERS + string.digits + PUNCTUATION
# spaCy's rules that look at digits (units and currencies after a number, "+" before one, arithmetic and hyphens
# after one) all need a digit next to one of these, but for "%" after a number: the core hands such chunks to
# Python.
AFTER_DIGIT = string.ascii_letters + "+-*:<>=/~"


def hands_over(text: str) -> bool:
    """Whether the core hands a chunk to Python for its characters alone."""
    pairs = itertools.pairwise(text)
    return ".." in text or any((a.isdigit() and b in AFTER_DIGIT) or (a == "+" and b.isdigit()) for a, b in pairs)


def _known_forms() -> set[str]:
    """Every lowercase ASCII word lemminflect's getAllLemmas answers for (its table and its overrides)."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    forms = set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())
    # a form with a space ("book shelves") is never one token of a chunk
    return {form for form in forms if form.isascii() and form == form.lower() and form and " " not in form}


def _guessed(form: str) -> bool:
    return len(form) > 3 and form.endswith("s") and form.isalpha()


def key_lines() -> Iterator[str]:
    from lemminflect import getAllLemmas

    from termcheck.text.lemmas import lemma

    for form in sorted(_known_forms()):
        if not getAllLemmas(form):
            continue
        key = lemma(form)
        assert key == lemma(form, guess=False), form
        if key != form:
            yield f"key {form}\t{key}"
        elif _guessed(form):
            yield f"same {form}"


def _tokenizer() -> Any:
    from termcheck.text.lemmas import _tokenizer

    return _tokenizer()


def _affix_tokenizer() -> Any:
    """spaCy's English tokenizer without its exceptions: what its affix rules alone make of a text."""
    from spacy.tokenizer import Tokenizer

    tokenizer = _tokenizer()
    return Tokenizer(
        tokenizer.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )


def special_lines() -> Iterator[str]:
    tokenizer = _tokenizer()
    plain = _affix_tokenizer()
    for text, pieces in sorted(tokenizer.rules.items()):
        if not set(text) <= set(ALPHABET):
            continue  # the core hands every chunk with another character to Python
        yield f"special {text}"
        wanted = [piece[65] if 65 in piece else piece["ORTH"] for piece in pieces]  # 65: spacy.attrs.ORTH
        split = [t.text for t in plain(text)]
        if split != wanted:
            yield f"retokenize {text} {' '.join(split)}"


class Rules:
    """spaCy's affix rules on ASCII letters and PUNCTUATION, as the core applies them (native/src/tokens.rs)."""

    def __init__(self) -> None:
        tokenizer = _tokenizer()
        self.prefix_search = tokenizer.prefix_search
        self.suffix_search = tokenizer.suffix_search
        self.infix_finditer = tokenizer.infix_finditer
        self.prefix_chars = "".join(c for c in ALPHABET if self._prefix(c + "a") == 1)
        self.suffix_chars = "".join(c for c in ALPHABET if c != "." and self._suffix("a" + c) == 1)
        self.dot_after = "".join(c for c in ALPHABET if self._suffix(c + ".") == 1)
        self.dot_after_two = "".join(c for c in ALPHABET if c not in self.dot_after and self._suffix(c + c + ".") == 1)
        self.suffix_after_digit = "".join(
            c for c in ALPHABET if c not in self.suffix_chars + "." + AFTER_DIGIT and self._suffix("1" + c) == 1
        )
        self.infix_chars = "".join(c for c in PUNCTUATION if self._infixes("a" + c + "a") == [(1, 2)])

    def _prefix(self, text: str) -> int:
        found = self.prefix_search(text)
        return found.end() - found.start() if found else 0

    def _suffix(self, text: str) -> int:
        found = self.suffix_search(text)
        return found.end() - found.start() if found else 0

    def _infixes(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.infix_finditer(text)]

    def prefix(self, text: str) -> int:
        return 1 if text[:1] and text[0] in self.prefix_chars and not text.startswith("..") else 0

    def suffix(self, text: str) -> int:
        if text.endswith(("'s", "'S")):
            return 2
        last = text[-1:]
        if last == ".":
            before = text[:-1]
            if before[-1:] and before[-1] in self.dot_after:
                return 1
            two = before[-2:]
            return 1 if len(two) == 2 and two[0] in self.dot_after_two and two[1] in self.dot_after_two else 0
        if last and last in self.suffix_after_digit:
            return 1 if text[-2:-1].isdigit() else 0
        return 1 if last and last in self.suffix_chars else 0

    def infixes(self, text: str) -> list[tuple[int, int]]:
        """The core's reading: a run of non-letters between two letters is an infix if it is one infix
        character, or two or three hyphens."""
        found = []
        i = 0
        while i < len(text):
            if text[i] in LETTERS:
                i += 1
                continue
            j = i
            while j < len(text) and text[j] not in LETTERS:
                j += 1
            run = text[i:j]
            if i > 0 and j < len(text) and ((len(run) == 1 and run in self.infix_chars) or run in ("--", "---")):
                found.append((i, j))
            i = j
        return found

    def check(self) -> None:
        """The core's reading equals spaCy's on every string of up to three ALPHABET characters it does not hand over
        (four for infixes, over letters standing for all), which the rules' lookbehinds cannot see past."""
        for size in (1, 2, 3):
            for chars in itertools.product(ALPHABET, repeat=size):
                text = "".join(chars)
                if hands_over(text):
                    continue
                assert self.prefix(text) == self._prefix(text), ("prefix", text)
                assert self.suffix(text) == self._suffix(text), ("suffix", text)
        # an infix's lookbehind and lookahead see one character each side: every run of up to three non-letters
        # between (or beside) letters, and longer runs of hyphens and tildes
        runs = [
            "".join(chars)
            for size in (1, 2, 3)
            for chars in itertools.product(string.digits[:2] + PUNCTUATION.replace(".", ""), repeat=size)
        ]
        runs += ["-" * size for size in (4, 5, 6)] + ["~" * size for size in (2, 4)]
        for run in runs:
            for left, right in itertools.product(("", "a", "Z", "a-", "Zb", "1", "a1"), repeat=2):
                text = left + run + right[::-1]
                if hands_over(text):
                    continue
                assert self.infixes(text) == self._infixes(text), ("infix", text)

    def lines(self) -> Iterator[str]:
        yield f"chars alphabet {string.digits}{PUNCTUATION}"
        yield f"chars after_digit {AFTER_DIGIT}"
        yield f"chars prefix {self.prefix_chars}"
        yield f"chars suffix {self.suffix_chars}"
        yield f"chars suffix_after_digit {self.suffix_after_digit}"
        yield f"chars dot_after {self.dot_after}"
        yield f"chars dot_after_two {self.dot_after_two}"
        yield f"chars infix {self.infix_chars}"


def oov_lines() -> Iterator[str]:
    """lemminflect's out-of-vocabulary lemma rules (LemmatizerRules: ending taken off, ending put on, undouble)."""
    from lemminflect import Lemmatizer

    for rule in Lemmatizer()._getOOVLemmatizer().rules:
        if len(rule.split(",")) != 3 or " " in rule:
            raise ValueError(f"an out-of-vocabulary rule the core cannot read: {rule!r}")
        yield f"oov {rule}"


def version_lines() -> Iterator[str]:
    from importlib.metadata import version

    for package in PACKAGES:
        yield f"version {package} {version(package)}"


def build() -> str:
    rules = Rules()
    rules.check()
    lines = [*version_lines(), *rules.lines(), *oov_lines(), *special_lines(), *key_lines()]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped file is not what this makes")
    args = parser.parse_args()
    text = build()
    if args.check:
        return 0 if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: {len(text.encode()):,} bytes, {text.count(chr(10)):,} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
