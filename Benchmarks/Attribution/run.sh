#!/usr/bin/env bash
# Runs errata's attribution benchmark and the same workloads in PyTorch (captum, shap), then
# prints Markdown tables side by side.
#
#   Benchmarks/Attribution/run.sh                      # sample of 50, completeness on 100 sentences
#   SAMPLE=20 COMPLETENESS_LIMIT=0 Benchmarks/Attribution/run.sh     # quicker; no completeness
#   COMPLETENESS_LIMIT=all Benchmarks/Attribution/run.sh             # the whole test split (hours)
#
# Reports go to $RESULTS (default Benchmarks/Attribution/results/). errata reads ERRATA_BLAS at
# start, so each matrix kernel is timed by a process of its own. The PyTorch side runs with
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

source "$here/python-peers.sh"

swift build -c release --package-path "$here" >&2
bench="$here/.build/release/attribution-bench"

# errata three ways: the system's OpenBLAS (when installed), OpenBLAS fetched from the
# scipy-openblas32 wheel, and the SIMD kernel; ERRATA_BLAS is read at start, so one process each.
rm -f "$results/errata-fetched.json"
if ldconfig -p | grep libopenblas.so.0 >/dev/null; then
    ERRATA_BLAS=system "$bench" --repository "$root" --sample "$sample" --output "$results/errata-blas.json"
    ERRATA_BLAS=fetched "$bench" --repository "$root" --workload forward --workload ig --workload permutation \
        --sample "$sample" --output "$results/errata-fetched.json"
else
    ERRATA_BLAS=fetched "$bench" --repository "$root" --sample "$sample" --output "$results/errata-blas.json"
fi
ERRATA_BLAS=off "$bench" --repository "$root" --workload forward --workload ig --sample "$sample" \
    --output "$results/errata-simd.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/compare.py" \
    --errata "$results/errata-blas.json" --repository "$root" --output "$results/pytorch.json"
rm -f "$results/completeness.json"
case "$completeness" in
    0) ;;
    all) "$bench" --repository "$root" --workload completeness --output "$results/completeness.json" ;;
    *) "$bench" --repository "$root" --workload completeness --limit "$completeness" --output "$results/completeness.json" ;;
esac

python3 "$here/table.py" --results "$results" --load "$load_average"
