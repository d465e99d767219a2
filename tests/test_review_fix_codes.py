"""Inline codes in an editor's Correction (issue 27, items 3 and 4): the labels the Target column shows ({1}, {/1},
{3/}) become the unit's code elements where the editor put them, in XLIFF 1.2, XLIFF 2.0 and TMX; a label the
unit has no code for, a pair opened and not closed, crossed pairs, a code used twice, or a code the source has
left out refuse that row with a line saying why, and the other rows are applied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from conftest import DATA
from lxml import etree
from test_review_fixes import edit as edit_findings
from typer.testing import CliRunner

import termcheck
from termcheck.cli import app
from termcheck.core.model import InlineCode, Segment
from termcheck.review.labels import CorrectionRefused, place_labels

runner = CliRunner()
INPUTS = DATA / "fix-codes"

# (file, segment) → the editor's Correction, typed on the segment's TC206 row (the full-width "。")
CORRECTIONS = {
    ("units12.xlf", "moved"): "{1}CATL{/1} launches a new battery.",
    ("units12.xlf", "added"): "He said that {3/}the new energy vehicles are popular.",
    ("units12.xlf", "native"): "{2/}The chart shows sales.",
    ("units12.xlf", "split"): "The {1}battery{/1} is safe.",
    ("units12.xlf", "break"): "{1}Drug Evaluation{/1}{4/} Center.",
    ("units12.xlf", "kept"): "The {1}Evaluation{/1} Center.",
    ("units12.xlf", "unknown"): "He said {3/}it is {4/}good.",
    ("units12.xlf", "unclosed"): "{1}Very good.",
    ("units12.xlf", "crossed"): "{1}A {2}B{/1}{/2}.",
    ("units12.xlf", "twice"): "He said {3/}good{3/}.",
    ("units12.xlf", "dropped"): "CATL is good.",
    ("units12.xlf", "extra"): "Good.",
    ("units12.xlf", "marked"): "{1}A B{/1}.",
    ("units20.xlf", "moved"): "{1}CATL{/1} launches a new battery.",
    ("units20.xlf", "added"): "He said that {3/}the new energy vehicles are popular.",
    ("units20.xlf", "split"): "The {5}battery{/5} is safe.",
    ("units20.xlf", "unknown"): "{1}A{/1} {2}B{/2}.",
    ("units.tmx", "moved"): "{1}CATL{/1} launches a new battery.",
    ("units.tmx", "added"): "He said that {3/}the new energy vehicles are popular.",
    ("units.tmx", "crossed"): "{1}A {2}B{/1}{/2}.",
}

# the corrected targets as written, inline codes with their attributes and native content
WRITTEN = {
    ("units12.xlf", "moved"): '<g ctype="bold" id="1">CATL</g> launches a new battery.',
    ("units12.xlf", "added"): 'He said that <x ctype="lb" id="3"/>the new energy vehicles are popular.',
    ("units12.xlf", "native"): '<ph ctype="image" id="2">&lt;img src="chart.png"/&gt;</ph>The chart shows sales.',
    ("units12.xlf", "split"): 'The <bx id="5" rid="1"/>battery<ex id="6" rid="1"/> is safe.',
    # the report showed the line break between words as "{4/} ": the space is the one the code reads as
    ("units12.xlf", "break"): '<g id="1">Drug Evaluation</g><x ctype="lb" id="4"/>Center.',
    ("units12.xlf", "kept"): 'The <g id="1">Evaluation</g> Center.<!-- reviewed -->',
    ("units12.xlf", "extra"): "Good.",
    ("units20.xlf", "moved"): '<pc dataRefEnd="d2" dataRefStart="d1" id="1">CATL</pc> launches a new battery.',
    ("units20.xlf", "added"): 'He said that <ph dataRef="d3" id="3"/>the new energy vehicles are popular.',
    ("units20.xlf", "split"): 'The <sc id="5"/>battery<ec startRef="5"/> is safe.',
    ("units.tmx", "moved"): '<bpt i="1">&lt;b&gt;</bpt>CATL<ept i="1">&lt;/b&gt;</ept> launches a new battery.',
    ("units.tmx", "added"): 'He said that <ph x="3">&lt;br/&gt;</ph>the new energy vehicles are popular.',
}

REFUSED = {
    ("units12.xlf", "unknown"): "{4/} matches no inline code of the unit",
    ("units12.xlf", "unclosed"): "{1} is opened and not closed",
    ("units12.xlf", "crossed"): "{/1} closes while {2} is still open: the pairs cross",
    ("units12.xlf", "twice"): "{3/} is used twice; the unit has it once",
    ("units12.xlf", "dropped"): "the correction leaves out {1} and {/1}, which the source has; "
    "put their labels where the codes belong",
    ("units12.xlf", "marked"): "the target holds <mrk>, which rewriting it around the moved codes would lose; "
    "make this change in the file",
    ("units20.xlf", "unknown"): "{2} and {/2} match no inline code of the unit",
    ("units.tmx", "crossed"): "{/1} closes while {2} is still open: the pairs cross",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(INPUTS, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", ".", "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return tmp_path


def edit(path: Path, corrections: dict[tuple[str, str], str]) -> dict[tuple[str, str], int]:
    """Each correction typed on its segment's TC206 row, marked Apply fix; the row number of each segment's row."""
    change = {
        (file, segment, "TC206"): {"Status": "Apply fix", "Correction": text}
        for (file, segment), text in corrections.items()
    }
    numbers = edit_findings(path, change, every_fixable=False)
    rows = {key[:2]: numbers[key] for key in change if key in numbers}
    assert sorted(rows) == sorted(corrections)
    return rows


def inner(element: etree._Element) -> str:
    """An element's content as XML without namespaces, attributes in name order: what a test can spell out."""
    out = [escape(element.text or "")]
    for child in element:
        if isinstance(child, etree._Comment):
            out.append(f"<!--{child.text}-->")
        else:
            name = etree.QName(child).localname
            attributes = "".join(f' {etree.QName(k).localname}="{v}"' for k, v in sorted(child.attrib.items()))
            content = inner(child)
            out.append(f"<{name}{attributes}>{content}</{name}>" if content else f"<{name}{attributes}/>")
        out.append(escape(child.tail or ""))
    return "".join(out)


