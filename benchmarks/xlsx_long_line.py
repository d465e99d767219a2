"""`termcheck check` on one very long line, with and without `--xlsx`: time and peak RSS of the command.

The line repeats a sentence that renders glossary concepts with deprecated terms, so it has a finding
every few dozen characters (a 512 KB line: about 16,000 findings). Each Findings row used to hold the
whole target (cut at Excel's 32,767 characters); now it shows a window around its finding, and the
Segments sheet the whole segment once.

    python benchmarks/xlsx_long_line.py [--kib 512 2048] [--timeout 600]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"
ZH = "该药用于治疗激素治疗失败的急性移植物抗宿主病患者。"
EN = "The drug treats acute graft anti-host disease with hormone therapy failure. "


def run(args: list[str], timeout: float, log: Path) -> tuple[float, float, int | None]:
    """Seconds, peak RSS in MB and exit code of one command (None: stopped at the timeout); stderr to `log`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with log.open("wb") as errors:
        child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    code: int | None = None
    while True:  # wait4 gives this child's own peak RSS
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.perf_counter() - started > timeout:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kib", type=int, nargs="+", default=[512, 2048], help="target line sizes in KiB")
    parser.add_argument("--timeout", type=float, default=600, help="stop a run after this many seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kib in args.kib:
            times = max(1, kib * 1024 // len(EN.encode()))
            source, target = Path(folder, f"doc{kib}.zh.txt"), Path(folder, f"doc{kib}.en.txt")
            source.write_text(ZH * times + "\n", encoding="utf-8")
            target.write_text(EN * times + "\n", encoding="utf-8")
            base = [sys.executable, "-m", "termcheck", "check", "--source", str(source), "--target", str(target)]
            base += [
                "-g",
                str(GLOSSARY),
                "--no-config",
                "--quiet",
                "--format",
                "json",
                "--output",
                f"{folder}/r{kib}.json",
            ]
            for label, extra in (("without --xlsx", []), ("with --xlsx", ["--xlsx", f"{folder}/r{kib}.xlsx"])):
                log = Path(folder, "stderr.txt")
                seconds, rss, code = run(base + extra, args.timeout, log)
                state = f"exit {code}" if code is not None else f"stopped after {args.timeout:.0f} s"
                if code == 2:
                    state += ": " + log.read_text(encoding="utf-8", errors="replace").strip()
                print(f"{kib:>5} KiB line, {label:<15} {seconds:7.1f} s  peak RSS {rss:6.0f} MB  ({state})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
