"""Entity linking and the entities stage: inflection, transliteration, cross-language merge,
no false merges on shared surnames, misspelt variants, role descriptions, user KB files."""

from __future__ import annotations

import pytest

from lagebild.kb import KnowledgeBase, add_entity, default_kb, load_user_file
from lagebild.kb.names import match_key
from lagebild.linking import Linker
from lagebild.model import Document, Mention
from lagebild.pipeline import Pipeline
from lagebild.stages.entities import make_entities


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(default_kb())


@pytest.fixture(scope="module")
def prep() -> Pipeline:
    return Pipeline(["language", "segment"])


def doc_with(prep: Pipeline, text: str, published: str = "2025-08-12") -> Document:
    return prep(Document(text=text, raw_text=text, published=published))


def link(linker: Linker, prep: Pipeline, text: str, names: list[tuple[str, str]], published: str = "2025-08-12"):
    """Link the given (surface, type) mentions, each at its next occurrence in ``text``."""
    doc = doc_with(prep, text, published)
    mentions, pos = [], 0
    for surface, mtype in names:
        i = text.index(surface, pos)
        mentions.append(Mention(i, i + len(surface), surface, mtype))
        pos = i + 1
    out, entities = linker.link(doc, mentions)
    return out, {e.id: e for e in entities}


def ids_of(mentions: list[Mention], surface: str) -> list[str | None]:
    return [m.entity for m in mentions if m.text == surface]


def test_inflected_forms_link_to_the_lemma(linker, prep):
    text = "Ein Sprecher des Weißen Hauses widersprach. Das Weiße Haus und Putins Berater schwiegen."
    ms, ents = link(linker, prep, text, [("Weißen Hauses", "ORG"), ("Weiße Haus", "ORG"), ("Putins", "PER")])
    assert ids_of(ms, "Weißen Hauses") == ids_of(ms, "Weiße Haus") == ["kb:white-house"]
    assert ids_of(ms, "Putins") == ["Q7747"]
    assert "White House" in ents["kb:white-house"].aliases


@pytest.mark.parametrize("spelling", ["Selenskyj", "Zelensky", "Zelenskiy", "Zelenskyy", "Зеленський"])
def test_transliterations_of_a_kb_person_are_one_entity(linker, prep, spelling):
    ms, ents = link(linker, prep, f"{spelling} sprach in Kiew.", [(spelling, "PER")])
    assert ms[0].entity == "Q3874799"
    assert ents["Q3874799"].wikidata == "Q3874799"


def test_german_and_english_transliteration_keys_agree():
    for a, b in [("Peskow", "Peskov"), ("Uschakow", "Ushakov"), ("Dmitrijew", "Dmitriev"), ("Jermak", "Yermak"),
                 ("Chruschtschow", "Khrushchev"), ("Charkiw", "Kharkiv"), ("Saporischschja", "Zaporizhzhia")]:
        assert match_key(a) == match_key(b), (a, b)
    assert match_key("Selenskyj") == match_key("Зеленський")


def test_person_outside_the_kb_is_one_entity_across_languages(linker, prep):
    de, _ = link(linker, prep, "Bürgermeister Ihor Terechow meldete Schäden. Terechow bat um Hilfe.",
                 [("Ihor Terechow", "PER"), ("Terechow", "PER")])
    en, _ = link(linker, prep, "Mayor Ihor Terekhov reported damage in Kharkiv.", [("Ihor Terekhov", "PER")])
    assert de[0].entity == de[1].entity == en[0].entity
    assert de[0].entity.startswith("per:")


def test_kb_person_is_one_entity_across_languages(linker, prep):
    de, _ = link(linker, prep, "Kirill Dmitrijew traf Steve Witkoff.", [("Kirill Dmitrijew", "PER")])
    en, _ = link(linker, prep, "Kirill Dmitriev met Steve Witkoff.", [("Kirill Dmitriev", "PER")])
    assert de[0].entity == en[0].entity == "kb:kirill-dmitriev"


