"""Read queries behind the web pages and the HTTP API.

Everything here takes a ``Store`` (opened read-only by the app) and returns plain dicts in the
shapes of the export contract (SPEC.md), so the JSON API and the HTML pages share one layer.

Corpus-level features built by other modules (canonical events in ``lagebild.timeline``, story
comparison in ``lagebild.stories.compare``) are imported at call time: when a module is missing or
fails, a simpler built-in version is used (events) or the page shows an empty state (comparison).
Lists are paginated and every filter is backed by an index (storage/migrations.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import EVENT_STATUSES, Document
from ..storage import DocSummary, Store
from ..storage.export import document_records

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")

MAX_LIMIT = 200
# The story page and the timeline merge events over at most this many articles (newest first);
# beyond it the answer says ``truncated`` rather than loading a whole archive into memory.
MAX_TIMELINE_DOCS = 400
# Without a story, a timeline (whole corpus, an entity, a date range) merges the newest this many
# matching articles: merging costs grow faster than linearly, and a page of thousands of events
# helps nobody; filters narrow it down.
MAX_CORPUS_TIMELINE_DOCS = 100
# The most events a page draws (those reported by most outlets, then in date order).
MAX_EVENTS_SHOWN = 250
CO_MENTION_DOCS = 500

def clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def _has_table(store: Store, name: str) -> bool:
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None


# ------------------------------------------------------------------ documents


def summary_dict(s: DocSummary) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "source": s.source, "url": s.url, "path": s.path,
            "language": s.language, "published": s.published, "published_basis": s.published_basis,
            "story": s.story, "word_count": s.word_count, **({"snippet": s.snippet} if s.snippet else {})}


def document_count(store: Store, *, source: str | None = None, language: str | None = None,
                   story: str | None = None, since: str | None = None, until: str | None = None) -> int:
    """The number of articles ``Store.documents`` pages through with the same filters."""
    return store.count_documents(source=source, language=language, story=story, since=since, until=until)


def document_detail(store: Store, doc: Document) -> dict[str, Any]:
    """One article in the export shapes: the document record and its annotation sections."""
    rec = document_records(doc)
    out: dict[str, Any] = {"document": rec["documents"][0], **{k: v for k, v in rec.items() if k != "documents"}}
    out["entities"] = [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                        "wikidata": e.wikidata} for e in doc.entities]
    out["events"] = [{"doc": doc.id, "start": e.start, "end": e.end, "text": e.text, "type": e.type,
                      "status": e.status, "date": e.date, "actors": list(e.actors), "targets": list(e.targets),
                      "location": e.location, "trigger": e.trigger, "event": e.event} for e in doc.events]
    return out


def facets(store: Store) -> dict[str, list[tuple[str, int]]]:
    """Sources and languages with their article counts (for filter menus)."""
    src = [(r[0], r[1]) for r in store.db.execute(
        "SELECT source, count(*) c FROM documents WHERE source IS NOT NULL GROUP BY source ORDER BY c DESC LIMIT 100")]
    lang = [(r[0], r[1]) for r in store.db.execute(
        "SELECT language, count(*) c FROM documents WHERE language IS NOT NULL GROUP BY language ORDER BY c DESC")]
    return {"sources": src, "languages": lang}


def corpus_stats(store: Store) -> dict[str, Any]:
    r = store.db.execute("SELECT count(*), min(substr(published,1,10)), max(substr(published,1,10)),"
                         " count(DISTINCT source) FROM documents").fetchone()
    stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0] if _has_table(store, "stories") else 0
    return {"documents": r[0], "first": r[1], "last": r[2], "sources": r[3], "stories": stories,
            "entities": store.db.execute("SELECT count(*) FROM entities").fetchone()[0]}


# ------------------------------------------------------------------ stories


def story_list(store: Store, *, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Stories, biggest first, with article counts, languages, date range and outlets."""
    limit, offset = clamp(limit, offset)
    if not _has_table(store, "stories"):
        return [], 0
    total = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = store.db.execute("SELECT id, title, first, last, size FROM stories ORDER BY size DESC, last DESC, n"
                            " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    ids = [r["id"] for r in rows]
    stats: dict[str, dict[str, Any]] = {}
    if ids:
        q = ",".join("?" * len(ids))
        for r in store.db.execute(
            f"""SELECT story, count(*) n, min(substr(published,1,10)) first, max(substr(published,1,10)) last,
                       group_concat(DISTINCT language) langs, group_concat(DISTINCT source) srcs
                FROM documents WHERE story IN ({q}) GROUP BY story""", ids):
            stats[r["story"]] = dict(r)
    out = []
    for r in rows:
        s = stats.get(r["id"], {})
        sources = sorted(x for x in (s.get("srcs") or "").split(",") if x)
        out.append({"id": r["id"], "title": r["title"], "size": s.get("n", r["size"]),
                    "first": s.get("first") or r["first"], "last": s.get("last") or r["last"],
                    "languages": sorted(x for x in (s.get("langs") or "").split(",") if x),
                    "sources": sources})
    return out, total


def story_info(store: Store, story_id: str) -> dict[str, Any] | None:
    if not _has_table(store, "stories"):
        return None
    r = store.db.execute("SELECT id, title, first, last, size FROM stories WHERE id=?", (story_id,)).fetchone()
    if r is None:
        return None
    docs = [summary_dict(Store._summary(d)) for d in store.db.execute(
        "SELECT * FROM documents WHERE story=? ORDER BY published, n", (story_id,))]
    return {"id": r["id"], "title": r["title"], "first": r["first"], "last": r["last"], "size": len(docs),
            "documents": [d["id"] for d in docs], "articles": docs,
            "languages": sorted({d["language"] for d in docs if d["language"]}),
            "sources": sorted({d["source"] for d in docs if d["source"]})}


def load_document(store: Store, ref: str) -> Document:
    """One stored article by id, id prefix, path or URL (like ``Store.get``, without re-tokenising:
    pages need sentences and annotations, not tokens). Raises NotFoundError."""
    docs = _load_docs(store, [store.resolve_id(ref)])
    return docs[0]


def _load_docs(store: Store, ids: list[str]) -> list[Document]:
    # iter_documents(ids) calls get(), which also re-tokenises; the web needs no tokens.
    from ..storage import decode_document

    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        q = ",".join("?" * len(chunk))
        for r in store.db.execute(f"SELECT text, annotations, story FROM documents WHERE id IN ({q})"
                                  " ORDER BY coalesce(published, added_at), n", chunk):
            d = decode_document(r["text"], r["annotations"])
            d.story = r["story"]
            out.append(d)
    return out


# ------------------------------------------------------------------ events and timeline


@dataclass(slots=True)
class TimelineFilter:
    story: str | None = None
    entity: str | None = None
    status: str | None = None
    type: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None  # words that must all occur in the event (type, names, evidence)

    def active(self) -> dict[str, str]:
        return {k: v for k in ("story", "entity", "status", "type", "source", "since", "until", "q")
                if (v := getattr(self, k))}

    def words(self) -> list[str]:
        return [w.lower() for w in _WORD.findall(self.q or "")]


@dataclass(slots=True)
class Timeline:
    events: list[dict[str, Any]]
    documents: int
    truncated: bool
    merged_by: str  # "timeline" (lagebild.timeline) or "builtin"
    doc_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    total_events: int = 0  # before the MAX_EVENTS_SHOWN cut


def _builtin_merge(docs: list[Document]) -> list[dict[str, Any]]:
    """A plain merge used when ``lagebild.timeline`` is unavailable: mentions with the same type,
    day and actors are one event; its status is the one reported by the latest article."""
    groups: dict[tuple[Any, ...], list[tuple[Document, Any]]] = defaultdict(list)
    for d in docs:
        for e in d.events:
            key = (e.type, (e.date or "")[:10] or None, tuple(sorted(e.actors)))
            groups[key].append((d, e))
    out = []
    for (etype, day, actors), items in groups.items():
        latest_doc, latest = max(items, key=lambda de: de[0].published or "")
        eid = "E" + hashlib.sha1(repr((etype, day, actors)).encode()).hexdigest()[:12]
        out.append({
            "id": eid, "type": etype, "actors": list(actors), "location": latest.location,
            "date": latest.date, "status": latest.status,
            "documents": list(dict.fromkeys(d.id for d, _ in items)),
            "sources": sorted({d.source for d, _ in items if d.source}),
            "mentions": [{"doc": d.id, "start": e.start, "end": e.end, "text": e.text, "status": e.status}
                         for d, e in items],
        })
    return out


def merge_events(docs: list[Document], store: Store | None = None) -> tuple[list[dict[str, Any]], str]:
    """Canonical events (export shape, each mention with the status it reports) over ``docs``;
    uses ``lagebild.timeline`` when it is there, with near-duplicate copies counted as one source."""
    try:
        from .. import timeline as tl
    except ImportError:
        return _builtin_merge(docs), "builtin"
    try:
        duplicate_of: dict[str, str] = {}
        if store is not None and _has_table(store, "doc_minhash"):
            from ..storage.stories import dup_groups

            duplicate_of = {d: g for d, g in dup_groups(store, [d.id for d in docs]).items() if g != d}
        out = []
        for ev in tl.merge_events(docs, duplicate_of):
            rec = ev.to_export()
            for rm, (_, m) in zip(rec["mentions"], ev.mentions):
                rm["status"] = m.status
            out.append(rec)
        return out, "timeline"
    except Exception:  # a bug elsewhere must not take the page down; fall back and log it
        log.exception("lagebild.timeline.merge_events failed; using the built-in merge")
    return _builtin_merge(docs), "builtin"


class _Cache:
    """A small LRU for corpus computations that are costly (event merging, embedding-based
    comparison), keyed by what they were computed from; a new article changes the key."""

    def __init__(self, size: int = 64):
        self.size = size
        self.data: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.lock = threading.Lock()

    def peek(self, key: tuple[Any, ...]) -> Any:
        with self.lock:
            return self.data.get(key)

    def get_or(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
        value = compute()
        with self.lock:
            self.data[key] = value
            while len(self.data) > self.size:
                self.data.popitem(last=False)
        return value


_CACHE = _Cache()


def _doc_signature(store: Store, ids: list[str]) -> tuple[Any, ...]:
    """Identity of a set of stored articles (their ids and the store's last change)."""
    h = hashlib.sha1("\n".join(ids).encode()).hexdigest()
    last = store.db.execute("SELECT max(n) FROM documents").fetchone()[0]
    stories = store.db.execute("SELECT max(updated_at) FROM stories").fetchone()[0] \
        if _has_table(store, "stories") else None
    return (store.path, h, last, stories)


def _timeline_doc_ids(store: Store, f: TimelineFilter, cap: int) -> tuple[list[str], bool]:
    """Articles that can contribute events to a filtered timeline, newest first.

    The documents are walked in publication order (index) and each condition is a correlated
    EXISTS probing an index on (doc) or (entity, doc), so the query stops after ``cap`` matches
    instead of materialising every mention of a popular entity.
    """
    ev_where, args_ev = ["e.doc = d.id"], []
    if f.status:
        ev_where.append("+e.status = ?")  # unary +: probe by doc, not by status
        args_ev.append(f.status)
    if f.type:
        ev_where.append("+e.type = ?")
        args_ev.append(f.type)
    if f.since:
        ev_where.append("+e.date >= ?")
        args_ev.append(f.since)
    if f.until:
        ev_where.append("+e.date <= ? AND e.date GLOB '[0-9]*'")
        args_ev.append(f.until + "~")
    where = [f"EXISTS (SELECT 1 FROM event_mentions e WHERE {' AND '.join(ev_where)})"]
    args: list[Any] = list(args_ev)
    if f.story:
        where.append("d.story = ?")
        args.append(f.story)
    if f.source:
        where.append("d.source = ?")
        args.append(f.source)
    if f.entity:
        where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.entity = ? AND m.doc = d.id)")
        args.append(f.entity)
    if f.words():
        # Articles whose text has the words, or that name an entity called so.
        where.append("""(d.n IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
                         OR EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity
                                    WHERE m.doc = d.id AND e.name LIKE ?))""")
        args += [" ".join(f'"{w}"' for w in f.words()), f"%{f.q}%"]
    sql = f"SELECT d.id FROM documents d WHERE {' AND '.join(where)} ORDER BY d.published DESC, d.n DESC LIMIT ?"
    ids = [r[0] for r in store.db.execute(sql, (*args, cap + 1))]
    return ids[:cap], len(ids) > cap


def _event_matches(ev: dict[str, Any], f: TimelineFilter, names: dict[str, dict[str, str]] | None = None) -> bool:
    if f.status and ev.get("status") != f.status:
        return False
    if f.type and ev.get("type") != f.type:
        return False
    if f.entity and f.entity not in (ev.get("actors") or []) and f.entity != ev.get("location") \
            and f.entity not in (ev.get("targets") or []):
        return False
    if f.source and f.source not in (ev.get("sources") or []):
        return False
    date = (ev.get("date") or "")
    if (f.since or f.until) and not date[:1].isdigit():
        return False
    if f.since and date < f.since:
        return False
    if f.until and date[:len(f.until)] > f.until:
        return False
    if f.words():
        ids = [*(ev.get("actors") or []), ev.get("location") or ""]
        hay = " ".join([ev.get("type") or "", *((names or {}).get(i, {}).get("name", "") for i in ids),
                        *(m.get("text", "") for m in ev.get("mentions") or [])]).lower()
        if not all(w in hay for w in f.words()):
            return False
    return True


def timeline(store: Store, f: TimelineFilter, *, cap: int | None = None) -> Timeline:
    cap = cap or (MAX_TIMELINE_DOCS if f.story else MAX_CORPUS_TIMELINE_DOCS)
    ids, truncated = _timeline_doc_ids(store, f, cap)

    def compute() -> Timeline:
        docs = _load_docs(store, ids)
        events, how = merge_events(docs, store)
        names = entity_names(store, {i for e in events for i in [*e["actors"], e.get("location")] if i}) \
            if f.words() else None
        events = [e for e in events if _event_matches(e, f, names)]
        total = len(events)
        if total > MAX_EVENTS_SHOWN:
            events.sort(key=lambda e: (-len(e.get("sources") or ()), -len(e.get("mentions") or ())))
            events = events[:MAX_EVENTS_SHOWN]
        events.sort(key=lambda e: (e.get("date") or "9999", e.get("type") or ""))
        meta = {d.id: {"title": d.title, "source": d.source, "published": d.published, "language": d.language}
                for d in docs}
        return Timeline(events, len(docs), truncated, how, meta, total)

    return _CACHE.get_or(("timeline", tuple(sorted(f.active().items())), *_doc_signature(store, ids)), compute)


def entity_names(store: Store, ids: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    ids_l = [i for i in ids if i]
    for i in range(0, len(ids_l), 500):
        chunk = ids_l[i:i + 500]
        q = ",".join("?" * len(chunk))
        for r in store.db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({q})", chunk):
            out[r["id"]] = {"name": r["name"], "type": r["type"]}
    return out


# ------------------------------------------------------------------ comparison


CATEGORIES = ("corroborated", "single-source", "contradicted", "opinion")


def comparison(store: Store, story_id: str) -> dict[str, Any]:
    """Per story: what several independent outlets report, what only one does, where they
    contradict each other, and the outlets' own opinion (rows with ``category`` in CATEGORIES).

    Uses ``lagebild.stories.compare`` when present; otherwise derives the table from the merged
    events (sources per event, conflicting statuses) and the opinion sentences.
    """
    ids = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE story=? ORDER BY published",
                                          (story_id,))][:MAX_TIMELINE_DOCS]

    def compute() -> dict[str, Any]:
        docs = _load_docs(store, ids)
        rows = _compare_module(store, story_id, docs)
        if rows is not None:
            return {"story": story_id, "rows": rows, "by": "compare"}
        return {"story": story_id, "rows": _builtin_compare(docs, store), "by": "builtin"}

    return _CACHE.get_or(("comparison", story_id, *_doc_signature(store, ids)), compute)


