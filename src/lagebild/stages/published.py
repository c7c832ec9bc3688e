"""Publication date: metadata first, else a dateline ("Berlin, 6. Mai (dpa) –") or an explicit date
at the top of the text ("Stand: 31.07.2025"), else the date the user gave (``--published``).
The basis is recorded with SPEC.md's values (metadata, dateline, text, user). Inference from the
text's own dated events (basis ``inferred``) happens in the ``time`` stage, which has the time
expressions it needs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..dates import normalize_published, parse_day
from ..model import Document
from ..pipeline import stage
from ..pubdate import find_dateline

# Bases a date written in the text outranks: a user default and an inference are weaker evidence.
_WEAKER_THAN_TEXT = (None, "user", "inferred")
# "Place, date": what makes a date at the top a dateline rather than a date line ("Stand: …").
_PLACE_COMMA = re.compile(r"^[A-ZÄÖÜ][^,\n]{1,40},")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A year taken from the body (for a dateline without one) is plausible, not certain; one taken
# from the date the user gave agrees with two sources.
BODY_YEAR_CONFIDENCE = 0.7
GIVEN_YEAR_CONFIDENCE = 0.9


def body_year(text: str) -> int | None:
    """The latest year the text mentions that is not in the future: the year a year-less dateline
    most likely belongs to ("Berlin, 2. Juli (dpa) – … der Bundeshaushalt 2025 …")."""
    this_year = date.today().year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= this_year]
    return max(years) if years else None


def date_from_text(text: str, around: str | None = None) -> tuple[str, str, float] | None:
    """(ISO date, basis, confidence) from a dateline or a date at the top of ``text``, or None.
    ``around`` is a weaker date already known (the one the user gave): a dateline without a year
    ("HAMBURG, Nov 9 -") takes the year that puts it closest to that date, not a year the body
    mentions in passing ("since 2024")."""
    found, span = find_dateline(text)
    confidence = 1.0
    if found is None and span is not None:  # a dateline without a year
        year, confidence = _year_near(text, around), GIVEN_YEAR_CONFIDENCE
        if year is None:
            year, confidence = body_year(text), BODY_YEAR_CONFIDENCE
        if year is None:
            return None
        found, span = find_dateline(text, year_hint=year)
    if not found or span is None:
        return None
    basis = "dateline" if _PLACE_COMMA.match(text[span[0] : span[1]]) else "text"
    return found, basis, confidence


def _year_near(text: str, around: str | None) -> int | None:
    """The year that puts the year-less dateline of ``text`` closest to the date ``around``
    (a "Dec 31" dateline on an article given as 2 January belongs to the year before)."""
    ref = parse_day(around)
    if ref is None:
        return None
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        found, _span = find_dateline(text, year_hint=year)
        if found:
            gap = abs((date.fromisoformat(found) - ref).days)
            if best is None or gap < best[0]:
                best = (gap, year)
    return best[1] if best else None


@stage("published", requires=("text", "published"), assigns=("published", "published_basis"))
def make_published() -> Callable[[Document], Document]:
    """Normalise the publication date and find one in a dateline when metadata has none."""

    def published(doc: Document) -> Document:
        if doc.published:
            doc.published = normalize_published(doc.published)
            if doc.published is None:
                doc.published_basis = None
        if doc.published_basis in _WEAKER_THAN_TEXT:
            got = date_from_text(doc.raw_text or doc.text, doc.published)
            if got:
                doc.published, doc.published_basis, doc.published_confidence = got
        if doc.published and not doc.published_basis:
            doc.published_basis = "metadata"
        return doc

    return published
