"""Read queries over a stored corpus: the one layer behind the CLI, the web pages and the HTTP API.

Every function takes a ``Store`` and returns plain dataclasses or dicts (the JSON shapes of the
export contract, SPEC.md). Lists that can grow with the corpus are paginated (``limit``/``offset``,
a ``Page`` with the total) and filtered in SQL through the indexes of ``storage/migrations.py``:
entity names are looked up in ``entity_keys`` (any spelling, transliteration or German inflected
form), per-entity counts come from ``entity_stats``.

The timeline merges event mentions into canonical events (``lagebild.timeline.merge_events``) over
at most ``limit`` matching articles, newest first (``TIMELINE_ARTICLES``, or ``STORY_TIMELINE_ARTICLES``
for one story): merging costs grow faster than linearly, so a timeline never loads a whole archive.
``Timeline.capped_note()`` says what a cap left out (``truncated``: more articles matched;
``narrowed``: only articles with a matching event mention were merged); callers show it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from .linking.derived import derived_flag, derived_kind
from .model import EVENT_STATUSES, Document
from .storage import DocSummary, Store, decode_document
from .storage.export import corpus_section, document_records
from .storage.migrations import name_key

if TYPE_CHECKING:  # lagebild.timeline (event lexicons, TIMEX grammar) loads when a timeline is built
    from .timeline import CanonicalEvent

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")
_LIKE_ESCAPE = re.compile(r"([\\%_])")

MAX_LIMIT = 200  # the largest page of any list
# Articles a timeline merges events over (newest matching first): without a story filter, and
# for one story. Both the CLI (--max-articles) and the web (max_articles) default to these.
TIMELINE_ARTICLES = 100
STORY_TIMELINE_ARTICLES = 400
MAX_TIMELINE_ARTICLES = 5000  # the most a caller may ask for
# The most events a web page draws (those reported by most outlets; the rest are counted).
MAX_EVENTS_SHOWN = 250
# "Named together with" is counted over the newest this many articles naming an entity.
CO_MENTION_DOCS = 500

T = TypeVar("T")


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a list: its items, how many there are in all, and where the page starts."""

    items: list[T]
    total: int
    limit: int
    offset: int

    def to_dict(self, item: Callable[[T], Any] = lambda x: x) -> dict[str, Any]:
        return {"items": [item(x) for x in self.items], "total": self.total, "limit": self.limit,
                "offset": self.offset}


def clamp(limit: int, offset: int, most: int = MAX_LIMIT) -> tuple[int, int]:
    return max(1, min(int(limit), most)), max(0, int(offset))


