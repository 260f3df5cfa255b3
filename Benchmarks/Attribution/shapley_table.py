"""Accuracy per second of Shapley estimation: a Markdown table and a text chart.

Reads the reports shapley.sh writes (errata-shapley-N.json from attribution-bench
--workload shapley-accuracy, shap-shapley-N.json from shapley_accuracy.py), pools the rounds,
and prints, per method and budget, the mean squared error to the exact values, the time per
sentence and, for errata, how often |phi - exact| <= 2 SE; then the error against wall time
on log axes, and the issue's goal: the time errata needs to reach shap Permutation's error
at max_evals=500, against shap's time.
"""

import argparse
import json
import math
import pathlib
import statistics

NAMES = {"permutation": "errata permutation", "kernelshap": "errata KernelSHAP",
         "shap-permutation": "shap Permutation", "shap-partition": "shap Partition"}
MARKS = {"permutation": "P", "kernelshap": "K", "shap-permutation": "s", "shap-partition": "o"}
GOAL_METHOD, GOAL_BUDGET = "shap-permutation", 500


def runs(folder):
    result = []
    for path in sorted(pathlib.Path(folder).glob("*-shapley-*.json")):
        result += json.loads(path.read_text())["shapley_accuracy"]
    return result


def summarise(selected):
    """One row per (method, budget): means over every run (sentences, seeds, rounds)."""
    groups = {}
    for run in selected:
        groups.setdefault((run["method"], run["budget"]), []).append(run)
    rows = []
    for (method, budget), group in groups.items():
        covered = [(r["coverage"], r["players"]) for r in group if r["coverage"] is not None]
        rows.append({
            "method": method, "budget": budget, "runs": len(group),
            "evaluations": statistics.fmean(r["evaluations"] for r in group),
            "mse": statistics.fmean(r["mean_squared_error"] for r in group),
            "median_mse": statistics.median(r["mean_squared_error"] for r in group),
            "seconds": statistics.fmean(r["seconds"] for r in group),
            "processor_seconds": statistics.fmean(r["processor_seconds"] for r in group),
            # Pooled over words, so that a long sentence counts for each of its words.
            "coverage": (sum(c * n for c, n in covered) / sum(n for _, n in covered)) if covered else None,
        })
    order = list(NAMES)
    return sorted(rows, key=lambda r: (order.index(r["method"]) if r["method"] in order else 99, r["budget"]))


def table(rows):
    lines = ["| method | budget | evaluations | MSE to exact, mean (median) | wall s | CPU s | words within 2 SE |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        coverage = "—" if r["coverage"] is None else f"{100 * r['coverage']:.1f}%"
        lines.append(f"| {NAMES.get(r['method'], r['method'])} | {r['budget']} | {r['evaluations']:.1f} | "
                     f"{r['mse']:.2e} ({r['median_mse']:.1e}) | {r['seconds']:.3f} | {r['processor_seconds']:.3f} | "
                     f"{coverage} |")
    return "\n".join(lines)


def chart(rows, width=64, height=18):
    """Mean MSE (log) against mean wall seconds per sentence (log), one letter per method."""
    points = [(math.log10(r["seconds"]), math.log10(r["mse"]), MARKS.get(r["method"], "?"))
              for r in rows if r["mse"] > 0 and r["seconds"] > 0]
    if not points:
        return ""
    x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
    y0, y1 = min(p[1] for p in points), max(p[1] for p in points)
    grid = [[" "] * width for _ in range(height)]
    for x, y, mark in points:
        column = round((x - x0) / max(x1 - x0, 1e-9) * (width - 1))
        row = round((y1 - y) / max(y1 - y0, 1e-9) * (height - 1))
        grid[row][column] = mark if grid[row][column] in (" ", mark) else "*"
    lines = []
    for k, cells in enumerate(grid):
        label = f"{10 ** (y1 - k * (y1 - y0) / (height - 1)):8.1e}" if k % 4 == 0 or k == height - 1 else " " * 8
        lines.append(f"{label} |{''.join(cells)}")
    lines.append(" " * 9 + "+" + "-" * width)
    ticks = [x0 + t * (x1 - x0) / 4 for t in range(5)]
    axis = [" "] * (width + 16)
    for t in ticks:
        text = f"{10 ** t:.2g}"
        start = 10 + round((t - x0) / max(x1 - x0, 1e-9) * (width - 1)) - len(text) // 2
        for i, ch in enumerate(text):
            if 0 <= start + i < len(axis):
                axis[start + i] = ch
    lines.append("".join(axis).rstrip())
    lines.append(" " * 10 + "wall seconds per sentence (log); MSE to exact values (log)")
    lines.append(" " * 10 + "; ".join(f"{mark} {NAMES[m]}" for m, mark in MARKS.items()) + "; * several")
    return "```\n" + "\n".join(lines) + "\n```"


def goal(rows):
    """errata's cheapest budget at or below shap Permutation's error at max_evals=500."""
    reference = next((r for r in rows if r["method"] == GOAL_METHOD and r["budget"] == GOAL_BUDGET), None)
    if reference is None:
        return f"(no {NAMES[GOAL_METHOD]} run at max_evals={GOAL_BUDGET})"
    lines = [f"{NAMES[GOAL_METHOD]} at max_evals={GOAL_BUDGET}: MSE {reference['mse']:.2e}, "
             f"{reference['seconds']:.3f} s wall, {reference['processor_seconds']:.3f} s CPU per sentence."]
    for method in ("permutation", "kernelshap"):
        reaching = [r for r in rows if r["method"] == method and r["mse"] <= reference["mse"]]
        if not reaching:
            lines.append(f"- {NAMES[method]}: does not reach it at the budgets run.")
            continue
        best = min(reaching, key=lambda r: r["seconds"])
        lines.append(f"- {NAMES[method]}: budget {best['budget']}, MSE {best['mse']:.2e}, {best['seconds']:.3f} s wall "
                     f"({best['seconds'] / reference['seconds']:.2f} of shap's), {best['processor_seconds']:.3f} s CPU "
                     f"({best['processor_seconds'] / reference['processor_seconds']:.2f} of shap's)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--load", default="unknown", help="load averages at the start of each run")
    args = parser.parse_args()
    selected = runs(args.results)
    print(f"Load averages (1, 5, 15 min) at the start of each run: {args.load}\n")
    long = [r for r in selected if r["players"] >= 11]
    for title, chosen in (("All sentences run", selected), ("Sentences of 11 to 14 words", long)):
        if not chosen or (chosen is long and len(long) == len(selected)):
            continue
        rows = summarise(chosen)
        sentences = len({r["index"] for r in chosen})
        print(f"### {title} ({sentences} sentences)\n\n{table(rows)}\n\n{chart(rows)}\n\n{goal(rows)}\n")


if __name__ == "__main__":
    main()
