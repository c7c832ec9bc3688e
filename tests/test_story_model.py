"""The learned story join model (article pairs): its comparisons, the shipped weights, retraining it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from lagebild import analyze
from lagebild.cli import main
from lagebild.storage import Store
from lagebild.stories import cluster, embed, extract, pairs
from lagebild.stories.train import REPORT_SPLITS

LABELLED = Path(__file__).resolve().parents[1] / "bench" / "data" / "stories" / "stories.jsonl"


def test_figures_match_across_languages_and_years_are_not_figures() -> None:
    de = extract.numbers("Mehr als 14.000 Container, 366 Meter lang, seit 2023 im Dienst, am 5. Mai.")
    en = extract.numbers("Carrying more than 14,000 containers, the 366-metre ship, in service since 2023.")
    assert "14000" in de and "14000" in en
    assert "366" in de and "366" in en
    assert "2023" not in de and "5" not in de


def test_name_words_match_a_shortened_name_and_a_mistyped_entity() -> None:
    # "Hanseport Logistik" in one report, "Hanseport" in the other; a village tagged as a place in
    # one language and as a person in the other; a KB entity stays one word.
    assert "hanseport" in extract.entity_words("org:hanseport-logistik")
    assert extract.entity_words("loc:mairhof") == extract.entity_words("per:mairhof", "PER")
    assert extract.entity_words("Q1055") == ["Q1055"]
    # a person is known by the surname: two people called Lena are not one entity
    assert extract.entity_words("per:lena-vogt", "PER") == ["vogt"]
    assert not cluster._unknown("org:hanseport", {"hanseport": 1, "logistik": 1})
    assert cluster._unknown("per:lena-hofbaur", {"lena": 1, "vogt": 1})


def _card(store: Store, text: str, language: str) -> pairs.Card:
    doc = analyze(text, published="2026-08-10", language=language)
    store.add(doc)
    return extract.features(store, doc).card()


def test_shared_name_words_link_reports_that_name_an_actor_differently(store: Store) -> None:
    de = _card(store, "Ein Cyberangriff hat am Montag den Hamburger Terminalbetreiber Hanseport Logistik "
                      "lahmgelegt. Hanseport Logistik sprach von einem schweren Vorfall.", "de")
    en = _card(store, "Hamburg terminal operator Hanseport was hit by a cyber attack on Monday, Hanseport said.", "en")
    unrelated = _card(store, "Der Hamburger Senat hat am Montag den Haushalt für 2027 beschlossen.", "de")
    same = dict(zip(pairs.FEATURES, pairs.pair_features(en, de)))
    other = dict(zip(pairs.FEATURES, pairs.pair_features(en, unrelated)))
    assert same["names_top_mine"] > other["names_top_mine"] and same["cross_lingual"] == 1.0
    model = pairs.load()
    assert model.logits(np.array([pairs.pair_features(en, de)]))[0] > model.logits(
        np.array([pairs.pair_features(en, unrelated)]))[0]


RECALL_DE = ("Der Fürther E-Bike-Hersteller Stromrad ruft 38.000 E-Bikes zurück. Bei den Modellen könne der Rahmen "
             "brechen, teilte Firmenchef Jens Arnsperger am Dienstag in Fürth mit.")
RECALL_EN = ("Germany's Stromrad is recalling 38,000 e-bikes because their frames may crack, chief executive "
             "Jens Arnsperger said in Fürth on Tuesday.")
JOBS_DE = ("Der Fürther E-Bike-Hersteller Stromrad streicht 350 Stellen. Das Unternehmen rutsche in die "
           "Verlustzone, teilte Firmenchef Jens Arnsperger am Dienstag in Fürth mit.")


def test_names_are_taken_out_of_what_happened() -> None:
    doc = analyze(RECALL_DE, published="2026-10-27", language="de", title="Stromrad ruft 38.000 E-Bikes zurück")
    texts = embed.unnamed_texts(doc)
    assert texts[0] == "ruft 38.000 E-Bikes zurück"
    assert not any("Arnsperger" in t or "Fürth" in t for t in texts)


def test_a_recall_and_job_cuts_of_one_company_differ_in_what_happened(store: Store) -> None:
    # one company, one chief, one town, one day of the week: the reports look alike; with the
    # names taken out, the two reports of the recall still agree and the job cuts do not
    cards = []
    for text, language, title in ((RECALL_DE, "de", "Stromrad ruft 38.000 E-Bikes zurück"),
                                  (RECALL_EN, "en", "Stromrad recalls 38,000 e-bikes over frame cracks"),
                                  (JOBS_DE, "de", "Stromrad streicht 350 Stellen")):
        doc = analyze(text, published="2026-10-27", language=language, title=title)
        store.add(doc)
        cards.append(extract.features(store, doc).card())
    same = dict(zip(pairs.FEATURES, pairs.pair_features(cards[0], cards[1])))
    other = dict(zip(pairs.FEATURES, pairs.pair_features(cards[0], cards[2])))
    assert same["what_title"] > other["what_title"] + 0.2


def test_shipped_weights_read_the_comparisons_cluster_computes(store: Store) -> None:
    model = pairs.load()
    doc = analyze("Die Bundesregierung hat am Montag ein neues Gesetz beschlossen. Es tritt 2027 in Kraft.",
                  published="2026-03-02", language="de")
    store.add(doc)
    cluster.assign(store, doc)
    other = analyze("Das Kabinett hat am Montag ein Gesetz beschlossen, das 2027 in Kraft treten soll.",
                    published="2026-03-02", language="de")
    store.add(other)
    f = extract.features(store, other)
    match = cluster.best_story(store, f)
    assert match is not None and match.member == doc.id
    assert list(match.values) == list(pairs.FEATURES)  # no comparison unread, none missing
    assert match.score == pytest.approx(model.logits(np.array([list(match.values.values())]))[0])
    pushed = model.attribution(np.array(list(match.values.values())))
    assert set(pushed) == set(pairs.FEATURES)


def test_weights_trained_on_other_features_are_refused_with_a_fix(tmp_path: Path) -> None:
    bad = tmp_path / "pair-model.json"
    bad.write_text(json.dumps({"features": ["cos"], "mean": [0], "scale": [1], "w1": [[1]], "b1": [0], "w2": [1],
                               "b2": 0}), encoding="utf-8")
    with pytest.raises(RuntimeError, match="lagebild train stories"):
        pairs.load(bad)


def test_model_card_numbers_come_from_left_out_splits() -> None:
    info = json.loads(pairs.weights_path().read_text(encoding="utf-8"))
    trained = set(info["trained_on"]["labelled_articles"])
    assert trained and not trained & REPORT_SPLITS  # the report split never trained the shipped model
    assert set(info["left_out_split_pairwise_f1"]) == trained


def test_the_network_learns_a_rule_a_linear_model_cannot() -> None:
    # "same story" when exactly one of two inputs is high (xor): no linear model fits it
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 1, (400, 2))
    y = ((x[:, 0] > 0.5) ^ (x[:, 1] > 0.5)).astype(float)
    model = pairs.fit(x, y, hidden=8, epochs=800, lr=3e-2)
    acc = float(((model.logits(x) > 0) == (y > 0)).mean())
    assert acc > 0.9
    again = pairs.fit(x, y, hidden=8, epochs=800, lr=3e-2)
    assert np.array_equal(model.w1, again.w1)  # deterministic: retraining reproduces the weights


def test_train_stories_writes_a_loadable_model(tmp_path: Path) -> None:
    # Two small labelled splits: a cross-lingual story with a same-day report, and a distinct one.
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    keep = {"putin-trump-call-feb", "flood-bavaria", "putin-trump-call-oct"}
    picked = [r for r in rows if r["story"] in keep][:9]
    for i, r in enumerate(picked):
        r["split"] = "a" if i % 2 else "b"
    small = tmp_path / "small.jsonl"
    small.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "stories", "--labelled", str(small), "--no-negatives",
                                       "--out", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    assert "left out a" in result.output and "mean over splits" in result.output
    model = pairs.load(tmp_path / "model" / pairs.WEIGHTS_FILE)
    assert model.w1.shape == (len(pairs.FEATURES), 16) and np.abs(model.w2).sum() > 0


def test_train_stories_names_a_missing_labelled_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", "stories", "--labelled", str(tmp_path / "nope.jsonl"),
                                       "--no-negatives"])
    assert result.exit_code != 0
    assert "nope.jsonl" in result.output and "--labelled" in result.output
