"""Parity fixtures for errata's SliceLine against the `sliceline` package (0.3.x).

Run with sliceline installed (`pip install 'sliceline==0.3.*'`):

    python make_fixtures.py

Each fixture holds integer-coded features (one list per feature, codes 0..levels-1), the
per-row errors, the search parameters, and sliceline's top slices as item indices (the
column of scikit-learn's one-hot encoding: feature offset + code) with their statistics.
errata's test runs its own search on the same codes and errors and compares.
"""
import json
import re
from pathlib import Path

import numpy as np
from importlib.metadata import version
from sliceline import Slicefinder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]


def run(name, codes, errors, alpha, k, max_l, min_sup):
    X = np.column_stack(codes)
    levels = [int(max(c)) + 1 for c in codes]
    for c, l in zip(codes, levels):
        assert sorted(set(c)) == list(range(l)), "every code of a feature must occur"
    finder = Slicefinder(alpha=alpha, k=k, max_l=max_l, min_sup=min_sup, verbose=False)
    finder.fit(X, np.asarray(errors, dtype=float))
    offsets = np.concatenate([[0], np.cumsum(levels)[:-1]])
    top = []
    for slice_, stats in zip(finder.top_slices_, finder.top_slices_statistics_):
        items = [int(offsets[f] + int(v)) for f, v in enumerate(slice_) if v is not None]
        top.append({"items": items, "score": stats["slice_score"], "size": int(stats["slice_size"]),
                    "error_sum": stats["sum_slice_error"], "max_error": stats["max_slice_error"]})
    # errata prunes against the k-th score only once k slices are known (the paper);
    # sliceline prunes against the worst of fewer. They agree when k single predicates
    # score above 0, which every fixture checks.
    onehot = np.concatenate([np.eye(l)[c] for c, l in zip(codes, levels)], axis=1)
    sizes, sums = onehot.sum(axis=0), np.asarray(errors) @ onehot
    mean = float(np.mean(errors))
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = alpha * ((sums / sizes) / mean - 1) - (1 - alpha) * (len(errors) / sizes - 1)
    print(name, "positive singles", np.sum((sizes >= min_sup) & (scores > 0)))
    assert np.sum((sizes >= min_sup) & (scores > 0)) >= k, f"{name}: fewer than k single predicates score above 0"
    fixture = {"name": name, "sliceline": version("sliceline"),
               "numpy": np.__version__, "alpha": alpha, "k": k, "max_l": max_l, "min_sup": min_sup,
               "levels": levels, "codes": [list(map(int, c)) for c in codes],
               "errors": [float(e) for e in errors], "top": top}
    (HERE / f"{name}.json").write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(name, len(top), "slices; best", top[0]["score"] if top else None)


def equal_frequency(values, bins=5):
    """errata's rule: edges at the values of ranks n*i/bins, above the minimum, increasing."""
    ordered = sorted(values)
    edges = []
    for i in range(1, bins):
        edge = ordered[len(ordered) * i // bins]
        if edge > ordered[0] and (not edges or edge > edges[-1]):
            edges.append(edge)
    return [sum(v >= e for e in edges) for v in values]


def rotten_tomatoes():
    data = ROOT / "Datasets" / "rotten-tomatoes"
    rows = [json.loads(l) for l in (data / "test.jsonl").read_text().splitlines()]
    predicted = {}
    for line in (data / "predictions.jsonl").read_text().splitlines():
        p = json.loads(line)
        if p["system"] == "bow":
            predicted[p["id"]] = p["output"]
    errors = [0.0 if predicted[r["id"]] == r["label"] else 1.0 for r in rows]
    texts = [r["text"] for r in rows]
    has_plot = [1 if r["has_plot"] else 0 for r in rows]
    length = equal_frequency([len(t) for t in texts])
    tokens = equal_frequency([len(t.split()) for t in texts])
    counts = {}
    for r in rows:
        counts[r["movie"]] = counts.get(r["movie"], 0) + 1
    frequent = sorted((m for m, c in counts.items() if c >= 20), key=lambda m: (-counts[m], m))
    movie = [frequent.index(r["movie"]) if r["movie"] in frequent else len(frequent) for r in rows]
    words = []
    for w in ["not", "but", "film", "movie", "too", "funny", "good", "story"]:
        words.append([1 if re.search(rf"\b{w}\b", t, re.I) else 0 for t in texts])
    codes = [has_plot, length, tokens, movie] + words
    run("rotten-tomatoes-bow", codes, errors, alpha=0.95, k=5, max_l=3, min_sup=30)
    run("rotten-tomatoes-bow-small", codes, errors, alpha=0.99, k=8, max_l=2, min_sup=15)


def planted():
    rng = np.random.default_rng(20260312)
    n = 6000
    levels = [2, 3, 4, 5, 6, 3, 2, 4]
    codes = [rng.integers(0, l, n) for l in levels]
    rate = np.full(n, 0.08)
    rate[(codes[0] == 1) & (codes[2] == 3)] = 0.45           # about 750 rows
    rate[(codes[3] == 4) & (codes[4] == 0) & (codes[1] == 2)] = 0.7   # about 66 rows
    rate[codes[5] == 0] += 0.1                               # about 2000 rows, mild
    errors = (rng.random(n) < rate).astype(float)
    run("planted-binary", codes, errors, alpha=0.95, k=4, max_l=3, min_sup=30)
    graded = np.clip(rate + rng.normal(0, 0.1, n), 0, None)
    run("planted-graded", codes, graded, alpha=0.98, k=3, max_l=3, min_sup=20)


if __name__ == "__main__":
    rotten_tomatoes()
    planted()