def comparison_ready(store: Store, story_id: str) -> dict[str, Any] | None:
    """The comparison if it is already computed (pages then show it at once; else they load it
    separately, since the embedding-based comparison can take seconds)."""
    ids = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE story=? ORDER BY published",
                                          (story_id,))][:MAX_TIMELINE_DOCS]
    return _CACHE.peek(("comparison", story_id, *_doc_signature(store, ids)))


def _compare_module(store: Store, story_id: str, docs: list[Document]) -> list[dict[str, Any]] | None:
    try:
        from ..stories import compare as cmp
    except ImportError:
        return None
    try:
        report = cmp.compare_documents(docs, store=store, story=story_id)
        return _rows_from_comparison(report)
    except Exception:
        log.exception("lagebild.stories.compare failed; using the built-in comparison")
    return None


def _span(sp: Any) -> dict[str, Any]:
    return {"doc": sp.doc, "start": sp.start, "end": sp.end, "text": sp.text, "source": sp.source}


def _rows_from_comparison(report: Any) -> list[dict[str, Any]]:
    """Rows of the comparison table from ``stories.compare.Comparison``."""
    rows: list[dict[str, Any]] = []
    for item in [*report.events, *report.claims]:
        about = item.label + (f" ({item.date})" if getattr(item, "date", None) else "")
        rows.append({"category": item.verdict, "kind": item.kind, "about": about, "status": item.status,
                     "sources": list(item.supported_by), "against": list(item.contradicted_by),
                     "evidence": [_span(e) for e in item.evidence]})
    for c in report.contradictions:
        rows.append({"category": "contradicted", "kind": c.kind, "about": f"{c.kind}: {c.about}", "status": None,
                     "sources": [c.a.source], "against": [c.b.source], "evidence": [_span(c.a), _span(c.b)]})
    for sp in report.single_source:
        rows.append({"category": "single-source", "kind": "statement", "about": "statement in one outlet only",
                     "status": None, "sources": [sp.source], "against": [], "evidence": [_span(sp)]})
    for source, spans in report.opinions.items():
        for sp in spans:
            rows.append({"category": "opinion", "kind": "opinion", "about": "writer's evaluation", "status": None,
                         "sources": [source], "against": [], "evidence": [_span(sp)]})
    order = {c: i for i, c in enumerate(CATEGORIES)}
    rows.sort(key=lambda r: (order.get(r["category"], 9), -len(r["sources"])))
    return rows


