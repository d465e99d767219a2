"""Inputs named by URL (`s3://bucket/tm.tsv`, `gs://…`, `abfs://…`, `https://…`), read through fsspec.

The readers parse local files (lxml, the csv module and the places of XML text all want a file), so a URL is
first copied to a local cache folder of the process by fsspec's `simplecache` and read there; a second read in
the same process (the report's Segments sheet, say) uses the copy. On a Dask cluster each worker copies what it
reads itself (termcheck.run.cluster). fsspec ships local files, memory and HTTP; an object store needs its back
end installed (s3fs, gcsfs, adlfs), and a URL whose back end is missing is one line saying which to install.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import lru_cache

from termcheck.core.errors import InputError, UsageError, first_line

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
BACK_ENDS = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "abfs": "adlfs", "az": "adlfs"}


def is_url(path: str) -> bool:
    """Whether `path` names a file by URL (a protocol and `://`) rather than on this machine's disk."""
    return bool(_URL.match(path))


def protocol(url: str) -> str:
    return url.split("://", 1)[0].lower()


@lru_cache(maxsize=1)
def _cache_folder() -> str:
    # one per process, removed with the process's temporary files by the system; the copies are the inputs
    return tempfile.mkdtemp(prefix="termcheck-remote-")


def local_copy(url: str) -> str:
    """A local file holding what `url` holds, copied once per process. InputError (one line naming the URL)
    where it cannot be read; UsageError where its protocol's back end is not installed."""
    try:
        import fsspec
    except ImportError:
        raise UsageError(f"{url}: reading URLs needs fsspec (pip install 'termcheck[cluster]')") from None
    try:
        path = fsspec.open_local(f"simplecache::{url}", simplecache={"cache_storage": _cache_folder()})
    except ImportError:
        package = BACK_ENDS.get(protocol(url), f"the fsspec back end for {protocol(url)}://")
        raise UsageError(f"{url}: reading {protocol(url)}:// needs {package} installed") from None
    except FileNotFoundError:
        raise InputError(url, "no such file") from None
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot read it: {first_line(exc)}") from None
    if isinstance(path, list):  # a glob pattern: one file is wanted
        raise InputError(url, "names more than one file")
    if os.path.isdir(path):
        raise InputError(url, "is a directory, not a file")
    return _with_extension(str(path), os.path.splitext(url.split("?", 1)[0])[1])


def _with_extension(path: str, extension: str) -> str:
    """The cached copy under a name with the URL's extension, which the readers go by (a .tsv is tab-separated)."""
    if not extension or path.endswith(extension):
        return path
    named = path + extension
    if not os.path.exists(named):
        with suppress(FileExistsError):  # another thread of the process named it first
            os.link(path, named)
    return named


@contextmanager
def named_as_urls(copies: Mapping[str, str]) -> Iterator[None]:
    """Errors of a reader that name a local copy (a key of `copies`) name its URL instead."""
    try:
        yield
    except InputError as exc:
        raise InputError(copies.get(exc.path, exc.path), exc.reason, exc.line) from None
