"""The quotes stage: direct and indirect speech, cue, speaker resolution and medium.

All example sentences were written for these tests.
"""

from __future__ import annotations

import re

import pytest

from lagebild.model import Document, Mention, Quote, Sentence
from lagebild.stages.quotes import make_quotes
from lagebild.stages.segment import split_sentences, tokenize


def _doc(text: str, lang: str = "de", mentions: list[tuple[str, str, str]] | None = None) -> Document:
    """A segmented document; ``mentions`` are (surface, type, entity id), each surface found in order."""
    doc = Document(text=text, language=lang)
    doc.sentences = [Sentence(s, e) for s, e in split_sentences(text)]
    doc.tokens = tokenize(text)
    pos = 0
    for surface, typ, ent in mentions or []:
        m = re.compile(re.escape(surface)).search(text, pos)
        assert m, surface
        doc.mentions.append(Mention(m.start(), m.end(), surface, typ, ent))
        pos = m.start() + 1
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def _quotes(doc: Document) -> list[Quote]:
    return make_quotes()(doc).quotes


def _find(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


# --------------------------------------------------------------------------- direct speech


def test_direct_quote_with_cue_after_it():
    doc = _doc("„Wir werden die Front halten“, sagte Selenskyj am Abend in Kiew.", mentions=[("Selenskyj", "PER", "Q1")])
    q = _find(_quotes(doc), "Front halten")
    assert q.kind == "direct"
    assert q.text.startswith("„") and q.text.endswith("“")
    assert q.cue == "sagte"
    assert q.speaker == "Q1"
    assert doc.text[q.start : q.end] == q.text


def test_direct_quote_after_colon_frame():
    doc = _doc("Der Bundeskanzler sagte: »Wir stehen an der Seite der Ukraine.« Danach reiste er ab.")
    q = _find(_quotes(doc), "Seite der Ukraine")
    assert q.kind == "direct"
    assert q.speaker_text == "Der Bundeskanzler"


def test_quote_split_by_its_cue_gives_both_parts_the_speaker():
    text = "„Die Lage an der Front ist schwierig“, sagte Selenskyj. „Aber wir geben nicht auf und kämpfen weiter.“"
    quotes = _quotes(_doc(text, mentions=[("Selenskyj", "PER", "Q1")]))
    first, second = _find(quotes, "schwierig"), _find(quotes, "geben nicht auf")
    assert first is not second
    assert first.speaker == second.speaker == "Q1"


def test_quote_spanning_several_sentences_is_one_quote():
    text = "„Das ist ein Durchbruch. Wir haben lange verhandelt. Jetzt beginnt die Umsetzung“, sagte die Ministerin."
    quotes = [q for q in _quotes(_doc(text)) if q.kind == "direct"]
    assert len(quotes) == 1
    assert "Durchbruch" in quotes[0].text and "Umsetzung" in quotes[0].text
    assert quotes[0].speaker_text == "die Ministerin"


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("»", "«"), ("'", "'")])
def test_other_quotation_marks(opening: str, closing: str):
    text = f"{opening}Die Verhandlungen sind gescheitert{closing}, sagte der Sprecher der Regierung."
    q = _find(_quotes(_doc(text)), "gescheitert")
    assert q.kind == "direct"
    assert q.speaker_text == "der Sprecher der Regierung"


def test_scare_quoted_fragment_in_a_reporting_frame():
    text = "Trump bezeichnete das Treffen mit Putin als „sehr produktiv“."
    doc = _doc(text, mentions=[("Trump", "PER", "Q22686"), ("Putin", "PER", "Q7747")])
    q = _find(_quotes(doc), "sehr produktiv")
    assert q.kind == "direct"
    assert q.text == "„sehr produktiv“"
    assert q.speaker == "Q22686"


def test_quoted_title_without_a_frame_is_not_a_quote():
    assert _quotes(_doc("Die Operation „Adlerauge“ begann am Montag im Norden des Landes.")) == []


