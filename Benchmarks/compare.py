#!/usr/bin/env python3
"""The pandas and sacrebleu side of errata's benchmarks.

Runs on one file the same workloads as `errata-bench run` and prints the same JSON shape:
load (pd.read_csv, or pd.read_json(lines=True) for JSON Lines), resident memory, the slices
as boolean masks, accuracy per genre with groupby, and for generation files corpus chrF and
BLEU with sacrebleu. Median and minimum of --repeat runs after one warm-up run.

Usage: compare.py --file F [--kind classification|generation] [--repeat K] [--warmup 0|1]
"""

import argparse
import csv
import json
import statistics
import sys
import time

try:
    import pandas as pd
    import sacrebleu
except ImportError as error:
    sys.exit(f"compare.py needs pandas and sacrebleu ({error}): pip install pandas sacrebleu==2.6.0")


def memory():
    """Resident memory now and its peak so far, in MB, from /proc/self/status."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", float("nan")), fields.get("VmHWM", float("nan"))


WARMUP = 1


def time_runs(repeats, body, warm_up=True):
    """Wall-clock timing of `repeats` calls of `body`, after WARMUP untimed calls unless the
    caller has made them; returns (timing, last result)."""
    result = None
    for _ in range(WARMUP if warm_up else 0):
        result = body()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        result = body()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples), "runs": repeats}, result


def reader(path):
    """How a pandas user reads each file: defaults for CSV and JSON Lines; TSV without quoting,
    as errata reads TSV."""
    if path.endswith(".jsonl"):
        return lambda: pd.read_json(path, lines=True)
    if path.endswith(".tsv"):
        return lambda: pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE)
    return lambda: pd.read_csv(path)


# The same slices as Workloads.swift, by the same names, as boolean masks.
CLASSIFICATION_SLICES = [
    ("genre_eq", 'genre == "g3"', lambda df: df.genre == "g3"),
    ("year_and_genre_in", 'year > 2010 and genre in ["g1", "g2"]',
     lambda df: (df.year > 2010) & df.genre.isin(["g1", "g2"])),
    ("text_length", "length(text) > 80", lambda df: df.text.str.len() > 80),
    ("correct_not_correct", "correct(a) and not correct(b)",
     lambda df: (df.pred_a == df.gold) & ~(df.pred_b == df.gold)),
    ("text_contains", 'text contains "river"', lambda df: df.text.str.contains("river", regex=False)),
]

GENERATION_SLICES = [
    ("domain_eq", 'domain == "legal"', lambda df: df.domain == "legal"),
    ("reference_length", "length(reference) > 80", lambda df: df.reference.str.len() > 80),
    ("reference_contains", 'reference contains "river"', lambda df: df.reference.str.contains("river", regex=False)),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", required=True)
    parser.add_argument("--kind", choices=["classification", "generation"], default="classification")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones (0 or 1)")
    args = parser.parse_args()
    global WARMUP
    WARMUP = args.warmup

    read = reader(args.file)
    rss_before, _ = memory()
    df = read()
    rss_after, peak_after = memory()
    load, _ = time_runs(args.repeat, read, warm_up=False)

    slices = []
    for name, expression, mask in CLASSIFICATION_SLICES if args.kind == "classification" else GENERATION_SLICES:
        timing, rows = time_runs(args.repeat, lambda: mask(df))
        slices.append({"name": name, "expression": expression, "count": int(rows.sum()), "timing": timing})

    report = {
        "tool": "pandas",
        "file": args.file,
        "kind": args.kind,
        "rows": len(df),
        "threads": 1,
        "load": load,
        "memory": {
            "rss_before_mb": rss_before,
            "rss_after_load_mb": rss_after,
            "peak_after_load_mb": peak_after,
            "dataset_mb": df.memory_usage(deep=True).sum() / 2**20,
        },
        "slices": slices,
        "grouped": grouped_accuracy(df, args.repeat) if args.kind == "classification" else None,
        "corpus": corpus_scores(df, args.repeat) if args.kind == "generation" else [],
    }
    json.dump(report, sys.stdout, indent=2, sort_keys=True)
    print()


def grouped_accuracy(df, repeats):
    """Accuracy of system a per genre: from the predictions (correctness computed each run,
    as errata's from-scratch figure) and from a precomputed correctness column (as errata's
    cached statistics)."""
    from_scratch, groups = time_runs(repeats, lambda: (df.pred_a == df.gold).groupby(df.genre).mean())
    with_correct = df.assign(correct_a=(df.pred_a == df.gold))
    cached, _ = time_runs(repeats, lambda: with_correct.groupby("genre")["correct_a"].mean())
    return {
        "metric": "accuracy", "system": "a", "by": "genre",
        "groups": {str(k): float(v) for k, v in groups.items()},
        "cached": cached, "from_scratch": from_scratch,
    }


def corpus_scores(df, repeats):
    """Corpus chrF and BLEU of system a over every row, with sacrebleu's defaults."""
    hypotheses, references = df.hyp_a.astype(str).tolist(), [df.reference.astype(str).tolist()]
    results = []
    for name, score in (("chrf", sacrebleu.corpus_chrf), ("bleu", sacrebleu.corpus_bleu)):
        timing, value = time_runs(repeats, lambda: score(hypotheses, references).score)
        results.append({"metric": name, "system": "a", "value": value, "timing": timing})
    return results


if __name__ == "__main__":
    main()
