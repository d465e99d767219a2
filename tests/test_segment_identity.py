"""Segment and finding identity (issue 18): unique by construction, so decisions never land on the wrong row."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES
from typer.testing import CliRunner

from termcheck import check
from termcheck.cli import app
from termcheck.readers import open_document

GLOSSARY = str(CASES / "glossary.csv")
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病"
BAD = "The drug treats acute GVHD after hormone therapy failure"
runner = CliRunner()


def _xliff_package(path: Path) -> Path:
    """A CAT package: two <file>s whose unit ids both start at 1 (the normal case)."""
    units = lambda: f'<trans-unit id="1"><source>{ZH}</source><target>{BAD}</target></trans-unit>'  # noqa: E731
    body = "".join(
        f'<file original="{name}" source-language="zh-CN" target-language="en-US" datatype="plaintext">'
        f"<body>{units()}</body></file>"
        for name in ("chapter1.docx", "chapter2.docx")
    )
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f"{body}</xliff>",
        encoding="utf-8",
    )
    return path


def test_unit_ids_of_an_xliff_package_are_qualified_by_their_file(tmp_path: Path) -> None:
    document = open_document(str(_xliff_package(tmp_path / "package.xlf")))
    assert [s.id for s in document.read()] == ["chapter1.docx/1", "chapter2.docx/1"]
    assert document.notes == []


def test_a_single_file_xliff_keeps_its_plain_ids(tmp_path: Path) -> None:
    path = tmp_path / "one.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" '
        f'target-language="en"><body><trans-unit id="7"><source>{ZH}</source><target>{BAD}</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    assert [s.id for s in open_document(str(path)).read()] == ["7"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("dup.tsv", f"id\tzh\ten\n7\t{ZH}\t{BAD}\n7\t{ZH}\t{BAD}\n7\t{ZH}\t{BAD}\n"),
        ("dup.jsonl", "".join(f'{{"id": "7", "zh": "{ZH}", "en": "{BAD}"}}\n' for _ in range(3))),
        (
            "dup.tmx",
            '<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" '
            'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
            + "".join(
                f'<tu tuid="7"><tuv xml:lang="zh-CN"><seg>{ZH}</seg></tuv>'
                f'<tuv xml:lang="en-US"><seg>{BAD}</seg></tuv></tu>'
                for _ in range(3)
            )
            + "</body></tmx>",
        ),
    ],
)
def test_repeated_ids_are_made_unique_and_noted_once(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = open_document(str(path))
    assert [s.id for s in document.read()] == ["7", "7~2", "7~3"]
    assert [s.id for s in document.read()] == ["7", "7~2", "7~3"]  # the same on every read
    assert len(document.notes) == 1
    assert 'first "7"' in document.notes[0] and "7~2" in document.notes[0]


def test_two_findings_in_a_package_have_two_ids_and_two_segment_hashes(tmp_path: Path) -> None:
    report = check([str(_xliff_package(tmp_path / "package.xlf"))], glossary=GLOSSARY, select=["TC101"])
    findings = list(report.findings)
    assert [f.segment for f in findings] == ["chapter1.docx/1", "chapter2.docx/1"]
    assert len({f.id for f in findings}) == 2


def test_a_repeated_id_is_noted_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dup.tsv").write_text(f"id\tzh\ten\n7\t{ZH}\t{BAD}\n7\t{ZH}\t{BAD}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "dup.tsv", "-g", GLOSSARY, "--fail-on", "never"])
    assert result.exit_code == 0
    assert 'termcheck: note: dup.tsv: 1 segment id occurs more than once (first "7")' in result.stderr


def _mark(path: Path, statuses: dict[int, str]) -> None:
    """Set the Status of Findings rows (1-based data rows) as an editor does."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["Findings"]
    header = [c.value for c in sheet[1]]
    for row, status in statuses.items():
        sheet.cell(row + 1, header.index("Status") + 1).value = status
    workbook.save(path)


