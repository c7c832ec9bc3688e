"""The query layer (lagebild.queries) that the CLI, the web pages and the HTTP API share.

Checked on the example corpus (examples/, ingested once per session): any spelling of a name finds
its entity, lists page through without gaps or repeats, the timeline says when it capped the
articles it merged, and the CLI and the HTTP API answer the same question the same way.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from lagebild.cli import main
from lagebild.model import Document, Entity, Mention
from lagebild.queries import (TimelineFilter, entity_detail, entity_ids, entity_list, quote_list, resolve_entity,
                              timeline)
from lagebild.storage import Store
from lagebild.storage.migrations import MIGRATIONS

from .examples_corpus import corpus_store


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ingested example corpus as a database file (the CLI and the web app open files)."""
    path = tmp_path_factory.mktemp("queries") / "examples.db"
    dst = sqlite3.connect(path)
    corpus_store().db.backup(dst)
    dst.close()
    return str(path)


# ------------------------------------------------------------------ entities


def test_any_spelling_or_inflected_form_finds_the_entity() -> None:
    store = corpus_store()
    putin = resolve_entity(store, "Wladimir Putin")
    assert putin is not None
    # German genitive, Cyrillic, upper case, the English spelling, a role alias in the genitive
    for name in ("Putins", "Путин", "PUTIN", "Vladimir Putin", "Kremlchefs"):
        assert resolve_entity(store, name) == putin, name
    zelensky = resolve_entity(store, "Selenskyj")
    assert zelensky is not None and zelensky != putin
    for name in ("Zelensky", "Zelenskiy", "Selenskyjs", "Wolodymyr Selenskyjs"):
        assert resolve_entity(store, name) == zelensky, name
    assert entity_ids(store, putin) == [putin]  # an id is itself
    assert entity_ids(store, "Niemand Unbekanntes") == []


def test_one_word_of_a_name_finds_the_entities_named_with_it() -> None:
    store = corpus_store()
    eu = resolve_entity(store, "Europäische Union")
    assert eu in entity_ids(store, "Union")
    # the entity list's search box: the start of a word, any spelling
    assert resolve_entity(store, "Putin") in [e.id for e in entity_list(store, q="put").items]
    assert entity_list(store, q="put").total < entity_list(store).total


def test_entity_detail_counts_agree_with_its_lists() -> None:
    store = corpus_store()
    d = entity_detail(store, "Putins", limit=2)
    assert d is not None and d.entity.name
    assert d.article_count == d.entity.documents >= len(d.articles) == 2
    assert d.quote_count >= len(d.quotes) and all(q.speaker == d.entity.id for q in d.quotes)
    full = entity_detail(store, d.entity.id, limit=500)
    assert full is not None and len(full.articles) == full.article_count
    assert sum(a["mentions"] for a in full.articles) == full.entity.mentions
    assert entity_detail(store, "Niemand Unbekanntes") is None


