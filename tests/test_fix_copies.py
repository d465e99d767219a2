"""Corrected copies in every input format: golden files before (tests/data/fix) and after (tests/golden/fix),
XML kept whole, the fixed copies clean of what was fixed, and the `termcheck fix` command."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from lxml import etree
from typer.testing import CliRunner

import termcheck
from termcheck.cli import app
from termcheck.core.suppression import Suppression
from termcheck.fixes.project import fix_project
from termcheck.project.config import Settings
from termcheck.project.suppressions import save_suppressions
from termcheck.readers.base import Pair
from termcheck.readers.inline import text_and_codes

GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")
INPUTS = DATA / "fix"
GOLDEN = Path(__file__).parent / "golden" / "fix"
FILES = sorted(p.name for p in INPUTS.iterdir() if p.name != "article.zh.txt")
FIXABLE = ("TC101", "TC206", "TC208", "TC209", "TC212")
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(INPUTS, tmp_path / "in")
    return tmp_path


def _fix(project: Path, **options: object) -> termcheck.fixes.project.FixRun:  # type: ignore[name-defined]
    settings = Settings(glossary=(GLOSSARY,))
    return fix_project(settings, root=str(project), files=[str(project / "in")], **options)  # type: ignore[arg-type]


def test_every_format_fixed_as_the_golden_files_show(project: Path) -> None:
    run = _fix(project)
    written = {Path(p).name: Path(p) for p in run.written}
    assert sorted(written) == FILES
    for name in FILES:
        golden = GOLDEN / name
        if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(written[name].read_bytes())
        assert written[name].read_bytes() == golden.read_bytes(), name
    assert all(Path(project, "in", name).read_bytes() == (INPUTS / name).read_bytes() for name in FILES)  # untouched


def test_checking_a_fixed_copy_finds_only_what_no_fix_covers(project: Path) -> None:
    run = _fix(project)
    for fixed in run.files:
        files: list[str | Pair] = (
            [Pair(str(project / "in" / "article.zh.txt"), fixed.output)]
            if fixed.name.endswith(".txt")
            else [fixed.output]
        )
        again = termcheck.check(files, glossary=GLOSSARY, select=FIXABLE)
        assert sorted((f.code, f.found) for f in again.findings) == sorted((f.code, f.found) for f in fixed.unfixed)
        assert [f.found for f in fixed.unfixed] == ["hormone therapy failure"] or not fixed.unfixed


def _compare(original: etree._Element, fixed: etree._Element, changed: set[str]) -> None:
    """Same elements, attributes (but a changed unit's state) and text, except inside changed targets."""
    assert original.tag == fixed.tag
    inside_changed = (
        isinstance(original.tag, str)
        and etree.QName(original).localname in ("target", "seg")
        and text_and_codes(original)[0] in changed
    )
    original_attributes = {k: v for k, v in original.attrib.items() if k != "state"}
    assert original_attributes == {k: v for k, v in fixed.attrib.items() if k != "state"}
    if not inside_changed:
        assert original.text == fixed.text
    assert original.tail == fixed.tail
    assert len(original) == len(fixed)
    for a, b in zip(original, fixed, strict=True):
        if inside_changed and isinstance(a.tag, str):
            assert a.tag == b.tag and dict(a.attrib) == dict(b.attrib)  # inline codes kept
        else:
            _compare(a, b, changed)


@pytest.mark.parametrize("name", ["package12.xlf", "package20.xlf", "memory.tmx"])
def test_xml_keeps_everything_but_the_changed_targets(project: Path, name: str) -> None:
    run = _fix(project)
    fixed = next(f for f in run.files if f.name.endswith(name))
    changed = {c.segment.target for c in fixed.changed}
    parser = etree.XMLParser(remove_comments=False)
    original = etree.parse(str(INPUTS / name), parser).getroot()
    _compare(original, etree.parse(fixed.output, parser).getroot(), changed)
    text = Path(fixed.output).read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')  # the file's own declaration and comments
    assert text.endswith("\n")
    if name == "package12.xlf":
        assert text.count('state="needs-review-translation"') == 3
        assert '<note from="pm">Check the agency name.</note>' in text and "<!-- reviewed -->" in text
        assert 'translate="no"' in text and "<target>National Drug Administration</target>" in text  # not fixed
    if name == "package20.xlf":
        assert text.count('state="translated"') == 3  # the changed segments, and the one already translated
    if name == "memory.tmx":
        assert '<prop type="x-project">stem cells</prop>' in text and '<prop type="x-origin">mt</prop>' in text


def test_the_fix_command_writes_copies_and_a_summary(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["fix", "in", "-g", GLOSSARY, "--no-config"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "fixed" / "in").iterdir()) == FILES
    assert "fixed/in/segments.tsv: 9 fixes in 3 of 5 segments" in result.stderr
    assert 'left for a person: TC101 "hormone therapy failure"' in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("55 fixes applied in 7 files (TC101 26")


def test_diff_and_dry_run_write_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    diff = runner.invoke(app, ["fix", "in/article.en.txt", "-g", GLOSSARY, "--no-config", "--diff"])
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.startswith("--- a/in/article.en.txt\n+++ b/in/article.en.txt\n@@ -1,")
    assert b"\n+The Center for Drug Evaluation accepted 250,000 applications.\r\n" in diff.stdout_bytes  # CRLF kept
    dry = runner.invoke(app, ["fix", "in", "-g", GLOSSARY, "--no-config", "--dry-run"])
    assert dry.exit_code == 0 and "to apply (nothing written)" in dry.stderr
    assert not (project / "fixed").exists()


def test_fix_never_writes_over_an_input(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["fix", "in/segments.tsv", "-g", GLOSSARY, "--no-config", "--output-dir", "."])
    assert result.exit_code == 2
    assert "in/segments.tsv" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (project / "in" / "segments.tsv").read_bytes() == (INPUTS / "segments.tsv").read_bytes()


def test_no_fixable_check_selected_is_a_usage_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["fix", "in", "--no-config", "--select", "TC201"])
    assert result.exit_code == 2 and "none of the selected checks has a safe fix" in result.stderr


