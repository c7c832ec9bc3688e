"""Stage 3, language: ISO 639-1 code per document (and per sentence where it differs, see segment).

py3langid (BSD) covers 97 languages with a small model and answers in microseconds. Its scores are
turned into probabilities so that a threshold means something.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..model import Document
from ..pipeline import stage

# Below this many letters a language guess is noise: leave the language unknown.
MIN_LETTERS = 20
# A sentence is marked as another language only when the identifier is this sure.
SENTENCE_MIN_PROB = 0.9


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(language code, probability) of ``text``; (None, 0.0) when there is too little text."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


@stage("language", requires=("text",), assigns=("language",))
def make_language() -> Callable[[Document], Document]:
    """Detect the document language unless the user or the source already gave it."""

    def language(doc: Document) -> Document:
        if not doc.language:
            lang, _ = detect(((doc.title or "") + "\n" + doc.text).strip())
            doc.language = lang
        return doc

    return language
