"""The time stage: temporal expressions, TIMEX3 values, datelines, inferred dates."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild import analyze
from lagebild.model import Document, Sentence
from lagebild.pubdate import find_dateline, infer_published
from lagebild.stages.time import make_time
from lagebild.timexpr import extract, timex_compare, timex_contains, timex_interval

WED = date(2025, 8, 6)  # a Wednesday


def values(text: str, lang: str = "de", anchor: date | None = WED, **kw: object) -> dict[str, str]:
    return {t.text: t.value for t in extract(text, lang, anchor, **kw)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Die Frist läuft am 15. August ab.", "15. August", "2025-08-15"),
        ("Laut dem Schreiben vom 13/02/2025 wurde gestoppt.", "13/02/2025", "2025-02-13"),
        ("Das Treffen ist für den 15. August 2025 geplant.", "15. August 2025", "2025-08-15"),
        ("Am 12. Februar hatte der Rat entschieden.", "12. Februar", "2025-02-12"),
        ("Nächste Woche trifft sich der Ausschuss.", "Nächste Woche", "2025-W33"),
        ("Vor drei Jahren begann der Krieg.", "Vor drei Jahren", "2022"),
        ("Seit Februar 2022 sind Millionen geflohen.", "Februar 2022", "2022-02"),
        ("Mitte August reist die Delegation ab.", "Mitte August", "2025-08"),
        ("Im Herbst soll die Reform kommen.", "Herbst", "2025-FA"),
        ("Das Gespräch dauerte etwa drei Stunden.", "etwa drei Stunden", "PT3H"),
        ("Jeden Tag sterben Soldaten.", "Jeden Tag", "P1D"),
        ("Die Ukraine muss innerhalb von zwei Wochen antworten.", "zwei Wochen", "P2W"),
        ("In den kommenden Tagen und Wochen wird gekämpft.", "kommenden Tagen und Wochen", "FUTURE_REF"),
        ("Gestern Abend gab es Luftalarm.", "Gestern Abend", "2025-08-05TEV"),
    ],
)
def test_german_expressions_are_normalised_against_the_publication_date(text: str, expr: str, value: str) -> None:
    assert values(text).get(expr) == value


def test_weekday_direction_follows_tense() -> None:
    assert values("Am Freitag läuft die Frist ab.")["Freitag"] == "2025-08-08"
    assert values("Am Montag führte Putin Gespräche.")["Montag"] == "2025-08-04"
    assert values("Der Gipfel soll am Montag stattfinden.")["Montag"] == "2025-08-11"
    assert values("Trump sagte am Dienstagabend, er sei zuversichtlich.")["Dienstagabend"] == "2025-08-05TEV"


def test_a_weekday_takes_the_tense_of_the_reporting_verb_not_of_the_reported_clause() -> None:
    fri = date(2028, 3, 10)  # a Friday: the Monday before is the 6th, the coming one the 13th

    def v(text: str, lang: str) -> str:
        return next(t.value for t in extract(text, lang, fri) if t.text in ("Monday", "Montag"))

    assert v("The minister said on Monday that aid would come.", "en") == "2028-03-06"
    assert v("On Monday, the minister said that aid would come.", "en") == "2028-03-06"
    assert v("Der Minister sagte am Montag, die Hilfe werde kommen.", "de") == "2028-03-06"
    assert v("Der Minister sagte am Montag, dass die Hilfe kommen werde.", "de") == "2028-03-06"
    # the date inside the reported clause, and plain future sentences, still point forward
    assert v("The minister said that aid would come on Monday.", "en") == "2028-03-13"
    assert v("The talks will resume on Monday.", "en") == "2028-03-13"
    assert v("Die Gespräche sollen am Montag weitergehen.", "de") == "2028-03-13"


def test_an_infinitive_elsewhere_in_the_sentence_does_not_make_a_weekday_future() -> None:
    def en(text: str) -> dict[str, str]:
        return {m.text: m.value for m in extract(text, "en", date(2025, 8, 7))}

    # published on a Thursday: the call "on Wednesday" was the day before
    past = en('Trump said the two had agreed to begin talks "immediately", after a long call on Wednesday.')
    assert past["Wednesday"] == "2025-08-06"
    # inside its own clause the infinitive still points forward
    assert en("He agreed to meet the envoy on Wednesday.")["Wednesday"] == "2025-08-13"
    assert en("The summit begins on Wednesday.")["Wednesday"] == "2025-08-13"


def test_irregular_english_past_forms_make_a_weekday_past() -> None:
    def en(text: str) -> dict[str, str]:
        return {m.text: m.value for m in extract(text, "en", date(2025, 8, 7))}

    assert en("A drone attack hit the power plant on Monday.")["Monday"] == "2025-08-04"
    assert en("Flash floods swept through the villages on Saturday.")["Saturday"] == "2025-08-02"
    assert en("Drones will hit the plant on Monday.")["Monday"] == "2025-08-11"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The two leaders will meet next week.", "next week", "2025-W33"),
        ("Prices rose sharply last month.", "last month", "2025-07"),
        ("Three years ago the war began.", "Three years ago", "2022"),
        ("The delegation arrives in mid-August.", "mid-August", "2025-08"),
        ("Putin met the envoy on Tuesday evening.", "Tuesday evening", "2025-08-05TEV"),
        ("The envoy will travel to Moscow on Friday.", "Friday", "2025-08-08"),
        ("A decision is expected in two weeks.", "in two weeks", "2025-W34"),
        ("Kyiv must respond by August 15.", "August 15", "2025-08-15"),
        ("Dozens die every day.", "every day", "P1D"),
    ],
)
def test_english_expressions(text: str, expr: str, value: str) -> None:
    assert values(text, "en").get(expr) == value


def test_without_anchor_values_stay_partial_or_relative() -> None:
    found = {t.text: t for t in extract("Am Freitag läuft die Frist ab, nächste Woche folgt die Wahl.", "de", None)}
    assert found["Freitag"].value == "XXXX-WXX-5" and not found["Freitag"].anchored
    assert found["nächste Woche"].value == "FUTURE_REF" and not found["nächste Woche"].anchored
    assert values("Die Wahl ist am 9. November.", anchor=None)["9. November"] == "XXXX-11-09"


def test_narrative_text_follows_the_last_mentioned_date() -> None:
    text = "Im Jahr 1940 griff die Wehrmacht an. Am 9. April besetzte sie Dänemark. Zwei Tage später fiel Oslo."
    v = values(text, anchor=date(2011, 2, 16), narrative=True)
    assert v["Jahr 1940"] == "1940"
    assert v["9. April"] == "1940-04-09"
    assert v["Zwei Tage später"] == "1940-04-11"


def test_counts_are_not_years_and_centuries_decades_bc() -> None:
    v = values("Anfang 2024 verlegte die Armee 2000 Soldaten an die Grenze.")
    assert v == {"Anfang 2024": "2024"}
    v = values("Im 12. Jahrhundert und in den 1990er Jahren, 490 v. Chr. und im Jahr 1945.", anchor=None)
    assert v["12. Jahrhundert"] == "11"
    assert v["den 1990er Jahren"] == "199"
    assert v["490 v. Chr."] == "BC0490"


def test_timex_value_helpers() -> None:
    assert timex_interval("2025-08") == (date(2025, 8, 1), date(2025, 8, 31))
    assert timex_interval("2025-W33") == (date(2025, 8, 11), date(2025, 8, 17))
    assert timex_interval("2025-08-08TEV") == (date(2025, 8, 8), date(2025, 8, 8))
    assert timex_interval("XXXX-WXX-5") is None and timex_interval("P3D") is None
    assert timex_contains("2025-08", "2025-08-15") and not timex_contains("2025-08-15", "2025-08")
    assert timex_compare("2025-07", "2025-W33") == -1
    assert timex_compare("2025-08-12", "2025-W33") == 0


def test_find_dateline() -> None:
    assert find_dateline("Kiew, 6. August 2025 (AFP) – Die Armee meldet ...")[0] == "2025-08-06"
    assert find_dateline("LONDON, August 6, 2025 (AP) — The government ...")[0] == "2025-08-06"
    assert find_dateline("Stand: 13/02/2025\nDie Regierung hat ...")[0] == "2025-02-13"
    # No year: no date, but the span is found; a supported year fills it in.
    iso, span = find_dateline("Berlin, 6. Mai (dpa) – Die Koalition streitet.")
    assert iso is None and span is not None
    assert find_dateline("WASHINGTON, Aug 6 (Reuters) - The U.S. said ...", year_hint=2025)[0] == "2025-08-06"
    assert find_dateline("Die Regierung hat am Montag beschlossen, dass ...") == (None, None)


def test_infer_published_uses_the_texts_own_dates() -> None:
    doc = Document(text="Heute, am 7. August 2025, beginnt die Konferenz in Genf.", language="de")
    assert infer_published(doc) == ("2025-08-07", 0.9)
    doc = Document(text="Am 5. August 2025 traf sich der Ausschuss. Am 6. August 2025 sagte der Minister, man sei zufrieden.", language="de")
    value, conf = infer_published(doc)  # type: ignore[misc]
    assert value == "2025-08-06" and 0 < conf < 0.9
    # Weekdays and year-less dates alone are no support for a date.
    assert infer_published(Document(text="Am Freitag traf sich der Ausschuss am 6. Mai.", language="de")) is None


def test_stage_fills_timexes_and_infers_a_missing_publication_date() -> None:
    text = "Heute, am 7. August 2025, beginnt die Konferenz. Am Freitag soll eine Erklärung folgen."
    doc = Document(text=text, language="de", sentences=[Sentence(0, 48), Sentence(49, len(text))])
    doc = make_time()(doc)
    assert doc.published == "2025-08-07" and doc.published_basis == "inferred"
    found = {t.text: (t.type, t.value) for t in doc.timexes}
    assert found["Freitag"] == ("DATE", "2025-08-08")

    doc = make_time()(Document(text="Am Freitag läuft die Frist ab, Mitte August folgt der Gipfel.", language="de", published="2025-08-06"))
    assert [(t.text, t.value, t.mod) for t in doc.timexes] == [("Freitag", "2025-08-08", None), ("Mitte August", "2025-08", "MID")]
    assert doc.published_basis is None  # the stage never overwrites a given date


def test_a_yearless_dateline_takes_the_year_of_the_date_the_user_gave() -> None:
    # A wire dateline has no year; the body mentions an older one in passing. The date the user
    # gave (--published) decides the year, and across New Year the nearer year wins.
    text = "LJUBLJANA, Nov 13 - Slovenia's finance minister resigned on Friday, the first since 2024."
    assert analyze(text, published="2026-11-13", language="en").published == "2026-11-13"
    assert analyze("BERLIN, Dec 31 - Fireworks were banned.", published="2027-01-01",
                   language="en").published == "2026-12-31"
    # without a given date the body's year is the best guess, with lower confidence
    guessed = analyze(text, language="en")
    assert guessed.published == "2024-11-13" and guessed.published_confidence < 0.9
