"""Writes the sacrebleu 2.6.0 fixtures errata's text metric tests compare against.

Regenerate (from the repository root, with sacrebleu 2.6.0 installed and its source distribution
unpacked for the bundled WMT17 systems):

    pip install sacrebleu==2.6.0
    tar xzf sacrebleu-2.6.0.tar.gz -C /tmp
    python3 Tests/ErrataCoreTests/Fixtures/sacrebleu/make_fixtures.py \
        /tmp/sacrebleu-2.6.0/test/wmt17_en_de_systems.pkl.bz2

It writes, next to this script:

* ``cases.json``: hand-made edge cases and seeded random pairs (unicode punctuation and whitespace,
  CJK, Greek final sigma, numbers with separators, hyphens, 13a's entities and ``<skipped>``,
  empty sides, several references), each with sacrebleu's sentence scores under every metric
  variant and its 13a and intl tokenization of the hypothesis, plus the corpus score of all cases
  together.
* ``wmt17.json``: four WMT17 en-de systems and the reference (all 3,004 segments), with sacrebleu's
  corpus scores per system and sentence scores for the first 100 segments of two systems. To stay
  small, segments are stored as sequences of word codes: the text split on single spaces (so
  ``' '.join`` restores it exactly), each word replaced by its rank in a frequency-sorted
  vocabulary, written in a prefix-free base-89 code (see ``encode_rank``).

Scores are on sacrebleu's 0-100 scale. Corpus scores come from ``corpus_score`` (summed
statistics), sentence scores from ``sentence_score``; sentence BLEU uses ``effective_order=True``
as ``sacrebleu.sentence_bleu`` does.
"""

import bz2
import collections
import json
import pickle
import random
import sys
from pathlib import Path

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.bleu import _get_tokenizer

assert sacrebleu.__version__ == "2.6.0", sacrebleu.__version__

HERE = Path(__file__).resolve().parent

# Metric variants by fixture key; the Swift tests map each key to the same configuration.
VARIANTS = {
    "chrf": lambda: CHRF(),
    "chrf++": lambda: CHRF(word_order=2),
    "chrf_lowercase": lambda: CHRF(lowercase=True),
    "chrf_whitespace": lambda: CHRF(whitespace=True),
    "chrf_eps": lambda: CHRF(beta=3, eps_smoothing=True),
    "bleu": lambda: BLEU(),
    "bleu_none": lambda: BLEU(tokenize="none"),
    "bleu_intl": lambda: BLEU(tokenize="intl"),
    "bleu_lowercase": lambda: BLEU(lowercase=True),
    "bleu_floor": lambda: BLEU(smooth_method="floor"),
    "bleu_addk": lambda: BLEU(smooth_method="add-k"),
    "bleu_nosmooth": lambda: BLEU(smooth_method="none"),
    "ter": lambda: TER(),
    "ter_case_sensitive": lambda: TER(case_sensitive=True),
}
WMT_VARIANTS = ["chrf", "chrf++", "bleu", "ter"]


def sentence_metric(key):
    """The metric as its sentence score is defined: BLEU with effective order."""
    if key.startswith("bleu"):
        metric = VARIANTS[key]()
        metric.effective_order = True
        return metric
    return VARIANTS[key]()


def corpus(key, hyps, refs_per_segment):
    """corpus_score with a variable number of references, padded with None as sacrebleu allows."""
    width = max(len(refs) for refs in refs_per_segment)
    streams = [[refs[i] if i < len(refs) else None for refs in refs_per_segment] for i in range(width)]
    return VARIANTS[key]().corpus_score(hyps, streams).score


