#!/usr/bin/env bash
# Builds and runs the bfloat16 GEMM benchmark (bench.c) with clang -O3; argument: rounds (5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(mktemp -d)
clang -O3 -I "$root/Sources/CBFloat16GEMM/include" "$here/bench.c" "$root/Sources/CBFloat16GEMM/BFloat16GEMM.c" \
    -o "$out/bf16-gemm-bench" -ldl -lpthread -lm
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$out/bf16-gemm-bench" "${1:-5}"
rm -rf "$out"
