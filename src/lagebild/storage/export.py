"""The export contract of SPEC.md (format ``lagebild/1``). Fields may be added, never renamed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..model import Document

if TYPE_CHECKING:
    from . import Store

SECTIONS = ("documents", "sentences", "entities", "mentions", "timexes", "quotes", "events", "stories",
            "contradictions")


def document_records(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The per-document parts of the export for one document."""
    d = doc.id
    return {
        "documents": [{
            "id": d, "source": doc.source, "url": doc.url, "path": doc.path, "title": doc.title,
            "language": doc.language, "published": doc.published, "published_basis": doc.published_basis,
            "text": doc.text, "removed_lines": [r.text for r in doc.removed_lines],
            "removed_reasons": [r.reason for r in doc.removed_lines],
            "author": doc.author, "story": doc.story,
        }],
        "sentences": [{"doc": d, "start": s.start, "end": s.end, "opinion": s.opinion,
                       "opinion_score": round(s.opinion_score, 4), "language": s.language or doc.language}
                      for s in doc.sentences],
        "mentions": [{"doc": d, "start": m.start, "end": m.end, "text": m.text, "entity": m.entity,
                      "type": m.type, "flags": m.flags} for m in doc.mentions],
        "timexes": [{"doc": d, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                     "mod": t.mod, "anchored": t.anchored}
                    for t in doc.timexes],
        "quotes": [{"doc": d, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                    "speaker": q.speaker, "speaker_text": q.speaker_text, "cue": q.cue, "medium": q.medium}
                   for q in doc.quotes],
    }


# Modules whose import registers a corpus section: events (queries), stories and contradictions.
_SECTION_MODULES = ("lagebild.queries", "lagebild.stories")


def export_picture(store: Store) -> dict[str, Any]:
    import importlib

    for module in _SECTION_MODULES:
        importlib.import_module(module)
    out: dict[str, Any] = {"format": "lagebild/1", **{k: [] for k in SECTIONS}}
    docs = list(store.iter_documents())
    for doc in docs:
        for key, records in document_records(doc).items():
            out[key].extend(records)
    out["entities"] = [
        {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": json.loads(r["aliases"]),
         "wikidata": r["wikidata"]}
        for r in store.db.execute("SELECT * FROM entities ORDER BY id")
    ]
    for section, build in _CORPUS_SECTIONS.items():
        out[section] = build(store, docs)
    return out


def export_lines(store: Store) -> Iterator[dict[str, Any]]:
    """JSON Lines export: one record per line, each with ``"kind"`` naming its section."""
    yield {"kind": "format", "format": "lagebild/1"}
    picture = export_picture(store)
    for section in SECTIONS:
        for rec in picture[section]:
            yield {"kind": section[:-1] if section != "entities" else "entity", **rec}


# Corpus-level sections (events, stories, contradictions): builders registered by the modules that
# compute them, each called with the store and all documents.
_CORPUS_SECTIONS: dict[str, Callable[[Store, list[Document]], list[dict[str, Any]]]] = {}


def corpus_section(name: str) -> Callable[[Callable[..., list[dict[str, Any]]]], Callable[..., list[dict[str, Any]]]]:
    def register(fn: Callable[..., list[dict[str, Any]]]) -> Callable[..., list[dict[str, Any]]]:
        _CORPUS_SECTIONS[name] = fn
        return fn

    return register
