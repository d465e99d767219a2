"""Which files a run checks: globs, directories, excludes, and foo.zh.txt/foo.en.txt pairs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termcheck.core.errors import UsageError
from termcheck.project.discovery import discover, is_excluded
from termcheck.readers import Pair
from termcheck.readers.paths import display_path

TREE = [
    "content/news/a.zh.txt",
    "content/news/a.en.txt",
    "content/news/b.en.txt",  # no source: checked alone
    "content/news/c.zh.txt",  # no target: skipped
    "content/docs/guide.xlf",
    "content/docs/notes.md",  # unknown extension: not picked up from a directory
    "content/drafts/d.en.txt",
    "content/.hidden/e.en.txt",
    "content/zh-CN/f.zh-CN.txt",
    "content/zh-CN/f.en-US.txt",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in TREE:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _shown(found, root: Path) -> list[object]:
    return [
        (display_path(i.source, str(root)), display_path(i.target, str(root)))
        if isinstance(i, Pair)
        else display_path(i, str(root))
        for i in found.inputs
    ]


@pytest.mark.parametrize(
    "patterns, exclude, expected",
    [
        (
            ["content/news/*.txt"],
            [],
            [("content/news/a.zh.txt", "content/news/a.en.txt"), "content/news/b.en.txt"],
        ),
        (["content/news/a.en.txt"], [], [("content/news/a.zh.txt", "content/news/a.en.txt")]),
        (["content/news/a.zh.txt"], [], [("content/news/a.zh.txt", "content/news/a.en.txt")]),
        (["content/**/*.xlf"], [], ["content/docs/guide.xlf"]),
        (
            ["content"],
            ["content/news/**", "content/zh-CN"],
            ["content/docs/guide.xlf", "content/drafts/d.en.txt"],
        ),
        (
            ["content/**/*.en.txt"],
            ["**/drafts/**", "content/news/b*"],
            [("content/news/a.zh.txt", "content/news/a.en.txt")],
        ),
        (
            ["content"],
            ["content/*", "!content/news"],  # everything but content/news
            [("content/news/a.zh.txt", "content/news/a.en.txt"), "content/news/b.en.txt"],
        ),
        (
            ["content/*/*.en.txt"],
            [],
            ["content/drafts/d.en.txt", ("content/news/a.zh.txt", "content/news/a.en.txt"), "content/news/b.en.txt"],
        ),
        (["content/.hidden/*.txt"], ["**/e.*"], []),
        (
            ["content/news/a.en.txt", "content/news/*.en.txt"],
            [],
            [("content/news/a.zh.txt", "content/news/a.en.txt"), "content/news/b.en.txt"],
        ),
    ],
    ids=[
        "glob-pairs",
        "target-finds-source",
        "source-finds-target",
        "recursive-glob",
        "directory-with-excludes",
        "exclude-globs",
        "negated-exclude-takes-back",
        "wildcards-skip-hidden-folders",
        "hidden-named-then-excluded",
        "duplicates-once",
    ],
)
def test_discover(tree: Path, patterns: list[str], exclude: list[str], expected: list[object]) -> None:
    assert _shown(discover(patterns, exclude=exclude, root=str(tree)), tree) == expected


def test_source_without_target_is_skipped_with_a_reason(tree: Path) -> None:
    found = discover(["content/news/c.zh.txt"], root=str(tree))
    assert found.inputs == []
    assert found.skipped == ["content/news/c.zh.txt: no content/news/c.en.txt beside it to check"]


def test_configured_language_tags_pair_regional_names(tree: Path) -> None:
    found = discover(["content/zh-CN/*.txt"], root=str(tree), source_tag="zh-CN", target_tag="en-US")
    assert _shown(found, tree) == [("content/zh-CN/f.zh-CN.txt", "content/zh-CN/f.en-US.txt")]


def test_a_glob_that_matches_nothing_is_a_usage_error(tree: Path) -> None:
    with pytest.raises(UsageError, match=re.escape("no files match 'content/**/*.tmx'")):
        discover(["content/**/*.tmx"], root=str(tree))


def test_a_missing_literal_path_is_left_to_its_reader(tree: Path) -> None:
    assert discover(["nowhere.en.txt"], root=str(tree)).inputs == ["nowhere.en.txt"]


@pytest.mark.parametrize(
    "shown, pattern, excluded",
    [
        ("content/drafts/a.txt", "content/drafts", True),
        ("content/drafts/a.txt", "**/drafts/**", True),
        ("content/draftsman.txt", "content/drafts", False),
        ("a/b/c.en.txt", "*.en.txt", False),
        ("c.en.txt", "*.en.txt", True),
        ("a/b/c.en.txt", "**/*.en.txt", True),
        ("a/b/c.en.txt", "a/?/c.en.txt", True),
        ("content/drafts/a.txt", "./content/drafts/", True),
        ("content/.drafts/a.txt", "content/*", True),  # hidden names too: they reach exclude only when named
        ("content/.drafts/a.txt", "**/*.txt", True),
        ("content/a.txt", "content/a.txt/**", False),  # `**` after a file name: what is under it, not the file
    ],
)
def test_exclude_patterns(shown: str, pattern: str, excluded: bool) -> None:
    assert is_excluded(shown, [pattern]) is excluded


@pytest.mark.parametrize(
    "path, root, expected",
    [
        ("content/a.txt", ".", "content/a.txt"),
        ("./content/../content/a.txt", ".", "content/a.txt"),
        ("../outside.txt", ".", "../outside.txt"),
    ],
)
def test_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, root: str, expected: str) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert display_path(path, str(Path(root).resolve())) == expected


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("[d]rafts", "drafts/a.en.txt", True),
        ("[!d]rafts", "drafts/a.en.txt", False),
        ("chapter[0-9].en.txt", "chapter7.en.txt", True),
        ("chapter[0-9].en.txt", "chapterX.en.txt", False),
        ("d*/x.en.txt", "d/sub/x.en.txt", False),  # * never crosses a /
        ("**/x.en.txt", "d/sub/x.en.txt", True),
        ("d/**.en.txt", "d/sub/x.en.txt", False),  # `**` inside a name is `*`, for glob and for exclude
        ("d/**.en.txt", "d/x.en.txt", True),
        ("d/**/sub/x.en.txt", "d/sub/x.en.txt", True),  # `**/` spans no folder too
    ],
)
def test_exclude_reads_a_pattern_as_files_globs_do(tmp_path: Path, pattern: str, path: str, excluded: bool) -> None:
    """One matcher's rules for both: `[d]rafts` once worked in `files` and not in `exclude`."""
    import glob as globbing
    import os

    assert is_excluded(path, [pattern]) is excluded
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x\n", encoding="utf-8")
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        matched = {p.replace(os.sep, "/") for p in globbing.glob(pattern, recursive=True)}
        under = any(path == m or path.startswith(m.rstrip("/") + "/") for m in matched)
        assert under is excluded  # glob finds what exclude excludes
    finally:
        os.chdir(here)