HAND_MADE = [
    ("", ["The cat sat on the mat."]),
    ("The cat sat on the mat.", [""]),
    ("", [""]),
    ("a", ["a"]),
    ("a", ["b"]),
    ("aa", ["ab"]),
    ("The cat sat on the mat.", ["The cat sat on the mat."]),
    ("the CAT sat on THE mat", ["The cat sat on the mat."]),
    ("mat the on sat cat the", ["the cat sat on the mat"]),
    ("d e f g h a b c", ["a b c d e f g h"]),
    ("He said “hello” — and left…", ["He said \"hello\" - and left..."]),
    ("¿Qué pasa? ¡Nada!", ["¿Qué pasó? ¡Nada, nada!"]),
    ("我们今天去公园。", ["我们明天去公园。"]),
    ("東京は、日本の首都です。", ["東京は日本の首都である。"]),
    ("ΟΔΟΣ ΣΟΦΟΣ. Σ ΣΑ", ["οδος σοφος. σ σα"]),
    ("İstanbul STRASSE straße", ["istanbul strasse Straße"]),
    ("It costs 1,000.50 dollars, or 3.5 %.", ["It costs 1,000.50 dollars, or 3.5%."]),
    ("Pages 10-20 and 3 - 4, version 2.0.", ["Pages 10 - 20 and 3-4, version 2.0 ."]),
    ("A well-known state-of-the-art model.", ["A well - known state-of-the-art model ."]),
    ("He said &quot;yes&quot; &amp; left &lt;now&gt;.", ["He said \"yes\" & left <now>."]),
    ("&amp;quot; and &ampamp; &AMP;", ["&quot; and &amp; &"]),
    ("first <skipped> second", ["first second"]),
    ("hyphen-\nated line\nbreak", ["hyphenated line break"]),
    ("trailing hyphen-\n", ["trailing hyphen-"]),
    ("tabs\tand\u00a0nbsp\u2009thin\u200bzero\u3000ideographic", ["tabs and nbsp thin zero ideographic"]),
    ("  leading and   inner   spaces  ", ["leading and inner spaces"]),
    ("emoji 😀 and é vs e\u0301", ["emoji 😀 and é vs é"]),
    ("(hi) [there] {you}", ["( hi ) [ there ] { you }"]),
    ("end. start, mid.dle 1.2. x,y", ["end . start , mid . dle 1.2 . x , y"]),
    ("Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ",
     ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."]),
    ("The dog bit the man.", ["The dog bit the man.", "The dog had bit the man."]),
    ("It wasn't surprising.", ["It was not unexpected.", "No one was surprised."]),
    ("The man had just bitten him.", ["The man bit him first.", "The man had bitten the dog.", "He bit."]),
    ("short", ["a much longer reference sentence than the hypothesis", "short one"]),
    ("a b c d e f g h i j k l m n o p q r s t u v w x y z", ["z y x w v u t s r q p o n m l k j i h g f e d c b a"]),
    ("x " * 60, ["y " * 3]),
    ("one two", ["one two " * 40]),
    # A 10-word block (TER's shift size limit), a shift of 50 words (its distance limit), and repeated
    # words that exhaust its 1,000-candidate budget: each changes the score if its limit changes.
    (" ".join(f"b{i}" for i in range(11)) + " " + " ".join(f"a{i}" for i in range(10)),
     [" ".join(f"a{i}" for i in range(10)) + " " + " ".join(f"b{i}" for i in range(11))]),
    ("tail words here " + " ".join(f"w{i}" for i in range(50)),
     [" ".join(f"w{i}" for i in range(50)) + " tail words here"]),
    ("v2 v0 v1 v0 v0 v1 v0 v0 v1 v1 v0 v1 v0 v2 v1 v0 v2 v0 v1 v0 v2 v0 v1 v2 v1 v0 v2 v2 v0 v1 v0 v2 v2 v1 "
     "v2 v2 v2 v2 v1 v0 v1 v2 v1 v1 v0 v2 v1 v0 v2 v2 v1 v1 v2 v2",
     ["v2 v0 v1 v0 v2 v0 v1 v0 v0 v1 v0 v1 v1 v2 v0 v0 v0 v2 v2 v1 v0 v1 v2 v2 v0 v1 v0 v2 v0 v1 v1 v2 v1 v1 "
      "v0 v2 v0 v2 v2 v1 v1 v2 v2 v2 v0 v2 v1 v0 v2 v2 v1 v1 v2 v1"]),
    ("v2 v0 v1 v0 v1 v1 v2 v2 v1 v1 v0 v0 v1 v1 v2 v0 v1 v2 v2 v2 v2 v1 v1 v0 v0 v1 v1 v2 v2 v2 v2 v2 v2 v2 "
     "v1 v2 v2 v1 v0",
     ["v2 v1 v2 v2 v1 v2 v0 v1 v0 v1 v2 v1 v1 v0 v1 v2 v2 v2 v0 v1 v1 v2 v0 v2 v1 v2 v2 v0 v1 v1 v2 v2 v2 v2 "
      "v0 v2 v2 v1 v1"]),
]

WORDS = [
    "the", "The", "cat", "sat", "on", "mat", "a", "dog", "Haus", "Straße", "über", "Größe",
    "ΟΔΟΣ", "σοφός", "我们", "公园", "東京", "カタカナ", "İzmir", "naïve", "café", "e\u0301", "😀",
    "1,000", "2.5", "3-4", "1990s", "10.000,00", "x-ray", "state-of-the-art", "don't", "l'homme",
    "&quot;", "&amp;", "&lt;", "&gt;", "<skipped>", "“", "”", "—", "–", "…", "«", "»", "¿", "¡",
    "、", "。", "，", ".", ",", "!", "?", ";", ":", "(", ")", "[", "]", "\"", "'", "-", "/",
    "$", "%", "€", "+", "=", "@", "#", "*", "_", "~", "|", "^", "`",
]
SEPARATORS = [" "] * 12 + ["  ", "\t", "\n", "-\n", "\u00a0", "\u2009", "\u3000", "\u200b", ""]


def random_sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 30))]
    sentence = "".join(w + rng.choice(SEPARATORS) for w in words)
    # Mostly trimmed like real segments, sometimes with trailing whitespace left in.
    return sentence.strip(" ") if rng.random() < 0.9 else sentence


