"""The attribution benchmark's workloads in PyTorch, on the inputs of an errata report.

Reads the JSON that `attribution-bench` wrote (the fixed-length token ids, the sample of
test sentences, errata's scores and probabilities), runs the same model from the same
weights with transformers, and times:

  (a) one forward pass per sequence length;
  (b) captum's LayerIntegratedGradients on the word embeddings: 50 Gauss-Legendre steps,
      [PAD] at every non-special token as the baseline, errata's gradient batch size;
  (c) shap's Permutation explainer with a masker that puts [MASK] at the token-id level
      (no re-tokenizing, as errata masks), with max_evals equal to errata's budget.

It also checks that both sides computed the same thing: token ids, forward probabilities,
and IG scores (Pearson correlation and largest absolute difference). Writes one JSON report.
Runs only the workloads that the errata report holds.
"""

import argparse
import json
import os
import pathlib
import platform
import re
import statistics
import time

import numpy as np
import torch
import transformers
import captum
import shap
import threadpoolctl
from captum.attr import LayerIntegratedGradients

MODEL_FOLDER = "all-MiniLM-L6-v2-0.1.0"


def model_directory(given):
    """The unpacked model folder, found as errata's ModelStore finds it."""
    if given:
        return pathlib.Path(given)
    path = os.environ.get("ERRATA_MODEL_PATH")
    if path and (pathlib.Path(path) / "config.json").exists():
        return pathlib.Path(path)
    if os.environ.get("ERRATA_MODEL_CACHE"):
        cache = pathlib.Path(os.environ["ERRATA_MODEL_CACHE"]).expanduser()
    elif os.environ.get("XDG_CACHE_HOME"):
        cache = pathlib.Path(os.environ["XDG_CACHE_HOME"]) / "errata"
    else:
        cache = pathlib.Path.home() / ".cache" / "errata"
    return cache / MODEL_FOLDER


