"""Near-duplicates: MinHash over word shingles, with LSH banding so that a new article is compared
only with the few stored articles that share a band, never with the whole corpus.

An agency report reprinted by several outlets (with a new headline, a trimmed last paragraph, an
added sentence) keeps most of its 4-word shingles, so the Jaccard similarity of the shingle sets
stays high (typically > 0.6), while two independent reports of the same event share few exact
4-word sequences (< 0.15 in our labelled set). Near-duplicates are grouped, and a group counts as
one source wherever lagebild counts independent confirmation.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

# Word n-gram length of a shingle. 4 words: long enough that independent reports rarely share
# one by chance, short enough that light edits (a changed word) only break four shingles.
SHINGLE = 4
NUM_PERM = 64
# LSH: 21 bands of 3 rows (63 of the 64 values). A pair with Jaccard J becomes a candidate with
# probability 1 - (1 - J^3)^21: 0.99 at J = 0.6, 0.94 at J = 0.5, 0.16 at J = 0.2.
BANDS = 21
ROWS = 3
# Estimated Jaccard at or above which two articles are near-duplicates. Chosen between the
# similarities of syndicated copies (0.55-1.0) and of independent reports of one event (< 0.15)
# in bench/data/stories/; a lightly rewritten lead still passes.
NEARDUP_JACCARD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
# Fixed seeds: signatures stored in a database must stay comparable across runs and versions.
_SEEDS = np.random.default_rng(20250213).integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a 64-bit hash per (shingle, seed). A linear (a*x + b) mod p family over
    32-bit keys looked cheaper but is nearly monotonic in x and gave badly correlated minima."""
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


@dataclass(slots=True)
class Signature:
    values: np.ndarray  # uint64[NUM_PERM]

    def bands(self) -> list[int]:
        """One 63-bit key per band (band index mixed in, so equal rows in different bands differ)."""
        out = []
        for b in range(BANDS):
            row = self.values[b * ROWS:(b + 1) * ROWS].tobytes()
            h = hashlib.blake2b(row, digest_size=8, person=b"band%04d" % b).digest()
            out.append(int.from_bytes(h, "little") >> 1)  # fits SQLite's signed INTEGER
        return out

    def jaccard(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u8").astype(np.uint64))


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _hash64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def signature(text: str) -> Signature:
    """MinHash signature of the shingle set of ``text``."""
    sh = shingles(text)
    if not sh:
        return Signature(np.full(NUM_PERM, _EMPTY, dtype=np.uint64))
    x = np.fromiter((_hash64(s) for s in sh), dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        hv = _mix(x[:, None] ^ _SEEDS[None, :])
    return Signature(hv.min(axis=0))


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
