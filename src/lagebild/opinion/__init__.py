"""Opinion detection: is a sentence the writer's own evaluation rather than reporting?

``load_model()`` gives the trained classifier (cached per process); ``train(data_dir,
out_dir)`` retrains it from the CheckThat 2025 subjectivity data; the pipeline stage lives
in ``lagebild.stages.opinion`` and adds attribution (quoted speech is the speaker's).
"""

from __future__ import annotations

from .model import DEFAULT_VARIANT, VARIANTS, OpinionModel, default_model_dir, load_model


def train(data_dir=None, out_dir=None, variants=("fast", "e5")):  # type: ignore[no-untyped-def]
    """Train and save the opinion models; see ``lagebild.opinion.train``."""
    from .train import train as _train

    return _train(data_dir, out_dir, variants)


__all__ = ["DEFAULT_VARIANT", "VARIANTS", "OpinionModel", "default_model_dir", "load_model", "train"]
