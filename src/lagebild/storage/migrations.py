"""Schema migrations, applied in order and recorded in ``PRAGMA user_version``.

Append-only: a released migration is never edited; a schema change is a new function at the end.
"""

from __future__ import annotations

import sqlite3

# Each migration is one SQL script; migrate() runs it and the version bump in one transaction.
M001_INITIAL = """
        CREATE TABLE documents (
            n INTEGER PRIMARY KEY,              -- stable rowid for the full-text index
            id TEXT NOT NULL UNIQUE,            -- content hash (see api.content_id)
            source TEXT, url TEXT, path TEXT, title TEXT, author TEXT,
            language TEXT, published TEXT, published_basis TEXT, published_confidence REAL,
            text TEXT NOT NULL,
            word_count INTEGER NOT NULL,
            story TEXT,
            added_at TEXT NOT NULL,
            annotations BLOB NOT NULL           -- zlib-compressed JSON of the annotated Document
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_source ON documents(source);
        CREATE INDEX documents_story ON documents(story);
        CREATE INDEX documents_url ON documents(url);

        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='n', tokenize='unicode61 remove_diacritics 2'
        );

        -- Raw inputs already ingested (path or URL + hash of the bytes): a rerun skips them cheaply.
        CREATE TABLE ingested_items (key TEXT PRIMARY KEY, doc TEXT, at TEXT NOT NULL);
        CREATE TABLE rejections (item TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);

        CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
            wikidata TEXT, aliases TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE mentions (
            doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, type TEXT NOT NULL, entity TEXT, flags TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX mentions_entity ON mentions(entity);
        CREATE INDEX mentions_doc ON mentions(doc);

        CREATE TABLE timexes (
            doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL
        );
        CREATE INDEX timexes_doc ON timexes(doc);

        CREATE TABLE quotes (
            doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            kind TEXT NOT NULL, speaker TEXT, speaker_text TEXT, cue TEXT, medium TEXT
        );
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE INDEX quotes_doc ON quotes(doc);

        CREATE TABLE event_mentions (
            doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT NOT NULL, status TEXT NOT NULL, date TEXT, location TEXT,
            actors TEXT NOT NULL DEFAULT '[]', targets TEXT NOT NULL DEFAULT '[]', trigger TEXT
        );
        CREATE INDEX event_mentions_doc ON event_mentions(doc);
        CREATE INDEX event_mentions_date ON event_mentions(date);
"""

# Stories (stage 10): the stories, an interval index over their date ranges (for candidate search
# when an article arrives), an inverted index from entity ids to stories, document embeddings, and
# MinHash signatures with their LSH bands for near-duplicate detection.
M002_STORIES = """
        CREATE TABLE stories (
            n INTEGER PRIMARY KEY,              -- rowid shared with the story_span interval index
            id TEXT NOT NULL UNIQUE,
            title TEXT, title_doc TEXT,
            first TEXT, last TEXT,              -- earliest / latest publication date (YYYY-MM-DD)
            size INTEGER NOT NULL DEFAULT 0,
            centroid BLOB,                      -- float32 sum of the members' unit embeddings
            unit BLOB,                          -- the centroid normalised (what candidate search reads)
            profile TEXT NOT NULL DEFAULT '{}', -- JSON: entity counts, event signatures
            updated_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE story_span USING rtree(n, first_day, last_day);
        CREATE TABLE story_keys (key TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (key, story)) WITHOUT ROWID;
        CREATE INDEX story_keys_story ON story_keys(story);
        CREATE TABLE doc_vectors (doc TEXT PRIMARY KEY, model TEXT NOT NULL, vec BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE doc_minhash (doc TEXT PRIMARY KEY, sig BLOB NOT NULL, dup_group TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX doc_minhash_group ON doc_minhash(dup_group);
        CREATE TABLE minhash_bands (band INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (band, doc)) WITHOUT ROWID;
"""

# Indexes behind the filters of the web pages and HTTP API (language, story pages, status and type
# filters, speaker text, entity pages).
M003_QUERY_INDEXES = """
        CREATE INDEX documents_language ON documents(language);
        CREATE INDEX documents_story_published ON documents(story, published);
        CREATE INDEX event_mentions_status ON event_mentions(status);
        CREATE INDEX event_mentions_type ON event_mentions(type);
        CREATE INDEX quotes_speaker_text ON quotes(speaker_text);
        CREATE INDEX mentions_entity_doc ON mentions(entity, doc);
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
"""

