"""Training the opinion classifier on CheckThat 2025 Task 1 (German + English, train/dev only).

Protocol (reproducible, no report split touched):
1. For each (c_sparse, c_dense) in a small grid, fit on ``train`` (both languages together,
   so the shared cue features and the multilingual embedding pool their evidence) and score
   macro-F1 on ``dev`` per language at the best threshold; keep the pair with the best mean.
2. Refit with that pair on ``train`` + ``dev``.
3. Per-language decision thresholds from 5-fold cross-validated predictions on
   ``train`` + ``dev`` (each sentence scored by a model that did not see it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .data import LANGUAGE_FOLDERS, LabeledSentence, load_split
from ..encoders import get_encoder
from .features import Vocabulary
from .linear import LinearWeights, SparseRows, fit_logistic, sigmoid
from .model import OpinionModel, thresholds_from

log = logging.getLogger(__name__)

C_SPARSE_GRID = (1.0, 3.0, 10.0)
C_DENSE_GRID = (0.3, 1.0, 3.0, 10.0)
MIN_DF = 2
CV_FOLDS = 5
SEED = 13
THRESHOLD_SMOOTHING = 3  # +-0.03 around the chosen threshold
# variant name -> encoder (None = lexical only)
VARIANT_ENCODERS: dict[str, str | None] = {"fast": "use", "e5": "e5", "lexical": None}


@dataclass(slots=True)
class _Split:
    texts: list[str]
    y: np.ndarray
    lang: np.ndarray


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over the two classes (the CheckThat metric)."""
    y = np.asarray(y, dtype=bool)
    pred = np.asarray(pred, dtype=bool)
    scores = []
    for cls in (True, False):
        tp = np.sum((pred == cls) & (y == cls))
        fp = np.sum((pred == cls) & (y != cls))
        fn = np.sum((pred != cls) & (y == cls))
        scores.append(2 * tp / max(2 * tp + fp + fn, 1))
    return float(np.mean(scores))


def best_threshold(p: np.ndarray, y: np.ndarray, smooth: int = 0) -> tuple[float, float]:
    """Threshold with the best macro-F1 (and that F1). ``smooth``: pick the centre of the best
    window of 2*smooth+1 grid points instead of the single best point, so that a threshold
    chosen on a few hundred sentences does not sit on a lucky spike."""
    grid = np.round(np.arange(0.2, 0.801, 0.01), 2)
    f = np.array([macro_f1(y, p >= t) for t in grid])
    if smooth:
        kernel = np.ones(2 * smooth + 1) / (2 * smooth + 1)
        i = int(np.argmax(np.convolve(np.pad(f, smooth, mode="edge"), kernel, mode="valid")))
    else:
        i = int(np.argmax(f))
    return float(grid[i]), float(f[i])


def _split(rows: Sequence[LabeledSentence]) -> _Split:
    return _Split(
        [r.text for r in rows],
        np.array([r.subjective for r in rows], dtype=float),
        np.array([r.language for r in rows]),
    )


def _fit(xs: SparseRows, xd: np.ndarray | None, y: np.ndarray, cs: float, cd: float) -> LinearWeights:
    return fit_logistic(xs, xd, y, c_sparse=cs, c_dense=cd)


def _probs(w: LinearWeights, xs: SparseRows, xd: np.ndarray | None) -> np.ndarray:
    return sigmoid(w.logits(xs, xd))


