"""The Chinese number reader of the native core (native/src/numbers.rs) against the Python reference.

Where the core covers a text (its codes, the ordinary reader and the readers the core has) its quantities
must equal `_chinese_quantities_python`'s; elsewhere it leaves the text to Python. Compared on generated number-ish
text (digits, Chinese numerals, 万/亿, measure words, dates, percentages, ranges) and on every Chinese text
of the corpora in ../shared/data where it is there.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from conftest import ROOT, native_installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.core import native
from termcheck.numbers.chinese import _chinese_quantities_python, _native_reader, chinese_quantities

pytestmark = pytest.mark.skipif(
    not native_installed(), reason="the native core is not installed (pip install ./native)"
)
SHARED = ROOT.parent / "shared" / "data"

PIECES = [
    *"0123456789", *"〇零一二两三四五六七八九十百千万亿廿壹贰", "1,500", "25 000", "3亿", "-", "–", "~", "至", "到",
    "、", "和", "及", "与", " ", "\u3000", "，", "。", "个", "人", "名", "位", "岁", "天", "日", "号", "月", "次",
    "家", "公里", "千克", "吨", "%", "％", "多", "余", "来", "几", "数", "上", "第", "百分之", "千分之", "万分之",
    "增长", "提高了", "十分", "万一", "一些", "千万不要", "之一", "1、2月", "4月、5月及8月", "十多", "十几", "一两",
    "三五", "一万六七千", "x", "A-", "的", "有", "约", "3.5", "12.8", "1.2万", "2022.02", "02.2022",
    # clocks, weekdays, tenths, generations and short years
    "点", "时", "上午", "晚上", "中午", "凌晨", "差", "分", "一刻", "三刻", "10:30", "：", "星期", "周", "礼拜",
    "成", "折", "八五折", "后", "九〇后", "00后", "年", "08年", "共识", "年代",
    # codes and phone numbers
    "COVID-19", "5G", "H7N9", "2.3.1", "010-6523 4567", "13812345678", "14 000-230 000", "25000-68000", "Win11",
    "9" * 35,
]  # fmt: skip
# the cues of the readers the core leaves to Python (fractions, halves, currencies, codes…): rarer
CUES = ["半", "倍", "米", "元", "美元", "块", "分之", "每", "季", "节", "/"]
texts = st.lists(st.sampled_from(PIECES * 6 + CUES), max_size=20).map("".join)


def _under_native(monkeypatch: pytest.MonkeyPatch) -> native.NativeCore:
    monkeypatch.setenv(native.ENGINE_VARIABLE, "native")
    native.reset()
    core = native.native_core()
    assert core is not None
    return core


def _core_reader(monkeypatch: pytest.MonkeyPatch) -> native.ChineseNumberReader:
    reader = _native_reader(_under_native(monkeypatch))
    assert reader is not None, "the installed core has no Chinese number reader: reinstall ./native"
    return reader


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_native_reader_equals_python(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _under_native(monkeypatch)
    # repr: 180 is not 180.0 in a report
    assert repr(chinese_quantities(text)) == repr(tuple(_chinese_quantities_python(text)))


def test_generated_texts_are_mostly_covered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most generated texts are read by the core itself, so the property test above tests it."""
    reader = _core_reader(monkeypatch)
    rng = random.Random(3)
    sample = ["".join(rng.choices(PIECES * 6 + CUES, k=rng.randint(0, 20))) for _ in range(300)]
    assert sum(reader.quantities(text) is not None for text in sample) > len(sample) / 3


def _corpus_texts() -> Iterator[str]:
    tico = SHARED / "tico19-zhen" / "derived" / "segments.tsv"
    for line in tico.read_text(encoding="utf-8").splitlines()[1:]:
        yield line.split("\t")[2]
    for name in ("mqm-wmt23-zhen-dev", "mqm-ted-zhen", "mqm-fresh-zhen-dev"):
        with (SHARED / name / "segments.jsonl").open(encoding="utf-8") as rows:
            yield from (json.loads(row)["source"] for row in rows)
    with (SHARED / "wmt25-term-zhen-dev" / "paragraphs.jsonl").open(encoding="utf-8") as rows:
        yield from (json.loads(row)["zh"] for row in rows)


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared/data beside the checkout")
def test_native_reader_equals_python_on_real_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _core_reader(monkeypatch)
    texts = sorted(set(_corpus_texts()))
    covered = 0
    for text in texts:
        covered += reader.quantities(text) is not None
        assert repr(chinese_quantities(text)) == repr(tuple(_chinese_quantities_python(text))), text
    assert covered > len(texts) / 3


def test_the_reader_is_built_from_pythons_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _core_reader(monkeypatch)
    assert reader.quantities("约3至5万人") is not None
    assert reader.quantities("5G网络") == [(0.0, 0, 2, 8, True, None, [], False)]  # a code
    assert reader.quantities("80年代") is None  # another reader's cue
    assert reader.quantities("没有数字") == []
