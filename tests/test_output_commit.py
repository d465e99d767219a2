"""A run that writes several outputs replaces all of them or none, and names what it wrote when it cannot
(issue 28); a full disk, for an output or for the temporary files, is one line naming the place."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, DATA, ROOT
from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.writers.sarif import SarifWriter

GLOSSARY = str(CASES / "glossary.csv")
runner = CliRunner()
NO_SPACE = os.strerror(errno.ENOSPC)


def _inputs(folder: Path, target: str = "The drug treats acute GVHD after hormone therapy failure\n") -> list[str]:
    (folder / "a.zh.txt").write_text("该药用于治疗激素治疗失败的急性移植物抗宿主病\n", encoding="utf-8")
    (folder / "a.en.txt").write_text(target, encoding="utf-8")
    return ["--source", str(folder / "a.zh.txt"), "--target", str(folder / "a.en.txt"), "-g", GLOSSARY]


def _reports(folder: Path) -> list[str]:
    out = folder / "out"
    return ["-f", "json", "-o", str(out / "r.json"), "--xlsx", str(out / "r.xlsx"), "--sarif", str(out / "r.sarif")]


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _earlier_reports(folder: Path) -> dict[str, bytes]:
    """The reports of a first run, which the tests' second run (on changed input) must leave or replace whole."""
    first = runner.invoke(app, ["check", *_inputs(folder), *_reports(folder)])
    assert first.exit_code == 1, first.stderr
    _inputs(folder, "The drug treats acute graft anti-host disease\n")
    return _state(folder / "out")


def _one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr and "internal error" not in stderr, stderr
    return stderr


def test_an_output_that_cannot_be_written_leaves_every_earlier_report_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _earlier_reports(tmp_path)

    def full(self: SarifWriter, report: object, out: Any, gate: object = None) -> None:
        out.write("{")
        raise OSError(errno.ENOSPC, NO_SPACE)

    monkeypatch.setattr(SarifWriter, "write", full)
    result = runner.invoke(app, ["check", *_inputs(tmp_path, "x\n"), *_reports(tmp_path)])
    out = tmp_path / "out"
    assert result.exit_code == 2
    assert _one_line(result.stderr) == (
        f"termcheck: error: {out / 'r.sarif'}: cannot write: {NO_SPACE}; "
        f"no output written ({out / 'r.json'} and {out / 'r.xlsx'} unchanged)\n"
    )
    assert _state(out) == before  # no temporary file either


def test_a_rename_that_fails_names_what_was_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _earlier_reports(tmp_path)
    replace = os.replace

    def refuse_the_workbook(source: str, target: str) -> None:
        if str(target).endswith("r.xlsx"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_the_workbook)
    result = runner.invoke(app, ["check", *_inputs(tmp_path, "x\n"), *_reports(tmp_path)])
    out = tmp_path / "out"
    assert result.exit_code == 2
    assert _one_line(result.stderr) == (
        f"termcheck: error: {out / 'r.xlsx'}: cannot write: {os.strerror(errno.EACCES)}; "
        f"{out / 'r.json'} was replaced, {out / 'r.sarif'} was not\n"
    )
    after = _state(out)
    assert after["r.json"] != before["r.json"]
    assert after["r.xlsx"] == before["r.xlsx"] and after["r.sarif"] == before["r.sarif"]
    assert sorted(after) == sorted(before)  # no temporary file left


def test_ctrl_c_during_the_renames_finishes_them_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The renames take microseconds: a Ctrl-C among them waits for the last, so the reports stay one run's."""
    before = _earlier_reports(tmp_path)
    replace = os.replace
    interrupted: list[str] = []

    def interrupt_once(source: str, target: str) -> None:
        replace(source, target)
        if not interrupted:
            interrupted.append(target)
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt_once)
    result = runner.invoke(app, ["check", *_inputs(tmp_path, "x\n"), *_reports(tmp_path)])
    assert (result.exit_code, result.stderr) == (130, "termcheck: error: interrupted\n")
    after = _state(tmp_path / "out")
    assert sorted(after) == sorted(before)
    assert all(after[name] != before[name] for name in before), "some reports are the earlier run's"


