""".ci/run installs LibreOffice where it can, so the tests that round-trip the Excel report through a real
spreadsheet program run in CI; where it cannot, it says so on stderr and the run goes on (those tests skip).

The installer runs with PATH holding only stand-ins for soffice, apt-get and sudo."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

INSTALLER = ROOT / ".ci" / "install-libreoffice"
BASH = shutil.which("bash") or "/bin/bash"

# apt-get that logs its arguments and, on install, puts a soffice on PATH
APT_GET = """#!{bash}
echo "$*" >> "{log}"
case "$*" in *install*) {install} ;; esac
"""
INSTALLS = 'printf "#!{bash}\\n" > "{bin}/soffice"; chmod +x "{bin}/soffice"'
# sudo that runs the command as it is given, without asking for a password (-n)
SUDO = """#!{bash}
[ "$1" = "-n" ] && shift
exec "$@"
"""


def _tool(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def _run(folder: Path, *, soffice: bool, apt: str | None) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`apt` is None (no apt-get), "installs" or "fails"."""
    bin_dir, log = folder / "bin", folder / "apt.log"
    bin_dir.mkdir()
    if soffice:
        _tool(bin_dir, "soffice", f"#!{BASH}\n")
    if apt is not None:
        install = INSTALLS.format(bash=BASH, bin=bin_dir) if apt == "installs" else "exit 100"
        _tool(bin_dir, "apt-get", APT_GET.format(bash=BASH, log=log, install=install))
    _tool(bin_dir, "sudo", SUDO.format(bash=BASH))
    env_tool = shutil.which("env")
    assert env_tool is not None
    os.symlink(env_tool, bin_dir / "env")
    result = subprocess.run(
        [BASH, str(INSTALLER)],
        env={"PATH": str(bin_dir), "HOME": str(folder)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, calls


def test_ci_runs_the_installer_before_the_tests() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/install-libreoffice" in script
    assert script.index(".ci/install-libreoffice") < script.index("pytest")


def test_installed_soffice_is_left_alone(tmp_path: Path) -> None:
    result, calls = _run(tmp_path, soffice=True, apt="installs")
    assert (result.returncode, calls, result.stderr) == (0, [], "")


def test_a_missing_soffice_is_installed_with_apt(tmp_path: Path) -> None:
    result, calls = _run(tmp_path, soffice=False, apt="installs")
    assert result.returncode == 0, result.stderr
    assert calls[0].startswith("update")
    assert calls[-1].split()[-4:] == ["install", "-y", "--no-install-recommends", "libreoffice-calc-nogui"]
    assert (tmp_path / "bin" / "soffice").exists()


@pytest.mark.parametrize(("apt", "said"), [(None, "no apt-get"), ("fails", "apt-get could not install")])
def test_without_apt_the_run_goes_on_and_says_why_on_stderr(tmp_path: Path, apt: str | None, said: str) -> None:
    result, _ = _run(tmp_path, soffice=False, apt=apt)
    assert result.returncode == 0
    assert said in result.stderr and "LibreOffice tests skip" in result.stderr
    assert result.stdout == ""
