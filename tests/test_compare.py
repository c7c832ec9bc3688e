"""Source comparison: corroborated / single-source claims, opinion per outlet, and each kind of
contradiction (denial, date, number, status, name) on written examples."""

from __future__ import annotations

import pytest

from lagebild import analyze
from lagebild.model import Document
from lagebild.storage import Store
from lagebild.stories import assign_story
from lagebild.stories.compare import compare_documents, is_denial, numbers, to_markdown


def _doc(text: str, source: str, published: str = "2025-11-10", title: str | None = None) -> Document:
    return analyze(text, published=published, title=title, source=source)


def _kinds(docs: list[Document]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for c in compare_documents(docs).contradictions:
        out.setdefault(c.kind, []).append((c.a.text, c.b.text))
    return out


def test_denial_against_claim_of_contact() -> None:
    docs = [
        _doc("Kremlsprecher Dmitri Peskow sagte am Montag, es habe keine Kontakte zwischen Moskau und Kiew "
             "über einen Gefangenenaustausch gegeben. Die Berichte seien frei erfunden.", "Spreebote"),
        _doc("Andriy Yermak, the head of Ukraine's presidential office, said on Monday: \"We have spoken with "
             "the Russian side through Turkish mediators about a prisoner exchange.\" Talks were continuing, "
             "he added.", "Northbridge Times"),
    ]
    found = _kinds(docs)
    assert "denial" in found
    deny, claim = found["denial"][0]
    assert "keine Kontakte" in deny and "spoken" in claim


def test_conflicting_dates_of_the_same_report() -> None:
    docs = [
        _doc("Die Außenminister wollen sich am 14. November in Genf treffen, teilte das Auswärtige Amt mit.",
             "Tagesblick"),
        _doc("Die Außenminister wollen sich am 16. November in Genf treffen, teilte das Auswärtige Amt mit.",
             "Alpenpost"),
    ]
    found = _kinds(docs)
    assert "date" in found


def test_conflicting_death_toll_across_languages() -> None:
    docs = [
        _doc("Bei dem russischen Raketenangriff auf Dnipro wurden in der Nacht mindestens 14 Menschen getötet "
             "und mehr als 40 verletzt.", "Spreebote", "2025-07-29"),
        _doc("The Russian missile strike on Dnipro overnight killed at least nine people and injured more than "
             "40, officials said.", "Northbridge Times", "2025-07-29"),
    ]
    found = _kinds(docs)
    assert "number" in found
    # both agree on "more than 40" injured: only the toll is reported, once
    assert len(found["number"]) == 1


def test_status_held_vs_cancelled_same_day() -> None:
    docs = [
        _doc("Das Treffen der Außenminister soll am Freitag in Genf stattfinden.", "Tagesblick", "2025-11-11"),
        _doc("The foreign ministers' meeting in Geneva has been cancelled, officials said on Tuesday.",
             "Globalwire", "2025-11-11"),
    ]
    assert "status" in _kinds(docs)


def test_later_cancellation_is_an_update_not_a_contradiction() -> None:
    docs = [
        _doc("Das Treffen der Außenminister soll am Freitag in Genf stattfinden.", "Tagesblick", "2025-11-03"),
        _doc("The foreign ministers' meeting in Geneva has been cancelled, officials said on Tuesday.",
             "Globalwire", "2025-11-11"),
    ]
    assert "status" not in _kinds(docs)


def test_name_given_differently_by_one_outlet() -> None:
    docs = [
        _doc("US-Außenminister Marco Rubio traf am Dienstag in Genf ein. Rubio will dort mit Lawrow sprechen.",
             "Tagesblick"),
        _doc("Außenminister Marco Rubio ist am Dienstag in Genf angekommen, um Lawrow zu treffen.", "Spreebote"),
        _doc("US-Außenminister Mark Rubio traf am Dienstag in Genf ein, wo er Lawrow treffen will.", "Alpenpost"),
    ]
    names = _kinds(docs).get("name", [])
    assert names and names[0][0] == "Mark Rubio" and names[0][1] == "Marco Rubio"


def test_transliteration_across_languages_is_not_a_name_conflict() -> None:
    docs = [
        _doc("Präsident Wolodymyr Selenskyj dankte Deutschland für die Hilfe.", "Spreebote"),
        _doc("President Volodymyr Zelensky thanked Germany for its help.", "Northbridge Times"),
    ]
    assert "name" not in _kinds(docs)


def test_consistent_reports_have_no_contradictions() -> None:
    docs = [
        _doc("Die EZB hat den Einlagensatz am Donnerstag um 0,25 Prozentpunkte auf 2,0 Prozent gesenkt. "
             "Präsidentin Christine Lagarde sprach von einer guten Ausgangslage.", "Hanse-Echo", "2025-06-05"),
        _doc("The ECB cut its deposit rate by 0.25 percentage points to 2.0 percent on Thursday. President "
             "Christine Lagarde said the bank was in a good position.", "Capital Ledger", "2025-06-05"),
    ]
    assert compare_documents(docs).contradictions == []


def test_rising_toll_is_an_update_not_a_contradiction() -> None:
    docs = [
        _doc("Bei dem Hochwasser kamen zwei Menschen ums Leben.", "Tagesblick", "2025-06-02"),
        _doc("Die Zahl der Todesopfer des Hochwassers stieg inzwischen auf vier Menschen.", "Alpenpost",
             "2025-06-03"),
    ]
    assert "number" not in _kinds(docs)


def test_claim_corroborated_by_two_outlets_but_not_by_a_reprint() -> None:
    quote_de = ("Verteidigungsminister Boris Pistorius sagte am Mittwoch: „Luftverteidigung hat für uns "
                "höchste Priorität.“ Deutschland liefert zwei weitere Systeme.")
    quote_en = ("Defence Minister Boris Pistorius said on Wednesday: \"Air defence has the highest priority for "
                "us.\" Germany is delivering two more systems.")
    a = _doc(quote_de, "dpa", "2025-09-03")
    reprint = _doc(quote_de + " Das meldete die Agentur.", "Alpenpost", "2025-09-03")
    b = _doc(quote_en, "Northbridge Times", "2025-09-03")
    store = Store(":memory:")
    for d in (a, reprint, b):
        store.add(d)
        assign_story(store, d)
    only_copies = compare_documents([a, reprint], store=store)
    assert only_copies.independent_sources == 1
    assert all(c.verdict == "single-source" for c in only_copies.claims)
    everything = compare_documents([a, reprint, b], store=store)
    assert everything.independent_sources == 2
    if everything.claims:  # claims need the quotes stage; with it, the quote is corroborated
        top = everything.claims[0]
        assert top.verdict == "corroborated" and len(top.supported_by) == 2
    store.close()


def test_opinion_sentences_listed_per_outlet() -> None:
    a = _doc("Die Bundesregierung hat zwei IRIS-T-Systeme geliefert. Dass Europa weiter zögert, ist beschämend.",
             "Spreebote")
    b = _doc("Germany delivered two IRIS-T systems to Ukraine on Wednesday.", "Northbridge Times")
    for s in a.sentences:  # as the opinion stage marks the writer's own evaluation
        s.opinion = "beschämend" in a.text[s.start:s.end]
    cmp = compare_documents([a, b])
    assert list(cmp.opinions) == ["Spreebote"]
    assert "beschämend" in cmp.opinions["Spreebote"][0].text
    md = to_markdown(cmp, "IRIS-T")
    assert "## Opinion" in md and "beschämend" in md


def test_lexical_helpers() -> None:
    assert is_denial("Es habe keine Kontakte gegeben.")
    assert is_denial("The Kremlin denied that the two presidents had spoken.")
    assert not is_denial("Wir haben gesprochen.")
    assert is_denial("Es gab keine Gespräche und keine Verhandlungen.")
    # an adjective from the same stem is no contact: nothing is denied here
    assert not is_denial("Der Konzern habe kein verhandlungsfähiges Angebot vorgelegt.")
    assert [(v, u) for v, u, _ in numbers("Mehr als 20.000 Einsatzkräfte und 2,5 Prozent", "de")] == [
        (20000.0, "responders"), (2.5, "percent")]
    assert [(v, u) for v, u, _ in numbers("1.9 billion euros in 2025", "en")] == [(1.9e9, "euro")]


def test_killed_and_injured_counts_are_different_quantities() -> None:
    en = numbers("The strike killed at least nine people and injured more than 40 people.", "en")
    de = numbers("Mindestens 14 Menschen wurden getötet, mehr als 40 Menschen verletzt.", "de")
    assert {u: v for v, u, _ in en} == {"dead": 9.0, "injured": 40.0}
    assert {u: v for v, u, _ in de} == {"dead": 14.0, "injured": 40.0}


# ---------------------------------------------------------------- speed without changing the result


def _big_story() -> list[Document]:
    """Several outlets with reprints: many aligned sentence pairs, and one contradiction of each
    kind that the sentence pairs produce (denial, date, number, status)."""
    texts = [
        ("Kremlsprecher Dmitri Peskow sagte am Montag, es habe keine Kontakte zwischen Moskau und Kiew über einen "
         "Gefangenenaustausch gegeben. Bei dem Angriff auf Dnipro wurden mindestens 14 Menschen getötet. Die "
         "Außenminister wollen sich am 14. November in Genf treffen. Das Treffen in Genf wurde abgesagt.",
         "Spreebote"),
        ("Andriy Yermak said on Monday: \"We have spoken with the Russian side through Turkish mediators about a "
         "prisoner exchange.\" The strike on Dnipro killed at least nine people. The foreign ministers will meet "
         "in Geneva on November 16. The meeting in Geneva is scheduled to take place as planned.",
         "Northbridge Times"),
        ("Die Außenminister wollen sich am 16. November in Genf treffen, teilte das Auswärtige Amt mit. Bei dem "
         "Angriff auf Dnipro starben neun Menschen.", "Tagesblick"),
    ]
    docs = []
    for copy, tail in enumerate(("", " Das meldete die Agentur.", " Mehr dazu in Kürze.")):
        for text, source in texts:  # reprints of each report under other outlet names
            docs.append(_doc(text + tail, f"{source} {copy}"))
    return docs


def test_memoised_sentence_facts_give_the_same_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.stories import compare

    docs = _big_story()
    fast = compare.compare_documents(docs).to_dict()
    assert {c["kind"] for c in fast["contradictions"]} >= {"denial", "date", "number", "status"}
    # the same comparison with every per-sentence fact computed afresh for each pair, as before the
    # memo, and with the documents given in another order
    monkeypatch.setattr(compare._Sent, "cue", lambda self, name: compare._CUES[name](self.text))
    monkeypatch.setattr(compare._Sent, "dates", lambda self: compare.dates(self))
    monkeypatch.setattr(compare._Sent, "kinds", lambda self: compare._contact_kinds(self.text))
    monkeypatch.setattr(compare._Sent, "status", lambda self: compare._status(self.text))
    monkeypatch.setattr(compare._Sent, "any_number", lambda self: bool(compare.numbers(self.text, self.doc.language)))
    slow = compare.compare_documents(list(reversed(docs))).to_dict()
    assert slow == fast


def test_figures_are_read_once_per_sentence_not_once_per_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild.stories import compare

    docs = _big_story()
    calls = []
    real = compare.numbers
    monkeypatch.setattr(compare, "numbers", lambda text, lang: calls.append(text) or real(text, lang))
    compare.compare_documents(docs)
    n_sentences = sum(len(d.sentences) for d in docs)
    # figures for the pair loop plus one look for the single-source list, per sentence at most
    assert 0 < len(calls) <= 2 * n_sentences


def test_clock_times_and_datelines_are_not_date_conflicts_but_a_date_in_a_dateline_story_is() -> None:
    # the same landing time, reported a day apart in two languages; the wire's dateline dates differ
    docs = [
        _doc("VIENNA, Nov 10 (Meridian) - An Alpair jet with 140 passengers made an emergency landing in Vienna "
             "after smoke was reported in the cabin. The aircraft landed safely at 11:52 and was met by fire crews.",
             "Meridian", published="2025-11-10"),
        _doc("WIEN, 11. November (dna) - Nach Rauch in der Kabine ist ein Alpair-Jet mit 140 Passagieren in Wien "
             "notgelandet. Um 11.52 Uhr setzte der Jet sicher in Wien auf, die Feuerwehr stand bereit.",
             "dna", published="2025-11-11"),
    ]
    assert "date" not in _kinds(docs)
    # a date the story itself gives still counts, dateline or not
    docs.append(_doc("VIENNA, Nov 10 (Wire) - The investigation into the Alpair emergency landing will open on "
                     "November 20, the authority said.", "Wire A", published="2025-11-10"))
    docs.append(_doc("VIENNA, Nov 10 (Other) - The investigation into the Alpair emergency landing will open on "
                     "November 24, the authority said.", "Wire B", published="2025-11-10"))
    assert "date" in _kinds(docs)


@pytest.mark.parametrize(("a", "b"), [("Sönke Albrecht", "Sonke Albrecht"),
                                      ("des Lieferdienstes Tellerbote", "der Lieferdienst Tellerbote")])
def test_accents_and_german_case_endings_are_not_name_conflicts(a: str, b: str) -> None:
    docs = [
        _doc(f"Zollsprecher {a} bestätigte am Montag die Störung in Hamburg. Die Abfertigung ruhe.", "Hanse-Echo"),
        _doc(f"Customs spokesman {b} confirmed the outage in Hamburg on Monday.", "Continental Wire"),
    ]
    assert "name" not in _kinds(docs)


def test_two_amounts_in_loosely_similar_sentences_are_two_facts_not_a_conflict() -> None:
    # cosine about 0.61: aligned only because they share a name; the loot's value and a reward
    docs = [
        _doc("Der Wert der Beute aus Schloss Arnsfeld liege nach ersten Schätzungen bei rund 4,2 Millionen Euro.",
             "dpk", "2027-11-04"),
        _doc("Für Hinweise, die zur Ergreifung der Täter von Schloss Arnsfeld führen, zahlt der Landkreis "
             "25.000 Euro.", "Thüringer Landbote", "2027-11-04"),
    ]
    assert "number" not in _kinds(docs)


def test_a_postponement_told_as_history_is_not_a_status_conflict() -> None:
    docs = [
        _doc("Die Rakete ist am Dienstag von Andøya gestartet. Der Start war in den vergangenen Wochen zweimal "
             "wegen technischer Probleme verschoben worden.", "ddn", "2027-03-10"),
        _doc("The rocket launch from Andøya went ahead on Tuesday, officials said.", "Orbital Times", "2027-03-10"),
    ]
    assert "status" not in _kinds(docs)
