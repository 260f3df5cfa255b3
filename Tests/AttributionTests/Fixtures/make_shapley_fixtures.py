"""Reference Shapley values from the shap library's Exact explainer.

Each game is a deterministic function of a binary coalition vector z (z_i = 1 when player i
is present). shap sees it as a model of M binary features explained at x = (1, ..., 1) against
the single background row (0, ..., 0): a masked feature takes the background value 0, so the
model's input is exactly the coalition and shap's Exact explainer computes the Shapley values
of the game. The games' parameters and shap's values are written to shapley_fixtures.json,
which ShapFixtureTests rebuilds and compares to 1e-9.

Run: python3 make_shapley_fixtures.py  (writes shapley_fixtures.json next to this file).
"""

import json
import os

import numpy as np
import shap


def weighted_majority(params):
    weights = np.array(params["weights"], dtype=float)
    return lambda z: (z @ weights >= params["quota"]).astype(float)


def polynomial(params):
    def value(z):
        total = np.full(z.shape[0], params["constant"], dtype=float)
        for term in params["terms"]:
            total += term["coefficient"] * np.prod(z[:, term["players"]], axis=1)
        return total
    return value


def tanh_unit(params):
    weights = np.array(params["weights"], dtype=float)
    return lambda z: np.tanh(z @ weights + params["bias"])


KINDS = {"weighted-majority": weighted_majority, "polynomial": polynomial, "tanh-unit": tanh_unit}


def games():
    rng = np.random.default_rng(20240611)
    yield "weighted-majority-8", "weighted-majority", 8, {
        "weights": [int(w) for w in rng.integers(1, 10, size=8)], "quota": 21}
    # Dyadic coefficients keep every value exact in binary floating point.
    terms = []
    for size in (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4):
        players = sorted(int(p) for p in rng.choice(10, size=size, replace=False))
        terms.append({"players": players, "coefficient": int(rng.integers(-40, 41)) / 8})
    yield "polynomial-10", "polynomial", 10, {"constant": 0.5, "terms": terms}
    yield "tanh-unit-6", "tanh-unit", 6, {
        "weights": [round(float(w), 3) for w in rng.normal(size=6)], "bias": -0.25}


def main():
    fixtures = []
    for name, kind, players, params in games():
        value = KINDS[kind](params)
        masker = shap.maskers.Independent(np.zeros((1, players)), max_samples=1)
        explanation = shap.explainers.Exact(value, masker)(np.ones((1, players)))
        fixtures.append({
            "name": name, "kind": kind, "players": players, "parameters": params,
            "shapley": [float(v) for v in explanation.values[0]],
            "baseValue": float(explanation.base_values[0]),
            "value": float(value(np.ones((1, players)))[0]),
        })
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shapley_fixtures.json")
    with open(out, "w") as f:
        json.dump({"generator": f"shap {shap.__version__} explainers.Exact", "games": fixtures}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
