"""Compounds that contain a name ("US-Präsident", "Nato-Gipfel", "Kreml-Sprecher"): never an
entity of their own; counted under the entity their name part names where the knowledge base
knows it (listed apart from its names), else unlinked. A role phrase on the same words still
names the person who holds the role; an event never happens in such a compound."""

from __future__ import annotations

import pytest

import lagebild
from lagebild.kb import default_kb
from lagebild.linking import Linker
from lagebild.linking.derived import derived_kind, is_derived
from lagebild.model import Document, Mention
from lagebild.queries import entity_detail, entity_list
from lagebild.storage import Store

GERMAN = (
    "Vor dem Nato-Gipfel in Den Haag sagte Generalsekretär Mark Rutte, die Allianz sei einig. "
    "Kreml-Sprecher Dmitri Peskow sagte am Mittwoch in Moskau, Russland sehe darin eine Provokation. "
    "Der US-Präsident habe die Verbündeten unter Druck gesetzt, sagte ein EU-Diplomat."
)
COMPOUNDS = {"Nato-Gipfel": "Q7184", "Kreml-Sprecher": "kb:kremlin", "US-Präsident": "Q30", "EU-Diplomat": "Q458"}
TRUMP = "Q22686"


@pytest.fixture(scope="module")
def doc() -> Document:
    return lagebild.analyze(GERMAN, published="2025-06-25", language="de")


@pytest.fixture(scope="module")
def store(doc) -> Store:
    s = Store(":memory:")
    s.add(doc)
    return s


def test_compounds_are_not_entities(doc, store) -> None:
    listed = {e.name for e in entity_list(store, limit=100).items}
    assert not listed & set(COMPOUNDS), listed
    assert not {e.name for e in doc.entities} & set(COMPOUNDS)
    detail = entity_detail(store, "Mark Rutte")
    assert detail is not None
    together = {c["name"] for c in detail.co_mentioned}
    assert not together & set(COMPOUNDS), together


def test_compounds_count_under_the_entity_their_name_part_names(doc, store) -> None:
    compounds = {m.text: m for m in doc.mentions if derived_kind(m.flags) == "compound"}
    assert set(COMPOUNDS) <= set(compounds)
    for text, eid in COMPOUNDS.items():
        assert compounds[text].entity == eid, compounds[text]
        assert compounds[text].type == "MISC"
    nato = entity_detail(store, "NATO")
    assert nato is not None and nato.entity.mentions >= 1
    # listed apart from the ways NATO is written, and not as a flagged spelling
    assert ("Nato-Gipfel", 1) in nato.compounds
    assert "Nato-Gipfel" not in {t for t, _ in nato.spellings}
    assert not any(f["flag"].startswith("part") for f in nato.flagged)
    assert not any("Nato-Gipfel" in e.aliases for e in doc.entities)  # no alias of NATO
    assert nato.to_dict()["compounds"] == [("Nato-Gipfel", 1)]


def test_a_role_phrase_still_names_the_person(doc, store) -> None:
    roles = [m for m in doc.mentions if m.text == "US-Präsident" and "role" in m.flags]
    assert [m.entity for m in roles] == [TRUMP]
    trump = entity_detail(store, TRUMP)
    assert trump is not None and "US-Präsident" not in {t for t, _ in trump.compounds}


def test_an_events_place_or_actor_is_never_a_compound(doc) -> None:
    d = lagebild.analyze(
        "Beim Nato-Gipfel wurde über die Raketenangriffe gesprochen. Die Bundeswehr-Soldaten "
        "griffen nicht ein. Beim EU-Gipfel beschlossen die Staats- und Regierungschefs neue Sanktionen.",
        published="2025-06-25",
        language="de",
    )
    for document in (doc, d):
        compound_ids = {m.entity or m.text for m in document.mentions if is_derived(m)}
        named = {m.entity for m in document.mentions if not is_derived(m)}
        for e in document.events:
            assert e.location not in compound_ids - named, e
            assert not set(e.actors) & (compound_ids - named), e


@pytest.mark.parametrize(
    ("text", "tagged", "entity"),
    [("EU-Außenminister", "part:ORG", "Q458"), ("Merkel-Regierung", "part:PER", "Q567"),
     ("Saudi-Arabien-Reise", "part:LOC", "Q851"), ("Osteuropa-Experte", "part:LOC", None),
     ("Kremlsprecher", "part:ORG", None)],
)
def test_the_name_part_is_found_by_splitting_at_hyphens(text, tagged, entity) -> None:
    sentence = f"Der {text} sagte am Montag nichts."
    m = Mention(4, 4 + len(text), text, "MISC", flags=[tagged])
    out, entities = Linker(default_kb()).link(Document(text=sentence, language="de", published="2025-06-25"), [m])
    (linked,) = [x for x in out if "role" not in x.flags]
    assert linked.entity == entity and is_derived(linked)
    assert not any(text in e.aliases for e in entities)


def test_a_compound_the_knowledge_base_knows_as_a_name_is_that_name() -> None:
    text = "Die EU-Kommission hat am Montag entschieden."
    m = Mention(4, 18, "EU-Kommission", "ORG", flags=["part:ORG"])
    (out,), _ = Linker(default_kb()).link(Document(text=text, language="de", published="2025-06-25"), [m])
    assert out.entity == "Q8880" and not is_derived(out)


def test_a_letter_prefixed_word_is_no_compound_with_a_name() -> None:
    doc = lagebild.analyze("Der Hersteller Stromrad ruft 38.000 E-Bikes zurück.", published="2028-03-10", language="de")
    assert not [m for m in doc.mentions if "E-Bikes" in m.text]
    assert not [m for m in doc.mentions if is_derived(m)]


@pytest.mark.parametrize(
    ("word", "tagged", "kept"),
    [("E-Bikes", "ORGpart", False), ("U-Boot", "LOCpart", False), ("S-Bahn-Tunnel", "ORGpart", False),
     ("Nato-Gipfel", "ORGpart", True), ("EU-Kommission", "ORGpart", True), ("US-Präsident", "LOCpart", True),
     ("Bahn-Streik", "ORGpart", True), ("Nato-E-Bikes", "ORGpart", True), ("Vitamin-C", "OTHpart", True),
     ("T-Mobile", "ORG", True)],
)
def test_a_compound_needs_an_element_that_can_be_a_name(word: str, tagged: str, kept: bool) -> None:
    from lagebild.ner.postprocess import Span, filter_obvious

    sentence = ["Der", word, "kam", "."]
    assert (filter_obvious([sentence], [Span(0, 1, 2, tagged)]) != []) is kept
