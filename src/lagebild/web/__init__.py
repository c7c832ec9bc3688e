"""The web UI and HTTP API (``lagebild serve``): the Python API over HTTP and as pages.

    from lagebild.web import create_app
    app = create_app("lagebild.db")            # an ASGI app; run it with uvicorn

Reads use read-only SQLite connections (one per worker thread); adding an article goes through the
normal pipeline and a single writer connection.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import Store

if TYPE_CHECKING:
    from fastapi import FastAPI

HERE = Path(__file__).resolve().parent


class StoreAccess:
    """Read-only stores per thread (sqlite3 connections must not be shared between threads while in
    use) and one lock-guarded writer, opened on first write."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = str(path)
        # Create and migrate the database once (readers open it read-only).
        Store(self.path).close()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._writer: Store | None = None

    def reader(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = Store(self.path, readonly=True)
            self._local.store = s
        return s

    @contextmanager
    def writer(self) -> Iterator[Store]:
        with self._write_lock:
            if self._writer is None:
                self._writer = Store(self.path)
            yield self._writer


def create_app(store_path: str | os.PathLike[str], token: str | None = None, *,
               max_body: int | None = None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The ASGI app over the store at ``store_path``. With ``token``, every request must carry it;
    with ``allowed_hosts``, requests naming another Host are refused (DNS-rebinding guard)."""
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from . import api, views
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from .security import DEFAULT_MAX_BODY, BodyLimit, SameOrigin, SecurityHeaders, TokenAuth

    if str(store_path) == ":memory:":
        raise ValueError("the web app needs a database file (read-only connections cannot share :memory:)")
    app = FastAPI(title="lagebild", version=_version(), docs_url=None, redoc_url=None,
                  description="News articles in, a situation picture out. JSON shapes follow the export "
                              "contract (format lagebild/1).")
    app.state.stores = StoreAccess(store_path)
    app.include_router(api.router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    views.install_error_pages(app)
    # Outermost first at request time: size limit, then token, then headers on every response.
    app.add_middleware(SecurityHeaders)  # type: ignore[arg-type]
    app.add_middleware(SameOrigin)  # type: ignore[arg-type]
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    if token:
        app.add_middleware(TokenAuth, token=token)  # type: ignore[arg-type]
    app.add_middleware(BodyLimit, max_body=max_body or DEFAULT_MAX_BODY)  # type: ignore[arg-type]
    return app


def warm_up() -> None:
    """Load what the first story comparison would otherwise wait for (the sentence-embedding
    model, the pipeline for POSTed articles). Meant for a background thread of ``serve``."""
    import logging

    try:
        from ..stories import embed

        embed.encode(["warm-up"])
    except Exception as exc:  # optional: a missing model only means a slower first comparison
        logging.getLogger(__name__).debug("warm-up skipped: %s", exc)


def _version() -> str:
    from .. import __version__

    return __version__


__all__ = ["create_app", "StoreAccess", "warm_up"]