def _has_table(store: Store, name: str) -> bool:
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE name=?", (name,)).fetchone() is not None


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (its own % and _ taken literally, ESCAPE '\\')."""
    return "%" + _LIKE_ESCAPE.sub(r"\\\1", text) + "%"


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


def load_document(store: Store, ref: str) -> Document:
    """One stored article by id, id prefix, path or URL (like ``Store.get``, without re-tokenising:
    queries need sentences and annotations, not tokens). Raises NotFoundError."""
    return load_documents(store, [store.resolve_id(ref)])[0]


def load_documents(store: Store, ids: Sequence[str]) -> list[Document]:
    """Stored articles (without tokens), oldest publication first."""
    out = []
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        for r in store.db.execute(f"SELECT text, annotations, story FROM documents WHERE id IN ({_marks(len(chunk))})"
                                  " ORDER BY coalesce(published, added_at), n", chunk):
            d = decode_document(r["text"], r["annotations"])
            d.story = r["story"]
            out.append(d)
    return out


# ------------------------------------------------------------------ stories


def story_list(store: Store, *, limit: int = 50, offset: int = 0) -> Page[dict[str, Any]]:
    """Stories, biggest first, with article counts, languages, date range and outlets."""
    limit, offset = clamp(limit, offset)
    if not _has_table(store, "stories"):
        return Page([], 0, limit, offset)
    total = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = store.db.execute("SELECT id, title, first, last, size FROM stories ORDER BY size DESC, last DESC, n"
                            " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    ids = [r["id"] for r in rows]
    stats: dict[str, dict[str, Any]] = {}
    if ids:
        for r in store.db.execute(
            f"""SELECT story, count(*) n, min(substr(published,1,10)) first, max(substr(published,1,10)) last,
                       group_concat(DISTINCT language) langs, group_concat(DISTINCT source) srcs
                FROM documents WHERE story IN ({_marks(len(ids))}) GROUP BY story""", ids):
            stats[r["story"]] = dict(r)
    out = []
    for r in rows:
        s = stats.get(r["id"], {})
        out.append({"id": r["id"], "title": r["title"], "size": s.get("n", r["size"]),
                    "first": s.get("first") or r["first"], "last": s.get("last") or r["last"],
                    "languages": sorted(x for x in (s.get("langs") or "").split(",") if x),
                    "sources": sorted(x for x in (s.get("srcs") or "").split(",") if x)})
    return Page(out, total, limit, offset)


def story_info(store: Store, story_id: str) -> dict[str, Any] | None:
    if not _has_table(store, "stories"):
        return None
    r = store.db.execute("SELECT id, title, first, last, size FROM stories WHERE id=?", (story_id,)).fetchone()
    if r is None:
        return None
    from .storage.stories import get_joins

    docs = [summary_dict(Store._summary(d)) for d in store.db.execute(
        "SELECT * FROM documents WHERE story=? ORDER BY published, n", (story_id,))]
    joins = get_joins(store, [d["id"] for d in docs])
    for d in docs:  # why each article is in the story (stories.cluster.assign's record)
        if d["id"] in joins:
            d["joined"] = {k: v for k, v in joins[d["id"]].items() if k != "story"}
    return {"id": r["id"], "title": r["title"], "first": r["first"], "last": r["last"], "size": len(docs),
            "documents": [d["id"] for d in docs], "articles": docs,
            "languages": sorted({d["language"] for d in docs if d["language"]}),
            "sources": sorted({d["source"] for d in docs if d["source"]})}


# ------------------------------------------------------------------ entities


@dataclass(slots=True)
class EntityRow:
    id: str
    name: str
    type: str
    wikidata: str | None
    aliases: list[str]
    mentions: int
    documents: int


def _entity_row(r: Any) -> EntityRow:
    return EntityRow(r["id"], r["name"], r["type"], r["wikidata"], json.loads(r["aliases"]), r["mentions"] or 0,
                     r["documents"] or 0)


_ENTITY_COLS = "e.id, e.name, e.type, e.wikidata, e.aliases, s.mentions, s.documents"


def entity_ids(store: Store, name: str) -> list[str]:
    """Entities ``name`` refers to, most widely reported first: the entity with that id, else those
    with a name or alias of the same key (case, accents, transliteration and German inflection
    folded: Putins, Zelensky, Selenskyj), else those with the name as one word of a name (Putin ->
    Wladimir Putin). An index lookup in ``entity_keys``; no scan of the entities."""
    if store.db.execute("SELECT 1 FROM entities WHERE id=?", (name,)).fetchone():
        return [name]
    key = name_key(name)
    if not key:
        return []
    for whole in (1, 0):
        if whole == 0 and " " in key:
            break  # a name of several words is a whole name or nothing
        ids = [r[0] for r in store.db.execute(
            """SELECT k.entity FROM entity_keys k LEFT JOIN entity_stats s ON s.entity = k.entity
               WHERE k.key = ? AND k.whole = ? ORDER BY coalesce(s.documents, 0) DESC, k.entity""", (key, whole))]
        if ids:
            return ids
    return []


def resolve_entity(store: Store, ref: str) -> str | None:
    """The entity an id or a name (any spelling) refers to; the most widely reported if several."""
    ids = entity_ids(store, ref)
    return ids[0] if ids else None


def entity_list(store: Store, *, q: str | None = None, type: str | None = None,
                sort: Literal["mentions", "documents"] = "mentions", mentioned: bool = False, limit: int = 50,
                offset: int = 0) -> Page[EntityRow]:
    """Entities with their mention and article counts, most mentioned (or most widely reported)
    first. ``q``: a word (or the start of one) of a name or alias, in any spelling;
    ``mentioned``: only entities some stored article mentions."""
    limit, offset = clamp(limit, offset, most=100_000)
    where, args = [], []
    if q and (key := name_key(q)):
        # Prefix of a word key ("put" -> putin), or a whole name of several words.
        where.append("e.id IN (SELECT entity FROM entity_keys WHERE key >= ? AND key < ?)")
        args += [key, key + "\uffff"]
    elif q:
        return Page([], 0, limit, offset)
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if mentioned:
        where.append("s.mentions > 0")
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.db.execute(f"SELECT count(*) FROM entities e LEFT JOIN entity_stats s ON s.entity = e.id{w}",
                             args).fetchone()[0]
    order = "coalesce(s.documents, 0) DESC, coalesce(s.mentions, 0) DESC" if sort == "documents" else \
        "coalesce(s.mentions, 0) DESC"
    rows = store.db.execute(
        f"""SELECT {_ENTITY_COLS} FROM entities e LEFT JOIN entity_stats s ON s.entity = e.id{w}
            ORDER BY {order}, e.name, e.id LIMIT ? OFFSET ?""", (*args, limit, offset))
    return Page([_entity_row(r) for r in rows], total, limit, offset)


def entity_names(store: Store, ids: set[str | None] | Sequence[str | None]) -> dict[str, dict[str, str]]:
    """id -> {"name", "type"} for the given entity ids (unknown ids are left out)."""
    out: dict[str, dict[str, str]] = {}
    ids_l = sorted({i for i in ids if i})
    for i in range(0, len(ids_l), 500):
        chunk = ids_l[i:i + 500]
        for r in store.db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({_marks(len(chunk))})", chunk):
            out[r["id"]] = {"name": r["name"], "type": r["type"]}
    return out


def search_entities(store: Store, q: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities a search box query names (see ``entity_list``), as {"id", "name", "type"}."""
    return [{"id": e.id, "name": e.name, "type": e.type} for e in entity_list(store, q=q, limit=limit).items]


