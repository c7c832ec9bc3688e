"""Train the story join model (``scorer.py``) from labelled stories.

Examples come from replaying the labelled articles in publication order through the real
clustering code, but joining each article to its *gold* story: for every candidate story the
article is compared with (the same index lookups ``assign`` uses, with a lower cosine floor so
that near-misses are seen too), the comparisons of ``cluster.components`` are one example,
labelled by whether the candidate is the article's gold story. Near-duplicates are skipped: they
join through the MinHash index, never through the model. German Wikinews texts (SpkAtt *train*,
nearly all distinct stories) add negatives, down-weighted because a few of them are follow-ups.

The model is an L2-regularised logistic regression (Newton iterations in numpy; 15 weights).
``cross_validate`` fits it with one labelled split left out and clusters that split online with
the result, which is the number to judge a change by: the labelled set is small and the splits
were written at different times by different people, so a split is a fair stand-in for news
nobody has seen.
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
from ..storage import stories as db
from . import cluster, extract, scorer

# Candidates below this centroid cosine are not seen by the model at run time (cluster.MIN_COS);
# training looks a little further down so the model learns where the boundary lies.
TRAIN_MIN_COS = 0.3
# Weight of a SpkAtt negative relative to a labelled example (left-out-split F1 was best at 0.3
# among 0.1, 0.3 and 1.0).
NEGATIVE_WEIGHT = 0.3
L2 = 1.0
# Splits only reported on, never trained on (bench/stories.py).
REPORT_SPLITS = frozenset({"heldout16", "heldout17", "heldout18", "heldout19"})


@dataclass(slots=True)
class Example:
    split: str
    doc: str
    values: dict[str, float]
    same: bool


Record = dict[str, Any]


def analyse_records(records: Iterable[Record]) -> list[tuple[Record, Document]]:
    """Run the default pipeline over labelled records ({id, story, split, language, published,
    title, source, text}); returns (record, document) pairs in publication order."""
    from .. import analyze

    out = [(r, analyze(r["text"], published=r["published"], language=r.get("language"), title=r.get("title"),
                       source=r.get("source"))) for r in records]
    out.sort(key=lambda x: (x[0]["published"], x[0]["id"]))
    return out


def _new_story(doc: Document) -> db.StoryRow:
    return db.StoryRow(n=0, id="S" + doc.id[:12], title=None, title_doc=None, first=None, last=None, size=0,
                       centroid=None, profile={})


def gold_examples(pairs: list[tuple[Record, Document]]) -> list[Example]:
    """One example per (article, candidate story), joining every article to its gold story."""
    store = Store(":memory:")
    story_of: dict[str, str] = {}
    out: list[Example] = []
    try:
        for r, doc in pairs:
            store.add(doc)
            f = extract.features(store, doc)
            with db.transaction(store):
                _dup, dup_story, _group = cluster._find_duplicate(store, f)
                gold = story_of.get(r["story"])
                if dup_story is None:
                    for st, cos in cluster.candidates(store, f, TRAIN_MIN_COS):
                        values = cluster.components(f, st, *cluster.cosines(store, f, st, cos))
                        out.append(Example(r["split"], r["id"], values, st.id == gold))
                st = db.get_story(store, gold) if gold else None
                if st is None:
                    st = _new_story(doc)
                    story_of[r["story"]] = st.id
                cluster._join(store, st, f, doc)
    finally:
        store.close()
    return out


def fit(examples: list[Example], *, l2: float = L2, negative_weight: float = NEGATIVE_WEIGHT) -> scorer.JoinModel:
    names = scorer.FEATURES
    x = np.array([[e.values[n] for n in names] for e in examples], dtype=np.float64)
    y = np.array([float(e.same) for e in examples])
    w = np.array([negative_weight if e.split.startswith("spkatt") else 1.0 for e in examples])
    xb = np.hstack([x, np.ones((len(x), 1))])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 1e-6  # the bias is not shrunk
    beta = np.zeros(xb.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(xb @ beta)))
        grad = xb.T @ (w * (p - y)) + reg @ beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return scorer.JoinModel(names, tuple(float(b) for b in beta[:-1]), float(beta[-1]))


def cluster_online(pairs: list[tuple[Record, Document]], model: scorer.JoinModel) -> dict[str, str]:
    """Assign the articles in order with ``model`` as the join model; article id -> story id."""
    store = Store(":memory:")
    try:
        pred = {}
        for r, doc in pairs:
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


def cross_validate(labelled: list[tuple[Record, Document]], examples: list[Example],
                   negatives: list[Example]) -> dict[str, float]:
    """Pairwise F1 of each labelled split, clustered with a model fitted without that split."""
    out = {}
    for split in sorted({r["split"] for r, _ in labelled}):
        model = fit([e for e in examples if e.split != split] + negatives)
        sub = [(r, d) for r, d in labelled if r["split"] == split]
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
    left-out-split scores, write weights.json; returns its path."""
    records = [json.loads(line) for line in labelled_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["split"] not in REPORT_SPLITS]
    log(f"analysing {len(records)} labelled articles ({len({r['story'] for r in records})} stories)")
    labelled = analyse_records(records)
    examples = gold_examples(labelled)
    negatives: list[Example] = []
    if spkatt_folder is not None:
        spk = spkatt_records(spkatt_folder)
        log(f"analysing {len(spk)} SpkAtt train articles (negatives)")
        negatives = [e for e in gold_examples(analyse_records(spk)) if not e.same]
    log(f"{len(examples)} labelled examples ({sum(e.same for e in examples)} joins), {len(negatives)} negatives")
    cv = cross_validate(labelled, examples, negatives)
    for split, f1 in cv.items():
        log(f"  left out {split:10s} pairwise F1 {f1:.3f}")
    mean = sum(cv.values()) / len(cv)
    log(f"  mean over splits        {mean:.3f}")
    model = fit(examples + negatives)
    by_split: dict[str, int] = defaultdict(int)
    for r in records:
        by_split[r["split"]] += 1
    target = scorer.weights_path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(
        trained_on={"labelled_articles": dict(sorted(by_split.items())), "spkatt_negatives": len(negatives)},
        left_out_split_pairwise_f1={k: round(v, 3) for k, v in cv.items()}, l2=L2,
        negative_weight=NEGATIVE_WEIGHT), encoding="utf-8")
    for name, c in zip(model.features, model.coef):
        log(f"  {name:18s} {c:+.2f}")
    log(f"  {'bias':18s} {model.bias:+.2f}")
    return target
