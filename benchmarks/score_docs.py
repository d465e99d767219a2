"""`termcheck score` on long documents: ten JSONL documents of 2,000–3,000 words each with a reference,
the WMT 2025 terminology task's shape (issue 22's target: all three metrics and the term rates in < 30 s).

Generated: documents are built from TICO-19 (CC0) sentence pairs, 1–4 sentences to a line, and the "MT"
is the reference roughly rewritten (words replaced, dropped and moved, as MT differs from a human
translation: TER near 40), so TER has real work. The glossary is TICO-19's own.

`--real` scores the WMT25 dev year 2016 instead (Erlendur, noterm: ten documents of 475–2,144 words;
CC BY-NC 4.0, read from ../shared and never copied).

    python benchmarks/score_docs.py [--shared ../shared] [--real] [--ter-max-words N] [--metrics bleu,chrf,ter]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SHARED, load_tico

WMT25 = Path("data") / "wmt25-term-zhen-dev" / "raw"


def rewrite(words: list[str], vocabulary: list[str], rng: random.Random) -> list[str]:
    """A reference sentence made MT-like: 15% of words replaced, 5% dropped, and a few spans moved."""
    out = [rng.choice(vocabulary) if rng.random() < 0.15 else w for w in words if rng.random() >= 0.05]
    for _ in range(len(out) // 15):
        if len(out) < 8:
            break
        start = rng.randrange(len(out) - 3)
        span = out[start : start + rng.randint(2, 3)]
        del out[start : start + len(span)]
        at = min(len(out), max(0, start + rng.randint(-8, 8)))
        out[at:at] = span
    return out


def generated(folder: Path, shared: Path, documents: int, seed: int) -> tuple[Path, Path, Path, Path]:
    rng = random.Random(seed)
    segments, terms = load_tico(shared)
    vocabulary = [w for _, en in segments[:2000] for w in en.split()]
    rows = []
    for _ in range(documents):
        target_words = rng.randint(2000, 3000)
        zh_lines, mt_lines, ref_lines, words = [], [], [], 0
        while words < target_words:
            picked = [rng.choice(segments) for _ in range(rng.randint(1, 4))]
            zh_lines.append("".join(zh for zh, _ in picked))
            ref = " ".join(en for _, en in picked)
            ref_lines.append(ref)
            mt_lines.append(" ".join(rewrite(ref.split(), vocabulary, rng)))
            words += len(ref.split())
        rows.append(("\n".join(zh_lines), "\n".join(mt_lines), "\n".join(ref_lines)))
    return _write(folder, rows, {zh: [en] for zh, en in terms})


def real(folder: Path, shared: Path) -> tuple[Path, Path, Path, Path]:
    base = shared / WMT25
    references = [json.loads(line) for line in (base / "references" / "full_data_2016.jsonl").open(encoding="utf-8")]
    systems = base / "submissions" / "Erlendur" / "Erlendur.2016.zhen.noterm.jsonl"
    outputs = [json.loads(line) for line in systems.open(encoding="utf-8")]
    glossary: dict[str, list[str]] = {}
    for document in references:
        for zh, forms in document["proper"].items():
            glossary.setdefault(zh, []).extend(f for f in forms if f not in glossary[zh])
    rows = [(r["zh"], o["en"], r["en"]) for r, o in zip(references, outputs, strict=True)]
    return _write(folder, rows, glossary)


def _write(folder: Path, rows: list[tuple[str, str, str]], glossary: dict[str, list[str]]) -> tuple[Path, ...]:
    paths = [folder / name for name in ("src.jsonl", "mt.jsonl", "ref.jsonl", "glossary.csv")]
    for path, column, key in zip(paths[:3], range(3), ("zh", "en", "en"), strict=True):
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps({key: row[column]}, ensure_ascii=False) + "\n")
    with paths[3].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["zh", "en", "en_admitted"])
        for zh, forms in glossary.items():
            if zh.strip() and forms:
                writer.writerow([zh, forms[0], "|".join(forms[1:])])
    words = [len(row[2].split()) for row in rows]
    print(
        f"{len(rows)} documents of {min(words)}–{max(words)} words, {len(glossary)} glossary entries", file=sys.stderr
    )
    return tuple(paths)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(SHARED))
    parser.add_argument("--real", action="store_true", help="the WMT25 dev year 2016 instead of generated documents")
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--metrics", default="bleu,chrf,ter")
    parser.add_argument("--ter-max-words", default="100")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shared = Path(args.shared)
        src, mt, ref, glossary = (
            real(folder, shared) if args.real else generated(folder, shared, args.documents, args.seed)
        )
        command = ["termcheck", "score", "--source", str(src), "--target", str(mt), "-r", str(ref), "-g", str(glossary)]
        command += ["--metrics", args.metrics, "--ter-max-words", args.ter_max_words]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    print(f"termcheck score: {elapsed:.1f} s (exit {done.returncode})")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
