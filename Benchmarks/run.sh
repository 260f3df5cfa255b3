#!/usr/bin/env bash
# errata's benchmarks against pandas and sacrebleu, on the same synthetic files, in one run.
#
#   Benchmarks/run.sh                 # 10^4, 10^5 and 10^6 instances
#   SIZES="10000 100000" Benchmarks/run.sh
#
# Data goes to $ERRATA_BENCH_DATA (default /tmp/errata-bench, outside the repository); results
# (JSON per tool, file and size, and the Markdown table) to $ERRATA_BENCH_DATA/results.
# REPEAT (default 5) timed runs per workload after one warm-up; at 10^6 instances REPEAT_1M
# (default 3), and the generation file there runs once with no warm-up (sacrebleu takes
# minutes per corpus score at that size). KEEP_RESULTS=1 keeps result files already there
# (to finish an interrupted run); by default every workload runs anew.
set -euo pipefail
cd "$(dirname "$0")"
export LANG=C.UTF-8

DATA="${ERRATA_BENCH_DATA:-/tmp/errata-bench}"
RESULTS="$DATA/results"
SIZES="${SIZES:-10000 100000 1000000}"
REPEAT="${REPEAT:-5}"
REPEAT_1M="${REPEAT_1M:-3}"
SEED="${SEED:-2024}"
mkdir -p "$DATA" "$RESULTS"

python3 -c 'import pandas, sacrebleu' 2>/dev/null || {
    echo "run.sh needs pandas and sacrebleu: pip install pandas sacrebleu==2.6.0" >&2
    exit 1
}

echo "== building errata-bench (release)" >&2
# Manifest caching off: files that a merge adds to the main package must be seen.
swift build -c release --package-path . --disable-build-manifest-caching >&2
BENCH="$(swift build -c release --package-path . --show-bin-path)/errata-bench"

{
    echo "## Machine"
    echo
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available"
    echo "- Memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
    echo "- $(swift --version 2>&1 | head -1)"
    echo "- Python $(python3 -c 'import platform; print(platform.python_version())'), pandas $(python3 -c 'import pandas; print(pandas.__version__)'), numpy $(python3 -c 'import numpy; print(numpy.__version__)'), sacrebleu $(python3 -c 'import sacrebleu; print(sacrebleu.__version__)'), pyarrow $(python3 -c 'import pyarrow; print(pyarrow.__version__)' 2>/dev/null || echo 'not installed')"
    echo "- Threads: errata uses all $(nproc) cores for per-instance statistics (Dispatch); everything else in errata, and pandas and sacrebleu throughout, run on one thread. No BLAS is involved, so OPENBLAS_CORETYPE does not matter."
    echo "- Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RESULTS/machine.md"
cat "$RESULTS/machine.md" >&2

for n in $SIZES; do
    if [[ ! -f "$DATA/generation-$n.tsv" || ! -f "$DATA/classification-$n.jsonl" ]]; then
        echo "== generating $n instances" >&2
        "$BENCH" generate --rows "$n" --seed "$SEED" --out "$DATA" >&2
    fi
    repeat="$REPEAT"
    [[ "$n" -ge 1000000 ]] && repeat="$REPEAT_1M"
    for kind in classification-csv classification-jsonl generation; do
        case "$kind" in
            classification-csv) file="$DATA/classification-$n.csv"; flags=(--kind classification --repeat "$repeat") ;;
            classification-jsonl) file="$DATA/classification-$n.jsonl"; flags=(--kind classification --repeat "$repeat") ;;
            generation)
                file="$DATA/generation-$n.tsv"
                if [[ "$n" -ge 1000000 ]]; then
                    flags=(--kind generation --repeat 1 --warmup 0)
                else
                    flags=(--kind generation --repeat "$repeat")
                fi ;;
        esac
        for tool in errata pandas; do
            out="$RESULTS/$tool-$kind-$n.json"
            [[ "${KEEP_RESULTS:-0}" == 1 && -s "$out" ]] && continue
            echo "== $kind, $n instances: $tool" >&2
            if [[ "$tool" == errata ]]; then
                "$BENCH" run --file "$file" "${flags[@]}" > "$out.tmp"
            else
                python3 compare.py --file "$file" "${flags[@]}" > "$out.tmp"
            fi
            mv "$out.tmp" "$out"
        done
    done
done

python3 table.py "$RESULTS" | tee "$RESULTS/table.md"