@dataclass(slots=True)
class EntityDetail:
    """What the corpus says about one entity. Lists are capped at ``limit`` (newest first);
    ``article_count`` and ``quote_count`` are the totals."""

    entity: EntityRow
    spellings: list[tuple[str, int]]  # as written in the articles, most frequent first
    articles: list[dict[str, Any]]  # document summaries (newest first) with "mentions"
    article_count: int
    quotes: list[QuoteRow]
    quote_count: int
    event_mentions: list[dict[str, Any]]  # event mentions with this entity as actor, target or place
    co_mentioned: list[dict[str, Any]]  # {"id", "name", "type", "articles"}
    flagged: list[dict[str, Any]]  # spellings a stage flagged: {"doc", "start", "end", "text", "flag"}
    adjectives: list[tuple[str, int]] = field(default_factory=list)  # "russischen", "Russians" (derived mentions)
    compounds: list[tuple[str, int]] = field(default_factory=list)  # "US-Präsident", "Nato-Gipfel" (derived mentions)

    def to_dict(self) -> dict[str, Any]:
        """The shape of GET /api/entities/{id}."""
        e = self.entity
        return {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "wikidata": e.wikidata,
                "mentions": e.mentions, "spellings": self.spellings, "article_count": self.article_count,
                "articles": self.articles, "quotes": [asdict(q) for q in self.quotes],
                "quote_count": self.quote_count, "events": self.event_mentions, "co_mentioned": self.co_mentioned,
                "flagged": self.flagged, "adjectives": self.adjectives,
                "compounds": self.compounds}


