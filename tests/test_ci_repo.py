"""termcheck as CI runs it: a subprocess in a small repository with a config file, an ignore file and
a baseline; exit codes, stdout/stderr and every output format; the pre-commit hook; the CI jobs of docs/ci.md."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CASES, DATA, ROOT

from termcheck.core.model import Segment
from termcheck.core.suppression import segment_hash

SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CONFIG = """\
glossary = "glossaries/terms.csv"
files = ["content/**/*.txt", "content/**/*.xlf"]
exclude = ["content/drafts/**"]
fail-on = "warning"
ignore = ["TC208"]
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "glossaries").mkdir()
    shutil.copy(CASES / "glossary.csv", tmp_path / "glossaries" / "terms.csv")
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    shutil.copy(DATA / "writers" / "news.zh.txt", news / "news.zh.txt")
    shutil.copy(DATA / "writers" / "news.en.txt", news / "news.en.txt")
    (tmp_path / "content" / "docs").mkdir()
    shutil.copy(DATA / "writers" / "press release.xlf", tmp_path / "content" / "docs" / "press.xlf")
    (tmp_path / "content" / "drafts").mkdir()
    (tmp_path / "content" / "drafts" / "wip.en.txt").write_text("The Drug Evaluation Center.\n", encoding="utf-8")
    (tmp_path / "termcheck.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def termcheck(repo: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termcheck", *args],
        cwd=cwd or repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _json(run: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(run.stdout)


def test_bare_check_uses_the_config_and_reports_per_file(repo: Path) -> None:
    run = termcheck(repo, "check")
    assert run.returncode == 1, run.stderr
    assert "content/news/news.en.txt:1 [1] deprecated term" in run.stdout
    assert "content/drafts" not in run.stdout  # excluded
    assert "TC208" not in run.stdout  # ignored by the config
    assert "content/docs/press.xlf: 2 segments, 2 errors" in run.stdout  # per-file results
    summary = "8 findings (4 errors, 3 warnings, 1 info) in 7 segments of 2 documents"
    assert run.stderr.strip().splitlines()[-1] == summary


def test_paths_are_the_same_from_a_subdirectory(repo: Path) -> None:
    top = _json(termcheck(repo, "check", "--format", "json"))
    inner = _json(termcheck(repo, "check", "--format", "json", cwd=repo / "content" / "news"))
    assert [f["id"] for f in inner["findings"]] == [f["id"] for f in top["findings"]]
    assert {d["file"] for d in inner["documents"]} == {"content/news/news.en.txt", "content/docs/press.xlf"}


def test_command_line_overrides_the_config(repo: Path) -> None:
    assert termcheck(repo, "check", "--fail-on", "error", "--select", "TC103").returncode == 0
    assert termcheck(repo, "check", "--fail-on", "never").returncode == 0
    only_xlf = _json(termcheck(repo, "check", "content/docs/press.xlf", "--format", "json"))
    assert [d["file"] for d in only_xlf["documents"]] == ["content/docs/press.xlf"]


def test_every_format_in_one_run(repo: Path) -> None:
    run = termcheck(
        repo, "check", "--format", "github", "--sarif", "out/t.sarif", "--junit", "out/t.xml", "--json", "out/t.json"
    )
    assert run.returncode == 1
    annotations = run.stdout.splitlines()
    assert len(annotations) == 8 and all(re.match(r"::(error|warning|notice) file=content/", a) for a in annotations)
    sarif = json.loads((repo / "out" / "t.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert len(sarif["runs"][0]["results"]) == 8
    cases = ET.parse(repo / "out" / "t.xml").getroot().findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["content/news/news.en.txt", "content/docs/press.xlf"]
    report = json.loads((repo / "out" / "t.json").read_text(encoding="utf-8"))
    assert report["summary"]["findings"] == 8 and report["summary"]["failed"] is True


def test_ignore_file_suppresses_a_reviewed_finding(repo: Path) -> None:
    finding = _json(termcheck(repo, "check", "--format", "json"))["findings"][0]
    zh = (repo / "content/news/news.zh.txt").read_text(encoding="utf-8").splitlines()[0]
    en = (repo / "content/news/news.en.txt").read_text(encoding="utf-8").splitlines()[0]
    digest = segment_hash(Segment("1", zh, en, finding["file"], 1))
    line = "\t".join([finding["id"], digest, finding["file"], "1", "TC101", "False positive", "x", "ok"])
    (repo / ".termcheck-ignore").write_text(line + "\n", encoding="utf-8")
    run = termcheck(repo, "check", "--format", "json", cwd=repo / "content")
    assert finding["id"] not in [f["id"] for f in _json(run)["findings"]]
    assert "; 1 suppressed by " in run.stderr


def test_baseline_blocks_only_new_findings(repo: Path) -> None:
    written = termcheck(repo, "check", "--write-baseline", "termcheck-baseline.json")
    assert written.returncode == 0
    assert "wrote termcheck-baseline.json: 8 findings accepted as the baseline" in written.stderr
    with (repo / "termcheck.toml").open("a", encoding="utf-8") as config:
        config.write('baseline = "termcheck-baseline.json"\n')
    clean = termcheck(repo, "check", "--format", "github")
    assert (clean.returncode, clean.stdout) == (0, "")
    assert "8 accepted by the baseline termcheck-baseline.json" in clean.stderr
    news = repo / "content/news"
    (news / "news.zh.txt").write_text("药品审评中心表示。\n" + (news / "news.zh.txt").read_text(encoding="utf-8"))
    (news / "news.en.txt").write_text(
        "The Drug Evaluation Center said.\n" + (news / "news.en.txt").read_text(encoding="utf-8")
    )
    regressed = termcheck(repo, "check", "--format", "github")
    assert regressed.returncode == 1
    assert regressed.stdout.splitlines() == [
        "::error file=content/news/news.en.txt,line=1,col=5,endColumn=27,title=TC101 deprecated-term::"
        'deprecated term "Drug Evaluation Center"; use "Center for Drug Evaluation" [segment 1]'
    ]


@pytest.mark.parametrize(
    "config, args, message",
    [
        ('glosary = "x.csv"\n', [], "termcheck.toml: glosary: unknown key"),
        (CONFIG, ["--output", "glossaries/terms.csv"], "glossaries/terms.csv: refusing to overwrite an input file"),
        (CONFIG, ["--sarif", "a.out", "--junit", "a.out"], "--sarif and --junit name the same file a.out"),
        (CONFIG, ["content/**/*.tmx"], "no files match 'content/**/*.tmx'"),
        (CONFIG, ["--format", "yaml"], "unknown format 'yaml'"),
        (CONFIG, ["--baseline", "missing.json"], "missing.json: no such file"),
    ],
    ids=[
        "unknown-key",
        "output-is-input",
        "two-outputs-one-file",
        "glob-matches-nothing",
        "bad-format",
        "missing-baseline",
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(repo: Path, config: str, args: list[str], message: str) -> None:
    (repo / "termcheck.toml").write_text(config, encoding="utf-8")
    run = termcheck(repo, "check", *args)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr


def test_pre_commit_hook_runs_on_the_files_it_selects(repo: Path) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"termcheck", "termcheck-glossary"}
    changed = ["content/news/news.en.txt", "content/drafts/wip.en.txt", "README.md", "glossaries/terms.csv"]
    for hook_id, expected in (("termcheck", 1), ("termcheck-glossary", 0)):
        hook = hooks[hook_id]
        files = [f for f in changed if re.search(hook["files"], f)]
        command = shlex.split(hook["entry"])
        assert command[0] == "termcheck" and hook["language"] == "python"
        run = termcheck(repo, *command[1:], *files)
        assert run.returncode == expected, (hook_id, files, run.stderr)
    assert "content/drafts" not in termcheck(repo, "check", *changed[:2]).stdout


def _readme_yaml(heading: str) -> dict:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def _termcheck_commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(line)[1:] for line in lines if line.startswith("termcheck check")]


def test_readme_github_actions_job_works(repo: Path) -> None:
    workflow = _readme_yaml("GitHub Actions")
    steps = workflow["jobs"]["termcheck"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert workflow["permissions"]["security-events"] == "write"
    commands = _termcheck_commands([s["run"] for s in steps if "run" in s])
    assert commands
    for args in commands:
        run = termcheck(repo, *args)
        assert run.returncode == 1 and run.stdout.startswith("::"), run.stderr
    sarif = json.loads((repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_readme_gitlab_job_works(repo: Path) -> None:
    job = _readme_yaml("GitLab CI")["termcheck"]
    commands = _termcheck_commands(job["script"])
    assert commands
    for args in commands:
        assert termcheck(repo, *args).returncode == 1
    junit = ET.parse(repo / job["artifacts"]["reports"]["junit"]).getroot()
    assert junit.tag == "testsuites" and len(junit.findall("./testsuite/testcase")) == 2
    for path in job["artifacts"]["paths"]:
        assert (repo / path).is_file()


def test_pre_commit_example_names_a_rev_that_exists_or_says_what_to_put_there() -> None:
    """pre-commit needs an immutable `rev` (a tag or a commit SHA). termcheck has no tags yet, so the example
    may not name one (`rev: v0.1.0` did): it names a tag the repository has, or a placeholder it explains."""
    import subprocess

    config = _readme_yaml("pre-commit")
    (entry,) = config["repos"]
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for h in entry["hooks"]} == hooks
    rev = str(entry["rev"])
    tags = subprocess.run(["git", "-C", str(ROOT), "tag", "--list"], capture_output=True, text=True).stdout.split()
    if rev not in tags:
        section = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8").split("## pre-commit\n", 1)[1]
        prose = section.split("```yaml\n", 1)[1].split("```\n", 1)[1]
        assert re.fullmatch(r"[A-Z_]+", rev) and f"`{rev}`" in prose and "pre-commit autoupdate" in prose, rev
