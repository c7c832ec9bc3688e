"""Train the story join model (``pairs.py``) from labelled stories.

Every two labelled articles of one split published at most ``cluster.WINDOW_DAYS`` apart are one
example, labelled by whether they belong to the same story; their comparisons are those the
clusterer computes (``extract.features`` through a store, then ``pairs.pair_features``). German
Wikinews texts (SpkAtt *train*, nearly all distinct stories) add negatives, down-weighted
because a few of them are follow-ups. The model is a one-hidden-layer network (``pairs.fit``).

``cross_validate`` fits it with one labelled split left out and clusters that split online with
the result through the real clustering code, which is the number to judge a change by: the
labelled set is small and the splits were written at different times by different people, so a
split is a fair stand-in for news nobody has seen.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Document
from ..storage import Store
from . import cluster, extract, pairs

# Weight of a SpkAtt negative pair relative to a labelled one.
NEGATIVE_WEIGHT = 0.3
# Splits only reported on, never trained on (bench/stories.py).
REPORT_SPLITS = frozenset({"heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21",
                           "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27"})


@dataclass(slots=True)
class Examples:
    """Article pairs: their comparisons (pairs.FEATURES), same story or not, split, weight."""
    x: np.ndarray
    same: np.ndarray
    split: np.ndarray
    weight: np.ndarray

    def where(self, keep: np.ndarray) -> Examples:
        return Examples(self.x[keep], self.same[keep], self.split[keep], self.weight[keep])

    def __add__(self, other: Examples) -> Examples:
        return Examples(*(np.concatenate([a, b]) for a, b in ((self.x, other.x), (self.same, other.same),
                                                              (self.split, other.split),
                                                              (self.weight, other.weight))))


Record = dict[str, Any]


def analyse_records(records: Iterable[Record]) -> list[tuple[Record, Document]]:
    """Run the default pipeline over labelled records ({id, story, split, language, published,
    title, source, text}); returns (record, document) pairs in publication order."""
    from .. import analyze

    out = [(r, analyze(r["text"], published=r["published"], language=r.get("language"), title=r.get("title"),
                       source=r.get("source"))) for r in records]
    out.sort(key=lambda x: (x[0]["published"], x[0]["id"]))
    return out


def pair_examples(labelled: list[tuple[Record, Document]], weight: float = 1.0) -> Examples:
    """Every pair of articles of one split published at most WINDOW_DAYS apart."""
    store = Store(":memory:")
    try:
        cards = []
        for r, doc in labelled:
            store.add(doc)
            cards.append((r, extract.features(store, doc).card()))
    finally:
        store.close()
    rows, same, split = [], [], []
    for (ra, a), (rb, b) in itertools.combinations(cards, 2):
        if ra["split"] != rb["split"]:
            continue
        if a.day is not None and b.day is not None and abs(a.day - b.day) > cluster.WINDOW_DAYS:
            continue
        rows.append(pairs.pair_features(a, b))
        same.append(ra["story"] == rb["story"])
        split.append(ra["split"])
    n = len(rows)
    return Examples(np.array(rows, dtype=np.float64).reshape(n, len(pairs.FEATURES)), np.array(same, dtype=bool),
                    np.array(split, dtype=object), np.full(n, weight))


def fit(examples: Examples) -> pairs.PairModel:
    return pairs.fit(examples.x, examples.same.astype(np.float64), examples.weight)


def cluster_online(labelled: list[tuple[Record, Document]], model: pairs.PairModel) -> dict[str, str]:
    """Assign the articles in order with ``model`` as the join model; article id -> story id."""
    store = Store(":memory:")
    try:
        pred = {}
        for r, doc in labelled:
            store.add(doc)
            pred[r["id"]] = cluster.assign(store, doc, model).story
        return pred
    finally:
        store.close()


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering (article id -> cluster) against gold."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def cross_validate(labelled: list[tuple[Record, Document]], examples: Examples,
                   negatives: Examples) -> dict[str, float]:
    """Pairwise F1 of each labelled split, clustered with a model fitted without that split."""
    out = {}
    for split in sorted({r["split"] for r, _ in labelled}):
        model = fit(examples.where(examples.split != split) + negatives)
        sub = [(r, d) for r, d in labelled if r["split"] == split]
        for _, d in sub:
            d.story = None
        out[split] = pairwise({r["id"]: r["story"] for r, _ in sub}, cluster_online(sub, model))[2]
    return out


_SPKATT_NAME = re.compile(r"^\d+ - (?P<title>.*) \((?P<date>\d{4}-\d{2}-\d{2})\)\.json$")
_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]“])")
_SPACE_AFTER = re.compile(r"([(\[„]) ")


def spkatt_articles(folder: Path, splits: Iterable[str]) -> list[tuple[str, str, str]]:
    """(title, date, text) of the SpkAtt 2023 task 2 German Wikinews articles in ``splits``, text
    rebuilt from the dataset tokens, date and title from the file name."""
    out = []
    for split in splits:
        for path in sorted((folder / "data" / split / "task2").glob("*.json")):
            m = _SPKATT_NAME.match(path.name)
            if not m:
                continue
            obj = json.loads(path.read_text(encoding="utf-8"))
            sents = [" ".join(s["Tokens"]) for s in obj["Sentences"]]
            text = "\n".join(_SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", s)) for s in sents)
            out.append((m.group("title"), m.group("date"), text))
    return out


def spkatt_records(folder: Path) -> list[Record]:
    """SpkAtt *train* articles as records, each its own story."""
    return [{"id": f"spkatt-{i}", "story": f"spkatt-{i}", "split": "spkatt-train", "language": "de",
             "source": "Wikinews", "published": date, "title": title, "text": text}
            for i, (title, date, text) in enumerate(spkatt_articles(folder, ["train"]))]


def train(labelled_path: Path, spkatt_folder: Path | None, out_dir: Path | None = None,
          log: Callable[[str], None] = print) -> Path:
    """Fit on every non-report split of ``labelled_path`` (+ SpkAtt train negatives), print the
    left-out-split scores, write pair-model.json; returns its path."""
    records = [json.loads(line) for line in labelled_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["split"] not in REPORT_SPLITS]
    log(f"analysing {len(records)} labelled articles ({len({r['story'] for r in records})} stories)")
    labelled = analyse_records(records)
    examples = pair_examples(labelled)
    negatives = Examples(np.zeros((0, len(pairs.FEATURES))), np.zeros(0, dtype=bool), np.zeros(0, dtype=object),
                         np.zeros(0))
    if spkatt_folder is not None:
        spk = spkatt_records(spkatt_folder)
        log(f"analysing {len(spk)} SpkAtt train articles (negatives)")
        negatives = pair_examples(analyse_records(spk), NEGATIVE_WEIGHT)
        negatives = negatives.where(~negatives.same)
    log(f"{len(examples.same)} labelled pairs ({int(examples.same.sum())} of one story), "
        f"{len(negatives.same)} negative pairs")
    cv = cross_validate(labelled, examples, negatives)
    for split, f1 in cv.items():
        log(f"  left out {split:10s} pairwise F1 {f1:.3f}")
    mean = sum(cv.values()) / len(cv)
    log(f"  mean over splits        {mean:.3f}")
    model = fit(examples + negatives)
    by_split: dict[str, int] = defaultdict(int)
    for r in records:
        by_split[r["split"]] += 1
    target = pairs.weights_path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(
        trained_on={"labelled_articles": dict(sorted(by_split.items())), "labelled_pairs": len(examples.same),
                    "spkatt_negative_pairs": len(negatives.same)},
        left_out_split_pairwise_f1={k: round(v, 3) for k, v in cv.items()},
        negative_weight=NEGATIVE_WEIGHT), encoding="utf-8")
    return target
