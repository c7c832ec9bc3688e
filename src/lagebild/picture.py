"""The situation picture over a stored corpus: canonical events (timeline), quotes, entities.

Read-only queries shared by the CLI and the web API. Per-document analysis lives in the stages;
story assignment and comparison in ``lagebild.stories``; canonical-event merging in
``lagebild.timeline``. This module composes them over a ``Store``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .kb.names import fold
from .model import Document
from .storage import Store
from .storage.export import corpus_section
from .timeline import CanonicalEvent, filter_events, merge_events

# With a query, events are merged only among articles that can contain it (FTS hits and articles
# mentioning a matching entity): the timeline of one person stays fast in a large archive.
QUERY_PRESELECT_LIMIT = 5000


def duplicate_map(store: Store, doc_ids: Sequence[str]) -> dict[str, str]:
    """doc id -> the article it is a near-duplicate copy of (only for copies)."""
    try:
        from .storage.stories import dup_groups
    except ImportError:  # stories not installed: no near-duplicate information
        return {}
    try:
        groups = dup_groups(store, list(doc_ids))
    except Exception:  # noqa: BLE001 - older store without the near-duplicate tables
        return {}
    return {d: g for d, g in groups.items() if g != d}


def canonical_events(store: Store, docs: Iterable[Document] | None = None) -> list[CanonicalEvent]:
    docs = list(store.iter_documents() if docs is None else docs)
    return merge_events(docs, duplicate_map(store, [d.id for d in docs]))


def matching_entity_ids(store: Store, name: str) -> list[str]:
    """Entities whose id, name or an alias matches ``name`` (case, accents and ß folded)."""
    want = fold(name)
    ids = []
    for r in store.db.execute("SELECT id, name, aliases FROM entities"):
        names = [r["name"], *json.loads(r["aliases"])]
        if r["id"] == name or any(want == fold(n) for n in names):
            ids.append(r["id"])
    if ids:
        return ids
    # No exact name: fall back to entities whose names contain the query as a word.
    for r in store.db.execute("SELECT id, name, aliases FROM entities"):
        names = [r["name"], *json.loads(r["aliases"])]
        if any(want in fold(n).split() for n in names):
            ids.append(r["id"])
    return ids


def _docs_for_query(store: Store, query: str) -> list[str]:
    ids: set[str] = {h.id for h in store.search(query, limit=QUERY_PRESELECT_LIMIT)}
    ents = matching_entity_ids(store, query)
    if ents:
        q = ",".join("?" * len(ents))
        ids |= {r[0] for r in store.db.execute(f"SELECT DISTINCT doc FROM mentions WHERE entity IN ({q})", ents)}
    return sorted(ids)


def timeline(store: Store, query: str | None = None, *, date_from: str | None = None, date_to: str | None = None,
             status: str | Sequence[str] | None = None) -> list[CanonicalEvent]:
    """Canonical events in date order, filtered like ``lagebild timeline``."""
    docs = store.iter_documents(_docs_for_query(store, query)) if query else None
    events = canonical_events(store, docs)
    if query:
        ents = set(matching_entity_ids(store, query))
        by_text = filter_events(events, query)
        events = [e for e in events if e in by_text or ents & set(e.actors) or (e.location in ents)]
    return filter_events(events, None, date_from, date_to, status)


@corpus_section("events")
def export_events(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    return [e.to_export() for e in canonical_events(store, docs)]


@dataclass(slots=True)
class QuoteRow:
    doc: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    medium: str | None
    source: str | None
    published: str | None
    title: str | None
    story: str | None


def quotes(store: Store, *, speaker: str | None = None, story: str | None = None, limit: int = 200,
           offset: int = 0) -> list[QuoteRow]:
    """Quotes, newest first; ``speaker`` matches a linked entity (any spelling) or the speaker text."""
    where, args = [], []
    if speaker:
        ents = matching_entity_ids(store, speaker)
        cond = "q.speaker_text LIKE ?"
        args.append(f"%{speaker}%")
        if ents:
            cond = f"(q.speaker IN ({','.join('?' * len(ents))}) OR {cond})"
            args = [*ents, *args]
        where.append(cond)
    if story:
        where.append("d.story = ?")
        args.append(story)
    sql = """SELECT q.*, e.name AS speaker_name, d.source, d.published, d.title, d.story
             FROM quotes q JOIN documents d ON d.id = q.doc LEFT JOIN entities e ON e.id = q.speaker"""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY d.published DESC, q.doc, q.start LIMIT ? OFFSET ?'
    return [QuoteRow(doc=r["doc"], start=r["start"], end=r["end"], text=r["text"], kind=r["kind"],
                     speaker=r["speaker"], speaker_name=r["speaker_name"], speaker_text=r["speaker_text"],
                     cue=r["cue"], medium=r["medium"], source=r["source"], published=r["published"],
                     title=r["title"], story=r["story"])
            for r in store.db.execute(sql, (*args, limit, offset))]


@dataclass(slots=True)
class EntityRow:
    id: str
    name: str
    type: str
    wikidata: str | None
    aliases: list[str]
    mentions: int
    documents: int


def entities(store: Store, *, type: str | None = None, top: int = 50, offset: int = 0) -> list[EntityRow]:
    """Entities by the number of articles mentioning them."""
    sql = """SELECT e.*, count(m.doc) AS n_mentions, count(DISTINCT m.doc) AS n_docs
             FROM entities e JOIN mentions m ON m.entity = e.id"""
    args: list[Any] = []
    if type:
        sql += " WHERE e.type = ?"
        args.append(type.upper())
    sql += " GROUP BY e.id ORDER BY n_docs DESC, n_mentions DESC, e.name LIMIT ? OFFSET ?"
    return [EntityRow(r["id"], r["name"], r["type"], r["wikidata"], json.loads(r["aliases"]), r["n_mentions"],
                      r["n_docs"]) for r in store.db.execute(sql, (*args, top, offset))]


@dataclass(slots=True)
class EntityDetail:
    entity: EntityRow
    spellings: list[tuple[str, int]]  # as written in the articles, with counts
    documents: list[tuple[str, str | None, str | None, str | None]]  # id, published, source, title
    co_mentioned: list[tuple[str, str, int]]  # id, name, shared articles
    quotes: list[QuoteRow] = field(default_factory=list)
    events: list[CanonicalEvent] = field(default_factory=list)
    flagged: list[tuple[str, str, str]] = field(default_factory=list)  # doc, text, flag (e.g. misspelling)


def entity_detail(store: Store, name: str) -> EntityDetail | None:
    """Everything the corpus says about one entity (by id, name or any alias)."""
    ids = matching_entity_ids(store, name)
    if not ids:
        return None
    rows = entities(store, top=100000)
    by_id = {r.id: r for r in rows}
    ids = sorted(ids, key=lambda i: -(by_id[i].documents if i in by_id else 0))
    eid = ids[0]
    if eid not in by_id:
        return None
    ent = by_id[eid]
    spellings = Counter(r[0] for r in store.db.execute("SELECT text FROM mentions WHERE entity=?", (eid,)))
    docs = [(r["id"], r["published"], r["source"], r["title"]) for r in store.db.execute(
        """SELECT DISTINCT d.id, d.published, d.source, d.title FROM documents d JOIN mentions m ON m.doc = d.id
           WHERE m.entity = ? ORDER BY d.published""", (eid,))]
    co = [(r["entity"], r["name"], r["n"]) for r in store.db.execute(
        """SELECT m2.entity, e.name, count(DISTINCT m2.doc) AS n FROM mentions m1
           JOIN mentions m2 ON m2.doc = m1.doc AND m2.entity != m1.entity
           JOIN entities e ON e.id = m2.entity
           WHERE m1.entity = ? GROUP BY m2.entity ORDER BY n DESC, e.name LIMIT 15""", (eid,))]
    flagged = [(r["doc"], r["text"], f) for r in store.db.execute(
        "SELECT doc, text, flags FROM mentions WHERE entity=? AND flags != '[]'", (eid,))
        for f in json.loads(r["flags"]) if f != "role"]
    detail = EntityDetail(ent, spellings.most_common(), docs, co, flagged=flagged)
    detail.quotes = [q for q in quotes(store, limit=500) if q.speaker == eid]
    doc_docs = store.iter_documents([d[0] for d in docs])
    detail.events = [e for e in canonical_events(store, doc_docs) if eid in e.actors or e.location == eid]
    return detail
