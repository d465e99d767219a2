"""TSV and CSV with a header row: id, source and target columns chosen by name.

CSV is always read with its quoting. TSV has none (IANA text/tab-separated-values): a quotation mark is
text, so `"Hello" he said` is a field of its own, unless the file is CSV-quoted throughout, as Excel and
csv writers write TSV (see `csv_quoted`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from termcheck.core.errors import InputError
from termcheck.core.model import Segment
from termcheck.readers.base import DEFAULT_ID, DEFAULT_SOURCE, DEFAULT_TARGET, FieldNames
from termcheck.text.textio import csv_delimiter, decode_error, open_text

FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(FIELD_LIMIT)
_QUOTED_END = r'"((?:[^"]|"")*)"(?={}|\r|\n|$)'  # a quoted field, closed before the delimiter or the line's end
_OPEN = re.compile(r'"(?:[^"]|"")*$')  # a quoted field that goes on past this line


def csv_quoted(lines: Iterable[str], delimiter: str) -> bool:
    """Whether delimited text uses CSV quoting: some field is quoted, and every field that starts with a
    quotation mark is closed by one before a delimiter or the line's end, with the quotation marks inside
    doubled, and holds something that needs quoting (a quotation mark, the delimiter or a line break), as
    Excel and csv writers quote. Any other field starting with a quotation mark (`"Hello" he said`, or
    `"Hello"` whole, which no writer quotes) makes the quotes text."""
    quoted_end = re.compile(_QUOTED_END.format(re.escape(delimiter)))
    field_quote = delimiter + '"'
    seen_quoted = False
    carried = ""  # the lines of a quoted field not closed yet
    for line in lines:
        if not carried and not line.startswith('"') and field_quote not in line:
            continue  # no field starts with a quotation mark: read the same either way
        if '"' not in line:
            if carried:  # still inside the open field: nothing here can close it
                carried += line
                if len(carried) > FIELD_LIMIT:
                    return False
            continue
        text = carried + line
        found = _quoted_fields(text, delimiter, quoted_end)
        if found == "text" or (found == "open" and len(text) > FIELD_LIMIT):
            return False
        carried = text if found == "open" else ""
        seen_quoted = seen_quoted or found == "quoted"
    return seen_quoted and not carried


def _quoted_fields(
    text: str, delimiter: str, quoted_end: re.Pattern[str]
) -> Literal["quoted", "plain", "open", "text"]:
    """One record: "quoted" where a field needed its quotes, "plain" where none did, "open" where a quoted field
    goes on past the text, "text" where a field starting with a quotation mark is not CSV-quoted."""
    needed = False
    position = 0
    while True:
        if text.startswith('"', position):
            match = quoted_end.match(text, position)
            if match is None:
                return "open" if _OPEN.match(text, position) else "text"
            inside = match.group(1)
            if inside and not ('""' in inside or delimiter in inside or "\n" in inside or "\r" in inside):
                return "text"
            needed = needed or bool(inside)
            position = match.end()
        else:
            position = _field_end(text, delimiter, position)
        if not text.startswith(delimiter, position):
            return "quoted" if needed else "plain"
        position += len(delimiter)


def _field_end(text: str, delimiter: str, start: int) -> int:
    ends = [i for i in (text.find(delimiter, start), text.find("\n", start), text.find("\r", start)) if i >= 0]
    return min(ends, default=len(text))


def dialect(path: str, delimiter: str, encoding: str | None = None) -> dict[str, Any]:
    """The csv reader and writer options for the file: CSV quoting, except for TSV not CSV-quoted throughout."""
    if delimiter != "\t":
        return {"delimiter": delimiter}
    stream, chosen = open_text(path, encoding, newline="")
    with stream:
        try:
            quoted = csv_quoted(stream, delimiter)
        except UnicodeDecodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None
    return {"delimiter": delimiter} if quoted else {"delimiter": delimiter, "quoting": csv.QUOTE_NONE}


def pick_field(
    available: Sequence[str], wanted: str | None, defaults: Sequence[str], path: str, what: str, line: int = 1
) -> str | None:
    """The field named by the user (which must exist) or the first default present."""
    lowered = {name.strip().lower(): name for name in available}
    if wanted is not None:
        if wanted.strip().lower() not in lowered:
            raise InputError(path, f"no {what} column {wanted!r} (columns: {', '.join(available)})", line)
        return lowered[wanted.strip().lower()]
    return next((lowered[d] for d in defaults if d in lowered), None)


def read_delimited(
    path: str, fields: FieldNames, encoding: str | None = None, name: str | None = None
) -> Iterator[Segment]:
    label = name or path
    delimiter = csv_delimiter(path)
    options = dialect(path, delimiter, encoding)
    stream, chosen = open_text(path, encoding)
    with stream:
        reader = csv.reader(stream, strict=True, **options)
        try:
            header = next(reader, None)
            if header is None:
                raise InputError(path, "empty file")
            id_col = pick_field(header, fields.id, DEFAULT_ID, path, "id")
            source_col = pick_field(header, fields.source, DEFAULT_SOURCE, path, "source")
            target_col = pick_field(header, fields.target, DEFAULT_TARGET, path, "target")
            if target_col is None:
                raise InputError(
                    path, f"no target column (looked for {', '.join(DEFAULT_TARGET)}); name it with --target-column", 1
                )
            index = {name: i for i, name in enumerate(header)}
            width = len(header)
            line = reader.line_num + 1
            number = 0
            for record in reader:
                number += 1
                if not any(v.strip() for v in record):
                    line = reader.line_num + 1
                    continue
                if len(record) != width:
                    raise InputError(path, f"{len(record)} fields where the header has {width}", line)
                seg_id = record[index[id_col]] if id_col else str(number)
                source = record[index[source_col]] if source_col else None
                yield Segment(seg_id, source, record[index[target_col]], label, line)
                line = reader.line_num + 1
            if number == 0:
                raise InputError(path, "no rows after the header")
        except csv.Error as exc:
            raise InputError(
                path, f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}", reader.line_num
            ) from None
        except UnicodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None
