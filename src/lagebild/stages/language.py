"""Stage 3, language: ISO 639-1 code per document (and per sentence where it differs, see segment).

py3langid (BSD) covers 97 languages with a small model and answers in microseconds. Its scores are
turned into probabilities so that a threshold means something.
"""

from __future__ import annotations

from collections.abc import Callable
import re
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


# The first few thousand characters decide a document's language as well as all of it would.
_SAMPLE_CHARS = 2000
_LETTERS = re.compile(r"[^\W\d_]")


def detect(text: str) -> tuple[str | None, float]:
    """(language code, probability) of ``text``; (None, 0.0) when there is too little text."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTERS.findall(sample, 0, 400)) < MIN_LETTERS and len(_LETTERS.findall(sample)) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


# Function words that settle a sentence's language without the statistical model (most sentences).
FUNCTION_WORDS = {
    "de": frozenset("der die das und ist nicht mit den dem des sich auf für eine ein sie er wir hat wurde "
                    "auch nach bei aus werden sei habe dass oder wie zum zur vom noch über".split()),
    "en": frozenset("the and is are was were not with of to for that this have has had will would "
                    "from they he she we it been be by on at which".split()),
}
_WORDS = re.compile(r"\w+")


# Frequent words of languages close to German or English: their presence sends a text to the model.
_NEIGHBOURS = frozenset("het een van niet zijn og och att är ikke er til det ett ok den og är".split())
# A document is settled without the model when this many function words all point one way.
_CLEAR_MIN_WORDS = 12


def _vote(words: list[str], min_count: int, ratio: int) -> str | None:
    """'de' or 'en' when at least ``min_count`` function words of one language outnumber the
    other's ``ratio`` times over."""
    de = sum(w in FUNCTION_WORDS["de"] for w in words)
    en = sum(w in FUNCTION_WORDS["en"] for w in words)
    if de >= min_count and de >= ratio * en:
        return "de"
    if en >= min_count and en >= ratio * de:
        return "en"
    return None


def _lower_words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def clear_de_or_en(text: str) -> str | None:
    """German or English when the text leaves no doubt (many function words, none of a neighbour
    language); None sends it to the statistical model."""
    words = _lower_words(text)
    if any(w in _NEIGHBOURS for w in words):
        return None
    return _vote(words, _CLEAR_MIN_WORDS, 10)


def function_word_language(text: str) -> str | None:
    """'de' or 'en' when function words clearly point to one of them, else None."""
    return _vote(_lower_words(text), 2, 3)


@stage("language", requires=("text",), assigns=("language",))
def make_language() -> Callable[[Document], Document]:
    """Detect the document language unless the user or the source already gave it."""

    def language(doc: Document) -> Document:
        if not doc.language:
            text = ((doc.title or "") + "\n" + doc.text).strip()
            doc.language = clear_de_or_en(text[:_SAMPLE_CHARS]) or detect(text)[0]
        return doc

    return language