def entity_detail(store: Store, ref: str, *, limit: int = 50) -> EntityDetail | None:
    """One entity by id or any spelling of its name (None if nothing matches)."""
    eid = resolve_entity(store, ref)
    if eid is None:
        return None
    r = store.db.execute(f"SELECT {_ENTITY_COLS} FROM entities e LEFT JOIN entity_stats s ON s.entity = e.id"
                         " WHERE e.id = ?", (eid,)).fetchone()
    ent = _entity_row(r)
    limit = max(1, int(limit))
    # Names, adjectives and compounds ("Russland", "russischen", "Russland-Politik") are listed
    # apart: the latter two are counted for the entity but are not ways of writing its name.
    forms: dict[str | None, list[tuple[str, int]]] = {None: [], "adjective": [], "compound": []}
    for x in store.db.execute("SELECT text, flags, count(*) c FROM mentions WHERE entity=? GROUP BY text, flags"
                              " ORDER BY c DESC, text LIMIT 200", (eid,)):
        forms[derived_kind(json.loads(x[1]))].append((x[0], x[2]))
    spellings, adjectives, compounds = (_tally(forms[k])[:30] for k in (None, "adjective", "compound"))
    recent = _newest_articles_of(store, ent, max(limit, CO_MENTION_DOCS))
    shown = recent[:limit]
    articles = [{**summary_dict(Store._summary(d)), "mentions": d["c"]} for d in store.db.execute(
        f"""SELECT d.*, (SELECT count(*) FROM mentions m WHERE m.entity = ? AND m.doc = d.id) AS c
            FROM documents d WHERE d.id IN ({_marks(len(shown))}) ORDER BY d.published DESC, d.n DESC""",
        (eid, *shown))]
    quotes = quote_list(store, speaker=eid, limit=limit)
    # Event mentions and "named together with" are read from the newest CO_MENTION_DOCS articles
    # naming the entity: a popular name is in thousands; the recent ones say what it is doing now.
    pattern = _like(f'"{eid}"')
    events = [dict(x) | {"actors": json.loads(x["actors"]), "targets": json.loads(x["targets"])}
              for x in store.db.execute(
        f"""SELECT e.doc, e.start, e."end", e.text, e.type, e.status, e.date, e.location, e.actors, e.targets,
                   d.title, d.source, d.published
            FROM event_mentions e JOIN documents d ON d.id = e.doc
            WHERE e.doc IN ({_marks(len(recent))})
              AND (e.actors LIKE ? ESCAPE '\\' OR e.targets LIKE ? ESCAPE '\\' OR e.location = ?)
            ORDER BY coalesce(e.date, d.published) DESC LIMIT ?""", (*recent, pattern, pattern, eid, limit))]
    co = [{"id": x["entity"], "name": x["name"], "type": x["type"], "articles": x["n"]} for x in store.db.execute(
        f"""SELECT m.entity, e.name, e.type, count(DISTINCT m.doc) AS n
            FROM mentions m CROSS JOIN entities e ON e.id = m.entity
            WHERE m.doc IN ({_marks(len(recent))}) AND +m.entity != ?
            GROUP BY m.entity ORDER BY n DESC, e.name LIMIT 15""", (*recent, eid))]
    flagged = [{"doc": x["doc"], "start": x["start"], "end": x["end"], "text": x["text"], "flag": f}
               for x in store.db.execute('SELECT doc, start, "end", text, flags FROM mentions'
                                         " WHERE entity=? AND flags != '[]' LIMIT 200", (eid,))
               for f in json.loads(x["flags"]) if f != "role" and not derived_flag([f])]
    return EntityDetail(ent, spellings, articles, ent.documents, quotes.items, quotes.total, events, co, flagged,
                        adjectives, compounds)


