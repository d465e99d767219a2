"""Scores: sacrebleu's CLI agrees with us, the WMT25 rate matches a plain reimplementation, term accuracy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CASES, ROOT, load_toml
from typer.testing import CliRunner

from termcheck.cli import app
from termcheck.glossary import load_glossary
from termcheck.scoring.run import score
from termcheck.scoring.wmt25 import Document, term_success_rate

runner = CliRunner()
EXAMPLES = ROOT / "examples"
ZH, MT, REF = (str(EXAMPLES / f"stem-cell-approval.{n}.txt") for n in ("zh", "en-mt", "en-ref"))
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")


@pytest.fixture(scope="module")
def second_reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("refs") / "ref2.txt"
    lines = Path(REF).read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line.replace("the ", "this ", 1) for line in lines) + "\n", encoding="utf-8")
    return str(path)


def sacrebleu_cli(hypothesis: str, references: list[str]) -> dict[str, float]:
    command = [sys.executable, "-m", "sacrebleu", *references, "-i", hypothesis, "-m", "bleu", "chrf", "ter"]
    command += ["--chrf-word-order", "2", "-f", "json", "-w", "4"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return {entry["name"]: (entry["score"], entry["signature"]) for entry in json.loads(output)}


@pytest.mark.parametrize("references", [1, 2], ids=["one reference", "two references"])
def test_corpus_scores_equal_sacrebleus_own_cli(references: int, second_reference: str) -> None:
    refs = [REF, second_reference][:references]
    args = ["score", "--target", MT, "--format", "json"] + [a for r in refs for a in ("-r", r)]
    ours = json.loads(runner.invoke(app, args).stdout)["scores"]
    theirs = sacrebleu_cli(MT, refs)
    for name, (value, signature) in theirs.items():
        assert round(ours[name.lower()]["value"], 4) == pytest.approx(value, abs=1e-4)
        assert ours[name.lower()]["signature"] == signature


WMT = load_toml(CASES / "wmt25_term_success.toml")["case"]


def count(text: str, part: str) -> int:
    """Non-overlapping occurrences, found one by one (the plain way to write str.count)."""
    found, start = 0, 0
    while part and (index := text.find(part, start)) != -1:
        found += 1
        start = index + len(part)
    return found


def reference_rate(documents: list[list[str]], glossary: dict[str, list[str]]) -> float | None:
    pairs = []
    for source, mt, ref in documents:
        source, mt, ref = source.strip().lower(), mt.strip().lower(), ref.strip().lower()
        for zh, forms in glossary.items():
            n = count(source, zh.strip().lower())
            if zh.strip() and n and any(count(ref, f.lower()) for f in forms):
                pairs.append(min(sum(count(mt, f.strip().lower()) for f in forms) / n, 1.0))
    return sum(pairs) / len(pairs) if pairs else None


@pytest.mark.parametrize("case", WMT, ids=[c["name"] for c in WMT])
def test_wmt25_term_success_matches_a_plain_reimplementation(case: dict) -> None:
    documents = [Document(*d) for d in case["documents"]]
    expected = reference_rate(case["documents"], case["glossary"])
    actual = term_success_rate(documents, case["glossary"]).value
    assert actual == (pytest.approx(expected) if expected is not None else None)


def test_wmt25_worked_example() -> None:
    case = WMT[0]
    result = term_success_rate([Document(*d) for d in case["documents"]], case["glossary"])
    # doc 1: 干细胞 2 in source, "stem cell" 2 in MT → 1; 激素 → "steroid" 1/1 → 1; doc 2: 干细胞 2, MT 1 → 0.5
    # (药品 is skipped: "drug" is not in the reference)
    assert (result.value, result.pairs) == (pytest.approx(2.5 / 3), 3)


def test_term_accuracy_per_occurrence(tmp_path: Path) -> None:
    source, target, reference = tmp_path / "s.txt", tmp_path / "t.txt", tmp_path / "r.txt"
    source.write_text("干细胞和干细胞\n药品审评中心发布\n", encoding="utf-8")
    target.write_text("Stem cells and other cells\nThe Drug Evaluation Center released\n", encoding="utf-8")
    reference.write_text("Stem cells and stem cells\nThe Center for Drug Evaluation released\n", encoding="utf-8")
    report = score(str(target), [str(reference)], str(source), load_glossary(GLOSSARY))
    accuracy = report.term_accuracy
    assert accuracy is not None
    assert (accuracy.correct, accuracy.total) == (1, 3)  # one of two stem cells; the deprecated name is wrong


def test_paragraphs_and_jsonl_documents(tmp_path: Path) -> None:
    mt = tmp_path / "mt.txt"
    ref = tmp_path / "ref.txt"
    mt.write_text("The cat sat.\nOn the mat.\n\nA dog ran.\n", encoding="utf-8")
    ref.write_text("The cat sat.\nOn a mat.\n\nThe dog ran.\n", encoding="utf-8")
    assert score(str(mt), [str(ref)], unit="paragraph").units == 2
    mt_docs, ref_docs = tmp_path / "mt.jsonl", tmp_path / "ref.jsonl"
    mt_docs.write_text('{"en": "The cat sat."}\n{"en": "A dog ran."}\n', encoding="utf-8")
    ref_docs.write_text('{"en": "The cat sat."}\n{"en": "The dog ran."}\n', encoding="utf-8")
    report = score(str(mt_docs), [str(ref_docs)])
    assert report.unit == "document" and [u.index for u in report.units_scored] == [1, 2]
    assert report.units_scored[0].bleu == pytest.approx(100.0)


ERRORS = [
    ("short.txt", "One line.\n", "1 lines, but"),
    ("empty.txt", "", "empty file"),
    ("nokey.jsonl", '{"en": "a"}\n{"text": "b"}\n', ":2: no text under the key 'en'"),
]


@pytest.mark.parametrize(("name", "content", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_input_errors_exit_2_with_file_and_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    reference = tmp_path / name
    reference.write_text(content, encoding="utf-8")
    target = MT
    if name.endswith(".jsonl"):
        target = str(tmp_path / "mt.jsonl")
        Path(target).write_text('{"en": "a"}\n{"en": "b"}\n', encoding="utf-8")
    result = runner.invoke(app, ["score", "--target", target, "-r", str(reference)])
    assert result.exit_code == 2
    assert message in result.stderr and str(reference) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_score_text_output_names_the_signatures() -> None:
    result = runner.invoke(app, ["score", "--source", ZH, "--target", MT, "-r", REF, "-g", GLOSSARY])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("BLEU") and "nrefs:1|case:mixed|eff:no|tok:13a" in lines[0]
    assert lines[1].startswith("chrF2++") and lines[2].startswith("TER")
    assert "term accuracy (per occurrence)" in result.stdout and "WMT25" in result.stdout


def test_check_with_reference_carries_scores_into_json_and_excel(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = tmp_path / "r.xlsx"
    args = ["check", "--source", ZH, "--target", MT, "-g", GLOSSARY, "-r", REF, "--format", "json"]
    result = runner.invoke(app, [*args, "--xlsx", str(workbook)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report["scores"]) == {"bleu", "chrf2++", "ter", "term_accuracy", "wmt25_term_success"}
    assert report["scores"]["bleu"]["value"] == pytest.approx(sacrebleu_cli(MT, [REF])["BLEU"][0], abs=1e-4)
    assert len(report["segment_scores"]) == 30
    segments = load_workbook(workbook)["Segments"]
    header = [c.value for c in segments[1]]
    assert header[-2:] == ["BLEU", "chrF2++"]
    worst = min(report["segment_scores"], key=lambda s: s["bleu"])
    row = next(r for r in segments.iter_rows(min_row=2, values_only=True) if r[1] == worst["segment"])
    assert row[-2] == pytest.approx(worst["bleu"], abs=1e-3)
    summary = [r for r in load_workbook(workbook)["Summary"].iter_rows(values_only=True) if r[0] == "BLEU"]
    assert summary and summary[0][1].startswith("nrefs:1|case:mixed")


def test_check_reference_must_be_aligned(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("one line\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--source", ZH, "--target", MT, "-g", GLOSSARY, "-r", str(short)])
    assert result.exit_code == 2
    assert f"{short}: 1 lines, but the checked target has 30" in result.stderr


def long_documents(folder: Path, aligned: bool = True) -> tuple[str, str]:
    """Two JSONL documents of 30 lines each (about 600 words), the WMT25 task's shape; the MT drops a word
    a line and, unless `aligned`, runs two lines of the second document together."""
    words = [
        "the",
        "monetary",
        "authority",
        "said",
        "the",
        "banking",
        "sector",
        "remained",
        "resilient",
        "and",
        "well",
        "capitalised",
    ]
    mt, ref = [], []
    for doc in range(2):
        lines = [" ".join(words[(i + doc) % 5 :] + words[: (i + doc) % 5]) for i in range(30)]
        out = [" ".join(line.split()[1:]) for line in lines]
        if doc == 1 and not aligned:
            out = [out[0] + " " + out[1], *out[2:]]
        ref.append({"en": "\n".join(lines)})
        mt.append({"en": "\n".join(out)})
    paths = []
    for name, records in (("mt", mt), ("ref", ref)):
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        paths.append(str(path))
    return paths[0], paths[1]


def test_ter_on_documents_is_scored_line_by_line_where_lines_align(tmp_path: Path) -> None:
    from sacrebleu.metrics.ter import TER

    mt, ref = long_documents(tmp_path)
    report = score(mt, [ref])
    lines = [
        [line for d in Path(p).read_text(encoding="utf-8").splitlines() for line in json.loads(d)["en"].split("\n")]
        for p in (mt, ref)
    ]
    expected = TER().corpus_score(lines[0], [lines[1]]).score
    assert next(m.value for m in report.metrics if m.name == "TER") == pytest.approx(expected)
    assert report.ter_scope == "TER over 60 lines (2 of 2 documents split at their aligned lines)"
    assert not report.notes


def test_a_long_unit_that_cannot_be_split_is_left_out_of_ter_with_a_note(tmp_path: Path) -> None:
    mt, ref = long_documents(tmp_path, aligned=False)
    report = score(mt, [ref], ter_max_words=200)
    assert (
        report.ter_scope
        == "TER over 30 lines (1 of 2 documents split at their aligned lines; 1 line over 200 words left out)"
    )
    assert "--ter-max-words 0 scores them all" in report.notes[0]
    whole = score(mt, [ref], ter_max_words=None)
    assert whole.ter_scope == "TER over 31 lines (1 of 2 documents split at their aligned lines)" and not whole.notes


def test_metrics_are_any_subset_and_term_rates_need_none(tmp_path: Path) -> None:
    mt, ref = long_documents(tmp_path)
    assert [m.name for m in score(mt, [ref], metrics=("ter", "bleu")).metrics] == ["TER", "BLEU"]
    only_ter = score(mt, [ref], metrics=("ter",))
    assert [m.name for m in only_ter.metrics] == ["TER"] and not only_ter.units_scored
    result = runner.invoke(app, ["score", "--target", MT, "-r", REF, "--source", ZH, "-g", GLOSSARY, "-m", "bleu"])
    assert result.exit_code == 0
    assert result.stdout.startswith("BLEU") and "TER" not in result.stdout and "chrF" not in result.stdout
    assert "term accuracy" in result.stdout


@pytest.mark.parametrize("metrics", ["bleu,meteor", ",", "BLEU;ter"])
def test_an_unknown_metric_is_a_one_line_usage_error(metrics: str) -> None:
    result = runner.invoke(app, ["score", "--target", MT, "-r", REF, "--metrics", metrics])
    assert result.exit_code == 2
    assert "--metrics takes a comma-separated subset of bleu,chrf,ter" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_scoring_reports_progress_a_unit_at_a_time(tmp_path: Path) -> None:
    mt, ref = long_documents(tmp_path)
    done: list[int] = []
    score(mt, [ref], progress=done.append)
    assert sum(done) == 2 + 60  # two documents' BLEU and chrF, then sixty lines of TER


def test_the_cli_says_what_ter_covers(tmp_path: Path) -> None:
    mt, ref = long_documents(tmp_path, aligned=False)
    result = runner.invoke(app, ["score", "--target", mt, "-r", ref, "--ter-max-words", "200"])
    assert result.exit_code == 0
    assert "TER over 30 lines" in result.stdout
    assert "termcheck: note: TER over 30 lines" in result.stderr
    payload = json.loads(runner.invoke(app, ["score", "--target", mt, "-r", ref, "-f", "json", "-q"]).stdout)
    assert payload["scores"]["ter"]["scope"].endswith("1 line over 100 words left out)")
