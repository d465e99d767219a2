"""Inputs by URL (fsspec's in-memory file system stands in for an object store) and the JSON Lines shards a cluster's
workers write: read and named as local files are, and every field of a finding kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import termcheck
from termcheck.cli import app
from termcheck.core.model import Finding, Location, Severity

fsspec = pytest.importorskip("fsspec")
runner = CliRunner()
GLOSSARY = str(DATA / "tico19-glossary.csv")
TEXT = st.text(st.characters(codec="utf-8") | st.characters(categories=["Cs"]), max_size=12)


@pytest.fixture
def memory() -> str:
    """A folder on fsspec's in-memory file system holding the TICO sample and the example, as an object store would."""
    folder = "memory://termcheck-inputs"
    filesystem = fsspec.filesystem("memory")
    for path in (DATA / "tico19-segments-sample.tsv", ROOT / "examples" / "stem-cell-approval.zh.txt"):
        filesystem.pipe(f"{folder}/{path.name}", path.read_bytes())
    filesystem.pipe(f"{folder}/broken.tsv", b"id\tzh\n1\t\xe4\xb8\n")
    yield folder
    filesystem.rm(folder, recursive=True)


def test_a_url_is_checked_as_the_same_file_on_disk_is(memory: str) -> None:
    here = termcheck.check([str(DATA / "tico19-segments-sample.tsv")], glossary=GLOSSARY)
    there = termcheck.check([f"{memory}/tico19-segments-sample.tsv"], glossary=GLOSSARY)
    assert here.findings
    assert [(f.code, f.line, f.message) for f in there.findings] == [(f.code, f.line, f.message) for f in here.findings]
    assert {f.file for f in there.findings} == {f"{memory}/tico19-segments-sample.tsv"}


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("missing.tsv", "missing.tsv: no such file"),
        ("broken.tsv", "broken.tsv:1: no target column"),  # the reader's error, named by the URL, not the copy
    ],
)
def test_a_url_that_cannot_be_read_is_one_line_naming_it(memory: str, name: str, says: str) -> None:
    result = runner.invoke(app, ["check", f"{memory}/{name}", "-g", GLOSSARY])
    assert result.exit_code == 2
    assert result.output.startswith(f"termcheck: error: {memory}/{says}") and result.output.count("\n") == 1


def test_a_url_without_its_back_end_says_what_to_install() -> None:
    result = runner.invoke(app, ["check", "nosuchprotocol://bucket/tm.tsv", "-g", GLOSSARY])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "nosuchprotocol://bucket/tm.tsv:" in result.output


FINDINGS = st.builds(
    Finding,
    code=TEXT,
    check=TEXT,
    severity=st.sampled_from(list(Severity)),
    message=TEXT,
    file=TEXT,
    line=st.integers(0, 2**40),
    segment=TEXT,
    concept=st.none() | TEXT,
    found=st.none() | TEXT,
    expected=st.none() | TEXT,
    source_span=st.none() | st.tuples(st.integers(0, 99), st.integers(0, 99)),
    target_span=st.none() | st.tuples(st.integers(0, 99), st.integers(0, 99)),
    related=st.lists(
        st.builds(Location, TEXT, st.integers(0, 99), TEXT, st.integers(0, 9), st.integers(0, 9), TEXT, TEXT),
        max_size=2,
    ).map(tuple),
    segment_hash=TEXT,
    occurrence=st.integers(0, 5),
    column=st.integers(0, 99),
    end_column=st.integers(0, 99),
    found_term=st.none() | TEXT,
)


@given(st.lists(FINDINGS, min_size=1, max_size=4))
def test_a_jsonl_shard_gives_back_every_field_of_its_findings(findings: list[Finding]) -> None:
    from termcheck.run.jsonl_shards import read_shard, write_shard

    shard = write_shard("memory://termcheck-shards/part.jsonl", findings)
    assert shard is not None and shard.count == len(findings) and shard.format == "jsonl"
    assert read_shard(shard) == findings


def test_a_shard_is_json_another_tool_can_read(tmp_path: Path) -> None:
    from termcheck.run.jsonl_shards import write_shard

    finding = Finding("TC101", "deprecated-term", Severity.ERROR, "m", "a.txt", 3, "3", found="x", source_span=(0, 1))
    shard = write_shard(str(tmp_path / "part.jsonl"), [finding])
    assert shard is not None
    line = json.loads((tmp_path / "part.jsonl").read_text("ascii"))
    assert line["code"] == "TC101" and line["severity"] == "error" and line["source_span"] == [0, 1]
