"""The command line: exit codes, stdout and stderr kept apart, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from termcheck.checks import ALL_CHECKS
from termcheck.cli import app

runner = CliRunner()
EXAMPLE_ZH = str(ROOT / "examples" / "stem-cell-approval.zh.txt")
EXAMPLE_MT = str(ROOT / "examples" / "stem-cell-approval.en-mt.txt")
EXAMPLE_REF = str(ROOT / "examples" / "stem-cell-approval.en-ref.txt")
GLOSSARY = str(ROOT / "glossaries" / "stem-cell-therapy.zh-en.csv")


def run(*args: str):
    return runner.invoke(app, list(args))


def test_example_json_report_on_stdout_summary_on_stderr() -> None:
    result = run("check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT, "-g", GLOSSARY, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"]["segments"] == 30
    found = {(f["code"], f["found"]) for f in report["findings"]}
    for expected in [
        ("TC101", "hormone therapy failure"),
        ("TC101", "Drug Evaluation Center"),
        ("TC101", "Amimatosa Injection"),
        ("TC101", "Universal stem cells"),
    ]:
        assert expected in found
    concepts = {(f["code"], f["concept"]) for f in report["findings"]}
    assert {("TC102", "clinical-trial"), ("TC103", "stem-cell-drug")} <= concepts
    first = report["findings"][0]
    assert {"id", "code", "check", "severity", "segment", "concept", "found", "expected", "message"} <= set(first)
    assert "findings" in result.stderr and "segments" in result.stderr
    assert "{" not in result.stderr


def test_clean_reference_exits_zero() -> None:
    result = run("check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_REF, "-g", GLOSSARY, "--fail-on", "error")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == ""
    assert "0 findings" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--select", "TC103", "--fail-on", "error"], 0),
        (["--select", "TC103", "--fail-on", "warning"], 1),
        (["--select", "TC101"], 1),
        (["--ignore", "TC1,TC201,TC204"], 0),
        (["--ignore", "TC1"], 1),
    ],
)
def test_fail_on_and_selection(args: list[str], code: int) -> None:
    result = run("check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT, "-g", GLOSSARY, *args)
    assert result.exit_code == code


def test_target_only_text_output_grouped_by_check(tmp_path: Path) -> None:
    result = run("check", EXAMPLE_MT, "-g", GLOSSARY)
    assert result.exit_code == 1
    assert "TC101 deprecated-term" in result.stdout
    assert "TC102" not in result.stdout  # needs a source


def test_output_file_is_written_and_inputs_are_protected(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "r.json"
    result = run("check", EXAMPLE_MT, "-g", GLOSSARY, "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    result = run("check", EXAMPLE_MT, "-g", GLOSSARY, "-o", EXAMPLE_MT)
    assert result.exit_code == 2
    assert "refusing to overwrite an input" in result.stderr


ERRORS = [
    (["check", "--target", "missing.txt", "-g", GLOSSARY], "missing.txt: no such file"),
    (["check", "--source", EXAMPLE_ZH, "-g", GLOSSARY], "--source needs --target"),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--fail-on", "fatal"], "unknown severity"),
    (
        ["check", EXAMPLE_MT, "-g", GLOSSARY, "--fail-on", "warnings"],
        "--fail-on: unknown severity 'warnings' (use error, warning, info or never)",
    ),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--format", "pdf"], "unknown format"),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--select", "TC999"], "no check matches"),
    (["check", EXAMPLE_MT, "-g", "nope.csv"], "nope.csv: no such file"),
    (["explain", "TC999"], "unknown check"),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--severity", "TC101"], "--severity takes CODE=LEVEL (e.g. TC212=warning)"),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--encoding", "klingon"], "--encoding: unknown encoding 'klingon'"),
    (["check", EXAMPLE_MT, "-g", GLOSSARY, "--input-format", "docx"], "--input-format: unknown format 'docx'"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[m for _, m in ERRORS])
def test_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_line_count_mismatch_exit_2(tmp_path: Path) -> None:
    short = tmp_path / "short.en.txt"
    short.write_text("one line\n", encoding="utf-8")
    result = run("check", "--source", EXAMPLE_ZH, "--target", str(short), "-g", GLOSSARY)
    assert result.exit_code == 2
    assert "1 lines, but the source" in result.stderr and "has 30" in result.stderr


def test_several_glossaries(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("id,zh,en,en_deprecated\nrx,处方,prescription,recipe\n", encoding="utf-8")
    doc = tmp_path / "doc.en.txt"
    doc.write_text("The recipe and the Drug Evaluation Center\n", encoding="utf-8")
    result = run("check", str(doc), "-g", GLOSSARY, "-g", str(extra), "--format", "json")
    assert {f["concept"] for f in json.loads(result.stdout)["findings"]} == {"rx", "cde"}


def test_two_glossaries_defining_one_chinese_term_give_one_missing_term(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("id,zh,en\ncde-again,药品审评中心,Center for Drug Evaluation\n", encoding="utf-8")
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("药品审评中心发布了指导原则\n", encoding="utf-8")
    en.write_text("The review office released guidelines\n", encoding="utf-8")
    args = ["check", "--source", str(zh), "--target", str(en), "-g", GLOSSARY, "-g", str(extra), "--format", "json"]
    findings = json.loads(run(*args, "--select", "TC102").stdout)["findings"]
    assert [f["source_span"] for f in findings] == [{"start": 0, "end": 6}]
    en.write_text("The Center for Drug Evaluation released guidelines\n", encoding="utf-8")
    assert json.loads(run(*args, "--select", "TC102").stdout)["findings"] == []


LOCALE_TBX = str(ROOT / "tests" / "cases" / "glossary-locales.tbx")


def _xliff(target_language: str, target: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="a" source-language="zh-CN" target-language="{target_language}" datatype="plaintext"><body>'
        f'<trans-unit id="1"><source>药品审评中心发布了指导原则</source><target>{target}</target></trans-unit>'
        "</body></file></xliff>\n"
    )


@pytest.mark.parametrize(
    ("target_language", "target", "codes"),
    [
        ("en-US", "The Centre for Drug Evaluation released guidelines", ["TC105"]),
        ("en-US", "The Center for Drug Evaluation released guidelines", []),
        ("en-GB", "The Centre for Drug Evaluation released guidelines", []),
        ("en", "The Centre for Drug Evaluation released guidelines", []),
    ],
)
def test_xliff_target_language_decides_the_english_locale(tmp_path: Path, target_language, target, codes) -> None:
    doc = tmp_path / "a.xlf"
    doc.write_text(_xliff(target_language, target), encoding="utf-8")
    result = run("check", str(doc), "-g", LOCALE_TBX, "--format", "json", "--fail-on", "never")
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == codes, result.stdout


def test_tmx_and_config_locales(tmp_path: Path) -> None:
    from termcheck.readers import open_document

    tmx = tmp_path / "a.tmx"
    tmx.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="zh-CN"/><body><tu tuid="1">'
        '<tuv xml:lang="zh-CN"><seg>药品审评中心</seg></tuv><tuv xml:lang="en-gb"><seg>Centre</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    assert open_document(str(tmx)).locale == "en-GB"
    text = tmp_path / "a.en.txt"
    text.write_text("The Centre for Drug Evaluation\n", encoding="utf-8")
    assert open_document(str(text)).locale == ""
    import termcheck

    found = termcheck.check([str(text)], glossary=LOCALE_TBX, target_locale="en-US", select=["TC105"]).findings
    assert [f.expected for f in found] == ["Center for Drug Evaluation"]


def test_glossary_convert_warns_that_csv_drops_locales(tmp_path: Path) -> None:
    result = run("glossary", "convert", LOCALE_TBX, str(tmp_path / "out.csv"))
    assert result.exit_code == 0
    assert "English locales of 4 terms" in result.stderr


def test_checks_and_explain() -> None:
    listing = run("checks")
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == [c.code for c in ALL_CHECKS]
    explained = run("explain", "TC101")
    assert explained.exit_code == 0
    assert "Bad:" in explained.stdout and "Good:" in explained.stdout


def test_glossary_convert_refuses_to_overwrite_its_input() -> None:
    result = run("glossary", "convert", GLOSSARY, GLOSSARY)
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("termcheck ")


SEED = ROOT.parent / "shared" / "seed" / "stem-cell-article.en-mt.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside this clone")
def test_seed_article_target_only_flags_the_known_errors() -> None:
    result = run("check", str(SEED), "-g", GLOSSARY, "--format", "json", "--select", "TC101")
    found = {f["found"] for f in json.loads(result.stdout)["findings"]}
    assert {"hormone therapy failure", "universal stem cells", "Drug Evaluation Center", "Amimatosa Injection"} <= found


def _bad_inputs():
    from test_readers import BAD_INPUTS

    return [pytest.param(name, content, id=name) for name, content, _, _ in BAD_INPUTS]


@pytest.mark.parametrize(("name", "content"), _bad_inputs())
def test_every_bad_input_exits_2_with_one_line_naming_the_file(tmp_path: Path, name: str, content) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run("check", str(path), "-g", GLOSSARY)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"termcheck: error: {path}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_the_cli_module_does_not_load_heavy_libraries() -> None:
    import subprocess
    import sys

    code = "import sys, termcheck.cli; print(sorted(m for m in ('spacy', 'openpyxl', 'lxml') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"  # `termcheck --help` stays fast


def test_a_check_without_excel_files_does_not_load_openpyxl() -> None:
    import subprocess
    import sys

    code = (
        "import sys, termcheck; "
        f"termcheck.check(source={EXAMPLE_ZH!r}, target={EXAMPLE_MT!r}, glossary={GLOSSARY!r}); "
        "print('openpyxl' in sys.modules)"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"  # about 0.15 s of start-up saved for every run without --xlsx


def test_jobs_gives_the_same_report_and_rejects_negative_counts() -> None:
    args = ("check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT, "-g", GLOSSARY, "--format", "json")
    one, two = run(*args), run(*args, "--jobs", "2")
    assert (one.exit_code, two.exit_code) == (1, 1)
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k != "created"}  # noqa: E731
    assert strip(two.stdout) == strip(one.stdout)
    bad = run(*args, "--jobs", "-1")
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert "--jobs" in bad.stderr


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "score", "checks", "explain", "glossary", "review"):
        assert f"\n  {command} " in result.stdout


@pytest.mark.parametrize(
    "args",
    [["check", "--target", EXAMPLE_MT], ["check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT]],
    ids=["target only", "bilingual pair"],
)
def test_without_a_glossary_the_other_checks_run_and_one_line_says_so(args: list[str]) -> None:
    """A team trying termcheck before it has a glossary gets the number, punctuation and untranslated checks."""
    result = run(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes and all(code.startswith("TC2") for code in codes)
    notes = [line for line in result.stderr.splitlines() if "no glossary given" in line]
    assert notes == [
        "termcheck: note: no glossary given, so the glossary checks (TC101–TC105) were skipped; "
        "add one with -g FILE (CSV, XLSX or TBX) or `glossary = [...]` in termcheck.toml"
    ]


def test_without_a_glossary_fail_on_behaves_as_usual() -> None:
    result = run("check", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT)
    assert result.exit_code == 1  # the example's 1.2万 → "1.2 million" is an error
    assert "TC204" in result.stdout


PARSER_ERRORS = [
    (["check", "--bogus"], "no such option: --bogus; see `termcheck check --help`"),
    (["check", "--jbos", "2"], "no such option: --jbos (did you mean --jobs?); see `termcheck check --help`"),
    (["check", "--jobs", "-1", "x"], "invalid value for '--jobs'"),
    (["check", "--glossary"], "option '--glossary' requires an argument"),
    (["review", "apply"], "missing argument 'FILE'; see `termcheck review apply --help`"),
    (["chek"], "no such command 'chek'"),
]


@pytest.mark.parametrize(("args", "message"), PARSER_ERRORS, ids=[" ".join(a) for a, _ in PARSER_ERRORS])
def test_option_parser_errors_are_one_line_like_every_other_error(args: list[str], message: str) -> None:
    """No boxed panel, no "(Possible options: …)" that suggests an unrelated option: one line, exit 2."""
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("termcheck: error: ")
    assert message in lines[0]


def test_nothing_checkable_among_the_files_given_is_a_clean_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit hook passes the commit's files: a source whose translation is not written yet, or only
    files the config excludes, is nothing to check, exit 0 with a note (a pattern matching nothing stays exit 2)."""
    monkeypatch.chdir(tmp_path)
    Path("new.zh.txt").write_text("该药用于治疗\n", encoding="utf-8")
    Path("drafts").mkdir()
    Path("drafts/a.en.txt").write_text("The drug treats\n", encoding="utf-8")
    Path("termcheck.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    untranslated = run("check", "new.zh.txt")
    assert untranslated.exit_code == 0
    assert "termcheck: skipped new.zh.txt: no new.en.txt beside it to check" in untranslated.stderr
    excluded = run("check", "drafts/a.en.txt")
    assert excluded.exit_code == 0
    assert "termcheck: skipped every file given, as the configuration excludes them" in excluded.stderr
    assert run("check", "missing/*.txt").exit_code == 2


def test_messages_say_what_happened(tmp_path: Path) -> None:
    """Each of these once said something else: "pass --encoding" when it was passed, "no element found" for an
    HTML entity, "no zh column" while quoting one."""
    gb = tmp_path / "gb.en.txt"
    gb.write_bytes("中文 test\n".encode("gb18030"))
    given = run("check", str(gb), "-g", GLOSSARY, "--encoding", "utf-8")
    assert "cannot decode as utf-8 (bytes d6 d0 ce c4); is the file in another encoding?" in given.stderr
    xliff = tmp_path / "nb.xlf"
    xliff.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
        'source-language="zh" target-language="en"><body>\n<trans-unit id="1"><source>中</source>'
        "<target>a&nbsp;b</target></trans-unit></body></file></xliff>\n",
        encoding="utf-8",
    )
    entity = run("check", str(xliff), "-g", GLOSSARY)
    assert entity.exit_code == 2
    assert f"{xliff}:3: malformed XML: Entity 'nbsp' not defined" in entity.stderr
    unicode_text = tmp_path / "glossary.txt"  # Excel's "Unicode Text": tab-separated UTF-16
    unicode_text.write_bytes("zh\ten\n造血干细胞\thematopoietic stem cell\n".encode("utf-16"))
    assert run("check", EXAMPLE_MT, "-g", str(unicode_text), "--fail-on", "never").exit_code == 0


