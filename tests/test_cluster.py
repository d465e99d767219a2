"""`termcheck check --cluster`: the same report as a one-process run, from local files and from an S3 bucket (moto's
server on 127.0.0.1), and one line, exit 2, for what a cluster can get wrong."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CASES, DATA, ROOT
from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.core.model import Segment

distributed = pytest.importorskip("distributed")

EXAMPLE = ROOT / "examples"
PAIR = [
    "--source",
    str(EXAMPLE / "stem-cell-approval.zh.txt"),
    "--target",
    str(EXAMPLE / "stem-cell-approval.en-mt.txt"),
]
GLOSSARIES = ["-g", str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv"), "-g", str(DATA / "tico19-glossary.csv")]
runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, for the runs that name a scheduler's address."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def generated_corpus(folder: Path, pairs: int = 3000, seed: int = 5) -> Path:
    """TICO-19 sample pairs (CC0) drawn at random and varied (numbers renumbered, now and then on one side only; a
    word dropped or doubled), in two files, so the whole-run checks see repeats across files and partitions."""
    rows = [line.split("\t") for line in (DATA / "tico19-segments-sample.tsv").read_text("utf-8").splitlines()[1:]]
    rng = random.Random(seed)
    paths = []
    for part in range(2):
        lines = ["id\tzh\ten"]
        for n in range(pairs // 2):
            _, _, zh, en = rng.choice(rows)
            number = str(rng.randint(2, 90))
            if rng.random() < 0.3:
                zh, en = re.sub(r"\d+", number, zh), re.sub(r"\d+", number if rng.random() < 0.8 else "7", en)
            words = en.split()
            if rng.random() < 0.1 and len(words) > 3:
                at = rng.randrange(len(words))
                words[at : at + 1] = [words[at]] * rng.choice((0, 2))  # dropped or doubled
            lines.append(f"g{part}-{n}\t{zh}\t{' '.join(words)}")
        path = folder / f"generated-{part}.tsv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return folder


def _json(args: list[str], out: Path) -> str:
    result = runner.invoke(
        app, ["check", *args, *GLOSSARIES, "--format", "json", "-o", str(out), "--fail-on", "never", "-q"]
    )
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def _same_reports(one: str, other: str) -> None:
    assert json.loads(one)["findings"], "the comparison has something to compare"
    assert one == other


def test_local_cluster_gives_the_one_process_report_on_the_example(tmp_path: Path) -> None:
    one = _json(PAIR, tmp_path / "one.json")
    two = _json([*PAIR, "--cluster", "local:2"], tmp_path / "two.json")
    _same_reports(one, two)


def test_cluster_gives_the_one_process_report_on_a_generated_corpus(scheduler: str, tmp_path: Path) -> None:
    corpus = generated_corpus(tmp_path)
    files = [str(p) for p in sorted(corpus.glob("generated-*.tsv"))] + [str(DATA / "repeats.tsv")]
    one = _json(files, tmp_path / "one.json")
    codes = {f["code"] for f in json.loads(one)["findings"]}
    assert {"TC202", "TC209", "TC223"} <= codes
    shards = tmp_path / "shards"
    two = _json([*files, "--cluster", scheduler, "--shards", str(shards)], tmp_path / "two.json")
    _same_reports(one, two)
    assert shards.is_dir() and not any(shards.iterdir())  # the run's shards are gone once the report is written


def test_an_unreachable_scheduler_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["check", *PAIR, *GLOSSARIES, "--cluster", "tcp://127.0.0.1:9", "--shards", "/tmp"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in result.output


def test_a_remote_cluster_needs_a_shard_location() -> None:
    result = runner.invoke(app, ["check", *PAIR, "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "needs --shards LOCATION" in result.output


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--shards", "/tmp"], "it needs --cluster"),
        (["--cluster", "local:2", "--jobs", "2"], "--jobs is for one machine"),
        (["--cluster", "local:0"], "at least one worker"),
        (["--cluster", "localhost"], "write local:N"),
    ],
)
def test_cluster_options_that_do_not_fit_are_usage_errors(options: list[str], says: str) -> None:
    result = runner.invoke(app, ["check", *PAIR, *options])
    assert result.exit_code == 2 and says in result.output and result.output.count("\n") == 1


def test_a_file_a_worker_cannot_read_is_named_with_the_worker(scheduler: str, tmp_path: Path) -> None:
    missing = "memory://nowhere/missing.tsv"
    result = runner.invoke(app, ["check", missing, "--cluster", scheduler, "--shards", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"termcheck: error: {missing}: no such file (read on worker tcp://127.0.0.1:")
    assert result.output.count("\n") == 1


@pytest.fixture(scope="module")
def bucket() -> Iterator[str]:
    """An S3 bucket served on 127.0.0.1 by moto's server (no cloud), with the example and a generated corpus."""
    pytest.importorskip("s3fs")
    server_module = pytest.importorskip("moto.server")
    import os
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    saved = dict(os.environ)
    # read by botocore in this process and in the cluster's worker processes, which start after these are set
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    try:
        import fsspec

        s3 = fsspec.filesystem("s3", skip_instance_cache=True)
        s3.mkdir("termcheck-test")
        folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"termcheck-moto-{port}"
        folder.mkdir()
        generated_corpus(folder, pairs=1000)
        for path in [
            *folder.glob("*.tsv"),
            EXAMPLE / "stem-cell-approval.zh.txt",
            EXAMPLE / "stem-cell-approval.en-mt.txt",
        ]:
            s3.put(str(path), f"termcheck-test/in/{path.name}")
        yield "s3://termcheck-test"
    finally:
        server.stop()
        os.environ.clear()
        os.environ.update(saved)


