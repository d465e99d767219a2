"""Opening user files as text: encoding detection, line-accurate decode errors.

Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; otherwise UTF-8 if the
file's first 64 KiB decode as UTF-8, else GB18030. `encoding=` overrides detection.
Whichever encoding is used, a file whose first 64 KiB read as binary (NULs beyond a stray few) is
refused before any of it is taken as text, and no encoding given ends in anything but an InputError.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Iterator
from typing import IO

from termcheck.core.errors import InputError

SNIFF_BYTES = 64 * 1024
BINARY_MARKS = 8  # a text file may hold a few stray NULs; this many, and 1 character in 50, is binary
# in UTF-16/32, binary data decodes to control characters and undecodable units as much as to NULs
_WIDE_MARKS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
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
    sample = head[:4096]
    if utf16 := _utf16_without_bom(sample):
        return utf16
    if _reads_as_text(head, "utf-8"):
        return "utf-8"
    if utf16 := _utf16_without_bom(sample, heavy=False):
        return utf16  # Chinese in UTF-16: few NULs, but every line end has one, all at the same parity
    if b"\x00" in sample:
        raise InputError(path, _without_bom_advice(sample))
    if _decodes(head, "gb18030"):
        return "gb18030"
    return "utf-8"  # let the real decode report the exact line


def _without_bom_advice(sample: bytes) -> str:
    """What to say of a file with NUL bytes that no detection took: the BOM-less UTF-16/32 it reads as, if any."""
    fits = [name for name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") if _reads_as_text(sample, name)]
    if not fits:
        return "not a text file (binary data)"
    family = "UTF-32" if all(name.startswith("utf-32") for name in fits) else "UTF-16"
    return f"looks like {family} without a byte-order mark; pass --encoding {' or '.join(fits)}"


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
    except UnicodeError:
        return False
    return True


def _reads_as_text(data: bytes, encoding: str) -> bool:
    """`data` decodes in `encoding` to something that is not binary."""
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)
    except UnicodeError:
        return False
    return not _is_binary(text, encoding)


def _is_binary(text: str, encoding: str) -> bool:
    """NUL characters beyond a stray few: binary data, or bytes read in the wrong encoding (UTF-16 read as
    UTF-8 is every other character NUL). Text may hold a stray NUL or other control character, and is read.
    (Other encodings' undecodable bytes are not counted: the real decode names their line.)"""
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    marks = len(_WIDE_MARKS.findall(text)) if wide else text.count("\x00")
    return marks >= BINARY_MARKS and marks * 50 >= len(text)


def encoding_problem(encoding: str) -> str | None:
    """Why `encoding` cannot read a text file (unknown; a bytes-to-bytes codec such as base64), or None."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return f"unknown encoding {encoding!r}"
    if not getattr(info, "_is_text_encoding", True):  # codecs.open's own test: base64, rot13, zlib
        return f"{encoding!r} is not a text encoding"
    return None


def _declared(path: str, encoding: str, head: bytes) -> str:
    """The codec to read a file in whose encoding was given: checked to be a text encoding; UTF-8 read so that a
    BOM is not text; UTF-16/32 without a BOM in the byte order the file is in."""
    if problem := encoding_problem(encoding):
        raise InputError(path, problem)
    info = codecs.lookup(encoding)
    if info.name == "utf-8":
        return "utf-8-sig"  # a BOM is never part of the text
    if info.name.startswith(("utf-16", "utf-32")) and _single_byte_line_ends(head):
        raise InputError(path, f"not {encoding}: its line ends have no NUL bytes; is the file in another encoding?")
    if info.name in ("utf-16", "utf-32") and head and not head.startswith(_bom_of(info.name)):
        return _byte_order(path, info.name, head)
    return encoding


def _single_byte_line_ends(head: bytes) -> bool:
    """The file has line ends, and none of them has the NUL byte a UTF-16/32 line end has: read as UTF-16 it
    would be one line of mojibake. (A "\\n" byte alone is no proof: in UTF-16 上 is 4E 0A; a file that ends in
    one, or has "\\r\\n", or runs past the sample with one, has line ends.)"""
    if b"\x00" in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return head.endswith(b"\n") or b"\r\n" in head or (len(head) == SNIFF_BYTES and b"\n" in head)


def _bom_of(name: str) -> tuple[bytes, ...]:
    if name == "utf-16":
        return (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    return (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _byte_order(path: str, name: str, head: bytes) -> str:
    """--encoding utf-16 (or utf-32) for a file without a byte-order mark: the byte order the file reads in.
    Python's stream decoder refuses such a file outright."""
    sample = head[:4096]
    fits = [order for order in (f"{name}-le", f"{name}-be") if _reads_as_text(sample, order)]
    if len(fits) == 2 and name == "utf-16":
        fits = [parity] if (parity := _utf16_without_bom(sample, heavy=False)) else fits
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise InputError(path, f"not a text file when read as {name} (binary data, or another encoding)")
    raise InputError(
        path, f"{name} without a byte-order mark could be either byte order; pass --encoding {fits[0]} or {fits[1]}"
    )


def _require_text(path: str, head: bytes, encoding: str, given: bool) -> None:
    """Refuse a binary file (or one read in the wrong encoding) before any of it is taken as text. Undecodable
    bytes are replaced here: the real decode reports those with their line."""
    try:
        text = codecs.getincrementaldecoder(encoding)("replace").decode(head, final=False)
    except UnicodeError as exc:  # codecs that refuse whatever the error handler (punycode, undefined)
        raise InputError(path, f"cannot decode as {encoding}: {exc}") from None
    if _is_binary(text, encoding):
        reason = (
            f"when read as {encoding.removesuffix('-sig')} (binary data, or another encoding)"
            if given
            else "(binary data)"
        )
        raise InputError(path, f"not a text file {reason}")


def resolve_encoding(path: str, encoding: str | None) -> str:
    """The codec to read `path` in: `encoding` if given, else detected; InputError for a binary file."""
    check_readable(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    chosen = _declared(path, encoding, head) if encoding else detect_encoding(path, head)
    _require_text(path, head, chosen, encoding is not None)
    return chosen


def decode_error(path: str, encoding: str, exc: UnicodeError | None = None, given: bool = False) -> InputError:
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
            except UnicodeError as err:  # a codec that does not say where (punycode)
                return InputError(path, f"cannot decode as {encoding}: {err}")
            line += chunk.count(b"\n")
    reason = f"cannot decode as {encoding}" + (f": {exc}" if exc else "")
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
        except UnicodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None


def read_text(path: str, encoding: str | None = None) -> str:
    stream, chosen = open_text(path, encoding)
    with stream:
        try:
            return stream.read()
        except UnicodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None