def targets(path: Path) -> dict[str, etree._Element]:
    """Each unit's target (<target>, or the English <seg>) by unit id."""
    root = etree.parse(str(path), etree.XMLParser(remove_comments=False)).getroot()
    found = {}
    for unit in root.iter("{*}trans-unit", "{*}unit", "{*}tu"):
        ident = unit.get("id") or unit.get("tuid")
        english = [s for s in unit.iter("{*}target")] or [
            t.find("{*}seg")
            for t in unit.iter("{*}tuv")
            if t.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-US"
        ]
        found[str(ident)] = english[0]
    return found


def test_labels_become_the_units_codes_where_the_editor_put_them(project: Path) -> None:
    rows = edit(project / "r.xlsx", CORRECTIONS)
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    for name in ("units12.xlf", "units20.xlf", "units.tmx"):
        original, written = targets(INPUTS / name), targets(project / "fixed" / name)
        assert sorted(written) == sorted(original)
        for unit, element in written.items():
            expected = WRITTEN.get((name, unit), inner(original[unit]))  # a refused row leaves its unit as it was
            assert inner(element) == expected, (name, unit)
        assert (project / name).read_bytes() == (INPUTS / name).read_bytes()
    lines = result.stderr.splitlines()
    for key, reason in REFUSED.items():
        assert f"skipped row {rows[key]} ({key[0]}, segment {key[1]}): {reason}" in lines, key
    row = rows[("units12.xlf", "extra")]
    assert (
        f"row {row} (units12.xlf, segment extra): {{7/}} removed: the correction leaves it out, and the source "
        "has no such code" in lines
    )
    assert f"{len(WRITTEN)} rows marked Apply fix applied, {len(REFUSED)} skipped, 3 files written" in lines