def test_shared_surname_is_not_a_merge(linker, prep):
    a, _ = link(linker, prep, "Der Forscher Thomas Müller warnt. Müller verweist auf Umfragen.",
                [("Thomas Müller", "PER"), ("Müller", "PER")])
    b, _ = link(linker, prep, "Der Unternehmer Stefan Müller klagt. Müller wirft der Stadt Verzögerung vor.",
                [("Stefan Müller", "PER"), ("Müller", "PER")])
    assert a[0].entity == a[1].entity  # short form -> full name in the same document
    assert b[0].entity == b[1].entity
    assert a[0].entity != b[0].entity


def test_short_form_takes_the_nearest_full_name_in_the_document(linker, prep):
    text = "Melania Trump kam später. Donald Trump sprach zuerst. Trump sagte, es sei ein guter Tag."
    ms, _ = link(linker, prep, text, [("Melania Trump", "PER"), ("Donald Trump", "PER"), ("Trump", "PER")])
    assert ms[0].entity != "Q22686"  # another Trump is not Donald Trump
    assert ms[2].entity == "Q22686"


def test_misspelt_name_in_role_context_links_and_is_flagged(linker, prep):
    ms, _ = link(linker, prep, "Außenminister Mark Rubio sagte am Montag, die Gespräche gingen weiter.",
                 [("Mark Rubio", "PER")])
    assert ms[0].entity == "Q324546"
    assert "probable-misspelling" in ms[0].flags
    ok, _ = link(linker, prep, "Marco Rubio sagte am Montag nichts.", [("Marco Rubio", "PER")])
    assert ok[0].flags == []


def test_different_first_name_is_not_a_misspelling(linker, prep):
    ms, _ = link(linker, prep, "Die Präsidentengattin Melania Trump sagte nichts.", [("Melania Trump", "PER")])
    assert ms[0].entity != "Q22686" and not ms[0].flags


def test_role_descriptions_resolve_by_date(linker, prep):
    text = "Der Kremlchef empfing den Gast. Das Treffen sei gut verlaufen, sagte der Kreml-Sprecher."
    ms, _ = link(linker, prep, text, [])
    roles = {m.text: m.entity for m in ms if "role" in m.flags}
    assert roles.get("Kremlchef") == "Q7747"
    assert roles.get("Kreml-Sprecher") == "kb:dmitry-peskov"
    scholz, _ = link(linker, prep, "Der Bundeskanzler reiste ab.", [], published="2024-03-01")
    merz, _ = link(linker, prep, "Der Bundeskanzler reiste ab.", [], published="2025-09-01")
    assert [m.entity for m in scholz] == ["Q61053"]
    assert [m.entity for m in merz] == ["kb:friedrich-merz"]


def test_indefinite_role_is_not_the_office_holder(linker, prep):
    ms, _ = link(linker, prep, "Ein Sprecher des Weißen Hauses wollte sich nicht äußern.", [])
    assert not [m for m in ms if "role" in m.flags]


def test_entities_stage_without_ner_model(prep):
    stage = make_entities(ner=False)
    doc = stage(doc_with(prep, "US-Präsident Donald Trump und Kreml-Sprecher Dmitri Peskow sprachen. "
                               "Peskow sagte, Trump sei gut informiert. Außenminister Mark Rubio reiste nach Moskau."))
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Donald Trump"].entity == by_text["Trump"].entity == "Q22686"
    assert by_text["Peskow"].entity == "kb:dmitry-peskov"
    assert by_text["Moskau"].entity == "Q649"
    assert "probable-misspelling" in by_text["Mark Rubio"].flags
    assert {e.id for e in doc.entities} >= {"Q22686", "kb:dmitry-peskov", "Q324546", "Q649"}
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_user_yaml_and_csv_files(tmp_path):
    y = tmp_path / "mine.yaml"
    y.write_text("- {name: Erika Musterfrau, type: PER, aliases: [E. Musterfrau], "
                 "roles: [{role: mayor, of: kb:musterstadt, start: 2020-01-01}]}\n"
                 "- {name: Musterstadt, type: LOC}\n", encoding="utf-8")
    c = tmp_path / "mine.csv"
    c.write_text("name,type,wikidata,aliases\nBeispiel AG,ORG,,Beispiel|Beispiel-Konzern\n", encoding="utf-8")
    kb = KnowledgeBase([*load_user_file(y), *load_user_file(c)])
    assert kb.lookup("Erika Musterfrau") == {"kb:erika-musterfrau"}
    assert kb.lookup("Beispiel-Konzern") == {"kb:beispiel-ag"}
    assert kb.holders_of({"mayor"}, {"kb:musterstadt"}, None) == {"kb:erika-musterfrau"}


