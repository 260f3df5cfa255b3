"""Expected values for errata's statistics layer from scipy, statsmodels, scikit-learn and numpy.

Run: python3 reference_values.py > reference_values.json
Versions used for the committed JSON are recorded in it.
"""
import json

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy.stats import binomtest
from sklearn.metrics import f1_score
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

rng = np.random.default_rng(20240501)

mcnemar = []
for b, c in [(0, 1), (1, 9), (5, 5), (6, 5), (3, 12), (40, 60), (123, 77), (1000, 1100),
             (49_000, 51_000), (4_990_000, 5_010_000), (4_999_000, 5_001_000), (10, 1000)]:
    # Exact McNemar test = two-sided exact binomial test on the discordant pairs.
    p = binomtest(min(b, c), b + c, 0.5, alternative="two-sided").pvalue
    mcnemar.append({"b": b, "c": c, "p": float(p)})

holm = []
for p in [[0.01, 0.04, 0.03], [0.5], [0.2, 0.2, 0.01, 0.9, 0.04], rng.uniform(0, 0.2, 12).tolist(),
          [0.0, 1.0, 0.3, 0.3]]:
    holm.append({"p": p, "adjusted": multipletests(p, method="holm")[1].tolist()})

wilson = []
for successes, total, confidence in [(0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95), (37, 120, 0.9),
                                     (600, 2000, 0.95), (1, 1, 0.99), (4999, 10000, 0.8)]:
    lower, upper = proportion_confint(successes, total, alpha=1 - confidence, method="wilson")
    wilson.append({"successes": successes, "total": total, "confidence": confidence,
                   "lower": float(lower), "upper": float(upper)})

f1 = []
for n, classes, labels_used in [(50, 4, 4), (200, 7, 5), (30, 10, 3), (1, 3, 1)]:
    gold = rng.integers(0, labels_used, n)
    predicted = np.where(rng.uniform(size=n) < 0.6, gold, rng.integers(0, classes, n))
    present = sorted(set(gold.tolist()) | set(predicted.tolist()))
    f1.append({
        "classCount": classes, "gold": gold.tolist(), "predicted": predicted.tolist(),
        "macro": float(f1_score(gold, predicted, average="macro", labels=present, zero_division=0)),
        "micro": float(f1_score(gold, predicted, average="micro", labels=present, zero_division=0)),
    })

quantiles = []
levels = [0.0, 0.025, 0.5, 0.975, 1.0]
for values in [[3.0, 1.0, 2.0], rng.normal(size=11).tolist(), rng.uniform(size=200).tolist()]:
    quantiles.append({"values": values, "levels": levels,
                      "quantiles": [float(np.quantile(values, q)) for q in levels]})

print(json.dumps({
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                 "statsmodels": statsmodels.__version__, "sklearn": sklearn.__version__},
    "mcnemar": mcnemar, "holm": holm, "wilson": wilson, "f1": f1, "quantiles": quantiles,
}))
