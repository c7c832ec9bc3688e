"""Sentence and token segmentation for German and English news."""

from __future__ import annotations

import pytest

from lagebild.stages.segment import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("„Wir haben gesprochen.“ Das bestätigte der Kreml.", ["„Wir haben gesprochen.“", "Das bestätigte der Kreml."]),
        ("„Das Gespräch war gut“, sagte Peskow. „Wir machen weiter.“",
         ["„Das Gespräch war gut“, sagte Peskow.", "„Wir machen weiter.“"]),
        ("»Warum?«, fragte sie. Niemand antwortete.", ["»Warum?«, fragte sie.", "Niemand antwortete."]),
        ("Das Treffen findet am 12. Februar statt. Danach reist er ab.",
         ["Das Treffen findet am 12. Februar statt.", "Danach reist er ab."]),
        ("Der 3. Versuch scheiterte. Am 15. August 2025 gab es Neuwahlen.",
         ["Der 3. Versuch scheiterte.", "Am 15. August 2025 gab es Neuwahlen."]),
        ("Es gibt z. B. Gas, Öl u. a. Rohstoffe. Dr. Weber sprach von Nr. 1.",
         ["Es gibt z. B. Gas, Öl u. a. Rohstoffe.", "Dr. Weber sprach von Nr. 1."]),
        ("Die Zahl stieg bis 2024. Im Jahr 2025 sank sie.", ["Die Zahl stieg bis 2024.", "Im Jahr 2025 sank sie."]),
        ("Mr. Vance met Gen. Kellogg in the U.S. capital. They spoke for an hour.",
         ["Mr. Vance met Gen. Kellogg in the U.S. capital.", "They spoke for an hour."]),
        ("J. D. Vance arrived. He left at 5 p.m. Then he flew home.",
         ["J. D. Vance arrived.", "He left at 5 p.m.", "Then he flew home."]),
        ("Was nun? Das weiß keiner... und so geht es weiter.", ["Was nun?", "Das weiß keiner... und so geht es weiter."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_never_cross_paragraphs_and_offsets_point_into_text() -> None:
    text = "Überschrift ohne Punkt\nErster Satz. Zweiter Satz.\n\nDritter Satz"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz.", "Dritter Satz"]


def test_tokens_keep_dates_abbreviations_and_compounds_whole() -> None:
    text = "Am 13/02/2025 sagte Kreml-Sprecher Peskow z.B. 3,5 Mrd. Euro."
    toks = [t.text for t in tokenize(text)]
    assert "13/02/2025" in toks and "Kreml-Sprecher" in toks and "z.B." in toks and "3,5" in toks
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
