"""Opinion detection: is a sentence the writer's own evaluation rather than reporting?

``load_model()`` gives the trained classifier (cached per process); ``train(data_dir,
out_dir)`` retrains it from the CheckThat 2025 subjectivity data; the pipeline stage lives
in ``lagebild.stages.opinion`` and adds attribution (quoted speech is the speaker's).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .model import DEFAULT_VARIANT, VARIANTS, OpinionModel, default_model_dir, load_model


def train(
    data_dir: str | Path | None = None,
    out_dir: str | Path | None = None,
    variants: Sequence[str] = VARIANTS,
) -> dict[str, Path]:
    """Train the opinion models on CheckThat train+dev and write them to ``out_dir/<variant>/``.

    ``data_dir``: the shared data root or the CheckThat folder (default ``../shared/data``);
    ``out_dir``: default ``models/opinion`` in the repository. Takes about 3 minutes on one
    core, most of it for the e5 variant's sentence embeddings.
    """
    from .train import train as _train  # numpy-heavy training code loads only when needed

    return _train(data_dir, out_dir, variants)


__all__ = ["DEFAULT_VARIANT", "VARIANTS", "OpinionModel", "default_model_dir", "load_model", "train"]
