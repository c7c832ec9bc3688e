"""The export contract (SPEC.md, lagebild/1) on the example corpus: every section filled, every
offset pointing at the text it claims, every reference resolvable."""

from __future__ import annotations

import json

from .examples_corpus import corpus_store

REQUIRED = {
    "documents": {"id", "source", "url", "path", "title", "language", "published", "published_basis", "text",
                  "removed_lines", "story"},
    "sentences": {"doc", "start", "end", "opinion", "opinion_score"},
    "entities": {"id", "name", "type", "aliases", "wikidata"},
    "mentions": {"doc", "start", "end", "text", "entity"},
    "timexes": {"doc", "start", "end", "text", "type", "value"},
    "quotes": {"doc", "start", "end", "text", "kind", "speaker", "speaker_text", "cue"},
    "events": {"id", "type", "actors", "location", "date", "status", "documents", "sources", "mentions"},
    "stories": {"id", "title", "documents"},
    "contradictions": {"a", "b", "about"},
}


def test_every_section_is_filled_with_the_contract_fields() -> None:
    picture = json.loads(json.dumps(corpus_store().export()))
    assert picture["format"] == "lagebild/1"
    for section, fields in REQUIRED.items():
        assert picture[section], f"{section} is empty"
        for rec in picture[section]:
            assert fields <= set(rec), (section, fields - set(rec))


def test_offsets_and_references_resolve() -> None:
    picture = corpus_store().export()
    texts = {d["id"]: d["text"] for d in picture["documents"]}
    entity_ids = {e["id"] for e in picture["entities"]}
    for section in ("mentions", "timexes", "quotes"):
        for rec in picture[section]:
            assert texts[rec["doc"]][rec["start"]:rec["end"]] == rec["text"], (section, rec)
    for m in picture["mentions"]:
        assert m["entity"] is None or m["entity"] in entity_ids
    for q in picture["quotes"]:
        assert q["kind"] in ("direct", "indirect")
        assert q["speaker"] is None or q["speaker"] in entity_ids
    for ev in picture["events"]:
        assert ev["status"] in ("occurred", "planned", "proposed", "threatened", "denied", "uncertain")
        assert set(ev["actors"]) <= entity_ids and set(ev["documents"]) <= set(texts)
        for m in ev["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    story_of = {d["id"]: d["story"] for d in picture["documents"]}
    for st in picture["stories"]:
        assert all(story_of[d] == st["id"] for d in st["documents"])
    for c in picture["contradictions"]:
        for side in (c["a"], c["b"]):
            assert 0 <= side["start"] < side["end"] <= len(texts[side["doc"]])
