"""The learned join model: how likely an article belongs to a candidate story.

A logistic regression over a handful of comparisons between the article and the story profile
(``cluster.components``). Its weights are trained by ``lagebild train stories``
(``stories/train.py``) on labelled stories the project wrote itself plus SpkAtt *train* texts as
negatives, and ship in ``data/models/story-join/weights.json``; see the model card beside it.

Why learned weights: the comparisons pull in different directions on different kinds of news (a
second-day disaster report shares few names but many numbers with the first; a different event
with the same two ministers shares every name and no numbers) and hand-set weights fitted one
development set and missed the next. Fitting them on every story we have, judged by
leave-one-split-out scores, generalises better (see the model card).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import model_dir

MODEL_NAME = "story-join"

# The comparisons the model reads, in the order of its weights (computed by cluster.components).
FEATURES = (
    # embedding similarity of the article's lead: to the story centroid, its average and its
    # closest member, and of the headline to the story's headlines
    "cos", "mean_cos", "max_cos", "title_cos",
    # the article's best-matching sentences against the best-matching member's (same facts retold)
    "aligned",
    # shared linked entities; the article's main actor unknown to the story
    "entities", "specific_shared", "places_shared", "top_missing",
    # shared name words, whatever the entity type and however much of the name is given
    "names_shared",
    # shared figures
    "numbers",
    # events: one clashes, an unknown later lead event, the kind of the lead event
    "event_clash", "novel", "lead_type_match", "lead_type_clash",
    # time: similarity of the dates, days after the story's last article (log), and that gap
    # times the entity and number overlap (a follow-up a week later names the same people)
    "time", "gap", "gap_x_entities", "gap_x_numbers",
    # log of the story's size: a big story's centroid and profile match more than a small one's
    "size",
)


@dataclass(frozen=True, slots=True)
class JoinModel:
    features: tuple[str, ...]
    coef: tuple[float, ...]
    bias: float

    def logit(self, values: dict[str, float]) -> float:
        """Log-odds that the article belongs to the story; >= 0 means more likely than not."""
        return self.bias + sum(w * values[name] for name, w in zip(self.features, self.coef))

    def probability(self, values: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(values)))

    def to_json(self, **info: object) -> str:
        body = {"features": list(self.features), "coef": [round(c, 6) for c in self.coef],
                "bias": round(self.bias, 6), **info}
        return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


def weights_path(folder: Path | None = None) -> Path:
    return (folder or model_dir(MODEL_NAME)) / "weights.json"


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> JoinModel:
    """The shipped model (or the one at ``path``). A model trained on other features is refused:
    silently reading its weights against the wrong comparisons would cluster nonsense."""
    p = path or weights_path()
    try:
        obj = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise RuntimeError(f"story join model missing: {p}; run `lagebild train stories`") from e
    feats = tuple(obj["features"])
    if feats != FEATURES:
        raise RuntimeError(f"{p} was trained on features {feats}, this lagebild reads {FEATURES}; "
                           "run `lagebild train stories`")
    return JoinModel(feats, tuple(float(c) for c in obj["coef"]), float(obj["bias"]))
