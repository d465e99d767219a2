"""JSON Lines: one object per line with id, source and target keys."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from termcheck.core.errors import InputError
from termcheck.core.model import Segment
from termcheck.readers.base import DEFAULT_ID, DEFAULT_SOURCE, DEFAULT_TARGET, FieldNames
from termcheck.readers.delimited import pick_field
from termcheck.text.textio import read_lines

# JSON may escape half of a UTF-16 pair ("\ud800"); Python accepts it, but it is not text and cannot be written.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    for key, value in record.items():
        for text in (key, value):
            if isinstance(text, str) and (bad := _SURROGATE.search(text)):
                return f"\\u{ord(bad.group(0)):04x}"
    return None


def json_objects(path: str, encoding: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; anything but a JSON object is an input error."""
    for line_number, line in enumerate(read_lines(path, encoding), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON: {exc.msg} at column {exc.colno}", line_number) from None
        except RecursionError:
            raise InputError(path, "JSON nested too deeply", line_number) from None
        except ValueError as exc:  # a number past Python's limit of digits (sys.get_int_max_str_digits)
            raise InputError(path, f"invalid JSON: {str(exc).split(';')[0]}", line_number) from None
        if not isinstance(record, dict):
            raise InputError(path, "each line must be a JSON object", line_number)
        if "\\u" in line and (bad := _lone_surrogate(record)):
            raise InputError(path, f"invalid Unicode: a lone surrogate {bad} (half of a UTF-16 pair)", line_number)
        yield line_number, record


def read_jsonl(
    path: str, fields: FieldNames, encoding: str | None = None, name: str | None = None
) -> Iterator[Segment]:
    count = 0
    for line_number, record in json_objects(path, encoding):
        keys = list(record)
        id_key = pick_field(keys, fields.id, DEFAULT_ID, path, "id", line_number)
        source_key = pick_field(keys, fields.source, DEFAULT_SOURCE, path, "source", line_number)
        target_key = pick_field(keys, fields.target, DEFAULT_TARGET, path, "target", line_number)
        if target_key is None:
            raise InputError(path, "object has no target key; name it with --target-column", line_number)
        values = {k: record[k] for k in (id_key, source_key, target_key) if k is not None}
        for key, value in values.items():
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise InputError(path, f"{key!r} must be a string", line_number)
        count += 1
        yield Segment(
            str(record[id_key]) if id_key else str(line_number),
            str(record[source_key]) if source_key else None,
            str(record[target_key]),
            name or path,
            line_number,
        )
    if count == 0:
        raise InputError(path, "empty file")
