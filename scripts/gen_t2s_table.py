"""Regenerate termcheck/data/t2s_chars.txt from OpenCC's TSCharacters.txt (Apache-2.0).

Only one-to-one character pairs are kept, so folding never changes a string's length
and match offsets stay valid. Run: pip install opencc-python-reimplemented; python scripts/gen_t2s_table.py
"""

from pathlib import Path

import opencc  # type: ignore[import-untyped]

source = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
target = Path(__file__).resolve().parent.parent / "termcheck" / "data" / "t2s_chars.txt"
pairs = []
for line in source.read_text(encoding="utf-8").splitlines():
    traditional, simplified = line.split("\t")
    simplified = simplified.split(" ")[0]
    if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
        pairs.append(traditional + simplified)
target.write_text("".join(p + "\n" for p in pairs), encoding="utf-8")
print(f"{len(pairs)} pairs -> {target}")