class Classifier(torch.nn.Module):
    """The encoder, mean pooling over the tokens, the linear head, softmax: errata's demo model."""

    def __init__(self, encoder, head):
        super().__init__()
        self.encoder = encoder
        self.weight = torch.tensor(head["weights"], dtype=torch.float32)
        self.bias = torch.tensor(head["bias"], dtype=torch.float32)

    def forward(self, ids):
        hidden = self.encoder(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
        pooled = hidden.mean(dim=1)
        return torch.softmax(pooled @ self.weight.T + self.bias, dim=-1)


def summary(seconds):
    return {"count": len(seconds), "median": statistics.median(seconds), "min": min(seconds),
            "mean": statistics.fmean(seconds), "total": sum(seconds)}


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def forward_latency(model, lengths, repeats, warmups=3):
    results = []
    with torch.inference_mode():
        for length in lengths:
            ids = torch.tensor([length["ids"]])
            for _ in range(warmups):
                model(ids)
            seconds = [timed(lambda: model(ids))[1] for _ in range(repeats)]
            probabilities = model(ids)[0].tolist()
            results.append({"tokens": length["tokens"], "seconds": summary(seconds), "probabilities": probabilities,
                            "max_abs_probability_difference": float(np.max(np.abs(
                                np.array(probabilities) - np.array(length["probabilities"]))))})
    return results


def predict(model, tokenizer, text):
    ids = torch.tensor([tokenizer(text)["input_ids"]])
    with torch.inference_mode():
        probabilities = model(ids)[0]
    return ids, probabilities


def integrated_gradients(model, tokenizer, texts, errata_ig, batch=None):
    """captum on the sample, timed per sentence from text to scores, as errata's is.

    Each sentence's gradient points per batch are errata's for it (all 50 steps at once for
    sentences up to 30 tokens), or `batch` for every sentence when given.
    """
    layer = LayerIntegratedGradients(model, model.encoder.embeddings.word_embeddings)
    pad = tokenizer.pad_token_id
    batches = [batch or s["batch_size"] for s in errata_ig["sentences"]]

    def explain(text, internal_batch_size):
        ids, probabilities = predict(model, tokenizer, text)
        target = int(torch.argmax(probabilities))
        baseline = ids.clone()
        baseline[0, 1:-1] = pad
        attributions, delta = layer.attribute(
            inputs=ids, baselines=baseline, target=target, n_steps=errata_ig["steps"], method="gausslegendre",
            internal_batch_size=internal_batch_size, return_convergence_delta=True)
        return ids, probabilities, target, attributions.sum(dim=-1)[0, 1:-1].tolist(), float(delta[0])

    explain(texts[0], batches[0])
    sentences = []
    processor_start = time.process_time()
    for text, internal_batch_size in zip(texts, batches):
        (ids, probabilities, target, scores, delta), seconds = timed(lambda: explain(text, internal_batch_size))
        sentences.append({"ids": ids[0].tolist(), "probabilities": probabilities.tolist(), "target": target,
                          "scores": scores, "delta": delta, "internal_batch_size": internal_batch_size,
                          "seconds": seconds})
    return {"steps": errata_ig["steps"], "method": "gausslegendre", "internal_batch_size": batch,
            "seconds": summary([s["seconds"] for s in sentences]),
            # CPU seconds of the whole process (every thread) over the timed sentences, as errata reports them.
            "processor_seconds": time.process_time() - processor_start, "sentences": sentences}


class TokenMasker:
    """Hides the players outside a coalition by putting [MASK] at their token ids.

    The players are the tokens between [CLS] and [SEP], as in errata; shap's Text masker
    would instead edit the string and tokenize it again.
    """

    def __init__(self, mask_id):
        self.mask_id = mask_id

    def __call__(self, mask, ids):
        masked = ids.copy()
        masked[1:-1][~mask] = self.mask_id
        return masked[None, :]

    def shape(self, ids):
        return (1, len(ids) - 2)

    def mask_shapes(self, ids):
        return [(len(ids) - 2,)]


def permutation_shap(model, tokenizer, texts, errata_permutation):
    """shap's Permutation explainer on the sample, with errata's budget for each sentence."""
    masker = TokenMasker(tokenizer.mask_token_id)
    batch_size = errata_permutation["batch_size"]

    def explain(text, budget):
        ids, probabilities = predict(model, tokenizer, text)
        target = int(torch.argmax(probabilities))

        def value(batch):
            with torch.inference_mode():
                return model(torch.from_numpy(np.asarray(batch, dtype=np.int64)))[:, target].numpy()

        explainer = shap.explainers.Permutation(value, masker, seed=errata_permutation["seed"])
        result = explainer(ids.numpy(), max_evals=budget, batch_size=batch_size, silent=True)
        return result.values[0].tolist(), float(result.base_values[0])

    explain(texts[0][0], texts[0][1])
    sentences = []
    for text, budget in texts:
        (scores, base_value), seconds = timed(lambda: explain(text, budget))
        players = len(scores)
        sentences.append({"players": players, "budget": budget, "orderings": budget // (2 * players + 1),
                          "evaluations": (budget // (2 * players + 1)) * (2 * players + 1),
                          "base_value": base_value, "scores": scores, "seconds": seconds})
    return {"batch_size": batch_size, "seconds": summary([s["seconds"] for s in sentences]), "sentences": sentences}


def agreement(errata, ig, forward, labels):
    """How closely the two implementations agree on the same inputs."""
    ours = np.concatenate([s["scores"] for s in errata["ig"]["sentences"]])
    theirs = np.concatenate([s["scores"] for s in ig["sentences"]])
    per_sentence = [float(np.corrcoef(a["scores"], b["scores"])[0, 1])
                    for a, b in zip(errata["ig"]["sentences"], ig["sentences"]) if len(a["scores"]) > 1]
    probability_differences = [abs(a["probabilities"][label] - b["probabilities"][k])
                               for a, b in zip(errata["ig"]["sentences"], ig["sentences"])
                               for k, label in enumerate(labels)]
    return {
        "token_id_mismatches": sum(a["ids"] != b["ids"] for a, b in zip(errata["ig"]["sentences"], ig["sentences"])),
        "target_mismatches": sum(labels.index(a["target"]) != b["target"]
                                 for a, b in zip(errata["ig"]["sentences"], ig["sentences"])),
        "ig_scores": int(len(ours)),
        "ig_pearson": float(np.corrcoef(ours, theirs)[0, 1]),
        "ig_min_sentence_pearson": min(per_sentence),
        "ig_max_abs_difference": float(np.max(np.abs(ours - theirs))),
        "ig_max_abs_score": float(np.max(np.abs(ours))),
        "sample_max_abs_probability_difference": max(probability_differences),
        "forward_max_abs_probability_difference": max(f["max_abs_probability_difference"] for f in forward),
    }


def torch_blas():
    """The BLAS torch was built with and its CPU capability, from `torch.__config__.show()`."""
    config = torch.__config__.show()
    blas = re.search(r"BLAS_INFO=(\w+)", config)
    capability = re.search(r"CPU capability usage: (\w+)", config)
    return {"blas": blas.group(1) if blas else None, "cpu_capability": capability.group(1) if capability else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errata", required=True, help="the attribution-bench report (BLAS run)")
    parser.add_argument("--repository", default=str(pathlib.Path(__file__).resolve().parents[2]))
    parser.add_argument("--model", help="the unpacked model folder (default: errata's model cache)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (errata uses one per core)")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--ig-batch", type=int, help="captum's internal_batch_size for every sentence (default: errata's)")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()
    errata = json.loads(pathlib.Path(args.errata).read_text())
    dataset = pathlib.Path(args.repository) / "Datasets" / "rotten-tomatoes"
    texts = [json.loads(line)["text"] for line in (dataset / "test.jsonl").read_text().splitlines() if line]
    head = json.loads((dataset / "models" / "minilm-head.json").read_text())
    folder = model_directory(args.model)
    tokenizer = transformers.BertTokenizerFast.from_pretrained(folder)
    model = Classifier(transformers.BertModel.from_pretrained(folder, add_pooling_layer=False).eval(), head)

    # Only the workloads the errata report has, so that one workload can be timed on both
    # sides alternately (attribution-bench --workload ig, then this).
    sample = [texts[i] for i in errata["sample_indices"]]
    forward = forward_latency(model, errata["forward"], args.repeats) if "forward" in errata else None
    ig = integrated_gradients(model, tokenizer, sample, errata["ig"], args.ig_batch) if "ig" in errata else None
    permutation = None
    if "permutation" in errata:
        budgets = [s["budget"] for s in errata["permutation"]["sentences"]]
        permutation = permutation_shap(model, tokenizer, list(zip(sample, budgets)), errata["permutation"])
    report = {
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__, "captum": captum.__version__,
                     "shap": shap.__version__, "numpy": np.__version__},
        "threads": torch.get_num_threads(),
        "mkldnn": torch.backends.mkldnn.is_available(),
        # torch's own BLAS: MKL is linked statically in PyPI's builds, which threadpoolctl
        # does not see (the OpenBLAS libraries it lists are numpy's and scipy's).
        "torch_blas": torch_blas(),
        "threadpools": threadpoolctl.threadpool_info(),
        "environment": {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")
                        if k in os.environ},
        "model": str(folder),
        "forward": forward,
        "ig": ig,
        "permutation": permutation,
        "agreement": agreement(errata, ig, forward, head["labels"]) if ig and forward else None,
    }
    pathlib.Path(args.output).write_text(json.dumps(report))


if __name__ == "__main__":
    main()
