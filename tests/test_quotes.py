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


# --------------------------------------------------------------------------- speaker recall


def test_subject_after_the_verb_before_a_separable_particle():
    q = _find(_quotes(_doc("Die Grenzen bleiben bis auf Weiteres geschlossen, kündigte die Regierung an.")), "geschlossen")
    assert q.text == "Die Grenzen bleiben bis auf Weiteres geschlossen"
    assert q.cue == "kündigte an"
    assert q.speaker_text == "die Regierung"


def test_fronted_object_does_not_become_the_speaker():
    text = "Finanzminister Lars Klingbeil sprach am Mittwoch im Bundestag. Den Vorschlag der Opposition lehnte er ab, die Kosten seien zu hoch."
    doc = _doc(text, mentions=[("Lars Klingbeil", "PER", "K1")])
    q = _find(_quotes(doc), "Kosten seien zu hoch")
    assert q.speaker_text == "er"
    assert q.speaker == "K1"


@pytest.mark.parametrize("pronoun", ["Das", "Dies"])
def test_demonstrative_frame_attributes_the_previous_sentence(pronoun: str):
    text = f"Die Einigung ist ein Durchbruch für Europa. {pronoun} erklärte Außenministerin Anna Berg am Dienstag in Brüssel."
    doc = _doc(text, mentions=[("Anna Berg", "PER", "B1"), ("Brüssel", "LOC", "BXL")])
    q = _find(_quotes(doc), "Durchbruch")
    assert q.text == "Die Einigung ist ein Durchbruch für Europa."
    assert q.speaker == "B1"
    assert q.cue == "erklärte"


def test_passive_agent_and_document_are_sources():
    quotes = _quotes(_doc(
        "Die Pläne wurden von der Gewerkschaft scharf kritisiert, der Abbau gefährde tausende Stellen. "
        "Die Zahl der Opfer sei weiter gestiegen, heißt es in dem Bericht der Vereinten Nationen."
    ))
    assert _find(quotes, "gefährde tausende").speaker_text == "der Gewerkschaft"
    assert _find(quotes, "Zahl der Opfer").speaker_text == "dem Bericht der Vereinten Nationen"


def test_verb_final_frames():
    quotes = _quotes(_doc(
        "Wie die Polizei am Montag in Köln mitteilte, gibt es keine Hinweise auf einen Anschlag. "
        "Während der Minister ankündigte, die Steuern zu senken, verlangte die Opposition Neuwahlen."
    ))
    assert _find(quotes, "keine Hinweise").speaker_text == "die Polizei"
    assert _find(quotes, "Steuern zu senken").speaker_text == "der Minister"


def test_relative_pronoun_speaker_resolves_to_its_antecedent():
    text = "Die Ermittler befragten den Nachbarn Tom Berger, der angab, er habe zwei Schüsse gehört."
    doc = _doc(text, mentions=[("Tom Berger", "PER", "P1")])
    q = _find(_quotes(doc), "zwei Schüsse")
    assert q.speaker == "P1"
    assert q.speaker_text == "Tom Berger"


def test_speech_act_without_complement_introduces_the_next_speaker():
    text = (
        "Der Stadtrat tagte am Abend. "
        "Die Bürgermeisterin wies die Vorwürfe zurück. Der Auftrag sei korrekt vergeben worden."
    )
    q = _find(_quotes(_doc(text)), "korrekt vergeben")
    assert q.speaker_text == "Die Bürgermeisterin"


def test_english_bare_plural_speaker_after_the_statement():
    q = _find(_quotes(_doc("The economy will shrink this year, officials said on Monday.", lang="en")), "shrink")
    assert q.text == "The economy will shrink this year"
    assert q.speaker_text == "officials"


# --------------------------------------------------------------------------- threats and plans


@pytest.mark.parametrize(
    "text",
    [
        "Dem Konzern drohen nach dem Urteil hohe Strafen, die Aktie fiel am Dienstag um fünf Prozent.",
        "Ihm droht eine lange Haftstrafe, sein Prozess beginnt im März.",
        "Der Frachter droht auseinanderzubrechen, die Küstenwache ist mit drei Schiffen vor Ort.",
        "Die Kommission legte ihren Bericht vor. Neue Sanktionen drohten, falls Teheran nicht einlenke.",
        "Die Regierung plant, die Steuern im kommenden Jahr zu erhöhen.",
        "Der Konzern plant, dass die Produktion ab Mai in Polen stattfinde.",
    ],
)
def test_looming_threats_and_plans_are_not_speech(text: str):
    assert _quotes(_doc(text)) == []


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Die Gewerkschaft drohte, die Verhandlungen abzubrechen.", "Verhandlungen abzubrechen"),
        ("Die Partei drohte damit, das Ergebnis nicht anzuerkennen.", "nicht anzuerkennen"),
    ],
)
def test_uttered_threats_are_speech(text: str, fragment: str):
    q = _find(_quotes(_doc(text)), fragment)
    assert q.cue is not None and q.cue.startswith("drohte")
    assert q.speaker_text in ("Die Gewerkschaft", "Die Partei")


@pytest.mark.parametrize(
    "text",
    ["New sanctions threatened the fragile recovery.", "The talks threatened to collapse on Friday.", "The union vowed huge gains."],
)
def test_english_threat_verbs_without_speech(text: str):
    assert _quotes(_doc(text, lang="en")) == []


