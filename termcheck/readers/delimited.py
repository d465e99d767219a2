"""TSV and CSV with a header row: id, source and target columns chosen by name."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence

from termcheck.errors import InputError
from termcheck.model import Segment
from termcheck.readers.base import DEFAULT_ID, DEFAULT_SOURCE, DEFAULT_TARGET, FieldNames
from termcheck.textio import csv_delimiter, decode_error, open_text

csv.field_size_limit(16 * 1024 * 1024)


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
    stream, chosen = open_text(path, encoding)
    with stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
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
