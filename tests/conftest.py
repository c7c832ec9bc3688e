"""Shared fixtures: in-memory stores, canned network responses, and paths to the bundled examples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.ingest import fetch
from lagebild.storage import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def canned_fetch(monkeypatch: pytest.MonkeyPatch) -> dict[str, fetch.Response]:
    """Replace HTTP with a dict of URL -> Response; unknown URLs are 'unreachable'. No network in tests."""
    responses: dict[str, fetch.Response] = {}

    def fake_get(url: str) -> fetch.Response:
        if url not in responses:
            raise InputError(url, "unreachable (canned: no response registered)")
        return responses[url]

    monkeypatch.setattr(fetch, "fetcher", fake_get)
    return responses


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str) -> fetch.Response:
        raise InputError(url, "unreachable (tests run offline)")

    monkeypatch.setattr(fetch, "fetcher", refuse)