def test_english_threats_and_promises_that_are_speech():
    quotes = _quotes(_doc("He threatened to resign if the bill passed. The minister promised that taxes would fall.", lang="en"))
    assert _find(quotes, "resign").speaker_text == "He"
    assert _find(quotes, "taxes would fall").speaker_text == "The minister"


# --------------------------------------------------------------------------- where reported speech ends


def test_indicative_sentence_after_reported_speech_is_the_writers():
    text = (
        "Die Sprecherin der Bahn erklärte, der Zug sei entgleist. Zwei Waggons seien umgekippt. "
        "Die Strecke bleibt bis Freitag gesperrt, weil erst ein Gutachter die Brücke prüfen müsse."
    )
    quotes = _quotes(_doc(text))
    assert _find(quotes, "Zwei Waggons").speaker_text == "Die Sprecherin der Bahn"
    # the Konjunktiv sits only in the "weil" clause: the main clause is the writer's
    assert not any("Strecke bleibt" in q.text for q in quotes)


def test_first_person_present_is_not_konjunktiv():
    text = "Der Minister sagte, die Lage sei ernst. Ich halte das für übertrieben."
    quotes = _quotes(_doc(text))
    assert _find(quotes, "Lage sei ernst")
    assert not any("übertrieben" in q.text for q in quotes)


@pytest.mark.parametrize(
    "second",
    ["Für Rentner ändere sich nichts.", "Damit seien höhere Beiträge vorerst vom Tisch."],
)
def test_konjunktiv_continuation_in_the_main_clause(second: str):
    text = f"Die Ministerin sagte, die Reform komme im Frühjahr. {second}"
    quotes = _quotes(_doc(text))
    q = _find(quotes, second.split()[1])
    assert q.speaker_text == "Die Ministerin"
    assert q.kind == "indirect"


def test_case_decides_the_speaker_in_a_fronted_clause():
    quotes = _quotes(_doc(
        "Die geplante Reform stellte der Fraktionschef der Grünen am Montag in Frage, sie sei zu teuer. "
        "Die Regierung sagte der Zeitung, die Reform sei längst beschlossen."
    ))
    # "der Fraktionschef" after the verb is nominative; "die geplante Reform" is the object
    assert _find(quotes, "zu teuer").speaker_text == "der Fraktionschef der Grünen"
    # "der Zeitung" (feminine dative) is the addressee, not the speaker
    assert _find(quotes, "längst beschlossen").speaker_text == "Die Regierung"


def test_narrative_subject_is_not_guessed_as_speaker():
    text = "Alle Opfer stammen aus der Umgebung. Weitere Leichen seien in den Trümmern geortet worden."
    q = _find(_quotes(_doc(text)), "Trümmern")
    assert q.speaker_text is None


def test_passive_agent_speaks_on_in_the_next_sentence():
    text = (
        "Die Forderungen wurden von Verkehrsminister Paul Stein als unrealistisch bezeichnet. "
        "Heutige Fahrzeuge seien dafür nicht gebaut."
    )
    q = _find(_quotes(_doc(text, mentions=[("Paul Stein", "PER", "S1")])), "nicht gebaut")
    assert q.speaker == "S1"


def test_announcing_and_evaluating_acts_are_reported_speech():
    quotes = _quotes(_doc(
        "Die Staatsanwaltschaft gab am Montag die Einstellung des Verfahrens bekannt. "
        "Der Betriebsrat begrüßte den Beschluss des Vorstands."
    ))
    a = _find(quotes, "Einstellung des Verfahrens")
    assert a.speaker_text == "Die Staatsanwaltschaft" and a.cue == "gab bekannt"
    assert _find(quotes, "begrüßte").speaker_text == "Der Betriebsrat"


def test_fordern_in_the_sense_of_victims_is_not_speech():
    assert _quotes(_doc("Der Wirbelsturm forderte im Süden des Landes mindestens zwölf Todesopfer.")) == []


def test_denial_introduces_the_speaker_of_the_next_konjunktiv():
    text = "Die Regierung in Teheran streitet das ab. Das Programm diene ausschließlich friedlichen Zwecken."
    q = _find(_quotes(_doc(text)), "friedlichen Zwecken")
    assert q.speaker_text == "Die Regierung in Teheran"


def test_hervorgehen_aus_names_the_document():
    quotes = _quotes(_doc(
        "Im vergangenen Jahr wurden 80 Journalisten festgenommen. "
        "Dies geht aus dem Jahresbericht der Journalistenvereinigung hervor. "
        "Aus dem Bericht geht außerdem hervor, dass die Zahl der Angriffe gestiegen ist."
    ))
    first = _find(quotes, "80 Journalisten")
    assert first.speaker_text == "dem Jahresbericht der Journalistenvereinigung"
    assert first.cue == "geht hervor"
    second = _find(quotes, "Zahl der Angriffe")
    assert second.text.startswith("dass") and second.speaker_text == "dem Bericht"


def test_a_report_whose_object_runs_to_the_end_of_the_text_does_not_lose_the_document() -> None:
    # a headline-like last line without a full stop: "tells" and its object reach the end of the
    # text, where the stage used to index past the last token and so failed the whole document
    import lagebild

    doc = lagebild.analyze("Hegseth tells NATO allies Europe must take charge of its own security", language="en")
    assert any(m.text == "Hegseth" for m in doc.mentions)
    doc = _doc("Hegseth tells NATO allies Europe must take charge of its own security", "en",
               [("Hegseth", "PER", "per:hegseth"), ("NATO", "ORG", "org:nato"), ("Europe", "LOC", "loc:europe")])
    assert all(q.text for q in _quotes(doc))
