"""The clean stage: boilerplate lines go, with a reason; article body and headlines stay."""

from __future__ import annotations

import pytest

from lagebild.stages.clean import classify_line, clean_text

BODY = [
    "Die Bundesregierung hat am Mittwoch ein neues Hilfspaket für die Ukraine beschlossen.",
    "Es umfasst nach Angaben des Finanzministeriums Luftabwehrsysteme und Munition im Wert von 1,2 Milliarden Euro.",
    "„Wir lassen die Ukraine nicht im Stich“, sagte Verteidigungsminister Boris Pistorius in Berlin.",
    "Kritik kam von der Opposition, die eine bessere Abstimmung mit den europäischen Partnern forderte.",
]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("WERBUNG", "advertisement"),
        ("Anzeige", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Von Anna Schmidt", "byline"),
        ("By John Miller and Sarah Lee", "byline"),
        ("vor 1 Woche", "timestamp"),
        ("Aktualisiert am 06.08.2025, 14:32 Uhr", "timestamp"),
        ("Foto: dpa/Kay Nietfeld", "photo credit"),
        ("Photo: John Doe / Shutterstock.com", "photo credit"),
        ("© picture alliance / dpa", "photo credit"),
        ("Lesen Sie auch: Was der Zollstreit für Autobauer bedeutet", "read-also widget"),
        ("JETZT LESEN AUCH", "read-also widget"),
        ("Read more: What the tariffs mean for Europe", "read-also widget"),
        ("Kommentar hinterlassen", "comment or share prompt"),
        ("Teilen auf Facebook", "comment or share prompt"),
        ("Facebook | Twitter | WhatsApp | E-Mail", "comment or share prompt"),
        ("Jetzt abonnieren und weiterlesen", "newsletter or subscription prompt"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Putin droht mit Vergeltung",  # a headline
        "Von Berlin aus reiste die Delegation weiter nach Warschau, wo am Abend Gespräche geplant waren.",
        "Foto-Journalisten wurden am Grenzübergang festgehalten.",
        "Anzeige gegen den Bürgermeister erstattet",
        "Der Minister teilte die Einschätzung nicht.",
        *BODY,
    ],
)
def test_body_lines_and_headlines_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_removed_lines_are_kept_with_reason_and_position() -> None:
    raw = "\n".join([BODY[0], "WERBUNG", BODY[1], "Foto: dpa", BODY[2], BODY[3], "Kommentar hinterlassen"])
    text, removed = clean_text(raw)
    assert text.split("\n") == BODY
    assert [(r.text, r.reason, r.line_no) for r in removed] == [
        ("WERBUNG", "advertisement", 1),
        ("Foto: dpa", "photo credit", 3),
        ("Kommentar hinterlassen", "comment or share prompt", 6),
    ]


def test_unrelated_teaser_at_the_end_is_removed_but_a_related_last_paragraph_stays() -> None:
    teaser = "Hitzewelle in Spanien: Meteorologen erwarten am Wochenende Rekordtemperaturen von 46 Grad"
    text, removed = clean_text("\n".join(BODY + [teaser]))
    assert teaser not in text and removed[0].reason == "teaser of another story"
    related = "Die Ukraine hatte zuletzt dringend um weitere Luftabwehrsysteme gebeten."
    text, removed = clean_text("\n".join(BODY + [related]))
    assert related in text and not removed
    short_new = "Die Börse reagierte gelassen."
    text, removed = clean_text("\n".join(BODY + [short_new]))
    assert short_new in text


def test_score_on_labelled_lines() -> None:
    """Precision/recall of the line classifier over a small set we labelled (see bench/clean.py)."""
    from bench.clean import score

    p, r = score()
    assert p >= 0.95 and r >= 0.9, (p, r)
