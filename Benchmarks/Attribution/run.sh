#!/usr/bin/env bash
# Runs errata's attribution benchmark and the same workloads in PyTorch (captum, shap), then
# prints Markdown tables side by side.
#
#   Benchmarks/Attribution/run.sh                      # sample of 50, completeness on 100 sentences
#   SAMPLE=20 COMPLETENESS_LIMIT=0 Benchmarks/Attribution/run.sh     # quicker; no completeness
#   COMPLETENESS_LIMIT=all Benchmarks/Attribution/run.sh             # the whole test split (hours)
#
# Reports go to $RESULTS (default Benchmarks/Attribution/results/). errata reads ERRATA_BLAS at
# start, so the SIMD kernel is timed by a second process. The PyTorch side runs with
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (they slow a current numpy where the machine
# sets them); errata's OpenBLAS keeps the machine's settings.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
results=${RESULTS:-$here/results}
sample=${SAMPLE:-50}
completeness=${COMPLETENESS_LIMIT:-100}
load_average=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$results"

swift build -c release --package-path "$here" >&2
bench="$here/.build/release/attribution-bench"

"$bench" --repository "$root" --sample "$sample" --output "$results/errata-blas.json"
ERRATA_BLAS=off "$bench" --repository "$root" --workload forward --output "$results/errata-simd.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$here/compare.py" \
    --errata "$results/errata-blas.json" --repository "$root" --output "$results/pytorch.json"
rm -f "$results/completeness.json"
case "$completeness" in
    0) ;;
    all) "$bench" --repository "$root" --workload completeness --output "$results/completeness.json" ;;
    *) "$bench" --repository "$root" --workload completeness --limit "$completeness" --output "$results/completeness.json" ;;
esac

python3 "$here/table.py" --results "$results" --load "$load_average"
