"""Places that German and English news name differently (Danzig/Gdańsk, Bodensee/Lake
Constance, Tiroler/Tyrolean): a German and an English report of one event link them to one
entity, so story clustering sees that they name the same place. Names that are ambiguous or
common words are left unlinked rather than forced onto a place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import lagebild
from lagebild.kb import KBEntity, KnowledgeBase, default_kb, entity_from_mapping
from lagebild.linking.derived import DERIVED_FROM_PLACE
from lagebild.model import Document, Mention
from lagebild.stages.entities import _kb_types

PLACES = Path(lagebild.__file__).parent / "kb" / "data" / "places.yaml"

GERMAN = (
    "Im Hafen von Danzig brannte am Montag ein Lagerhaus. "
    "Am Bodensee wurde ein Segler vermisst. "
    "Die Donau trat bei Passau über die Ufer. "
    "In Mailand demonstrierten Tausende gegen die Regierung. "
    "Der Zug aus Lüttich kam verspätet an. "
    "In Südtirol blieben die Pässe gesperrt. "
    "Im Schwarzwald tobte ein Sturm. "
    "Die Tiroler Polizei sperrte die Straße, die steirische Landesregierung tagte."
)
ENGLISH = (
    "A warehouse burned in the port of Gdańsk on Monday. "
    "A sailor went missing on Lake Constance. "
    "The Danube burst its banks near Passau. "
    "Thousands demonstrated against the government in Milan. "
    "The train from Liège arrived late. "
    "In South Tyrol the passes stayed closed. "
    "A storm raged in the Black Forest. "
    "The road was closed, Tyrolean police said. The Styrian state government met."
)
# (German name, English name) of one place, as written in the two texts above.
PAIRS = [
    ("Danzig", "Gdańsk"),
    ("Bodensee", "Lake Constance"),
    ("Donau", "Danube"),
    ("Mailand", "Milan"),
    ("Lüttich", "Liège"),
    ("Südtirol", "South Tyrol"),
    ("Schwarzwald", "Black Forest"),
]
TYROL, STYRIA = "Q42880", "Q41358"


@pytest.fixture(scope="module")
def reports() -> dict[str, Document]:
    return {
        "de": lagebild.analyze(GERMAN, published="2025-07-29", language="de"),
        "en": lagebild.analyze(ENGLISH, published="2025-07-29", language="en"),
    }


def _entity_of(doc: Document, text: str) -> str | None:
    hits = [m.entity for m in doc.mentions if m.text == text]
    assert hits, f"{text!r} not found among {[m.text for m in doc.mentions]}"
    return hits[0]


@pytest.mark.parametrize(("german", "english"), PAIRS)
def test_german_and_english_name_of_a_place_are_one_entity(reports, german, english) -> None:
    de = _entity_of(reports["de"], german)
    en = _entity_of(reports["en"], english)
    assert de == en, (german, de, english, en)
    assert de in default_kb().entities  # a knowledge-base place, not two guessed keys


@pytest.mark.parametrize(
    ("lang", "word", "place"),
    [("de", "Tiroler", TYROL), ("en", "Tyrolean", TYROL), ("de", "steirische", STYRIA), ("en", "Styrian", STYRIA)],
)
def test_adjectives_of_a_region_count_for_it_in_both_languages(reports, lang, word, place) -> None:
    m = next(m for m in reports[lang].mentions if m.text == word)
    assert m.entity == place
    assert DERIVED_FROM_PLACE in m.flags and m.type == "MISC"  # an adjective, not a place of its own


@pytest.mark.parametrize(
    ("word", "place"),
    [("Südtiroler", "South Tyrol"), ("Kärntner", "Carinthia"), ("Walliser", "Valais"), ("Bündner", "Grisons"),
     ("niederösterreichischen", "Lower Austria"), ("bayerische", "Bavaria"), ("sächsischen", "Saxony"),
     ("schwäbischen", "Swabia"), ("Franconian", "Franconia"), ("Danziger", "Gdańsk"), ("Flemish", "Flanders")],
)
def test_adjective_and_people_word_forms_of_regions(word, place) -> None:
    kb = default_kb()
    assert [kb.entities[i].name for i in kb.place_of_adjective(word)] == [place]


def test_ambiguous_names_and_common_words_are_not_forced_onto_a_place() -> None:
    doc = lagebild.analyze(
        "In Freiburg demonstrierten am Samstag Tausende. Die Bank zahlte fünf Millionen Franken. "
        "Die Posen der Models wirkten einstudiert.",
        published="2025-07-29",
        language="de",
    )
    kb = default_kb()
    freiburgs = {kb.lookup("Freiburg im Breisgau").pop(), kb.lookup("Fribourg").pop()}
    linked = {m.entity for m in doc.mentions}
    # "Freiburg" alone is Freiburg im Breisgau or Fribourg: neither is guessed
    assert not linked & freiburgs
    # "Franken" is also the Swiss currency, "Posen" also a plural noun: no place takes them
    assert not linked & (kb.lookup("Franconia") | kb.lookup("Poznań"))
    assert not kb.lookup("Franken") and not kb.lookup("Posen") and not kb.lookup("Freiburg")


def test_a_repeated_surname_stays_a_person_where_a_place_has_the_name() -> None:
    kb = KnowledgeBase([KBEntity(id="kb:rhodes", name="Rhodes", type="LOC")])
    text = "Ben Rhodes criticised the plan. Rhodes said it would fail. Ferries to Rhodes stopped."
    starts = [0, text.index("Rhodes said"), text.index("Rhodes stopped")]
    tagged = [("Ben Rhodes", "PER"), ("Rhodes", "PER"), ("Rhodes", "LOC")]
    found = [Mention(s, s + len(t), t, ty) for s, (t, ty) in zip(starts, tagged)]
    out = _kb_types(kb, found)
    # the surname of a full name in the same report stays the person the model found
    assert [m.type for m in out] == ["PER", "PER", "LOC"]
    # without a full name in the report the knowledge base decides, as before
    alone = _kb_types(kb, [Mention(0, 6, "Rhodes", "PER")])
    assert alone[0].type == "LOC"


def test_every_place_name_links_to_its_own_entry_only() -> None:
    """No name or alias in places.yaml is shared with another entity (which would leave it
    unlinked), every part_of names a known entity, and no Wikidata id is used twice."""
    kb = default_kb()
    records = yaml.safe_load(PLACES.read_text(encoding="utf-8"))
    for record in records:
        entity = entity_from_mapping(record)
        for name in entity.all_names():
            assert kb.lookup(name) == {entity.id}, (name, [kb.entities[i].name for i in kb.lookup(name)])
        if entity.part_of:
            assert entity.part_of in kb.entities, (entity.name, entity.part_of)
    qids = [e.wikidata for e in kb.entities.values() if e.wikidata]
    assert len(qids) == len(set(qids))
