#!/usr/bin/env bash
# Accuracy per second of Shapley estimation: errata's estimators and shap's Permutation and
# Partition explainers against the exact values of fixtures/exact-shapley-words.json, in
# alternating rounds, then the table and the chart (Markdown on standard output).
#
#   Benchmarks/Attribution/shapley.sh                        # 2 rounds, 1 seed, 11 to 14 words
#   ROUNDS=1 BUDGETS=128,256,512 MAX_EVALS=100,500 MIN_WORDS=3 Benchmarks/Attribution/shapley.sh
#
# Reports go to $RESULTS (default Benchmarks/Attribution/results/): errata-shapley-N.json and
# shap-shapley-N.json for round N. Both sides use 2 threads (errata one worker per core).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
results=${RESULTS:-$here/results}
rounds=${ROUNDS:-2}
budgets=${BUDGETS:-64,128,256,512,1024,2048}
max_evals=${MAX_EVALS:-100,200,500,1000,2000}
seeds=${SEEDS:-1}
min_words=${MIN_WORDS:-11}
fixture=$here/fixtures/exact-shapley-words.json
mkdir -p "$results"

source "$here/python-peers.sh"
swift build -c release --package-path "$here" >&2
bench="$here/.build/release/attribution-bench"

loads=()
for round in $(seq 1 "$rounds"); do
    loads+=("errata $round: $(cut -d' ' -f1-3 /proc/loadavg)")
    "$bench" --repository "$root" --workload shapley-accuracy --fixture "$fixture" --budgets "$budgets" \
        --seeds "$seeds" --min-words "$min_words" --output "$results/errata-shapley-$round.json"
    loads+=("shap $round: $(cut -d' ' -f1-3 /proc/loadavg)")
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/shapley_accuracy.py" --fixture "$fixture" \
        --repository "$root" --max-evals "$max_evals" --seeds "$seeds" \
        --min-words "$min_words" --output "$results/shap-shapley-$round.json"
done

python3 "$here/shapley_table.py" --results "$results" --load "$(IFS=';'; echo "${loads[*]}")"