def test_an_older_database_gets_its_names_and_counts_indexed(tmp_path: Path) -> None:
    """M004 fills entity_keys and entity_stats for rows stored before it existed."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for i, script in enumerate(MIGRATIONS[:3], start=1):
        db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {i};\nCOMMIT;")
    db.execute("INSERT INTO entities(id, name, type, aliases) VALUES ('Q1', 'Kaja Kallas', 'PER', '[\"Каја Калас\"]')")
    db.executemany("INSERT INTO mentions(doc, start, \"end\", text, type, entity) VALUES (?, 0, 6, 'Kallas', 'PER', 'Q1')",
                   [("d1",), ("d1",), ("d2",)])
    db.commit()
    db.close()
    with Store(path) as store:
        assert resolve_entity(store, "Kallas'") == "Q1"  # word of the name, with an apostrophe genitive
        assert resolve_entity(store, "Каја Калас") == "Q1"
        (row,) = entity_list(store).items
        assert (row.mentions, row.documents) == (3, 2)


def test_counts_stay_current_as_articles_arrive(store: Store) -> None:
    def doc(i: int, n: int) -> Document:
        text = " ".join(["Kallas sprach."] * n)
        d = Document(text=text, id=f"doc{i}", published=f"2025-03-0{i}")
        d.entities = [Entity("Q1", "Kaja Kallas", "PER", aliases=["Kallas"])]
        d.mentions = [Mention(15 * k, 15 * k + 6, "Kallas", "PER", entity="Q1") for k in range(n)]
        return d

    store.add(doc(1, 2))
    store.add(doc(2, 3))
    store.add(doc(2, 3))  # the same article again is not counted twice
    (row,) = entity_list(store).items
    assert (row.mentions, row.documents) == (5, 2)
    assert resolve_entity(store, "Kallas") == "Q1"


# ------------------------------------------------------------------ pagination


@pytest.mark.parametrize("which", ["quotes", "entities"])
def test_lists_page_through_without_gaps_or_repeats(which: str) -> None:
    store = corpus_store()

    def page(offset: int):  # type: ignore[no-untyped-def]
        if which == "quotes":
            p = quote_list(store, limit=7, offset=offset)
            return p.total, [(q.doc, q.start, q.end, q.kind) for q in p.items]
        p = entity_list(store, limit=7, offset=offset)
        return p.total, [e.id for e in p.items]

    total, _ = page(0)
    assert total > 7, "the example corpus has more than one page"
    seen: list[object] = []
    for offset in range(0, total, 7):
        t, items = page(offset)
        assert t == total and items
        seen += items
    assert len(seen) == len(set(seen)) == total
    assert page(total)[1] == []


def test_quotes_filter_by_speaker_in_any_spelling_and_by_story() -> None:
    store = corpus_store()
    by_id = quote_list(store, speaker=resolve_entity(store, "Selenskyj"), limit=500)
    by_name = quote_list(store, speaker="Zelensky", limit=500)
    assert by_id.total and {(q.doc, q.start) for q in by_id.items} <= {(q.doc, q.start) for q in by_name.items}
    story = by_id.items[0].story
    assert story and all(q.story == story for q in quote_list(store, story=story, limit=500).items)


# ------------------------------------------------------------------ timeline


def test_timeline_says_when_it_merged_only_the_newest_articles() -> None:
    store = corpus_store()
    whole = timeline(store)
    assert not whole.truncated and whole.capped_note() is None and whole.events
    few = timeline(store, limit=3)
    assert few.truncated and few.documents == 3 and few.limit == 3
    assert "3" in (few.capped_note("--max-articles") or "") and "--max-articles" in (few.capped_note("--max-articles") or "")
    newest = sorted((m["published"] or "" for m in whole.doc_meta.values()), reverse=True)[:3]
    assert sorted((m["published"] or "" for m in few.doc_meta.values()), reverse=True) == newest


def test_timeline_by_entity_name_keeps_events_of_that_entity() -> None:
    store = corpus_store()
    putin = resolve_entity(store, "Putin")
    by_entity = timeline(store, TimelineFilter(entity="Putins"))  # a name stands for its entity
    assert by_entity.events
    assert all(putin in {*e.actors, e.location, *(t for _, m in e.mentions for t in m.targets)}
               for e in by_entity.events)
    statuses = timeline(store, TimelineFilter(status=("planned", "occurred")))
    assert statuses.events and {e.status for e in statuses.events} <= {"planned", "occurred"}


# ------------------------------------------------------------------ CLI and HTTP API agree


@pytest.fixture(scope="module")
def client(corpus_db: str):  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from lagebild.web import create_app

    with TestClient(create_app(corpus_db)) as c:
        yield c


def _cli(*args: str) -> tuple[str, str]:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout, res.stderr


def test_cli_and_api_give_the_same_timeline(client, corpus_db: str) -> None:  # type: ignore[no-untyped-def]
    for cli_args, params in ((["Putin"], {"q": "Putin"}), (["--status", "occurred"], {"status": "occurred"}),
                             (["--from", "2025-08-01", "--to", "2025-08-31"], {"since": "2025-08-01", "until": "2025-08-31"})):
        out, _ = _cli("timeline", *cli_args, "--format", "json", "--db", corpus_db)
        api = client.get("/api/timeline", params=params).json()
        assert [e["id"] for e in json.loads(out)] == [e["id"] for e in api["events"]], cli_args
        assert not api["truncated"] and api["note"] is None


def test_cli_and_api_cap_the_timeline_alike(client, corpus_db: str) -> None:  # type: ignore[no-untyped-def]
    out, err = _cli("timeline", "--max-articles", "2", "--format", "json", "--db", corpus_db)
    api = client.get("/api/timeline", params={"max_articles": 2}).json()
    assert api["truncated"] and api["documents"] == 2 and api["max_articles"] == 2 and "max_articles" in api["note"]
    assert "--max-articles" in err and "newest 2" in err
    assert [e["id"] for e in json.loads(out)] == [e["id"] for e in api["events"]]
    html = client.get("/timeline", params={"max_articles": 2}).text
    assert "newest 2 matching articles" in html and "max_articles=8" in html
    # with event filters over more articles than the limit, only those with a matching mention are merged
    api = client.get("/api/timeline", params={"max_articles": 2, "status": "occurred"}).json()
    assert api["narrowed"] and api["note"] and all(e["status"] == "occurred" for e in api["events"])


def test_cli_and_api_give_the_same_quotes_and_entity(client, corpus_db: str) -> None:  # type: ignore[no-untyped-def]
    out, _ = _cli("quotes", "--speaker", "Zelensky", "--json", "--db", corpus_db)
    api = client.get("/api/quotes", params={"speaker": "Zelensky", "limit": 200}).json()
    assert json.loads(out) and json.loads(out) == api["items"]
    out, _ = _cli("entity", "Putins", "--json", "--db", corpus_db)
    cli = json.loads(out)
    api = client.get("/api/entities/Putins").json()
    assert cli["entity"]["id"] == api["id"] and cli["entity"]["mentions"] == api["mentions"]
    assert {d[0] for d in cli["documents"]} == {a["id"] for a in api["articles"]}
    assert [q["text"] for q in cli["quotes"]] == [q["text"] for q in api["quotes"]]
    out, _ = _cli("entities", "--json", "--top", "10", "--db", corpus_db)
    api = client.get("/api/entities", params={"sort": "documents", "limit": 10}).json()
    assert [e["id"] for e in json.loads(out)] == [e["id"] for e in api["items"]]
