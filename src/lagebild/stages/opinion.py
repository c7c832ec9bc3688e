"""Stage 8, opinion: mark sentences that are the writer's own evaluation.

A trained classifier (``lagebild.opinion``) scores each sentence; attribution then overrides
it: a sentence mostly covered by a quote (direct or indirect, from the quotes stage) is the
speaker's evaluation, not the writer's, so it is never an opinion of the article.

``Sentence.opinion_score`` is calibrated so that 0.5 is the decision threshold for the
sentence's language (thresholds differ per language, tuned on CheckThat train/dev data); for
attributed sentences it is multiplied by the share of the sentence that is the writer's own
words, so it drops below 0.5 and says how much was quoted (and, to save time, it is computed
without the sentence embedding: see ``OpinionModel.scores``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..model import Document
from ..opinion import load_model
from ..opinion.attribution import quote_mark_share, quote_share, reported_speech_share
from ..pipeline import stage

# A sentence at least this much covered by quotes is the speaker's. Half: below that the
# writer's own words dominate (a short scare-quoted phrase inside a judgement stays the
# writer's); checked by hand on our own examples, not tuned on any benchmark.
ATTRIBUTED_SHARE = 0.5


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@stage(
    "opinion",
    requires=("text", "sentences", "language", "quotes"),
    assigns=("sentences.opinion",),
    default_config={"model": "fast", "model_dir": None, "attributed_share": ATTRIBUTED_SHARE},
)
def make_opinion(
    model: str = "fast", model_dir: str | None = None, attributed_share: float = ATTRIBUTED_SHARE
) -> Callable[[Document], Document]:
    """Mark sentences that are the writer's own evaluation rather than attributed reporting."""
    classifier = load_model(model, model_dir)

    def opinion(doc: Document) -> Document:
        if not doc.sentences:
            return doc
        texts = [doc.text[s.start : s.end] for s in doc.sentences]
        # Three kinds of evidence that the words are someone else's; the strongest wins:
        # the quotes stage's spans, quotation marks (the quotes stage may miss a quote or not
        # have run), and German Konjunktiv I (reported speech without a cue of its own).
        shares = [
            max(
                quote_share(s.start, s.end, doc.quotes) if doc.quotes else 0.0,
                quote_mark_share(t),
                reported_speech_share(t, s.language or doc.language),
            )
            for s, t in zip(doc.sentences, texts)
        ]
        own = [share < attributed_share for share in shares]
        # attributed sentences are never opinions, so their embedding is not worth computing
        probs = classifier.scores(texts, embed=own)
        for sent, p, share, is_own in zip(doc.sentences, probs, shares, own):
            shift = _logit(classifier.threshold(sent.language or doc.language))
            score = 1.0 / (1.0 + math.exp(-(_logit(float(p)) - shift)))
            if is_own:
                sent.opinion = score >= 0.5
                sent.opinion_score = score
            else:
                sent.opinion = False
                sent.opinion_score = score * (1.0 - share)
        return doc

    return opinion
