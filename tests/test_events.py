"""Events stage (type, actors, date, place, status) and the canonical-event timeline."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from lagebild.model import Document, Entity, EventMention, Mention, Sentence, Timex
from lagebild.stages.events import EventExtractor
from lagebild.timeline import CanonicalEvent, filter_events, format_timeline, merge_events

# -- helpers -------------------------------------------------------------------------------


def make_doc(
    text: str,
    *,
    lang: str = "de",
    published: str = "2025-08-11",
    names: dict[str, str] | None = None,
    timexes: dict[str, str] | None = None,
    doc_id: str = "d1",
    source: str | None = None,
) -> Document:
    """A document annotated by hand: ``names`` maps surface text -> type (PER/ORG/LOC),
    ``timexes`` maps surface text -> TIMEX3 value. Sentences split at '. '."""
    doc = Document(text=text, id=doc_id, language=lang, published=published, source=source)
    pos = 0
    for part in re.split(r"(?<=[.!?])\s+", text):
        start = text.index(part, pos)
        doc.sentences.append(Sentence(start, start + len(part)))
        pos = start + len(part)
    for name, typ in (names or {}).items():
        ident = "e:" + name.lower()
        for m in re.finditer(re.escape(name), text):
            doc.mentions.append(Mention(m.start(), m.end(), name, typ, entity=ident))
        doc.entities.append(Entity(ident, name, typ))
    for surface, value in (timexes or {}).items():
        for m in re.finditer(re.escape(surface), text):
            doc.timexes.append(Timex(m.start(), m.end(), surface, "DATE", value))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def events_of(doc: Document) -> list[EventMention]:
    doc.events = EventExtractor().extract(doc)
    return doc.events


def only(doc: Document) -> EventMention:
    evs = events_of(doc)
    assert len(evs) == 1, [(e.type, e.trigger, e.status) for e in evs]
    return evs[0]


# -- extraction ------------------------------------------------------------------------------


def test_planned_meeting_has_actors_place_and_date():
    doc = make_doc(
        "Trump und Putin werden sich am Freitag in Alaska treffen.",
        names={"Trump": "PER", "Putin": "PER", "Alaska": "LOC"},
        timexes={"am Freitag": "2025-08-15"},
    )
    ev = only(doc)
    assert ev.type == "meeting"
    assert ev.status == "planned"
    assert ev.date == "2025-08-15"
    assert ev.location == "e:alaska"
    assert set(ev.actors) == {"e:trump", "e:putin"}
    assert ev.text == doc.text  # the evidence sentence


def test_past_meeting_in_english_occurred():
    doc = make_doc(
        "Witkoff met Putin in Moscow on Wednesday.",
        lang="en",
        published="2025-08-07",
        names={"Witkoff": "PER", "Putin": "PER", "Moscow": "LOC"},
        timexes={"on Wednesday": "2025-08-06"},
    )
    ev = only(doc)
    assert (ev.type, ev.status, ev.date, ev.location) == ("meeting", "occurred", "2025-08-06", "e:moscow")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Ein Treffen zwischen Selenskyj und Putin hat es bisher nicht gegeben.", "de"),
        ("Der Kreml dementierte, dass sich Selenskyj und Putin getroffen hätten.", "de"),
        ("The Kremlin denied that Zelensky and Putin had met.", "en"),
        ("There was no meeting between Zelensky and Putin, officials said.", "en"),
    ],
)
def test_negated_and_denied_events_are_not_reported_as_happened(text, lang):
    doc = make_doc(text, lang=lang, names={"Selenskyj": "PER", "Zelensky": "PER", "Putin": "PER", "Kreml": "ORG", "Kremlin": "ORG"})
    evs = [e for e in events_of(doc) if e.type == "meeting"]
    assert evs, "the meeting mention should still be found"
    assert all(e.status == "denied" for e in evs)


def test_threat_word_makes_the_measure_threatened():
    doc = make_doc("Trump droht Indien mit zusätzlichen Zöllen.", names={"Trump": "PER", "Indien": "LOC"})
    ev = only(doc)
    assert (ev.type, ev.status) == ("tariff", "threatened")
    assert ev.actors[0] == "e:trump"
    assert "e:indien" in ev.actors + ev.targets


def test_drones_are_not_threats():
    doc = make_doc("Russland griff Kiew mit Drohnen an.", names={"Russland": "LOC", "Kiew": "LOC"})
    ev = only(doc)
    assert (ev.type, ev.status) == ("attack", "occurred")


@pytest.mark.parametrize(
    "text,lang,status",
    [
        ("Selenskyj ist offen für ein Treffen mit Putin.", "de", "proposed"),
        ("Zelensky offered to meet Putin.", "en", "proposed"),
        ("Ein Treffen von Selenskyj und Putin könnte bald stattfinden.", "de", "uncertain"),
        ("Zelensky and Putin could meet soon.", "en", "uncertain"),
        ("Selenskyj und Putin sollen sich bereits im Juli heimlich getroffen haben.", "de", "uncertain"),
        ("Das Treffen von Selenskyj und Putin soll in Istanbul stattfinden.", "de", "planned"),
        ("Zelensky is expected to meet Putin in Istanbul.", "en", "planned"),
        ("Zelensky said he would meet Putin.", "en", "planned"),
        ("Putin schloss ein Treffen mit Selenskyj nicht aus.", "de", "uncertain"),
    ],
)
def test_status_from_modality(text, lang, status):
    doc = make_doc(text, lang=lang, names={"Selenskyj": "PER", "Zelensky": "PER", "Putin": "PER", "Istanbul": "LOC"})
    ev = only(doc)
    assert ev.type == "meeting"
    assert ev.status == status


def test_reporting_speaker_is_not_a_participant():
    doc = make_doc("Peskow sagte, Putin werde Trump am Freitag treffen.",
                   names={"Peskow": "PER", "Putin": "PER", "Trump": "PER"}, timexes={"am Freitag": "2025-08-15"})
    ev = only(doc)
    assert ev.type == "meeting" and ev.status == "planned"
    assert "e:peskow" not in ev.actors + ev.targets
    assert {"e:putin", "e:trump"} <= set(ev.actors + ev.targets)


def test_pronoun_subject_borrows_the_speaker():
    doc = make_doc("Trump sagte, er werde Putin treffen.", names={"Trump": "PER", "Putin": "PER"})
    ev = only(doc)
    assert {"e:trump", "e:putin"} <= set(ev.actors + ev.targets)


def test_statement_only_when_nothing_else_is_reported():
    crit = only(make_doc("Merz kritisierte die Angriffe scharf.", names={"Merz": "PER"}))
    assert crit.type == "statement" and crit.actors == ["e:merz"]
    reported = only(make_doc("Merz sagte, Russland habe Kiew angegriffen.",
                             names={"Merz": "PER", "Russland": "LOC", "Kiew": "LOC"}))
    assert reported.type == "attack"


def test_statement_without_named_speaker_is_dropped():
    doc = make_doc("Analysts said the move was largely symbolic.", lang="en")
    assert events_of(doc) == []


def test_unrelated_sentence_has_no_event():
    doc = make_doc("Das Wetter in Berlin bleibt bis zum Wochenende sommerlich warm.", names={"Berlin": "LOC"})
    assert events_of(doc) == []


def test_implied_dates_without_time_expression():
    held = only(make_doc("Die USA haben neue Sanktionen gegen Russland verhängt.",
                         published="2025-08-06", names={"USA": "LOC", "Russland": "LOC"}))
    assert (held.status, held.date) == ("occurred", "2025-08-06")
    ahead = only(make_doc("Die EU will neue Sanktionen gegen Russland verhängen.", names={"EU": "ORG", "Russland": "LOC"}))
    assert ahead.date == "FUTURE_REF" and ahead.status != "occurred"


def test_two_events_with_different_status_in_one_sentence():
    doc = make_doc(
        "After a phone call with Trump, Zelensky said he would travel to Washington next week.",
        lang="en",
        published="2025-08-06",
        names={"Trump": "PER", "Zelensky": "PER", "Washington": "LOC"},
        timexes={"next week": "2025-W33"},
    )
    by_type = {e.type: e for e in events_of(doc)}
    assert set(by_type) == {"phone_call", "visit"}
    assert by_type["phone_call"].status == "occurred"
    assert by_type["visit"].status == "planned" and by_type["visit"].date == "2025-W33"


@pytest.mark.parametrize(
    "text,lang,etype",
    [
        ("Der NATO-Gipfel beginnt am Dienstag.", "de", "summit"),
        ("Wadephul telefonierte mit Sybiha.", "de", "phone_call"),
        ("Merz besuchte Kiew.", "de", "visit"),
        ("Die Verhandlungen in Genf wurden fortgesetzt.", "de", "negotiation"),
        ("Israel und die Hamas einigten sich auf eine Waffenruhe.", "de", "agreement"),
        ("Der Iran drohte mit Vergeltung.", "de", "threat"),
        ("Die EU verhängte Sanktionen gegen Belarus.", "de", "sanction"),
        ("Die Frist läuft am Freitag ab.", "de", "deadline"),
        ("Deutschland liefert der Ukraine weitere Patriot-Systeme.", "de", "aid_or_arms_supply"),
        ("Der Bundestag hat einen neuen Präsidenten gewählt.", "de", "election_or_appointment"),
        ("Tausende protestierten in Belgrad gegen die Regierung.", "de", "protest"),
        ("Washington imposed tariffs on Chinese steel.", "en", "tariff"),
        ("Israel struck targets in Tehran overnight.", "en", "attack"),
        ("The two leaders held talks in Geneva.", "en", "negotiation"),
    ],
)
def test_event_types(text, lang, etype):
    doc = make_doc(text, lang=lang)
    assert [e.type for e in events_of(doc)] == [etype]


def test_works_without_upstream_annotations():
    doc = Document(text="Trump und Putin trafen sich am Freitag in Alaska. Danach reiste Putin ab.",
                   language="de", published="2025-08-16")
    evs = EventExtractor().extract(doc)  # no sentences, mentions or timexes
    assert evs and evs[0].type == "meeting" and evs[0].status == "occurred"
    assert evs[0].date == "2025-08-16"  # the publication day stands in


def test_stage_is_registered_and_pipeline_consistent():
    from lagebild.pipeline import REGISTRY, _ensure_builtins

    _ensure_builtins()
    meta = REGISTRY["events"]
    assert meta.assigns == ("events",)
    assert "mentions" in meta.requires and "timexes" in meta.requires


# -- who takes part: sources, places, titles, clauses --------------------------------------------


def parts(ev: EventMention) -> set[str]:
    return set(ev.actors) | set(ev.targets)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Beide Seiten haben sich nach Angaben des Kremls auf weitere Gespräche verständigt.", "de"),
        ("Die Gespräche sollen dem Kreml zufolge in der kommenden Woche fortgesetzt werden.", "de"),
        ("Wie der Kreml mitteilte, sollen die Gespräche in der kommenden Woche fortgesetzt werden.", "de"),
        ("The talks will continue next week, according to the Kremlin.", "en"),
    ],
)
def test_a_source_of_information_is_not_an_actor(text, lang):
    ev = only(make_doc(text, lang=lang, names={"Kreml": "ORG", "Kremlin": "ORG"}))
    assert ev.type == "negotiation"
    assert parts(ev) == set()


def test_source_marker_does_not_swallow_the_participants():
    # "Laut Kreml" names the source; Putin and Trump after the verb still take part
    ev = only(make_doc("Laut Kreml telefonierten Putin und Trump am Dienstag.",
                       names={"Kreml": "ORG", "Putin": "PER", "Trump": "PER"}))
    assert ev.type == "phone_call" and parts(ev) == {"e:putin", "e:trump"}
    en = only(make_doc("According to the Kremlin, Putin and Trump spoke by phone on Tuesday.", lang="en",
                       names={"Kremlin": "ORG", "Putin": "PER", "Trump": "PER"}))
    assert parts(en) == {"e:putin", "e:trump"}
    # a source phrase ends at its verb: "Laut Bericht griff Russland ..." - Russia acts
    verb = only(make_doc("Laut Bericht griff Russland in der Nacht Kiew an.", names={"Russland": "LOC", "Kiew": "LOC"}))
    assert verb.actors == ["e:russland"] and verb.targets == ["e:kiew"]


def test_trailing_reporting_clause_lends_its_name_only_to_a_pronoun():
    reported = only(make_doc("Die Gespräche sollen in der kommenden Woche fortgesetzt werden, teilte der Kreml mit.",
                             names={"Kreml": "ORG"}))
    assert parts(reported) == set()
    own = only(make_doc("Er werde Putin in der kommenden Woche treffen, sagte Trump.",
                        names={"Putin": "PER", "Trump": "PER"}))
    assert parts(own) == {"e:trump", "e:putin"}
    # "he" cannot point to an institution that reports
    other = only(make_doc("He will travel to Kyiv next week, the White House said.", lang="en",
                          names={"Kyiv": "LOC", "White House": "ORG"}))
    assert other.type == "visit" and "e:white house" not in parts(other)


def test_place_after_locative_preposition_is_the_location_not_an_actor():
    ev = only(make_doc("In Kiew trafen sich Merz und Selenskyj.", names={"Kiew": "LOC", "Merz": "PER", "Selenskyj": "PER"}))
    assert ev.location == "e:kiew" and parts(ev) == {"e:merz", "e:selenskyj"}
    # metonymy: the country acts, the capital in argument position is the target
    att = only(make_doc("Russland griff in der Nacht Kiew mit Drohnen an.", names={"Russland": "LOC", "Kiew": "LOC"}))
    assert att.actors == ["e:russland"] and att.targets == ["e:kiew"] and att.location is None


def test_places_listed_together_are_all_places():
    ev = only(make_doc("Israel hat in der Nacht Ziele in Teheran und Isfahan bombardiert.",
                       names={"Israel": "LOC", "Teheran": "LOC", "Isfahan": "LOC"}))
    assert ev.actors == ["e:israel"] and ev.targets == []
    assert ev.location == "e:teheran"  # the head of the list


def test_unlinked_place_name_is_where_not_who():
    doc = make_doc("Russische Truppen griffen Pokrowsk erneut an.", names={"Pokrowsk": "LOC"})
    doc.mentions[0].entity = "loc:pokrowsk"  # no knowledge-base entry: a town, not a state
    ev = only(doc)
    assert parts(ev) == set() and ev.location == "loc:pokrowsk"


def test_government_named_by_its_seat_acts():
    ev = only(make_doc("Die Regierungen in Chisinau und Moskau tauschten scharfe Vorwürfe aus.",
                       names={"Chisinau": "LOC", "Moskau": "LOC"}))
    assert parts(ev) == {"e:chisinau", "e:moskau"} and ev.location is None


def test_possessor_is_not_a_place():
    ev = only(make_doc("NATO allies held consultations at Poland's request.", lang="en",
                       names={"NATO": "ORG", "Poland": "LOC"}))
    assert parts(ev) == {"e:nato", "e:poland"} and ev.location is None


def test_recipient_of_aid_is_a_target_not_a_destination():
    ev = only(make_doc("Germany will deliver more air defence systems to Ukraine.", lang="en",
                       names={"Germany": "LOC", "Ukraine": "LOC"}))
    assert ev.type == "aid_or_arms_supply"
    assert ev.actors == ["e:germany"] and ev.targets == ["e:ukraine"] and ev.location is None
    trip = only(make_doc("Merz will travel to Ukraine next week.", lang="en", names={"Merz": "PER", "Ukraine": "LOC"}))
    assert trip.type == "visit" and trip.location == "e:ukraine"


def test_title_qualifiers_are_not_actors():
    ev = only(make_doc("Trade Commissioner Maros Sefcovic will travel to Beijing next week.", lang="en",
                       names={"Trade": "ORG", "Maros Sefcovic": "PER", "Beijing": "LOC"}))
    assert parts(ev) == {"e:maros sefcovic"} and ev.location == "e:beijing"
    chain = only(make_doc("US Secretary of State Marco Rubio met Sergei Lavrov in Riyadh.", lang="en",
                          names={"US": "LOC", "State": "ORG", "Marco Rubio": "PER", "Sergei Lavrov": "PER", "Riyadh": "LOC"}))
    assert parts(chain) == {"e:marco rubio", "e:sergei lavrov"}


def test_nested_mention_is_part_of_the_longer_one():
    doc = make_doc("Britain's foreign secretary called her Turkish counterpart on Saturday.", lang="en",
                   names={"Britain's foreign secretary": "PER"})
    doc.mentions.append(Mention(0, 7, "Britain", "LOC", entity="e:britain"))
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    ev = only(doc)
    assert parts(ev) == {"e:britain's foreign secretary"}


def test_participants_of_a_complement_clause():
    ev = only(make_doc("Trump told reporters that a meeting between Putin and Zelensky could happen soon.", lang="en",
                       names={"Trump": "PER", "Putin": "PER", "Zelensky": "PER"}))
    assert ev.type == "meeting" and ev.status == "uncertain"
    assert parts(ev) == {"e:putin", "e:zelensky"}
    cond = only(make_doc("China warned that it would respond if Washington raised tariffs.", lang="en",
                         names={"China": "LOC", "Washington": "LOC"}))
    assert cond.type == "tariff" and parts(cond) == {"e:washington"}
    # a pronoun subject points back to the speaker
    own = only(make_doc("Trump said that he would meet Putin in Alaska.", lang="en",
                        names={"Trump": "PER", "Putin": "PER", "Alaska": "LOC"}))
    assert parts(own) == {"e:trump", "e:putin"}


def test_german_word_order_decides_who_acts():
    final = only(make_doc("Russland habe in der Nacht Kiew angegriffen, teilte das Militär mit.",
                          names={"Russland": "LOC", "Kiew": "LOC"}))
    assert final.actors == ["e:russland"] and final.targets == ["e:kiew"]
    inverted = only(make_doc("Am Montag griff Russland Kiew erneut an.", names={"Russland": "LOC", "Kiew": "LOC"}))
    assert inverted.actors == ["e:russland"] and inverted.targets == ["e:kiew"]


def test_infinitive_clause_takes_the_main_clause_subject():
    ev = only(make_doc("Merz bestritt, Putin getroffen zu haben.", names={"Merz": "PER", "Putin": "PER"}))
    assert ev.type == "meeting" and ev.status == "denied"
    assert parts(ev) == {"e:merz", "e:putin"}


def test_place_of_a_reporting_clause_is_not_the_event_location():
    ev = only(make_doc("India and Pakistan agreed to a ceasefire, the foreign ministry in New Delhi said.", lang="en",
                       names={"India": "LOC", "Pakistan": "LOC", "New Delhi": "LOC"}))
    assert ev.location is None and parts(ev) == {"e:india", "e:pakistan"}


def test_dateline_is_not_an_actor():
    ev = only(make_doc("WASHINGTON/MOSCOW — Trump and Putin spoke by phone on Wednesday.", lang="en",
                       names={"WASHINGTON": "LOC", "MOSCOW": "LOC", "Trump": "PER", "Putin": "PER"},
                       timexes={"on Wednesday": "2025-02-12"}))
    assert parts(ev) == {"e:trump", "e:putin"}
    de = only(make_doc("Berlin (dpa) - Die Verhandlungen sollen am Montag beginnen.", names={"Berlin": "LOC"}))
    assert parts(de) == set()


def test_borrowed_date_must_fit_the_status():
    # the planned talks are not in January: that date belongs to another clause, about the past
    ev = [e for e in events_of(make_doc(
        "Trump said both sides had agreed to begin negotiations, the first such step since he returned to office in January.",
        lang="en", published="2025-02-13", names={"Trump": "PER"}, timexes={"in January": "2025-01"}))
        if e.type == "negotiation"]
    assert ev and ev[0].status == "planned" and ev[0].date == "FUTURE_REF"


# -- topics are not events ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Minister sprachen über Sanktionen gegen Russland.", "de"),
        ("Sanktionen bleiben ein zentraler Streitpunkt zwischen Brüssel und Budapest.", "de"),
        ("Die Folgen der Zölle für die deutsche Industrie sind noch nicht absehbar.", "de"),
        ("Sanctions are a central issue for the Kremlin.", "en"),
        ("The impact of the tariffs on German carmakers is still unclear.", "en"),
    ],
)
def test_topic_nouns_are_not_events(text, lang):
    assert events_of(make_doc(text, lang=lang, names={"Russland": "LOC", "Kremlin": "ORG"})) == []


def test_topic_of_talks_and_measures_reported_as_happening():
    talks = events_of(make_doc("The talks in Kyiv focused on sanctions.", lang="en", names={"Kyiv": "LOC"}))
    assert [e.type for e in talks] == ["negotiation"]
    imposed = only(make_doc("Die EU verhängte neue Sanktionen gegen Russland.", names={"EU": "ORG", "Russland": "LOC"}))
    assert imposed.type == "sanction" and imposed.status == "occurred"
    # a cause named in passing is referred to, not reported
    cause = events_of(make_doc("China imposed export controls in response to US tariffs.", lang="en",
                               names={"China": "LOC", "US": "LOC"}))
    assert [e.type for e in cause] == ["sanction"]


def test_agreeing_on_a_measure_is_the_measure():
    ev = only(make_doc("The European Union agreed a new sanctions package against Russia.", lang="en",
                       names={"European Union": "ORG", "Russia": "LOC"}))
    assert ev.type == "sanction" and ev.actors == ["e:european union"] and ev.targets == ["e:russia"]


# -- status: negation, denial, Konjunktiv ------------------------------------------------------


def test_a_rejected_threat_was_still_made():
    de = only(make_doc("Indien wies die Zolldrohungen aus Washington als ungerechtfertigt zurück.",
                       names={"Indien": "LOC", "Washington": "LOC"}))
    assert (de.type, de.status) == ("tariff", "threatened")
    en = only(make_doc("India rejected the tariff threats from Washington.", lang="en",
                       names={"India": "LOC", "Washington": "LOC"}))
    assert (en.type, en.status) == ("tariff", "threatened")
    # a rejected offer is off
    offer = only(make_doc("Moskau lehnte ein Treffen mit Selenskyj ab.", names={"Moskau": "LOC", "Selenskyj": "PER"}))
    assert (offer.type, offer.status) == ("meeting", "denied")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Slowakei und Ungarn blockieren bislang die neuen Sanktionen.", "de"),
        ("Hungary vetoed the new sanctions package.", "en"),
    ],
)
def test_blocked_measures_are_denied(text, lang):
    ev = only(make_doc(text, lang=lang, names={"Slowakei": "LOC", "Ungarn": "LOC", "Hungary": "LOC"}))
    assert (ev.type, ev.status) == ("sanction", "denied")


def test_konjunktiv_two_is_uncertain_konjunktiv_one_reports():
    hypo = only(make_doc("Ein Treffen mit Putin käme für Selenskyj nur unter Bedingungen in Frage.",
                         names={"Putin": "PER", "Selenskyj": "PER"}))
    assert hypo.status == "uncertain" and hypo.date == "FUTURE_REF"
    told = only(make_doc("Putin habe Trump in Alaska getroffen, berichtete die Zeitung.",
                         names={"Putin": "PER", "Trump": "PER", "Alaska": "LOC"}))
    assert told.status == "occurred"


def test_negated_decision_about_an_event_leaves_it_open():
    open_ = only(make_doc("Trump has not yet decided whether to impose the tariffs.", lang="en", names={"Trump": "PER"}))
    assert (open_.status, open_.date) == ("uncertain", "FUTURE_REF")
    ob = only(make_doc("Die EU hat noch nicht entschieden, ob sie neue Sanktionen verhängt.", names={"EU": "ORG"}))
    assert ob.status == "uncertain"
    not_done = only(make_doc("Trump did not impose the tariffs.", lang="en", names={"Trump": "PER"}))
    assert not_done.status == "denied"


def test_day_something_is_set_for_lies_ahead():
    # published on a Wednesday; "für Dienstag" is next Tuesday even in a perfect-tense sentence
    ev = only(make_doc("Die Gewerkschaft Verdi hat für Dienstag zu Warnstreiks aufgerufen.", published="2026-02-25",
                       names={"Verdi": "ORG"}, timexes={"Dienstag": "2026-02-24"}))
    assert ev.date == "2026-03-03"


@pytest.mark.parametrize(
    "text,lang,etype",
    [
        ("Das Weiße Haus kündigte an, dass Trump nächste Woche nach Peking reisen werde.", "de", "visit"),
        ("Kyiv and Moscow exchanged prisoners on Saturday.", "en", "other"),
        ("The Kremlin denied that Putin had spoken with Trump.", "en", "meeting"),
    ],
)
def test_more_trigger_forms(text, lang, etype):
    assert etype in [e.type for e in events_of(make_doc(text, lang=lang))]


# -- timeline ---------------------------------------------------------------------------------


def _story_docs() -> list[Document]:
    names = {"Trump": "PER", "Putin": "PER", "Anchorage": "LOC", "Alaska": "LOC", "Kiew": "LOC", "Russland": "LOC"}
    a = make_doc("Trump und Putin werden sich nächste Woche zu einem Gipfel treffen.", published="2025-08-06",
                 names=names, timexes={"nächste Woche": "2025-W33"}, doc_id="a", source="spiegel.de")
    b = make_doc("Trump und Putin haben sich am Freitag in Anchorage getroffen. Das Treffen dauerte drei Stunden.",
                 published="2025-08-18", names=names, timexes={"am Freitag": "2025-08-15"}, doc_id="b", source="zeit.de")
    c = make_doc("Trump und Putin haben sich am Freitag in Anchorage getroffen. Das Treffen dauerte drei Stunden.",
                 published="2025-08-18", names=names, timexes={"am Freitag": "2025-08-15"}, doc_id="c", source="stern.de")
    d = make_doc("Russland hat Kiew am Dienstag angegriffen.", published="2025-08-06", names=names,
                 timexes={"am Dienstag": "2025-08-05"}, doc_id="d", source="taz.de")
    for doc in (a, b, c, d):
        events_of(doc)
    return [a, b, c, d]


def test_planned_and_held_meeting_merge_with_history():
    docs = _story_docs()
    events = merge_events(docs, duplicate_of={"c": "b"})
    summit = [e for e in events if "e:putin" in e.actors]
    assert len(summit) == 1
    ev = summit[0]
    assert ev.status == "occurred"
    assert ev.date == "2025-08-15"
    assert ev.type == "summit"  # the more specific of meeting/summit
    assert [h.status for h in ev.history][0] == "planned"
    assert {"a", "b", "c"} <= set(ev.documents)
    # the copy in stern.de is a near-duplicate of zeit.de: one source, not two
    assert sorted(ev.sources) == ["spiegel.de", "zeit.de"]
    assert all(m.event == ev.id for _, m in ev.mentions)
    ref = ev.mentions[0]  # a (doc id, mention) pair that also reads like the mention
    assert ref.doc == "a" and (ref.start, ref.status) == (ref.mention.start, "planned")
    assert ev.label.startswith("summit: ") and "Putin" in ev.label


def test_unrelated_events_stay_apart():
    names = {"Trump": "PER", "Putin": "PER"}
    jan = make_doc("Trump und Putin trafen sich am Montag.", published="2025-01-15", names=names,
                   timexes={"am Montag": "2025-01-13"}, doc_id="jan")
    aug = make_doc("Trump und Putin trafen sich am Freitag.", published="2025-08-18", names=names,
                   timexes={"am Freitag": "2025-08-15"}, doc_id="aug")
    call = make_doc("Trump telefonierte am Freitag mit Putin.", published="2025-08-18", names=names,
                    timexes={"am Freitag": "2025-08-15"}, doc_id="call")
    for doc in (jan, aug, call):
        events_of(doc)
    events = merge_events([jan, aug, call])
    assert len(events) == 3
    assert [e.date for e in events] == sorted(e.date for e in events)  # date order


def test_event_ids_are_deterministic():
    first = [e.id for e in merge_events(_story_docs())]
    again = [e.id for e in merge_events(list(reversed(_story_docs())))]
    assert first == again


def test_export_shape_matches_the_contract():
    ev = merge_events(_story_docs())[0]
    out = ev.to_export()
    assert list(out) == ["id", "type", "actors", "location", "date", "status", "documents", "sources", "mentions"]
    assert set(out["mentions"][0]) == {"doc", "start", "end", "text"}
    json.dumps(out)


def test_formats():
    events = merge_events(_story_docs(), duplicate_of={"c": "b"})
    text = format_timeline(events, "text")
    assert "occurred" in text and "planned (2025-08-06) -> occurred" in text
    assert "Trump und Putin haben sich am Freitag in Anchorage getroffen." in text
    rows = list(csv.DictReader(io.StringIO(format_timeline(events, "csv"))))
    assert len(rows) == len(events) and rows[0]["date"] <= rows[-1]["date"]
    assert "| date |" in format_timeline(events, "md")
    data = json.loads(format_timeline(events, "json"))
    assert data[0]["history"] and "actor_names" in data[0]
    plover = json.loads(format_timeline(events, "plover"))
    assert {r["event"] for r in plover} <= {"CONSULT", "ASSAULT", "AGREE"}
    attack = next(r for r in plover if r["event"] == "ASSAULT")
    assert attack["source"][0]["actorText"] == "Russland" and attack["date"] == "2025-08-05"
    with pytest.raises(ValueError):
        format_timeline(events, "xml")


def test_filter_events():
    events = merge_events(_story_docs(), duplicate_of={"c": "b"})
    assert all("e:putin" in e.actors for e in filter_events(events, "putin"))
    assert [e.type for e in filter_events(events, "kiew")] == ["attack"]
    assert all(e.status == "occurred" for e in filter_events(events, status="occurred"))
    window = filter_events(events, date_from="2025-08-10", date_to="2025-08-20")
    assert window and all(e.date == "2025-08-15" for e in window)
    assert filter_events(events, status=["denied"]) == []


def test_canonical_event_is_a_dataclass_with_names():
    ev = merge_events(_story_docs())[0]
    assert isinstance(ev, CanonicalEvent)
    assert all(ev.name(a) and not ev.name(a).startswith("e:") for a in ev.actors)


# -- end to end ---------------------------------------------------------------------------------


def _full_pipeline_available() -> bool:
    from lagebild.pipeline import REGISTRY, _ensure_builtins

    _ensure_builtins()
    return all(n in REGISTRY for n in ("segment", "entities", "time", "events"))


@pytest.mark.skipif(not _full_pipeline_available(), reason="upstream stages (entities, time) not installed")
def test_end_to_end_with_analyze():
    import lagebild

    doc = lagebild.analyze(
        "Trump und Putin wollen sich am Freitag in Alaska treffen. Ein Treffen mit Selenskyj hat es bisher nicht gegeben.",
        published="2025-08-11",
        language="de",
    )
    by_status = {e.status: e for e in doc.events}
    assert by_status["planned"].type == "meeting"
    assert by_status["planned"].date == "2025-08-15"
    assert "denied" in by_status


# -- protests and disasters ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Die Lokführer der Bahn streikten am Montag bundesweit.", "de", ["protest"]),
        ("In Leipzig demonstrierten am Samstag Tausende für die Demokratie.", "de", ["protest"]),
        ("Bauern blockierten am Dienstag mit Traktoren mehrere Autobahnzufahrten.", "de", ["protest"]),
        ("Bei einem Erdbeben in der Provinz Hatay stürzten mehrere Häuser ein.", "de", ["disaster"]),
        ("In einer Lagerhalle am Hafen ist in der Nacht ein Großbrand ausgebrochen.", "de", ["disaster"]),
        ("Soldaten eröffneten am Abend das Feuer auf ein Fischerboot.", "de", ["attack"]),
        ("Die Kurse an der Börse stürzten am Montag ab.", "de", []),
        ("Cabin crew at the airline went on strike on Friday.", "en", ["protest"]),
        ("Dock workers walked out at three ports on Tuesday.", "en", ["protest"]),
        ("Supporters of the opposition held a rally in the capital on Sunday.", "en", ["protest"]),
        ("The army launched strikes on rebel positions overnight.", "en", ["attack"]),
        ("A drone strike hit a fuel depot near the border.", "en", ["attack"]),
        ("Stocks rallied on Wall Street after the central bank cut interest rates.", "en", []),
        ("Gunmen opened fire on a bus in the north of the country.", "en", ["attack"]),
        ("Global markets crashed on Monday after the bank collapsed.", "en", []),
        ("A passenger plane crashed shortly after take-off on Wednesday.", "en", ["disaster"]),
        ("Flash floods swept through several villages on Saturday.", "en", ["disaster"]),
        ("A fire broke out at a chemical plant on Sunday night.", "en", ["disaster"]),
        ("A nationwide strike paralysed the country on Monday.", "en", ["protest"]),
        ("The president blasts the central bank over interest rates.", "en", []),
        ("Labour won the election by a landslide.", "en", ["election_or_appointment"]),
        ("A landslide buried several homes in the mountain village.", "en", ["disaster"]),
        ("The parliament voted to impose new sanctions on the regime.", "en", ["sanction"]),
    ],
)
def test_protest_and_disaster_types_and_their_hard_negatives(text, lang, expected):
    assert [e.type for e in events_of(make_doc(text, lang=lang))] == expected


def test_what_a_protest_is_against_is_no_event_and_the_place_is_kept():
    doc = make_doc(
        "Tausende Landwirte protestierten am Donnerstag in Brüssel gegen das Mercosur-Abkommen.",
        names={"Brüssel": "LOC", "Mercosur": "ORG"},
        timexes={"am Donnerstag": "2025-08-07"},
    )
    ev = only(doc)
    assert (ev.type, ev.status, ev.location, ev.date) == ("protest", "occurred", "e:brüssel", "2025-08-07")


def test_protest_demands_are_its_message_not_a_proposal():
    doc = make_doc("Thousands marched through central London on Saturday to demand a ceasefire.",
                   lang="en", names={"London": "LOC"}, timexes={"on Saturday": "2025-08-09"})
    ev = only(doc)
    assert (ev.type, ev.status, ev.location) == ("protest", "occurred", "e:london")


def test_union_calling_strikes_is_the_protest_actor():
    doc = make_doc("Die Gewerkschaft Verdi hat für Dienstag zu Warnstreiks im öffentlichen Dienst aufgerufen.",
                   names={"Verdi": "ORG"}, timexes={"für Dienstag": "2025-08-12"})
    ev = only(doc)
    assert ev.type == "protest" and ev.actors == ["e:verdi"] and ev.status == "planned"


def test_calling_a_strike_announces_it_and_criticising_protests_is_a_statement():
    call = only(make_doc("Die Gewerkschaft Verdi rief zu Streiks im Nahverkehr auf.", names={"Verdi": "ORG"}))
    assert (call.type, call.status) == ("protest", "planned")
    reaction = only(make_doc("Die CDU kritisierte die Proteste gegen den Parteitag.", names={"CDU": "ORG"}))
    assert (reaction.type, reaction.actors) == ("statement", ["e:cdu"])


def test_people_protesting_are_no_event_when_something_else_happens_to_them():
    doc = make_doc("Police arrested dozens of demonstrators in Tbilisi on Sunday.", lang="en",
                   names={"Tbilisi": "LOC"})
    assert [e.type for e in events_of(doc)] == ["legal"]


def test_death_toll_belongs_to_the_disaster_and_fire_to_the_attack():
    quake = make_doc("A strong earthquake struck the east of the country on Monday, killing at least 12 people.", lang="en")
    assert [e.type for e in events_of(quake)] == ["disaster"]
    fire = make_doc("Nach einem Drohnenangriff brach in einer Raffinerie ein Brand aus.")
    assert [e.type for e in events_of(fire)] == ["attack"]


def test_a_country_named_with_a_disaster_is_its_place_not_an_actor():
    doc = make_doc("Ein Erdbeben hat am Sonntag im Osten der Türkei schwere Schäden angerichtet.",
                   names={"Türkei": "LOC"})
    ev = only(doc)
    assert ev.type == "disaster" and ev.actors == [] and ev.location == "e:türkei"


def test_plover_mapping_of_the_new_types():
    from lagebild.eventlex.types import EVENT_TYPES, to_plover, types_compatible

    assert {"protest", "disaster"} <= set(EVENT_TYPES) and EVENT_TYPES[-1] == "other"
    assert to_plover("protest", "occurred", "PROTEST:strike")[:2] == ("PROTEST", "strike")
    assert to_plover("protest", "occurred", "PROTEST:boycott")[:2] == ("PROTEST", "boycott")
    assert to_plover("protest", "threatened", "PROTEST:strike")[0] == "THREATEN"
    assert to_plover("disaster", "occurred") is None
    assert not types_compatible("protest", "attack") and not types_compatible("disaster", "attack")


def test_two_strikes_days_apart_are_two_events_on_the_timeline():
    a = make_doc("Die Piloten der Lufthansa streikten am Montag.", names={"Lufthansa": "ORG"},
                 timexes={"am Montag": "2025-08-04"}, doc_id="a")
    b = make_doc("Die Piloten der Lufthansa streikten am Freitag erneut.", names={"Lufthansa": "ORG"},
                 timexes={"am Freitag": "2025-08-08"}, doc_id="b")
    for d in (a, b):
        events_of(d)
    evs = [e for e in merge_events([a, b]) if e.type == "protest"]
    assert sorted(e.date for e in evs) == ["2025-08-04", "2025-08-08"]


# -- general fixes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Außenminister wollen sich am Freitag in Brüssel beraten.",
        "Der Kanzler wird Deutschland beim Treffen in Kairo vertreten.",
    ],
)
def test_german_infinitive_in_ten_is_not_past(text):
    ev = only(make_doc(text, names={"Brüssel": "LOC", "Kairo": "LOC", "Deutschland": "LOC"}))
    assert ev.status == "planned"


def test_german_past_in_ten_still_reports_a_done_event():
    ev = only(make_doc("Die Außenminister berieten am Montag in Brüssel.", names={"Brüssel": "LOC"}))
    assert ev.status == "occurred"


def test_mediators_are_people_not_a_negotiation():
    doc = make_doc("Mediators from Qatar arrived in Cairo on Monday.", lang="en",
                   names={"Qatar": "LOC", "Cairo": "LOC"})
    assert "negotiation" not in [e.type for e in events_of(doc)]
    assert [e.type for e in events_of(make_doc("Qatar mediated the talks.", lang="en"))] == ["negotiation"]


def test_summoning_an_ambassador_is_a_diplomatic_event():
    ev = only(make_doc("Dänemark hat den US-Botschafter einbestellt.", names={"Dänemark": "LOC"}))
    assert ev.type == "other" and ev.status == "occurred" and ev.actors == ["e:dänemark"]


def test_separable_travel_verb_with_a_long_middle_field():
    doc = make_doc("Wadephul reist am Montag mit einer großen Wirtschaftsdelegation nach Peking.",
                   names={"Wadephul": "PER", "Peking": "LOC"}, timexes={"am Montag": "2025-08-18"})
    ev = only(doc)
    assert ev.type == "visit" and ev.location == "e:peking" and ev.actors == ["e:wadephul"]


def test_a_source_of_information_makes_no_statement_event():
    from lagebild.model import Quote

    text = "Nach Angaben Südkoreas ist die Lage an der Grenze ruhig."
    doc = make_doc(text, names={"Südkoreas": "LOC"})
    doc.quotes = [Quote(23, len(text) - 1, text[23:-1], "indirect", "e:südkoreas", "Angaben Südkoreas", "Nach")]
    assert events_of(doc) == []
    said = "Die Lage an der Grenze sei ruhig, sagte Yoon."
    doc = make_doc(said, names={"Yoon": "PER"})
    doc.quotes = [Quote(0, 32, said[:32], "indirect", "e:yoon", "Yoon", "sagte")]
    assert [e.type for e in events_of(doc)] == ["statement"]


def test_an_ordinal_or_repetition_marks_a_further_instance_of_the_event():
    people = {"Putin": "PER", "Trump": "PER", "Moskau": "LOC", "Budapest": "LOC"}
    invited = only(make_doc("Putin lud Trump zu einem zweiten Treffen nach Moskau ein.", names=people))
    assert (invited.type, invited.status, invited.another) == ("meeting", "proposed", True)
    again = only(make_doc("Trump und Putin wollen sich erneut treffen.", names=people))
    assert again.type == "meeting" and again.another
    talks = only(make_doc("Witkoff and Dmitriev will hold another round of talks in Riyadh.", lang="en",
                          names={"Witkoff": "PER", "Dmitriev": "PER", "Riyadh": "LOC"}))
    assert talks.type == "negotiation" and talks.another
    # the first one, or a plain report, is not a further instance; "next week's" dates, it does not count
    assert not only(make_doc("Trump und Putin trafen sich in Budapest.", names=people)).another
    assert not only(make_doc("Es war das erste Treffen von Trump und Putin seit Jahren.", names=people)).another
    ahead = events_of(make_doc("Macron and Merz met in Paris ahead of next week's summit.", lang="en",
                               names={"Macron": "PER", "Merz": "PER", "Paris": "LOC"}))
    assert ahead and not any(e.another for e in ahead)


@pytest.mark.parametrize("text,lang", [
    ("Die Gewerkschaft und die Bahn sprachen am Montag über die Streiks.", "de"),
    ("Die Folgen des Streiks bei der Lufthansa sind noch unklar.", "de"),
    ("Merz and Macron discussed the strikes by rail workers.", "en"),
    ("The impact of the protests on the election remains unclear.", "en"),
])
def test_protests_talked_about_are_no_protest_event(text, lang):
    names = {"Lufthansa": "ORG", "Merz": "PER", "Macron": "PER"}
    assert "protest" not in [e.type for e in events_of(make_doc(text, lang=lang, names=names))]


def test_a_protest_reported_as_happening_is_still_one():
    ev = only(make_doc("Der Streik bei der Lufthansa legte am Montag den Flugverkehr lahm.", names={"Lufthansa": "ORG"}))
    assert (ev.type, ev.status) == ("protest", "occurred")


@pytest.mark.parametrize("text,lang,names", [
    ("Im Streit um Grönland drohte Trump Dänemark mit Zöllen.", "de",
     {"Trump": "PER", "Dänemark": "LOC", "Grönland": "LOC"}),
    ("In the dispute over Greenland, Trump threatened Denmark with tariffs.", "en",
     {"Trump": "PER", "Denmark": "LOC", "Greenland": "LOC"}),
])
def test_what_a_dispute_is_about_is_no_actor_and_no_place(text, lang, names):
    ev = only(make_doc(text, lang=lang, names=names))
    assert (ev.type, ev.status) == ("tariff", "threatened")
    disputed = "e:" + ("grönland" if lang == "de" else "greenland")
    party = "e:" + ("dänemark" if lang == "de" else "denmark")
    assert disputed not in ev.actors + ev.targets and ev.location != disputed
    assert "e:trump" in ev.actors and party in ev.actors + ev.targets


@pytest.mark.parametrize("text,lang,source", [
    ("Laut Außenminister Lawrow griff die Ukraine in der Nacht Belgorod an.", "de", "Lawrow"),
    ("Laut Kreml-Berater Uschakow griff die Ukraine in der Nacht Belgorod an.", "de", "Uschakow"),
    ("According to Foreign Minister Lavrov, Ukraine attacked Belgorod overnight.", "en", "Lavrov"),
])
def test_a_titled_source_of_information_takes_no_part(text, lang, source):
    names = {source: "PER", "Kreml": "ORG", "Ukraine": "LOC", "Belgorod": "LOC"}
    ev = only(make_doc(text, lang=lang, names=names))
    assert ev.type == "attack" and ev.actors == ["e:ukraine"]
    assert "e:" + source.lower() not in ev.actors + ev.targets


# -- legal events and cyberattacks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        # rulings and verdicts
        ("Das Landgericht Essen verurteilte den Angeklagten zu vier Jahren Haft.", "de", ["legal"]),
        ("Der Bundesgerichtshof hat am Dienstag sein Urteil verkündet.", "de", ["legal"]),
        ("Das Gericht sprach die Managerin am Freitag frei.", "de", ["legal"]),
        ("Das Verwaltungsgericht urteilte, das Verbot sei rechtswidrig.", "de", ["legal"]),
        ("The Supreme Court ruled on Monday that the law was unconstitutional.", "en", ["legal"]),
        ("A jury found the former senator guilty of bribery.", "en", ["legal"]),
        ("The former banker was acquitted of all charges on Friday.", "en", ["legal"]),
        # charges and investigations
        ("Die Staatsanwaltschaft hat Anklage gegen den Konzernchef erhoben.", "de", ["legal"]),
        ("Die Staatsanwaltschaft hat Ermittlungen gegen den Autobauer eingeleitet.", "de", ["legal"]),
        ("Prosecutors charged the company's founder with fraud.", "en", ["legal"]),
        ("A grand jury indicted the former mayor on Thursday.", "en", ["legal"]),
        ("Regulators launched an investigation into the bank on Monday.", "en", ["legal"]),
        # arrests and raids
        ("Die Polizei hat am Sonntag drei Verdächtige festgenommen.", "de", ["legal"]),
        ("Ermittler durchsuchten am Mittwoch die Büros des Konzerns.", "de", ["legal"]),
        ("Police arrested two men at the airport on Saturday.", "en", ["legal"]),
        ("Police raided the offices of the bank on Wednesday.", "en", ["legal"]),
        # cyberattacks
        ("Ein Cyberangriff hat die Stadtverwaltung lahmgelegt.", "de", ["attack"]),
        ("Hacker haben die Server der Universität angegriffen.", "de", ["attack"]),
        ("A ransomware attack crippled the hospital's computer systems.", "en", ["attack"]),
        ("Hackers targeted the servers of the energy agency on Monday.", "en", ["attack"]),
        # hard negatives: opinion, condemnation, fees, batteries, medicine, rescue, "ruled out"
        ("Der Minister hat sich noch kein Urteil über die Lage gebildet.", "de", []),
        ("Sein Urteil über die Regierung fiel vernichtend aus.", "de", []),
        ("Rettungskräfte durchsuchten die Trümmer nach Überlebenden.", "de", []),
        ("The airline charged passengers a fee for cabin bags.", "en", []),
        ("The bus is fully charged within two hours.", "en", []),
        ("The player suffered a cardiac arrest during the match.", "en", []),
        ("In my judgement the plan will fail.", "en", []),
        ("Voters delivered a harsh verdict on the government's record.", "en", []),
        ("The chancellor ruled out tax increases.", "en", []),
    ],
)
def test_legal_and_cyber_triggers_and_their_hard_negatives(text, lang, expected):
    assert [e.type for e in events_of(make_doc(text, lang=lang))] == expected


def test_condemning_is_a_statement_and_sentencing_a_ruling():
    condemned = only(make_doc("Die Bundesregierung verurteilte den Angriff scharf.", names={"Bundesregierung": "ORG"}))
    assert condemned.type == "statement"
    sentenced = only(make_doc("Das Landgericht verurteilte den Manager zu drei Jahren Haft."))
    assert sentenced.type == "legal"


def test_legal_event_has_court_as_source_defendant_as_target_and_place():
    doc = make_doc(
        "Die Staatsanwaltschaft Köln hat am Montag in Leverkusen Anklage gegen Bayer erhoben.",
        names={"Staatsanwaltschaft Köln": "ORG", "Leverkusen": "LOC", "Bayer": "ORG"},
        timexes={"am Montag": "2025-08-04"},
    )
    ev = only(doc)
    assert (ev.type, ev.date, ev.location) == ("legal", "2025-08-04", "e:leverkusen")
    assert ev.actors == ["e:staatsanwaltschaft köln"] and ev.targets == ["e:bayer"]


def test_what_someone_is_arrested_for_is_no_event():
    doc = make_doc("Police arrested four men in Leeds on suspicion of planning an attack.", lang="en",
                   names={"Leeds": "LOC"})
    assert [e.type for e in events_of(doc)] == ["legal"]


def test_suspects_are_arrested_not_possibly_arrested():
    ev = only(make_doc("Die Polizei hat in Dresden zwei mutmaßliche Schleuser festgenommen.", names={"Dresden": "LOC"}))
    assert (ev.type, ev.status) == ("legal", "occurred")


def test_plover_codes_of_legal_events_and_cyberattacks():
    from lagebild.eventlex.triggers import find_triggers
    from lagebild.eventlex.types import EVENT_TYPES, to_plover

    assert "legal" in EVENT_TYPES and EVENT_TYPES[-1] == "other"
    assert EVENT_TYPES.index("disaster") < EVENT_TYPES.index("legal")

    def code(text: str, lang: str) -> str:
        return next(t.entry.plover for t in find_triggers(text, lang) if t.type in ("legal", "attack"))

    assert to_plover("legal", "occurred", code("Police arrested him.", "en"))[:2] == ("COERCE", "arrest")
    assert to_plover("legal", "occurred", code("Police raided the offices of the bank.", "en"))[:2] == ("COERCE", "seize")
    assert to_plover("legal", "occurred", code("Anklage wurde erhoben gegen ihn.", "de"))[:2] == ("ACCUSE", "investigate")
    # a ruling has no PLOVER event, nor has a legal word read without its context
    assert to_plover("legal", "occurred", code("The court ruled against him.", "en")) is None
    assert to_plover("legal", "occurred", "ASSAULT") is None
    assert to_plover("attack", "occurred", code("Ein Cyberangriff legte die Stadt lahm.", "de"))[:2] == ("ASSAULT", "cyber")
    assert to_plover("attack", "occurred", code("Russia attacked Kyiv.", "en"))[:2] == ("ASSAULT", "")


def test_two_rulings_about_one_company_days_apart_are_two_events_on_the_timeline():
    a = make_doc("Das Landgericht München verurteilte Wirecard am Montag zu einer Geldstrafe.",
                 names={"Wirecard": "ORG"}, timexes={"am Montag": "2025-08-04"}, doc_id="a")
    b = make_doc("Das Oberlandesgericht urteilte am Donnerstag erneut gegen Wirecard.",
                 names={"Wirecard": "ORG"}, timexes={"am Donnerstag": "2025-08-07"}, doc_id="b")
    for d in (a, b):
        events_of(d)
    evs = [e for e in merge_events([a, b]) if e.type == "legal"]
    assert sorted(e.date for e in evs) == ["2025-08-04", "2025-08-07"]


def test_a_prosecutor_named_by_its_town_acts_and_is_not_the_place():
    doc = make_doc("Die Staatsanwaltschaft Braunschweig hat Anklage gegen Volkswagen erhoben.",
                   names={"Braunschweig": "LOC", "Volkswagen": "ORG"})
    for m in doc.mentions:  # a town the knowledge base does not know: a place on its own
        if m.text == "Braunschweig":
            m.entity = "loc:braunschweig"
    ev = only(doc)
    assert ev.type == "legal" and ev.location is None
    assert ev.actors == ["loc:braunschweig"] and ev.targets == ["e:volkswagen"]


def test_a_place_naming_another_event_is_not_a_participant() -> None:
    from lagebild import analyze

    doc = analyze("Donald Trump and Vladimir Putin met for almost three hours in Budapest on Tuesday, "
                  "their first encounter since the Helsinki summit seven years ago.",
                  published="2025-08-13", language="en")
    meeting = next(e for e in doc.events if e.type == "meeting")
    helsinki = next(m.entity for m in doc.mentions if m.text == "Helsinki")
    budapest = next(m.entity for m in doc.mentions if m.text == "Budapest")
    assert helsinki not in meeting.actors + meeting.targets
    assert meeting.location == budapest


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("Both sides agreed to set up working groups on security guarantees.", "en", "aid_or_arms_supply"),
        ("Beide Seiten vereinbarten Arbeitsgruppen zu Sicherheitsgarantien.", "de", "aid_or_arms_supply"),
        ("A parliamentary committee on the sanctions will report in May.", "en", "sanction"),
    ],
)
def test_what_a_working_group_or_committee_deals_with_is_not_an_event(text: str, lang: str, topic: str) -> None:
    from lagebild import analyze

    doc = analyze(text, published="2025-08-13", language=lang)
    assert topic not in [e.type for e in doc.events]


def test_plover_export_reads_the_trigger_in_its_sentence() -> None:
    from lagebild import analyze
    from lagebild.timeline import plover_records

    doc = analyze("Polizei und Staatsanwaltschaft durchsuchten am Dienstag die Büros des Konzerns in München.",
                  published="2026-04-08", language="de")
    records = plover_records(merge_events([doc]))
    assert [(r["event"], r["mode"]) for r in records] == [("COERCE", "seize")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Münchner Sicherheitskonferenz, die an diesem Freitag beginnt, dürfte von dem Telefonat "
         "zwischen Trump und Putin beherrscht werden.", "de"),
        ("The Munich Security Conference, which opens on Friday, is likely to be dominated by the phone "
         "call between Trump and Putin.", "en"),
    ],
)
def test_a_date_in_a_relative_clause_belongs_to_its_noun_not_to_the_event(text: str, lang: str) -> None:
    from lagebild import analyze

    doc = analyze(text, published="2025-02-13", language=lang)  # a Thursday: "Friday" is 2025-02-14
    call = next(e for e in doc.events if e.type == "phone_call")
    assert call.date != "2025-02-14"


def test_an_event_without_a_concrete_date_takes_past_or_future_from_reports_agreeing_with_its_status() -> None:
    from lagebild import analyze

    doc = analyze("Trump und Putin haben miteinander telefoniert. Die Konferenz dürfte von dem Telefonat "
                  "beherrscht werden.", published=None, language="de")
    calls = [ev for ev in merge_events([doc]) if ev.type == "phone_call"]
    assert calls and all(ev.date != "FUTURE_REF" for ev in calls if ev.status == "occurred")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Präsident Wolodymyr Selenskyj reagierte mit scharfen Worten auf den Angriff.", "de"),
        ("President Volodymyr Zelensky responded angrily to the attack.", "en"),
    ],
)
def test_who_reacts_to_an_attack_is_not_its_actor(text: str, lang: str) -> None:
    from lagebild import analyze

    doc = analyze(text, published="2025-07-30", language=lang)
    zelensky = {m.entity for m in doc.mentions if m.type == "PER"}
    assert zelensky and not [e for e in doc.events if e.type == "attack" and zelensky & set(e.actors + e.targets)]


def test_who_reports_an_attack_without_that_is_not_its_actor_but_a_party_to_talks_stays() -> None:
    from lagebild import analyze

    doc = analyze("President Volodymyr Zelensky said Russia had launched more than 300 drones overnight.",
                  published="2025-07-29", language="en")
    attack = next(e for e in doc.events if e.type == "attack")
    russia = next(m.entity for m in doc.mentions if m.text == "Russia")
    zelensky = next(m.entity for m in doc.mentions if m.type == "PER")
    assert russia in attack.actors and zelensky not in attack.actors
    doc = analyze("Trump said the talks with Putin were productive.", published="2025-07-29", language="en")
    talks = next(e for e in doc.events if e.type == "negotiation")
    assert len(talks.actors) == 2