def test_nested_quote_stays_inside_the_indirect_quote():
    text = "Selenskyj sagte, die Lage im Osten sei „äußerst angespannt“."
    quotes = _quotes(_doc(text, mentions=[("Selenskyj", "PER", "Q1")]))
    assert len(quotes) == 1
    assert quotes[0].kind == "indirect"
    assert "„äußerst angespannt“" in quotes[0].text
    assert quotes[0].speaker == "Q1"


# --------------------------------------------------------------------------- indirect speech


def test_indirect_speech_with_role_and_name_speaker():
    text = "Kreml-Sprecher Dmitri Peskow sagte, Russland sei zu Gesprächen bereit."
    doc = _doc(text, mentions=[("Dmitri Peskow", "PER", "Q4"), ("Russland", "LOC", "Q159")])
    q = _find(_quotes(doc), "zu Gesprächen bereit")
    assert q.kind == "indirect"
    assert q.text == "Russland sei zu Gesprächen bereit"
    assert q.speaker_text == "Kreml-Sprecher Dmitri Peskow"
    assert q.speaker == "Q4"
    assert q.cue == "sagte"


def test_dass_clause_and_role_phrase_resolved_to_earlier_person():
    text = (
        "Sprecherin Karoline Leavitt trat am Morgen vor die Presse. "
        "Die Sprecherin des Weißen Hauses erklärte, dass der Präsident keine neuen Zölle plane."
    )
    doc = _doc(text, mentions=[("Karoline Leavitt", "PER", "L1"), ("Weißen Hauses", "ORG", "WH")])
    q = _find(_quotes(doc), "keine neuen Zölle")
    assert q.text.startswith("dass")
    assert q.speaker == "L1"
    assert q.speaker_text == "Die Sprecherin des Weißen Hauses"


def test_pronoun_speaker_resolves_to_the_earlier_person():
    text = "Bundeskanzler Friedrich Merz traf am Montag in Paris ein. Er betonte, Europa müsse geschlossen auftreten."
    doc = _doc(text, mentions=[("Friedrich Merz", "PER", "M1"), ("Paris", "LOC", "P1"), ("Europa", "LOC", "EU")])
    q = _find(_quotes(doc), "geschlossen auftreten")
    assert q.speaker_text == "Er"
    assert q.speaker == "M1"


def test_konjunktiv_continuation_keeps_the_speaker():
    text = (
        "Außenministerin Baerbock sagte, die Gespräche seien konstruktiv verlaufen. "
        "Man werde die Vorschläge nun sorgfältig prüfen. "
        "Am Abend flog die Delegation zurück nach Berlin."
    )
    quotes = _quotes(_doc(text, mentions=[("Baerbock", "PER", "B1")]))
    cont = _find(quotes, "sorgfältig prüfen")
    assert cont.kind == "indirect"
    assert cont.speaker == "B1"
    assert not any("Delegation" in q.text for q in quotes)


def test_unnamed_speaker_is_kept_as_words():
    text = "Ein Beamter des Weißen Hauses sagte, die Entscheidung sei noch nicht gefallen."
    doc = _doc(text, mentions=[("Weißen Hauses", "ORG", "WH")])
    q = _find(_quotes(doc), "noch nicht gefallen")
    assert q.speaker is None
    assert q.speaker_text == "Ein Beamter des Weißen Hauses"


def test_organisation_as_speaker():
    text = "Das Weiße Haus teilte mit, das Treffen finde wie geplant statt."
    doc = _doc(text, mentions=[("Weiße Haus", "ORG", "WH")])
    q = _find(_quotes(doc), "wie geplant")
    assert q.speaker == "WH"
    assert q.cue == "teilte mit"


@pytest.mark.parametrize(
    "text, speaker_text",
    [
        ("Laut Polizei wurden bei dem Angriff drei Menschen verletzt.", "Polizei"),
        ("Den Behörden zufolge wurden bei dem Angriff drei Menschen verletzt.", "Den Behörden"),
        ("Nach Angaben des Gesundheitsministeriums wurden bei dem Angriff drei Menschen verletzt.", "Angaben des Gesundheitsministeriums"),
    ],
)
def test_prepositional_source_frames(text: str, speaker_text: str):
    q = _find(_quotes(_doc(text)), "drei Menschen verletzt")
    assert q.kind == "indirect"
    assert q.speaker_text == speaker_text
    assert "zufolge" not in q.text and not q.text.startswith(("Laut", "Nach"))


