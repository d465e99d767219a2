"""docs/api.md documents the facade with examples; each runs here, from the repository root, as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import termcheck

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"<!-- example: ([\w-]+) -->\n```python\n(.*?)```", PAGE, re.S))


def test_the_page_has_its_examples() -> None:
    assert set(EXAMPLES) == {"in-memory", "options", "files", "reports"}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs(name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(EXAMPLES[name], f"docs/api.md:{name}", "exec"), {"__name__": "__main__"})
    capsys.readouterr()


def test_the_facade_exports_what_the_page_lists() -> None:
    listed = set(re.findall(r"^\| `termcheck\.(\w+)", PAGE, re.M))
    assert listed == set(termcheck.__all__) - {"__version__"}
    for name in termcheck.__all__:
        assert getattr(termcheck, name) is not None


def test_check_segments_reads_pairs_and_lone_targets() -> None:
    report = termcheck.check_segments([("数据", "data"), "Only English，here."], None, name="plugin")
    assert [d.name for d in report.documents] == ["plugin"] and report.segments == 2
    assert {(f.file, f.segment, f.line, f.code) for f in report.findings} == {("plugin", "2", 2, "TC206")}


@pytest.mark.parametrize("bad", [[("a", None)], [42], [("a", "b", "c")]])
def test_check_segments_refuses_what_is_not_text(bad: list[object]) -> None:
    from termcheck.core.errors import UsageError

    with pytest.raises(UsageError, match="pair 1"):
        termcheck.check_segments(bad, None)  # type: ignore[arg-type]
