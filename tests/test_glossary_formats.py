"""Glossary formats: round trips through every pair, TBX v2/v3 reading, column mapping, bad files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import CASES, DATA, ROOT

from termcheck.core.errors import InputError
from termcheck.glossary import Concept, Glossary, Term, TermStatus, load_glossary, save_glossary

FORMATS = ["csv", "tsv", "xlsx", "tbx2", "tbx3"]
SHIPPED = ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"


def _rich_glossary() -> Glossary:
    """Everything the model holds, including the awkward bits."""
    return Glossary(
        [
            Concept(
                "nmpa",
                (
                    Term("国家药品监督管理局", "zh"),
                    Term("国家药监局", "zh", TermStatus.ADMITTED),
                    Term("National Medical Products Administration", "en"),
                    Term("NMPA", "en", TermStatus.ADMITTED, case_sensitive=True),
                    Term("National Drug Administration", "en", TermStatus.DEPRECATED),
                ),
                domain="regulator",
                note='formerly CFDA, "China FDA"; note with, commas',
            ),
            Concept(
                "data",
                (
                    Term("數據", "zh"),
                    Term("data", "en", exact=True, case_sensitive=True),
                    Term("datum", "en", TermStatus.DEPRECATED, exact=True, case_sensitive=True),
                ),
                deprecated_everywhere=True,
            ),
            Concept("formula", (Term("=1+1", "en"), Term("旧称", "zh", TermStatus.DEPRECATED))),
            Concept("escape-like", (Term("code _x0041_", "en"), Term("代码", "zh"))),  # Excel would show "A"
        ],
        name="rich",
    )


def _path(tmp_path: Path, fmt: str, stem: str = "g") -> tuple[str, int]:
    ext = "tbx" if fmt.startswith("tbx") else fmt
    return str(tmp_path / f"{stem}.{ext}"), (2 if fmt == "tbx2" else 3)


def _canonical(glossary: Glossary) -> list[Concept]:
    order = {"zh": 0, "en": 1}
    status = {TermStatus.PREFERRED: 0, TermStatus.ADMITTED: 1, TermStatus.DEPRECATED: 2}
    return [
        Concept(
            c.id,
            tuple(sorted(c.terms, key=lambda t: (order[t.lang], status[t.status]))),
            c.domain,
            c.note,
            c.deprecated_everywhere,
        )
        for c in glossary
    ]


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(FORMATS, 2)))
def test_round_trip_through_every_pair_of_formats(tmp_path: Path, first: str, second: str) -> None:
    original = _rich_glossary()
    path_a, version_a = _path(tmp_path, first, "a")
    path_b, version_b = _path(tmp_path, second, "b")
    save_glossary(original, path_a, version_a)
    save_glossary(load_glossary(path_a), path_b, version_b)
    assert _canonical(load_glossary(path_b)) == _canonical(original)


def test_shipped_glossary_has_the_required_concepts() -> None:
    glossary = load_glossary(str(SHIPPED))
    assert len(glossary) >= 60
    assert all(c.terms_in("en", TermStatus.DEPRECATED) for c in glossary), "every concept lists real MT errors"
    by_id = glossary.by_id()
    assert by_id["steroid-refractory"].preferred_en.text == "steroid-refractory"
    assert "hormone therapy failure" in {t.text for t in by_id["steroid-refractory"].terms}
    assert {t.text for t in by_id["cde"].terms_in("en", TermStatus.ADMITTED)} == {"CDE"}


@pytest.mark.parametrize("ext", ["xlsx", "tbx"])
def test_shipped_renderings_equal_the_csv(ext: str) -> None:
    csv_glossary = load_glossary(str(SHIPPED))
    rendering = load_glossary(str(SHIPPED.with_suffix(f".{ext}")))
    assert _canonical(rendering) == _canonical(csv_glossary)


def test_tbx_v2_with_ntig_and_normative_authorization() -> None:
    glossary = load_glossary(str(DATA / "glossary-v2.tbx"))
    gvhd, cde = glossary.concepts
    assert [(t.text, t.lang, t.status.value) for t in gvhd.terms] == [
        ("移植物抗宿主病", "zh", "preferred"),
        ("graft-versus-host disease", "en", "preferred"),
        ("GVHD", "en", "admitted"),
        ("graft anti-host disease", "en", "deprecated"),
    ]
    assert gvhd.domain == "GVHD"
    assert cde.note == "CDE of the NMPA"
    assert [t.status.value for t in cde.terms_in("en")] == ["preferred", "deprecated"]


def test_tico_glossary_works_as_it_is() -> None:
    glossary = load_glossary(str(DATA / "tico19-glossary-sample.csv"))
    assert len(glossary) == 20
    first = glossary.concepts[0]
    assert first.id == "1918 年流感"
    assert [t.text for t in first.terms] == ["1918 年流感", "1918 flu"]


def test_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "theirs.csv"
    path.write_text("Chinese,English,Forbidden,Case\n干细胞,stem cell,dry cell|trunk cell,\n", encoding="utf-8")
    glossary = load_glossary(str(path), {"zh": "Chinese", "en": "English", "en_deprecated": "Forbidden"})
    assert [(t.text, t.status.value) for t in glossary.concepts[0].terms] == [
        ("干细胞", "preferred"),
        ("stem cell", "preferred"),
        ("dry cell", "deprecated"),
        ("trunk cell", "deprecated"),
    ]


BAD_GLOSSARIES = [
    ("g.csv", "", "empty glossary file"),
    ("g.csv", "foo,bar\n1,2\n", "neither a zh nor an en column"),
    ("g.csv", "zh,en,deprecated_everywhere\n干细胞,stem cell,maybe\n", "deprecated_everywhere must be yes or no"),
    ("g.csv", "zh,en,case_sensitive\n干细胞,stem cell,STEM\n", "is not an English term of this concept"),
    ("g.xlsx", "not a zip", "not a readable XLSX workbook"),
    ("g.tbx", "<martif><text><body><termEntry>", "malformed XML"),
    (
        "g.tbx",
        "<tbx><text><body><conceptEntry id='x'><langSec xml:lang='en'><termSec><term>a</term>"
        "<termNote type='administrativeStatus'>bogus</termNote></termSec></langSec></conceptEntry></body></text></tbx>",
        "unknown administrativeStatus 'bogus'",
    ),
    ("g.tbx", "<html/>", "not a TBX file"),
    ("g.json", "{}", "unknown glossary format"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_GLOSSARIES, ids=[m for _, _, m in BAD_GLOSSARIES])
def test_bad_glossary_is_an_input_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_glossary(str(path))


def test_unknown_mapping_column_is_an_error() -> None:
    with pytest.raises(InputError, match="not in the header"):
        load_glossary(str(CASES / "glossary.csv"), {"en": "English"})


TITLED = [
    ["Stem cell glossary", None, None, None],
    ["Maintained by the regulatory team", None, None, None],
    [None, None, None, None],
    ["id", "zh", "en", "domain"],
    ["cde", "药品审评中心", "Center for Drug Evaluation", "regulator"],
    ["nmpa", "国家药监局", "National Medical Products Administration", "regulator"],
]


def _write_rows(path: Path, rows: list[list[str | None]]) -> None:
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    else:
        path.write_text("".join(",".join(v or "" for v in row) + "\n" for row in rows), encoding="utf-8")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_title_block_above_the_header_is_skipped(tmp_path: Path, suffix: str) -> None:
    """A header in row 4, below a title, once made an XLSX glossary "have neither a zh nor an en column"."""
    path = tmp_path / f"titled{suffix}"
    _write_rows(path, TITLED)
    glossary = load_glossary(str(path))
    assert [(c.id, c.origin, c.domain) for c in glossary] == [
        ("cde", "row 5", "regulator"),
        ("nmpa", "row 6", "regulator"),
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_no_header_in_the_first_rows_names_the_first_row(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"headless{suffix}"
    _write_rows(path, [["Stem cell glossary", None], ["干细胞", "stem cell"]])
    with pytest.raises(InputError, match="neither a zh nor an en column: Stem cell glossary") as raised:
        load_glossary(str(path))
    assert raised.value.line == 1 and "row 2 is no header either" in raised.value.reason


def test_merged_cells_hold_their_value_in_every_row_they_cover(tmp_path: Path) -> None:
    """A domain merged down three rows was once read for the first concept only; a merged title is skipped."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Glossary of regulators"])
    sheet.append(["id", "zh", "en", "domain", "note"])
    sheet.append(["cde", "药品审评中心", "Center for Drug Evaluation", "regulator", "CDE and NMPA"])
    sheet.append(["nmpa", "国家药监局", "National Medical Products Administration"])
    sheet.append(["nhc", "国家卫健委", "National Health Commission"])
    sheet.append(["msc", "间充质干细胞", "mesenchymal stem cell", "cell biology"])
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("D3:D5")
    sheet.merge_cells("E3:E4")
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    glossary = load_glossary(str(path))
    assert [(c.id, c.domain, c.note) for c in glossary] == [
        ("cde", "regulator", "CDE and NMPA"),
        ("nmpa", "regulator", "CDE and NMPA"),
        ("nhc", "regulator", ""),
        ("msc", "cell biology", ""),
    ]