def _tally(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts of the same text (stored with different flags) added up, most frequent first."""
    total: dict[str, int] = {}
    for text, n in counts:
        total[text] = total.get(text, 0) + n
    return sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))


def _newest_articles_of(store: Store, ent: EntityRow, n: int) -> list[str]:
    """Ids of the newest ``n`` articles naming ``ent``. A name in a good share of the corpus is
    found by walking the articles by date and probing the (entity, doc) index (stops after ``n``);
    a rarer one through its mentions, then sorted (cheaper than walking a large archive)."""
    corpus = store.db.execute("SELECT max(n) FROM documents").fetchone()[0] or 0
    if ent.documents * 50 >= corpus:
        sql = """SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity = ? AND m.doc = d.id)
                 ORDER BY d.published DESC, d.n DESC LIMIT ?"""
    else:
        sql = """SELECT d.id FROM documents d WHERE d.id IN (SELECT doc FROM mentions WHERE entity = ?)
                 ORDER BY d.published DESC, d.n DESC LIMIT ?"""
    return [r[0] for r in store.db.execute(sql, (ent.id, n))]


# ------------------------------------------------------------------ quotes


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


def quote_list(store: Store, *, speaker: str | None = None, doc: str | None = None, story: str | None = None,
               q: str | None = None, limit: int = 50, offset: int = 0) -> Page[QuoteRow]:
    """Quotes, newest article first. ``speaker``: an entity id, or a name that matches a linked
    speaker in any spelling or the speaker as written; ``q``: words in the quote or speaker."""
    limit, offset = clamp(limit, offset, most=100_000)
    where, args = [], []
    if speaker:
        # A known speaker: the quotes linked to it (speaker index). A speaker text alone is no
        # evidence ("Putins Sprecher" is not Putin); it only stands in for names nobody linked.
        if ents := entity_ids(store, speaker):
            where.append(f"q.speaker IN ({_marks(len(ents))})")
            args += ents
        else:
            where.append("q.speaker_text LIKE ? ESCAPE '\\'")
            args.append(_like(speaker))
    if doc:
        where.append("q.doc = ?")
        args.append(doc)
    if story:
        where.append("d.story = ?")
        args.append(story)
    if q:
        where.append("(q.text LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')")
        args += [_like(q), _like(q)]
    w = (" WHERE " + " AND ".join(where)) if where else ""
    counted = "quotes q JOIN documents d ON d.id = q.doc" if story else "quotes q"
    total = store.db.execute(f"SELECT count(*) FROM {counted}{w}", args).fetchone()[0]
    # Unfiltered (or word-filtered) lists walk the documents in publication order through their
    # index and stop after the page (CROSS JOIN fixes that loop order); a speaker, article or
    # story filter is more selective through its own index.
    join = "documents d JOIN quotes q ON q.doc = d.id" if (speaker or doc or story) else \
        "documents d CROSS JOIN quotes q ON q.doc = d.id"
    rows = store.db.execute(
        f"""SELECT q.*, d.title, d.source, d.published, d.story, e.name AS speaker_name
            FROM {join} LEFT JOIN entities e ON e.id = q.speaker{w}
            ORDER BY d.published DESC, d.n DESC, q.start, q."end", q.rowid LIMIT ? OFFSET ?""", (*args, limit, offset))
    return Page([QuoteRow(doc=r["doc"], start=r["start"], end=r["end"], text=r["text"], kind=r["kind"],
                          speaker=r["speaker"], speaker_name=r["speaker_name"], speaker_text=r["speaker_text"],
                          cue=r["cue"], medium=r["medium"], source=r["source"], published=r["published"],
                          title=r["title"], story=r["story"]) for r in rows], total, limit, offset)


# ------------------------------------------------------------------ events and timeline


@dataclass(slots=True)
class TimelineFilter:
    """What a timeline keeps. ``q``: an entity in any spelling (as actor, target or place), or
    words that all occur in an event's type, names or evidence. ``since``/``until``: the event's
    date (a TIMEX3 value, read as the interval it covers) overlaps the range; undated events are
    then left out. ``status``: one status or several."""

    story: str | None = None
    entity: str | None = None  # an entity id
    status: str | tuple[str, ...] | None = None
    type: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None

    def statuses(self) -> tuple[str, ...]:
        if not self.status:
            return ()
        return (self.status,) if isinstance(self.status, str) else tuple(self.status)

    def active(self) -> dict[str, str]:
        out = {k: v for k in ("story", "entity", "type", "source", "since", "until", "q") if (v := getattr(self, k))}
        if self.statuses():
            out["status"] = ",".join(self.statuses())
        return {k: out[k] for k in ("story", "entity", "status", "type", "source", "since", "until", "q") if k in out}

    def words(self) -> list[str]:
        return [w.lower() for w in _WORD.findall(self.q or "")]


@dataclass(slots=True)
class Timeline:
    """Canonical events (in date order) merged over ``documents`` articles, the newest of those
    matching; ``truncated``: more articles matched than ``limit``; ``narrowed``: more than
    ``limit`` articles could report matching events, so only those with a matching event mention
    were merged (an event's other reports are then missing from its sources and history)."""

    events: list[CanonicalEvent]
    documents: int
    truncated: bool
    limit: int
    total_events: int  # before a max_events cut
    doc_meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    merged_by: str = "timeline"
    narrowed: bool = False

    def records(self) -> list[dict[str, Any]]:
        """The events as export records, each mention with the status it reports."""
        out = []
        for ev in self.events:
            rec = ev.to_export()
            for rm, (_, m) in zip(rec["mentions"], ev.mentions):
                rm["status"] = m.status
            out.append(rec)
        return out

    def capped_note(self, option: str = "the limit") -> str | None:
        """What a reader must be told when not every matching article was merged (``option``: how
        the caller raises the limit, e.g. ``--max-articles``)."""
        if self.truncated:
            return (f"events from the newest {self.documents} matching articles only (more match; the limit is "
                    f"{self.limit}): narrow the filters or raise {option} to see older ones")
        if self.narrowed:
            return (f"events merged over the {self.documents} articles with a matching event mention only (more "
                    f"than {self.limit} articles could report them): their other reports are not counted; "
                    f"narrow the filters or raise {option} to include them")
        return None


def duplicate_map(store: Store, doc_ids: Sequence[str]) -> dict[str, str]:
    """doc id -> the article it is a near-duplicate copy of (only for copies)."""
    if not _has_table(store, "doc_minhash"):
        return {}
    from .storage.stories import dup_groups

    return {d: g for d, g in dup_groups(store, list(doc_ids)).items() if g != d}


def canonical_events(store: Store, docs: Sequence[Document]) -> list[CanonicalEvent]:
    """Canonical events over ``docs``, near-duplicate copies counted as one source."""
    from .timeline import merge_events

    return merge_events(docs, duplicate_map(store, [d.id for d in docs]))


@corpus_section("events")
def export_events(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    return [e.to_export() for e in canonical_events(store, docs)]


class _Cache:
    """A small LRU for costly corpus computations (event merging, story comparison), keyed by what
    they were computed from; a new article or story change makes a new key."""

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


def _doc_signature(store: Store, ids: Sequence[str]) -> tuple[Any, ...]:
    """Identity of a set of stored articles (their ids and the store's last change)."""
    h = hashlib.sha1("\n".join(ids).encode()).hexdigest()
    last = store.db.execute("SELECT max(n) FROM documents").fetchone()[0]
    stories = store.db.execute("SELECT max(updated_at) FROM stories").fetchone()[0] \
        if _has_table(store, "stories") else None
    return (store.path if store.path != ":memory:" else id(store), h, last, stories)


# Below this many candidate rows, a filter on an entity or on event mentions is evaluated from its
# own index (then sorted by date) instead of walking the whole archive by date and probing.
_SELECTIVE = 5000


def _timeline_doc_ids(store: Store, f: TimelineFilter, entities: list[str],
                      cap: int) -> tuple[list[str], bool, bool]:
    """Articles whose events a filtered timeline merges, newest first, at most ``cap``; whether
    more matched; and whether the event filters selected the articles (see below).

    First the articles that can report a kept event at all (the story's, those naming the entity
    or the query, those with any event mention). If they fit under ``cap`` they are all merged, so
    an event keeps every report of it, its whole status history and all its outlets. Only beyond
    the cap do the status, type, date and outlet filters also select articles (those with a
    matching mention), to find the relevant ones among many ("narrowed": other reports of the same
    events without such a mention are then not merged).

    A common condition is a correlated EXISTS probing an index on (doc) or (entity, doc) while the
    documents are walked in publication order, so the query stops after ``cap`` matches instead of
    materialising every mention of a popular name; a rare one (under ``_SELECTIVE`` rows) starts
    from its own index, so a name in ten articles does not walk a whole archive.
    """
    where, args = [], []
    start: tuple[str, list[Any]] | None = None  # a selective source of candidate doc ids
    if f.story:
        where.append("d.story = ?")
        args.append(f.story)
    if f.entity:
        row = store.db.execute("SELECT documents FROM entity_stats WHERE entity = ?", (f.entity,)).fetchone()
        if row is None or row[0] < _SELECTIVE:
            start = ("SELECT DISTINCT doc FROM mentions WHERE entity = ?", [f.entity])
        else:
            where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.entity = ? AND m.doc = d.id)")
            args.append(f.entity)
    if f.words():
        # Articles whose text has the words, or that name an entity the query names.
        cond = "d.n IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
        args.append(" ".join(f'"{w}"' for w in f.words()))
        if entities:
            cond = (f"({cond} OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity IN ({_marks(len(entities))})"
                    " AND m.doc = d.id))")
            args += entities
        where.append(cond)
    ev_where, ev_args = ["e.doc = d.id"], []

    def run() -> list[str]:
        conds = [f"EXISTS (SELECT 1 FROM event_mentions e WHERE {' AND '.join(ev_where)})", *where]
        head, head_args = "SELECT d.id FROM documents d", []
        if start is not None:  # CROSS JOIN: the candidates drive the loop, not the date index
            head, head_args = f"SELECT d.id FROM ({start[0]}) x CROSS JOIN documents d ON d.id = x.doc", start[1]
        sql = f"{head} WHERE {' AND '.join(conds)} ORDER BY d.published DESC, d.n DESC LIMIT ?"
        return [r[0] for r in store.db.execute(sql, (*head_args, *ev_args, *args, cap + 1))]

    ids = run()
    narrowing = f.statuses() or f.type or f.since or f.until or f.source
    if len(ids) > cap and narrowing:
        mention, mention_args = [], []
        if f.statuses():
            mention.append(f"e.status IN ({_marks(len(f.statuses()))})")
            mention_args += list(f.statuses())
        if f.type:
            mention.append("e.type = ?")
            mention_args.append(f.type)
        # Mention dates are TIMEX3 values ('2025-08' must pass since=2025-08-15): from the year of
        # ``since``, up to anything starting with ``until``; the exact overlap test comes later.
        if f.since:
            mention.append("e.date >= ?")
            mention_args.append(f.since[:4])
        if f.until:
            mention.append("e.date <= ? AND e.date GLOB '[0-9]*'")
            mention_args.append(f.until + "~")
        if mention:
            cond = " AND ".join(mention)
            rare = store.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM event_mentions e WHERE {cond} LIMIT ?)",
                                    (*mention_args, _SELECTIVE)).fetchone()[0] < _SELECTIVE
            if rare and start is None:
                start = (f"SELECT DISTINCT e.doc FROM event_mentions e WHERE {cond}", mention_args)
            else:  # unary +: probe each document's mentions by doc, not by status/type/date
                ev_where.append(" AND ".join("+" + c for c in mention))
                ev_args += mention_args
        if f.source:
            where.append("d.source = ?")
            args.append(f.source)
        ids = run()
        return ids[:cap], len(ids) > cap, True
    return ids[:cap], len(ids) > cap, False


