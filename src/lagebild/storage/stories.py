"""Store queries and writes for stories, near-duplicate groups and document embeddings.

Functions take the ``Store`` (rather than being methods on it) so the story tables stay one concern
in one module. Callers that write several rows for one article wrap them in ``transaction(store)``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from ..dates import utc_now_iso

if TYPE_CHECKING:
    from . import Store

_EPOCH = date(1970, 1, 1).toordinal()


def day_number(iso: str | None) -> int | None:
    """Days since 1970-01-01 for an ISO date or datetime (None if absent or unparsable)."""
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def day_iso(n: int) -> str:
    return date.fromordinal(n + _EPOCH).isoformat()


@contextmanager
def transaction(store: Store) -> Iterator[sqlite3.Connection]:
    """One write transaction (the store's connection is in autocommit mode)."""
    with store._lock:
        db = store.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _rows_for(store: Store, sql: str, ids: list[str], *params: Any) -> Iterator[sqlite3.Row]:
    """The rows of ``sql`` for the documents ``ids``: ``{ids}`` in ``sql`` is the IN list, filled
    500 at a time (SQLite's limit on bound variables); ``params`` come before the ids."""
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        yield from store.db.execute(sql.format(ids=",".join("?" * len(chunk))), (*params, *chunk))


def _rows_of_later_table(read: Callable[[], list[sqlite3.Row]]) -> list[sqlite3.Row]:
    """``read()``'s rows, or none when its table comes from a later migration than the store has
    (an older store opened read-only is not migrated)."""
    try:
        return read()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise


# ------------------------------------------------------------------ embeddings


# Story assignment reads the vectors of each candidate story's latest members for every new
# article, the same few hundred again and again; fetching them from SQLite was about 1 ms per
# article. The most recently used ones stay in memory, per store (about 6 KB each). put_vector is
# the only writer of doc_vectors, and it updates the cache too.
VECTOR_CACHE_SIZE = 4000


def _vector_cache(store: Store) -> OrderedDict[tuple[str, str], bytes]:
    cache = getattr(store, "_vector_cache", None)
    if cache is None:
        cache = store._vector_cache = OrderedDict()  # type: ignore[attr-defined]
    return cache


def _remember(cache: OrderedDict[tuple[str, str], bytes], key: tuple[str, str], blob: bytes) -> None:
    cache[key] = blob
    cache.move_to_end(key)
    if len(cache) > VECTOR_CACHE_SIZE:
        cache.popitem(last=False)


def get_vector(store: Store, doc_id: str, model: str) -> bytes | None:
    return get_vectors(store, [doc_id], model).get(doc_id)


def put_vector(store: Store, doc_id: str, model: str, blob: bytes) -> None:
    store.db.execute("INSERT OR REPLACE INTO doc_vectors(doc, model, vec) VALUES (?,?,?)", (doc_id, model, blob))
    _remember(_vector_cache(store), (doc_id, model), blob)


def get_vectors(store: Store, doc_ids: list[str], model: str) -> dict[str, bytes]:
    """The stored vectors of ``doc_ids`` under ``model``, in document-id order (missing ones left out)."""
    cache = _vector_cache(store)
    out: dict[str, bytes] = {}
    missing = []
    for d in doc_ids:
        blob = cache.get((d, model))
        if blob is None:
            missing.append(d)
        else:
            cache.move_to_end((d, model))
            out[d] = blob
    for r in _rows_for(store, "SELECT doc, vec FROM doc_vectors WHERE model=? AND doc IN ({ids})", missing, model):
        out[r[0]] = r[1]
        _remember(cache, (r[0], model), r[1])
    return {d: out[d] for d in sorted(out)}


def put_card(store: Store, doc_id: str, card: dict[str, Any]) -> None:
    """Keep what the join model compares of an article besides its vectors (migrations.M009)."""
    store.db.execute("INSERT OR REPLACE INTO story_cards(doc, card) VALUES (?,?)",
                     (doc_id, json.dumps(card, ensure_ascii=False, separators=(",", ":"))))


def get_cards(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    return {r[0]: json.loads(r[1]) for r in _rows_for(store, "SELECT doc, card FROM story_cards WHERE doc IN ({ids})",
                                                        doc_ids)}


# ------------------------------------------------------------------ near-duplicates


def minhash_candidates(store: Store, bands: list[int], exclude: str) -> list[tuple[str, bytes, str]]:
    """(doc, signature, group) of stored documents sharing at least one LSH band."""
    q = ",".join("?" * len(bands))
    return [
        (r[0], r[1], r[2])
        for r in store.db.execute(
            f"""SELECT m.doc, m.sig, m.dup_group FROM doc_minhash m WHERE m.doc IN
                (SELECT DISTINCT doc FROM minhash_bands WHERE band IN ({q})) AND m.doc != ?""",
            (*bands, exclude),
        )
    ]


def put_minhash(store: Store, doc_id: str, sig: bytes, group: str, bands: list[int]) -> None:
    store.db.execute("INSERT OR REPLACE INTO doc_minhash(doc, sig, dup_group) VALUES (?,?,?)", (doc_id, sig, group))
    store.db.executemany("INSERT OR IGNORE INTO minhash_bands(band, doc) VALUES (?,?)", [(b, doc_id) for b in bands])


def dup_group(store: Store, doc_id: str) -> str | None:
    row = store.db.execute("SELECT dup_group FROM doc_minhash WHERE doc=?", (doc_id,)).fetchone()
    return row[0] if row else None


def dup_groups(store: Store, doc_ids: list[str]) -> dict[str, str]:
    """doc id -> near-duplicate group id (the group's first document); docs not indexed map to themselves."""
    out = {d: d for d in doc_ids}
    for r in _rows_for(store, "SELECT doc, dup_group FROM doc_minhash WHERE doc IN ({ids})", doc_ids):
        out[r[0]] = r[1]
    return out


# ------------------------------------------------------------------ stories


@dataclass(slots=True)
class StoryRow:
    n: int
    id: str
    title: str | None
    title_doc: str | None
    first: str | None
    last: str | None
    size: int
    centroid: bytes | None
    profile: dict[str, Any] = field(default_factory=dict)


def _row(r: sqlite3.Row | tuple, with_profile: bool = True) -> StoryRow:
    return StoryRow(n=r[0], id=r[1], title=r[2], title_doc=r[3], first=r[4], last=r[5], size=r[6],
                    centroid=r[7], profile=json.loads(r[8]) if with_profile and r[8] else {})


_COLS = "n, id, title, title_doc, first, last, size, centroid, profile"


def stories_in_window(store: Store, lo_day: int, hi_day: int) -> list[StoryRow]:
    """Stories whose date range overlaps [lo_day, hi_day] (R*-tree: cost grows with the answer, not
    with the number of stories)."""
    rows = store.db.execute(
        f"""SELECT {_COLS} FROM stories WHERE n IN
            (SELECT n FROM story_span WHERE last_day >= ? AND first_day <= ?)""",
        (lo_day, hi_day),
    ).fetchall()
    return [_row(r) for r in rows]


def centroids_in_window(store: Store, lo_day: int, hi_day: int) -> list[tuple[int, bytes | None]]:
    """(rowid, centroid) of the stories active in [lo_day, hi_day]: the cheap first pass of candidate
    scoring (profiles are parsed only for the few stories whose centroid is close)."""
    cur = store.db.cursor()
    cur.row_factory = None  # plain tuples: this runs for every article, over hundreds of rows
    return cur.execute(
        "SELECT n, unit FROM stories WHERE n IN (SELECT n FROM story_span WHERE last_day >= ? AND first_day <= ?)",
        (lo_day, hi_day)).fetchall()


def stories_by_rowid(store: Store, ns: list[int]) -> list[StoryRow]:
    if not ns:
        return []
    q = ",".join("?" * len(ns))
    return [_row(r) for r in store.db.execute(f"SELECT {_COLS} FROM stories WHERE n IN ({q})", ns)]


def stories_by_keys(store: Store, keys: list[str], limit: int) -> list[StoryRow]:
    """Stories indexed under any of ``keys`` (entity ids), most recently active first."""
    if not keys:
        return []
    q = ",".join("?" * len(keys))
    rows = store.db.execute(
        f"""SELECT {_COLS} FROM stories WHERE id IN (SELECT story FROM story_keys WHERE key IN ({q}))
            ORDER BY last DESC LIMIT ?""",
        (*keys, limit),
    ).fetchall()
    return [_row(r) for r in rows]


def recent_stories(store: Store, limit: int) -> list[StoryRow]:
    rows = store.db.execute(f"SELECT {_COLS} FROM stories ORDER BY last DESC, n DESC LIMIT ?", (limit,)).fetchall()
    return [_row(r) for r in rows]


def get_story(store: Store, story_id: str) -> StoryRow | None:
    r = store.db.execute(f"SELECT {_COLS} FROM stories WHERE id=?", (story_id,)).fetchone()
    return _row(r) if r else None


def resolve_story(store: Store, ref: str) -> StoryRow | None:
    """A story by id, unique id prefix, or (failing those) a word of its title."""
    st = get_story(store, ref)
    if st:
        return st
    rows = store.db.execute(f"SELECT {_COLS} FROM stories WHERE id LIKE ? LIMIT 2", (ref + "%",)).fetchall()
    if len(rows) == 1:
        return _row(rows[0])
    rows = store.db.execute(f"SELECT {_COLS} FROM stories WHERE title LIKE ? ORDER BY size DESC LIMIT 1",
                            ("%" + ref + "%",)).fetchall()
    return _row(rows[0]) if rows else None


def save_story(store: Store, st: StoryRow, new_keys: list[str]) -> StoryRow:
    """Insert or update a story, its interval in the span index and its entity keys."""
    profile = json.dumps(st.profile, ensure_ascii=False, separators=(",", ":"))
    now = utc_now_iso()
    unit = None
    if st.centroid:
        vec = np.frombuffer(st.centroid, dtype="<f4")
        norm = float(np.linalg.norm(vec))
        unit = (vec / norm if norm else vec).astype("<f4").tobytes()
    if st.n <= 0:
        cur = store.db.execute(
            "INSERT INTO stories(id, title, title_doc, first, last, size, centroid, unit, profile, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (st.id, st.title, st.title_doc, st.first, st.last, st.size, st.centroid, unit, profile, now),
        )
        st.n = int(cur.lastrowid or 0)
    else:
        store.db.execute(
            "UPDATE stories SET title=?, title_doc=?, first=?, last=?, size=?, centroid=?, unit=?, profile=?,"
            " updated_at=? WHERE n=?",
            (st.title, st.title_doc, st.first, st.last, st.size, st.centroid, unit, profile, now, st.n),
        )
    lo, hi = day_number(st.first), day_number(st.last)
    if lo is not None and hi is not None:
        store.db.execute("INSERT OR REPLACE INTO story_span(n, first_day, last_day) VALUES (?,?,?)", (st.n, lo, hi))
    if new_keys:
        store.db.executemany("INSERT OR IGNORE INTO story_keys(key, story) VALUES (?,?)",
                             [(k, st.id) for k in new_keys])
    return st


def put_join(store: Store, doc_id: str, story_id: str, how: str, log_odds: float | None,
             evidence: dict[str, Any]) -> None:
    """Record why ``doc_id`` is in ``story_id`` (see migrations.M007_STORY_JOINS)."""
    store.db.execute("INSERT OR REPLACE INTO story_joins(doc, story, how, log_odds, evidence) VALUES (?,?,?,?,?)",
                     (doc_id, story_id, how, None if log_odds is None else round(log_odds, 3),
                      json.dumps(evidence, ensure_ascii=False)))


def get_joins(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Document id -> {"story", "how", "log_odds", **evidence} for the documents that have a record
    (none in a store of an older schema opened read-only, which is not migrated)."""
    rows = _rows_of_later_table(lambda: list(_rows_for(
        store, "SELECT doc, story, how, log_odds, evidence FROM story_joins WHERE doc IN ({ids})", doc_ids)))
    return {r[0]: {"story": r[1], "how": r[2], "log_odds": r[3], **json.loads(r[4])} for r in rows}


# The decisions of the join model within a margin of its threshold: joins, and openings whose
# closest article is now in another story (see stories/review.py). Selected, counted and ordered in
# SQL: a store of 100,000 articles holds some 17,000 such decisions.
_CLOSE_CALLS = """
    FROM story_joins j JOIN documents d ON d.id = j.doc
    LEFT JOIN documents c ON c.id = json_extract(j.evidence, '$.closest_article')
    WHERE j.log_odds BETWEEN ? AND ?
      AND (j.how = 'joined' OR (j.how = 'opened' AND c.story IS NOT NULL AND c.story != d.story))"""


def close_calls(store: Store, threshold: float, margin: float, limit: int | None = None,
                docs: list[str] | None = None) -> list[dict[str, Any]]:
    """The decisions within ``margin`` log-odds of ``threshold``, closest first (those of ``docs``
    only, in no order, when given): {"doc", "story", "how", "log_odds", "title", "published",
    "closest_story", **evidence}."""
    lo, hi = threshold - margin, threshold + margin
    select = "SELECT j.doc, d.story, j.how, j.log_odds, j.evidence, d.title, d.published, c.story" + _CLOSE_CALLS
    if docs is None:
        rows = _rows_of_later_table(lambda: store.db.execute(
            select + " ORDER BY abs(j.log_odds - ?), d.published, j.doc LIMIT ?",
            (lo, hi, threshold, -1 if limit is None else limit)).fetchall())
    else:
        rows = _rows_of_later_table(lambda: list(_rows_for(store, select + " AND j.doc IN ({ids})", docs, lo, hi)))
    return [{"doc": r[0], "story": r[1], "how": r[2], "log_odds": r[3], "title": r[5], "published": r[6],
             "closest_story": r[7], **json.loads(r[4])} for r in rows]


def has_close_calls(store: Store, threshold: float, margin: float) -> bool:
    return bool(_rows_of_later_table(lambda: store.db.execute(
        "SELECT 1" + _CLOSE_CALLS + " LIMIT 1", (threshold - margin, threshold + margin)).fetchall()))


# ------------------------------------------------------------------ edits by hand


@dataclass(slots=True)
class StoryEdit:
    n: int
    doc: str
    other: str
    kind: str  # "with": belongs with ``other`` | "apart": never in one story with ``other`` |
    #            "alone": opens a story of its own (``other`` is the article itself)
    note: str | None
    created_at: str


def _edits(store: Store, where: str, args: tuple[Any, ...]) -> list[StoryEdit]:
    rows = _rows_of_later_table(lambda: store.db.execute(
        f"SELECT n, doc, other, kind, note, created_at FROM story_edits {where} ORDER BY n", args).fetchall())
    return [StoryEdit(*r) for r in rows]


def replace_edits(store: Store, doc_id: str, edits: list[tuple[str, str]], note: str | None) -> list[int]:
    """Make ``edits`` ((kind, other) pairs) the only ones placing ``doc_id``: its earlier ones are
    dropped, since the newest decision about an article wins. Returns the new edit numbers."""
    store.db.execute("DELETE FROM story_edits WHERE doc=?", (doc_id,))
    now = utc_now_iso()
    ns = []
    for kind, other in edits:
        cur = store.db.execute("INSERT INTO story_edits(doc, other, kind, note, created_at) VALUES (?,?,?,?,?)",
                               (doc_id, other, kind, note, now))
        ns.append(int(cur.lastrowid or 0))
    return ns


def edits_touching(store: Store, doc_id: str) -> list[StoryEdit]:
    """The edits that place ``doc_id`` or place another article relative to it (both bind it)."""
    return _edits(store, "WHERE doc=? OR other=?", (doc_id, doc_id))


def list_edits(store: Store) -> list[StoryEdit]:
    return _edits(store, "", ())


def delete_edit(store: Store, n: int) -> StoryEdit | None:
    found = _edits(store, "WHERE n=?", (n,))
    store.db.execute("DELETE FROM story_edits WHERE n=?", (n,))
    return found[0] if found else None


def stories_of(store: Store, doc_ids: list[str]) -> dict[str, str]:
    """Document id -> its story id, for those of ``doc_ids`` that are in one."""
    return {r[0]: r[1] for r in _rows_for(store, "SELECT id, story FROM documents WHERE story IS NOT NULL AND id IN ({ids})",
                                          doc_ids)}


def delete_story(store: Store, story_id: str) -> None:
    """Remove an emptied story and its index rows."""
    row = store.db.execute("SELECT n FROM stories WHERE id=?", (story_id,)).fetchone()
    if row:
        store.db.execute("DELETE FROM story_span WHERE n=?", (row[0],))
    store.db.execute("DELETE FROM story_keys WHERE story=?", (story_id,))
    store.db.execute("DELETE FROM stories WHERE id=?", (story_id,))


def reset_story(store: Store, st: StoryRow) -> None:
    """Empty a story's aggregates (before its members are folded in again)."""
    store.db.execute("DELETE FROM story_keys WHERE story=?", (st.id,))
    st.title = st.title_doc = st.first = st.last = st.centroid = None
    st.size = 0
    st.profile = {}


def story_doc_ids(store: Store, story_id: str, latest: int | None = None, first: int = 0) -> list[str]:
    """The story's articles, oldest first; only the ``first`` and the ``latest`` ones when
    ``latest`` is given (read with LIMIT, so a long story costs no more than a short one)."""
    order = "coalesce(published, added_at), n"
    if latest is None:
        return [r[0] for r in store.db.execute(f"SELECT id FROM documents WHERE story=? ORDER BY {order}",
                                               (story_id,))]
    rows = store.db.execute("SELECT id FROM documents WHERE story=? ORDER BY coalesce(published, added_at) DESC, "
                            "n DESC LIMIT ?", (story_id, latest)).fetchall()
    tail = [r[0] for r in reversed(rows)]
    if not first or len(tail) < latest:
        return tail  # the whole story
    head = [r[0] for r in store.db.execute(f"SELECT id FROM documents WHERE story=? ORDER BY {order} LIMIT ?",
                                           (story_id, first))]
    return [i for i in head if i not in tail] + tail


def list_stories(store: Store, *, since: str | None = None, top: int | None = None) -> list[StoryRow]:
    """Stories, biggest first (then most recent). ``since`` keeps stories active on or after a date."""
    sql = f"SELECT {_COLS} FROM stories"
    args: list[Any] = []
    if since:
        sql += " WHERE last >= ?"
        args.append(since[:10])
    sql += " ORDER BY size DESC, last DESC, n"
    if top:
        sql += " LIMIT ?"
        args.append(top)
    return [_row(r, with_profile=False) for r in store.db.execute(sql, args)]


def story_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM stories").fetchone()[0]


def clear_stories(store: Store, *, keep_neardup: bool = False) -> None:
    """Forget every story (and, unless kept, the near-duplicate index); embeddings stay cached."""
    for table in ("stories", "story_span", "story_keys", "story_joins"):
        store.db.execute(f"DELETE FROM {table}")
    if not keep_neardup:
        store.db.execute("DELETE FROM doc_minhash")
        store.db.execute("DELETE FROM minhash_bands")
    store.db.execute("UPDATE documents SET story=NULL")