def _findings(*args: str) -> list[dict]:
    import json

    result = runner.invoke(
        app, ["check", *args, "-g", GLOSSARY, "--select", "TC101", "--format", "json", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_same_term_twice_in_a_segment_is_two_findings_and_two_decisions(project: Path) -> None:
    Path("a.zh.txt").write_text(f"{ZH}，{ZH}\n", encoding="utf-8")
    Path("a.en.txt").write_text(f"{BAD}; again {BAD}\n", encoding="utf-8")
    findings = _findings("--source", "a.zh.txt", "--target", "a.en.txt")
    assert len(findings) == 2 and findings[0]["id"] != findings[1]["id"]
    runner.invoke(app, ["check", "--source", "a.zh.txt", "--target", "a.en.txt", "-g", GLOSSARY, "--select", "TC101",
                        "--xlsx", "r.xlsx", "--fail-on", "never"])  # fmt: skip
    _mark(Path("r.xlsx"), {1: "False positive"})
    applied = runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert "1 added" in applied.stdout + applied.stderr
    left = _findings("--source", "a.zh.txt", "--target", "a.en.txt")
    assert [f["id"] for f in left] == [findings[1]["id"]]  # the other occurrence is still reported


def test_one_of_a_package_pair_marked_false_positive_suppresses_only_it(project: Path) -> None:
    _xliff_package(Path("package.xlf"))
    runner.invoke(
        app, ["check", "package.xlf", "-g", GLOSSARY, "--select", "TC101", "--xlsx", "r.xlsx", "--fail-on", "never"]
    )
    _mark(Path("r.xlsx"), {1: "False positive"})
    applied = runner.invoke(app, ["review", "apply", "r.xlsx"])
    assert "1 added, 0 updated, 0 removed" in applied.stdout + applied.stderr
    left = _findings("package.xlf")
    assert [f["segment"] for f in left] == ["chapter2.docx/1"]


PAIR = ["--source", "a.zh.txt", "--target", "a.en.txt"]


def _reviewed_pair(status: str) -> None:
    """One segment with one finding, checked into r.xlsx, its row marked `status` and applied."""
    Path("a.zh.txt").write_text(f"{ZH}\n", encoding="utf-8")
    Path("a.en.txt").write_text(f"{BAD}\n", encoding="utf-8")
    runner.invoke(app, ["check", *PAIR, "-g", GLOSSARY, "--select", "TC101", "--xlsx", "r.xlsx", "--fail-on", "never"])
    _mark(Path("r.xlsx"), {1: status})
    runner.invoke(app, ["review", "apply", "r.xlsx"])


def test_suppressions_and_decisions_follow_the_text_when_lines_shift(project: Path) -> None:
    _reviewed_pair("Won't fix")
    pair = PAIR
    # a title line above renumbers the segment: its id changes, its text does not
    Path("a.zh.txt").write_text(f"标题\n{ZH}\n", encoding="utf-8")
    Path("a.en.txt").write_text(f"Title\n{BAD}\n", encoding="utf-8")
    assert _findings(*pair) == []
    result = runner.invoke(
        app, ["check", *pair, "-g", GLOSSARY, "--select", "TC101", "--ignore-file", "/dev/null", "--xlsx", "r.xlsx",
              "--fail-on", "never"],
    )  # fmt: skip
    from xlsx_helpers import sheet_rows

    rows = sheet_rows(Path("r.xlsx"), "Findings")
    assert [row["Status"] for row in rows] == ["Won't fix"]  # the rerun carried the decision to the new row
    assert "no longer match" not in result.stderr


def test_a_suppression_that_matches_nothing_is_reported_not_dropped(project: Path) -> None:
    _reviewed_pair("False positive")
    suppressed = _findings(*PAIR, "--ignore-file", "/dev/null")[0]["id"]
    Path("a.en.txt").write_text(f"{BAD}, retranslated\n", encoding="utf-8")  # new MT for that segment
    result = runner.invoke(app, ["check", *PAIR, "-g", GLOSSARY, "--select", "TC101", "--fail-on", "never"])
    assert "termcheck: note: 1 suppression in .termcheck-ignore no longer matches any finding:" in result.stderr
    assert suppressed in result.stderr  # named, so a person can find it
    assert len(_findings(*PAIR)) == 1  # the finding is back, as the text changed
    assert suppressed in Path(".termcheck-ignore").read_text(encoding="utf-8")  # kept until a person removes it


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ([ZH], [BAD]),  # the segment with the finding changed: its findings are of other text
        ([ZH, "你好"], [BAD, "Hello"]),  # and one without: the digest of what was checked says so
    ],
    ids=["the segment with a finding", "a segment without findings"],
)
def test_a_report_is_a_snapshot_of_what_was_checked(project: Path, before: list[str], after: list[str]) -> None:
    """The Segments sheet shows the text as it was checked, whatever happened to the file since: never old
    findings beside new text. Without the snapshot (an API caller's choice) a changed file is refused."""
    from openpyxl import load_workbook

    from termcheck.core.errors import InputError
    from termcheck.writers.xlsx import save_workbook

    zh, en = before, after
    Path("a.zh.txt").write_text("".join(f"{line}\n" for line in zh), encoding="utf-8")
    Path("a.en.txt").write_text("".join(f"{line}\n" for line in en), encoding="utf-8")
    report = check(source="a.zh.txt", target="a.en.txt", glossary=GLOSSARY, select=["TC101"])
    bare = check(source="a.zh.txt", target="a.en.txt", glossary=GLOSSARY, select=["TC101"], snapshot=False)
    Path("a.en.txt").write_text("".join(f"{line} (edited)\n" for line in en), encoding="utf-8")
    save_workbook(report, "r.xlsx")
    targets = [row[4] for row in load_workbook("r.xlsx")["Segments"].iter_rows(min_row=2, values_only=True)]
    assert [str(t) for t in targets] == en
    with pytest.raises(InputError, match=r"a\.en\.txt(:\d+)?: .*changed while termcheck checked it"):
        save_workbook(bare, "r2.xlsx")
    assert not Path("r2.xlsx").exists()


def test_references_keep_the_segments_even_without_a_snapshot(project: Path) -> None:
    Path("a.zh.txt").write_text(f"{ZH}\n", encoding="utf-8")
    Path("a.en.txt").write_text(f"{BAD}\n", encoding="utf-8")
    Path("ref.txt").write_text(f"{BAD}\n", encoding="utf-8")
    report = check(source="a.zh.txt", target="a.en.txt", glossary=GLOSSARY, references=["ref.txt"], snapshot=False)
    assert report.scores is not None and report.segment_scores  # references always keep the segments
