"""Exact p-values of the paired randomization test, for errata's `pairedRandomization`.

Run: python3 randomization.py > randomization.json

Each case has per-instance statistics [x, y] of a baseline and a system; a slice's score is
sum(x) / sum(y) (errata's MeanMetric: a mean when every y is 1, a corpus-level ratio
otherwise). Under the null, each instance's two rows may swap; the exact p-value is the share
of the 2^n assignments whose |score(system) - score(baseline)| reaches the observed one.
Mean cases are cross-checked against scipy.stats.permutation_test (paired "samples" type).
"""
import itertools
import json

import numpy as np
import scipy
from scipy.stats import permutation_test

rng = np.random.default_rng(20261203)


def exact_p(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    n = len(a)
    observed = abs(b[:, 0].sum() / b[:, 1].sum() - a[:, 0].sum() / a[:, 1].sum())
    swaps = np.array(list(itertools.product([0, 1], repeat=n)), dtype=float)  # 2^n x n
    shift = b - a  # swapping row i moves shift[i] from the system's sums to the baseline's
    moved = swaps @ shift
    base = a.sum(0) + moved
    system = b.sum(0) - moved
    differences = np.abs(system[:, 0] / system[:, 1] - base[:, 0] / base[:, 1])
    return float(np.mean(differences >= observed * (1 - 1e-9)))


cases = []
for name, n, ratio in [("one", 1, False), ("two", 2, False), ("mean5", 5, False), ("mean10", 10, False),
                       ("mean16", 16, False), ("ratio12", 12, True), ("ratio16", 16, True), ("ratio20", 20, True)]:
    if ratio:
        y_a = rng.integers(5, 40, n)
        y_b = rng.integers(5, 40, n)
        a = np.stack([rng.binomial(y_a, 0.5), y_a], 1)
        b = np.stack([rng.binomial(y_b, 0.62), y_b], 1)
    else:
        a = np.stack([np.round(rng.normal(50, 10, n), 3), np.ones(n)], 1)
        b = np.stack([np.round(a[:, 0] + rng.normal(3, 5, n), 3), np.ones(n)], 1)
    p = exact_p(a, b)
    if not ratio and n > 1:
        reference = permutation_test((b[:, 0], a[:, 0]), lambda x, y, axis: np.mean(x - y, axis=axis),
                                     permutation_type="samples", n_resamples=np.inf, alternative="two-sided").pvalue
        assert abs(reference - p) < 1e-12, (name, reference, p)
    cases.append({"name": name, "baseline": a.tolist(), "system": b.tolist(), "p": p})

print(json.dumps({"numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}, indent=1))