def perturbed(rng, sentence):
    """A hypothesis-like variant: dropped, substituted, recased and block-shifted words."""
    words = sentence.split(" ")
    if len(words) > 3 and rng.random() < 0.6:
        start = rng.randrange(len(words) - 2)
        length = rng.randint(1, min(5, len(words) - start))
        block = words[start:start + length]
        del words[start:start + length]
        target = rng.randrange(len(words) + 1)
        words[target:target] = block
    result = []
    for w in words:
        roll = rng.random()
        if roll < 0.08:
            continue
        if roll < 0.16:
            result.append(rng.choice(WORDS))
        elif roll < 0.22:
            result.append(w.upper())
        else:
            result.append(w)
    return " ".join(result)


def random_cases(count, seed=2026):
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        reference = random_sentence(rng)
        refs = [reference] + [perturbed(rng, reference) for _ in range(rng.choice([0, 0, 0, 1, 2]))]
        cases.append((perturbed(rng, reference), refs))
    return cases


def write_cases():
    pairs = HAND_MADE + random_cases(260)
    cases = []
    for hyp, refs in pairs:
        scores = {key: sentence_metric(key).sentence_score(hyp, refs).score for key in VARIANTS}
        tokenized = {name: _get_tokenizer(name)()(hyp.rstrip()) for name in ("13a", "intl")}
        cases.append({"hypothesis": hyp, "references": refs, "scores": scores, "tokenized": tokenized})
    hyps = [hyp for hyp, _ in pairs]
    refs = [refs for _, refs in pairs]
    corpus_scores = {key: corpus(key, hyps, refs) for key in VARIANTS}
    payload = {"sacrebleu": sacrebleu.__version__, "cases": cases, "corpus": corpus_scores}
    (HERE / "cases.json").write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n")


ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+-./:;<=>?@[]^_{|}~"
TERMINALS = 64  # digits ALPHABET[:64] end a code; ALPHABET[64:] (25 digits) continue it
assert len(ALPHABET) == 89 and len(set(ALPHABET)) == 89


def encode_rank(rank):
    """Prefix-free code of a vocabulary rank: k continuation digits (base 25) then one terminal digit
    (base 64). Codes with k continuation digits cover ranks from 64 * (1 + 25 + ... + 25^(k-1))."""
    continuations, size = 0, TERMINALS
    while rank >= size:
        rank -= size
        continuations += 1
        size *= len(ALPHABET) - TERMINALS
    terminal = ALPHABET[rank % TERMINALS]
    rank //= TERMINALS
    digits = []
    for _ in range(continuations):
        digits.append(ALPHABET[TERMINALS + rank % (len(ALPHABET) - TERMINALS)])
        rank //= len(ALPHABET) - TERMINALS
    return "".join(reversed(digits)) + terminal


def write_wmt17(pickle_path):
    systems = dict(pickle.load(bz2.open(pickle_path)))
    reference = systems.pop("reference")[0]
    names = ["newstest2017.LIUM-NMT.4900.en-de", "newstest2017.online-B.0.en-de",
             "newstest2017.PROMT-Rule-based.4735.en-de", "newstest2017.uedin-nmt.4722.en-de"]
    texts = {"reference": reference, **{name: systems[name] for name in names}}
    counts = collections.Counter(w for segments in texts.values() for s in segments for w in s.split(" "))
    vocabulary = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    rank = {w: i for i, w in enumerate(vocabulary)}
    encoded = {name: ["".join(encode_rank(rank[w]) for w in s.split(" ")) for s in segments]
               for name, segments in texts.items()}
    corpus_scores = {
        name: {key: VARIANTS[key]().corpus_score(systems[name], [reference]).score for key in WMT_VARIANTS}
        for name in names
    }
    sentence_scores = {
        name: {key: [sentence_metric(key).sentence_score(h, [r]).score
                     for h, r in zip(systems[name][:100], reference[:100])] for key in WMT_VARIANTS}
        for name in names[:2]
    }
    payload = {"sacrebleu": sacrebleu.__version__, "alphabet": ALPHABET, "terminals": TERMINALS,
               "vocabulary": vocabulary, "segments": encoded,
               "corpus": corpus_scores, "sentences": sentence_scores}
    (HERE / "wmt17.json").write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write_cases()
    write_wmt17(sys.argv[1])
