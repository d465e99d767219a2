"""The README is short and starts with the quick start; the reference lives in docs/, one page per topic;
every relative link and anchor resolves; the screenshots exist and their script skips what is missing;
docs/checks.md is what the checks' code renders, and `termcheck explain` prints its sections."""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from termcheck.checks.docs import REGENERATE, page, render
from termcheck.checks.registry import ALL_CHECKS
from termcheck.cli import app

PAGES = sorted((ROOT / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    found, fence = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        fence ^= line.startswith("```")
        if not fence and (heading := re.match(r"#{1,6} (.+)", line)):
            found.add(re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-"))
    return found


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [link for link in LINK.findall(text) if not link.startswith(("http://", "https://", "mailto:"))]


@pytest.mark.parametrize("page", [ROOT / "README.md", *PAGES], ids=lambda p: p.name)
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    for link in links(page):
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.exists(), f"{page.name}: {link} does not exist"
        if anchor:
            assert anchor in anchors(path), f"{page.name}: no heading for #{anchor} in {path.name}"


def test_the_readme_is_the_quick_start_what_it_checks_and_where_to_read_more() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 150
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[:3] == ["Quick start", "What it checks", "Read more"]
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    assert blocks[0].startswith("pip install -e . ./native && termcheck check") and "--xlsx reports/" in blocks[0]
    assert blocks[1].strip() == 'pip install -e ".[dev]" ./native && python -m pytest -q'
    linked = {Path(link.partition("#")[0]).name for link in links(ROOT / "README.md")}
    assert {page.name for page in PAGES} <= linked, "a docs page the README does not link"
    assert "## Dependencies and why" in text


def test_the_screenshots_are_in_the_repository() -> None:
    assert (ROOT / "docs" / "images" / "terminal.svg").read_text(encoding="utf-8").startswith("<svg")
    assert (ROOT / "docs" / "images" / "excel-report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_screenshot_script_skips_the_excel_picture_quietly_without_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    monkeypatch.setattr(screenshots.shutil, "which", lambda name: None)
    monkeypatch.setattr(screenshots, "IMAGES", tmp_path)
    screenshots.excel(tmp_path / "absent.xlsx", tmp_path)
    assert "not installed" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_the_checks_reference_is_generated_from_the_checks() -> None:
    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    generated = page()
    if current != generated:
        diff = difflib.unified_diff(
            current.splitlines(keepends=True), generated.splitlines(keepends=True), "docs/checks.md", "generated", n=1
        )
        pytest.fail(f"docs/checks.md is stale; regenerate it with\n    {REGENERATE}\n\n{''.join(diff)[:4000]}")


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_explain_prints_the_checks_section_of_the_reference(check) -> None:
    result = CliRunner().invoke(app, ["explain", check.code])
    assert result.exit_code == 0, result.output
    assert result.stdout == render(check)
    assert f"\n{render(check)}" in (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")


def test_ci_installs_the_native_core_and_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet --disable-pip-version-check -e ".[dev]" ./native' in ci
    assert ci.rstrip().splitlines()[-1] == "python -m pytest -q"
