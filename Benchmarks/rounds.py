#!/usr/bin/env python3
"""Whole processes, alternating: errata, pandas, polars and DuckDB each load one file and
compute accuracy per genre, in fresh processes, for --rounds rounds (errata, pandas, polars,
duckdb, then again), so that a change in the machine's load falls on every tool alike.

For every run: wall time (from the fork to the exit), CPU time (user + system, so a tool that
uses both cores shows CPU above wall), peak resident memory (`ru_maxrss` of the child from
wait4) and the load average when it started. The groups each tool prints must agree (to
10^-12); a run that disagrees or fails stops the benchmark. Prints a Markdown table with the
medians and the ratios errata / peer (below 1: errata faster), and writes every run to --json.

Usage: rounds.py --file F (--errata-bench PATH | --errata PATH) [--python PATH] [--rounds 5] [--json OUT]

With --errata, errata's side is the command line a user runs instead of `errata-bench once`:
`errata summary F --by genre --metric accuracy --systems a --format json` (Wilson intervals included).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PEERS = ["pandas", "polars", "duckdb"]


def run(command):
    """Runs `command` to completion; returns (wall s, cpu s, peak RSS MB, stdout)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"rounds.py: {' '.join(command)} exited with {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def groups_of(output):
    """The accuracy per genre a tool printed: `{"groups": ...}`, or a summary's rows."""
    printed = json.loads(output)
    if "groups" in printed:
        return printed["groups"]
    return {row["slice"].removeprefix("genre = "): row["value"] for row in printed["rows"] if row["slice"].startswith("genre = ")}


def agree(groups, reference):
    return groups.keys() == reference.keys() and all(abs(groups[k] - reference[k]) < 1e-12 for k in groups)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", required=True)
    errata = parser.add_mutually_exclusive_group(required=True)
    errata.add_argument("--errata-bench")
    errata.add_argument("--errata", help="the errata executable, run as `errata summary F --by genre ...`")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    if args.errata_bench:
        commands = {"errata": [args.errata_bench, "once", "--file", args.file]}
    else:
        commands = {"errata": [args.errata, "summary", args.file, "--by", "genre", "--metric", "accuracy", "--systems", "a", "--format", "json"]}
    for peer in PEERS:
        commands[peer] = [args.python, os.path.join(here, "compare.py"), "--tool", peer, "--file", args.file, "--once"]

    # One untimed run each first: the file in the page cache, the interpreters' files too.
    reference = None
    for tool, command in commands.items():
        groups = groups_of(run(command)[3])
        reference = reference or groups
        if not agree(groups, reference):
            sys.exit(f"rounds.py: {tool}'s accuracy per genre differs from errata's")

    runs = []
    for round_number in range(1, args.rounds + 1):
        for tool, command in commands.items():
            load = os.getloadavg()[0]
            wall, cpu, peak, output = run(command)
            if not agree(groups_of(output), reference):
                sys.exit(f"rounds.py: {tool}'s accuracy per genre differs from errata's in round {round_number}")
            runs.append({"round": round_number, "tool": tool, "wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak,
                         "load_average": load})
            print(f"round {round_number} {tool}: {wall:.3f} s wall, {cpu:.3f} s CPU, {peak:.0f} MB peak, "
                  f"load average {load:.2f}", file=sys.stderr)

    if args.json:
        with open(args.json, "w") as out:
            json.dump({"file": args.file, "runs": runs}, out, indent=2)

    def median(tool, key):
        return statistics.median(r[key] for r in runs if r["tool"] == tool)

    loads = [r["load_average"] for r in runs]
    print(f"`{os.path.basename(args.file)}`: load + accuracy per genre, whole processes, median of {args.rounds} "
          f"alternating rounds; load average {min(loads):.2f}-{max(loads):.2f}")
    print()
    print("| tool | wall s | CPU s | peak RSS MB | errata / tool, wall | errata / tool, peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    for tool in commands:
        wall, cpu, peak = median(tool, "wall_s"), median(tool, "cpu_s"), median(tool, "peak_rss_mb")
        print(f"| {tool} | {wall:.3f} | {cpu:.3f} | {peak:.0f} | {median('errata', 'wall_s') / wall:.2f} "
              f"| {median('errata', 'peak_rss_mb') / peak:.2f} |")


if __name__ == "__main__":
    main()
