"""The Python API for single texts. ``Store`` (storage/) is the API for a corpus."""

from __future__ import annotations

import hashlib
import re

from .dates import normalize_published
from .errors import InputError
from .model import Document
from .pipeline import Pipeline, default_pipeline

_NON_WORD = re.compile(r"\W+")


def content_id(text: str) -> str:
    """Deterministic document id: the same body text (ignoring case, spacing, punctuation) gives the
    same id, so ingesting an article twice stores it once."""
    norm = _NON_WORD.sub(" ", text.lower()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def prepare(doc: Document, *, published: str | None = None, language: str | None = None,
            source: str | None = None) -> Document:
    """Apply user-given defaults to a freshly read document (before the pipeline runs)."""
    if published and not doc.published:
        value = normalize_published(published)
        if value is None:
            raise InputError(published, "is not a date; use YYYY-MM-DD")
        doc.published, doc.published_basis = value, "user"
    if language:
        doc.language = language
    if source and not doc.source:
        doc.source = source
    return doc


def run_pipeline(doc: Document, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline and set the document id from the cleaned text."""
    doc = (pipeline or default_pipeline())(doc)
    doc.id = content_id(doc.text)
    return doc


def analyze(
    text: str,
    published: str | None = None,
    language: str | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Analyse one article given as (extracted) text and return the annotated Document.

    ``published`` (ISO date) anchors relative dates; ``language`` skips detection.
    """
    doc = Document(text="", raw_text=text, title=title, source=source, url=url)
    prepare(doc, published=published, language=language)
    return run_pipeline(doc, pipeline)
