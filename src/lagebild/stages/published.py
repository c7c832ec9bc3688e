"""Publication date: metadata first, else a dateline or explicit date at the top of the text,
else the date the user gave (``--published``). The basis is recorded with SPEC.md's values.
Inference from the text's own dated events (basis ``inferred``) happens in the ``time`` stage,
which has the time expressions it needs."""

from __future__ import annotations

from collections.abc import Callable

from ..dates import normalize_published
from ..model import Document
from ..pipeline import stage

# Bases a dateline in the text outranks: a user default and an inference are weaker evidence.
_WEAKER_THAN_DATELINE = (None, "user", "inferred")


@stage("published", requires=("text", "published"), assigns=("published", "published_basis"))
def make_published() -> Callable[[Document], Document]:
    """Normalise the publication date and find one in a dateline when metadata has none."""
    try:
        from ..pubdate import find_dateline
    except ImportError:  # pragma: no cover - during development of the time stage
        def find_dateline(text: str):  # type: ignore[no-untyped-def]
            return None, None

    def published(doc: Document) -> Document:
        if doc.published:
            doc.published = normalize_published(doc.published)
            if doc.published is None:
                doc.published_basis = None
        if doc.published_basis in _WEAKER_THAN_DATELINE:
            found, _span = find_dateline(doc.raw_text or doc.text)
            if found:
                doc.published, doc.published_basis = found, "dateline"
        if doc.published and not doc.published_basis:
            doc.published_basis = "metadata"
        return doc

    return published