def train_variant(
    variant: str, data_dir: str | Path | None = None, languages: Sequence[str] = tuple(LANGUAGE_FOLDERS)
) -> OpinionModel:
    encoder_name = VARIANT_ENCODERS[variant]
    train = _split([r for lang in languages for r in load_split(lang, "train", data_dir)])
    dev = _split([r for lang in languages for r in load_split(lang, "dev", data_dir)])
    t0 = time.perf_counter()
    if encoder_name:
        enc = get_encoder(encoder_name)
        e_train, e_dev = enc.encode(train.texts), enc.encode(dev.texts)
    else:
        e_train = e_dev = None
    log.info("%s: encoded %d sentences in %.1fs", variant, len(train.texts) + len(dev.texts), time.perf_counter() - t0)

    # 1. model selection on dev
    vocab = Vocabulary.build(train.texts, min_df=MIN_DF, char_ngrams=False)
    xs_train, xs_dev = vocab.transform(train.texts), vocab.transform(dev.texts)
    best: tuple[float, float, float, dict[str, float]] | None = None
    for cs in C_SPARSE_GRID:
        for cd in C_DENSE_GRID if encoder_name else (1.0,):
            w = _fit(xs_train, e_train, train.y, cs, cd)
            p = _probs(w, xs_dev, e_dev)
            per_lang = {lang: best_threshold(p[dev.lang == lang], dev.y[dev.lang == lang])[1] for lang in languages}
            mean = float(np.mean(list(per_lang.values())))
            log.info("%s: c_sparse=%g c_dense=%g dev macro-F1 %s", variant, cs, cd, per_lang)
            if best is None or mean > best[2]:
                best = (cs, cd, mean, per_lang)
    assert best is not None
    cs, cd, _, dev_scores = best

    # 2. refit on train + dev
    texts = train.texts + dev.texts
    y = np.concatenate([train.y, dev.y])
    lang = np.concatenate([train.lang, dev.lang])
    emb = np.vstack([e_train, e_dev]) if e_train is not None and e_dev is not None else None
    vocab = Vocabulary.build(texts, min_df=MIN_DF, char_ngrams=False)
    xs = vocab.transform(texts)
    weights = _fit(xs, emb, y, cs, cd)

    # 3. thresholds from cross-validated predictions
    rng = np.random.default_rng(SEED)
    folds = np.empty(len(y), dtype=int)
    for key in sorted({(str(lg), float(lab)) for lg, lab in zip(lang, y)}):  # stratified by language and label
        idx = np.flatnonzero((lang == key[0]) & (y == key[1]))
        folds[rng.permutation(idx)] = np.arange(len(idx)) % CV_FOLDS
    oof = np.zeros(len(y))
    for k in range(CV_FOLDS):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        fold_vocab = Vocabulary.build([texts[i] for i in tr], min_df=MIN_DF, char_ngrams=False)
        w = _fit(
            fold_vocab.transform([texts[i] for i in tr]),
            emb[tr] if emb is not None else None,
            y[tr],
            cs,
            cd,
        )
        oof[te] = _probs(w, fold_vocab.transform([texts[i] for i in te]), emb[te] if emb is not None else None)
    thresholds, cv_scores = {}, {}
    for lg in languages:
        m = lang == lg
        thresholds[lg], cv_scores[lg] = best_threshold(oof[m], y[m], smooth=THRESHOLD_SMOOTHING)
    info = {
        "variant": variant,
        "encoder": encoder_name,
        "data": "CLEF 2025 CheckThat! Task 1 subjectivity, train + dev, " + "+".join(languages),
        "licence_of_training_data": "CC BY-NC-SA 4.0",
        "sentences": {lg: int(np.sum(lang == lg)) for lg in languages},
        "c_sparse": cs,
        "c_dense": cd,
        "dev_macro_f1_when_trained_on_train": {k: round(v, 4) for k, v in dev_scores.items()},
        "cv_macro_f1_train_dev": {k: round(v, 4) for k, v in cv_scores.items()},
        "vocabulary_size": len(vocab.features),
        # average embedding contribution to the logit: stands in where the stage skips encoding
        "dense_mean_logit": round(float(np.mean(emb @ weights.dense)), 5) if emb is not None else 0.0,
    }
    log.info("%s: chose c_sparse=%g c_dense=%g, thresholds %s, CV %s", variant, cs, cd, thresholds, cv_scores)
    return OpinionModel(encoder_name, vocab, weights, thresholds_from(thresholds), info)


def train(
    data_dir: str | Path | None = None,
    out_dir: str | Path | None = None,
    variants: Sequence[str] = ("fast", "e5"),
) -> dict[str, Path]:
    """Train the opinion model variants and write each to ``out_dir/<variant>/``."""
    from .model import default_model_dir

    out = Path(out_dir) if out_dir else default_model_dir()
    written: dict[str, Path] = {}
    for variant in variants:
        model = train_variant(variant, data_dir)
        model.save(out / variant)
        written[variant] = out / variant
    return written


if __name__ == "__main__":  # python -m lagebild.opinion.train [OUT_DIR] [VARIANT...]
    import sys

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args = sys.argv[1:]
    train(None, args[0] if args else None, args[1:] or ("fast", "e5"))