def test_a_suppressed_finding_is_not_fixed(project: Path) -> None:
    report = termcheck.check(
        [str(project / "in" / "segments.tsv")], glossary=GLOSSARY, select=("TC101",), root=str(project)
    )
    chosen = next(f for f in report.findings if f.found == "National Drug Administration")
    ignore = project / ".termcheck-ignore"
    save_suppressions(
        str(ignore),
        [Suppression(chosen.id, chosen.segment_hash, chosen.file, chosen.segment, chosen.code, "False positive")],
    )
    settings = Settings(glossary=(GLOSSARY,), ignore_file=str(ignore))
    run = fix_project(settings, root=str(project), files=[str(project / "in" / "segments.tsv")])
    text = Path(run.written[0]).read_text(encoding="utf-8")
    assert "The National Drug Administration approved an off-the-shelf stem cell product." in text


def test_the_bundled_example_fixed_has_only_what_no_fix_covers(tmp_path: Path) -> None:
    source, target = ROOT / "examples" / "stem-cell-approval.zh.txt", ROOT / "examples" / "stem-cell-approval.en-mt.txt"
    settings = Settings(glossary=(GLOSSARY,))
    run = fix_project(settings, root=str(ROOT), source=str(source), target=str(target), output_dir=str(tmp_path))
    assert run.count() == {"TC101": 18}
    again = termcheck.check(source=str(source), target=run.written[0], glossary=GLOSSARY, select=FIXABLE)
    assert [(f.code, f.found) for f in again.findings] == [("TC101", "hormone therapy failure")]
    assert target.read_bytes() != Path(run.written[0]).read_bytes()


def test_checks_and_explain_show_which_checks_fix() -> None:
    listing = runner.invoke(app, ["checks"]).stdout.splitlines()
    fixing = {line.split()[0] for line in listing if line.split()[3] == "fix"}
    assert fixing == set(FIXABLE)
    explained = runner.invoke(app, ["explain", "TC101"]).stdout
    assert "Fix (termcheck fix, and Apply fix in the Excel report): the preferred term" in explained


def test_without_a_glossary_the_other_fixes_run_and_a_note_says_so(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["fix", "in/segments.tsv", "--no-config"])
    assert result.exit_code == 0, result.output
    assert "no glossary given, so deprecated terms (TC101) were not fixed" in result.stderr
    text = (project / "fixed" / "in" / "segments.tsv").read_text(encoding="utf-8")
    assert "The Drug Evaluation Center accepted 250,000 applications." in text


def test_a_field_with_a_unicode_line_separator_stays_one_field(tmp_path: Path) -> None:
    text = "id\tzh\ten\n1\t药品审评中心\tThe Drug Evaluation Center\u2028said so.\n2\t干细胞\tstem cells\u0085here\n"
    (tmp_path / "seps.tsv").write_text(text, encoding="utf-8")
    run = fix_project(Settings(glossary=(GLOSSARY,)), root=str(tmp_path), files=[str(tmp_path / "seps.tsv")])
    fixed = Path(run.written[0]).read_text(encoding="utf-8")
    assert fixed == text.replace("Drug Evaluation Center", "Center for Drug Evaluation")


@pytest.mark.parametrize(
    "text",
    [
        'id\tzh\ten\n1\t药品审评中心\t"Drug Evaluation Center" said so\n2\t干细胞\t"stem cells"\n',  # quotes are text
        'id\tzh\ten\n1\t药品审评中心\t"""Drug Evaluation Center"" said so"\n2\t干细胞\t"stem\tcells"\n',  # CSV-quoted
    ],
    ids=["tsv-quotes-as-text", "tsv-csv-quoted"],
)
def test_a_tsv_copy_keeps_the_files_quoting(tmp_path: Path, text: str) -> None:
    (tmp_path / "quotes.tsv").write_text(text, encoding="utf-8")
    run = fix_project(Settings(glossary=(GLOSSARY,)), root=str(tmp_path), files=[str(tmp_path / "quotes.tsv")])
    fixed = Path(run.written[0]).read_text(encoding="utf-8")
    assert fixed == text.replace("Drug Evaluation Center", "Center for Drug Evaluation")


