"""The Python side of the discovery benchmark: sliceline's fit on the same features and
errors errata searches (the 20 feature columns, one-hot encoded by sliceline; the error is
1 where pred_a differs from gold). Reading the CSV is not timed.

    python sliceline_bench.py discovery-1000000.csv [MIN_SUP [MAX_L]]
"""
import json
import sys
import time
from importlib.metadata import version

import numpy as np
import pandas as pd
from sliceline import Slicefinder


def main():
    frame = pd.read_csv(sys.argv[1])
    features = frame[[c for c in frame.columns if c.startswith("f")]].to_numpy()
    errors = (frame["gold"] != frame["pred_a"]).to_numpy().astype(float)
    start, cpu = time.perf_counter(), time.process_time()
    min_sup = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    max_l = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    finder = Slicefinder(alpha=0.95, k=10, max_l=max_l, min_sup=min_sup, verbose=False)
    finder.fit(features, errors)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    top = [{"slice": [v for v in s], "score": st["slice_score"], "size": st["slice_size"]}
           for s, st in zip(finder.top_slices_.tolist(), finder.top_slices_statistics_)]
    print(json.dumps({"rows": len(frame), "min_sup": min_sup, "max_l": max_l, "seconds": seconds, "cpu_seconds": cpu, "sliceline": version("sliceline"),
                      "numpy": np.__version__, "top": top}))


if __name__ == "__main__":
    main()
