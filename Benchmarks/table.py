#!/usr/bin/env python3
"""Sets errata's and pandas/sacrebleu's JSON results side by side as a Markdown table.

Usage: table.py RESULTS_DIR. The folder holds, per size N, errata-KIND-N.json and
pandas-KIND-N.json as run.sh writes them (KIND: classification-csv, classification-jsonl,
generation). Each row is one workload: the two medians (minimum in brackets) and the speed-up
(pandas' median over errata's). A row whose counts or values disagree between the two is
marked, since then the two did not do the same work.
"""

import json
import os
import re
import sys


def ms(timing):
    return f"{timing['median_ms']:.3g} ({timing['min_ms']:.3g})"


def row(workload, size, errata, other, agree=True):
    speedup = other["median_ms"] / errata["median_ms"]
    mark = "" if agree else " **(results differ)**"
    return f"| {workload}{mark} | {size:,} | {ms(errata)} | {ms(other)} | {speedup:.2f}x |"


def rows_for(kind, size, e, p):
    out = []
    label = {"classification-csv": "CSV", "classification-jsonl": "JSONL", "generation": "TSV"}[kind]
    out.append(row(f"load {label} ({os.path.basename(e['file'])})", size, e["load"], p["load"]))
    for es, ps in zip(e["slices"], p["slices"]):
        out.append(row(f"slice `{es['expression']}` ({es['count']:,} rows)", size, es["timing"], ps["timing"],
                       es["count"] == ps["count"]))
    if e.get("grouped") and p.get("grouped"):
        eg, pg = e["grouped"], p["grouped"]
        agree = eg["groups"].keys() == pg["groups"].keys() and all(
            abs(eg["groups"][k] - pg["groups"][k]) < 1e-12 for k in eg["groups"])
        out.append(row("accuracy per genre, from predictions", size, eg["from_scratch"], pg["from_scratch"], agree))
        out.append(row("accuracy per genre, correctness precomputed", size, eg["cached"], pg["cached"], agree))
    for ec, pc in zip(e["corpus"], p["corpus"]):
        out.append(row(f"corpus {ec['metric']} = {ec['value']:.4f} (sacrebleu {pc['value']:.4f})", size,
                       ec["timing"], pc["timing"], abs(ec["value"] - pc["value"]) < 1e-6))
    return out


def memory_rows(kind, size, e, p):
    em, pm = e["memory"], p["memory"]
    return [f"| {kind} | {size:,} | {em['rss_after_load_mb'] - em['rss_before_mb']:.0f} | {em['peak_after_load_mb']:.0f} "
            f"| {em['dataset_mb']:.0f} | {pm['rss_after_load_mb'] - pm['rss_before_mb']:.0f} | {pm['peak_after_load_mb']:.0f} "
            f"| {pm['dataset_mb']:.0f} |"]


def main():
    folder = sys.argv[1]
    runs = {}
    for name in os.listdir(folder):
        match = re.fullmatch(r"(errata|pandas)-(classification-csv|classification-jsonl|generation)-(\d+)\.json", name)
        if match:
            with open(os.path.join(folder, name)) as f:
                runs[(match[1], match[2], int(match[3]))] = json.load(f)
    keys = sorted({(kind, size) for _, kind, size in runs}, key=lambda k: (k[1], k[0]))
    pairs = [(kind, size, runs[("errata", kind, size)], runs[("pandas", kind, size)])
             for kind, size in keys if ("errata", kind, size) in runs and ("pandas", kind, size) in runs]

    print("| workload | instances | errata ms: median (min) | pandas / sacrebleu ms: median (min) | speed-up |")
    print("|---|---:|---:|---:|---:|")
    for kind, size, e, p in pairs:
        for line in rows_for(kind, size, e, p):
            print(line)
    print()
    print("| file | instances | errata RSS growth MB | errata peak RSS MB | errata columns MB "
          "| pandas RSS growth MB | pandas peak RSS MB | pandas memory_usage(deep) MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind, size, e, p in pairs:
        for line in memory_rows(kind, size, e, p):
            print(line)


if __name__ == "__main__":
    main()
