"""Where lagebild finds its shipped models and the public datasets the benchmarks and training read.

Models ship inside the package (``lagebild/data/models/<name>``) so that any install finds them;
``$LAGEBILD_MODELS`` points somewhere else (e.g. a model you trained yourself). Datasets are never
shipped: ``$LAGEBILD_DATA``, else ``../shared/data`` beside a source checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def models_dir() -> Path:
    env = os.environ.get("LAGEBILD_MODELS")
    return Path(env) if env else PACKAGE_DIR / "data" / "models"


def model_dir(name: str) -> Path:
    """Folder of the model ``name`` (e.g. "ner-de", "opinion")."""
    return models_dir() / name


def data_dir() -> Path:
    env = os.environ.get("LAGEBILD_DATA")
    if env:
        return Path(env)
    return PACKAGE_DIR.parents[2] / "shared" / "data"
