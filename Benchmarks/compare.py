#!/usr/bin/env python3
"""The pandas, polars, DuckDB and sacrebleu side of errata's benchmarks.

Runs on one file the same workloads as `errata-bench run` and prints the same JSON shape:
load, resident memory, the slices (as a boolean mask in pandas and polars, a row count in
DuckDB), accuracy per genre, and for generation files (pandas only) corpus chrF and BLEU with
sacrebleu. Median and minimum of --repeat runs after one warm-up run.

With --once it does what `errata-bench once` does, in a fresh process timed from outside
(rounds.py): load the file, compute accuracy of system a per genre, print the groups.

Usage: compare.py --file F [--tool pandas|polars|duckdb] [--kind classification|generation]
                  [--repeat K] [--warmup 0|1] [--once]
"""

import argparse
import csv
import json
import statistics
import sys
import time


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


# The same slices as Workloads.swift, by the same names. `length(text)` is the text-length
# feature: characters per text (Unicode scalars, as errata's `length`).
CLASSIFICATION_SLICES = [
    ("genre_eq", 'genre == "g3"'),
    ("year_and_genre_in", 'year > 2010 and genre in ["g1", "g2"]'),
    ("text_length", "length(text) > 80"),
    ("correct_not_correct", "correct(a) and not correct(b)"),
    ("text_contains", 'text contains "river"'),
]

GENERATION_SLICES = [
    ("domain_eq", 'domain == "legal"'),
    ("reference_length", "length(reference) > 80"),
    ("reference_contains", 'reference contains "river"'),
]


class Pandas:
    """How a pandas user reads each file: defaults for CSV and JSON Lines; TSV without quoting,
    as errata reads TSV. One thread throughout."""
    name = "pandas"
    threads = 1

    def __init__(self):
        import pandas
        self.pd = pandas

    def versions(self):
        import numpy
        return {"pandas": self.pd.__version__, "numpy": numpy.__version__}

    def read(self, path):
        if path.endswith(".jsonl"):
            return self.pd.read_json(path, lines=True)
        if path.endswith(".tsv"):
            return self.pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE)
        return self.pd.read_csv(path)

    def slices(self, df):
        return {
            "genre_eq": lambda: df.genre == "g3",
            "year_and_genre_in": lambda: (df.year > 2010) & df.genre.isin(["g1", "g2"]),
            "text_length": lambda: df.text.str.len() > 80,
            "correct_not_correct": lambda: (df.pred_a == df.gold) & ~(df.pred_b == df.gold),
            "text_contains": lambda: df.text.str.contains("river", regex=False),
            "domain_eq": lambda: df.domain == "legal",
            "reference_length": lambda: df.reference.str.len() > 80,
            "reference_contains": lambda: df.reference.str.contains("river", regex=False),
        }

    def count(self, mask):
        return int(mask.sum())

    def rows(self, df):
        return len(df)

    def dataset_mb(self, df):
        return df.memory_usage(deep=True).sum() / 2**20

    def accuracy_per_genre(self, df):
        return self.groups((df.pred_a == df.gold).groupby(df.genre).mean().items())

    def with_correctness(self, df):
        return df.assign(correct_a=(df.pred_a == df.gold))

    def cached_accuracy_per_genre(self, df):
        return self.groups(df.groupby("genre")["correct_a"].mean().items())

    @staticmethod
    def groups(items):
        return {str(k): float(v) for k, v in items}


class Polars(Pandas):
    """`pl.read_csv` / `pl.read_ndjson` with defaults (all cores); TSV without quoting."""
    name = "polars"

    def __init__(self):
        import os
        import polars
        self.pl = polars
        self.threads = polars.thread_pool_size() if hasattr(polars, "thread_pool_size") else os.cpu_count()

    def versions(self):
        return {"polars": self.pl.__version__}

    def read(self, path):
        if path.endswith(".jsonl"):
            return self.pl.read_ndjson(path)
        if path.endswith(".tsv"):
            return self.pl.read_csv(path, separator="\t", quote_char=None)
        return self.pl.read_csv(path)

    def slices(self, df):
        pl = self.pl
        masks = {
            "genre_eq": pl.col("genre") == "g3",
            "year_and_genre_in": (pl.col("year") > 2010) & pl.col("genre").is_in(["g1", "g2"]),
            "text_length": pl.col("text").str.len_chars() > 80,
            "correct_not_correct": (pl.col("pred_a") == pl.col("gold")) & ~(pl.col("pred_b") == pl.col("gold")),
            "text_contains": pl.col("text").str.contains("river", literal=True),
            "domain_eq": pl.col("domain") == "legal",
            "reference_length": pl.col("reference").str.len_chars() > 80,
            "reference_contains": pl.col("reference").str.contains("river", literal=True),
        }
        return {name: (lambda mask=mask: df.select(mask).to_series()) for name, mask in masks.items()}

    def count(self, mask):
        return int(mask.sum())

    def dataset_mb(self, df):
        return df.estimated_size() / 2**20

    def accuracy_per_genre(self, df):
        pl = self.pl
        grouped = df.group_by("genre").agg((pl.col("pred_a") == pl.col("gold")).mean().alias("accuracy"))
        return self.groups(grouped.iter_rows())

    def with_correctness(self, df):
        return df.with_columns((self.pl.col("pred_a") == self.pl.col("gold")).alias("correct_a"))

    def cached_accuracy_per_genre(self, df):
        return self.groups(df.group_by("genre").agg(self.pl.col("correct_a").mean()).iter_rows())


