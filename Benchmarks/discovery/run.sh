#!/bin/sh
# The discovery benchmark (docs/performance.md, "Slice discovery"): errata discover against
# the sliceline package on the same 20 categorical features, alpha 0.95, k 10, max_l 3,
# min_sup 30. Needs a release build (swift build -c release --product errata) and a Python
# with sliceline 0.3.x and pandas. Usage: run.sh ROWS [PYTHON]
set -eu
rows=$1
python=${2:-python3}
here=$(cd "$(dirname "$0")" && pwd)
errata="$here/../../.build/release/errata"
data="discovery-$rows.csv"
[ -f "$data" ] || "$python" "$here/generate.py" --rows "$rows" --out "$data"
roles="--id id --label gold --output a=pred_a"
echo "errata validate (load only):"
/usr/bin/time -f "%e s, %M KB" "$errata" validate "$data" $roles > /dev/null
echo "errata discover (load, features, search, tests):"
/usr/bin/time -f "%e s, %M KB" "$errata" discover "$data" $roles --system a --words 0 \
    --alpha 0.95 --k 10 --max-l 3 --min-support 30 --by-score --format json > "errata-$rows.json"
echo "sliceline fit (load not timed):"
/usr/bin/time -f "%e s, %M KB" "$python" "$here/sliceline_bench.py" "$data" > "sliceline-$rows.json"
