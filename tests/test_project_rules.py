"""Project rules ([[rules]] in termcheck.toml): a case table of what they flag, with a correct translation beside
each wrong one; then how they take part like any check (select/ignore, checks, explain, SARIF, Excel, baseline),
and the errors: a bad regex or key names the rule and key (exit 2), a pattern that backtracks exponentially
ends the run with one line instead of hanging it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termcheck.checks.rules import parse_rule
from termcheck.cli import app
from termcheck.core.model import Segment
from termcheck.glossary.model import Glossary
from termcheck.readers.base import Document
from termcheck.run.engine import Checker, CheckOptions

runner = CliRunner()
RULES = """
[[rules]]
id = "house-percent"
message = "House style: write 'per cent'"
severity = "warning"
target = '\\bpercent\\b'

[[rules]]
id = "rmb-named"
message = "Name the currency: RMB or yuan"
source = '人民币'
target-lacks = '\\b(RMB|yuan)\\b'

[[rules]]
id = "case-kept"
message = "Write NMPA in capitals"
target = '\\bnmpa\\b'
ignore-case = false
"""

CASES = [
    ("a target that matches", "增长了5%", "grew by 5 percent", ["house-percent"]),
    ("the house style kept", "增长了5%", "grew by 5 per cent", []),
    ("ignore-case is the default", "增长了5%", "grew by 5 Percent", ["house-percent"]),
    ("a source that matches and a target that lacks", "收入100亿元人民币", "income of 10 billion", ["rmb-named"]),
    ("the currency named", "收入100亿元人民币", "income of 10 billion yuan", []),
    ("a source that does not match: the rule does not apply", "收入100亿", "income of 10 billion", []),
    ("case kept where ignore-case is false", "国家药监局", "the nmpa said", ["case-kept"]),
    ("the capitals written", "国家药监局", "the NMPA said", []),
]


def rules(tmp_path: Path, text: str = RULES) -> tuple:
    from termcheck.project.config import load_config

    (tmp_path / "termcheck.toml").write_text(text, encoding="utf-8")
    return load_config(str(tmp_path / "termcheck.toml")).settings.rules


@pytest.mark.parametrize(("name", "source", "target", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_cases(tmp_path: Path, name: str, source: str, target: str, expected: list[str]) -> None:
    options = CheckOptions(select=("house-percent", "rmb-named", "case-kept"), rules=rules(tmp_path))
    segments = [Segment("1", source, target, "doc.txt", 1)]
    report = Checker(Glossary(name="none"), options).run([Document("doc.txt", (), lambda: iter(segments), "test")])
    assert [f.code for f in report.findings] == expected


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "termcheck.toml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text("增长了5%\n收入100亿元人民币\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("grew by 5 percent\nincome of 10 billion\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rules_take_part_like_any_check(project: Path) -> None:
    result = runner.invoke(app, ["check", "a.en.txt", "--format", "json", "--fail-on", "warning"])
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["house-percent", "rmb-named"]
    raised = runner.invoke(app, ["check", "a.en.txt", "--format", "json", "--severity", "house-percent=error"])
    assert [f["severity"] for f in json.loads(raised.stdout)["findings"]] == ["error", "warning"]
    ignored = runner.invoke(app, ["check", "a.en.txt", "--format", "json", "--ignore", "rmb-named"])
    assert [f["code"] for f in json.loads(ignored.stdout)["findings"]] == ["house-percent"]
    listed = runner.invoke(app, ["checks"]).stdout
    assert "house-percent" in listed and "(project rule)" in listed
    explained = runner.invoke(app, ["explain", "rmb-named"]).stdout
    assert "Name the currency: RMB or yuan" in explained and "target-lacks = " in explained


def test_rules_in_sarif_excel_and_baselines(project: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["check", "a.en.txt", "--format", "sarif", "--xlsx", "r.xlsx"])
    rules_meta = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules_meta["rmb-named"]["shortDescription"]["text"] == "Name the currency: RMB or yuan"
    assert rules_meta["rmb-named"]["properties"]["tags"] == ["project-rule"]
    codes = {row[2] for row in load_workbook("r.xlsx")["Findings"].iter_rows(min_row=2, values_only=True)}
    assert {"house-percent", "rmb-named"} <= codes
    written = runner.invoke(app, ["check", "a.en.txt", "--write-baseline", "b.json"])
    assert written.exit_code == 0
    again = runner.invoke(app, ["check", "a.en.txt", "--baseline", "b.json", "--fail-on", "info"])
    assert again.exit_code == 0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[[rules]]\nid = "x"\nmessage = "m"\ntarget = "(unclosed"', "rule x.target: bad regular expression"),
        ('[[rules]]\nid = "x"\nmessage = "m"\ntarget = "a"\ncolour = "red"', "rules[1].colour: unknown key"),
        ('[[rules]]\nid = "TC999"\nmessage = "m"\ntarget = "a"', "not starting with TC"),
        ('[[rules]]\nid = "x"\ntarget = "a"', "rule x: message is missing"),
        ('[[rules]]\nid = "x"\nmessage = "m"\nsource = "a"', "give target"),
        ('[[rules]]\nid = "x"\nmessage = "m"\ntarget = "a"\nseverity = "loud"', "rule x.severity"),
        ('[[rules]]\nid = "missing-term"\nmessage = "m"\ntarget = "a"', "already a check's code or name"),
    ],
)
def test_a_bad_rule_is_one_line_naming_rule_and_key(project: Path, table: str, message: str) -> None:
    (project / "termcheck.toml").write_text(table, encoding="utf-8")
    result = runner.invoke(app, ["check", "a.en.txt"])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


SLOW = """rule-budget = 0.05
[[rules]]
id = "slow"
message = "m"
target = '(a|aa)+$'

