"""Stage 6, ``time``: temporal expressions normalised to TIMEX3 values.

Anchored on the publication date (``doc.published``). Where that is missing, the stage
asks ``pubdate.infer_published`` for a date the text itself supports and records it
with basis ``inferred``; if there is none, expressions that need an anchor keep a
partial or relative value ("XXXX-WXX-5", "FUTURE_REF") with ``anchored=False``.
The rules live in ``lagebild.timexpr``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..model import Document, Timex
from ..pipeline import stage
from .. import pubdate
from ..timexpr import extract

# An inferred publication value is used as anchor only when it is a single day and at
# least this confident; windows and weak guesses stay out of the anchoring.
MIN_ANCHOR_CONFIDENCE = 0.5


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@stage(
    "time",
    requires=("text", "sentences", "tokens", "language", "published"),
    assigns=("timexes",),
    default_config={"narrative": False, "infer_published": True},
)
def make_time(narrative: bool = False, infer_published: bool = True) -> Callable[[Document], Document]:
    """Dates, times, durations and sets, normalised against the publication date."""

    def run(doc: Document) -> Document:
        anchor = _anchor(doc.published)
        if anchor is None and infer_published and doc.published is None:
            guess = pubdate.infer_published(doc)
            if guess is not None:
                value, confidence = guess
                doc.published = value
                doc.published_basis = "inferred"
                doc.published_confidence = confidence
                if confidence >= MIN_ANCHOR_CONFIDENCE:
                    anchor = _anchor(value) if len(value) == 10 else None
        sentences = [(s.start, s.end) for s in doc.sentences] or None
        found = extract(doc.text, doc.language or "de", anchor, narrative=narrative, sentences=sentences)
        doc.timexes = [Timex(t.start, t.end, t.text, t.type, t.value, anchored=t.anchored, mod=t.mod) for t in found]
        return doc

    return run