_CONFLICTS = {frozenset(p) for p in (("occurred", "denied"), ("planned", "denied"), ("occurred", "threatened"),
                                     ("proposed", "denied"))}


def _builtin_compare(docs: list[Document], store: Store | None = None) -> list[dict[str, Any]]:
    by_id = {d.id: d for d in docs}
    events, _ = merge_events(docs, store)
    rows = []
    for ev in events:
        statuses = {m.get("status") or ev["status"] for m in ev["mentions"]}
        sources = sorted({by_id[m["doc"]].source or by_id[m["doc"]].id[:8] for m in ev["mentions"]
                          if m["doc"] in by_id})
        conflict = any(frozenset((a, b)) in _CONFLICTS for a in statuses for b in statuses if a != b)
        cat = "contradicted" if conflict else ("corroborated" if len(sources) >= 2 else "single-source")
        against = []
        if conflict:
            against = sorted({by_id[m["doc"]].source or "" for m in ev["mentions"]
                              if m["doc"] in by_id and (m.get("status") or ev["status"]) == "denied"})
        rows.append({
            "category": cat, "about": f"{ev['type']}" + (f" ({ev['date']})" if ev.get("date") else ""),
            "event": ev["id"], "status": ev["status"], "sources": sources, "against": against,
            "evidence": [{"doc": m["doc"], "start": m["start"], "end": m["end"], "text": m["text"],
                          "status": m.get("status"), "source": by_id[m["doc"]].source if m["doc"] in by_id else None}
                         for m in ev["mentions"]][:8],
        })
    for d in docs:
        for s in d.sentences:
            if s.opinion:
                rows.append({"category": "opinion", "about": "writer's evaluation", "sources": [d.source or d.id[:8]],
                             "against": [], "score": round(s.opinion_score, 3),
                             "evidence": [{"doc": d.id, "start": s.start, "end": s.end,
                                           "text": d.text[s.start:s.end], "source": d.source}]})
    order = {c: i for i, c in enumerate(CATEGORIES)}
    rows.sort(key=lambda r: (order.get(r["category"], 9), -len(r["sources"])))
    return rows


