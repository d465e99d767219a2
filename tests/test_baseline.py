"""Baselines: accepted findings survive moved lines; new ones, retranslated segments and extra copies do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES

import termcheck
from termcheck.core.errors import InputError
from termcheck.project.baseline import apply_baseline, load_baseline, write_baseline
from termcheck.readers import Pair
from termcheck.run.report import BaselineCounts

GLOSSARY = str(CASES / "glossary.csv")
ZH = ["国家药品监督管理局批准了该药物。", "药品审评中心发布了指导原则。"]
EN = ["The National Drug Administration approved the drug.", "The Drug Evaluation Center issued guidance."]


def _checked(pairs: list[Pair], root: Path, baseline: str | None) -> tuple[termcheck.Report, BaselineCounts | None]:
    report = termcheck.check(pairs, glossary=GLOSSARY, select=["TC101"], root=str(root))
    return report, apply_baseline(report, load_baseline(baseline)) if baseline is not None else None


def _run(tmp_path: Path, zh: list[str], en: list[str]) -> termcheck.Report:
    return _run_with(tmp_path, zh, en)[0]


def _run_with(
    tmp_path: Path, zh: list[str], en: list[str], baseline: str | None = None
) -> tuple[termcheck.Report, BaselineCounts | None]:
    (tmp_path / "a.zh.txt").write_text("\n".join(zh) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    return _checked([Pair(str(tmp_path / "a.zh.txt"), str(tmp_path / "a.en.txt"))], tmp_path, baseline)


@pytest.fixture
def accepted(tmp_path: Path) -> str:
    path = str(tmp_path / "baseline.json")
    assert write_baseline(_run(tmp_path, ZH, EN), path) == 2
    return path


@pytest.mark.parametrize(
    "zh, en, new, gone",
    [
        (ZH, EN, [], 0),
        (["新的第一行。", *ZH], ["A new first line.", *EN], [], 0),
        ([*ZH, "药品审评中心再次表示。"], [*EN, "The Drug Evaluation Center said again."], [3], 0),
        (ZH, [EN[0], "The Drug Evaluation Center issued new guidance."], [2], 1),
        (ZH, [EN[0], "The Center for Drug Evaluation issued guidance."], [], 1),
        (
            [ZH[0], "药品审评中心和药品审评中心发布了指导原则。"],
            [EN[0], "The Drug Evaluation Center and the Drug Evaluation Center issued guidance."],
            [2, 2],
            1,
        ),
    ],
    ids=["unchanged", "lines-moved", "new-segment", "retranslated-still-wrong", "fixed", "second-copy"],
)
def test_baseline(tmp_path: Path, accepted: str, zh: list[str], en: list[str], new: list[int], gone: int) -> None:
    report, counts = _run_with(tmp_path, zh, en, accepted)
    assert [f.line for f in report.findings] == new
    assert counts is not None and counts.gone == gone
    assert counts.accepted == len(_run(tmp_path, zh, en).findings) - len(new)


def test_a_repeated_finding_is_accepted_as_many_times_as_recorded(tmp_path: Path) -> None:
    twice = [ZH[0], "药品审评中心和药品审评中心发布了指导原则。"]
    twice_en = [EN[0], "The Drug Evaluation Center and the Drug Evaluation Center issued guidance."]
    path = str(tmp_path / "twice.json")
    write_baseline(_run(tmp_path, twice, twice_en), path)
    assert len(load_baseline(path)) == 3
    assert _run_with(tmp_path, twice, twice_en, path)[0].findings == []


def test_baseline_file_is_sorted_readable_json(tmp_path: Path, accepted: str) -> None:
    data = json.loads(Path(accepted).read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["file"], e["line"], e["code"]) for e in data["findings"]] == [
        ("a.en.txt", 1, "TC101"),
        ("a.en.txt", 2, "TC101"),
    ]
    assert all(len(e["fingerprint"]) == 20 for e in data["findings"])


@pytest.mark.parametrize(
    "text, error",
    [
        ('{"version": 1,\n "findings": [}', "bad.json:2: not a termcheck baseline: invalid JSON"),
        ('{"version": 2, "findings": []}', "bad.json: not a termcheck baseline (expected version 1"),
        ('{"version": 1, "findings": [{"code": "TC101"}]}', "bad.json: finding 1 has no fingerprint"),
        ("[]", "bad.json: not a termcheck baseline"),
    ],
    ids=["invalid-json", "wrong-version", "no-fingerprint", "not-an-object"],
)
def test_bad_baseline_is_an_input_error(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_baseline(str(path))
    assert str(raised.value).replace(str(tmp_path) + "/", "").startswith(error)


def test_write_baseline_refreshes_the_baseline_the_config_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How a team refreshes its baseline: the config names it, the path may not exist yet, and it is rewritten."""
    from typer.testing import CliRunner

    from termcheck.cli import app

    monkeypatch.chdir(tmp_path)
    Path("a.zh.txt").write_text("该药用于治疗激素治疗失败的患者\n", encoding="utf-8")
    Path("a.en.txt").write_text("The drug treats hormone therapy failure\n", encoding="utf-8")
    Path("termcheck.toml").write_text(
        f'glossary = ["{GLOSSARY}"]\nbaseline = "termcheck-baseline.json"\n', encoding="utf-8"
    )
    pair = ["check", "--source", "a.zh.txt", "--target", "a.en.txt"]
    runner = CliRunner()
    for _ in range(2):  # written, then refreshed in place
        result = runner.invoke(app, [*pair, "--write-baseline", "termcheck-baseline.json"])
        assert result.exit_code == 0, result.stderr
        assert "findings accepted as the baseline" in result.stderr
    assert runner.invoke(app, pair).exit_code == 0