@pytest.mark.parametrize("targets", ["absolute", "relative"])
def test_merged_cells_are_read_from_the_glossary_sheets_own_part(tmp_path: Path, targets: str) -> None:
    """The glossary is the first worksheet: a chartsheet before it and a worksheet after it, each with a part of
    its own, are not read for its merged ranges, whether the workbook names parts from the package root (as
    openpyxl does) or from xl/ (as Excel does)."""
    import zipfile

    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Glossary"
    sheet.append(["id", "zh", "en", "domain"])
    sheet.append(["cde", "药品审评中心", "Center for Drug Evaluation", "regulator"])
    sheet.append(["nmpa", "国家药监局", "National Medical Products Administration"])
    sheet.merge_cells("D2:D3")
    other = workbook.create_sheet("Notes")
    other.append(["a", "b", "c", "d"])
    other.merge_cells("A2:D9")
    chart = BarChart()
    chart.add_data(Reference(other, min_col=1, min_row=1, max_row=2))
    workbook.create_chartsheet("Chart", 0).add_chart(chart)
    path = tmp_path / "charted.xlsx"
    workbook.save(path)
    if targets == "relative":
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace(b'Target="/xl/', b'Target="')
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    assert [(c.id, c.domain) for c in load_glossary(str(path))] == [("cde", "regulator"), ("nmpa", "regulator")]


