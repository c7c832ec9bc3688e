"""Lexical features of one sentence, as feature strings for a learned vocabulary.

Why lexical features next to sentence embeddings: subjectivity in news is carried by
small, closed sets of words (modal particles, intensifiers, first person, evaluative
adjectives) and by punctuation that a sentence embedding averages away. The cue groups
below are shared by German and English so that the two languages' training data help
each other; word and character n-grams are language-specific and learned from data.

All word lists here are our own, general lists of function words and cue words; none is
tuned to a particular sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .linear import SparseRows

# Words, numbers, and single punctuation marks; apostrophes stay inside words (don't, it's).
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)
_QUOTE_CHARS = frozenset('"„“”»«‚‘’›‹')
_QUOTED_SPAN_RE = re.compile(r'[„“"»«]([^„“”"»«]{2,})[“”"«»]')
_ALLCAPS_RE = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
_SOFT_HYPHEN_RE = re.compile("\u00ad")

# Cue groups (lower-case word forms). Each group becomes one feature "cue|<group>".
_CUES: dict[str, frozenset[str]] = {
    # The writer speaks as "I"/"we" or addresses the reader.
    "first_person": frozenset(
        "ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren "
        "unserem unserer unseres i me my mine myself we us our ours ourselves".split()
    ),
    "second_person": frozenset(
        "du dich dir dein deine euch euer eure you your yours yourself yourselves".split()
    ),
    # German modal particles: the writer's stance in one word.
    "modal_particle": frozenset(
        "doch ja eben halt wohl eigentlich etwa bloß blos nun mal einfach ohnehin "
        "schließlich freilich immerhin übrigens nämlich".split()
    ),
    "intensifier": frozenset(
        "sehr äußerst höchst völlig absolut total extrem enorm unglaublich wirklich "
        "besonders überaus ziemlich reichlich geradezu regelrecht gar völlige "
        "very extremely utterly absolutely totally really truly incredibly deeply "
        "highly hugely enormously remarkably entirely quite rather so such".split()
    ),
    # Hedges and epistemic stance: the writer weighs, guesses, or judges.
    "stance": frozenset(
        "offenbar offensichtlich anscheinend vermutlich wahrscheinlich sicherlich "
        "natürlich selbstverständlich zweifellos leider hoffentlich angeblich "
        "scheinbar eher sogar lediglich kaum "
        "apparently obviously clearly evidently probably surely certainly naturally "
        "unfortunately hopefully allegedly supposedly seemingly arguably merely "
        "hardly indeed perhaps maybe even".split()
    ),
    "modal_verb": frozenset(
        "sollte sollten müsste müssten muss müssen dürfte dürften könnte könnten "
        "sollen darf should must ought might could would need needs".split()
    ),
    # Attribution: someone else is being reported (pulls towards "not the writer's").
    "reporting": frozenset(
        "sagte sagt sagten sagen erklärte erklärt betonte betont teilte mitteilte "
        "berichtete berichtet laut zufolge meinte meint kritisierte warnte forderte "
        "sprach schrieb twitterte bestätigte kündigte "
        "said says say told stated explained added noted according reported reports "
        "announced claimed warned argued insisted wrote tweeted confirmed".split()
    ),
    # Konjunktiv I: the German grammar of reported speech.
    "subjunctive_i": frozenset(
        "sei seien habe habest werde werden könne müsse solle wolle dürfe gebe liege "
        "stehe gehe komme bleibe".split()
    ),
    "negation": frozenset(
        "nicht kein keine keinen keinem keiner nie niemals nichts "
        "not no never nothing none nor n't".split()
    ),
}
_WORD_TO_CUES: dict[str, tuple[str, ...]] = {}
for _group, _words in _CUES.items():
    for _w in _words:
        _WORD_TO_CUES[_w] = (*_WORD_TO_CUES.get(_w, ()), _group)

_CHAR_NGRAMS = (3, 4, 5)
_LENGTH_BUCKETS = (4, 8, 12, 18, 25, 35, 50)


def tokenize(text: str) -> list[str]:
    # all quotation marks are one token type: which glyph an outlet uses says nothing
    return ['"' if t in _QUOTE_CHARS else t for t in _TOKEN_RE.findall(_SOFT_HYPHEN_RE.sub("", text))]


def quoted_fraction(text: str) -> float:
    """Share of the characters that stand between quotation marks."""
    if not text:
        return 0.0
    inside = sum(len(m.group(1)) for m in _QUOTED_SPAN_RE.finditer(text))
    return min(1.0, inside / len(text))


def sentence_features(text: str, *, char_ngrams: bool = True) -> list[str]:
    """Feature strings for one sentence (duplicates allowed; the vectoriser binarises)."""
    tokens = tokenize(text)
    lower = [t.lower() for t in tokens]
    feats: list[str] = ["bias"]
    words = [t for t in lower if t[0].isalpha()]
    feats.extend("w|" + w for w in lower)
    padded = ["<s>", *lower, "</s>"]
    feats.extend("b|" + a + " " + b for a, b in zip(padded, padded[1:]))
    if char_ngrams:
        for w in words:
            if len(w) >= 4:
                feats.extend(_char_ngrams(w))
    for w in lower:
        for group in _WORD_TO_CUES.get(w, ()):
            feats.append("cue|" + group)
    feats.extend(_shape_features(text, tokens, len(words)))
    return feats


@lru_cache(maxsize=200_000)
def _char_ngrams(word: str) -> tuple[str, ...]:
    """The character n-gram features of one word (cached: words recur, n-grams are most of the
    feature-building time)."""
    marked = "<" + word + ">"
    return tuple("c|" + marked[i : i + n] for n in _CHAR_NGRAMS for i in range(len(marked) - n + 1))


def _shape_features(text: str, tokens: list[str], n_words: int) -> list[str]:
    out: list[str] = []
    bucket = next((i for i, b in enumerate(_LENGTH_BUCKETS) if n_words <= b), len(_LENGTH_BUCKETS))
    out.append(f"len|{bucket}")
    stripped = text.rstrip()
    if stripped.endswith("!"):
        out.append("shape|ends_excl")
    if stripped.endswith("?"):
        out.append("shape|ends_question")
    if "!" in text:
        out.append("shape|excl")
    if "…" in text or "..." in text:
        out.append("shape|ellipsis")
    if ":" in text:
        out.append("shape|colon")
    if any(c in _QUOTE_CHARS for c in text):
        out.append("shape|quote_mark")
    q = quoted_fraction(text)
    if q > 0:
        out.append(f"shape|quoted_{min(4, int(q * 5))}")
    if _ALLCAPS_RE.search(text):
        out.append("shape|allcaps")
    digits = sum(1 for t in tokens if t[0].isdigit())
    if digits:
        out.append("shape|numbers_" + ("1" if digits == 1 else "many"))
    return out


class Vocabulary:
    """Feature string -> column. Only features seen in training get a column, since a
    linear model has nothing to say about the others."""

    def __init__(self, features: list[str], *, char_ngrams: bool = True):
        self.features = features
        self.index = {f: i for i, f in enumerate(features)}
        self.char_ngrams = char_ngrams

    @classmethod
    def build(cls, texts: list[str], *, min_df: int = 2, char_ngrams: bool = True) -> Vocabulary:
        df: dict[str, int] = {}
        for t in texts:
            for f in set(sentence_features(t, char_ngrams=char_ngrams)):
                df[f] = df.get(f, 0) + 1
        return cls(sorted(f for f, n in df.items() if n >= min_df), char_ngrams=char_ngrams)

    def transform(self, texts: list[str]) -> SparseRows:
        """Binary features scaled to unit length per sentence."""
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        get = self.index.get
        for t in texts:
            cols = {c for c in map(get, sentence_features(t, char_ngrams=self.char_ngrams)) if c is not None}
            k = len(cols)
            indices.extend(cols)
            values.extend([1.0 / k**0.5] * k if k else [])
            indptr.append(len(indices))
        return SparseRows(
            np.asarray(indptr, dtype=np.int64),
            np.asarray(indices, dtype=np.int32),
            np.asarray(values, dtype=np.float32),
            len(self.features),
        )
