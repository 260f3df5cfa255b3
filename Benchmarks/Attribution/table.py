"""Prints the attribution benchmark's results as Markdown tables, errata beside PyTorch.

Reads the reports that run.sh writes into one folder: errata-blas.json, errata-simd.json and,
when the system has OpenBLAS, errata-fetched.json (attribution-bench, one per matrix kernel;
the SIMD kernel's without permutation SHAP),
pytorch.json (compare.py) and, when present, a completeness report.
"""

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess


def load(path):
    path = pathlib.Path(path)
    return json.loads(path.read_text()) if path.exists() else None


def command_output(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model():
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def milliseconds(seconds):
    return f"{seconds * 1000:.1f}"


def machine(errata, torch_side, load_average):
    versions = torch_side["versions"]
    blas = torch_side["threadpools"]
    kernels = ", ".join(sorted({f"{p['internal_api']} {p.get('architecture', '')}".strip() for p in blas}))
    return "\n".join([
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores; load average at start: {load_average}",
        f"- Kernel: {platform.release()}; {command_output(['swift', '--version']).splitlines()[0]}",
        f"- errata: {errata['compute']['kernel']} (1 OpenBLAS thread), "
        f"{errata['compute']['dispatch_threads']} Dispatch workers",
        f"- PyTorch side: Python {versions['python']}, torch {versions['torch']} ({torch_side['threads']} threads, "
        f"oneDNN {'on' if torch_side['mkldnn'] else 'off'}), transformers {versions['transformers']}, "
        f"captum {versions['captum']}, shap {versions['shap']}, numpy {versions['numpy']}; thread pools: {kernels}; "
        f"OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for this command: "
        f"{'no' if torch_side['environment'] else 'yes'}",
        f"- torch's own products: BLAS {torch_blas.get('blas')}, CPU capability {torch_blas.get('cpu_capability')} "
        "(`torch.__config__.show()`; statically linked, so not among the thread pools above)"
        if (torch_blas := torch_side.get("torch_blas")) else "- torch's own BLAS: not recorded",
    ])


def kernel_table(reports, torch_side):
    """errata's forward latency, IG and permutation SHAP time with each matrix kernel it ran,
    beside PyTorch (captum's IG, shap's Permutation)."""
    lengths = [x["tokens"] for x in torch_side["forward"]]
    rows = ["| matrix kernel | " + " | ".join(f"forward {n} tokens, median ms (CPU ms)" for n in lengths)
            + " | IG median s/sentence | IG CPU s/sentence | IG CPU vs the first row"
            + " | permutation median s/sentence | permutation vs the first row |",
            "| --- | " + " | ".join("---:" for _ in lengths) + " | ---: | ---: | ---: | ---: | ---: |"]
    first_cpu = first_permutation = None
    for report in reports:
        ig, permutation = report.get("ig"), report.get("permutation")
        cells = [f"{milliseconds(x['seconds']['median'])} ({milliseconds(x['processor_seconds'])})" for x in report["forward"]]
        tail = " | | |"
        if ig:
            cpu = ig["processor_seconds"] / len(ig["sentences"])
            first_cpu = first_cpu or cpu
            tail = f" | {ig['seconds']['median']:.3f} | {cpu:.3f} | {cpu / first_cpu:.2f}"
        if permutation:
            median = permutation["seconds"]["median"]
            first_permutation = first_permutation or median
            tail += f" | {median:.3f} | {median / first_permutation:.2f} |"
        else:
            tail += " | | |"
        rows.append(f"| errata, {report['compute']['kernel']} | " + " | ".join(cells) + tail)
    pools = ", ".join(sorted({f"{p['internal_api']} {p.get('version') or ''} {p.get('architecture') or ''}".strip()
                              for p in torch_side["threadpools"]}))
    ig, permutation = torch_side.get("ig"), torch_side.get("permutation")
    rows.append(f"| PyTorch ({pools}) | " + " | ".join(milliseconds(x["seconds"]["median"]) for x in torch_side["forward"])
                + (f" | {ig['seconds']['median']:.3f} (captum) | | |" if ig else " | | | |")
                + (f" {permutation['seconds']['median']:.3f} (shap) | |" if permutation else " | |"))
    return "\n".join(rows)


def forward_table(blas, simd, torch_side):
    rows = ["| tokens | errata BLAS median (min) ms | errata SIMD median (min) ms | PyTorch median (min) ms |",
            "| ---: | ---: | ---: | ---: |"]
    for ours, fallback, theirs in zip(blas["forward"], simd["forward"], torch_side["forward"]):
        cells = [f"{milliseconds(x['seconds']['median'])} ({milliseconds(x['seconds']['min'])})"
                 for x in (ours, fallback, theirs)]
        rows.append(f"| {ours['tokens']} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def attribution_table(errata, torch_side):
    ig_ours, ig_theirs = errata["ig"], torch_side["ig"]
    perm_ours, perm_theirs = errata["permutation"], torch_side["permutation"]
    tokens = statistics.fmean(len(s["ids"]) for s in ig_ours["sentences"])

    def row(name, ours, theirs, ours_evaluations, theirs_evaluations, goal, limit):
        ratio = ours["seconds"]["median"] / theirs["seconds"]["median"]
        total_ratio = ours["seconds"]["total"] / theirs["seconds"]["total"]
        met = "for the record" if limit is None else "met" if ratio <= limit and total_ratio <= limit else "missed"
        return (f"| {name} | {ours['seconds']['median']:.3f} | {theirs['seconds']['median']:.3f} | "
                f"{ours['seconds']['total']:.1f} | {theirs['seconds']['total']:.1f} | "
                f"{ours_evaluations:.0f} / {theirs_evaluations:.0f} | {ratio:.2f} ({total_ratio:.2f}) | "
                f"{goal}: {met} |")

    return "\n".join([
        f"{len(ig_ours['sentences'])} test sentences, {tokens:.1f} tokens on average.",
        "",
        "| workload | errata median s/sentence | other median s/sentence | errata total s | other total s | "
        "evaluations per sentence (errata / other) | errata / other, median (total) | goal |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        row(f"IG {ig_ours['steps']} steps, Gauss-Legendre, [PAD] baseline, batches of at most "
            f"{ig_ours['rows_per_batch']} rows: "
            "errata vs captum LayerIntegratedGradients", ig_ours, ig_theirs,
            statistics.fmean(s["evaluations"] for s in ig_ours["sentences"]), ig_ours["steps"] + 2,
            "at most as slow as captum", 1.0),
        row(f"permutation SHAP, budget 2(M+1)*{perm_ours['orderings_per_budget']}, [MASK] at token ids: "
            "errata vs shap Permutation", perm_ours, perm_theirs,
            statistics.fmean(s["evaluations"] for s in perm_ours["sentences"]),
            statistics.fmean(s["evaluations"] for s in perm_theirs["sentences"]),
            "equal evaluations (the goal is accuracy per second: shapley.sh)", None),
    ])


def agreement_table(torch_side):
    a = torch_side["agreement"]
    return "\n".join([
        "| check | value |",
        "| --- | ---: |",
        f"| token ids differing from the transformers tokenizer (sentences) | {a['token_id_mismatches']} |",
        f"| predicted class differing | {a['target_mismatches']} |",
        f"| IG scores compared (tokens) | {a['ig_scores']} |",
        f"| IG Pearson correlation, all tokens | {a['ig_pearson']:.6f} |",
        f"| IG Pearson correlation, worst sentence | {a['ig_min_sentence_pearson']:.6f} |",
        f"| IG max abs difference (largest abs score {a['ig_max_abs_score']:.3f}) | {a['ig_max_abs_difference']:.2e} |",
        f"| probability max abs difference, sample sentences | {a['sample_max_abs_probability_difference']:.2e} |",
        f"| probability max abs difference, fixed-length inputs | {a['forward_max_abs_probability_difference']:.2e} |",
    ])


def completeness_table(report):
    c = report["completeness"]
    done = c["sentences_done"]
    histogram = ", ".join(f"{steps}: {count}" for steps, count in sorted(c["steps_histogram"].items(), key=lambda x: int(x[0])))
    return "\n".join([
        f"{done} of {c['sentences_in_split']} test sentences, {c['seconds'] / 60:.1f} min; "
        f"rule |delta| <= {c['tolerance']:.0%} of |F(x) - F(x')|.",
        "",
        "| mode | sentences meeting the rule | worst relative delta |",
        "| --- | ---: | ---: |",
        f"| adaptive ({c['initial_steps']} doubling to at most {c['maximum_steps']} steps) | "
        f"{c['adaptive_complete']} ({c['adaptive_complete'] / done:.2%}) | {c['worst_adaptive_relative_delta']:.2e} |",
        f"| fixed {c['fixed_steps']} steps | {c['fixed_complete']} ({c['fixed_complete'] / done:.2%}) | "
        f"{c['worst_fixed_relative_delta']:.2e} |",
        "",
        f"Steps the adaptive mode stopped at (steps: sentences): {histogram}.",
    ])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True, help="the folder run.sh wrote")
    parser.add_argument("--completeness", help="a completeness report (default: RESULTS/completeness.json)")
    parser.add_argument("--load", default="unknown", help="the load average when the run started")
    args = parser.parse_args()
    results = pathlib.Path(args.results)
    blas, fetched, simd, torch_side = (load(results / name) for name in
                                       ("errata-blas.json", "errata-fetched.json", "errata-simd.json", "pytorch.json"))
    completeness = load(args.completeness or results / "completeness.json")
    sections = [
        "### Machine", machine(blas, torch_side, args.load),
        "### Forward latency (one sequence, batch of 1)", forward_table(blas, simd, torch_side),
        "### errata's matrix kernels", kernel_table([r for r in (blas, fetched, simd) if r], torch_side),
        "### Attribution time per sentence", attribution_table(blas, torch_side),
        "### Agreement of errata and PyTorch on the same inputs", agreement_table(torch_side),
    ]
    if completeness and completeness.get("completeness"):
        sections += ["### IG completeness", completeness_table(completeness)]
    print("\n\n".join(sections))


if __name__ == "__main__":
    main()
