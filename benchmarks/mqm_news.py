"""False alarms and recall of termcheck's TC2xx checks on MQM-rated zh→en news MT.

Reads ../shared/data/mqm-wmt23-zhen-dev/segments.jsonl: 15 Chinese news articles (WMT23 general task),
each translated by 10 MT systems and rated by three professional raters with MQM error spans (Apache-2.0).
Definitions in benchmarks/mqm.py (the same as ../shared/tools/realdata.py).

    python benchmarks/mqm_news.py [--examples CODE [--all]]
"""

from __future__ import annotations

import sys

from mqm import main

if __name__ == "__main__":
    sys.exit(main("mqm-wmt23-zhen-dev", "news MQM (WMT23 zh-en dev)"))
