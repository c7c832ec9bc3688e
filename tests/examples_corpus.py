"""The example corpus, ingested once per test session, and its expectations (examples/expected.json).

Document keys in expected.json are paths relative to examples/corpus/, with '#n' for the n-th item of
a JSONL, RSS or WARC file; stored documents carry the same information in ``path``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lagebild.model import Document
from lagebild.storage import Store

from .conftest import EXAMPLES

CORPUS = EXAMPLES / "corpus"


@lru_cache(maxsize=1)
def expected() -> dict:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


def key_of(path: str) -> str:
    """expected.json key of a stored document path ('…/corpus/jsonl/x.jsonl:3' -> 'jsonl/x.jsonl#3')."""
    rel = str(Path(path.split("#")[0].rsplit(":", 1)[0] if ".jsonl:" in path else path.split("#")[0])
              .resolve().relative_to(CORPUS.resolve()))
    if "#" in path:
        return f"{rel}#{path.split('#')[1]}"
    if ".jsonl:" in path:
        return f"{rel}#{path.rsplit(':', 1)[1]}"
    return rel


@lru_cache(maxsize=1)
def corpus_store() -> Store:
    store = Store(":memory:")
    report = store.add_paths([str(CORPUS)])
    assert not report.rejected, report.rejected
    return store


def documents_by_key() -> dict[str, Document]:
    store = corpus_store()
    return {key_of(d.path): d for d in store.iter_documents()}