def _keep(ev: CanonicalEvent, f: TimelineFilter, entities: set[str]) -> bool:
    from .timeline import filter_events

    if f.type and ev.type != f.type:
        return False
    if f.entity and f.entity not in ev.actors and f.entity != ev.location and \
            f.entity not in _targets(ev):
        return False
    if f.source and f.source not in ev.sources:
        return False
    if f.q:
        named = entities & {*ev.actors, *_targets(ev), ev.location}
        if not named and not filter_events([ev], f.q):
            return False
    return True


def _targets(ev: CanonicalEvent) -> set[str]:
    return {t for _, m in ev.mentions for t in m.targets}


def timeline(store: Store, f: TimelineFilter | None = None, *, limit: int | None = None,
             max_events: int | None = None) -> Timeline:
    """Canonical events matching ``f``, merged over the newest ``limit`` matching articles
    (default ``STORY_TIMELINE_ARTICLES`` with a story filter, else ``TIMELINE_ARTICLES``).

    With ``max_events``, only that many are kept (those reported by most outlets), still in date
    order; ``total_events`` counts them all.
    """
    f = f or TimelineFilter()
    if f.entity and (eid := resolve_entity(store, f.entity)) and eid != f.entity:
        f = replace(f, entity=eid)  # a name in any spelling stands for its entity
    cap = max(1, min(int(limit or (STORY_TIMELINE_ARTICLES if f.story else TIMELINE_ARTICLES)),
                     MAX_TIMELINE_ARTICLES))
    entities = entity_ids(store, f.q) if f.q else []
    ids, truncated, narrowed = _timeline_doc_ids(store, f, entities, cap)

    def compute() -> Timeline:
        from .timeline import filter_events

        docs = load_documents(store, ids)
        events = canonical_events(store, docs)
        events = filter_events(events, None, f.since, f.until, f.statuses() or None)
        events = [e for e in events if _keep(e, f, set(entities))]
        meta = {d.id: {"title": d.title, "source": d.source, "published": d.published, "language": d.language}
                for d in docs}
        return Timeline(events, len(docs), truncated, cap, len(events), meta, narrowed=narrowed)

    tl: Timeline = _CACHE.get_or(("timeline", tuple(sorted(f.active().items())), cap, truncated, narrowed,
                                  *_doc_signature(store, ids)), compute)
    if max_events is not None and len(tl.events) > max_events:
        order = {id(e): i for i, e in enumerate(tl.events)}
        top = sorted(tl.events, key=lambda e: (-len(e.sources), -len(e.mentions)))[:max_events]
        shown = sorted(top, key=lambda e: order[id(e)])
        return Timeline(shown, tl.documents, tl.truncated, tl.limit, tl.total_events, tl.doc_meta, tl.merged_by,
                        tl.narrowed)
    return tl