def test_a_run_over_some_files_counts_as_gone_only_what_is_gone_from_them(tmp_path: Path) -> None:
    """pre-commit passes the changed files: the accepted findings of the files not checked are not gone (and
    refreshing the baseline from such a run would drop them)."""
    pairs = []
    for name, en in (("a", EN), ("b", EN)):
        (tmp_path / f"{name}.zh.txt").write_text("\n".join(ZH) + "\n", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
        pairs.append(Pair(str(tmp_path / f"{name}.zh.txt"), str(tmp_path / f"{name}.en.txt")))
    path = str(tmp_path / "baseline.json")

    assert write_baseline(_checked(pairs, tmp_path, None)[0], path) == 4
    only_a, counts = _checked(pairs[:1], tmp_path, path)
    assert (only_a.findings, counts) == ([], BaselineCounts(path, 2, 0))
    (tmp_path / "a.en.txt").write_text(EN[0] + "\nThe Center for Drug Evaluation issued guidance.\n", encoding="utf-8")
    assert _checked(pairs[:1], tmp_path, path)[1] == BaselineCounts(path, 1, 1)


def test_the_summary_of_a_run_over_some_files_advises_refreshing_from_every_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from termcheck.cli import app

    for name in ("a", "b"):
        (tmp_path / f"{name}.zh.txt").write_text("\n".join(ZH) + "\n", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text("\n".join(EN) + "\n", encoding="utf-8")
    common = ["-g", GLOSSARY, "--select", "TC101", "--no-config"]
    baseline = str(tmp_path / "baseline.json")
    runner = CliRunner()
    a, b = str(tmp_path / "a.en.txt"), str(tmp_path / "b.en.txt")
    assert runner.invoke(app, ["check", a, b, *common, "--write-baseline", baseline]).exit_code == 0
    partial = runner.invoke(app, ["check", a, *common, "--baseline", baseline])
    assert partial.exit_code == 0 and "gone" not in partial.stderr, partial.stderr
    (tmp_path / "a.en.txt").write_text(EN[0] + "\nThe Center for Drug Evaluation issued guidance.\n", encoding="utf-8")
    fixed = runner.invoke(app, ["check", a, *common, "--baseline", baseline])
    note = "(1 accepted findings are gone from the files checked: refresh it with --write-baseline on a run over every"
    assert note in fixed.stderr
