"""TICO-19 ×N checked by termcheck and by translate-toolkit's pofilter, on the same pairs, alternately.

pofilter (translate-toolkit, GPL, installed by hand: `pip install translate-toolkit`; never a
dependency of termcheck) is the CAT-tool QA baseline of docs/performance.md. The pairs are written
once as a PO file (msgid the Chinese, msgstr the English, msgctxt the id) for pofilter and kept as the
TSV for termcheck; each tool then runs as a fresh process, A B A B …, and the medians of the wall
times and of their pair-by-pair ratio are printed.

    python benchmarks/pofilter_compare.py [--shared ../shared] [--repeat 10] [--pairs 3] [--engine native|python]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tico19_run import repeated


def po_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'


def write_po(segments: Path, out: Path) -> int:
    _header, *rows = segments.read_text(encoding="utf-8").splitlines()
    with out.open("w", encoding="utf-8") as handle:
        handle.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n')
        for row in rows:
            identifier, source, target = row.split("\t")[:3]
            handle.write(f"msgctxt {po_quoted(identifier)}\nmsgid {po_quoted(source)}\nmsgstr {po_quoted(target)}\n\n")
    return len(rows)


def wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--repeat", type=int, default=10, help="the pairs this many times over")
    parser.add_argument("--pairs", type=int, default=3, help="alternate runs of each tool")
    parser.add_argument("--engine", choices=["native", "python"])
    args = parser.parse_args()
    pofilter = shutil.which("pofilter")
    if pofilter is None:
        print("pofilter is not installed (pip install translate-toolkit)", file=sys.stderr)
        return 2
    data = Path(args.shared) / "data" / "tico19-zhen" / "derived"
    if not data.exists():
        print(f"no TICO-19 data at {data}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if args.engine:
        env["TERMCHECK_ENGINE"] = args.engine
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        segments = repeated(data / "segments.tsv", args.repeat, folder)
        count = write_po(segments, folder / "pairs.po")
        termcheck = [sys.executable, "-m", "termcheck", "check", str(segments), "-g", str(data / "glossary_zh_en.csv")]
        termcheck += ["--jobs", "1", "--format", "json", "--fail-on", "never", "--output", str(folder / "report.json")]
        baseline = [pofilter, "--progress=none", str(folder / "pairs.po"), str(folder / "pofilter.po")]
        ours, theirs = [], []
        for _ in range(args.pairs):
            ours.append(wall(termcheck, env))
            theirs.append(wall(baseline, env))
    ratios = [b / a for a, b in zip(ours, theirs, strict=True)]
    print(f"{count:,} pairs, {args.pairs} alternate runs each")
    for name, times in (("termcheck --jobs 1 (JSON)", ours), ("pofilter (default checks)", theirs)):
        print(f"{name}: median {statistics.median(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})")
    print(f"pofilter / termcheck: median {statistics.median(ratios):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