def test_fix_writes_every_corrected_copy_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["fix", *_fixable(tmp_path), "--output-dir", str(tmp_path / "fixed")]
    assert runner.invoke(app, args).exit_code == 0
    copies = tmp_path / "fixed" / "in"
    for copy in copies.iterdir():
        copy.write_bytes(b"an earlier copy")
    before = _state(copies)
    assert len(before) > 5
    mkstemp = tempfile.mkstemp
    made: list[str] = []

    def full_on_the_fifth(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made.append(kwargs.get("dir", ""))
        if len(made) == 5:
            raise OSError(errno.ENOSPC, NO_SPACE)
        return mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", full_on_the_fifth)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    message = _one_line(result.stderr)
    assert f"cannot write: {NO_SPACE}; no output written ({copies}" in message  # the copies made before it
    assert message.endswith(" and 1 other unchanged)\n")
    assert _state(copies) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_report_into_a_named_pipe_is_written_into_it(tmp_path: Path) -> None:
    """A pipe, a device, a terminal: written into, never replaced by a file (as root, `-o /dev/null` made
    /dev/null a regular file)."""
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(app, ["check", *_inputs(tmp_path), "-f", "json", "-o", str(pipe)])
    reader.join(10)
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert received and b'"TC101"' in received[0]


def _full_device(folder: Path) -> Path:
    """A full device to write into: /dev/full itself where this user cannot replace it (had a test ever replaced
    it, the machine would lose it), else, as root, a node of the same device in the test's folder."""
    if os.path.exists("/dev/full") and not os.access("/dev", os.W_OK):
        return Path("/dev/full")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux"):
        node = folder / "full"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        return node
    pytest.skip("needs /dev/full")


def test_output_to_a_full_device_is_one_line_naming_it(tmp_path: Path) -> None:
    device = _full_device(tmp_path)
    result = runner.invoke(app, ["check", *_inputs(tmp_path), "-o", str(device)])
    assert result.exit_code == 2
    assert _one_line(result.stderr) == f"termcheck: error: {device}: cannot write: {NO_SPACE}\n"
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_stdout_to_a_full_device_is_one_line_naming_stdout(tmp_path: Path) -> None:
    device = _full_device(tmp_path)
    with device.open("wb") as full:
        run = subprocess.run(
            [sys.executable, "-m", "termcheck", "check", *_inputs(tmp_path), "-q"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (run.returncode, run.stderr) == (2, f"termcheck: error: stdout: cannot write: {NO_SPACE}\n")


class _FullFile:
    """A temporary file on a full file system: made, but nothing can be written to it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, NO_SPACE)

    def __getattr__(self, name: str) -> Any:
        if name in ("writable", "readable", "seekable"):
            return lambda: True
        if name == "closed":
            return False
        return lambda *args, **kwargs: None


def _no_room(*args: object, **kwargs: object) -> Any:
    raise OSError(errno.ENOSPC, NO_SPACE)


def _fixable(folder: Path) -> list[str]:
    shutil.copytree(DATA / "fix", folder / "in")
    return [str(folder / "in"), "-g", str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")]


@pytest.mark.parametrize(
    ("command", "name", "fake"),
    [
        ("check", "TemporaryFile", _no_room),  # the segments snapshot, a sheet's rows, spilled findings: made
        ("check", "TemporaryFile", _FullFile),  # ... and written
        ("fix", "mkdtemp", _no_room),  # the folder a corrected copy is read back from
    ],
    ids=["check: a temporary file made", "check: a temporary file written", "fix: a temporary folder made"],
)
def test_a_full_temporary_folder_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, name: str, fake: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    if command == "check":
        args = ["check", *_inputs(tmp_path), "--xlsx", str(tmp_path / "r.xlsx")]
    else:
        args = ["fix", *_fixable(tmp_path), "--output-dir", str(tmp_path / "fixed")]
    monkeypatch.setattr(tempfile, name, fake)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.stderr
    assert _one_line(result.stderr) == (
        f"termcheck: error: {tempfile.gettempdir()}: cannot write temporary files: {NO_SPACE} "
        "(set TMPDIR to a folder with room)\n"
    )
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "fixed").exists()


@pytest.mark.parametrize("fake", [_no_room, _FullFile], ids=["made", "written"])
def test_a_full_temporary_folder_while_repeated_segments_spill_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: Any
) -> None:
    """The rows of the segment consistency checks (TC223, TC224) spill where findings and segments do."""
    from termcheck.checks import repeats

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.zh.txt").write_text("该药已上市。\n" * 4, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("".join(f"The drug is on the market ({n}).\n" for n in range(4)), "utf-8")
    args = ["check", "--source", "a.zh.txt", "--target", "a.en.txt", "-g", GLOSSARY, "--select", "TC223"]
    monkeypatch.setattr(repeats, "SPILL_AT", 1, raising=False)
    monkeypatch.setattr(tempfile, "TemporaryFile", fake)
    result = runner.invoke(app, [*args, "-f", "json", "-o", "r.json"])
    assert result.exit_code == 2, result.stderr
    assert _one_line(result.stderr) == (
        f"termcheck: error: {tempfile.gettempdir()}: cannot write temporary files: {NO_SPACE} "
        "(set TMPDIR to a folder with room)\n"
    )
    assert not (tmp_path / "r.json").exists()


def test_a_copy_that_does_not_read_back_names_the_copies_left_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termcheck.core.errors import InputError
    from termcheck.fixes import project

    monkeypatch.chdir(tmp_path)
    verify = project._verify
    checked: list[str] = []

    def refuse_the_third(copy: bytes, fixes: Any, *args: Any) -> None:
        checked.append(fixes.document.name)
        if len(checked) == 3:
            raise InputError(fixes.document.name, "the corrected copy does not read back as fixed; nothing written")
        verify(copy, fixes, *args)

    monkeypatch.setattr(project, "_verify", refuse_the_third)
    result = runner.invoke(app, ["fix", *_fixable(tmp_path), "--output-dir", str(tmp_path / "fixed")])
    assert result.exit_code == 2
    copies = tmp_path / "fixed" / "in"
    assert _one_line(result.stderr) == (
        f"termcheck: error: {checked[2]}: the corrected copy does not read back as fixed; nothing written "
        f"({copies / Path(checked[0]).name} and {copies / Path(checked[1]).name} unchanged)\n"
    )
    assert not (tmp_path / "fixed").exists()


def test_a_check_before_the_renames_that_fails_replaces_nothing(tmp_path: Path) -> None:
    """A report saved by an editor between its workbook being built and the batch being committed (the check
    `save_workbook` registers) stops the commit: no output is replaced, no temporary file is left."""
    from termcheck.core.atomic import OutputBatch
    from termcheck.core.errors import InputError

    for name in ("r.json", "r.xlsx"):
        (tmp_path / name).write_text("old", encoding="utf-8")

    def saved_meanwhile() -> None:
        raise InputError(str(tmp_path / "r.xlsx"), "was saved during the check")

    with pytest.raises(InputError), OutputBatch() as batch:
        batch.write(str(tmp_path / "r.json"), lambda handle: handle.write(b"new"))
        batch.write(str(tmp_path / "r.xlsx"), lambda handle: handle.write(b"new"), saved_meanwhile)
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {"r.json": "old", "r.xlsx": "old"}


def test_a_write_that_failed_leaves_no_check_behind(tmp_path: Path) -> None:
    """A workbook built again (its first build abandoned) is committed under its own check only."""
    from termcheck.core.atomic import OutputBatch

    class Abandoned(Exception):
        pass

    def abandoned(handle: Any) -> None:
        raise Abandoned

    def never() -> None:
        raise AssertionError("the abandoned write's check ran")

    with OutputBatch() as batch:
        with pytest.raises(Abandoned):
            batch.write(str(tmp_path / "r.xlsx"), abandoned, never)
        batch.write(str(tmp_path / "r.xlsx"), lambda handle: handle.write(b"built again"))
    assert (tmp_path / "r.xlsx").read_bytes() == b"built again"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
