"""Reference values for errata's Correlation (Pearson, Kendall's tau-b) and meta-evaluation.

Pearson's r from scipy.stats.pearsonr, Kendall's tau-b from scipy.stats.kendalltau (default
variant 'b'); undefined values (nan) are written as null. Cases cover ties in x, in y and in
both, a negative relation, the smallest n, constant samples, and a large tied sample.

The "ted" part meta-evaluates exact match against MQM on the bundled TED ratings
(Datasets/mqm-ted-en-de/mqm_ted_ende.tsv, `ref` as the reference, `ref` itself left out):
segment MQM = sum of error weights (Major 5, Minor 1, Neutral 0, Minor Fluency/Punctuation
0.1, Major Non-translation! 25); both scores oriented larger-is-better (MQM negated).

Run from the repository root (needs numpy and scipy):
    python3 Tests/ErrataCoreTests/Fixtures/statistics/correlation.py > Tests/ErrataCoreTests/Fixtures/statistics/correlation.json
"""
import collections
import json
import math
import re

import numpy as np
from scipy import stats


def clean(v):
    return None if v is None or math.isnan(v) else float(v)


def pair(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2:
        return None, None
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p = stats.pearsonr(x, y)[0] if x.std() > 0 and y.std() > 0 else float("nan")
            k = stats.kendalltau(x, y).statistic
    return clean(p), clean(k)


def cases():
    rng = np.random.default_rng(20211)
    out = []

    def add(name, x, y):
        p, k = pair(x, y)
        out.append({"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y], "pearson": p, "kendall_b": k})

    add("continuous", rng.normal(size=20).round(6), rng.normal(size=20).round(6))
    x = rng.normal(size=30).round(6)
    add("related", x, (x + rng.normal(scale=0.5, size=30)).round(6))
    add("negative", [1, 2, 3, 4, 5], [10, 8, 8, 4, 1])
    add("ties in x", [1, 1, 2, 2, 3, 3, 3], [1, 2, 3, 1, 5, 4, 6])
    add("ties in y", [1, 2, 3, 4, 5, 6], [0, 0, 1, 1, 1, 2])
    add("joint ties", [1, 1, 1, 2, 2, 3, 3], [5, 5, 4, 4, 4, 1, 1])
    add("two points", [1, 2], [3, 1])
    add("one point", [1], [2])
    add("no points", [], [])
    add("constant x", [2, 2, 2, 2], [1, 2, 3, 4])
    add("constant y", [1, 2, 3, 4], [7, 7, 7, 7])
    add("large offset", [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 5], [3, 1, 4, 1])
    xs = rng.integers(0, 12, size=2000) * 0.5
    add("large tied", xs, (rng.integers(0, 6, size=2000) + (xs > 3)).astype(float))
    return out


def ted():
    weights = {"major": 5.0, "minor": 1.0, "neutral": 0.0}
    lines = open("Datasets/mqm-ted-en-de/mqm_ted_ende.tsv", encoding="utf-8").read().split("\n")
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    mqm = collections.defaultdict(float)
    target = {}
    order = []
    for line in lines[1:]:
        if not line:
            continue
        f = line.split("\t")
        seg = (f[col["doc"]], f[col["seg_id"]])
        if seg not in order:
            order.append(seg)
        key = (seg, f[col["system"]])
        target[key] = re.sub(r"</?v>", "", f[col["target"]])
        sev, cat = f[col["severity"]].lower(), f[col["category"]]
        w = 0.0
        if sev in weights:
            w = weights[sev]
            if sev == "minor" and cat.lower().startswith("fluency/punctuation"):
                w = 0.1
            if sev == "major" and cat.lower().startswith("non-translation!"):
                w = 25.0
        mqm[key] += w
    systems = sorted({s for (_, s) in target if s != "ref"})
    human = {s: [-mqm[(g, s)] for g in order] for s in systems}
    exact = {s: [1.0 if target[(g, s)] == target[(g, "ref")] else 0.0 for g in order] for s in systems}
    sys_h = [float(np.mean(human[s])) for s in systems]
    sys_m = [float(np.mean(exact[s])) for s in systems]
    sp, sk = pair(sys_m, sys_h)
    flat_h = [v for s in systems for v in human[s]]
    flat_m = [v for s in systems for v in exact[s]]
    gp, gk = pair(flat_m, flat_h)
    taus = []
    for i in range(len(order)):
        _, k = pair([exact[s][i] for s in systems], [human[s][i] for s in systems])
        if k is not None:
            taus.append(k)
    return {
        "systems": systems,
        "system": {"count": len(systems), "pearson": sp, "kendall": sk},
        "segment": {"count": len(flat_h), "pearson": gp, "kendall": gk,
                    "kendall_by_item": float(np.mean(taus)) if taus else None, "items": len(taus)},
    }


print(json.dumps({"cases": cases(), "ted": ted()}, indent=1))