# Entity lookup and counts for the query layer (lagebild.queries), so that no query scans the
# entities or mentions tables in Python:
# - entity_keys: every name and alias of an entity under its kb.names.match_key (case, accents,
#   transliteration and German inflection folded: "Putins", "Zelensky" and "Selenskyj" meet their
#   entity), once whole and once per word ("Putin" finds "Wladimir Putin"). Filled here for
#   existing rows through the SQL function lagebild_name_key (registered by migrate()), then by
#   Store._upsert_entity.
# - entity_stats: mentions and articles per entity (sorting the entity list by either is then an
#   index walk, not a GROUP BY over every mention); kept current by Store._insert.
M004_ENTITY_LOOKUP = """
        CREATE TABLE entity_keys (
            key TEXT NOT NULL, entity TEXT NOT NULL,
            whole INTEGER NOT NULL,             -- 1: a whole name or alias; 0: one word of it
            PRIMARY KEY (key, whole, entity)
        ) WITHOUT ROWID;
        CREATE INDEX entity_keys_entity ON entity_keys(entity);
        CREATE TEMP TABLE _spellings AS
            SELECT id AS entity, lagebild_name_key(name) AS k FROM entities
            UNION SELECT e.id, lagebild_name_key(j.value) FROM entities e, json_each(e.aliases) j;
        INSERT OR IGNORE INTO entity_keys(key, entity, whole) SELECT k, entity, 1 FROM _spellings WHERE k != '';
        INSERT OR IGNORE INTO entity_keys(key, entity, whole)
            WITH RECURSIVE words(entity, w, rest) AS (
                SELECT entity, '', k || ' ' FROM _spellings
                UNION ALL SELECT entity, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
                FROM words WHERE rest != '')
            SELECT w, entity, 0 FROM words WHERE w != '';
        DROP TABLE _spellings;

        CREATE TABLE entity_stats (
            entity TEXT PRIMARY KEY, mentions INTEGER NOT NULL, documents INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO entity_stats(entity, mentions, documents)
            SELECT entity, count(*), count(DISTINCT doc) FROM mentions WHERE entity IS NOT NULL GROUP BY entity;
        CREATE INDEX entity_stats_documents ON entity_stats(documents, mentions);
        CREATE INDEX entity_stats_mentions ON entity_stats(mentions);
"""

# The entity page: an entity's spellings as written (GROUP BY text within the entity becomes an
# index range scan) and its mentions another stage flagged (few: a partial index).
M005_ENTITY_PAGE_INDEXES = """
        CREATE INDEX mentions_entity_text ON mentions(entity, text);
        CREATE INDEX mentions_flagged ON mentions(entity) WHERE flags != '[]';
"""

# A document keeps one cached vector per model (its lead vector and its sentence vectors for story
# clustering); the first schema keyed them by document alone, so a second model overwrote the first.
M006_VECTORS_PER_MODEL = """
        CREATE TABLE doc_vectors_by_model (doc TEXT NOT NULL, model TEXT NOT NULL, vec BLOB NOT NULL,
                                           PRIMARY KEY (doc, model)) WITHOUT ROWID;
        INSERT INTO doc_vectors_by_model(doc, model, vec) SELECT doc, model, vec FROM doc_vectors;
        DROP TABLE doc_vectors;
        ALTER TABLE doc_vectors_by_model RENAME TO doc_vectors;
"""

# Why each article is in its story (stage 10's provenance): opened it, joined it as a copy of an
# earlier article, or joined it on the join model's log-odds, with the names and figures it shared
# with the story at that moment (JSON). Rebuilt with the stories.
M007_STORY_JOINS = """
        CREATE TABLE story_joins (
            doc TEXT PRIMARY KEY, story TEXT NOT NULL,
            how TEXT NOT NULL,                  -- opened | copy | joined
            log_odds REAL,                      -- the join model's score for the chosen story
            evidence TEXT NOT NULL DEFAULT '{}'
        ) WITHOUT ROWID;
        CREATE INDEX story_joins_story ON story_joins(story);
"""

# Corrections made by hand (stories/edits.py): "doc belongs with other" or "doc is not with other",
# between articles rather than story ids, because story ids change when a store is re-clustered.
M008_STORY_EDITS = """
        CREATE TABLE story_edits (
            n INTEGER PRIMARY KEY,
            doc TEXT NOT NULL,                  -- the article placed by hand
            other TEXT NOT NULL,                -- an article it belongs with, or apart from
            kind TEXT NOT NULL,                 -- with | apart
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX story_edits_doc ON story_edits(doc);
        CREATE INDEX story_edits_other ON story_edits(other);
"""

# What the story join model compares of each article besides its vectors (stories/pairs.py:
# day, language, name words, figures), so a candidate story's members need not be re-read.
M009_STORY_CARDS = """
        CREATE TABLE story_cards (
            doc TEXT PRIMARY KEY,
            card TEXT NOT NULL                  -- JSON: day, language, names, numbers
        ) WITHOUT ROWID;
"""

# The review list (stories/review.py, `stories --review`, the web overview's count) asks for the
# model's decisions near its threshold: an index keeps that from reading every article's record.
M010_JOIN_LOG_ODDS_INDEX = """
        CREATE INDEX story_joins_log_odds ON story_joins(log_odds);
"""

MIGRATIONS: list[str] = [M001_INITIAL, M002_STORIES, M003_QUERY_INDEXES, M004_ENTITY_LOOKUP,
                         M005_ENTITY_PAGE_INDEXES, M006_VECTORS_PER_MODEL, M007_STORY_JOINS,
                         M008_STORY_EDITS, M009_STORY_CARDS, M010_JOIN_LOG_ODDS_INDEX]


def name_key(name: str) -> str:
    """The lookup key of a name in ``entity_keys`` (kb.names.match_key, words joined by spaces)."""
    from ..kb.names import match_key

    return " ".join(match_key(name))


def migrate(db: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the resulting version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        from ..errors import StorageError

        raise StorageError(
            f"the database has schema version {version}, newer than this lagebild knows ({len(MIGRATIONS)})",
            tip="upgrade lagebild",
        )
    # Migrations may compute name keys in SQL (the same function Python uses on insert).
    db.create_function("lagebild_name_key", 1, name_key, deterministic=True)
    for i, script in enumerate(MIGRATIONS[version:], start=version + 1):
        db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {i};\nCOMMIT;")
    return len(MIGRATIONS)
