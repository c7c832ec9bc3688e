"""The opinion stage: the writer's own evaluations are marked, quoted speech is not the writer's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lagebild.model import Document, Quote, Sentence
from lagebild.opinion import load_model
from lagebild.opinion.attribution import covered_share, is_german_reported_speech, quote_mark_share
from lagebild.opinion.data import load_split
from lagebild.opinion.linear import SparseRows, fit_logistic, sigmoid
from lagebild.opinion.train import macro_f1, train_variant
from lagebild.pipeline import REGISTRY
from lagebild.stages.opinion import make_opinion


@pytest.fixture(scope="module")
def opinion():
    return make_opinion()


def doc_of(sentences: list[str], language: str, quotes: list[tuple[str, str, str | None]] = ()) -> Document:
    """A document whose sentences are given; ``quotes`` are (quoted text, kind, speaker words)."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Sentence(pos, pos + len(s)))
        pos += len(s) + 1
    qs = []
    for q, kind, speaker in quotes:
        start = text.index(q)
        qs.append(Quote(start, start + len(q), q, kind, speaker_text=speaker))
    return Document(text=text, language=language, sentences=spans, quotes=qs)


GERMAN_REPORT = "Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr mit 380 Stimmen verabschiedet."
GERMAN_VERDICT = (
    "Dieses Gesetz ist ein peinliches Armutszeugnis, und die Regierung sollte sich endlich schämen, "
    "statt uns weiter für dumm zu verkaufen."
)
ENGLISH_REPORT = "The ministry said on Tuesday that 1,200 new homes had been completed in the region since March."
ENGLISH_VERDICT = (
    "Frankly, this is a shameful and utterly reckless policy, and we should all be appalled "
    "that anyone still defends it."
)


def test_stage_is_registered_after_quotes() -> None:
    meta = REGISTRY["opinion"]
    assert "quotes" in meta.requires and "sentences.opinion" in meta.assigns


@pytest.mark.parametrize(
    ("language", "verdict", "report"),
    [("de", GERMAN_VERDICT, GERMAN_REPORT), ("en", ENGLISH_VERDICT, ENGLISH_REPORT)],
    ids=["de", "en"],
)
def test_unattributed_evaluation_is_opinion_and_plain_report_is_not(opinion, language, verdict, report) -> None:
    doc = opinion(doc_of([report, verdict], language))
    rep, ver = doc.sentences
    assert ver.opinion and ver.opinion_score >= 0.5
    assert not rep.opinion and rep.opinion_score < 0.5
    assert ver.opinion_score > rep.opinion_score


def test_quote_inside_opinion_looking_sentence_is_the_speakers(opinion) -> None:
    quoted = "„Dieses Gesetz ist ein peinliches Armutszeugnis, die Regierung sollte sich schämen“"
    sentence = f"{quoted}, sagte der Fraktionschef der Opposition am Mittwoch in Berlin."
    with_stage = opinion(doc_of([GERMAN_REPORT, sentence], "de", quotes=[(quoted, "direct", "der Fraktionschef der Opposition")]))
    assert not with_stage.sentences[1].opinion
    assert with_stage.sentences[1].opinion_score < 0.5
    # without a quotes stage result, the quotation marks alone lead to the same verdict
    fallback = opinion(doc_of([GERMAN_REPORT, sentence], "de"))
    assert not fallback.sentences[1].opinion
    # the same words as the writer's own are an opinion: attribution is what changed it
    own = opinion(doc_of([GERMAN_REPORT, GERMAN_VERDICT], "de"))
    assert own.sentences[1].opinion


def test_indirect_reported_speech_is_the_speakers(opinion) -> None:
    content = "this was a shameful and utterly reckless policy that nobody should defend"
    sentence = f"The opposition leader told reporters that {content}."
    doc = opinion(doc_of([ENGLISH_REPORT, sentence], "en", quotes=[(content, "indirect", "The opposition leader")]))
    assert not doc.sentences[1].opinion


def test_german_konjunktiv_i_sentence_is_reported_speech(opinion) -> None:
    # no cue, no quotation marks: the subjunctive alone says the words are someone else's
    sentence = "Dieses Gesetz sei ein peinliches Armutszeugnis, und die Regierung solle sich endlich schämen."
    doc = opinion(doc_of([GERMAN_REPORT, sentence], "de"))
    assert not doc.sentences[1].opinion
    assert not is_german_reported_speech("Er fragte, ob das überhaupt sinnvoll sei, und ich finde es absurd.")
    assert not is_german_reported_speech("Es sei denn, die Regierung lenkt noch ein.")


