"""SARIF, JUnit and GitHub output: golden files, the SARIF 2.1.0 schema, and escaping."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import jsonschema
import pytest
from conftest import CASES, DATA, HERE

from termcheck.core.model import Finding, Severity
from termcheck.run.report import Gate

WRITERS_DATA = DATA / "writers"
GOLDEN = HERE / "golden" / "writers"
SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def report():
    import termcheck
    from termcheck.readers import Pair

    result = termcheck.check(
        [
            Pair(str(WRITERS_DATA / "news.zh.txt"), str(WRITERS_DATA / "news.en.txt")),
            str(WRITERS_DATA / "press release.xlf"),
        ],
        glossary=str(CASES / "glossary.csv"),
        root=str(WRITERS_DATA),
    )
    result.created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    result.glossary_files = []
    return result


def _render(report, fmt: str) -> str:
    from termcheck.writers import get_writer

    stream = io.StringIO()
    get_writer(fmt).write(report, stream, Gate(fail_on=Severity.WARNING))
    return stream.getvalue()


@pytest.mark.parametrize(
    "fmt, name", [("sarif", "report.sarif"), ("junit", "report.junit.xml"), ("github", "report.github.txt")]
)
def test_writer_matches_golden(report, fmt: str, name: str) -> None:
    text = _render(report, fmt).replace("0.1.0", "VERSION")
    golden = GOLDEN / name
    if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_sarif_is_valid_against_the_published_schema(report) -> None:
    log = json.loads(_render(report, "sarif"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]
    assert errors == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda log: log["runs"][0]["results"][0].update(level="fatal"),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
        lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].update(
            uri="a file with spaces.txt"
        ),
        lambda log: log["runs"][0]["tool"]["driver"].pop("name"),
        lambda log: log.update(version="2.0.0"),
    ],
    ids=["unknown-level", "line-zero", "unescaped-uri", "no-tool-name", "wrong-version"],
)
def test_schema_rejects_broken_logs(report, breakage) -> None:
    """The schema check has teeth: each of these edits of a valid log is caught."""
    log = json.loads(_render(report, "sarif"))
    breakage(log)
    assert not VALIDATOR.is_valid(log)


def test_sarif_results_carry_file_line_segment_and_columns(report) -> None:
    log = json.loads(_render(report, "sarif"))
    run = log["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [f.code for f in report.findings]
    first = results[0]["locations"][0]
    assert first["physicalLocation"]["artifactLocation"] == {"uri": "news.en.txt", "uriBaseId": "%SRCROOT%"}
    assert first["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 5, "endColumn": 33}
    assert first["logicalLocations"][0]["name"] == "1"
    xliff = next(r for r in results if "press" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    assert xliff["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "press%20release.xlf"
    # the <target>'s line, and the columns of "National Drug Administration" in it (not of its text alone)
    assert xliff["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 31, "endColumn": 59}
    rules = run["tool"]["driver"]["rules"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    inconsistent = next(r for r in results if r["ruleId"] == "TC103")
    assert [loc["physicalLocation"]["region"]["startLine"] for loc in inconsistent["relatedLocations"]] == [4, 5]


def test_junit_has_a_test_case_per_document_failing_at_the_fail_on_level(report) -> None:
    root = ET.fromstring(_render(report, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["news.en.txt", "press release.xlf"]
    news, press = cases
    failure = news.find("failure")
    assert failure is not None and failure.get("type") == "TC101,TC103,TC203,TC205"
    assert len(failure.text.splitlines()) == 5  # errors and warnings; the info finding goes to system-out
    assert "TC208" in news.find("system-out").text
    assert root.get("tests") == "2" and root.get("failures") == "2"
    assert press.find("failure") is not None


def test_junit_drops_characters_xml_cannot_hold() -> None:
    from termcheck.writers.junit import xml_text

    assert xml_text("a\x00b\x1bc\ud800d\ufffee\tf") == "abcde\tf"


def _finding(message: str, file: str = "a.en.txt", line: int = 3) -> Finding:
    return Finding("TC101", "deprecated-term", Severity.ERROR, message, file, line, "3", target_span=(2, 5))


@pytest.mark.parametrize(
    "finding, columns, expected",
    [
        (
            _finding("plain"),
            True,
            "::error file=a.en.txt,line=3,col=3,endColumn=6,title=TC101 deprecated-term::plain [segment 3]",
        ),
        (_finding("plain"), False, "::error file=a.en.txt,line=3,title=TC101 deprecated-term::plain [segment 3]"),
        (
            _finding("100% sure\r\nnext"),
            False,
            "::error file=a.en.txt,line=3,title=TC101 deprecated-term::100%25 sure%0D%0Anext [segment 3]",
        ),
        (
            _finding("x", file="d:ir,x.txt"),
            False,
            "::error file=d%3Air%2Cx.txt,line=3,title=TC101 deprecated-term::x [segment 3]",
        ),
        (_finding("x", line=0), True, "::error file=a.en.txt,title=TC101 deprecated-term::x [segment 3]"),
    ],
    ids=["columns", "no-columns", "escaped-data", "escaped-property", "no-line"],
)
def test_github_annotation(finding: Finding, columns: bool, expected: str) -> None:
    from termcheck.writers.github import annotation

    assert annotation(finding, columns) == expected


@pytest.mark.parametrize(
    "path, expected",
    [
        ("content/a.en.txt", {"uri": "content/a.en.txt", "uriBaseId": "%SRCROOT%"}),
        (
            "内容/新闻 稿.en.txt",
            {"uri": "%E5%86%85%E5%AE%B9/%E6%96%B0%E9%97%BB%20%E7%A8%BF.en.txt", "uriBaseId": "%SRCROOT%"},
        ),
        ("/tmp/x y/a.txt", {"uri": "file:///tmp/x%20y/a.txt"}),
        ("C:\\work\\a.txt", {"uri": "file:///C:/work/a.txt"}),
    ],
)
def test_sarif_artifact_locations_are_uri_references(path: str, expected: dict[str, str]) -> None:
    from termcheck.writers.sarif import artifact_location

    location = artifact_location(path)
    assert location == expected
    assert VALIDATOR.is_valid(
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "artifacts": [{"location": location}]}]}
    )