def test_a_copy_with_the_codes_placed_checks_clean_of_them(project: Path) -> None:
    """The re-check of the copy finds no number "3" where {3/} stood, and no code lost or moved."""
    edit(project / "r.xlsx", CORRECTIONS)
    assert runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"]).exit_code == 0
    for name in ("units12.xlf", "units20.xlf", "units.tmx"):
        again = termcheck.check([str(project / "fixed" / name)], glossary=None)
        applied = {unit for (file, unit) in WRITTEN if file == name}
        found = [(f.segment, f.code, f.found) for f in again.findings if f.segment in applied]
        assert found == [], (name, found)


def test_a_row_refused_for_its_labels_counts_as_skipped_in_the_summary(project: Path) -> None:
    edit(project / "r.xlsx", CORRECTIONS)
    result = runner.invoke(app, ["review", "summary", "r.xlsx", "--format", "json"])
    assert result.exit_code == 0, result.output
    planned = len(REFUSED) - 1  # the <mrk> unit is refused only when its copy is written
    assert json.loads(result.stdout)["fixes"] == {"applicable": len(CORRECTIONS) - planned, "skipped": planned}


def test_in_plain_text_a_label_is_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "doc.tsv").write_text("id\tsource\ttarget\n1\t点击{1}。\tClick {1}。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", ".", "--no-config", "--xlsx", "r.xlsx", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    edit(tmp_path / "r.xlsx", {("doc.tsv", "1"): "Click {2} here {1}."})
    result = runner.invoke(app, ["review", "apply", "r.xlsx", "--write-fixed", "fixed"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fixed" / "doc.tsv").read_text(encoding="utf-8").splitlines()[
        1
    ] == "1\t点击{1}。\tClick {2} here {1}."


G_OPEN, G_CLOSE, X3 = (
    InlineCode("open", "1", 0, "g"),
    InlineCode("close", "1", 4, "g"),
    InlineCode("standalone", "3", 5, "x"),
)


@pytest.mark.parametrize(
    ("correction", "source", "placed"),
    [
        # a {0} the unit already holds as text is text; the labels around it are codes
        ("{1}Open{/1} {0} files", "打开{0}个文件", ("Open {0} files", [("open", 0), ("close", 4)])),
        ("{1}Open{/1}{3/} now", None, ("Open now", [("open", 0), ("close", 4), ("standalone", 4)])),
    ],
)
def test_labels_are_read_as_codes_and_placeholders_as_text(
    correction: str, source: str | None, placed: tuple[str, list[tuple[str, int]]]
) -> None:
    segment = Segment("1", source, "Open {0} files", "f.xlf", 1, (), (G_OPEN, G_CLOSE, X3))
    result = place_labels(correction, segment)
    assert (result.text, [(c.kind, c.offset) for c in result.codes]) == placed


@pytest.mark.parametrize(
    ("correction", "source", "reason"),
    [
        ("{/1}Open{1}{3/} files", "打开文件", "{/1} closes a code that is not open ({1} comes first)"),
        ("{1}Open{/1} files", None, "the correction leaves out {3/}, and no source says the target can do without"),
        ("{1}Open{/1} {2/}files{3/}", "打开文件", "{2/} matches no inline code of the unit"),
    ],
)
def test_labels_that_cannot_be_placed_say_why(correction: str, source: str | None, reason: str) -> None:
    segment = Segment("1", source, "Open files", "f.xlf", 1, (), (G_OPEN, G_CLOSE, X3))
    with pytest.raises(CorrectionRefused) as refused:
        place_labels(correction, segment)
    assert str(refused.value).startswith(reason)
