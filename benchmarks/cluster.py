"""Throughput and client memory of `termcheck check --cluster local:N` on a generated corpus.

    python benchmarks/generate.py --segments 200000 --concepts 10000 --out /tmp/tc-bench
    python benchmarks/cluster.py /tmp/tc-bench/segments-200000.tsv -g /tmp/tc-bench/glossary-10000.csv \
        --workers 1 2 --compare

Each run is the command line itself, in its own process (the client, which also holds the LocalCluster's
scheduler); its worker processes are its children. The client's peak resident memory is sampled every 0.1 s
apart from the workers'. With --compare, the one-process run (`--jobs 1`) is timed too and every cluster run's
JSON report must be byte-identical to it. --shards puts the shards at a location of your own (an s3:// URL, say).
The corpus may be a URL too; for an S3 bucket served by moto on this machine:

    moto_server -p 5055 &
    export AWS_ENDPOINT_URL=http://127.0.0.1:5055 AWS_DEFAULT_REGION=us-east-1
    export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x
    python -c "import s3fs; s3fs.S3FileSystem().mkdir('tc-bench')"
    python -c "import s3fs; s3fs.S3FileSystem().put('/tmp/tc-bench/segments-200000.tsv', 'tc-bench/')"
    python benchmarks/cluster.py s3://tc-bench/segments-200000.tsv -g /tmp/tc-bench/glossary-10000.csv --workers 2 \
        --compare --shards s3://tc-bench/shards
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, the client's peak RSS and the workers' summed peak RSS (MB)."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    client = workers = 0.0
    while process.poll() is None:
        try:
            client = max(client, process.memory_info().rss / 2**20)
            workers = max(workers, sum(c.memory_info().rss for c in process.children(recursive=True)) / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - started
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{error}")
    return wall, client, workers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("segments", help="a generated corpus (benchmarks/generate.py)")
    parser.add_argument("-g", "--glossary", required=True)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--compare", action="store_true", help="also run in one process; the reports must match")
    parser.add_argument("--shards", help="the shard location (default: a temporary folder)")
    args = parser.parse_args()
    import fsspec  # the corpus may be a URL (s3://…): the runs read it there, and so does this count

    with fsspec.open(args.segments, "r", encoding="utf-8") as handle:
        count = sum(1 for _ in handle) - 1
    base = [sys.executable, "-m", "termcheck", "check", args.segments, "-g", args.glossary, "--format", "json"]
    base += ["--fail-on", "never", "-q"]
    with tempfile.TemporaryDirectory() as folder:
        reports: dict[str, Path] = {}
        rows = []
        if args.compare:
            reports["one process"] = Path(folder, "one.json")
            rows.append(("one process", *run([*base, "-o", str(reports["one process"]), "--jobs", "1"])))
        for workers in args.workers:
            name = f"local:{workers}"
            reports[name] = Path(folder, f"local-{workers}.json")
            shards = ["--shards", args.shards] if args.shards else []
            rows.append((name, *run([*base, "-o", str(reports[name]), "--cluster", name, *shards])))
        print(f"{count:,} segment pairs, glossary {Path(args.glossary).name}")
        print(f"{'run':<12} {'wall s':>8} {'segments/s':>11} {'client MB':>10} {'workers MB':>11}")
        for name, wall, client, workers in rows:
            print(f"{name:<12} {wall:8.1f} {count / wall:11,.0f} {client:10.0f} {workers:11.0f}")
        if args.compare:
            one = reports["one process"]
            for name, path in reports.items():
                same = filecmp.cmp(one, path, shallow=False)
                print(f"{name}: report {'byte-identical to' if same else 'DIFFERS from'} the one-process run")
                if not same:
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