def _big5_glossary_run(tmp_path: Path) -> list[str]:
    """GB18030 documents and a Big5 glossary, which detection would take for GB18030 (its bytes decode as that)."""
    (tmp_path / "a.zh.txt").write_bytes("药品审评中心发布了指导原则。\n".encode("gb18030"))
    (tmp_path / "a.en.txt").write_bytes(b"The Drug Evaluation Center issued guidance.\n")
    terms = "zh,en,en_deprecated\n藥品審評中心,Center for Drug Evaluation,Drug Evaluation Center\n"
    (tmp_path / "terms.csv").write_bytes(terms.encode("big5"))
    files = ["--source", str(tmp_path / "a.zh.txt"), "--target", str(tmp_path / "a.en.txt")]
    return [*files, "-g", str(tmp_path / "terms.csv"), "--encoding", "gb18030", "--no-config"]


def test_glossary_encoding_reads_the_glossary_and_encoding_only_the_documents(tmp_path: Path) -> None:
    args = _big5_glossary_run(tmp_path)
    assert "deprecated term" not in run("check", *args).stdout  # the glossary, detected as GB18030, is mojibake
    result = run("check", *args, "--glossary-encoding", "big5")
    assert result.exit_code == 1 and 'deprecated term "Drug Evaluation Center"' in result.stdout, result.output


