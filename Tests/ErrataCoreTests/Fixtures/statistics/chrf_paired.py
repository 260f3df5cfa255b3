"""chrF statistics and sacrebleu paired-bootstrap results for errata's paired test.

Takes the first 500 segments of four WMT17 en-de systems from sacrebleu's own test data
(test/wmt17_en_de_systems.pkl.bz2 in the sacrebleu 2.6.0 sdist), stores each segment's chrF
sufficient statistics (CHRF()._extract_corpus_statistics: [hyp, ref, match] counts for
character orders 1-6), and runs sacrebleu's PairedTest (test_type="bs", 1,000 resamples)
against the first system as baseline under 20 seeds. The mean and spread of the p-value over
seeds give a target for errata, whose random stream differs.

Run: python3 chrf_paired.py /path/to/wmt17_en_de_systems.pkl.bz2 > chrf_paired.json
"""
import bz2
import json
import os
import pickle
import sys

import numpy as np
import sacrebleu
from sacrebleu.metrics import CHRF
from sacrebleu.significance import PairedTest

SEGMENTS = 500
NAMES = ["newstest2017.LIUM-NMT.4900.en-de", "newstest2017.KIT.4950.en-de",
         "newstest2017.online-B.0.en-de", "newstest2017.uedin-nmt.4722.en-de"]
SEEDS = range(1, 21)

with bz2.BZ2File(sys.argv[1], "rb") as f:
    data = pickle.load(f)
_, references = data.pop()
references = [r[:SEGMENTS] for r in references]
systems = [(name, hyps[:SEGMENTS]) for name, hyps in data if name in NAMES]
systems.sort(key=lambda s: NAMES.index(s[0]))

chrf = CHRF()
statistics = {name: chrf._extract_corpus_statistics(hyps, references) for name, hyps in systems}
scores = {name: chrf.corpus_score(hyps, references).score for name, hyps in systems}

p_values = {name: [] for name in NAMES[1:]}
half_widths = {name: [] for name in NAMES}
for seed in SEEDS:
    os.environ["SACREBLEU_SEED"] = str(seed)
    results = PairedTest(systems, {"chrF": CHRF(references=references)}, references=None,
                         test_type="bs", n_samples=1000)()[1]
    key = next(k for k in results if k != "System")
    for name, result in zip(results["System"], results[key]):
        half_widths[name].append(result.ci)
        if result.p_value is not None:
            p_values[name].append(result.p_value)

print(json.dumps({
    "sacrebleu": sacrebleu.__version__,
    "segments": SEGMENTS,
    "resamples": 1000,
    "seeds": len(SEEDS),
    "baseline": NAMES[0],
    "systems": [{
        "name": name,
        "statistics": statistics[name],
        "score": scores[name],
        "pMean": float(np.mean(p_values[name])) if name in p_values else None,
        "pStandardDeviation": float(np.std(p_values[name], ddof=1)) if name in p_values else None,
        "ciHalfWidthMean": float(np.mean(half_widths[name])),
    } for name in NAMES],
}, separators=(",", ":")))
