"""Stories: near-duplicates, online cross-lingual clustering, rebuild, CLI and export."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from lagebild import analyze
from lagebild.cli import main
from lagebild.model import Document
from lagebild.storage import Store
from lagebild.storage import stories as sdb
from lagebild.stories import assign_story, cluster, extract, neardup, pairs, rebuild
from lagebild.stories.extract import match_scores

CALL_FEB_DE = (
    "US-Präsident Donald Trump hat am Mittwoch mit Kremlchef Wladimir Putin telefoniert. Das Gespräch habe "
    "rund anderthalb Stunden gedauert, teilte Trump mit. Beide vereinbarten, dass ihre Teams sofort "
    "Verhandlungen über ein Ende des Krieges in der Ukraine aufnehmen. Der Kreml bestätigte das Telefonat. "
    "Putin lud Trump nach Moskau ein. In Kiew löste das Gespräch Besorgnis aus."
)
CALL_FEB_EN = (
    "President Donald Trump said on Wednesday he had held a lengthy phone call with Russian President Vladimir "
    "Putin and that they agreed to have their teams begin negotiations on ending the war in Ukraine "
    "immediately. The Kremlin confirmed the call and said Putin had invited Trump to Moscow. Officials in Kyiv "
    "reacted with concern."
)
CALL_OCT_DE = (
    "Kremlchef Wladimir Putin und US-Präsident Donald Trump haben am Donnerstag mehr als zwei Stunden "
    "telefoniert. Nach Angaben Trumps vereinbarten beide ein Gipfeltreffen in Budapest. Putin warnte davor, "
    "die Ukraine mit Tomahawk-Marschflugkörpern auszurüsten. Das Telefonat fand einen Tag vor dem Besuch "
    "Selenskyjs im Weißen Haus statt."
)
FLOOD_DE = (
    "Nach tagelangem Starkregen sind in Bayern an mehreren Orten Dämme gebrochen. Im Landkreis Günzburg "
    "mussten in der Nacht zum Sonntag Tausende Menschen ihre Häuser verlassen, wie das Landratsamt mitteilte. "
    "Feuerwehr, Technisches Hilfswerk und Bundeswehr waren mit mehr als 20.000 Einsatzkräften im Einsatz. "
    "Ein Feuerwehrmann kam bei einem Rettungseinsatz ums Leben. Ministerpräsident Markus Söder besuchte die "
    "betroffenen Gebiete und sagte schnelle Hilfe zu."
)
# The same agency copy, lightly edited by a second outlet.
FLOOD_DE_COPY = FLOOD_DE.replace("sagte schnelle Hilfe zu", "versprach schnelle und unbürokratische Hilfe") + (
    " Auch in unserer Region bleiben mehrere Straßen gesperrt.")
FLOOD_EN = (
    "Several dams burst in the German state of Bavaria after days of heavy rain, forcing thousands of people to "
    "leave their homes overnight into Sunday. More than 20,000 firefighters, relief workers and soldiers were "
    "deployed. A firefighter died during a rescue operation. State premier Markus Soeder promised swift aid."
)
ECB_DE = (
    "Die Europäische Zentralbank hat die Zinsen im Euroraum erneut gesenkt. Der Einlagensatz sinkt um 0,25 "
    "Prozentpunkte auf 2,0 Prozent, wie die Notenbank am Donnerstag in Frankfurt mitteilte. EZB-Präsidentin "
    "Christine Lagarde deutete an, dass die Zinssenkungen bald enden könnten."
)


MATCH1_DE = (
    "Die Wölfe aus Iserbach haben am Freitagabend ihr Heimspiel gegen die Adler Mainfranken mit 3:1 "
    "gewonnen. Vor 6.200 Zuschauern in der Eishalle am Stadtpark traf Kapitän Jonas Brennan zweimal. "
    "Trainer Mika Lehtonen lobte die Moral seiner Mannschaft: „Wir haben nach dem Rückstand nie aufgehört "
    "zu kämpfen.“ Mit dem Sieg klettert Iserbach auf Rang vier der Tabelle. Schon am Sonntag steht das "
    "nächste Spiel an, dann geht es auswärts nach Havelland."
)
MATCH2_DE = (
    "Bittere Niederlage für die Wölfe: Iserbach hat am Sonntag in Havelland mit 1:6 verloren. Vor "
    "4.100 Zuschauern lagen die Gäste schon nach dem ersten Drittel mit drei Toren zurück. Kapitän Jonas "
    "Brennan blieb diesmal ohne Treffer. Trainer Mika Lehtonen sprach von einem „gebrauchten Tag“. Am "
    "Freitag hatten die Wölfe noch gegen Mainfranken gewonnen. Iserbach fällt auf Rang sechs der Tabelle zurück."
)
FOLLOWUP_DE = (
    "Nach der 1:6-Pleite in Havelland hat Iserbach Konsequenzen gezogen: Die Wölfe haben sich am Montag "
    "von Torhüter-Trainer Sven Kolbe getrennt. Trainer Mika Lehtonen sagte, die Entscheidung sei ihm nicht "
    "leicht gefallen. Kapitän Jonas Brennan sprach von einem Weckruf für die Mannschaft. In Havelland "
    "hatten die Wölfe schon nach dem ersten Drittel mit drei Toren zurückgelegen."
)


def _add(store: Store, text: str, published: str | None, *, title: str | None = None,
         source: str | None = None) -> Document:
    doc = analyze(text, published=published, title=title, source=source)
    assert store.add(doc)
    assign_story(store, doc)
    return doc


def _story(store: Store, doc: Document) -> str | None:
    return store.db.execute("SELECT story FROM documents WHERE id=?", (doc.id,)).fetchone()[0]


# ---------------------------------------------------------------- near-duplicates


def test_syndicated_copy_is_a_near_duplicate_and_an_independent_report_is_not() -> None:
    a, copy, other = neardup.signature(FLOOD_DE), neardup.signature(FLOOD_DE_COPY), neardup.signature(FLOOD_EN)
    assert a.jaccard(copy) >= neardup.NEARDUP_JACCARD
    assert set(a.bands()) & set(copy.bands()), "LSH must make the copy a candidate"
    assert a.jaccard(other) < 0.2
    # the MinHash estimate tracks the exact shingle Jaccard
    assert abs(a.jaccard(copy) - neardup.exact_jaccard(FLOOD_DE, FLOOD_DE_COPY)) < 0.2


def test_signature_survives_storage_round_trip() -> None:
    sig = neardup.signature(FLOOD_DE)
    assert neardup.Signature.from_bytes(sig.to_bytes()).jaccard(sig) == 1.0


# ---------------------------------------------------------------- online clustering


def test_german_and_english_report_of_one_event_share_a_story(store: Store) -> None:
    de = _add(store, CALL_FEB_DE, "2025-02-12", title="Trump und Putin telefonieren", source="Tagesblick")
    en = _add(store, CALL_FEB_EN, "2025-02-12", title="Trump and Putin agree to start talks", source="Northbridge")
    assert _story(store, de) == _story(store, en) is not None


def test_same_actors_months_apart_are_different_stories(store: Store) -> None:
    feb = _add(store, CALL_FEB_DE, "2025-02-12", title="Trump und Putin telefonieren")
    oct_ = _add(store, CALL_OCT_DE, "2025-10-16", title="Putin und Trump telefonieren erneut")
    assert _story(store, feb) != _story(store, oct_)


def test_different_event_same_day_opens_new_story(store: Store) -> None:
    call = _add(store, CALL_FEB_DE, "2025-06-05")
    ecb = _add(store, ECB_DE, "2025-06-05")
    assert _story(store, call) != _story(store, ecb)


def test_an_event_held_after_another_report_announced_it_is_marked_as_announced() -> None:
    from lagebild.stories import pairs

    # the leaders' call announced a meeting of the ministers; a week later one report leads with it
    held = [["meeting", ["per:c", "per:d", "loc:x"], "2025-03-10"]]
    assert pairs._announced(held, [["summit", ["per:c", "per:a"], "2025-W11"]])
    assert pairs._announced(held, [["meeting", ["per:d"], "2025-03-11"]])
    # other people, another kind of event, or a date far from the one announced: no announcement
    assert not pairs._announced(held, [["meeting", ["per:a", "per:b"], "2025-W11"]])
    assert not pairs._announced(held, [["sanction", ["per:c"], "2025-W11"]])
    assert not pairs._announced(held, [["meeting", ["per:c"], "2025-04-20"]])
    # a phone call is never the meeting someone announced
    assert not pairs._announced([["phone_call", ["per:c"], "2025-03-10"]], [["meeting", ["per:c"], "2025-W11"]])


def test_planned_events_leave_out_reported_ones() -> None:
    doc = analyze("Trump und Putin wollen sich nächste Woche in Budapest treffen. Am Mittwoch hatten beide "
                  "telefoniert.", published="2025-08-06")
    plans = extract.plans(doc)
    assert plans and all(kind != "phone_call" for kind, _who, _when in plans)


def test_lead_events_are_the_recent_events_of_the_first_sentences(store: Store) -> None:
    text = ("Kremlchef Wladimir Putin und US-Präsident Donald Trump haben am Mittwoch telefoniert. Das Gespräch "
            "dauerte nach Angaben des Kremls rund zwei Stunden. Trump hatte zuletzt am 3. Februar mit Putin "
            "telefoniert. Im Frühjahr hatten sich beide Außenminister in Riad getroffen.")
    doc = analyze(text, published="2025-08-06")
    store.add(doc)
    leads = extract.features(store, doc).leads
    assert leads and all(day == "2025-08-06" for _t, _a, day in leads)
    assert "phone_call" in {t for t, _a, _d in leads}


def test_near_duplicate_joins_story_and_is_grouped(store: Store) -> None:
    a = _add(store, FLOOD_DE, "2025-06-02", source="dpa")
    b = _add(store, FLOOD_DE_COPY, "2025-06-02", source="Alpenpost")
    assert _story(store, a) == _story(store, b)
    assert sdb.dup_group(store, b.id) == sdb.dup_group(store, a.id) == a.id


def test_each_article_records_why_it_is_in_its_story(store: Store) -> None:
    de = _add(store, CALL_FEB_DE, "2025-02-12", source="Tagesblick")
    en = _add(store, CALL_FEB_EN, "2025-02-12", source="Northbridge")
    flood = _add(store, FLOOD_DE, "2025-06-02", source="dpa")
    copy = _add(store, FLOOD_DE_COPY, "2025-06-02", source="Alpenpost")
    joins = sdb.get_joins(store, [de.id, en.id, flood.id, copy.id])
    assert joins[de.id]["how"] == joins[flood.id]["how"] == "opened"
    assert joins[copy.id] == {"story": _story(store, flood), "how": "copy", "log_odds": None, "copy_of": flood.id}
    why = joins[en.id]
    assert why["how"] == "joined" and why["story"] == _story(store, de)
    assert why["log_odds"] >= cluster.JOIN_THRESHOLD
    # the names it shared with the story, as the English report writes them
    assert {"Putin", "Trump"} <= {w for name in why["shared_names"] for w in name.split()}
    assert why["for"] and all(v > 0 for v in why["for"].values())
    # a rebuild forgets the old records and writes new ones
    rebuild(store)
    assert set(sdb.get_joins(store, [de.id, en.id, flood.id, copy.id])) == {de.id, en.id, flood.id, copy.id}


def test_story_has_title_and_date_range(store: Store) -> None:
    _add(store, CALL_FEB_DE, "2025-02-12", title="Trump und Putin telefonieren")
    _add(store, CALL_FEB_EN, "2025-02-13", title="Trump and Putin agree to start talks")
    (st,) = sdb.list_stories(store)
    assert st.size == 2
    assert (st.first, st.last) == ("2025-02-12", "2025-02-13")
    assert st.title in ("Trump und Putin telefonieren", "Trump and Putin agree to start talks")


def test_candidate_search_ignores_stories_outside_the_time_window(store: Store) -> None:
    _add(store, CALL_FEB_DE, "2025-02-12")
    doc = analyze(CALL_FEB_EN, published="2025-09-01")
    store.add(doc)
    assert cluster.candidates(store, extract.features(store, doc)) == []


def test_cosine_floor_is_read_when_candidates_are_searched(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # (it was once bound as a default argument at import time, so changing it did nothing)
    _add(store, CALL_FEB_DE, "2025-02-12")
    doc = analyze(CALL_FEB_EN, published="2025-02-12")
    store.add(doc)
    f = extract.features(store, doc)
    [(_story_row, cos)] = cluster.candidates(store, f)
    monkeypatch.setattr(cluster, "MIN_COS", cos + 0.01)
    assert cluster.candidates(store, f) == []
    assert cluster.best_story(store, f) is None


def test_undated_article_still_gets_a_story(store: Store) -> None:
    _add(store, CALL_FEB_DE, "2025-02-12")
    doc = _add(store, CALL_FEB_EN, None)
    assert _story(store, doc) is not None


def test_rebuild_reproduces_the_online_partition(store: Store) -> None:
    docs = [_add(store, CALL_FEB_DE, "2025-02-12"), _add(store, CALL_FEB_EN, "2025-02-12"),
            _add(store, ECB_DE, "2025-06-05"), _add(store, FLOOD_DE, "2025-06-02")]
    before = {d.id: _story(store, d) for d in docs}
    n = rebuild(store)
    after = {d.id: _story(store, d) for d in docs}
    assert n == 3
    assert before == after


def test_vectors_read_back_as_last_written_even_past_the_memory_cache(store: Store,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sdb, "VECTOR_CACHE_SIZE", 2)
    for i in range(4):
        sdb.put_vector(store, f"d{i}", "m", bytes([i]) * 4)
    sdb.put_vector(store, "d3", "m", b"new!")  # replaced: the cached copy must not win
    assert sdb.get_vectors(store, ["d3", "d0", "d2", "missing"], "m") == {
        "d0": bytes([0]) * 4, "d2": bytes([2]) * 4, "d3": b"new!"}
    assert list(sdb.get_vectors(store, ["d3", "d0"], "m")) == ["d0", "d3"]  # document-id order
    assert sdb.get_vector(store, "d1", "m") == bytes([1]) * 4 and sdb.get_vector(store, "d1", "x") is None


def test_embeddings_are_cached_per_document(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _add(store, ECB_DE, "2025-06-05")
    from lagebild.stories import embed

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("document was embedded twice")

    first = extract.features(store, doc)
    monkeypatch.setattr(embed, "document_vector", boom)
    monkeypatch.setattr(embed, "sentence_matrix", boom)
    again = extract.features(store, doc)  # the lead vector and the sentence vectors both come from the store
    assert float(again.vec @ first.vec) > 0.999
    assert again.sents is not None and again.sents.shape == first.sents.shape


# ---------------------------------------------------------------- ingest, CLI, export


def _write_corpus(tmp: Path) -> list[str]:
    items = [("feb-de.txt", "Trump und Putin telefonieren", CALL_FEB_DE), ("feb-en.txt", "Trump and Putin talk",
             CALL_FEB_EN), ("ecb.txt", "EZB senkt Leitzins", ECB_DE)]
    paths = []
    for name, title, text in items:
        p = tmp / name
        p.write_text(title + "\n\n" + text, encoding="utf-8")
        paths.append(str(p))
    return paths


def test_batch_ingest_assigns_stories_and_cli_lists_them(tmp_path: Path, db_path: str) -> None:
    paths = _write_corpus(tmp_path)
    with Store(db_path) as store:
        report = store.add_paths(paths, published="2025-02-12")
        assert len(report.added) == 3
        stories = {r[0] for r in store.db.execute("SELECT story FROM documents")}
        assert None not in stories and len(stories) == 2
    runner = CliRunner()
    res = runner.invoke(main, ["stories", "--db", db_path, "--json"])
    assert res.exit_code == 0, res.output
    listed = json.loads(res.stdout)
    assert [s["size"] for s in listed] == [2, 1]
    res = runner.invoke(main, ["stories", "--db", db_path, "--top", "1", "--json"])
    assert len(json.loads(res.stdout)) == 1
    res = runner.invoke(main, ["stories", "--db", db_path, "--since", "2030-01-01", "--json"])
    assert json.loads(res.stdout) == []
    res = runner.invoke(main, ["stories", "--db", db_path, "--rebuild", "--json"])
    assert res.exit_code == 0 and [s["size"] for s in json.loads(res.stdout)] == [2, 1]
    res = runner.invoke(main, ["compare", listed[0]["id"], "--db", db_path, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["documents"]) == 2
    assert {d["joined"]["how"] for d in json.loads(res.stdout)["documents"]} == {"opened", "joined"}
    res = runner.invoke(main, ["compare", listed[0]["id"], "--db", db_path])
    assert res.exit_code == 0 and res.stdout.startswith("# ")
    assert "why they are in this story" in res.stdout and "opened the story" in res.stdout
    assert "closest to" in res.stdout  # which article of the story the join matched
    res = runner.invoke(main, ["compare", "no-such-story", "--db", db_path])
    assert res.exit_code == 1


def test_export_fills_stories_section(store: Store) -> None:
    a = _add(store, CALL_FEB_DE, "2025-02-12")
    b = _add(store, CALL_FEB_EN, "2025-02-12")
    picture = store.export()
    (st,) = picture["stories"]
    assert sorted(st["documents"]) == sorted([a.id, b.id]) and st["title"]
    assert {j["document"]: j["how"] for j in st["joins"]} == {a.id: "opened", b.id: "joined"}
    assert {d["story"] for d in picture["documents"]} == {st["id"]}
    assert isinstance(picture["contradictions"], list)


# ---------------------------------------------------------------- end to end on examples/


def test_example_corpus_stories_near_duplicates_and_contradictions() -> None:
    from lagebild.stories.compare import compare_documents

    from .examples_corpus import corpus_store, documents_by_key, expected

    store = corpus_store()
    docs = documents_by_key()
    want = expected()
    got = {frozenset(k for k, d in docs.items() if d.story == s) for s in {d.story for d in docs.values()}}
    assert got == {frozenset(group) for group in want["stories"]}
    for group in want["near_duplicates"]:
        assert len({sdb.dup_group(store, docs[k].id) for k in group}) == 1
    for c in want["contradictions"]:
        a, b = docs[c["a"]["doc"]], docs[c["b"]["doc"]]
        members = [d for d in docs.values() if d.story == a.story]
        found = compare_documents(members, store=store).contradictions
        # the same two outlets, with at least one side the sentence expected.json names (an outlet
        # may state the claim twice; either sentence is a right answer)
        assert any({x.a.doc, x.b.doc} == {a.id, b.id}
                   and (c["a"]["contains"] in x.a.text + x.b.text or c["b"]["contains"] in x.a.text + x.b.text)
                   for x in found), c["about"]


def test_story_vector_leads_with_the_writers_own_sentences_not_quotes() -> None:
    from lagebild.stories import embed

    text = (
        "Der Kanzler und der Präsident haben sich am Montag in Paris getroffen. "
        "„Wir sind zu weiteren Gesprächen bereit“, sagte der Kanzler nach dem Treffen. "
        "Beide Seiten vereinbarten eine gemeinsame Arbeitsgruppe zur Energiepolitik. "
        "Die Gruppe soll im Herbst erste Vorschläge vorlegen."
    )
    doc = analyze(text, published="2025-08-06", language="de", title="Treffen in Paris")
    assert any(q.kind == "direct" for q in doc.quotes), "the quotes stage should find the quote"
    lead = embed.lead_texts(doc)
    assert lead[0] == "Treffen in Paris"
    assert not any("Gesprächen bereit" in s for s in lead)
    assert any("Arbeitsgruppe" in s for s in lead)
    # with fewer than three own sentences the lead falls back to the first sentences
    short = analyze("„Wir sind bereit“, sagte er. „Das ist gut“, sagte sie. Es regnete.", language="de")
    assert len(embed.lead_texts(short)) == 3


def test_members_stored_before_cards_get_them_on_first_comparison(store: Store) -> None:
    """A store from before the pair model: the story's members have no card and no body vectors
    yet; comparing a new article makes and keeps them instead of failing or skipping the story."""
    from lagebild.stories import embed, pairs

    first = _add(store, CALL_FEB_DE, "2025-02-12")
    store.db.execute("DELETE FROM doc_vectors WHERE model IN (?, ?)", (embed.SENTENCES_MODEL_NAME,
                                                                     embed.BODY_MODEL_NAME))
    store.db.execute("DELETE FROM story_cards")
    store._card_cache = {}
    store._vector_cache.clear()
    second = analyze(CALL_FEB_EN, published="2025-02-12")
    store.add(second)
    f = extract.features(store, second)
    [card] = cluster.member_cards(store, [first.id])
    values = dict(zip(pairs.FEATURES, pairs.pair_features(f.card(), card)))
    assert values["lead_top1"] > 0.6 and values["names_any"] == 1.0  # the same call retold in English
    assert sdb.get_vector(store, first.id, embed.BODY_MODEL_NAME) is not None
    assert sdb.get_cards(store, [first.id])


def test_a_long_story_is_compared_through_its_first_and_its_latest_articles(store: Store) -> None:
    for i in range(40):
        store.db.execute("INSERT INTO documents(id, text, word_count, published, added_at, annotations, story)"
                         " VALUES (?,?,?,?,?,?,?)", (f"d{i:02d}", "x", 1, f"2025-03-{1 + i // 2:02d}", "", b"", "S1"))
    ids = sdb.story_doc_ids(store, "S1", latest=cluster.MAX_MEMBERS, first=cluster.FIRST_MEMBERS)
    assert ids[:cluster.FIRST_MEMBERS] == [f"d{i:02d}" for i in range(cluster.FIRST_MEMBERS)]
    assert ids[-1] == "d39" and len(ids) == cluster.MAX_MEMBERS + cluster.FIRST_MEMBERS
    assert sdb.story_doc_ids(store, "S1", latest=50, first=5) == [f"d{i:02d}" for i in range(40)]


def test_two_matches_of_one_club_are_two_stories_and_the_fallout_joins_its_match(store: Store) -> None:
    # the same club, coach and captain two days apart, and the second report recalls the first:
    # without looking at the results the join model put both matches in one story
    first = _add(store, MATCH1_DE, "2027-01-15", title="Wölfe schlagen Mainfranken 3:1")
    second = _add(store, MATCH2_DE, "2027-01-17", title="1:6 in Havelland – Wölfe gehen unter")
    fallout = _add(store, FOLLOWUP_DE, "2027-01-18", title="Nach 1:6: Iserbach trennt sich von Torhüter-Trainer")
    assert _story(store, second) != _story(store, first)
    assert _story(store, fallout) == _story(store, second)
    # the record of the split says why, for anyone checking it
    record = sdb.get_joins(store, [second.id])[second.id]
    assert record["how"] == "opened" and record["results_differ"] is True
    assert record["closest_article"] == first.id


def test_the_story_page_says_why_a_match_report_was_kept_apart(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from lagebild.web import create_app

    db = str(tmp_path / "matches.db")
    store = Store(db)
    _add(store, MATCH1_DE, "2027-01-15", title="Wölfe schlagen Mainfranken 3:1")
    second = _add(store, MATCH2_DE, "2027-01-17", title="1:6 in Havelland – Wölfe gehen unter")
    story = _story(store, second)
    store.close()
    with TestClient(create_app(db)) as client:
        page = client.get(f"/stories/{story}")
    assert page.status_code == 200 and "different match results" in page.text


@pytest.mark.parametrize(("text", "results"), [
    ("Bayern gewann 3:1 gegen Dortmund.", [[1, 3]]),
    ("Leeds were beaten 0-2 at home; Rovers won 6-4, 7-5 in the final.", [[0, 2], [4, 6], [5, 7]]),
    ("Das Handballspiel endete 28:25.", [[25, 28]]),
    ("Der Zug entgleiste um 6:40 Uhr, ein zweiter at 7:30 p.m.", []),
    ("Prices rose 10-15 percent in the 2024-25 season.", []),
    ("Der Bundesrat stimmte mit 35:34 Stimmen zu; the court ruled 6-3.", []),
    ("Az. 3-17 (Meldung 0-28): ein Plus von 3-4 Prozent in 2-3 Tagen.", []),
])
def test_match_results_are_read_and_clock_times_ranges_and_votes_are_not(text: str, results: list[list[int]]) -> None:
    assert match_scores(text) == results


def _score_card(scores: list[list[int]]) -> pairs.Card:
    return pairs.Card("d", 0, "de", np.zeros(4), np.zeros((0, 4)), np.zeros((0, 4)), scores=scores)


@pytest.mark.parametrize(("mine", "theirs", "differ"), [
    # two volleyball matches of one team: set scores shared, match results not
    ([[2, 3], [23, 25], [21, 25]], [[1, 3], [23, 25], [20, 25]], True),
    # one match: one report leads with the half-time score, both give the final result
    ([[1, 2], [0, 1]], [[0, 1], [1, 2]], False),
    ([[1, 3]], [[1, 6]], True),
    ([[1, 3]], [], False),
])
def test_reports_of_two_matches_differ_in_results_even_where_set_scores_repeat(
        mine: list[list[int]], theirs: list[list[int]], differ: bool) -> None:
    assert pairs.results_differ(_score_card(mine), [_score_card(theirs)]).tolist() == [float(differ)]
    assert pairs.results_differ(_score_card(theirs), [_score_card(mine)]).tolist() == [float(differ)]


def test_match_results_keep_the_order_the_report_gives_them() -> None:
    assert match_scores("Lindenau gewinnt 3:2. Die Sätze: 25:23, 21:25, 25:23.") == [[2, 3], [23, 25], [21, 25]]