def test_fix_takes_glossary_encoding_too(tmp_path: Path) -> None:
    result = run("fix", *_big5_glossary_run(tmp_path), "--glossary-encoding", "big5", "--diff")
    assert result.exit_code == 0, result.output
    assert "\n+The Center for Drug Evaluation issued guidance.\n" in result.stdout


def test_a_wrong_glossary_encoding_is_the_options_error() -> None:
    result = run("check", EXAMPLE_MT, "-g", GLOSSARY, "--glossary-encoding", "base64")
    assert result.exit_code == 2 and "--glossary-encoding: 'base64' is not a text encoding" in result.stderr


def test_score_reads_glossaries_in_their_own_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.zh.txt").write_bytes("药品审评中心发布了指导原则。\n".encode("gb18030"))
    (tmp_path / "a.en.txt").write_bytes(b"The Center for Drug Evaluation issued guidance.\n")
    terms = tmp_path / "terms.csv"
    terms.write_text("zh,en\n药品审评中心,Center for Drug Evaluation\n", encoding="utf-8")
    args = ["--target", str(tmp_path / "a.en.txt"), "-r", str(tmp_path / "a.en.txt"), "-g", str(terms)]
    result = run("score", *args, "--source", str(tmp_path / "a.zh.txt"), "--encoding", "gb18030")
    assert result.exit_code == 0, result.output
    assert "term accuracy (per occurrence)  100.00%  (1/1)" in result.stdout


