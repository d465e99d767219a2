"""One paired line full of numbers, checked through the command line: time should grow linearly with its size.

Builds a Chinese source line and its English translation of about SIZE bytes each (years, percentages,
万/亿 amounts, ranges, values repeated across the line, and a few numbers dropped, added or misread a
power of ten apart, so every number check has work), runs `termcheck check --source … --target …` on
them in a fresh process for each size and prints the wall time, the CPU time of that process (which a
busy machine changes less), the CPU per byte beyond that of a 1 KB line (starting up: about 2 s; flat when
the time is linear) and the number of findings. The default sizes show the curve (200 KB to 1.6 MB) and the
4 MB target (< 30 s). docs/robustness.md records the figures, before and after the measures were indexed.

With `--digit-runs`, each size is instead the length of runs of digits, of Chinese numerals and of 亿 (an
identifier, noise, an MT repetition loop) in a line that has every number reader's cues around them:
no numeral starts inside a run and a run too long is none, so time grows linearly with the runs too
(default sizes 10,000, 20,000 and 40,000).

    python benchmarks/long_number_line.py [--sizes 200000,400000,800000,1600000,4000000] [--timeout 600]
    python benchmarks/long_number_line.py --digit-runs [--sizes 10000,20000,40000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# (source, target) clause templates, filled with the numbers of `numbers`
CLAUSES = [
    ("{y}年营收增长{p}%，", "in {y} revenue grew {p}%, "),
    ("达到{a}亿元，", "reaching {a_billion} billion yuan, "),
    ("员工{b}万人，", "with {b_10k} employees, "),
    ("价格在{c}至{d}元之间，", "priced between {c} and {d} yuan, "),
    ("比上年下降{p}个百分点，", "down {p} percentage points from the year before, "),
    ("第{c}季度出口{a}万吨，", "exports of {a_10k} tonnes in the {c_th} quarter, "),
    ("约有{b}人参加，", "about {b_comma} people took part, "),
    ("其中{c}%来自海外，", "{c}% of them from abroad, "),
    ("5G基站{d}个，", "{d} 5G base stations, "),
]
# planted errors: a number dropped, one added, a magnitude misread
FAULTS = [
    ("净利润{a}亿元，", "net profit was up, "),
    ("增长明显，", "a clear rise of {p}%, "),
    ("投资{a}亿元，", "an investment of {a} million yuan, "),
]
ORDINALS = ["first", "second", "third", "fourth"]


def numbers(rng: random.Random) -> dict[str, str]:
    def pick(usual: int, low: int, high: int) -> int:  # a third of the values repeat one usual value
        return usual if rng.random() < 0.3 else rng.randint(low, high)

    a, b, c = pick(12, 1, 999), pick(100, 2, 9999), pick(1, 1, 4)
    return {
        "y": str(pick(2023, 1990, 2030)),
        "p": "12" if rng.random() < 0.3 else f"{rng.randint(1, 99)}.{rng.randint(1, 9)}",
        "a": str(a),
        "a_billion": f"{a / 10:g}",
        "a_10k": f"{a * 10_000:,}",
        "b": str(b),
        "b_10k": f"{b * 10_000:,}",
        "b_comma": f"{b:,}",
        "c": str(c),
        "c_th": ORDINALS[c - 1],
        "d": str(pick(100, 5, 500)),
    }


def build_line(size: int, seed: int = 27) -> tuple[str, str]:
    """A source and a target line of about `size` UTF-8 bytes each (the target's size)."""
    rng = random.Random(seed)
    source: list[str] = []
    target: list[str] = []
    written = 0
    while written < size:
        zh, en = rng.choice(FAULTS) if rng.random() < 0.05 else rng.choice(CLAUSES)
        values = numbers(rng)
        source.append(zh.format(**values))
        target.append(en.format(**values))
        written += len(target[-1])
    return "".join(source), "".join(target)


# what makes each number reader and check try its pattern: a decade, a clock time, a share, a currency…
CUES = (
    "在80年代的3点半，每十个人中有三个，三分之一，一年半，售价100港元，增长3倍，下降2个百分点，不超过5%，",
    "in the 1980s at 3:30, three in ten, a third, a year and a half, HK$100, up threefold, down 2 points, 5% or less, ",
)


def build_runs(size: int) -> tuple[str, str]:
    """A source line with runs of `size` digits, Chinese numerals and 亿 among number cues, and its target."""
    digits = ("1234567890" * (size // 10 + 1))[:size]
    chinese = ("一二三四五六七八九" * (size // 9 + 1))[:size]
    zh, en = CUES
    return f"{zh}编号{digits}，代号{chinese}，{'亿' * size}，{zh}", f"{en}ID {digits}, {en}"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(folder: Path, size: int, timeout: float, digit_runs: bool) -> tuple[float | None, float, int]:
    source_text, target_text = build_runs(size) if digit_runs else build_line(size)
    source, target, report = folder / "line.zh.txt", folder / "line.en.txt", folder / "report.json"
    source.write_text(source_text + "\n", encoding="utf-8")
    target.write_text(target_text + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "termcheck", "check", "--source", str(source), "--target", str(target)]
    command += ["--format", "json", "--output", str(report), "--fail-on", "never", "--no-config", "-q"]
    started, cpu = time.perf_counter(), children_cpu()
    try:
        subprocess.run(command, check=True, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0, 0
    elapsed = time.perf_counter() - started
    return elapsed, children_cpu() - cpu, len(json.loads(report.read_text(encoding="utf-8"))["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="target line sizes in bytes (with --digit-runs: run lengths)")
    parser.add_argument("--timeout", type=float, default=600, help="give up on one size after this many seconds")
    parser.add_argument("--digit-runs", action="store_true", help="long runs of digits and Chinese numerals")
    args = parser.parse_args()
    default = "10000,20000,40000" if args.digit_runs else "200000,400000,800000,1600000,4000000"
    unit = "run length" if args.digit_runs else "line bytes"
    per = "CPU µs per char" if args.digit_runs else "CPU µs per byte"
    with tempfile.TemporaryDirectory() as folder:
        _, startup, _ = run(Path(folder), 1000, args.timeout, False)
        print(f"starting up, with a 1 KB line: {startup:.1f} s of CPU")
        print(f"{unit:>12}{'wall s':>9}{'CPU s':>8}{per:>17}{'findings':>10}")
        for size in (int(s) for s in (args.sizes or default).split(",")):
            elapsed, cpu, found = run(Path(folder), size, args.timeout, args.digit_runs)
            if elapsed is None:
                print(f"{size:>12,}{'> ' + str(int(args.timeout)):>9}")
            else:
                print(f"{size:>12,}{elapsed:>9.1f}{cpu:>8.1f}{1e6 * (cpu - startup) / size:>17.2f}{found:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
