"""The join model: how likely two articles report the same story.

An article joins the candidate story whose *closest member* it most likely shares a story with
(``cluster.best_story``: the maximum over the story's latest members). Comparing article with
article, instead of article with a story profile, keeps what tells one event from the next:
a story that took in a wrong article still has members that each report one event, and a late
follow-up needs to match one earlier report well, not the average of all.

The comparisons of two articles (``pair_features``; ``Card`` is what is kept of each article):
- ``doc_cos``: cosine of their lead vectors (title and lead sentences, USE multilingual);
- ``lead_*`` and ``body_*``: sentence alignment of their leads, and of the first sentences in
  the writer's own voice: the best-matching sentence, the mean of the best 3 and 6, the share
  of sentence pairs above 0.6, the mean of all pairs. Reports of one event retell the same facts
  sentence by sentence in any language; reports of two events with one actor share background;
- ``what_*``: the same for the title and lead with every name taken out (``embed.unnamed_texts``):
  the cosine of the two titles and the best and best-3 sentence alignment. Two reports of one
  company's recall and of its job cuts a week later share the company, the town and the chief,
  and their lead vectors look alike; what happened does not ("ruft 38.000 E-Bikes zurück" /
  "streicht 350 Stellen"). Reports of one event retell the same happening in any language;
- ``names_*``: shared name words (Jaccard, any, and the share of each one's five most-mentioned
  names the other has);
- ``numbers``: shared figures;
- ``gap``, ``gap_log``: days apart; ``cross_lingual``;
- events (the event stage): ``lead_kind_same`` / ``lead_kind_differs``, the kinds of event the
  two report in their first sentences agree or not (a phone call is not the summit after it);
  ``announced``: one reports as news what the other announced (a summit planned, then held, with
  a shared participant): a development of one story, not a new one.
A small neural network (one hidden layer of 16 ReLU units, numpy) reads them: the comparisons
interact (many shared names with no shared sentence is a different event of the same actors; a
week's gap with a retold fact is a follow-up), which a linear model over story profiles could
not express (model card: left-out-split F1 0.853 with that model, see there for this one).
Trained by ``lagebild train stories`` (``train.py``); weights in ``data/models/story-join/``.

One rule stands beside the network: two reports that give different match results ("3:1"
against "1:6") report different matches (``results_differ``; ``cluster.best_story`` takes
RESULTS_DIFFER_PENALTY off their log-odds).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..eventlex import types_compatible
from ..paths import model_dir
from .embed import DIM

MODEL_NAME = "story-join"
WEIGHTS_FILE = "pair-model.json"

FEATURES = (
    "doc_cos",
    "lead_top1", "lead_top3", "lead_top6", "lead_share_06", "lead_mean",
    "body_top1", "body_top3", "body_top6", "body_share_06", "body_mean",
    "names_jaccard", "names_any", "names_top_mine", "names_top_theirs",
    "numbers", "gap", "gap_log", "cross_lingual",
    "lead_kind_same", "lead_kind_differs", "announced",
    "what_title", "what_top1", "what_top3",
)
TOP_NAMES = 5


@dataclass(slots=True)
class Card:
    """What the join model keeps of one article (stored per article, ``db.put_card``)."""
    doc_id: str
    day: int | None
    language: str | None
    vec: np.ndarray                      # lead vector (unit)
    lead: np.ndarray                     # title and lead sentence vectors, one row each
    body: np.ndarray                     # the first sentences in the writer's own voice
    names: dict[str, int] = field(default_factory=dict)  # name words -> mentions
    numbers: list[str] = field(default_factory=list)     # figures (extract.numbers)
    kinds: list[str] = field(default_factory=list)       # event kinds in the lead (extract.lead_types)
    leads: list[list[Any]] = field(default_factory=list)  # [kind, participants, day] reported as news
    plans: list[list[Any]] = field(default_factory=list)  # [kind, participants, date] planned, proposed, threatened
    scores: list[list[int]] = field(default_factory=list)  # match results (extract.match_scores)
    # title and first sentence with the names taken out (embed.unnamed_matrix): what happened, to whomever
    what: np.ndarray = field(default_factory=lambda: np.zeros((0, DIM), dtype=np.float32))
    # the TOP_NAMES most-mentioned names, once per card rather than once per comparison
    top: list[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.top = _top(self.names)

    def stored(self) -> dict[str, Any]:
        """The fields kept as JSON in the store (``db.put_card``); the vectors are kept beside
        them (``doc_vectors``). ``Card(doc_id=…, vec=…, lead=…, body=…, what=…, **stored)`` rebuilds it."""
        return {"day": self.day, "language": self.language, "names": self.names, "numbers": self.numbers,
                "kinds": self.kinds, "leads": self.leads, "plans": self.plans, "scores": self.scores}


def _alignment(mine: np.ndarray, theirs: list[np.ndarray]) -> np.ndarray:
    """Sentence alignment of ``mine`` with each matrix of ``theirs``, (len(theirs), 5): the best
    sentence match, the mean of the best 3 and 6 (each sentence's best match, both ways), the share
    of sentence pairs above 0.6 (per square root of the pairs), the mean of all pairs. One matrix
    product for all members."""
    out = np.zeros((len(theirs), 5))
    sizes = np.array([len(t) for t in theirs])
    if not len(mine) or not sizes.sum():
        return out
    keep = sizes > 0
    starts = np.concatenate([[0], np.cumsum(sizes[keep])[:-1]])
    sims = mine @ np.vstack([t for t in theirs if len(t)]).T  # (my sentences, all their sentences)
    n = len(mine)
    row_best = np.maximum.reduceat(sims, starts, axis=1)       # (n, members)
    col_best = sims.max(axis=0)                                # (all their sentences,)
    width = n + int(sizes.max())
    best = np.full((len(starts), width), np.nan)
    best[:, :n] = row_best.T
    for j, (st, size) in enumerate(zip(starts, sizes[keep])):
        best[j, n:n + size] = col_best[st:st + size]
    best = -np.sort(-best, axis=1)  # descending, the padding (nan) last
    pairs_per = n * sizes[keep]
    rows = np.column_stack([best[:, 0], _mean_of_real(best[:, :3]), _mean_of_real(best[:, :6]),
                            np.add.reduceat(sims > 0.6, starts, axis=1).sum(axis=0) / np.sqrt(pairs_per),
                            np.add.reduceat(sims, starts, axis=1).sum(axis=0) / pairs_per])
    out[keep] = rows
    return out


def _mean_of_real(block: np.ndarray) -> np.ndarray:
    """Row means over the values that are not nan (``np.nanmean`` without its overhead; every row
    here holds at least two values)."""
    real = ~np.isnan(block)
    return np.where(real, block, 0.0).sum(axis=1) / real.sum(axis=1)


def _what(mine: np.ndarray, theirs: list[np.ndarray]) -> np.ndarray:
    """``what_title``, ``what_top1``, ``what_top3`` of ``mine`` with each of ``theirs``, (len(theirs), 3):
    the cosine of the first rows (the titles), and the best and best-3 of ``_alignment``. These
    matrices have a row or two, so all members go through one padded product rather than
    ``_alignment``'s bookkeeping, which would cost more than the product."""
    out = np.zeros((len(theirs), 3))
    rows = max((len(t) for t in theirs), default=0)
    if not len(mine) or not rows:
        return out
    pad = np.zeros((len(theirs), rows, mine.shape[1]), dtype=np.float32)
    filled = np.zeros((len(theirs), rows), dtype=bool)
    for i, t in enumerate(theirs):
        pad[i, :len(t)] = t
        filled[i, :len(t)] = True
    sims = np.where(filled[:, None, :], np.einsum("kd,mrd->mkr", mine, pad), -np.inf)  # (members, mine, theirs)
    keep = filled[:, 0]
    best = np.concatenate([sims.max(axis=2), sims.max(axis=1)], axis=1)
    best = -np.sort(-best, axis=1)[keep, :3]  # descending, the padding (-inf) last
    out[keep, 0] = sims[keep, 0, 0]
    out[keep, 1] = best[:, 0]
    out[keep, 2] = _mean_of_real(np.where(np.isfinite(best), best, np.nan))
    return out


def _top(names: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(names.items(), key=lambda t: (-t[1], t[0]))[:TOP_NAMES]]


# A planned event and the one held match when both dates are full days at most this far apart (or
# either date is vague: "next week", "im Herbst").
PLAN_TOLERANCE_DAYS = 3


def _day(iso: str | None) -> int | None:
    from ..storage.stories import day_number

    return day_number(iso) if iso and len(iso) >= 10 and iso[4] == "-" and iso[7] == "-" else None


def _announced(leads: list[list[Any]], plans: list[list[Any]]) -> bool:
    for kind, actors, day in leads:
        for kind2, actors2, date2 in plans:
            if not (types_compatible(kind, kind2) and set(actors) & set(actors2)):
                continue
            d1, d2 = _day(day), _day(date2)
            if d1 is None or d2 is None or abs(d1 - d2) <= PLAN_TOLERANCE_DAYS:
                return True
    return False


def _kinds(a: list[str], b: list[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    same = any(types_compatible(x, y) for x in a for y in b)
    return float(same), float(not same)


# Log-odds taken off a pair whose match results differ (``results_differ``). Not learnt: in the
# training pairs, articles that both give results but no common one were never one story (69 of
# 69 pairs), yet they are too few for the network to learn the rule without unsettling the rest
# (as a comparison it scored 0.897 left out, as this veto 0.903, against 0.898; model card).
RESULTS_DIFFER_PENALTY = 5.0


def results_differ(a: Card, others: list[Card]) -> np.ndarray:
    """1.0 for each of ``others`` that gives match results while ``a`` gives results too, and
    either the two share no result at all ("3:1" against "1:6"), or neither's first result (the
    one its report leads with) is among the other's: two volleyball matches of one team share set
    scores ("25:23"), never their results ("3:2" against "1:3"). Two reports of one match both give
    its result, so the first result of at least one is among the other's."""
    mine = {tuple(s) for s in a.scores}
    out = np.zeros(len(others))
    if not mine:
        return out
    for i, o in enumerate(others):
        theirs = {tuple(s) for s in o.scores}
        if theirs and (not mine & theirs or (tuple(a.scores[0]) not in theirs and tuple(o.scores[0]) not in mine)):
            out[i] = 1.0
    return out


def pair_features(a: Card, b: Card) -> list[float]:
    """The comparisons of two articles, in the order of FEATURES."""
    return pair_matrix(a, [b])[0].tolist()


def pair_matrix(a: Card, others: list[Card]) -> np.ndarray:
    """The comparisons of ``a`` with each of ``others``, one row each (FEATURES)."""
    x = np.zeros((len(others), len(FEATURES)))
    if not others:
        return x
    x[:, 0] = np.array([o.vec for o in others]) @ a.vec
    x[:, 1:6] = _alignment(a.lead, [o.lead for o in others])
    x[:, 6:11] = _alignment(a.body, [o.body for o in others])
    x[:, 22:25] = _what(a.what, [o.what for o in others])
    top_a = set(a.top)
    mine = set(a.names)
    my_numbers = set(a.numbers)
    for i, b in enumerate(others):
        theirs = set(b.names)
        shared = mine & theirs
        union = mine | theirs
        top_b = b.top
        gap = abs(a.day - b.day) if a.day is not None and b.day is not None else 0
        x[i, 11:22] = [len(shared) / len(union) if union else 0.0, float(bool(shared)),
                     len(top_a & theirs) / len(top_a) if top_a else 0.0,
                     len(mine.intersection(top_b)) / len(top_b) if top_b else 0.0,
                     float(len(my_numbers.intersection(b.numbers))), float(gap), math.log1p(max(0, gap - 1)),
                     float(bool(a.language and b.language and a.language != b.language)),
                     *_kinds(a.kinds, b.kinds), float(_announced(a.leads, b.plans) or _announced(b.leads, a.plans))]
    return x


@dataclass(frozen=True)
class PairModel:
    """Standardised inputs -> one hidden ReLU layer -> log-odds of "same story"."""
    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray  # (features, hidden)
    b1: np.ndarray
    w2: np.ndarray  # (hidden,)
    b2: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum(0.0, ((x - self.mean) / self.scale) @ self.w1 + self.b1)
        return h @ self.w2 + self.b2

    def attribution(self, x: np.ndarray) -> dict[str, float]:
        """How much each comparison pushed one pair's log-odds (gradient times the standardised
        value: for this network exact up to the bias and the ReLU kinks); the evidence of a join."""
        z = (x - self.mean) / self.scale
        active = (z @ self.w1 + self.b1) > 0
        grad = self.w1[:, active] @ self.w2[active]
        return {n: float(g * v) for n, g, v in zip(FEATURES, grad, z)}

    def to_json(self, **info: object) -> str:
        def r(a: np.ndarray) -> list:
            return np.round(a.astype(np.float64), 6).tolist()
        body = {"features": list(FEATURES), "mean": r(self.mean), "scale": r(self.scale), "w1": r(self.w1),
                "b1": r(self.b1), "w2": r(self.w2), "b2": round(float(self.b2), 6), **info}
        return json.dumps(body, ensure_ascii=False) + "\n"


def weights_path(folder: Path | None = None) -> Path:
    return (folder or model_dir(MODEL_NAME)) / WEIGHTS_FILE


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> PairModel:
    """The shipped model (or the one at ``path``). A model trained on other comparisons is refused:
    reading its weights against the wrong inputs would cluster nonsense."""
    p = path or weights_path()
    try:
        obj = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise RuntimeError(f"story join model missing: {p}; run `lagebild train stories`") from e
    if tuple(obj["features"]) != FEATURES:
        raise RuntimeError(f"{p} was trained on comparisons {obj['features']}, this lagebild computes "
                           f"{list(FEATURES)}; run `lagebild train stories`")
    a = {k: np.array(obj[k], dtype=np.float64) for k in ("mean", "scale", "w1", "b1", "w2")}
    return PairModel(a["mean"], a["scale"], a["w1"], a["b1"], a["w2"], float(obj["b2"]))


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None, *, hidden: int = 16,
        epochs: int = 600, lr: float = 1e-2, decay: float = 1e-3, seed: int = 0) -> PairModel:
    """Full-batch Adam on weighted binary cross-entropy, with L2 decay on every parameter;
    deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    n, d = z.shape
    w = np.ones(n) if weights is None else weights
    w = w / w.sum()
    bound1, bound2 = 1 / math.sqrt(d), 1 / math.sqrt(hidden)
    params = [rng.uniform(-bound1, bound1, (d, hidden)), rng.uniform(-bound1, bound1, hidden),
              rng.uniform(-bound2, bound2, hidden), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1_, b2_ = 0.9, 0.999
    for t in range(1, epochs + 1):
        w1, b1, w2, b2 = params
        pre = z @ w1 + b1
        h = np.maximum(0.0, pre)
        out = h @ w2 + b2[0]
        p = 1.0 / (1.0 + np.exp(-out))
        g_out = w * (p - y)
        grads = [None, None, h.T @ g_out, np.array([g_out.sum()])]
        g_h = np.outer(g_out, w2) * (pre > 0)
        grads[0], grads[1] = z.T @ g_h, g_h.sum(axis=0)
        for i, (p_, g) in enumerate(zip(params, grads)):
            g = g + decay * p_
            m[i] = b1_ * m[i] + (1 - b1_) * g
            v[i] = b2_ * v[i] + (1 - b2_) * g * g
            mh, vh = m[i] / (1 - b1_ ** t), v[i] / (1 - b2_ ** t)
            params[i] = p_ - lr * mh / (np.sqrt(vh) + 1e-8)
    w1, b1, w2, b2 = params
    return PairModel(mean, scale, w1, b1, w2, float(b2[0]))