def test_reporting_verb_after_the_statement():
    text = "Die Entscheidung des Gerichts ist ein schwerer Fehler, warnte der Oppositionsführer am Dienstag."
    q = _find(_quotes(_doc(text)), "schwerer Fehler")
    # an opinion-looking sentence is attributed speech when a reporting frame follows it
    assert q.text == "Die Entscheidung des Gerichts ist ein schwerer Fehler"
    assert q.cue == "warnte"
    assert q.speaker_text == "der Oppositionsführer"


def test_plain_narration_has_no_quotes():
    text = "Der Konvoi erreichte am Morgen die Stadt. Die Straßen waren leer, die Geschäfte geschlossen."
    assert _quotes(_doc(text)) == []


# --------------------------------------------------------------------------- medium / addressee


@pytest.mark.parametrize(
    "text, medium",
    [
        ("Rubio sagte gegenüber CNN, die Gespräche würden fortgesetzt.", "gegenüber CNN"),
        ("Trump schrieb auf seiner Plattform Truth Social, der Krieg müsse enden.", "auf seiner Plattform Truth Social"),
        (
            "In einem Interview mit der New York Post sagte Vance, man sei optimistisch.",
            "In einem Interview mit der New York Post",
        ),
    ],
)
def test_medium_or_addressee(text: str, medium: str):
    quotes = _quotes(_doc(text))
    assert quotes, text
    assert quotes[0].medium == medium


# --------------------------------------------------------------------------- English


def test_english_direct_and_said():
    text = "“We are ready to talk,” Rubio told reporters on Friday."
    q = _find(_quotes(_doc(text, lang="en")), "ready to talk")
    assert q.kind == "direct"
    assert q.speaker_text == "Rubio"


def test_english_according_to_and_said_that():
    text = (
        "According to the Pentagon, two drones were shot down overnight. "
        "Defense Secretary Pete Hegseth said that the operation would continue."
    )
    quotes = _quotes(_doc(text, lang="en", mentions=[("Pete Hegseth", "PER", "H1")]))
    a = _find(quotes, "two drones")
    assert a.speaker_text == "the Pentagon"
    b = _find(quotes, "operation would continue")
    assert b.speaker == "H1"
    assert b.cue == "said"


def test_english_inverted_frame_and_scare_quote():
    text = (
        "The talks in Geneva were constructive, a White House official said. "
        'Trump called the meeting "very productive".'
    )
    quotes = _quotes(_doc(text, lang="en", mentions=[("White House", "ORG", "WH"), ("Trump", "PER", "T1")]))
    a = _find(quotes, "constructive")
    assert a.text == "The talks in Geneva were constructive"
    assert a.speaker_text == "a White House official"
    assert a.speaker is None  # unnamed official, not the White House itself
    b = _find(quotes, "very productive")
    assert b.kind == "direct" and b.speaker == "T1"
    assert len(quotes) == 2


def test_nach_angaben_von():
    q = _find(_quotes(_doc("Nach Angaben von Ärzten vor Ort starben mindestens zwölf Menschen.")), "zwölf Menschen")
    assert q.speaker_text is not None and q.speaker_text.startswith("Angaben von Ärzten")
    assert q.text.endswith("starben mindestens zwölf Menschen")
    assert "Angaben" not in q.text
    assert q.cue == "Nach"


# --------------------------------------------------------------------------- robustness


def test_without_mentions_speaker_is_none_but_words_are_kept():
    doc = _doc("Selenskyj sagte, die Armee habe die Stellung gehalten.")
    (q,) = _quotes(doc)
    assert q.speaker is None
    assert q.speaker_text == "Selenskyj"


def test_empty_and_unbalanced_input():
    assert _quotes(_doc("")) == []
    quotes = _quotes(_doc("„Das ist nicht abgeschlossen, sagte er. Und dann ging er."))
    assert all(doc_q.start < doc_q.end for doc_q in quotes)