def status_counts(events: Sequence[dict[str, Any] | CanonicalEvent]) -> list[tuple[str, int]]:
    c = Counter(e["status"] if isinstance(e, dict) else e.status for e in events)
    return [(s, c[s]) for s in EVENT_STATUSES if c[s]]


# ------------------------------------------------------------------ story comparison


CATEGORIES = ("corroborated", "single-source", "contradicted", "opinion")


def _story_doc_ids(store: Store, story_id: str) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT id FROM documents WHERE story=? ORDER BY published LIMIT ?",
                                           (story_id, STORY_TIMELINE_ARTICLES))]


def comparison(store: Store, story_id: str) -> dict[str, Any]:
    """Per story: what several independent outlets report, what only one does, where they
    contradict each other, and the outlets' own opinion (rows with ``category`` in CATEGORIES).

    Uses ``lagebild.stories.compare`` when present; otherwise derives the table from the merged
    events (sources per event, conflicting statuses) and the opinion sentences.
    """
    ids = _story_doc_ids(store, story_id)

    def compute() -> dict[str, Any]:
        docs = load_documents(store, ids)
        rows = _compare_module(store, story_id, docs)
        if rows is not None:
            return {"story": story_id, "rows": rows, "by": "compare"}
        return {"story": story_id, "rows": _builtin_compare(store, docs), "by": "builtin"}

    return _CACHE.get_or(("comparison", story_id, *_doc_signature(store, ids)), compute)


