"""lagebild: news articles in, a situation picture out.

    >>> import lagebild
    >>> doc = lagebild.analyze("Berlin, 6. Mai (dpa) – Der Bundestag hat ...", published="2025-05-06")
    >>> store = lagebild.Store("lagebild.db"); store.add_paths(["examples/"])
"""

from __future__ import annotations

import logging

from .api import analyze
from .errors import InputError, LagebildError, StageError, StorageError
from .model import (
    Document,
    Entity,
    EventMention,
    Mention,
    Problem,
    Quote,
    RemovedLine,
    Sentence,
    Timex,
    Token,
)
from .pipeline import Pipeline, available_stages
from .storage import Store

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "Store",
    "Pipeline",
    "available_stages",
    "Document",
    "Entity",
    "EventMention",
    "Mention",
    "Problem",
    "Quote",
    "RemovedLine",
    "Sentence",
    "Timex",
    "Token",
    "LagebildError",
    "InputError",
    "StageError",
    "StorageError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