def test_speakerless_reported_speech_stays_the_writers(opinion) -> None:
    # "Man muss es deutlich sagen: ..." looks like a cue with indirect speech, but nobody else speaks
    content = "dieses Gesetz ist ein peinliches Armutszeugnis, und die Regierung sollte sich schämen"
    sentence = f"Man muss es in aller Deutlichkeit sagen: {content}."
    doc = opinion(doc_of([GERMAN_REPORT, sentence], "de", quotes=[(content, "indirect", None)]))
    assert doc.sentences[1].opinion


def test_short_scare_quote_does_not_make_a_judgement_attributed() -> None:
    text = "Was die Regierung als „Reform“ verkauft, ist in Wahrheit ein dreister Griff in die Taschen der Rentner."
    assert quote_mark_share(text) < 0.2
    assert quote_mark_share("„Wir werden das nicht hinnehmen“, sagte sie.") > 0.5
    # sentences inside a quote that spans several sentences
    assert quote_mark_share("„Das ist eine Zumutung für alle Beschäftigten.") == 1.0
    assert quote_mark_share("This is a disgrace and everyone knows it.”") == 1.0
    assert covered_share(0, 10, [(0, 3), (2, 5), (8, 20)]) == pytest.approx(0.7)


def test_empty_document_and_other_language(opinion) -> None:
    assert opinion(Document(text="", language="de")).sentences == []
    doc = opinion(doc_of(["Le gouvernement a présenté mardi son budget pour l'année prochaine."], "fr"))
    assert 0.0 <= doc.sentences[0].opinion_score <= 1.0


def test_model_loads_once() -> None:
    assert load_model() is load_model()


def test_logistic_regression_learns_a_separable_problem() -> None:
    rng = np.random.default_rng(0)
    xd = rng.normal(size=(200, 3))
    y = (xd[:, 0] - xd[:, 1] > 0).astype(float)
    xs = SparseRows(np.arange(201, dtype=np.int64), np.zeros(200, np.int32), np.ones(200, np.float32), 1)
    w = fit_logistic(xs, xd, y, c_dense=10.0)
    assert macro_f1(y, sigmoid(w.logits(xs, xd)) >= 0.5) > 0.95


def _write_split(folder: Path, name: str, rows: list[tuple[str, str]], layout: str) -> None:
    lines = {"plain": ["sentence_id\tsentence\tlabel"], "index": ["\tsentence_id\tsentence\tlabel"],
             "reordered": ["sentence\tlabel\tsentence_id"]}[layout]
    for i, (text, label) in enumerate(rows):
        lines.append({"plain": f"id{i}\t{text}\t{label}", "index": f"{i}\tid{i}\t{text}\t{label}",
                      "reordered": f"{text}\t{label}\tid{i}"}[layout])
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_training_on_checkthat_layout_writes_a_loadable_model(tmp_path: Path) -> None:
    subj = ["Das ist doch wirklich ein Skandal!", "Was für eine peinliche Vorstellung der Minister.",
            "Ich finde diese Politik einfach unerträglich.", "Eine schlimmere Entscheidung ist kaum denkbar."]
    obj = ["Die Sitzung begann um zehn Uhr.", "Der Zug fuhr um acht Uhr nach Hamburg.",
           "Das Amt meldete 300 neue Anträge.", '"Wir prüfen das", sagte ein Sprecher.']
    for lang, folder in (("de", "german"), ("en", "english")):
        d = tmp_path / "checkthat2025_task1_subjectivity" / "data" / folder
        d.mkdir(parents=True)
        rows = [(s, "SUBJ") for s in subj] + [(o, "OBJ") for o in obj]
        rows[-1] = ('"""Wir prüfen das"", sagte ein Sprecher."', "OBJ")  # CSV-quoted field
        for split in ("train", "dev", "dev_test"):
            _write_split(d, f"{split}_{lang}.tsv", rows, "plain")
        _write_split(d, f"test_{lang}_labeled.tsv", rows, "index" if lang == "de" else "reordered")
    loaded = load_split("en", "test", tmp_path)
    assert loaded[-1].text == '"Wir prüfen das", sagte ein Sprecher.' and not loaded[-1].subjective
    assert load_split("de", "test", tmp_path)[0].subjective
    model = train_variant("lexical", tmp_path)
    model.save(tmp_path / "out")
    again = load_model("lexical", tmp_path / "out")
    p = again.scores(["Das ist doch wirklich eine peinliche Vorstellung!", "Die Sitzung begann um acht Uhr."])
    assert p[0] > p[1]
