"""Writes the discovery benchmark's data: N rows, 20 categorical features of 2 to 8 values,
a gold label and one system's predictions, wrong 10% of the time and more often in three
planted slices. Deterministic for a seed.

    python generate.py --rows 1000000 --out discovery-1000000.csv
"""
import argparse

import numpy as np

LEVELS = [2, 3, 4, 5, 6, 7, 8, 2, 3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 3, 4]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    n = args.rows
    codes = np.column_stack([rng.integers(0, l, n) for l in LEVELS])
    rate = np.full(n, 0.10)
    rate[(codes[:, 0] == 1) & (codes[:, 3] == 2)] = 0.4
    rate[(codes[:, 5] == 0) & (codes[:, 9] == 1) & (codes[:, 12] == 4)] = 0.7
    rate[codes[:, 15] == 3] += 0.05
    wrong = rng.random(n) < rate
    gold = rng.integers(0, 2, n)
    predicted = np.where(wrong, 1 - gold, gold)
    names = np.array(["neg", "pos"])
    with open(args.out, "w") as out:
        out.write("id,gold,pred_a," + ",".join(f"f{i + 1}" for i in range(len(LEVELS))) + "\n")
        feature_text = np.char.add("v", codes.astype(str))
        lines = [f"{i + 1},{names[gold[i]]},{names[predicted[i]]}," + ",".join(feature_text[i]) for i in range(n)]
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
