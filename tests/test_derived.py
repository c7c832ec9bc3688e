"""Adjectives and people-words of places ("russischen", "Ukrainian", "Ukrainer"): counted under
their place where the knowledge base knows it, never an entity of their own in the lists a user
reads, never where an event happened. Names that look like adjectives stay names."""

from __future__ import annotations

import pytest

import lagebild
from lagebild.kb import default_kb
from lagebild.linking import Linker
from lagebild.linking.derived import DERIVED_FROM_PLACE, is_derived
from lagebild.model import Document, Mention
from lagebild.queries import entity_detail, entity_list
from lagebild.storage import Store

GERMAN = (
    "Der ukrainische Präsident Wolodymyr Selenskyj hat am Montag in Berlin Bundeskanzler Friedrich Merz "
    "getroffen. Die russischen Angriffe auf ukrainische Städte gingen weiter, sagte Selenskyj. "
    "Die Ukrainer bräuchten mehr Luftabwehr, sagte Selenskyj."
)
ENGLISH = (
    "Ukrainian President Volodymyr Zelensky met German Chancellor Friedrich Merz in Berlin on Monday. "
    "Russian strikes on Ukrainian cities continued, Zelensky said. "
    "Ukrainians need more air defence, Zelensky said."
)
# (text, language, the adjectives and people-words in it)
ARTICLES = {
    "de": (GERMAN, {"ukrainische", "russischen", "Ukrainer"}),
    "en": (ENGLISH, {"Ukrainian", "German", "Russian", "Ukrainians"}),
}
RUSSIA, UKRAINE = "Q159", "Q212"


@pytest.fixture(scope="module")
def analysed() -> dict[str, Document]:
    return {lang: lagebild.analyze(text, published="2025-07-29", language=lang) for lang, (text, _) in ARTICLES.items()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_adjectives_are_not_listed_as_entities_named_together(analysed, lang) -> None:
    store = Store(":memory:")
    store.add(analysed[lang])
    detail = entity_detail(store, "Selenskyj")
    assert detail is not None
    together = {c["name"] for c in detail.co_mentioned}
    adjectives = ARTICLES[lang][1]
    assert not together & adjectives, together
    assert not {e.name for e in entity_list(store, limit=100).items} & adjectives
    # the adjectives count for their countries instead, listed apart from the country's names
    assert {"Ukraine", "Russland"} <= together
    ukraine = entity_detail(store, "Ukraine")
    assert ukraine is not None
    written = {t for t, _ in ukraine.spellings}
    as_adjective = {t for t, _ in ukraine.adjectives}
    assert as_adjective and as_adjective <= adjectives and not written & adjectives
    assert not any(f["flag"].startswith("deriv") for f in ukraine.flagged)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_adjectives_link_to_their_place_and_stay_marked(analysed, lang) -> None:
    by_text = {m.text: m for m in analysed[lang].mentions}
    for word in ARTICLES[lang][1]:
        m = by_text[word]
        assert DERIVED_FROM_PLACE in m.flags, m
        assert m.type == "MISC"
    first = "russischen" if lang == "de" else "Russian"
    assert by_text[first].entity == RUSSIA
    ukrainians = "Ukrainer" if lang == "de" else "Ukrainians"
    assert by_text[ukrainians].entity == UKRAINE
    # an adjective is no alias of its country
    ukraine = next(e for e in analysed[lang].entities if e.id == UKRAINE)
    assert not set(ukraine.aliases) & ARTICLES[lang][1]


def test_an_events_place_is_never_an_adjective() -> None:
    doc = lagebild.analyze(
        "A Russian missile and drone attack on the central Ukrainian city of Dnipro killed at least nine "
        "people overnight, regional officials said on Tuesday.",
        published="2025-07-29",
        language="en",
    )
    derived = {m.entity or m.text for m in doc.mentions if is_derived(m)}
    attacks = [e for e in doc.events if e.type == "attack"]
    assert attacks
    for e in attacks:
        assert e.location not in derived | {"loc:ukrainian"}, e
        assert not set(e.actors) & derived, e


def test_names_that_look_like_adjectives_stay_names() -> None:
    text = "Die Deutsche Bank und die Russische Föderation, sagten die russischen Demokraten. Democrats agreed."
    doc = Document(text=text, language="de", published="2025-07-29")
    spans = [("Deutsche Bank", "ORG", []), ("Russische Föderation", "LOC", [DERIVED_FROM_PLACE]),
             ("russischen", "MISC", [DERIVED_FROM_PLACE]), ("Democrats", "MISC", [])]
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, t, flags=list(f)) for s, t, f in spans]
    out, _ = Linker(default_kb()).link(doc, mentions)
    by_text = {m.text: m for m in out}
    assert by_text["Deutsche Bank"].entity and not is_derived(by_text["Deutsche Bank"])
    # a name of the knowledge base is that name, even where a tagger called it an adjective
    assert by_text["Russische Föderation"].entity == RUSSIA and not is_derived(by_text["Russische Föderation"])
    assert by_text["russischen"].entity == RUSSIA and is_derived(by_text["russischen"])
    # a group that is no place's adjective is left as it was
    assert by_text["Democrats"].entity and not is_derived(by_text["Democrats"])


@pytest.mark.parametrize(
    ("word", "place"),
    [("russischen", "Russia"), ("Russen", "Russia"), ("Ukrainern", "Ukraine"), ("Ukrainians", "Ukraine"),
     ("ostukrainische", "Ukraine"), ("Germans", "Germany"), ("Turks", "Türkiye"), ("Kanadier", "Canada"),
     ("Berliner", "Berlin"), ("Münchner", "Munich"), ("European", "Europe")],
)
def test_adjective_and_people_word_forms_find_their_place(word, place) -> None:
    kb = default_kb()
    assert [kb.entities[i].name for i in kb.place_of_adjective(word)] == [place]