[[rules]]
id = "sane"
message = "no b"
target = 'b$'
"""


def test_a_rule_past_its_budget_is_stopped_once_and_the_run_goes_on(project: Path) -> None:
    """A backtracking rule over 400 short lines ran two minutes (0.5 s a search): now each rule has a budget of
    search time for the run, is stopped where it spends it, reported once, and every other check goes on."""
    (project / "termcheck.toml").write_text(SLOW, encoding="utf-8")
    (project / "a.zh.txt").unlink()
    (project / "a.en.txt").write_text(("a" * 40 + "b\n") * 400, encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["check", "a.en.txt", "--format", "json", "--fail-on", "warning"])
    assert time.perf_counter() - started < 60
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["by_code"] == {"sane": 400}  # the other rule and checks saw every line
    assert report["stopped_rules"] == [
        {"rule": "slow", "file": "a.en.txt", "line": 1, "searches": 1, "seconds": report["stopped_rules"][0]["seconds"]}
    ]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("termcheck: warning")]
    assert warnings == [
        "termcheck: warning: rule slow stopped at a.en.txt:1 after 1 search, its budget of 0.05 s (rule-budget) "
        "spent: it did not check that segment or any after it; simplify the pattern "
        "(nested quantifiers and overlapping alternatives backtrack exponentially)"
    ]


def test_a_stopped_rule_is_in_sarif_and_the_excel_summary(project: Path) -> None:
    from openpyxl import load_workbook

    (project / "termcheck.toml").write_text(SLOW, encoding="utf-8")
    (project / "a.zh.txt").unlink()
    (project / "a.en.txt").write_text(("a" * 40 + "b\n") * 3, encoding="utf-8")
    result = runner.invoke(app, ["check", "a.en.txt", "--format", "sarif", "--xlsx", "r.xlsx", "--quiet"])
    assert result.stderr.startswith("termcheck: warning: rule slow stopped at a.en.txt:1")  # --quiet or not
    (notification,) = json.loads(result.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "warning" and notification["descriptor"] == {"id": "slow"}
    assert notification["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    summary = [str(c) for row in load_workbook("r.xlsx")["Summary"].iter_rows(values_only=True) for c in row if c]
    assert any(c.startswith("Warning: rule slow stopped at a.en.txt:1") for c in summary)


def test_each_worker_has_its_own_budget_and_the_stop_is_reported_once(tmp_path: Path) -> None:
    options = CheckOptions(select=("slow", "sane"), rules=rules(tmp_path, SLOW), batch_size=50, rule_budget=0.05)
    segments = [Segment(str(n), None, "a" * 40 + "b", "doc.txt", n) for n in range(1, 201)]
    document = Document("doc.txt", (), lambda: iter(segments), "test")
    report = Checker(Glossary(name="none"), options).run([document], jobs=2)
    assert [(s.rule, s.line, s.searches) for s in report.stopped_rules] == [("slow", 1, 1)]
    assert report.count_by_code() == {"sane": 200}


def test_a_rule_within_its_budget_checks_every_segment(tmp_path: Path) -> None:
    options = CheckOptions(select=("house-percent",), rules=rules(tmp_path), rule_budget=0.05)
    segments = [Segment(str(n), None, "grew by 5 percent", "doc.txt", n) for n in range(1, 3001)]
    report = Checker(Glossary(name="none"), options).run([Document("doc.txt", (), lambda: iter(segments), "t")])
    assert report.stopped_rules == [] and report.count_by_code() == {"house-percent": 3000}


@pytest.mark.parametrize("value", ["0", "-1", '"fast"', "true"])
def test_a_bad_rule_budget_is_one_line(project: Path, value: str) -> None:
    (project / "termcheck.toml").write_text(f"rule-budget = {value}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "a.en.txt"])
    assert result.exit_code == 2
    assert "rule-budget: expected a number of seconds above 0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_config_severity_table_may_name_a_rule(tmp_path: Path) -> None:
    from termcheck.core.model import Severity
    from termcheck.project.config import load_config

    (tmp_path / "termcheck.toml").write_text('[severity]\nrmb-named = "error"\n' + RULES, encoding="utf-8")
    assert load_config(str(tmp_path / "termcheck.toml")).settings.severity == {"rmb-named": Severity.ERROR}


def test_a_rule_is_parsed_with_its_defaults() -> None:
    rule = parse_rule({"id": "r", "message": "m", "target": "x"}, "rules[1]")
    assert (rule.severity.label, rule.ignore_case, rule.source) == ("warning", True, None)


def test_the_readme_rule_example_is_a_working_rule(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, flags=re.S)
    assert block is not None
    example = "\n".join(line.removeprefix("  ") for line in block.group(1).splitlines())
    options = CheckOptions(select=("rmb-named",), rules=rules(tmp_path, example))
    segments = [Segment("1", "收入100亿元人民币", "income of 10 billion", "doc.txt", 1)]
    report = Checker(Glossary(name="none"), options).run([Document("doc.txt", (), lambda: iter(segments), "test")])
    assert [f.code for f in report.findings] == ["rmb-named"]


def test_explain_prints_each_pattern_as_toml_that_reads_back_as_the_rule(tmp_path: Path, monkeypatch) -> None:
    """Copying a pattern out of `termcheck explain` into termcheck.toml gives the same rule: no doubled
    backslashes inside a literal string, and a pattern with a quote in it still a valid TOML string."""
    from conftest import tomllib

    text = RULES + '\n[[rules]]\nid = "quoted"\nmessage = "No \'s"\ntarget = "\\\\b\\\\w+\'s\\\\b"\n'
    (tmp_path / "termcheck.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for rule in rules(tmp_path, text):
        explained = runner.invoke(app, ["explain", rule.id]).stdout
        printed = [line.strip() for line in explained.splitlines() if line.startswith("    ")]
        expected = {"source": rule.source, "target": rule.target, "target-lacks": rule.target_lacks}
        assert tomllib.loads("\n".join(printed)) == {k: v for k, v in expected.items() if v}, explained
    assert "target = '\\bpercent\\b'" in runner.invoke(app, ["explain", "house-percent"]).stdout