def test_a_cluster_reads_an_s3_bucket_and_writes_its_shards_there(bucket: str, tmp_path: Path) -> None:
    import fsspec

    files = [f"{bucket}/in/generated-0.tsv", f"{bucket}/in/generated-1.tsv"]
    pair = [
        "--source",
        f"{bucket}/in/stem-cell-approval.zh.txt",
        "--target",
        f"{bucket}/in/stem-cell-approval.en-mt.txt",
    ]
    one = _json([*files, *pair], tmp_path / "one.json")
    names = {f["file"] for f in json.loads(one)["findings"]}
    assert names == {*files, pair[3]}  # findings name the URLs
    two = _json([*files, *pair, "--cluster", "local:2", "--shards", f"{bucket}/shards"], tmp_path / "two.json")
    _same_reports(one, two)
    assert fsspec.filesystem("s3", skip_instance_cache=True).find(f"{bucket}/shards") == []  # gone with the run


def _segments_that_kill_their_checker(count: int) -> Iterator[Segment]:
    """Segments of a document whose reading kills the worker process when it reads them to check them (not when it
    surveys the document): a worker that dies mid-range, every time."""
    import inspect
    import os

    for n in range(count):
        if n == 2 and any(frame.function == "check_range" for frame in inspect.stack()):
            os._exit(1)
        yield Segment(id=str(n + 1), source=None, target=f"line {n + 1}", file="dies.txt", line=n + 1)


def test_a_range_whose_worker_dies_is_retried_once_then_the_run_stops_naming_it() -> None:
    import functools

    import cloudpickle

    import termcheck
    from termcheck.core.errors import RunError
    from termcheck.readers.base import Document
    from termcheck.run.cluster import check_on_cluster, connect, shard_location
    from termcheck.run.engine import CheckOptions

    cloudpickle.register_pickle_by_value(__import__(__name__))  # the workers do not have this test module
    read = functools.partial(_segments_that_kill_their_checker, 5)
    document = Document("dies.txt", ("dies.txt",), read, "text")
    glossary = termcheck.load_glossary(GLOSSARIES[1])
    with connect("local:2") as client, pytest.raises(RunError) as raised:
        check_on_cluster(client, [document], glossary, CheckOptions(), shard_location(None))
    assert (
        str(raised.value) == "dies.txt, segments 1–5: the worker checking it died, and again on a retry; the run stops"
    )


def test_fix_on_a_cluster_writes_the_copies_a_local_fix_writes(tmp_path: Path) -> None:
    copies = {}
    for name, options in (("here", []), ("cluster", ["--cluster", "local:2"])):
        folder = tmp_path / name
        result = runner.invoke(app, ["fix", *PAIR, *GLOSSARIES, "--output-dir", str(folder), "-q", *options])
        assert result.exit_code == 0, result.output
        copies[name] = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert copies["here"] and copies["cluster"] == copies["here"]
    original = (EXAMPLE / "stem-cell-approval.en-mt.txt").read_bytes()
    assert next(iter(copies["here"].values())) != original  # something was fixed


def test_fix_refuses_to_write_copies_of_urls() -> None:
    result = runner.invoke(app, ["fix", "memory://tm/a.en.txt", *GLOSSARIES, "--cluster", "local:1"])
    assert result.exit_code == 2
    assert "memory://tm/a.en.txt: fix writes corrected copies of files on this machine" in result.output


def test_every_case_table_on_a_two_worker_cluster_finds_what_one_process_finds(scheduler: str, case_glossary) -> None:
    """The case tables (tests/cases/checks), each case a run on the cluster in one-segment ranges, so the whole-run
    checks' states go through a merge tree on the workers: the findings of a one-process run, in its order."""
    import functools

    from test_check_cases import _cases, _segment

    from termcheck.core.model import Severity
    from termcheck.glossary import load_glossary
    from termcheck.readers.base import Document
    from termcheck.run.cluster import check_on_cluster, shard_location
    from termcheck.run.engine import Checker, CheckOptions

    differing = []
    with distributed.Client(scheduler) as client:
        for param in _cases():
            case = param.values[0]
            segments = tuple(_segment(i, seg) for i, seg in enumerate(case["segments"], start=1))
            document = Document("doc.txt", (), functools.partial(iter, segments), "test", case.get("locale", ""))
            options = CheckOptions(
                select=tuple(case.get("select", ())),
                ignore=tuple(case.get("ignore", ())),
                allow_untranslated=tuple(case.get("allow_untranslated", ())),
                severities={code: Severity.parse(name) for code, name in case.get("severity", {}).items()},
            )
            glossary = load_glossary(str(CASES / case["glossary"])) if case.get("glossary") else case_glossary
            here = list(Checker(glossary, options).run([document]).findings)
            location = shard_location(None)
            there = check_on_cluster(client, [document], glossary, options, location, partition_size=1)
            if list(there.findings) != here:
                differing.append(param.id)
    assert not differing, differing
