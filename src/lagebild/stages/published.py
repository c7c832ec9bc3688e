"""Publication date: metadata first, else a dateline ("Berlin, 6. Mai (dpa) –") or an explicit date
at the top of the text ("Stand: 31.07.2025"), else the date the user gave (``--published``).
The basis is recorded with SPEC.md's values (metadata, dateline, text, user). Inference from the
text's own dated events (basis ``inferred``) happens in the ``time`` stage, which has the time
expressions it needs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..dates import normalize_published
from ..model import Document
from ..pipeline import stage
from ..pubdate import find_dateline

# Bases a date written in the text outranks: a user default and an inference are weaker evidence.
_WEAKER_THAN_TEXT = (None, "user", "inferred")
# "Place, date": what makes a date at the top a dateline rather than a date line ("Stand: …").
_PLACE_COMMA = re.compile(r"^[A-ZÄÖÜ][^,\n]{1,40},")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A year taken from the body (for a dateline without one) is plausible, not certain.
BODY_YEAR_CONFIDENCE = 0.7


def body_year(text: str) -> int | None:
    """The latest year the text mentions that is not in the future: the year a year-less dateline
    most likely belongs to ("Berlin, 2. Juli (dpa) – … der Bundeshaushalt 2025 …")."""
    this_year = date.today().year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= this_year]
    return max(years) if years else None


def date_from_text(text: str) -> tuple[str, str, float] | None:
    """(ISO date, basis, confidence) from a dateline or a date at the top of ``text``, or None."""
    found, span = find_dateline(text)
    confidence = 1.0
    if found is None and span is not None:  # a dateline without a year
        year = body_year(text)
        if year is None:
            return None
        found, span = find_dateline(text, year_hint=year)
        confidence = BODY_YEAR_CONFIDENCE
    if not found or span is None:
        return None
    basis = "dateline" if _PLACE_COMMA.match(text[span[0] : span[1]]) else "text"
    return found, basis, confidence


@stage("published", requires=("text", "published"), assigns=("published", "published_basis"))
def make_published() -> Callable[[Document], Document]:
    """Normalise the publication date and find one in a dateline when metadata has none."""

    def published(doc: Document) -> Document:
        if doc.published:
            doc.published = normalize_published(doc.published)
            if doc.published is None:
                doc.published_basis = None
        if doc.published_basis in _WEAKER_THAN_TEXT:
            got = date_from_text(doc.raw_text or doc.text)
            if got:
                doc.published, doc.published_basis, doc.published_confidence = got
        if doc.published and not doc.published_basis:
            doc.published_basis = "metadata"
        return doc

    return published
