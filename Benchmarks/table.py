#!/usr/bin/env python3
"""Sets errata's and its peers' JSON results side by side as Markdown tables.

Usage: table.py RESULTS_DIR. The folder holds, per size N, TOOL-KIND-N.json as run.sh writes
them (TOOL: errata, pandas, polars, duckdb; KIND: classification-csv, classification-jsonl,
generation). Each row is one workload: every tool's median (minimum in brackets) and errata's
speed-up over each peer (the peer's median over errata's; below 1, the peer is faster). A
figure whose counts or values disagree with errata's is marked, since then the two did not do
the same work.
"""

import json
import os
import re
import sys

PEERS = ["pandas", "polars", "duckdb"]


def ms(timing, agree=True):
    return f"{timing['median_ms']:.3g} ({timing['min_ms']:.3g})" + ("" if agree else " **(differs)**")


def row(workload, size, errata, others):
    """`others`: per peer, (timing, agrees) or None where the peer did not run the workload."""
    cells = [ms(errata)] + [ms(*o) if o else "" for o in others]
    speedups = [f"{o[0]['median_ms'] / errata['median_ms']:.2f}x" if o else "" for o in others]
    return f"| {workload} | {size:,} | " + " | ".join(cells + speedups) + " |"


def same_groups(a, b):
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) < 1e-12 for k in a)


def rows_for(kind, size, e, peers):
    out = []
    label = {"classification-csv": "CSV", "classification-jsonl": "JSONL", "generation": "TSV"}[kind]
    out.append(row(f"load {label} ({os.path.basename(e['file'])})", size, e["load"],
                   [(p["load"], True) if p else None for p in peers]))
    for i, es in enumerate(e["slices"]):
        others = []
        for p in peers:
            ps = p["slices"][i] if p and i < len(p["slices"]) else None
            others.append((ps["timing"], ps["count"] == es["count"]) if ps else None)
        out.append(row(f"slice `{es['expression']}` ({es['count']:,} rows)", size, es["timing"], others))
    if e.get("grouped"):
        eg = e["grouped"]
        for key, name in (("from_scratch", "accuracy per genre, from predictions"),
                          ("cached", "accuracy per genre, correctness precomputed")):
            others = [(p["grouped"][key], same_groups(eg["groups"], p["grouped"]["groups"])) if p and p.get("grouped") else None
                      for p in peers]
            out.append(row(name, size, eg[key], others))
    for i, ec in enumerate(e["corpus"]):
        others = []
        for p in peers:
            pc = p["corpus"][i] if p and i < len(p["corpus"]) else None
            others.append((pc["timing"], abs(ec["value"] - pc["value"]) < 1e-6) if pc else None)
        out.append(row(f"corpus {ec['metric']} = {ec['value']:.4f}", size, ec["timing"], others))
    return out


def memory_row(kind, size, e, peers):
    def cells(m):
        return [f"{m['rss_after_load_mb'] - m['rss_before_mb']:.0f}", f"{m['peak_after_load_mb']:.0f}", f"{m['dataset_mb']:.0f}"]
    values = cells(e["memory"])
    for p in peers:
        values += cells(p["memory"]) if p else ["", "", ""]
    return f"| {kind} | {size:,} | " + " | ".join(values) + " |"


def main():
    folder = sys.argv[1]
    runs = {}
    for name in os.listdir(folder):
        match = re.fullmatch(r"(errata|pandas|polars|duckdb)-(classification-csv|classification-jsonl|generation)-(\d+)\.json", name)
        if match:
            with open(os.path.join(folder, name)) as f:
                runs[(match[1], match[2], int(match[3]))] = json.load(f)
    keys = sorted({(kind, size) for _, kind, size in runs}, key=lambda k: (k[1], k[0]))
    sets = [(kind, size, runs[("errata", kind, size)], [runs.get((p, kind, size)) for p in PEERS])
            for kind, size in keys if ("errata", kind, size) in runs]

    print("| workload | instances | errata ms: median (min) | " + " | ".join(f"{p} ms" for p in PEERS)
          + " | " + " | ".join(f"speed-up vs {p}" for p in PEERS) + " |")
    print("|---|---:|" + "---:|" * (1 + 2 * len(PEERS)))
    for kind, size, e, peers in sets:
        for line in rows_for(kind, size, e, peers):
            print(line)
    print()
    print("Memory in MB: resident growth over the first load, peak resident size after it, and what the "
          "columns hold by each tool's own count.")
    print()
    print("| file | instances | " + " | ".join(f"{t} growth | {t} peak | {t} columns" for t in ["errata"] + PEERS) + " |")
    print("|---|---:|" + "---:|" * (3 + 3 * len(PEERS)))
    for kind, size, e, peers in sets:
        print(memory_row(kind, size, e, peers))


if __name__ == "__main__":
    main()
