"""The store: one SQLite file (WAL) holding documents, their annotations and the corpus-level
structures built from them. All writes go through ``Store``; readers (CLI, web) use its queries.

The annotated Document is kept whole as compressed JSON (tokens excluded: they are recomputed from
the text), and the parts that are queried (mentions, quotes, timexes, event mentions) are also
written to their own indexed tables.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import utc_now_iso
from ..errors import NotFoundError, StorageError
from ..model import Document
from .migrations import migrate, name_key

FORMAT = "lagebild/1"


@dataclass(slots=True)
class DocSummary:
    id: str
    title: str | None
    source: str | None
    language: str | None
    published: str | None
    published_basis: str | None
    word_count: int
    story: str | None
    url: str | None
    path: str | None
    snippet: str | None = None


@dataclass(slots=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # items whose article was already stored
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (doc id, stage: message)


def encode_document(doc: Document) -> bytes:
    # Tokens are recomputed from the text (storing them would triple the size); text has its own column.
    data = doc.to_dict(exclude=("tokens", "text"))
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def decode_document(text: str, blob: bytes) -> Document:
    data = json.loads(zlib.decompress(blob))
    data["text"] = text
    doc = Document.from_dict(data)
    return doc


class Store:
    """A corpus in one SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path = "lagebild.db", *, readonly: bool = False):
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open the database {self.path}: {exc}") from None
        self.db.row_factory = sqlite3.Row
        try:
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA busy_timeout=10000")
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"{self.path} is not a lagebild database ({exc})",
                tip="give another path with --db or LAGEBILD_DB",
            ) from None

    # ---------------------------------------------------------------- writing

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def seen_item(self, key: str) -> str | None:
        """The document id an input item (path/URL + content hash) produced in an earlier run."""
        row = self.db.execute("SELECT doc FROM ingested_items WHERE key=?", (key,)).fetchone()
        return row["doc"] if row else None

    def add(self, doc: Document, *, item_key: str | None = None) -> bool:
        """Store an analysed document in one transaction. Returns False if it was already stored."""
        if not doc.id:
            raise StorageError("document has no id; run it through the pipeline first")
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                if self.has(doc.id):
                    if item_key:
                        self._remember_item(item_key, doc.id)
                    self.db.execute("COMMIT")
                    return False
                self._insert(doc)
                if item_key:
                    self._remember_item(item_key, doc.id)
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        return True

    def _remember_item(self, key: str, doc_id: str | None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO ingested_items(key, doc, at) VALUES (?,?,?)", (key, doc_id, utc_now_iso())
        )

    def record_rejection(self, item: str, reason: str) -> None:
        with self._lock:
            self.db.execute("INSERT INTO rejections(item, reason, at) VALUES (?,?,?)", (item, reason, utc_now_iso()))

    def _insert(self, doc: Document) -> None:
        cur = self.db.execute(
            """INSERT INTO documents(id, source, url, path, title, author, language, published,
               published_basis, published_confidence, text, word_count, story, added_at, annotations)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc.id, doc.source, doc.url, doc.path, doc.title, doc.author, doc.language, doc.published,
             doc.published_basis, doc.published_confidence, doc.text, doc.word_count, doc.story,
             utc_now_iso(), encode_document(doc)),
        )
        self.db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)",
                        (cur.lastrowid, doc.title or "", doc.text))
        for e in doc.entities:
            self._upsert_entity(e.id, e.name, e.type, e.wikidata, e.aliases)
        self.db.executemany(
            'INSERT INTO mentions(doc, start, "end", text, type, entity, flags) VALUES (?,?,?,?,?,?,?)',
            [(doc.id, m.start, m.end, m.text, m.type, m.entity, json.dumps(m.flags)) for m in doc.mentions],
        )
        per_entity: dict[str, int] = {}
        for m in doc.mentions:
            if m.entity:
                per_entity[m.entity] = per_entity.get(m.entity, 0) + 1
        self.db.executemany(
            "INSERT INTO entity_stats(entity, mentions, documents) VALUES (?,?,1) ON CONFLICT(entity)"
            " DO UPDATE SET mentions = mentions + excluded.mentions, documents = documents + 1",
            per_entity.items(),
        )
        self.db.executemany(
            'INSERT INTO timexes(doc, start, "end", text, type, value) VALUES (?,?,?,?,?,?)',
            [(doc.id, t.start, t.end, t.text, t.type, t.value) for t in doc.timexes],
        )
        self.db.executemany(
            'INSERT INTO quotes(doc, start, "end", text, kind, speaker, speaker_text, cue, medium)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(doc.id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_text, q.cue, q.medium)
             for q in doc.quotes],
        )
        self.db.executemany(
            'INSERT INTO event_mentions(doc, start, "end", text, type, status, date, location, actors,'
            " targets, trigger) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, e.start, e.end, e.text, e.type, e.status, e.date, e.location, json.dumps(e.actors),
              json.dumps(e.targets), e.trigger) for e in doc.events],
        )

    def _upsert_entity(self, eid: str, name: str, etype: str, wikidata: str | None, aliases: Sequence[str]) -> None:
        row = self.db.execute("SELECT aliases FROM entities WHERE id=?", (eid,)).fetchone()
        if row is None:
            self.db.execute("INSERT INTO entities(id, name, type, wikidata, aliases) VALUES (?,?,?,?,?)",
                            (eid, name, etype, wikidata, json.dumps(sorted(set(aliases)), ensure_ascii=False)))
            self._index_names(eid, [name, *aliases])
            return
        known = set(json.loads(row["aliases"]))
        if set(aliases) <= known:
            return
        merged = sorted(known | set(aliases))
        self.db.execute("UPDATE entities SET aliases=? WHERE id=?", (json.dumps(merged, ensure_ascii=False), eid))
        self._index_names(eid, set(aliases) - known)

    def _index_names(self, eid: str, names: Iterable[str]) -> None:
        """Lookup keys of an entity's spellings (table entity_keys, see migrations.M004)."""
        rows: set[tuple[str, str, int]] = set()
        for n in names:
            key = name_key(n)
            if key:
                rows.add((key, eid, 1))
                rows.update((w, eid, 0) for w in key.split())
        self.db.executemany("INSERT OR IGNORE INTO entity_keys(key, entity, whole) VALUES (?,?,?)", sorted(rows))

    def set_story(self, doc_id: str, story: str | None) -> None:
        with self._lock:
            self.db.execute("UPDATE documents SET story=? WHERE id=?", (story, doc_id))

    # ---------------------------------------------------------------- reading

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def resolve_id(self, ref: str) -> str:
        """Full document id from an id, a unique id prefix (≥ 4 chars), a path or a URL."""
        row = self.db.execute("SELECT id FROM documents WHERE id=? OR path=? OR url=?", (ref, ref, ref)).fetchone()
        if row:
            return row["id"]
        if len(ref) >= 4:
            rows = self.db.execute("SELECT id FROM documents WHERE id LIKE ? LIMIT 3", (ref + "%",)).fetchall()
            if len(rows) == 1:
                return rows[0]["id"]
            if len(rows) > 1:
                raise NotFoundError(f"document id prefix {ref!r} is ambiguous", tip="give more characters")
        raise NotFoundError(f"no document {ref!r} in {self.path}", tip="`lagebild list` shows the ids")

    def get(self, ref: str) -> Document:
        doc_id = self.resolve_id(ref)
        row = self.db.execute("SELECT text, annotations, story FROM documents WHERE id=?", (doc_id,)).fetchone()
        doc = decode_document(row["text"], row["annotations"])
        doc.story = row["story"]
        from ..stages.segment import tokenize

        doc.tokens = tokenize(doc.text)
        return doc

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Every stored document (or those in ``ids``), oldest publication first."""
        if ids is None:
            rows = self.db.execute(
                "SELECT text, annotations, story FROM documents ORDER BY coalesce(published, added_at), n"
            )
            for row in rows.fetchall():
                doc = decode_document(row["text"], row["annotations"])
                doc.story = row["story"]
                yield doc
        else:
            for doc_id in ids:
                yield self.get(doc_id)

    @staticmethod
    def _document_filter(source: str | None, language: str | None, story: str | None, since: str | None,
                         until: str | None) -> tuple[str, list[str]]:
        """SQL WHERE clause (or '') and its arguments for the document list filters."""
        where, args = [], []
        for col, val in (("source", source), ("language", language), ("story", story)):
            if val:
                where.append(f"{col} = ?")
                args.append(val)
        if since:
            where.append("published >= ?")
            args.append(since)
        if until:
            where.append("substr(published, 1, 10) <= ?")
            args.append(until)
        return (" WHERE " + " AND ".join(where) if where else ""), args

    def count_documents(self, *, source: str | None = None, language: str | None = None,
                        story: str | None = None, since: str | None = None, until: str | None = None) -> int:
        """How many articles ``documents`` pages through with the same filters."""
        where, args = self._document_filter(source, language, story, since, until)
        return int(self.db.execute("SELECT count(*) FROM documents" + where, args).fetchone()[0])

    def documents(self, *, limit: int = 50, offset: int = 0, source: str | None = None,
                  language: str | None = None, story: str | None = None,
                  since: str | None = None, until: str | None = None) -> list[DocSummary]:
        where, args = self._document_filter(source, language, story, since, until)
        sql = "SELECT * FROM documents" + where
        sql += " ORDER BY published DESC, n DESC LIMIT ? OFFSET ?"
        return [self._summary(r) for r in self.db.execute(sql, (*args, limit, offset))]

    def search(self, query: str, *, limit: int = 20) -> list[DocSummary]:
        """Full-text search (FTS5 syntax; plain words are ANDed). Best matches first."""
        sql = """SELECT d.*, snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snip
                 FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid
                 WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"""
        try:
            rows = self.db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Punctuation in a plain query is FTS5 syntax; retry with every word quoted.
            safe = " ".join('"' + w.replace('"', "") + '"' for w in query.split() if w.strip('"'))
            if not safe:
                return []
            rows = self.db.execute(sql, (safe, limit)).fetchall()
        out = []
        for r in rows:
            s = self._summary(r)
            s.snippet = r["snip"]
            out.append(s)
        return out

    def rejections(self) -> list[tuple[str, str, str]]:
        return [(r["item"], r["reason"], r["at"]) for r in self.db.execute("SELECT * FROM rejections ORDER BY rowid")]

    @staticmethod
    def _summary(r: sqlite3.Row) -> DocSummary:
        return DocSummary(
            id=r["id"], title=r["title"], source=r["source"], language=r["language"],
            published=r["published"], published_basis=r["published_basis"], word_count=r["word_count"],
            story=r["story"], url=r["url"], path=r["path"],
        )

    # ---------------------------------------------------------------- corpus API

    def add_paths(self, sources: Sequence[str], **options: Any) -> IngestReport:
        """Read, analyse and store every article in ``sources`` (paths, directories, URLs, '-')."""
        from ..batch import ingest

        return ingest(self, sources, **options)

    def export(self) -> dict[str, Any]:
        """The whole situation picture as the SPEC.md export object."""
        from .export import export_picture

        return export_picture(self)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
