"""`termcheck glossary validate|stats|diff|merge` on the command line: exit codes, stdout, stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from test_glossary_maintenance import NEW, OLD
from typer.testing import CliRunner

from termcheck.cli import app

runner = CliRunner()
SHIPPED = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")


def run(*args: str):
    return runner.invoke(app, ["glossary", *args])


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(OLD.lstrip("\n"), encoding="utf-8")
    new.write_text(NEW.lstrip("\n"), encoding="utf-8")
    return str(old), str(new)


def test_the_shipped_glossaries_validate_clean() -> None:
    result = run("validate", SHIPPED, SHIPPED.replace(".csv", ".tbx"), SHIPPED.replace(".csv", ".xlsx"))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors, 0 warnings in 3 glossaries" in result.stderr


def test_validate_exits_1_on_errors_and_names_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,zh,en\na,干细胞,stem cell\nb,干细胞,stem-cell line\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{bad}:row 3: error zh-in-two-concepts [b] ")
    as_json = json.loads(run("validate", str(bad), "--format", "json").stdout)
    assert as_json["problems"][0]["code"] == "zh-in-two-concepts"


def test_validate_summary_agrees_in_number(tmp_path: Path) -> None:
    one_each = tmp_path / "one.csv"
    one_each.write_text("id,zh,en\na,干细胞,---\nb,,cell\n", encoding="utf-8")
    assert "1 error, 1 warning in 1 glossary" in run("validate", str(one_each)).stderr
    clean = tmp_path / "clean.csv"
    clean.write_text("id,zh,en\na,干细胞,stem cell\n", encoding="utf-8")
    assert "0 errors, 0 warnings in 2 glossaries" in run("validate", str(clean), str(clean)).stderr


def test_validate_strict_fails_on_warnings(tmp_path: Path) -> None:
    warned = tmp_path / "warned.csv"
    warned.write_text("id,zh,en\na,,stem cell\n", encoding="utf-8")
    assert run("validate", str(warned)).exit_code == 0
    assert run("validate", str(warned), "--strict").exit_code == 1


def test_stats(pair: tuple[str, str]) -> None:
    result = run("stats", pair[0], "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["concepts"] == 3


def test_diff_text_and_json(pair: tuple[str, str]) -> None:
    text = run("diff", *pair)
    assert text.exit_code == 0
    assert "+ concept new" in text.stdout and "- concept gone" in text.stdout
    assert "    + en deprecated 'Drug Evaluation Office'" in text.stdout
    assert "1 added, 1 removed, 2 changed" in text.stderr
    as_json = json.loads(run("diff", *pair, "--format", "json").stdout)
    assert as_json["added"] == ["new"]


def test_diff_shows_the_terms_of_an_added_or_removed_concept(pair: tuple[str, str]) -> None:
    lines = run("diff", *pair).stdout.splitlines()
    added = lines.index("+ concept new")
    assert lines[added + 1 : added + 3] == ["    + zh preferred '基因治疗'", "    + en preferred 'gene therapy'"]
    removed = lines.index("- concept gone")
    assert lines[removed + 1 : removed + 3] == ["    - zh preferred '细胞治疗'", "    - en preferred 'cell therapy'"]
    as_json = json.loads(run("diff", *pair, "--format", "json").stdout)
    assert as_json["added_terms"] == {"new": ["zh preferred '基因治疗'", "en preferred 'gene therapy'"]}


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_diff_exit_code_says_whether_anything_changed(pair: tuple[str, str], output_format: str) -> None:
    """As `git diff --exit-code`: 1 when there are differences, 0 when there are none."""
    assert run("diff", *pair, "-f", output_format).exit_code == 0
    assert run("diff", *pair, "-f", output_format, "--exit-code").exit_code == 1
    assert run("diff", pair[0], pair[0], "-f", output_format, "--exit-code").exit_code == 0


def test_merge_with_conflicts_writes_nothing_unless_told(pair: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "merged.xlsx"
    refused = run("merge", *pair, "-o", str(out))
    assert refused.exit_code == 1
    lines = [line for line in refused.stderr.splitlines() if line.startswith("conflict ")]
    assert "conflict 1 [cde] same id, different content (unresolved): only in" in lines[0]
    assert pair[0] in lines[0] or pair[1] in lines[0]  # each line says which input has what
    assert f"{len(lines)} conflict" in refused.stderr  # the count is the number of lines listed
    assert "nothing written" in refused.stderr and not out.exists()
    chosen = run("merge", *pair, "-o", str(out), "--on-conflict", "theirs")
    assert chosen.exit_code == 1  # conflicts were there, and are reported
    assert out.exists() and "resolved by --on-conflict theirs" in chosen.stderr
    assert f"4 concepts (1 from {pair[0]}, 3 from {pair[1]})" in chosen.stderr  # cde and msc are theirs now


def test_merge_both_writes_a_glossary_that_validates(pair: tuple[str, str], tmp_path: Path) -> None:
    """Once, `both` wrote the second's copies with the first's Chinese terms: the file failed `validate`,
    and the summary said "1 from" the second file of the 3 it had taken."""
    out = tmp_path / "merged.csv"
    result = run("merge", *pair, "-o", str(out), "--on-conflict", "both")
    assert result.exit_code == 1  # conflicts were there, and are reported
    assert f"6 concepts (3 from {pair[0]}, 3 from {pair[1]})" in result.stderr
    assert "kept as 'cde~2' without the Chinese term '药品审评中心'" in result.stderr
    checked = run("validate", str(out))
    assert checked.exit_code == 0, checked.stdout


def test_a_chinese_term_claimed_by_two_concepts_is_never_written_unresolved(tmp_path: Path) -> None:
    """Once, the merged file was written with such conflicts and then failed `validate`."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,zh,en\nc1,造血干细胞,hematopoietic stem cell\n", encoding="utf-8")
    second.write_text("id,zh,en\nc9,造血干细胞,blood stem cell\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    for strategy in ("fail", "both"):
        result = run("merge", str(first), str(second), "-o", str(out), "--on-conflict", strategy)
        assert result.exit_code == 1 and not out.exists()
        assert f"'造血干细胞' is in {first}'s concept 'c1' and {second}'s concept 'c9'" in result.stderr
        assert "1 conflict, 1 unresolved; nothing written" in result.stderr
    result = run("merge", str(first), str(second), "-o", str(out), "--on-conflict", "ours")
    assert out.exists() and run("validate", str(out)).exit_code == 0


def test_a_clash_no_strategy_resolves_is_listed_and_nothing_written(tmp_path: Path) -> None:
    """Two concepts with different ids and Chinese terms can still clash: the merge lists what `validate`
    would find, rather than write a glossary that fails it."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,zh,en,en_deprecated\nlisting,上市,launch,listing\n", encoding="utf-8")
    second.write_text("id,zh,en\nregister,挂牌,listing\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    for strategy in ("ours", "theirs", "both"):
        result = run("merge", str(first), str(second), "-o", str(out), "--on-conflict", strategy)
        assert result.exit_code == 1 and not out.exists()
        assert "conflict 1 [listing] merged glossary fails validate (unresolved): allowed-and-deprecated:" in (
            result.stderr
        )
        assert "no --on-conflict resolves" in result.stderr


def test_merge_refuses_to_overwrite_an_input(pair: tuple[str, str]) -> None:
    result = run("merge", *pair, "-o", pair[0])
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr


def test_glossary_xlsx_is_pleasant_to_edit(tmp_path: Path) -> None:
    out = tmp_path / "g.xlsx"
    assert run("convert", SHIPPED, str(out)).exit_code == 0
    sheet = load_workbook(out)["Glossary"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    validations = {str(v.sqref).split(":")[0][0]: v for v in sheet.data_validations.dataValidation}
    header = [c.value for c in sheet[1]]
    letter = {name: chr(ord("A") + i) for i, name in enumerate(header)}
    assert validations[letter["deprecated_everywhere"]].formula1 == '"yes,no"'
    assert validations[letter["case_sensitive"]].formula1 == '"yes"'
    assert not validations[letter["case_sensitive"]].showErrorMessage  # term lists are allowed too
