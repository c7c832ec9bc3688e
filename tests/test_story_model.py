"""The learned story join model: its comparisons, the shipped weights, and retraining it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lagebild import analyze
from lagebild.cli import main
from lagebild.storage import Store
from lagebild.stories import cluster, extract, scorer
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


def test_shared_name_words_link_reports_that_name_an_actor_differently() -> None:
    de = analyze("Ein Cyberangriff hat am Montag den Hamburger Terminalbetreiber Hanseport Logistik "
                 "lahmgelegt. Hanseport Logistik sprach von einem schweren Vorfall.",
                 published="2026-08-10", language="de")
    en = analyze("Hamburg terminal operator Hanseport was hit by a cyber attack on Monday, Hanseport said.",
                 published="2026-08-10", language="en")
    unrelated = analyze("Der Hamburger Senat hat am Montag den Haushalt für 2027 beschlossen.",
                        published="2026-08-10", language="de")
    de_words, en_words = extract.name_words(de), extract.name_words(en)
    assert cluster._names_shared(en_words, de_words) > cluster._names_shared(en_words, extract.name_words(unrelated))


def test_shipped_weights_read_the_comparisons_cluster_computes(store: Store) -> None:
    model = scorer.load()
    assert model.features == scorer.FEATURES
    doc = analyze("Die Bundesregierung hat am Montag ein neues Gesetz beschlossen. Es tritt 2027 in Kraft.",
                  published="2026-03-02", language="de")
    store.add(doc)
    cluster.assign(store, doc)
    other = analyze("Das Kabinett hat am Montag ein Gesetz beschlossen, das 2027 in Kraft treten soll.",
                    published="2026-03-02", language="de")
    store.add(other)
    f = extract.features(store, other)
    st, score, cos, read = cluster.best_story(store, f)
    assert st is not None
    values = cluster.components(f, st, *cluster.cosines(store, f, st, cos))
    assert read == values
    assert set(values) == set(scorer.FEATURES)  # no comparison unread, none missing
    assert score == pytest.approx(model.logit(values))


def test_weights_trained_on_other_features_are_refused_with_a_fix(tmp_path: Path) -> None:
    bad = tmp_path / "weights.json"
    bad.write_text(json.dumps({"features": ["cos"], "coef": [1.0], "bias": 0.0}), encoding="utf-8")
    with pytest.raises(RuntimeError, match="lagebild train stories"):
        scorer.load(bad)


def test_model_card_numbers_come_from_left_out_splits() -> None:
    info = json.loads(scorer.weights_path().read_text(encoding="utf-8"))
    trained = set(info["trained_on"]["labelled_articles"])
    assert trained and not trained & REPORT_SPLITS  # the report split never trained the shipped model
    assert set(info["left_out_split_pairwise_f1"]) == trained


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
    model = scorer.load(tmp_path / "model" / "weights.json")
    assert model.features == scorer.FEATURES and any(c != 0 for c in model.coef)


def test_train_stories_names_a_missing_labelled_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", "stories", "--labelled", str(tmp_path / "nope.jsonl"),
                                       "--no-negatives"])
    assert result.exit_code != 0
    assert "nope.jsonl" in result.output and "--labelled" in result.output