def test_an_output_folder_that_cannot_be_made_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "taken").write_text("a file where the folder should be", encoding="utf-8")
    result = runner.invoke(app, ["fix", "in/segments.tsv", "-g", GLOSSARY, "--no-config", "--output-dir", "taken"])
    assert result.exit_code == 2
    assert result.stderr.startswith("termcheck: error: taken") and "cannot create the output folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_fixing_a_folder_twice_leaves_the_earlier_copies_alone(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    first = runner.invoke(app, ["fix", ".", "-g", GLOSSARY, "--no-config"])
    second = runner.invoke(app, ["fix", ".", "-g", GLOSSARY, "--no-config"])
    assert first.exit_code == second.exit_code == 0, second.output
    assert not (project / "fixed" / "fixed").exists()
    assert sorted(p.name for p in (project / "fixed" / "in").iterdir()) == FILES


def _crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def _no_final_newline(path: Path) -> None:
    path.write_bytes(path.read_bytes().rstrip(b"\r\n"))


def _gb18030(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


DIFF_CASES = [
    ("article.en.txt", None),  # a text pair, CRLF line ends
    ("article.en.txt", _no_final_newline),
    ("segments.tsv", None),
    ("segments.tsv", _crlf),
    ("segments.tsv", _no_final_newline),
    ("segments.tsv", _gb18030),
    ("segments.jsonl", None),
    ("package12.xlf", None),
    ("package20.xlf", _crlf),
    ("memory.tmx", None),
]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize(
    ("name", "change"), DIFF_CASES, ids=[f"{n}-{c.__name__ if c else 'as-is'}" for n, c in DIFF_CASES]
)
def test_the_diff_is_a_patch_that_git_and_patch_apply(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[Path], None] | None
) -> None:
    """`termcheck fix --diff | git apply` makes the file `termcheck fix` would write, byte for byte."""
    monkeypatch.chdir(project)
    if change is not None:
        change(project / "in" / name)
    before = (project / "in" / name).read_bytes()
    args = ["--source", "in/article.zh.txt", "--target", f"in/{name}"] if name.endswith(".txt") else [f"in/{name}"]
    diff = runner.invoke(app, ["fix", *args, "-g", GLOSSARY, "--no-config", "--diff"])
    assert diff.exit_code == 0, diff.output
    assert diff.stdout_bytes.startswith(f"--- a/in/{name}\n+++ b/in/{name}\n@@ ".encode())
    (project / "fix.patch").write_bytes(diff.stdout_bytes)
    assert (project / "in" / name).read_bytes() == before and not (project / "fixed").exists()
    written = runner.invoke(app, ["fix", *args, "-g", GLOSSARY, "--no-config"])
    assert written.exit_code == 0, written.output
    expected = (project / "fixed" / "in" / name).read_bytes()
    assert expected != before

    _apply(project, "fix.patch")
    assert (project / "in" / name).read_bytes() == expected


def _apply(project: Path, patch: str) -> None:
    """Check the patch with `git apply --check` and `patch --dry-run -p1` (where installed), then git-apply it."""
    import subprocess

    def run(*command: str) -> None:
        done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr + done.stdout

    run("git", "init", "-q")
    run("git", "apply", "--check", patch)
    if shutil.which("patch"):
        run("patch", "--dry-run", "-p1", "-i", patch)
    run("git", "apply", patch)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_diff_of_a_file_whose_name_has_a_space_applies(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "in" / "segments.tsv").rename(project / "in" / "my segments.tsv")
    diff = runner.invoke(app, ["fix", "in/my segments.tsv", "-g", GLOSSARY, "--no-config", "--diff"])
    assert diff.stdout_bytes.startswith(b"--- a/in/my segments.tsv\t\n+++ b/in/my segments.tsv\t\n")  # as git does
    (project / "fix.patch").write_bytes(diff.stdout_bytes)
    _apply(project, "fix.patch")
    assert "Center for Drug Evaluation" in (project / "in" / "my segments.tsv").read_text(encoding="utf-8")


def test_the_diff_of_a_utf16_file_is_shown_as_text_and_said_to_be_no_patch(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    tsv = project / "in" / "segments.tsv"
    tsv.write_bytes(tsv.read_text(encoding="utf-8").encode("utf-16"))
    diff = runner.invoke(app, ["fix", "in/segments.tsv", "-g", GLOSSARY, "--no-config", "--diff"])
    assert diff.exit_code == 0, diff.output
    text = diff.stdout_bytes.decode("utf-8")
    fixed = "The Center for Drug Evaluation accepted 250,000 applications."
    assert f"\n+s2\t药品审评中心受理了250000份申请。\t{fixed}\tkept as it is\n" in text
    assert (
        "termcheck: note: in/segments.tsv is UTF-16/32 text: its diff is shown in UTF-8, not as a patch" in diff.stderr
    )