def test_check_with_a_reference_prints_the_scores_in_the_text_report() -> None:
    """--reference "adds scores" (the help): the text report shows them as `termcheck score` does."""
    args = ["--source", EXAMPLE_ZH, "--target", EXAMPLE_MT, "-g", GLOSSARY, "-r", EXAMPLE_REF, "-q"]
    result = run("check", *args)
    scored = run("score", "--source", EXAMPLE_ZH, "--target", EXAMPLE_MT, "-g", GLOSSARY, "-r", EXAMPLE_REF, "-q")
    assert result.exit_code == 1 and scored.exit_code == 0, result.output + scored.output
    assert "BLEU " in scored.stdout and "term accuracy" in scored.stdout
    assert result.stdout.endswith("\nScores\n" + scored.stdout), result.stdout[-1500:]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "xlsx"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Python keeps such a name's bytes as lone surrogates, which JSON, SARIF and Excel could not hold (an internal
    error before): findings name the file with the byte escaped, and the report is written."""
    import os

    monkeypatch.chdir(tmp_path)
    with open(os.fsencode(tmp_path) + b"/caf\xe9.en.txt", "wb") as handle:
        handle.write("The drug，approved.\n".encode())
    name = os.fsdecode(b"caf\xe9.en.txt")
    output = ["--xlsx", "r.xlsx"] if fmt == "xlsx" else ["--format", fmt, "--output", "r.out"]
    result = CliRunner().invoke(app, ["check", name, *output, "--fail-on", "never"])
    assert result.exit_code == 0, result.stderr
    if fmt == "xlsx":
        from openpyxl import load_workbook

        cells = [c.value for row in load_workbook(tmp_path / "r.xlsx")["Findings"].iter_rows() for c in row]
        assert "caf\\xe9.en.txt" in cells
    else:
        text = (tmp_path / "r.out").read_text(encoding="utf-8")
        assert "caf\\xe9.en.txt" in text or "caf\\\\xe9.en.txt" in text or "caf%5Cxe9.en.txt" in text
