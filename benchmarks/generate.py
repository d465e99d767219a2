"""Generate benchmark data: bilingual segments and glossaries of any size, built from TICO-19 zh→en.

Segments are real TICO-19 sentence pairs (../shared/data/tico19-zhen, CC0), drawn at random and
varied so that a million of them are not a million copies: numbers are renumbered (now and then only
on one side, so the number checks have work), an English word is dropped or doubled, a glossary
term is swapped for a deprecated variant, or a Chinese phrase is left untranslated.

Glossaries start from TICO-19's own 555 concepts (the terms that occur in the text) and are filled
up to the asked size with made-up concepts: Chinese terms are character n-grams of the corpus that
are rarer than the real terms, English terms are word n-grams of the corpus, one in five has a
deprecated variant. So a big glossary behaves like a real one: most of its terms are absent from
any given segment, but their words are everywhere in the text.

    python benchmarks/generate.py --segments 1000000 --concepts 10000 --out /tmp/tc-bench
    → /tmp/tc-bench/segments-1000000.tsv and /tmp/tc-bench/glossary-10000.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

SHARED = Path(__file__).resolve().parents[2] / "shared"
TICO = Path("data") / "tico19-zhen" / "derived"
NUMBER = re.compile(r"\d+")
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def load_tico(shared: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """TICO-19's (zh, en) segments and (zh, en) glossary entries."""
    folder = shared / TICO
    if not folder.exists():
        sys.exit(f"no TICO-19 data at {folder}: pass --shared")
    with open(folder / "segments.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    segments = [(r["zh"], r["en"]) for r in rows if r["zh"].strip() and r["en"].strip()]
    with open(folder / "glossary_zh_en.csv", encoding="utf-8", newline="") as handle:
        terms = [(r["zh"], r["en"]) for r in csv.DictReader(handle)]
    return segments, terms


def make_glossary(
    size: int, segments: list[tuple[str, str]], real: list[tuple[str, str]], rng: random.Random
) -> list[dict[str, str]]:
    """`size` concepts: the real ones first (as many as fit), then made-up ones."""
    rows: list[dict[str, str]] = []
    seen_zh: set[str] = set()
    for zh, en in real[:size]:
        if zh not in seen_zh:
            seen_zh.add(zh)
            rows.append({"id": f"T{len(rows) + 1}", "zh": zh, "en": en, "en_deprecated": "", "note": "tico19"})
    # English terms are word n-grams of the corpus (no stop words), each used by one concept only
    sentences = [re.findall(r"[a-z]+", en.lower()) for _, en in segments]
    chars = [c for zh, _ in segments for c in zh if "\u4e00" <= c <= "\u9fff"]
    seen_en = {en.lower() for en in (r["en"] for r in rows)}

    def english() -> str:
        longest = 3
        for attempt in range(10**9):
            if attempt and attempt % 10_000 == 0:
                longest += 1  # the corpus's short n-grams are used up: allow longer ones
            words = rng.choice(sentences)
            n = rng.randint(1, longest)
            if len(words) < n:
                continue
            i = rng.randrange(len(words) - n + 1)
            phrase = words[i : i + n]
            text = " ".join(phrase)
            if all(len(w) > 3 and w not in STOP_WORDS for w in phrase) and text not in seen_en:
                seen_en.add(text)
                return text
        raise AssertionError("unreachable")

    while len(rows) < size:
        # a made-up Chinese term of 4-6 characters drawn by corpus frequency: almost never in the text
        zh = "".join(rng.choice(chars) for _ in range(rng.randint(4, 6)))
        if zh in seen_zh:
            continue
        seen_zh.add(zh)
        en = english()
        deprecated = english() if rng.random() < 0.2 else ""
        rows.append({"id": f"G{len(rows) + 1}", "zh": zh, "en": en, "en_deprecated": deprecated, "note": "synthetic"})
    return rows


def vary(zh: str, en: str, glossary: list[dict[str, str]], rng: random.Random) -> tuple[str, str]:
    """One realistic variation of a segment pair (most are renumbered only)."""
    roll = rng.random()
    if NUMBER.search(zh) and NUMBER.search(en):
        shift = rng.randint(1, 900)
        zh = NUMBER.sub(lambda m: str(int(m.group()) + shift), zh)
        if roll < 0.97:  # now and then the English keeps the old numbers: TC202/TC203 findings
            en = NUMBER.sub(lambda m: str(int(m.group()) + shift), en)
    words = en.split(" ")
    if roll < 0.03 and len(words) > 3:
        i = rng.randrange(len(words))
        words.insert(i, words[i])  # doubled word
    elif roll < 0.06 and len(words) > 3:
        del words[rng.randrange(len(words))]
    en = " ".join(words)
    if 0.06 <= roll < 0.10:
        concept = rng.choice(glossary)
        if concept["en_deprecated"]:
            zh += concept["zh"]
            en += f" {concept['en_deprecated']}"
    elif 0.10 <= roll < 0.11 and (han := HAN.search(zh)):
        en += f" {han.group()}"  # left untranslated
    return zh, en


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=0, help="segment pairs to write (0: none)")
    parser.add_argument("--concepts", type=int, default=0, help="glossary concepts to write (0: none)")
    parser.add_argument("--out", required=True, help="folder for the files")
    parser.add_argument("--shared", default=str(SHARED))
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    segments, real = load_tico(Path(args.shared))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # glossaries of one seed are prefixes of each other, so the deprecated terms the segments carry
    # (drawn from the first 2,000 concepts) are in every glossary of 2,000 concepts or more
    injected = make_glossary(2000, segments, real, random.Random(args.seed))
    if args.concepts:
        glossary = make_glossary(args.concepts, segments, real, random.Random(args.seed))
        path = out / f"glossary-{args.concepts}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["id", "zh", "en", "en_deprecated", "note"])
            writer.writeheader()
            writer.writerows(glossary)
        print(path)
    if args.segments:
        path = out / f"segments-{args.segments}.tsv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            rows = csv.writer(handle, delimiter="\t", lineterminator="\n")
            rows.writerow(["id", "zh", "en"])
            for n in range(args.segments):
                rows.writerow([f"s{n}", *vary(*rng.choice(segments), injected, rng)])
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
