"""The trained opinion classifier: lexical features + a sentence embedding -> P(opinion).

A model is a folder with ``config.json`` (encoder name, vocabulary, per-language decision
thresholds, training facts) and ``weights.npz`` (the linear head). Models load once per
process (``load_model`` is cached).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..encoders import get_encoder
from .features import Vocabulary
from .linear import LinearWeights, sigmoid

# Variants shipped in lagebild/data/models/opinion/: "fast" is the pipeline default (USE), "e5" the
# slower, more accurate one.
VARIANTS = ("fast", "e5")
DEFAULT_VARIANT = "fast"


def default_model_dir() -> Path:
    """``$LAGEBILD_MODELS/opinion``, else the model shipped inside the package (see lagebild.paths)."""
    from ..paths import model_dir

    return model_dir("opinion")


@dataclass(slots=True)
class OpinionModel:
    encoder: str | None  # None: lexical features only
    vocabulary: Vocabulary
    weights: LinearWeights
    thresholds: dict[str, float]  # language -> decision threshold; "*" for any other language
    info: dict[str, Any] = field(default_factory=dict)  # training facts for the model card

    def threshold(self, language: str | None) -> float:
        return self.thresholds.get(language or "*", self.thresholds.get("*", 0.5))

    def scores(self, texts: Sequence[str], embed: Sequence[bool] | None = None) -> np.ndarray:
        """P(the sentence is the writer's own evaluation), one per text.

        ``embed``: where False, the sentence embedding (most of the cost) is skipped and its
        part of the score is replaced by its training-set average; the stage does this for
        sentences whose verdict attribution already decides.
        """
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        z = self.weights.logits(self.vocabulary.transform(texts), None)
        if self.encoder:
            mask = np.ones(len(texts), dtype=bool) if embed is None else np.asarray(embed, dtype=bool)
            z[~mask] += float(self.info.get("dense_mean_logit", 0.0))
            if mask.any():
                chosen = [t for t, m in zip(texts, mask) if m]
                z[mask] += get_encoder(self.encoder).encode(chosen) @ self.weights.dense
        return sigmoid(z)

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config = {
            "format": 1,
            "encoder": self.encoder,
            "char_ngrams": self.vocabulary.char_ngrams,
            "thresholds": self.thresholds,
            "info": self.info,
            "vocabulary": self.vocabulary.features,
        }
        (folder / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        np.savez_compressed(
            folder / "weights.npz",
            sparse=self.weights.sparse.astype(np.float32),
            dense=self.weights.dense.astype(np.float32),
            bias=np.float32(self.weights.bias),
        )

    @classmethod
    def load(cls, folder: str | Path) -> OpinionModel:
        folder = Path(folder)
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            with np.load(folder / "weights.npz") as z:
                weights = LinearWeights(
                    z["sparse"].astype(np.float64), z["dense"].astype(np.float64), float(z["bias"])
                )
        except FileNotFoundError as exc:
            raise ConfigError(
                f"no opinion model in {folder}",
                tip="train one with `lagebild train opinion` or set LAGEBILD_MODELS",
            ) from exc
        vocab = Vocabulary(config["vocabulary"], char_ngrams=config.get("char_ngrams", False))
        return cls(config["encoder"], vocab, weights, dict(config["thresholds"]), config.get("info", {}))


@functools.cache
def _load_cached(folder: str) -> OpinionModel:
    return OpinionModel.load(folder)


def load_model(variant: str = DEFAULT_VARIANT, model_dir: str | Path | None = None) -> OpinionModel:
    """The model ``variant`` from ``model_dir`` (default: ``default_model_dir()``), cached."""
    if model_dir is None:
        if variant not in VARIANTS:
            raise ConfigError(f"no opinion model named {variant!r}. Available: {', '.join(VARIANTS)}")
        folder = default_model_dir() / variant
    else:
        folder = Path(model_dir)
        if (folder / variant / "config.json").is_file():
            folder = folder / variant
    return _load_cached(str(folder.resolve()))


def thresholds_from(mapping: Mapping[str, float]) -> dict[str, float]:
    out = {k: round(float(v), 3) for k, v in mapping.items()}
    if "*" not in out and out:
        out["*"] = round(float(np.mean(list(out.values()))), 3)
    return out
