"""Lines and columns of findings in XLIFF and TMX: the <target>'s line (the <source>'s for a finding in the
source), and the exact column of the first character of what a finding points at, where it can be known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from xlsx_helpers import GLOSSARY

from termcheck import check
from termcheck.core.places import place
from termcheck.readers import open_document
from termcheck.writers.github import annotation

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.html" source-language="zh-CN" target-language="en" datatype="html"><body>
    <trans-unit id="1">
      <source>该药用于<x id="1"/>激素治疗失败的患者。</source>
      <target>The drug &amp; its use in hormone therapy failure.</target>
    </trans-unit>
  </body></file>
</xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="1">
      <segment>
        <source>该药用于<ph id="1"/>激素治疗失败的患者。</source>
        <target>The drug &amp; its use in hormone therapy failure.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
  <tu tuid="1">
    <tuv xml:lang="zh-CN">
      <seg>该药用于<ph x="1"/>激素治疗失败的患者。</seg>
    </tuv>
    <tuv xml:lang="en">
      <seg>The drug &amp; its use in hormone therapy failure.</seg>
    </tuv>
  </tu>
</body></tmx>
"""


def _line_and_column(text: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize(("name", "content"), [("a.xlf", XLIFF12), ("b.xlf", XLIFF20), ("c.tmx", TMX)])
def test_findings_point_at_the_target_or_the_source_and_the_column_of_their_text(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = check([str(path)], glossary=GLOSSARY, select=["TC101", "TC218"])
    by_code = {f.code: f for f in report.findings}
    term = by_code["TC101"]
    assert (term.line, term.column) == _line_and_column(content, "hormone therapy failure")
    assert term.end_column == term.column + len("hormone therapy failure")
    lost = by_code["TC218"]  # the code the target lost: in the source, before 激素
    assert lost.source_span is not None and lost.target_span is None
    assert (lost.line, lost.column) == _line_and_column(content, "激素治疗失败")
    rendered = annotation(term, with_columns=False)
    line, column = _line_and_column(content, "hormone therapy failure")
    assert f"line={line},col={column},endColumn={column + 23}," in rendered


def test_sarif_and_json_carry_the_column(tmp_path: Path) -> None:
    from termcheck.writers import get_writer

    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    report = check([str(path)], glossary=GLOSSARY, select=["TC101"])
    line, column = _line_and_column(XLIFF12, "hormone therapy failure")
    streams = {}
    for fmt in ("sarif", "json"):
        import io

        streams[fmt] = io.StringIO()
        get_writer(fmt).write(report, streams[fmt])
    sarif = json.loads(streams["sarif"].getvalue())
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line, "startColumn": column, "endColumn": column + 23}
    finding = json.loads(streams["json"].getvalue())["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"]) == (line, column, column + 23)


TRICKY = """<?xml version="1.0" encoding="{encoding}"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="zh-CN" target-language="en" datatype="html"><body>
<trans-unit id="1"><source>点<ph id="1">&lt;b&gt;</ph>Save</source><target>A &amp; <ph id="1">&lt;b&gt;</ph>S</target>
</trans-unit>
    <trans-unit id="2">
      <source>第一行</source>
      <target state="translated">First line,
   second <g id="3">line &#x4E2D; &#20013;</g><![CDATA[ <cd> ]]>end&apos;s<x id="4"/>Next</target>
    </trans-unit>
    <trans-unit id="3"><source>第三</source><target>Third 中文 text</target></trans-unit>
  </body></file>
</xliff>
"""


@pytest.mark.parametrize(("encoding", "bom"), [("UTF-8", b""), ("GB18030", b""), ("UTF-16", b"\xff\xfe")])
def test_every_placed_character_is_where_the_file_has_it(tmp_path: Path, encoding: str, bom: bytes) -> None:
    """Entities, character references, CDATA, inline codes, text over several lines, other encodings: each
    character given a place is at that line and column of the file (a reference there stands for it)."""
    content = TRICKY.format(encoding=encoding)
    path = tmp_path / "t.xlf"
    codec = "utf-16-le" if bom else encoding
    path.write_bytes(bom + content.replace("\n", "\r\n").encode(codec))
    lines = content.splitlines()
    placed = 0
    for segment in open_document(str(path)).read():
        for side, places in ((segment.target, segment.target_places), (segment.source, segment.source_places)):
            assert places, segment.id
            for offset, char in enumerate(side or ""):
                found = place(places, offset)
                if found is None:
                    assert char in " \n", (segment.id, offset, char)  # a code's space, a line's end
                    continue
                line, column = found
                at = lines[line - 1][column - 1 :] or "\n"  # a line break is at the end of its line
                assert at.startswith(char) or (at.startswith("&") and char in "&<>'中"), (segment.id, offset)
                placed += 1
    assert placed > 60


def test_where_the_place_is_not_sure_there_is_a_line_and_no_column(tmp_path: Path) -> None:
    """A start tag over two lines (its line is where it ends), and two targets alike on one line."""
    path = tmp_path / "a.xlf"
    path.write_text(
        XLIFF12.replace("<target>", '<target\n        state="translated">').replace(
            '<trans-unit id="1">',
            '<trans-unit id="0"><source>激素治疗失败</source><target>X</target></trans-unit>'
            '<trans-unit id="9"><source>激素治疗失败</source><target>X</target></trans-unit><trans-unit id="1">',
        ),
        encoding="utf-8",
    )
    segments = {s.id: s for s in open_document(str(path)).read()}
    assert segments["0"].target_places == segments["9"].target_places == ()
    assert segments["0"].source_places == segments["9"].source_places == ()
    report = check([str(path)], glossary=GLOSSARY, select=["TC101"])
    term = next(f for f in report.findings if f.segment == "1")
    assert term.line == 7 and term.column == 0  # the line the start tag ends on
    assert "col=" not in annotation(term, with_columns=False)
