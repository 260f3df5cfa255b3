"""shap's Permutation and Partition explainers against exact word-level Shapley values.

Reads the fixture that `attribution-bench --workload exact-fixture` wrote (each sentence's
token ids, its words' token positions, the explained class and the exact values) and plays
errata's game in PyTorch: players are words, a word outside the coalition has its word
pieces replaced by [MASK] at the token-id level, and the value is the explained class's
probability. shap sees the game as a model over binary word masks (1 = word kept) with an
all-zeros background and x = all ones, so its maskers hide exactly the words errata hides.

Before timing, the game is checked against the fixture: v(N) and v(empty) of every sentence,
and the exact Shapley values of the sentences of at most 6 words, enumerated here.

For each sentence, max_evals and seed it times one explanation (wall and CPU seconds of the
explainer call) and records the mean squared error to the exact values. Writes one JSON report.
"""

import argparse
import itertools
import json
import math
import pathlib
import platform
import time

import numpy as np
import shap
import torch
import transformers

from compare import Classifier, model_directory


class WordGame:
    """v(S) for binary word masks: the explained class's probability with the hidden words'
    pieces set to [MASK]; counts the coalitions it is asked for."""

    def __init__(self, model, sentence, mask_id, target, batch_size):
        self.model = model
        self.ids = torch.tensor(sentence["ids"], dtype=torch.int64)
        self.ranges = sentence["token_ranges"]
        self.mask_id = mask_id
        self.target = target
        self.batch_size = batch_size
        self.evaluations = 0

    def __call__(self, masks):
        masks = np.asarray(masks) > 0.5
        self.evaluations += len(masks)
        batch = self.ids.repeat(len(masks), 1)
        for word, (start, end) in enumerate(self.ranges):
            hidden = torch.from_numpy(~masks[:, word])
            batch[hidden, start:end] = self.mask_id
        values = []
        with torch.inference_mode():
            for start in range(0, len(batch), self.batch_size):
                values.append(self.model(batch[start:start + self.batch_size])[:, self.target])
        return torch.cat(values).double().numpy()


def word_order_linkage(players):
    """A balanced binary tree over the words in reading order, as a scipy linkage matrix:
    neighbours merge first, then neighbouring pairs, and so on (shap's Text masker also
    clusters tokens by position)."""
    nodes = [(i, 1) for i in range(players)]
    rows = []
    level = 0
    while len(nodes) > 1:
        level += 1
        merged = []
        for k in range(0, len(nodes) - 1, 2):
            (left, left_size), (right, right_size) = nodes[k], nodes[k + 1]
            rows.append([left, right, float(level), left_size + right_size])
            merged.append((players + len(rows) - 1, left_size + right_size))
        if len(nodes) % 2:
            merged.append(nodes[-1])
        nodes = merged
    return np.array(rows, dtype=float)


def exact_shapley(game, players):
    """Shapley values by enumerating all 2^M coalitions (only for checking the game)."""
    coalitions = np.array(list(itertools.product([0, 1], repeat=players)), dtype=float)
    values = dict(zip(map(tuple, coalitions.astype(int)), game(coalitions)))
    phi = np.zeros(players)
    for coalition, value in values.items():
        size = sum(coalition)
        for i in range(players):
            if coalition[i]:
                without = coalition[:i] + (0,) + coalition[i + 1:]
                weight = math.factorial(size - 1) * math.factorial(players - size) / math.factorial(players)
                phi[i] += weight * (value - values[without])
    return phi


def check(game, sentence):
    players = len(sentence["values"])
    ends = game(np.array([np.ones(players), np.zeros(players)]))
    result = {"index": sentence["index"],
              "value_difference": abs(float(ends[0]) - sentence["value"]),
              "base_value_difference": abs(float(ends[1]) - sentence["base_value"])}
    if players <= 6:
        result["exact_max_difference"] = float(np.max(np.abs(exact_shapley(game, players) - sentence["values"])))
    return result


def explain(method, game, players, budget, seed):
    ones = np.ones((1, players))
    if method == "shap-permutation":
        explainer = shap.explainers.Permutation(game, shap.maskers.Independent(np.zeros((1, players))), seed=seed)
        return explainer(ones, max_evals=budget, silent=True).values[0]
    masker = shap.maskers.Partition(np.zeros((1, players)), clustering=word_order_linkage(players))
    explainer = shap.explainers.Partition(game, masker)
    return explainer(ones, max_evals=budget, silent=True).values[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--repository", default=str(pathlib.Path(__file__).resolve().parents[2]))
    parser.add_argument("--model", help="the unpacked model folder (default: errata's model cache)")
    parser.add_argument("--max-evals", default="100,200,500,1000,2000", help="comma-separated")
    parser.add_argument("--seeds", type=int, default=1, help="seeds per max_evals (shap Permutation)")
    parser.add_argument("--methods", default="shap-permutation,shap-partition")
    parser.add_argument("--min-words", type=int, default=3, help="only the fixture's sentences of at least this many words")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=256, help="rows per forward pass (errata's batch)")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()
    fixture = json.loads(pathlib.Path(args.fixture).read_text())
    fixture["sentences"] = [s for s in fixture["sentences"] if len(s["values"]) >= args.min_words]
    dataset = pathlib.Path(args.repository) / "Datasets" / "rotten-tomatoes"
    head = json.loads((dataset / "models" / "minilm-head.json").read_text())
    folder = model_directory(args.model)
    tokenizer = transformers.BertTokenizerFast.from_pretrained(folder)
    model = Classifier(transformers.BertModel.from_pretrained(folder, add_pooling_layer=False).eval(), head)
    budgets = [int(b) for b in args.max_evals.split(",")]
    methods = args.methods.split(",")

    def game(sentence):
        return WordGame(model, sentence, tokenizer.mask_token_id, head["labels"].index(sentence["target"]),
                        args.batch_size)

    checks = [check(game(s), s) for s in fixture["sentences"]]
    first = fixture["sentences"][0]
    explain(methods[0], game(first), len(first["values"]), budgets[0], 1)  # warm-up
    runs = []
    for sentence in fixture["sentences"]:
        players = len(sentence["values"])
        exact = np.array(sentence["values"])
        for method in methods:
            for budget in budgets:
                for seed in range(1, (args.seeds if method == "shap-permutation" else 1) + 1):
                    played = game(sentence)
                    processor_start = time.process_time()
                    wall_start = time.perf_counter()
                    values = explain(method, played, players, budget, seed)
                    seconds = time.perf_counter() - wall_start
                    runs.append({"index": sentence["index"], "players": players, "method": method, "budget": budget,
                                 "seed": seed, "evaluations": played.evaluations,
                                 "mean_squared_error": float(np.mean((values - exact) ** 2)),
                                 "coverage": None, "seconds": seconds,
                                 "processor_seconds": time.process_time() - processor_start})
    report = {"versions": {"python": platform.python_version(), "torch": torch.__version__,
                           "transformers": transformers.__version__, "shap": shap.__version__,
                           "numpy": np.__version__},
              "threads": torch.get_num_threads(), "checks": checks, "shapley_accuracy": runs}
    pathlib.Path(args.output).write_text(json.dumps(report))


if __name__ == "__main__":
    main()