def _with_merged_range(path: Path, *refs: str) -> None:
    """Add merged ranges to a saved workbook's first sheet as raw XML (openpyxl would build a cell for every
    cell of a huge range)."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts[info.filename] = archive.read(info.filename)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(
        b"</sheetData>",
        f'</sheetData><mergeCells count="{len(refs)}">{"".join(f"<mergeCell ref={r!r}/>" for r in refs)}'
        "</mergeCells>".encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_huge_merged_range_costs_only_the_rows_there_are(tmp_path: Path) -> None:
    """Reading merged cells through openpyxl's full load builds a cell for each cell a range covers: a 7 KB
    file merging D3:XFD1048576 took minutes. Only the rows the sheet has are filled, only as wide as it is."""
    import time

    path = tmp_path / "huge.xlsx"
    _write_rows(path, [["id", "zh", "en", "domain"], ["a", "干细胞", "stem cell", "cells"], ["b", "细胞", "cell"]])
    _with_merged_range(path, "D2:XFD1048576")
    started = time.monotonic()
    glossary = load_glossary(str(path))
    assert time.monotonic() - started < 10
    assert [(c.id, c.domain) for c in glossary] == [("a", "cells"), ("b", "cells")]


def test_too_many_merged_ranges_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    _write_rows(path, [["id", "zh", "en"], ["a", "干细胞", "stem cell"]])
    _with_merged_range(path, *(f"E{n}:F{n}" for n in range(1, 100_002)))
    with pytest.raises(InputError, match="over 100,000 merged ranges"):
        load_glossary(str(path))
