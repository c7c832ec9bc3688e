"""Corrections by hand: moving an article between stories, out into its own, merging stories; the
corrections hold when the store is clustered again."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lagebild.cli import main
from lagebild.errors import InputError, NotFoundError
from lagebild.storage import Store
from lagebild.storage import stories as sdb
from lagebild.stories import edits, rebuild

from .test_stories import CALL_FEB_DE, CALL_FEB_EN, ECB_DE, FLOOD_DE, FLOOD_EN, _add, _story


@pytest.fixture()
def three_stories(store: Store) -> dict[str, str]:
    docs = {"call_de": _add(store, CALL_FEB_DE, "2025-02-12", title="Trump und Putin telefonieren"),
            "call_en": _add(store, CALL_FEB_EN, "2025-02-12", title="Trump and Putin agree to talks"),
            "flood_de": _add(store, FLOOD_DE, "2025-02-13", title="Dämme brechen in Bayern"),
            "flood_en": _add(store, FLOOD_EN, "2025-02-13", title="Dams burst in Bavaria"),
            "ecb": _add(store, ECB_DE, "2025-02-13", title="EZB senkt Zinsen")}
    ids = {k: d.id for k, d in docs.items()}
    # the automatic clustering this module corrects
    assert _sid(store, ids["call_de"]) == _sid(store, ids["call_en"])
    assert _sid(store, ids["flood_de"]) == _sid(store, ids["flood_en"]) != _sid(store, ids["call_de"])
    return ids


def _sid(store: Store, doc_id: str) -> str:
    return store.db.execute("SELECT story FROM documents WHERE id=?", (doc_id,)).fetchone()[0]


def _members(store: Store, doc_id: str) -> set[str]:
    return set(sdb.story_doc_ids(store, _sid(store, doc_id)))


def test_moving_an_article_out_gives_it_a_story_of_its_own_and_refits_the_old(store: Store,
                                                                              three_stories: dict[str, str]) -> None:
    ids = three_stories
    old = _sid(store, ids["call_de"])
    moved = edits.move(store, ids["call_de"][:8], "new", note="a different call")
    assert moved.from_story == old and moved.to_story != old
    assert _members(store, ids["call_de"]) == {ids["call_de"]}
    st = sdb.get_story(store, old)
    assert st is not None and st.size == 1 and st.title == "Trump and Putin agree to talks"
    assert sdb.get_joins(store, [ids["call_de"]])[ids["call_de"]]["how"] == "edited"
    kinds = {(e.kind, e.other) for e in sdb.list_edits(store)}
    assert kinds == {("alone", ids["call_de"]), ("apart", ids["call_en"])}
    assert {e.note for e in sdb.list_edits(store)} == {"a different call"}


def test_moving_into_another_story_by_story_or_by_article(store: Store, three_stories: dict[str, str]) -> None:
    ids = three_stories
    flood = _sid(store, ids["flood_de"])
    edits.move(store, ids["ecb"], flood)
    assert _sid(store, ids["ecb"]) == flood and sdb.get_story(store, flood).size == 3
    edits.move(store, ids["ecb"], ids["call_en"])  # "where that article is"; the newest edit wins
    assert _sid(store, ids["ecb"]) == _sid(store, ids["call_en"])
    assert sdb.get_story(store, flood).size == 2
    assert [e.kind for e in sdb.list_edits(store) if e.doc == ids["ecb"]] == ["with", "apart", "apart"]


def test_corrections_hold_when_the_store_is_clustered_again(store: Store, three_stories: dict[str, str]) -> None:
    ids = three_stories
    edits.move(store, ids["call_en"], "new")
    edits.move(store, ids["ecb"], ids["flood_en"])
    rebuild(store)
    assert _members(store, ids["call_en"]) == {ids["call_en"]}
    assert _members(store, ids["flood_de"]) == {ids["flood_de"], ids["flood_en"], ids["ecb"]}
    assert _sid(store, ids["call_de"]) != _sid(store, ids["call_en"])
    edits.drop_edit(store, sdb.list_edits(store)[0].n)  # forgetting "call_en stands alone" ...
    edits.drop_edit(store, sdb.list_edits(store)[0].n)  # ... and "apart from call_de"
    rebuild(store)
    assert _sid(store, ids["call_de"]) == _sid(store, ids["call_en"])  # the model decides again


def test_a_correction_naming_a_later_article_pulls_it_in_on_rebuild(store: Store,
                                                                     three_stories: dict[str, str]) -> None:
    # the call report (12 Feb) is placed with the ECB report (13 Feb): on rebuild the earlier
    # article opens a story and the later one joins it, whatever the model would say
    ids = three_stories
    edits.move(store, ids["call_de"], ids["ecb"])
    rebuild(store)
    assert _sid(store, ids["ecb"]) == _sid(store, ids["call_de"]) != _sid(store, ids["call_en"])


def test_merging_stories(store: Store, three_stories: dict[str, str]) -> None:
    ids = three_stories
    call, flood = _sid(store, ids["call_de"]), _sid(store, ids["flood_de"])
    moved = edits.merge(store, call, [flood])
    assert len(moved) == 2 and sdb.get_story(store, flood) is None
    assert _members(store, ids["call_de"]) == {ids["call_de"], ids["call_en"], ids["flood_de"], ids["flood_en"]}
    st = sdb.get_story(store, call)
    assert st.size == 4 and (st.first, st.last) == ("2025-02-12", "2025-02-13")
    rebuild(store)
    assert len(_members(store, ids["flood_en"])) == 4


def test_mistakes_are_explained(store: Store, three_stories: dict[str, str]) -> None:
    ids = three_stories
    with pytest.raises(InputError, match="in this story already"):
        edits.move(store, ids["call_de"], ids["call_en"])
    with pytest.raises(InputError, match="alone in its story"):
        edits.move(store, ids["ecb"], "new")
    with pytest.raises(NotFoundError, match="no story or article"):
        edits.move(store, ids["ecb"], "zzzz-nothing")
    call = _sid(store, ids["call_de"])
    with pytest.raises(InputError, match="two different stories"):
        edits.merge(store, call, [call])
    with pytest.raises(NotFoundError, match="no edit number 99"):
        edits.drop_edit(store, 99)
    assert sdb.list_edits(store) == []  # nothing half-done


def test_cli_move_merge_and_edits(tmp_path, db_path: str) -> None:
    with Store(db_path) as store:
        ids = {k: _add(store, t, "2025-02-12").id for k, t in
               (("de", CALL_FEB_DE), ("en", CALL_FEB_EN), ("ecb", ECB_DE))}
    runner = CliRunner()
    res = runner.invoke(main, ["move", ids["en"][:8], "--to", "new", "--note", "checked", "--db", db_path])
    assert res.exit_code == 0, res.output
    assert "moved" in res.stdout
    res = runner.invoke(main, ["edits", "--json", "--db", db_path])
    listed = json.loads(res.stdout)
    assert {e["kind"] for e in listed} == {"alone", "apart"} and listed[0]["note"] == "checked"
    res = runner.invoke(main, ["stories", "--json", "--db", db_path])
    assert sorted(s["size"] for s in json.loads(res.stdout)) == [1, 1, 1]
    with Store(db_path) as store:
        en_story, ecb_story = _sid(store, ids["en"]), _sid(store, ids["ecb"])
    res = runner.invoke(main, ["merge", en_story, ecb_story, "--db", db_path])
    assert res.exit_code == 0 and "1 articles merged" in res.stdout
    res = runner.invoke(main, ["compare", en_story, "--db", db_path])
    assert "placed by hand" in res.stdout
    res = runner.invoke(main, ["move", ids["ecb"], "--to", "nowhere-at-all", "--db", db_path])
    assert res.exit_code == 1 and "no story or article" in res.output
    res = runner.invoke(main, ["edits", "--drop", "1", "--db", db_path])
    assert res.exit_code == 0
    res = runner.invoke(main, ["edits", "--json", "--db", db_path])
    assert 1 not in {e["n"] for e in json.loads(res.stdout)}
