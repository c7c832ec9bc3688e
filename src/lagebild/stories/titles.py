"""Readable story titles: the headline of the member article closest to the story's centroid
(the most typical report), else its first sentence shortened at a word boundary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..storage import stories as db
from . import embed

if TYPE_CHECKING:
    from ..model import Document
    from ..storage import Store

MAX_TITLE_CHARS = 90


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def headline(doc: Document) -> str:
    if doc.title and doc.title.strip():
        return shorten(doc.title)
    sents = embed.sentence_texts(doc)
    return shorten(sents[0] if sents else doc.text[:MAX_TITLE_CHARS])


def story_title(store: Store, st: db.StoryRow, doc: Document, vec: np.ndarray) -> tuple[str, str]:
    """(title, doc id it comes from) after ``doc`` joined ``st`` (whose centroid already includes it)."""
    if st.size <= 1 or not st.title_doc:
        return headline(doc), doc.id
    cent = embed.from_blob(st.centroid) if st.centroid else vec
    ids = db.story_doc_ids(store, st.id, latest=19) + [doc.id]
    vecs = db.get_vectors(store, ids, embed.MODEL_NAME)
    best_id, best_cos = st.title_doc, -2.0
    for i in ids:
        blob = vecs.get(i)
        if blob is None:
            continue
        c = float(embed.from_blob(blob) @ cent)
        if c > best_cos:
            best_id, best_cos = i, c
    if best_id == doc.id:
        return headline(doc), doc.id
    if best_id == st.title_doc and st.title:
        return st.title, best_id
    row = store.db.execute("SELECT title, text FROM documents WHERE id=?", (best_id,)).fetchone()
    if row is None:
        return st.title or headline(doc), st.title_doc
    from ..model import Document as Doc

    return headline(Doc(text=row[1], title=row[0])), best_id
