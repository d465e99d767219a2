"""Every command's --help reads like a Unix tool's: metavars (FILE, PATH, CODES…) instead of Python types,
nothing after a flag, no stray " ." left where markup swallowed a bracket, defaults shown, no cut summaries."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()


def command_paths() -> list[list[str]]:
    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        paths.append(path)
        for name, child in getattr(command, "commands", {}).items():
            walk(child, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


PATHS = command_paths()
PYTHON_TYPES = re.compile(r"<(?:list\[|bool|int|str|path|float|text|Path)[^>]*>|\[x[<>]=")


def help_of(path: list[str]) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_covered() -> None:
    assert {"check", "score", "glossary merge", "review apply", "explain"} <= {" ".join(p) for p in PATHS}


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "termcheck" for p in PATHS])
def test_help_reads_like_a_unix_tools(path: list[str]) -> None:
    text = help_of(path)
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text)
    assert not re.search(r" \.(?:\s|$)", text), "a stray ' .' where markup swallowed a [bracket]"
    assert "{" not in text.split("\n", 3)[1] + text.split("\n", 3)[2]  # usage line: FILE, not {FILE}
    assert "...\n" not in text.replace("[ARGS]...", "").replace("FILE...", ""), "a cut summary"


def test_flags_show_no_value_and_values_show_what_they_are() -> None:
    text = help_of(["check"])
    rows = {line.split()[1]: line for line in text.splitlines() if re.match(r"^\W+--", line)}
    assert re.search(r"--quiet\s+-q\s+No summary", rows["--quiet"])
    assert re.search(r"--glossary\s+-g\s+FILE\s", rows["--glossary"])
    assert re.search(r"--select\s+CODES\s", rows["--select"])
    assert re.search(r"--severity\s+CODE=LEVEL\s", rows["--severity"])
    assert re.search(r"--jobs\s+-j\s+N\s", rows["--jobs"])
    assert re.search(r"--glossary-encoding\s+ENCODING\s", rows["--glossary-encoding"])


@pytest.mark.parametrize(
    ("path", "default"),
    [
        (["check"], "[default: text]"),
        (["check"], "[default: error]"),
        (["check"], "[default: 1]"),
        (["score"], "[default: bleu,chrf,ter]"),
        (["score"], "[default: 100]"),
        (["glossary", "merge"], "[default: fail]"),
    ],
)
def test_defaults_are_shown(path: list[str], default: str) -> None:
    assert default in help_of(path)


def test_a_negative_count_is_one_line_and_exit_2() -> None:
    result = runner.invoke(app, ["check", "--jobs", "-1", "x.txt"])
    assert result.exit_code == 2
    assert "-1 is negative; give 0 or more" in result.output
