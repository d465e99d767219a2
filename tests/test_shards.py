"""--jobs workers write their findings to shard files themselves; the main process streams them into the report.

The report is the same, byte for byte, at every format, whether one process or two checked the run, and the
run's shard folder (in TMPDIR) is gone after the run, after an error, and when the main process or a worker is
killed.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
import test_stopping
from conftest import DATA, ROOT
from test_stopping import DEADLINE, _alive, _children, _pair, _until, linux_only

import termcheck
from termcheck.core.errors import RunError
from termcheck.readers import open_documents
from termcheck.readers.base import Pair
from termcheck.run import parallel
from termcheck.run.engine import Checker, CheckOptions
from termcheck.run.findings_store import FindingStore
from termcheck.run.partitions import partitions
from termcheck.run.report import Gate, Report
from termcheck.run.shards import FOLDER_PREFIX, ShardedFindings, ShardFolder
from termcheck.writers import WRITERS, get_writer
from termcheck.writers.junit import report_to_junit
from termcheck.writers.sarif import report_to_sarif
from termcheck.writers.xlsx import save_workbook

EXAMPLE = Pair(
    str(ROOT / "examples" / "stem-cell-approval.zh.txt"), str(ROOT / "examples" / "stem-cell-approval.en-mt.txt")
)
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")
INPUTS = [EXAMPLE, str(DATA / "tico19-segments-sample.tsv"), str(DATA / "repeats.tsv")]
WHOLE_RUN_CODES = {"TC103", "TC223", "TC224"}  # reported at finish, merged into the stream
CREATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return termcheck.load_glossary(GLOSSARY)


@pytest.fixture
def tmpdir_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this test alone: every shard folder a run makes is made here."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _shard_folders(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(FOLDER_PREFIX)]


def _run(glossary, jobs: int, batch_size: int = 7) -> Report:  # type: ignore[no-untyped-def]
    report = Checker(glossary, CheckOptions(batch_size=batch_size)).run(open_documents(INPUTS), jobs=jobs)
    report.created = CREATED
    return report


# --- the workers write, the main process reads -----------------------------------------------------------


@linux_only
def test_workers_write_the_shards_and_hand_back_no_findings(glossary, tmpdir_only: Path) -> None:
    checker = Checker(glossary, CheckOptions(batch_size=7))
    documents = open_documents(INPUTS)
    with ShardFolder() as folder:
        results = list(
            parallel.check_partitions(checker, partitions(documents, 7), None, 2, lambda: checker, folder.path)
        )
        written = sorted(os.listdir(folder.path))
    sharded = [r for r in results if r.shard is not None]
    assert sharded and all(r.findings == [] for r in results)
    assert {Path(r.shard.path).name for r in sharded if r.shard} == set(written)
    assert str(os.getpid()) + ".findings" not in written  # the workers wrote them, each its own file
    one = parallel.check_partitions(checker, partitions(documents, 7), None, 1, lambda: checker)
    assert [r.shard.count if r.shard else 0 for r in results] == [len(r.findings) for r in one]
    assert _shard_folders(tmpdir_only) == []


@linux_only
def test_a_jobs_run_reads_its_findings_from_shards_after_the_folder_is_gone(glossary, tmpdir_only: Path) -> None:
    one, two = _run(glossary, 1), _run(glossary, 2)
    assert isinstance(two.findings, ShardedFindings) and isinstance(one.findings, FindingStore)
    assert _shard_folders(tmpdir_only) == []  # removed when the checking ended; the open files are still read
    assert {f.code for f in one.findings} >= WHOLE_RUN_CODES | {"TC101"}
    assert list(two.findings) == list(one.findings)
    assert two.findings == one.findings and len(two.findings) == len(one.findings)
    assert two.count_by_code() == one.count_by_code()  # the workers' counts, no pass over the disk
    assert two.findings[3] == one.findings[3] and two.findings[-2:] == one.findings[-2:]


# --- the same report, byte for byte, at every format ------------------------------------------------------


def _xlsx_parts(path: Path) -> dict[str, bytes]:
    """The workbook's parts, its own time stamps (the file's creation) left out."""
    with zipfile.ZipFile(path) as workbook:
        return {
            name: re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"", workbook.read(name))
            for name in workbook.namelist()
        }


def _written(report: Report, folder: Path, gate: Gate) -> dict[str, bytes]:
    outputs: dict[str, bytes] = {}
    for name in WRITERS:
        stream = io.StringIO()
        get_writer(name).write(report, stream, gate)
        outputs[name] = stream.getvalue().encode()
    save_workbook(report, str(folder / "r.xlsx"))
    outputs.update({f"xlsx:{part}": data for part, data in _xlsx_parts(folder / "r.xlsx").items()})
    return outputs


@linux_only
@pytest.mark.parametrize("gate", [Gate(), Gate(None)], ids=["fail-on-error", "fail-on-never"])
def test_every_format_is_the_same_byte_for_byte_with_one_or_two_jobs(glossary, tmp_path: Path, gate: Gate) -> None:
    one, two = _run(glossary, 1), _run(glossary, 2, batch_size=5)
    assert {f.code for f in one.findings} >= WHOLE_RUN_CODES
    written = [_written(report, tmp_path, gate) for report in (one, two)]
    assert sorted(written[0]) == sorted(written[1]) and len(written[0]) > len(WRITERS)
    for name in written[0]:
        assert written[1][name] == written[0][name], name


def test_the_streamed_sarif_and_junit_equal_the_whole_documents(glossary) -> None:
    report = _run(glossary, 1)
    for gate in (Gate(), Gate(None)):
        sarif, junit = io.StringIO(), io.StringIO()
        get_writer("sarif").write(report, sarif, gate)
        get_writer("junit").write(report, junit, gate)
        assert sarif.getvalue() == json.dumps(report_to_sarif(report, gate), ensure_ascii=False, indent=2) + "\n"
        tree = report_to_junit(report, gate)
        ET.indent(tree)
        whole = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"
        assert junit.getvalue() == whole
        assert "<failure" in whole or gate.fail_on is None


# --- the shard folder goes, however the run ends -----------------------------------------------------------


def _die(partition: object) -> object:
    os._exit(9)  # as the kernel's out-of-memory killer would end it


def _fail(partition: object) -> object:
    raise RunError("the temporary folder is full")


@linux_only
@pytest.mark.parametrize("worker", [_die, _fail], ids=["worker-died", "worker-failed"])
def test_the_shard_folder_goes_after_an_error(
    glossary, tmpdir_only: Path, monkeypatch: pytest.MonkeyPatch, worker: object
) -> None:
    monkeypatch.setattr(parallel, "_check", worker)
    with pytest.raises(RunError):
        _run(glossary, 2)
    assert _shard_folders(tmpdir_only) == []


def _run_in_background(tmp_path: Path, tmpdir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmpdir)}
    return subprocess.Popen(
        [sys.executable, "-m", "termcheck", "check", *_pair(tmp_path, 60_000), "--jobs", "2", "-q", "-f", "json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


workers = test_stopping.workers  # the worker pids a test found, killed at its end if still running


def _checking(tmp_path: Path, found: list[int]) -> tuple[subprocess.Popen[str], Path]:
    """A --jobs 2 run started with its own TMPDIR, once both workers are checking and the shard folder is there."""
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    run = _run_in_background(tmp_path, tmpdir)
    assert _until(lambda: len(_children(run.pid)) >= 2 or run.poll() is not None, 60)
    found += _children(run.pid)
    assert len(found) >= 2 and _until(lambda: _shard_folders(tmpdir) != [], 30)
    return run, tmpdir


@linux_only
def test_the_shard_folder_goes_when_the_main_process_is_killed(tmp_path: Path, workers: list[int]) -> None:
    """SIGKILL runs no handler: the workers, seeing their main process gone, remove the folder as they end."""
    run, tmpdir = _checking(tmp_path, workers)
    run.kill()
    run.wait(DEADLINE)
    assert _until(lambda: not any(_alive(pid) for pid in workers))
    assert _shard_folders(tmpdir) == []


@linux_only
def test_the_shard_folder_goes_when_a_worker_is_killed(tmp_path: Path, workers: list[int]) -> None:
    run, tmpdir = _checking(tmp_path, workers)
    os.kill(workers[0], signal.SIGKILL)
    try:
        code = run.wait(60)
    finally:
        run.kill()
    assert code == 2
    assert run.stderr is not None and "a --jobs worker process died" in run.stderr.read()
    assert _shard_folders(tmpdir) == []
