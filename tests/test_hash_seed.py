"""A run's output does not depend on PYTHONHASHSEED: no set's iteration order reaches a report.

Each run is a subprocess with its own hash seed. The glossary has two concepts that differ only in case
(COVID-19 and covid-19, as TICO-19's has), which both match the same source text, and one Chinese
term in two concepts (冠状病毒): which concept a finding names, its id and its message must be the same
in every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GLOSSARY_ROWS = ["zh,en", "COVID-19,COVID-19", "covid-19,covid-19", "冠状病毒,coronavirus", "冠状病毒,corona virus"]
GLOSSARY = "\n".join([*GLOSSARY_ROWS, "新冠肺炎,COVID-19", ""])
SEGMENTS = (
    "id\tzh\ten\n"
    "1\tCOVID-19疫情仍在继续。\tThe epidemic continues.\n"
    "2\t冠状病毒传播很快。\tThe virus spreads fast.\n"
    "3\t新冠肺炎和COVID-19是一回事。\tThey are the same thing.\n"
    "4\tcovid-19的冠状病毒\tcorona virus and Covid-19\n"
    "5\t冠状病毒传播很快。\tThe coronavirus spreads fast.\n"
)
SEEDS = ("1", "2", "3", "4")  # before the fix, seeds 1, 2 and 3 gave three different reports


def _run(folder: Path, seed: str, output_format: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "termcheck", "check", str(folder / "s.tsv"), "-g", str(folder / "g.csv")]
    result = subprocess.run(
        [*command, "--format", output_format], cwd=ROOT, env=env, capture_output=True, check=False, timeout=120
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    return result.stdout


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_reports_are_byte_identical_whatever_the_hash_seed(tmp_path: Path, output_format: str) -> None:
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "s.tsv").write_text(SEGMENTS, encoding="utf-8")
    reports = {seed: _run(tmp_path, seed, output_format) for seed in SEEDS}
    assert b"COVID-19" in reports["1"]
    assert len(set(reports.values())) == 1, {seed: report.decode()[:2000] for seed, report in reports.items()}
