"""A run split into partitions, checked in worker processes, with findings on disk, finds what one pass finds."""

from __future__ import annotations

import copy
import io
import json
import pathlib
import pickle

import pytest
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st

import termcheck
from termcheck.core.model import Finding, Location, Segment, Severity
from termcheck.readers import open_documents
from termcheck.readers.base import Pair
from termcheck.run.engine import Checker, CheckOptions
from termcheck.run.findings_store import FindingStore, merged
from termcheck.run.report import Gate, Report
from termcheck.writers.json_writer import BLOCK, JsonWriter, report_to_dict

EXAMPLE = Pair(
    str(ROOT / "examples" / "stem-cell-approval.zh.txt"), str(ROOT / "examples" / "stem-cell-approval.en-mt.txt")
)
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")
TICO = str(DATA / "tico19-segments-sample.tsv")
REPEATS = str(DATA / "repeats.tsv")  # a source of the example article again, translated differently


def _finding(n: int) -> Finding:
    return Finding("TC101", "deprecated-term", Severity.ERROR, f"finding {n}", "doc.txt", n, str(n), found="x")


@pytest.fixture(scope="module")
def glossary():
    return termcheck.load_glossary(GLOSSARY)


@pytest.mark.parametrize(
    ("jobs", "batch_size"),
    [(1, 2000), (1, 1), (1, 7), (2, 7), (2, 1)],
    ids=["one-pass", "one-segment-partitions", "7-segment-partitions", "2-jobs", "2-jobs-one-segment"],
)
def test_split_runs_find_what_one_pass_finds(glossary, jobs: int, batch_size: int) -> None:
    documents = open_documents([EXAMPLE, TICO, REPEATS])
    expected = Checker(glossary).run(documents)
    actual = Checker(glossary, CheckOptions(batch_size=batch_size)).run(documents, jobs=jobs)
    assert expected.findings  # the comparison has something to compare
    assert {f.code for f in expected.findings} >= {"TC101", "TC103", "TC223", "TC224"}
    assert list(actual.findings) == list(expected.findings)
    assert [(d.name, d.segments, d.bilingual) for d in actual.documents] == [
        (d.name, d.segments, d.bilingual) for d in expected.documents
    ]
    assert actual.usage == expected.usage
    assert (actual.term_accuracy.correct, actual.term_accuracy.total) == (
        expected.term_accuracy.correct,
        expected.term_accuracy.total,
    )


def test_api_jobs_option_gives_the_same_report(glossary) -> None:
    one = termcheck.check([EXAMPLE], glossary=glossary)
    two = termcheck.check([EXAMPLE], glossary=glossary, jobs=2)
    assert list(two.findings) == list(one.findings)


@pytest.mark.parametrize("count", [0, 4, 5, 23, 57])
def test_finding_store_reads_like_the_list_it_was_given(count: int) -> None:
    findings = [_finding(n) for n in range(count)]
    store = FindingStore(spill_at=5, block=4)
    for finding in findings[:3]:
        store.append(finding)
    store.extend(findings[3:10])
    store.extend(iter(findings[10:]))
    assert len(store) == count
    assert store.spilled == (count >= 9)
    assert list(store) == findings
    assert list(store) == findings  # read again: the spill file is re-read from its start
    assert store == findings
    if count:
        assert store[0] == findings[0]
        assert store[-1] == findings[-1]
        assert store[2:4] == findings[2:4]
    assert pickle.loads(pickle.dumps(store)) == findings