def comparison_ready(store: Store, story_id: str) -> dict[str, Any] | None:
    """The comparison if it is already computed (pages then show it at once; else they load it
    separately, since the embedding-based comparison can take seconds)."""
    return _CACHE.peek(("comparison", story_id, *_doc_signature(store, _story_doc_ids(store, story_id))))


def _compare_module(store: Store, story_id: str, docs: list[Document]) -> list[dict[str, Any]] | None:
    try:
        from .stories import compare as cmp
    except ImportError:
        return None
    try:
        report = cmp.compare_documents(docs, store=store, story=story_id)
        return _rows_from_comparison(report)
    except Exception:  # a failing comparison must not take the page down; fall back and log it
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


def _builtin_compare(store: Store, docs: list[Document]) -> list[dict[str, Any]]:
    by_id = {d.id: d for d in docs}
    rows = []
    for ev in canonical_events(store, docs):
        statuses = {m.status for _, m in ev.mentions}
        sources = sorted({by_id[d].source or d[:8] for d, _ in ev.mentions if d in by_id})
        conflict = any(frozenset((a, b)) in _CONFLICTS for a in statuses for b in statuses if a != b)
        cat = "contradicted" if conflict else ("corroborated" if len(sources) >= 2 else "single-source")
        against = sorted({by_id[d].source or "" for d, m in ev.mentions if d in by_id and m.status == "denied"}) \
            if conflict else []
        rows.append({
            "category": cat, "about": ev.type + (f" ({ev.date})" if ev.date else ""),
            "event": ev.id, "status": ev.status, "sources": sources, "against": against,
            "evidence": [{"doc": d, "start": m.start, "end": m.end, "text": m.text, "status": m.status,
                          "source": by_id[d].source if d in by_id else None} for d, m in ev.mentions][:8],
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
