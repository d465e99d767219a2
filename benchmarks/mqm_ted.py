"""False alarms and recall of termcheck's TC2xx checks on MQM-rated zh→en TED MT.

Reads ../shared/data/mqm-ted-zhen/segments.jsonl: 529 Chinese TED segments, each translated by 13 MT
systems (the two human references are left out, as realdata.py does), every output annotated with MQM
error spans by professional raters (Freitag et al. 2021, Apache-2.0). Definitions in benchmarks/mqm.py.

    python benchmarks/mqm_ted.py [--examples CODE [--all]]
"""

from __future__ import annotations

import sys

from mqm import main

if __name__ == "__main__":
    sys.exit(main("mqm-ted-zhen", "TED MQM (WMT21 zh-en)", lambda row: row["system"] not in ("ref", "refB")))