def test_add_entity_writes_a_loadable_file(tmp_path):
    target = tmp_path / "user.yaml"
    add_entity("Jana Beispiel", "PER", aliases=["J. Beispiel"], path=target)
    add_entity("Beispielpartei", "ORG", wikidata="Q999999999", path=target)
    loaded = load_user_file(target)
    assert [e.id for e in loaded] == ["kb:jana-beispiel", "Q999999999"]


def test_bad_user_entry_is_reported(tmp_path):
    from lagebild.errors import ConfigError

    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: Niemand, type: PERSON}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="PERSON"):
        load_user_file(bad)


def test_env_var_extends_the_default_kb(tmp_path, monkeypatch):
    from lagebild.kb import reset_default_kb

    f = tmp_path / "env.yaml"
    f.write_text("- {name: Sergei Musterow, type: PER, aliases: [Musterow]}\n", encoding="utf-8")
    monkeypatch.setenv("LAGEBILD_KB", str(f))
    reset_default_kb()
    try:
        kb = default_kb()
        assert kb.lookup("Sergej Musterow") == {"kb:sergei-musterow"}  # transliteration variant
        assert kb.lookup("Putin") == {"Q7747"}  # built-ins still there
    finally:
        monkeypatch.delenv("LAGEBILD_KB")
        reset_default_kb()


def test_weapon_systems_are_things_not_people_or_participants() -> None:
    from lagebild import analyze

    doc = analyze("Germany pledged two more Patriot air defence systems to Ukraine on Tuesday, "
                  "Chancellor Friedrich Merz said in Berlin.", published="2025-07-30", language="en")
    patriot = [m for m in doc.mentions if m.text == "Patriot"]
    assert patriot and all(m.type == "MISC" for m in patriot)
    aid = [e for e in doc.events if e.type == "aid_or_arms_supply"]
    assert aid and all(patriot[0].entity not in e.actors + e.targets for e in aid)


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Von Anna Berger Wien – Die Regierung hat am Dienstag ein Sparpaket beschlossen.", "de", "Wien"),
        ("Sparpaket beschlossen\nVon Anna Berger Wien - Die Regierung hat am Dienstag ein Sparpaket beschlossen.",
         "de", "Wien"),
        ("By Anna Berger London — The government approved a savings package on Tuesday.", "en", "London"),
    ],
)
def test_a_byline_without_a_comma_keeps_author_and_place_apart(text: str, language: str, place: str) -> None:
    from lagebild import analyze

    doc = analyze(text, published="2028-03-10", language=language)
    found = {(m.text, m.type) for m in doc.mentions}
    assert ("Anna Berger", "PER") in found and (place, "LOC") in found
    assert not any(m.text.startswith("Anna Berger ") for m in doc.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Der Roman von Anna Maria Berlin – einer Autorin aus Wien – erscheint im Mai.",  # not at a line's head
        "Anna Maria Berlin – die Autorin erzählt. Anna Maria Berlin lebt in Wien.",  # the name repeats
        "Heinrich Berlin – der Autor lebt in Wien.",  # no two-word name would remain
    ],
)
def test_a_name_ending_in_a_place_word_is_not_split_outside_a_byline(text: str) -> None:
    from lagebild import analyze

    doc = analyze(text, published="2028-03-10", language="de")
    assert all(m.text != "Berlin" for m in doc.mentions)
