"""The library leaves a host process alone, and a run with --jobs fails cleanly (issue 18)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from conftest import CASES
from typer.testing import CliRunner

import termcheck
from termcheck.cli import app
from termcheck.core.errors import RunError
from termcheck.run import parallel

GLOSSARY = str(CASES / "glossary.csv")
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病"
EN = "The drug treats acute GVHD after hormone therapy failure"


def _pair(folder: Path, lines: int = 40) -> tuple[str, str]:
    source, target = folder / "a.zh.txt", folder / "a.en.txt"
    source.write_text(f"{ZH}\n" * lines, encoding="utf-8")
    target.write_text(f"{EN}\n" * lines, encoding="utf-8")
    return str(source), str(target)


def test_an_api_run_leaves_the_hosts_garbage_collector_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host that froze its own heap (before forking servers, say) must not find it unfrozen, nor its
    thresholds changed: the library never touches the collector of a process it does not own."""
    source, target = _pair(tmp_path)

    def refuse(*args: object) -> None:
        raise AssertionError("the garbage collector of the host process was changed")

    for name in ("freeze", "unfreeze", "set_threshold"):
        monkeypatch.setattr(gc, name, refuse)
    termcheck.check(source=source, target=target, glossary=GLOSSARY)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the umask from /proc")
def test_writing_a_report_never_sets_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.core.atomic import write_atomically

    def refuse(mask: int) -> int:
        raise AssertionError("os.umask was called: it changes the whole process for an instant")

    monkeypatch.setattr(os, "umask", refuse)
    write_atomically(str(tmp_path / "out.txt"), lambda handle: handle.write(b"x"))
    assert (tmp_path / "out.txt").read_bytes() == b"x"


def _die(partition: object) -> object:
    os._exit(9)  # as the kernel's out-of-memory killer would end it: no exception, no result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dying worker is forked with the test's patch")
def test_a_worker_that_dies_ends_the_run_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = _pair(tmp_path)
    monkeypatch.setattr(parallel, "_check", _die)
    with pytest.raises(RunError, match="a --jobs worker process died"):
        termcheck.check(source=source, target=target, glossary=GLOSSARY, jobs=2)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--source", source, "--target", target, "-g", GLOSSARY, "--jobs", "2"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "termcheck: error: a --jobs worker process died (killed, perhaps for lack of memory); "
        "run again with fewer --jobs"
    ]