class DuckDB(Pandas):
    """The file read into an in-memory table (`CREATE TABLE t AS SELECT * FROM read_csv(...)`,
    `read_json` for JSON Lines), all cores; slices and groups as SQL on that table."""
    name = "duckdb"

    def __init__(self):
        import duckdb
        self.duckdb = duckdb
        self.connection = duckdb.connect()
        self.threads = self.connection.execute("SELECT current_setting('threads')").fetchone()[0]
        self.tables = 0

    def versions(self):
        return {"duckdb": self.duckdb.__version__}

    def read(self, path):
        if path.endswith(".jsonl"):
            source = f"read_json('{path}', format='newline_delimited')"
        elif path.endswith(".tsv"):
            source = f"read_csv('{path}', delim='\t', quote='')"
        else:
            source = f"read_csv('{path}')"
        # A new table per load, the previous one dropped, so repeated loads do not accumulate.
        self.connection.execute("DROP TABLE IF EXISTS t")
        self.connection.execute(f"CREATE TABLE t AS SELECT * FROM {source}")
        return "t"

    def slices(self, table):
        conditions = {
            "genre_eq": "genre = 'g3'",
            "year_and_genre_in": "year > 2010 AND genre IN ('g1', 'g2')",
            "text_length": "length(text) > 80",
            "correct_not_correct": "pred_a = gold AND NOT (pred_b = gold)",
            "text_contains": "contains(text, 'river')",
            "domain_eq": "domain = 'legal'",
            "reference_length": "length(reference) > 80",
            "reference_contains": "contains(reference, 'river')",
        }
        return {name: (lambda condition=condition: self.connection.execute(
            f"SELECT count(*) FROM {table} WHERE {condition}").fetchone()[0]) for name, condition in conditions.items()}

    def count(self, rows):
        return int(rows)

    def rows(self, table):
        return self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def dataset_mb(self, table):
        used = self.connection.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'").fetchone()
        return (used[0] if used else float("nan")) / 2**20

    def accuracy_per_genre(self, table):
        return self.groups(self.connection.execute(
            f"SELECT genre, avg(CASE WHEN pred_a = gold THEN 1.0 ELSE 0.0 END) FROM {table} GROUP BY genre").fetchall())

    def with_correctness(self, table):
        self.connection.execute(f"CREATE OR REPLACE TABLE c AS SELECT *, pred_a = gold AS correct_a FROM {table}")
        return "c"

    def cached_accuracy_per_genre(self, table):
        return self.groups(self.connection.execute(
            f"SELECT genre, avg(correct_a::DOUBLE) FROM {table} GROUP BY genre").fetchall())


TOOLS = {"pandas": Pandas, "polars": Polars, "duckdb": DuckDB}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", required=True)
    parser.add_argument("--tool", choices=sorted(TOOLS), default="pandas")
    parser.add_argument("--kind", choices=["classification", "generation"], default="classification")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones (0 or 1)")
    parser.add_argument("--once", action="store_true", help="load and accuracy per genre once; print the groups")
    args = parser.parse_args()
    global WARMUP
    WARMUP = args.warmup
    tool = TOOLS[args.tool]()

    if args.once:
        groups = tool.accuracy_per_genre(tool.read(args.file))
        json.dump({"tool": tool.name, "groups": groups}, sys.stdout, sort_keys=True)
        print()
        return

    rss_before, _ = memory()
    df = tool.read(args.file)
    rss_after, peak_after = memory()
    load, _ = time_runs(args.repeat, lambda: tool.read(args.file), warm_up=False)
    df = tool.read(args.file) if tool.name == "duckdb" else df

    slices = []
    bodies = tool.slices(df)
    for name, expression in CLASSIFICATION_SLICES if args.kind == "classification" else GENERATION_SLICES:
        timing, rows = time_runs(args.repeat, bodies[name])
        slices.append({"name": name, "expression": expression, "count": tool.count(rows), "timing": timing})

    report = {
        "tool": tool.name,
        "versions": tool.versions(),
        "file": args.file,
        "kind": args.kind,
        "rows": tool.rows(df),
        "threads": tool.threads,
        "load": load,
        "memory": {
            "rss_before_mb": rss_before,
            "rss_after_load_mb": rss_after,
            "peak_after_load_mb": peak_after,
            "dataset_mb": tool.dataset_mb(df),
        },
        "slices": slices,
        "grouped": grouped_accuracy(tool, df, args.repeat) if args.kind == "classification" else None,
        "corpus": corpus_scores(df, args.repeat) if args.kind == "generation" and tool.name == "pandas" else [],
    }
    json.dump(report, sys.stdout, indent=2, sort_keys=True)
    print()


def grouped_accuracy(tool, df, repeats):
    """Accuracy of system a per genre: from the predictions (correctness computed each run,
    as errata's from-scratch figure) and from a precomputed correctness column (as errata's
    cached statistics)."""
    from_scratch, groups = time_runs(repeats, lambda: tool.accuracy_per_genre(df))
    with_correct = tool.with_correctness(df)
    cached, _ = time_runs(repeats, lambda: tool.cached_accuracy_per_genre(with_correct))
    return {
        "metric": "accuracy", "system": "a", "by": "genre", "groups": groups,
        "cached": cached, "from_scratch": from_scratch,
    }


def corpus_scores(df, repeats):
    """Corpus chrF and BLEU of system a over every row, with sacrebleu's defaults."""
    import sacrebleu
    hypotheses, references = df.hyp_a.astype(str).tolist(), [df.reference.astype(str).tolist()]
    results = []
    for name, score in (("chrf", sacrebleu.corpus_chrf), ("bleu", sacrebleu.corpus_bleu)):
        timing, value = time_runs(repeats, lambda: score(hypotheses, references).score)
        results.append({"metric": name, "system": "a", "value": value, "timing": timing})
    return results


if __name__ == "__main__":
    main()
