"""CSV and TSV glossaries: one row per concept (see termcheck.glossary.table)."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator, Mapping

from termcheck.core.errors import InputError
from termcheck.glossary.model import Glossary
from termcheck.glossary.table import Row, find_header, glossary_to_rows, rows_to_glossary
from termcheck.text.formulas import is_formula_like
from termcheck.text.textio import csv_delimiter, decode_error, open_text, sniff_delimiter

csv.field_size_limit(16 * 1024 * 1024)
QUOTE = "'"


def quote_formula(cell: str) -> str:
    """A cell Excel would run as a formula (=, +, -, @) gets a leading apostrophe, as OWASP advises."""
    return QUOTE + cell if is_formula_like(cell) else cell


def unquote_formula(cell: str) -> str:
    """Undo quote_formula, so a glossary survives a round trip through termcheck's CSV unchanged."""
    return cell[1:] if cell.startswith(QUOTE) and is_formula_like(cell[1:]) else cell


def read_csv_glossary(
    path: str, columns: Mapping[str, str] | None = None, encoding: str | None = None, name: str = ""
) -> Glossary:
    stream, chosen = open_text(path, encoding)
    with stream:
        try:
            first = stream.readline()
            if not first.strip():
                raise InputError(path, "empty glossary file")
            reader = csv.reader(itertools.chain([first], stream), delimiter=sniff_delimiter(path, first), strict=True)

            def records() -> Iterator[tuple[int, list[str]]]:
                line = 1
                for record in reader:
                    yield line, record
                    line = reader.line_num + 1

            numbered = records()
            header, mapping = find_header(numbered, path, columns)

            def rows() -> Iterator[Row]:
                for line, record in numbered:
                    if len(record) > len(header) and any(v.strip() for v in record[len(header) :]):
                        raise InputError(path, f"{len(record)} fields, header has {len(header)}", line)
                    yield Row(line, {k: unquote_formula(v) for k, v in zip(header, record, strict=False)})

            return rows_to_glossary(rows(), mapping, name)
        except csv.Error as exc:
            raise InputError(path, f"malformed CSV: {exc}", reader.line_num) from None
        except UnicodeError as exc:
            raise decode_error(path, chosen, exc, encoding is not None) from None


def render_csv_glossary(glossary: Glossary, path: str) -> str:
    header, rows = glossary_to_rows(glossary, path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_delimiter(path), lineterminator="\n")
    writer.writerow(header)
    writer.writerows([quote_formula(cell) for cell in row] for row in rows)
    return buffer.getvalue()