@pytest.mark.parametrize(
    "value",
    [
        Finding("TC101", "deprecated-term", Severity.ERROR, "m", "a.txt", 1, "1", "c", "x", "y", (0, 1), (2, 3)),
        Finding(
            "TC103", "inconsistent", Severity.WARNING, "m", "a.txt", 2, "2", related=(Location("b", 3, "3", 0, 1, "t"),)
        ),
        Segment("7", None, "target only", "a.txt", 7),
    ],
)
def test_model_objects_survive_pickling_and_copying(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value


def test_report_counts_follow_its_findings() -> None:
    report = _report_with([_finding(n) for n in range(5)])
    assert report.count_by_code() == {"TC101": 5} and Gate().fails(report)
    report.findings = FindingStore([])
    assert report.count_by_code() == {} and report.count_by_severity() == {} and not Gate().fails(report)


def test_merged_places_late_findings_as_a_stable_sort_would() -> None:
    early = [_finding(n) for n in range(0, 40, 2)]
    late = [_finding(n) for n in (39, 3, 0, 17)]
    key = lambda f: f.line  # noqa: E731
    expected = sorted([*early, *late], key=key)
    assert list(merged(FindingStore(early, spill_at=3, block=2), late, key)) == expected
    assert list(merged(FindingStore(early), late, key)) == expected


def _report_with(findings: list[Finding]) -> Report:
    return Report(
        findings=FindingStore(findings, spill_at=2, block=3),
        documents=[],
        checks=["TC101"],
        glossary_name="g",
        concepts=1,
    )


@pytest.mark.parametrize("count", [0, 1, 12])
def test_streamed_json_is_what_json_dump_writes(count: int) -> None:
    report = _report_with([_finding(n) for n in range(count)])
    stream = io.StringIO()
    JsonWriter().write(report, stream)
    assert stream.getvalue() == json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("count", [BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK + 3])
def test_streamed_json_blocks_join_as_json_dump_writes_them(count: int) -> None:
    report = _report_with([_finding(n) for n in range(count)])
    stream = io.StringIO()
    JsonWriter().write(report, stream)
    assert stream.getvalue() == json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


TEXT = st.text(max_size=12)  # control characters, quotes, backslashes, CJK, U+2028 and the like (no surrogates)


@given(
    st.lists(
        st.builds(
            Finding,
            code=st.just("TC101"),
            check=TEXT,
            severity=st.sampled_from(list(Severity)),
            message=TEXT,
            file=TEXT,
            line=st.integers(0, 2**40),
            segment=TEXT,
            concept=TEXT,
            found=TEXT,
            expected=TEXT,
            source_span=st.none() | st.tuples(st.integers(0, 99), st.integers(0, 99)),
            related=st.lists(
                st.builds(Location, TEXT, st.integers(0, 99), TEXT, st.integers(0, 9), st.integers(0, 9), TEXT),
                max_size=2,
            ).map(tuple),
        ),
        max_size=4,
    ),
    TEXT,
)
def test_json_report_is_what_json_dumps_writes_for_any_text(findings: list[Finding], glossary_name: str) -> None:
    report = _report_with(findings)
    report.glossary_name = glossary_name
    stream = io.StringIO()
    JsonWriter().write(report, stream)
    assert stream.getvalue() == json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def test_streamed_json_keeps_key_order_with_scores(glossary) -> None:
    references = [str(ROOT / "examples" / "stem-cell-approval.en-ref.txt")]
    report = termcheck.check([EXAMPLE], glossary=glossary, references=references)
    stream = io.StringIO()
    JsonWriter().write(report, stream)
    assert stream.getvalue() == json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    assert list(json.loads(stream.getvalue()))[-2:] == ["scores", "segment_scores"]


def test_a_repeated_segment_with_many_translations_points_at_each_first_place_only() -> None:
    """A translation memory may repeat one source thousands of times: the finding points at each translation's
    first place, not at every repeat, and its message lists five."""
    from termcheck.checks.repeats import MAX_RELATED
    from termcheck.glossary.model import Glossary
    from termcheck.readers.base import Document

    target = "The drug is on the market ({}).".format
    segments = [Segment(str(i), "该药已上市。", target(i % 40), "tm.tsv", i) for i in range(400)]
    checker = Checker(Glossary(name="none"), CheckOptions(select=("TC223",), batch_size=50))
    [finding] = checker.run([Document("tm.tsv", (), lambda: iter(segments), "test")], jobs=2).findings
    assert len(finding.related) == 40 < MAX_RELATED and finding.message.endswith(", and 35 more")
    assert finding.related[0].text == "The drug is on the market (0)."  # the most frequent (a tie: the first seen)


_ROW = st.tuples(
    st.integers(-(2**63), 2**63 - 1) | st.integers(-3, 3),  # group keys: 64-bit hashes, and a few that repeat
    st.integers(0, 2),
    st.none() | st.sampled_from(["<b>x</b>", "y"]),
    st.sampled_from(["a.txt", "b.tsv"]),
    st.integers(1, 9),
    st.sampled_from(["1", "2"]),
    st.integers(0, 3),
    st.integers(3, 6),
    st.sampled_from(["x", "z"]),
    st.just(""),
    st.integers(0, 3),
)


def _groups_as_sqlite_gave_them(rows: list[tuple[object, ...]]) -> list[list[tuple[str, Location, int]]]:
    """The query the consistency checks ran on SQLite before rows went to the spill store: the oracle."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE r (seq INTEGER PRIMARY KEY, grp, var, label, file, line, segment, start, end, text, hash, col)"
    )
    db.executemany("INSERT INTO r (grp, var, label, file, line, segment, start, end, text, hash, col)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)  # fmt: skip
    query = (
        "SELECT grp, var, label, file, line, segment, start, end, text, hash, col FROM r WHERE grp IN"
        " (SELECT grp FROM r GROUP BY grp HAVING MIN(var) <> MAX(var)) ORDER BY grp, seq"
    )
    groups: dict[int, dict[int, list[object]]] = {}
    for grp, var, label, *place in db.execute(query):
        variant = groups.setdefault(grp, {}).setdefault(var, [label if label is not None else place[5], place, 0])
        variant[2] += 1
    return [[(text, Location(*place), count) for text, place, count in g.values()] for g in groups.values()]


@given(st.lists(st.lists(_ROW, max_size=6), max_size=5), st.sampled_from([1, 3, 1000]))
def test_repeat_rows_group_on_disk_as_in_memory_as_sqlite_grouped_them(
    partitions: list[list[tuple[object, ...]]], spill_at: int
) -> None:
    from termcheck.checks.repeats import RepeatTable

    table = RepeatTable(spill_at=spill_at)
    for rows in partitions:
        table.merge(list(rows))
    found = [[(v.text, v.first, v.count) for v in group] for group in table.groups()]
    assert found == _groups_as_sqlite_gave_them([row for rows in partitions for row in rows])


def test_whole_run_checks_find_the_same_with_their_rows_on_disk(
    glossary, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    # the TICO sample with the translations of its long segments cut short, in two documents: omissions to find
    rows = pathlib.Path(TICO).read_text(encoding="utf-8").splitlines()
    cut = [rows[0]]
    for row in rows[1:]:
        ident, doc, zh, en = row.split("\t")
        cut.append("\t".join((ident, doc, zh, en.split()[0] if len(zh) > 17 else en)))
    omissions = tmp_path / "omissions.tsv"
    omissions.write_text("\n".join(cut) + "\n", encoding="utf-8")
    documents = open_documents([EXAMPLE, TICO, str(omissions), REPEATS])
    expected = Checker(glossary).run(documents)
    monkeypatch.setattr("termcheck.core.spill.SPILL_AT", 3)
    monkeypatch.setattr("termcheck.checks.repeats.SPILL_AT", 3)
    actual = Checker(glossary, CheckOptions(batch_size=7)).run(documents)
    assert {"TC211", "TC223"} <= {f.code for f in expected.findings}
    assert list(actual.findings) == list(expected.findings)


@given(st.lists(st.tuples(st.sampled_from("abc"), st.lists(st.integers(), max_size=5)), max_size=12), st.integers(1, 6))
def test_spilled_lists_read_back_what_was_added(additions: list[tuple[str, list[int]]], spill_at: int) -> None:
    from termcheck.core.spill import SpilledLists

    lists: SpilledLists[int] = SpilledLists(spill_at=spill_at)
    expected: dict[str, list[int]] = {}
    for name, items in additions:
        lists.extend(name, items)
        expected.setdefault(name, []).extend(items)
    assert lists.spilled == (sum(len(items) for _, items in additions) >= spill_at)
    for name in "abcd":
        assert list(lists.read(name)) == expected.get(name, [])
    lists.close()
    assert list(lists.read("a")) == []
