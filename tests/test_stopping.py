"""A stopped run never leaves half a result (issue 28): a signal ends the workers and the temporary files, and a
run that writes several outputs replaces all of them or none.

The signal tests run the command line as a real process (`python -m termcheck`), since what they test is what
the operating system does with its processes and files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CASES, ROOT

GLOSSARY = str(CASES / "glossary.csv")
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病"
EN = "The drug treats acute GVHD after hormone therapy failure"
DEADLINE = 10.0  # seconds a stopped run has to be gone, workers and all

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds processes through /proc")


def _pair(folder: Path, lines: int) -> list[str]:
    source, target = folder / "a.zh.txt", folder / "a.en.txt"
    source.write_text(f"{ZH}\n" * lines, encoding="utf-8")
    target.write_text(f"{EN}\n" * lines, encoding="utf-8")
    return ["--source", str(source), "--target", str(target), "-g", GLOSSARY]


def _termcheck(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "termcheck", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal meant for the test runner's group never reaches it
    )


def _state(pid: int) -> str | None:
    """The process's state letter from /proc (Z: exited, not yet reaped), or None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[0]


def _alive(pid: int) -> bool:
    return _state(pid) not in (None, "Z")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _until(condition: object, seconds: float = DEADLINE) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(condition())  # type: ignore[operator]


@pytest.fixture
def workers() -> Iterator[list[int]]:
    """The worker pids a test found; any still running at the end are killed (a failing test leaves none)."""
    found: list[int] = []
    yield found
    for pid in found:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _started_workers(process: subprocess.Popen[str], found: list[int]) -> None:
    """Wait for both --jobs workers to be checking."""
    assert _until(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None, 60)
    found += _children(process.pid)
    assert len(found) >= 2, f"the run ended before its workers were seen: {process.stderr and process.stderr.read()}"
    time.sleep(0.5)


def _temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".termcheck-")]


@linux_only
def test_sigterm_ends_a_jobs_run_with_its_workers_and_leaves_the_old_reports(
    tmp_path: Path, workers: list[int]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "r.json").write_text("old json", encoding="utf-8")
    run = _termcheck(
        "check", *_pair(tmp_path, 60_000), "--jobs", "2", "-q", "-f", "json", "-o", str(out / "r.json"),
        "--sarif", str(out / "r.sarif"),
    )  # fmt: skip
    _started_workers(run, workers)
    run.send_signal(signal.SIGTERM)
    try:
        code = run.wait(DEADLINE)
    finally:
        run.kill()
    assert code == 128 + signal.SIGTERM
    assert run.stderr is not None and run.stderr.read() == "termcheck: error: terminated\n"
    assert _until(lambda: not any(_alive(pid) for pid in workers)), "a --jobs worker outlived the run"
    assert (out / "r.json").read_text(encoding="utf-8") == "old json"
    assert not (out / "r.sarif").exists() and _temporary_files(out) == []


@linux_only
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path, workers: list[int]) -> None:
    """SIGKILL runs no handler: the workers see their parent go and end themselves, instead of waiting for ever
    on the task queue with the run's deleted temporary files open."""
    run = _termcheck("check", *_pair(tmp_path, 60_000), "--jobs", "2", "-q", "--xlsx", str(tmp_path / "r.xlsx"))
    _started_workers(run, workers)
    run.kill()
    run.wait(DEADLINE)
    assert _until(lambda: not any(_alive(pid) for pid in workers)), "a --jobs worker outlived its main process"


_SIGNAL_DURING_WRITE = """
import os, signal, sys, time
from termcheck.writers.json_writer import JsonWriter

def write(self, report, out, gate=None):
    out.write("{ half a report")
    out.flush()
    os.kill(os.getpid(), signal.SIG%s)
    time.sleep(30)

JsonWriter.write = write
sys.argv = ["termcheck", *sys.argv[1:]]
from termcheck.cli import main
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("name", "code", "message"), [("INT", 130, "interrupted"), ("TERM", 143, "terminated")], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_while_a_report_is_written_leaves_the_old_one_and_no_temporary_file(
    tmp_path: Path, name: str, code: int, message: str
) -> None:
    report = tmp_path / "r.json"
    report.write_text("old", encoding="utf-8")
    args = ["check", *_pair(tmp_path, 3), "-q", "-f", "json", "-o", str(report)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", _SIGNAL_DURING_WRITE % name, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stderr) == (code, f"termcheck: error: {message}\n")
    assert report.read_text(encoding="utf-8") == "old"
    assert _temporary_files(tmp_path) == []
