"""Tokens a translation must carry over unchanged: placeholders and markup (TC219), and links, e-mail
addresses, @handles and #hashtags (TC220). Each finder returns (token, kind, span) in text order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple


class Token(NamedTuple):
    text: str  # as it is compared
    kind: str  # "printf", "brace", "icu", "tag", "url", "email", "handle", "hashtag"
    span: tuple[int, int]


# printf: %s %d %1$s %-5.2f %lld; never after a Latin letter or digit ("50%" is a percentage) and never a
# space flag ("50% of" is not "% o"); %% is an escaped percent sign, not a placeholder.
_PRINTF = re.compile(
    r"(?<![A-Za-z0-9_%])%(?:(\d+)\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?([sdiufFeEgGxXoaAcp@])(?![A-Za-z])"
)
# ICU argument with a type: {count, plural, …} {d, date, short}; compared by argument name and type.
_ICU = re.compile(
    r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*(plural|select|selectordinal|number|date|time|spellout|ordinal|duration)\b"
)
# brace placeholders: {0} {name} {{name}} (not ICU, not JSON-like text with spaces or colons)
_BRACE = re.compile(r"\{\{?\s*(\d+|[A-Za-z_][A-Za-z0-9_.]*)\s*\}?\}")
# HTML/XML tags in plain text (an XLIFF's native codes are not text, so these are tags typed in the text)
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)(?:\s+[A-Za-z_:][A-Za-z0-9:_-]*\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*\s*(/?)>"
)  # attributes need values, so "a <b and c> d" is not a tag

_TRAILING = ".,;:!?]}'\"。，；：！？）」』】、…"
# A URL ends at white space, a quote or bracket, or Chinese text: Chinese puts no space after one.
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+", re.I)
_EMAIL = re.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_HANDLE = re.compile(r"(?<![A-Za-z0-9_@./])@[A-Za-z_][A-Za-z0-9_]{1,30}\b")
_HASHTAG = re.compile(r"(?<![A-Za-z0-9_&#/])#[A-Za-z][A-Za-z0-9_]{1,60}\b(?!#)")


def placeholders(text: str) -> list[Token]:
    found: list[Token] = []
    taken: list[tuple[int, int]] = []
    for match in _ICU.finditer(text):
        found.append(Token(f"{{{match.group(1)}, {match.group(2)}}}", "icu", match.span()))
        taken.append(match.span())
    for match in _BRACE.finditer(text):
        if not _inside(match.span(), taken):
            found.append(Token(match.group(), "brace", match.span()))
    for match in _PRINTF.finditer(text):
        found.append(Token(match.group(), "printf", match.span()))
    for match in _TAG.finditer(text):
        slash, name, closing = match.groups()
        shape = f"</{name.lower()}>" if slash else f"<{name.lower()}/>" if closing else f"<{name.lower()}>"
        found.append(Token(shape, "tag", match.span()))
    return sorted(found, key=lambda t: t.span)


def links(text: str) -> list[Token]:
    found: list[Token] = []
    taken: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        while url.endswith(")") and url.count("(") < url.count(")"):  # "(see www.x.org)" but not a wiki path
            url = url[:-1].rstrip(_TRAILING)
        span = (match.start(), match.start() + len(url))
        if "." in url or "/" in url:
            found.append(Token(_normal_url(url), "url", span))
            taken.append(span)
    for pattern, kind in ((_EMAIL, "email"), (_HANDLE, "handle"), (_HASHTAG, "hashtag")):
        for match in pattern.finditer(text):
            if not _inside(match.span(), taken):
                found.append(Token(match.group().lower() if kind != "hashtag" else match.group(), kind, match.span()))
                taken.append(match.span())
    return sorted(found, key=lambda t: t.span)


def unmatched(tokens: Sequence[Token], against: Sequence[Token]) -> list[Token]:
    """The tokens that `against` has no counterpart for, counted as multisets: of a text that stands twice
    where `against` has it once, the second occurrence, in text order."""
    left = Counter(t.text for t in against)
    out = []
    for token in tokens:
        if left[token.text] > 0:
            left[token.text] -= 1
        else:
            out.append(token)
    return out


def pair_up(
    lost: Sequence[Token], spare: Sequence[Token], same: Callable[[Token, Token], bool]
) -> tuple[list[tuple[Token, Token | None]], list[Token]]:
    """Each lost source token with the first spare target token that stands in for it (`same`), each spare
    token used once; and the spare tokens left over."""
    left = list(spare)
    pairs: list[tuple[Token, Token | None]] = []
    for token in lost:
        instead = next((t for t in left if same(token, t)), None)
        if instead is not None:
            left.remove(instead)
        pairs.append((token, instead))
    return pairs, left


def printf_conversion(token: str) -> tuple[str, str]:
    """(argument position or "", conversion letter) of a printf placeholder."""
    match = _PRINTF.fullmatch(token)
    return (match.group(1) or "", match.group(2)) if match else ("", "")


def _normal_url(url: str) -> str:
    """Scheme and host compare without case; a path keeps its case."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        rest, scheme = url, ""
    host, slash, path = rest.partition("/")
    return (scheme.lower() + sep if scheme else "") + host.lower() + slash + path


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)
