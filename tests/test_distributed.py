"""The check on a Dask LocalCluster of two worker processes finds what a local run finds."""

from __future__ import annotations

import pytest
from conftest import DATA, ROOT

import termcheck
from termcheck.readers import open_documents
from termcheck.readers.base import Pair
from termcheck.run.engine import Checker, CheckOptions

distributed = pytest.importorskip("distributed")

EXAMPLES = ROOT / "examples"
FILES = [
    Pair(str(EXAMPLES / "stem-cell-approval.zh.txt"), str(EXAMPLES / "stem-cell-approval.en-mt.txt")),
    str(DATA / "tico19-segments-sample.tsv"),
    str(DATA / "repeats.tsv"),  # the article's sources again: TC223/TC224 groups span documents and workers
]
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_run_equals_local_run(client) -> None:
    from termcheck.run.cluster import check_on_dask

    glossary = termcheck.load_glossary(GLOSSARY)
    local = Checker(glossary).run(open_documents(FILES))
    # partitions of 4 segments: the consistency check's renderings come from many partitions on two workers
    remote = check_on_dask(client, FILES, glossary=GLOSSARY, partition_size=4, in_flight=3)
    assert {f.code for f in local.findings} >= {"TC101", "TC103", "TC223", "TC224"}
    assert list(remote.findings) == list(local.findings)
    assert remote.usage == local.usage
    assert [(d.name, d.segments) for d in remote.documents] == [(d.name, d.segments) for d in local.documents]
    workers = client.run(lambda: len(__import__("termcheck.run.cluster").run.cluster._runs))
    assert workers and set(workers.values()) <= {0, 1} and sum(workers.values()) >= 1  # workers built the run


def test_dask_run_honours_check_options(client) -> None:
    from termcheck.run.cluster import check_on_dask

    options = CheckOptions(select=("TC101",))
    remote = check_on_dask(client, FILES, glossary=GLOSSARY, options=options, partition_size=10)
    assert remote.findings and {f.code for f in remote.findings} == {"TC101"}
