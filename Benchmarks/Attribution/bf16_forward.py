"""MiniLM classifier forward passes over perturbation batches in PyTorch, float32 against bfloat16
(oneDNN's AVX512-BF16 kernels under autocast), alternating rounds on 2 threads, and the change bf16
makes to f(x): the most a bf16 path for perturbation methods could gain on this processor.

Usage: bf16_forward.py HEAD.json TEST.jsonl  (Datasets/rotten-tomatoes/models/minilm-head.json, test.jsonl)
"""
import os, sys, time, statistics, json, torch, transformers
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare
torch.set_num_threads(2)
folder = compare.model_directory(None)
head = json.load(open(sys.argv[1]))
tok = transformers.BertTokenizerFast.from_pretrained(folder)
model = compare.Classifier(transformers.BertModel.from_pretrained(folder, add_pooling_layer=False).eval(), head)
texts = [json.loads(l)["text"] for l in open(sys.argv[2])][:12]
def batch(text, n=64):
    ids = torch.tensor([tok(text)["input_ids"]]).repeat(n, 1)
    g = torch.Generator().manual_seed(0)
    mask = torch.rand(ids.shape, generator=g) < 0.5
    mask[:, 0] = False; mask[:, -1] = False
    ids[mask] = tok.mask_token_id
    return ids
batches = [batch(t) for t in texts]
def run(dtype):
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=dtype == "bf16"):
        return [model(b).float() for b in batches]
run("fp32"); run("bf16")
times = {"fp32": [], "bf16": []}
for r in range(3):
    for d in ("fp32", "bf16"):
        t = time.perf_counter(); out = run(d); times[d].append(time.perf_counter() - t)
a = torch.cat(run("fp32")); b = torch.cat(run("bf16"))
tokens = sum(x.numel() for x in batches)
for d in times:
    print(f"{d}: median {statistics.median(times[d]):.3f} s for {len(batches)} batches of 64 ({tokens} tokens); runs {[round(x,3) for x in times[d]]}")
print(f"speed bf16 vs fp32: {statistics.median(times['fp32'])/statistics.median(times['bf16']):.2f}x")
err = (a - b).abs()
print(f"|f_bf16 - f_fp32| over {a.shape[0]} perturbations x {a.shape[1]} classes: mean {err.mean():.2e}, max {err.max():.2e}")
