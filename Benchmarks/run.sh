#!/usr/bin/env bash
# errata's benchmarks against pandas, polars, DuckDB and sacrebleu, on the same synthetic files.
#
#   Benchmarks/run.sh                 # 10^4, 10^5 and 10^6 instances
#   SIZES="10000 100000" Benchmarks/run.sh
#
# Data goes to $ERRATA_BENCH_DATA (default /tmp/errata-bench, outside the repository); results
# (JSON per tool, file and size, and the Markdown tables) to $ERRATA_BENCH_DATA/results.
# The Python peers are installed by this script, at the versions pinned below, into a virtual
# environment ($ERRATA_BENCH_VENV, default $ERRATA_BENCH_DATA/venv) with pip from PyPI.
# REPEAT (default 5) timed runs per workload after one warm-up; at 10^6 instances REPEAT_1M
# (default 3), and the generation file there runs once with no warm-up (sacrebleu takes
# minutes per corpus score at that size). KEEP_RESULTS=1 keeps result files already there
# (to finish an interrupted run); by default every workload runs anew. Then, on the largest
# size's CSV and JSON Lines files, ROUNDS (default 5) alternating rounds of whole processes
# (rounds.py): load and accuracy per genre, wall time, CPU time and peak memory per tool.
set -euo pipefail
cd "$(dirname "$0")"
export LANG=C.UTF-8

DATA="${ERRATA_BENCH_DATA:-/tmp/errata-bench}"
RESULTS="$DATA/results"
SIZES="${SIZES:-10000 100000 1000000}"
REPEAT="${REPEAT:-5}"
REPEAT_1M="${REPEAT_1M:-3}"
ROUNDS="${ROUNDS:-5}"
SEED="${SEED:-2024}"
VENV="${ERRATA_BENCH_VENV:-$DATA/venv}"
PEERS="pandas==3.1.1 numpy==2.4.6 polars==2.1.0 duckdb==2.0.1 sacrebleu==2.6.0"
mkdir -p "$DATA" "$RESULTS"

if ! "$VENV/bin/python" -c 'import pandas, polars, duckdb, sacrebleu' 2>/dev/null; then
    echo "== installing $PEERS into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet $PEERS >&2
fi
PYTHON="$VENV/bin/python"

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
    echo "- $("$PYTHON" -c 'import platform, pandas, numpy, polars, duckdb, sacrebleu; print(f"Python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}, polars {polars.__version__}, duckdb {duckdb.__version__}, sacrebleu {sacrebleu.__version__}")'), pyarrow $("$PYTHON" -c 'import pyarrow; print(pyarrow.__version__)' 2>/dev/null || echo 'not installed')"
    echo "- Threads: errata reads large files and computes per-instance statistics on all $(nproc) cores (Dispatch); polars and DuckDB use all cores throughout; pandas and sacrebleu one thread. No BLAS is involved, so OPENBLAS_CORETYPE does not matter."
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
        for tool in errata pandas polars duckdb; do
            out="$RESULTS/$tool-$kind-$n.json"
            [[ "${KEEP_RESULTS:-0}" == 1 && -s "$out" ]] && continue
            echo "== $kind, $n instances: $tool" >&2
            if [[ "$tool" == errata ]]; then
                "$BENCH" run --file "$file" "${flags[@]}" > "$out.tmp"
            else
                "$PYTHON" compare.py --tool "$tool" --file "$file" "${flags[@]}" > "$out.tmp"
            fi
            mv "$out.tmp" "$out"
        done
    done
done

"$PYTHON" table.py "$RESULTS" | tee "$RESULTS/table.md"

largest="${SIZES##* }"
for ext in csv jsonl; do
    echo "== whole processes, $ROUNDS alternating rounds: classification-$largest.$ext" >&2
    "$PYTHON" rounds.py --file "$DATA/classification-$largest.$ext" --errata-bench "$BENCH" --python "$PYTHON" \
        --rounds "$ROUNDS" --json "$RESULTS/rounds-$ext-$largest.json" | tee "$RESULTS/rounds-$ext-$largest.md"
done
