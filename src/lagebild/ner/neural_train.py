"""Train the convolutional tagger of ``neural.py`` with torch (training time only).

``train_neural(sentences, resources, out_dir)`` writes ``neural.npz`` (float16 weights, the
label list). torch is needed here and nowhere else; install the CPU build.
"""

from __future__ import annotations

import logging
import random
import time
from pathlib import Path

import numpy as np

from .e5vocab import load_e5_vocab
from .features import Resources
from .germeval import TaggedSentence
from .neural import NEURAL_FILE, feature_ids

log = logging.getLogger(__name__)

BUCKETS = 1 << 16  # hashed token features; 64 dims each -> 8 MB as float16
FEATURE_DIM = 64
HIDDEN = 256
EPOCHS = 25


def train_neural(
    sentences: list[TaggedSentence],
    resources: Resources,
    out_dir: str | Path,
    *,
    epochs: int = EPOCHS,
    seed: int = 0,
    eval_sentences: list[TaggedSentence] | None = None,
) -> None:
    import torch
    import torch.nn as nn

    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(1)
    vocab = load_e5_vocab()
    labels = sorted({t for s in sentences for t in s.tags})
    index = {t: i for i, t in enumerate(labels)}
    n_labels = len(labels)

    def encode(tokens: list[str]) -> tuple[np.ndarray, list[list[int]]]:
        x = np.stack([vocab.word_vector(w) for w in tokens]).astype(np.float32)
        return x, [feature_ids(w, resources, BUCKETS) for w in tokens]

    data = [(encode(s.tokens), [index[t] for t in s.tags]) for s in sentences]

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bag = nn.EmbeddingBag(BUCKETS, FEATURE_DIM, mode="sum", sparse=True)
            self.inp = nn.Linear(vocab.raw.shape[1] * 32 + FEATURE_DIM, HIDDEN)
            self.c1 = nn.Conv1d(HIDDEN, HIDDEN, 3, padding=1)
            self.c2 = nn.Conv1d(HIDDEN, HIDDEN, 3, padding=2, dilation=2)
            self.c3 = nn.Conv1d(HIDDEN, HIDDEN, 3, padding=4, dilation=4)
            self.out = nn.Linear(HIDDEN, n_labels)
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.drop = nn.Dropout(0.3)

        def forward(self, xs, fhs):  # noqa: ANN001, ANN202
            b, tmax = len(xs), max(len(x) for x in xs)
            flat = [f for fh in fhs for f in fh]
            idx = torch.tensor([i for f in flat for i in f])
            off = torch.tensor(np.cumsum([0] + [len(f) for f in flat[:-1]]))
            h0 = torch.relu(self.inp(self.drop(torch.cat([torch.from_numpy(np.concatenate(xs)), self.bag(idx, off)], 1))))
            h = torch.zeros(b, tmax, HIDDEN)
            mask = torch.zeros(b, tmax, dtype=torch.bool)
            k = 0
            for i, x in enumerate(xs):
                h[i, : len(x)] = h0[k : k + len(x)]
                mask[i, : len(x)] = True
                k += len(x)
            h = h.transpose(1, 2)
            m = mask.unsqueeze(1).float()
            for conv in (self.c1, self.c2, self.c3):
                h = h + torch.relu(conv(self.drop(h))) * m
            return self.out(self.drop(h.transpose(1, 2))), mask

    def crf_nll(em, ys, mask, trans):  # noqa: ANN001, ANN202
        b, t, _ = em.shape
        alpha = em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans, 1) + em[:, i]
            alpha = torch.where(mask[:, i : i + 1], nxt, alpha)
        y = torch.zeros(b, t, dtype=torch.long)
        for i, yy in enumerate(ys):
            y[i, : len(yy)] = torch.tensor(yy)
        gold = (em.gather(2, y.unsqueeze(2)).squeeze(2) * mask).sum(1) + (trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
        return (torch.logsumexp(alpha, 1) - gold).sum()

    net = Net()
    dense = [p for n, p in net.named_parameters() if not n.startswith("bag")]
    opt = torch.optim.Adam(dense, lr=1e-3)
    opt_sparse = torch.optim.SparseAdam(list(net.bag.parameters()), lr=1e-3)
    data.sort(key=lambda e: len(e[1]))
    batches = [data[i : i + 32] for i in range(0, len(data), 32)]
    for ep in range(epochs):
        # constant rate, then halve every 15% of the epochs over the last 40%
        lr = 1e-3 * (0.5 ** max(0.0, (ep - int(epochs * 0.6)) / max(1.0, epochs * 0.15)))
        for o in (opt, opt_sparse):
            for g in o.param_groups:
                g["lr"] = lr
        net.train()
        random.shuffle(batches)
        total, t0 = 0.0, time.time()
        for bt in batches:
            em, mask = net([e[0][0] for e in bt], [e[0][1] for e in bt])
            loss = crf_nll(em, [e[1] for e in bt], mask, net.trans)
            opt.zero_grad()
            opt_sparse.zero_grad()
            loss.backward()
            opt.step()
            opt_sparse.step()
            total += loss.item()
        log.info("epoch %d loss %.3f (%.0f s)", ep, total / len(data), time.time() - t0)
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    params = {
        "bag": sd["bag.weight"],
        "inp_w": sd["inp.weight"], "inp_b": sd["inp.bias"],
        "c1_w": sd["c1.weight"], "c1_b": sd["c1.bias"],
        "c2_w": sd["c2.weight"], "c2_b": sd["c2.bias"],
        "c3_w": sd["c3.weight"], "c3_b": sd["c3.bias"],
        "out_w": sd["out.weight"], "out_b": sd["out.bias"],
        "trans": sd["trans"],
    }  # fmt: skip
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / NEURAL_FILE, labels=np.array(labels), **{k: v.astype(np.float16) for k, v in params.items()}
    )
