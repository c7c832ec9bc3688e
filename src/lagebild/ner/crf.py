"""The German CRF tagger: python-crfsuite weights plus the lookup tables they were trained with."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from .features import Resources, sentence_features
from .resources import RESOURCES_FILE, load_resources

CRF_FILE = "model.crfsuite"
META_FILE = "meta.json"


@dataclass(slots=True)
class CrfTagger:
    tagger: pycrfsuite.Tagger
    resources: Resources
    meta: dict[str, object]

    @classmethod
    def load(cls, model_dir: str | Path) -> CrfTagger:
        model_dir = Path(model_dir)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_dir / CRF_FILE))
        res_path = model_dir / RESOURCES_FILE
        resources = load_resources(res_path) if res_path.exists() else Resources()
        meta_path = model_dir / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return cls(tagger, resources, meta)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags with GermEval types (PER, LOCderiv, ORGpart, ...) for one sentence."""
        if not tokens:
            return []
        return list(self.tagger.tag(sentence_features(tokens, self.resources)))

    def tag_with_confidence(self, tokens: Sequence[str]) -> tuple[list[str], float]:
        """The tags and the model's probability of that whole tag sequence."""
        if not tokens:
            return [], 1.0
        tags = self.tagger.tag(sentence_features(tokens, self.resources))
        return list(tags), float(self.tagger.probability(tags))
