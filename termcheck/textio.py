"""Opening user files as text: encoding detection, line-accurate decode errors.

Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; otherwise UTF-8 if the
file's first 64 KiB decode as UTF-8, else GB18030. `encoding=` overrides detection.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from typing import IO

from termcheck.errors import InputError

SNIFF_BYTES = 64 * 1024
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def csv_delimiter(path: str) -> str:
    """Tab for .tsv/.tab files, comma otherwise."""
    return "\t" if path.lower().endswith((".tsv", ".tab")) else ","


def sniff_delimiter(path: str, header: str) -> str:
    """`csv_delimiter`, except that a header with tabs and no commas is tab-separated whatever the extension:
    Excel's "Unicode Text" saves a sheet as tab-separated UTF-16 named .txt."""
    if csv_delimiter(path) == "," and "\t" in header and "," not in header:
        return "\t"
    return csv_delimiter(path)


def check_readable(path: str) -> None:
    if not os.path.exists(path):
        raise InputError(path, "no such file")
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a file")
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied")


def detect_encoding(path: str, head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if utf16 := _utf16_without_bom(head[:4096]):
        return utf16
    if _decodes(head, "utf-8"):
        return "utf-8"
    if utf16 := _utf16_without_bom(head[:4096], heavy=False):
        return utf16  # Chinese in UTF-16: few NULs, but every line end has one, all at the same parity
    if b"\x00" in head[:4096]:
        raise InputError(path, "looks like UTF-16/32 without a byte-order mark; pass --encoding")
    if _decodes(head, "gb18030"):
        return "gb18030"
    return "utf-8"  # let the real decode report the exact line


def _utf16_without_bom(sample: bytes, heavy: bool = True) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte (valid UTF-8 too, but not text); UTF-16
    Chinese has a NUL at least in each line end. Either way the NULs sit at one byte parity."""
    nuls = sample.count(0)
    if len(sample) < 4 or not nuls or (heavy and (nuls < 2 or nuls < len(sample) // 4)):
        return None  # one NUL is no evidence against UTF-8: "ab\x00\n" is UTF-8 text with a stray NUL
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * even and _decodes(sample, "utf-16-le"):
        return "utf-16-le"
    if even > 3 * odd and _decodes(sample, "utf-16-be"):
        return "utf-16-be"
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(data, final=False)  # an incomplete final character is not an error
    except UnicodeDecodeError:
        return False
    return True


def resolve_encoding(path: str, encoding: str | None) -> str:
    check_readable(path)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            return "utf-8-sig"  # a BOM is never part of the text
        return encoding
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return detect_encoding(path, head)


def decode_error(path: str, encoding: str, exc: UnicodeDecodeError | None = None, given: bool = False) -> InputError:
    """Find the line of the first undecodable byte by decoding the file incrementally. `given`: the encoding
    came from --encoding (so the advice is to check it, not to pass one)."""
    advice = (
        "is the file in another encoding? GB18030 and Big5 are common for Chinese"
        if given
        else "pass --encoding (GB18030 and Big5 are common for Chinese)"
    )
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    line = 1
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 16):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as err:
                line += chunk[: err.start].count(b"\n")
                bad = chunk[err.start : err.start + 4].hex(" ")
                return InputError(
                    path, f"cannot decode as {encoding.removesuffix('-sig')} (bytes {bad}); {advice}", line
                )
            line += chunk.count(b"\n")
    reason = f"cannot decode as {encoding}" + (f": {exc.reason}" if exc else "")
    return InputError(path, reason)


def open_text(path: str, encoding: str | None = None, newline: str | None = None) -> tuple[IO[str], str]:
    """Open a file for reading text (universal newlines unless `newline` says otherwise). Returns the stream
    and the encoding used."""
    chosen = resolve_encoding(path, encoding)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - handed to the wrapper, closed with it
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return io.TextIOWrapper(raw, encoding=chosen, errors="strict", newline=newline), chosen


def read_lines(path: str, encoding: str | None = None) -> Iterator[str]:
    """Yield the file's lines without line ends; decode errors name the line.

    Lines end at "\n" as git, editors and `wc -l` count them, so line numbers match what a person opens:
    "\r\n" and a stray "\r\r\n" end one line, and a lone "\r" inside a line does not end it."""
    stream, chosen = open_text(path, encoding, newline="\n")
    with stream:
        try:
            for line in stream:
                yield line.rstrip("\n").rstrip("\r")
        except UnicodeDecodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None


def read_text(path: str, encoding: str | None = None) -> str:
    stream, chosen = open_text(path, encoding)
    with stream:
        try:
            return stream.read()
        except UnicodeDecodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None