# ------------------------------------------------------------------ entities and quotes


def entity_list(store: Store, *, q: str | None = None, type: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Entities with their mention and article counts, most mentioned first."""
    limit, offset = clamp(limit, offset)
    where, args = [], []
    if q:
        where.append("(e.name LIKE ? OR e.aliases LIKE ?)")
        args += [f"%{q}%", f"%{q}%"]
    if type:
        where.append("e.type = ?")
        args.append(type)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.db.execute(f"SELECT count(*) FROM entities e{w}", args).fetchone()[0]
    rows = store.db.execute(
        f"""SELECT e.id, e.name, e.type, e.aliases, e.wikidata,
                   (SELECT count(*) FROM mentions m WHERE m.entity = e.id) AS mentions
            FROM entities e{w} ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?""", (*args, limit, offset)).fetchall()
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "aliases": json.loads(r["aliases"]),
             "wikidata": r["wikidata"], "mentions": r["mentions"]} for r in rows], total


def entity_detail(store: Store, eid: str, *, limit: int = 50) -> dict[str, Any] | None:
    r = store.db.execute("SELECT * FROM entities WHERE id=?", (eid,)).fetchone()
    if r is None:
        return None
    spellings = [(x[0], x[1]) for x in store.db.execute(
        "SELECT text, count(*) c FROM mentions WHERE entity=? GROUP BY text ORDER BY c DESC LIMIT 30", (eid,))]
    n_docs = store.db.execute("SELECT count(DISTINCT doc) FROM mentions WHERE entity=?", (eid,)).fetchone()[0]
    articles = [{**summary_dict(Store._summary(d)), "mentions": d["c"]} for d in store.db.execute(
        """SELECT d.*, m.c FROM (SELECT doc, count(*) c FROM mentions WHERE entity=? GROUP BY doc) m
           JOIN documents d ON d.id = m.doc ORDER BY d.published DESC LIMIT ?""", (eid, limit))]
    quotes, n_quotes = quote_list(store, speaker=eid, limit=limit)
    pattern = f'%"{eid}"%'
    events = [dict(x) | {"actors": json.loads(x["actors"]), "targets": json.loads(x["targets"])}
              for x in store.db.execute(
        """SELECT e.doc, e.start, e."end", e.text, e.type, e.status, e.date, e.location, e.actors, e.targets,
                  d.title, d.source, d.published
           FROM event_mentions e JOIN documents d ON d.id = e.doc
           WHERE e.doc IN (SELECT doc FROM mentions WHERE entity = ?)
             AND (e.actors LIKE ? OR e.targets LIKE ? OR e.location = ?)
           ORDER BY coalesce(e.date, d.published) DESC LIMIT ?""", (eid, pattern, pattern, eid, limit))]
    # Named together with: counted over the newest CO_MENTION_DOCS articles (a popular name is in
    # thousands; the recent ones say who it is currently linked with).
    co = [{"id": x["entity"], "name": x["name"], "type": x["type"], "articles": x["n"]} for x in store.db.execute(
        """SELECT m2.entity, e.name, e.type, count(DISTINCT m2.doc) AS n
           FROM (SELECT DISTINCT m.doc FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.entity = ?
                 ORDER BY d.published DESC LIMIT ?) m1
           JOIN mentions m2 ON m2.doc = m1.doc AND m2.entity != ? JOIN entities e ON e.id = m2.entity
           GROUP BY m2.entity ORDER BY n DESC, e.name LIMIT 15""", (eid, CO_MENTION_DOCS, eid))]
    # Spellings another stage flagged (e.g. "Mark Rubio" as a likely variant of Marco Rubio).
    flagged = [{"doc": x["doc"], "start": x["start"], "end": x["end"], "text": x["text"], "flag": f}
               for x in store.db.execute('SELECT doc, start, "end", text, flags FROM mentions'
                                         " WHERE entity=? AND flags != '[]' LIMIT 200", (eid,))
               for f in json.loads(x["flags"]) if f != "role"]
    return {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": json.loads(r["aliases"]),
            "wikidata": r["wikidata"], "spellings": spellings, "article_count": n_docs, "articles": articles,
            "quotes": quotes, "quote_count": n_quotes, "events": events, "co_mentioned": co, "flagged": flagged}


def quote_list(store: Store, *, speaker: str | None = None, doc: str | None = None, q: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    limit, offset = clamp(limit, offset)
    where, args = [], []
    if speaker:
        where.append("q.speaker = ?")
        args.append(speaker)
    if doc:
        where.append("q.doc = ?")
        args.append(doc)
    if q:
        where.append("(q.text LIKE ? OR q.speaker_text LIKE ?)")
        args += [f"%{q}%", f"%{q}%"]
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.db.execute(f"SELECT count(*) FROM quotes q{w}", args).fetchone()[0]
    # Unfiltered (or word-filtered) lists walk the documents in publication order through their
    # index and stop after the page (CROSS JOIN fixes that loop order); a speaker or document
    # filter is more selective through its own index.
    join = "documents d JOIN quotes q ON q.doc = d.id" if (speaker or doc) else \
        "documents d CROSS JOIN quotes q ON q.doc = d.id"
    rows = store.db.execute(
        f"""SELECT q.*, d.title, d.source, d.published, e.name AS speaker_name
            FROM {join} LEFT JOIN entities e ON e.id = q.speaker{w}
            ORDER BY d.published DESC, d.n DESC, q.start LIMIT ? OFFSET ?""", (*args, limit, offset)).fetchall()
    return [{"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"], "kind": r["kind"],
             "speaker": r["speaker"], "speaker_text": r["speaker_text"], "speaker_name": r["speaker_name"],
             "cue": r["cue"], "medium": r["medium"], "title": r["title"], "source": r["source"],
             "published": r["published"]} for r in rows], total


def search_entities(store: Store, q: str, limit: int = 10) -> list[dict[str, Any]]:
    rows = store.db.execute("SELECT id, name, type FROM entities WHERE name LIKE ? OR aliases LIKE ? LIMIT ?",
                            (f"%{q}%", f"%{q}%", limit)).fetchall()
    return [dict(r) for r in rows]


STATUS_ORDER = EVENT_STATUSES


def status_counts(events: list[dict[str, Any]]) -> list[tuple[str, int]]:
    c = Counter(e.get("status") for e in events)
    return [(s, c[s]) for s in STATUS_ORDER if c[s]]
