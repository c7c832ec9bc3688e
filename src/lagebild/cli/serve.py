"""`lagebild serve`: the web UI and HTTP API over a store."""

from __future__ import annotations

import os

import click

from ..errors import LagebildError
from . import _db_path, db_option, err, friendly_errors, main


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback needs a token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", default=None, metavar="TOKEN",
              help="Require this token on every request (default: $LAGEBILD_TOKEN).")
@friendly_errors
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the web UI and the HTTP API (API reference at /docs).

    Example:

        lagebild serve --db news.db            # then open http://127.0.0.1:8000/
    """
    from ..web.security import is_loopback

    token = token or os.environ.get("LAGEBILD_TOKEN") or None
    if not is_loopback(host) and not token:
        raise LagebildError(f"refusing to serve on {host} without a token: anyone who can reach it could read "
                            "and add articles", tip="pass --token TOKEN or set LAGEBILD_TOKEN, or bind 127.0.0.1")
    path = _db_path(db)
    if path == ":memory:":
        raise LagebildError("serve needs a database file", tip="give one with --db FILE")
    if not os.path.exists(path):
        err.print(f"[yellow]note:[/] no database at {path}; starting an empty one (add articles with "
                  "`lagebild add` or POST /api/documents)", highlight=False)
    try:
        import uvicorn
    except ImportError:
        raise LagebildError("the web UI needs uvicorn and fastapi", tip="pip install 'lagebild[web]'") from None
    import threading

    from ..web import create_app, warm_up

    from ..web.security import local_hosts

    # Without a token the server is reachable from this machine only; also refuse requests for
    # other host names (a remote page rebinding its DNS name to 127.0.0.1).
    app = create_app(path, token=token, allowed_hosts=None if token else local_hosts(host))
    threading.Thread(target=warm_up, name="lagebild-warm-up", daemon=True).start()
    shown = f"[{host}]" if ":" in host else host
    err.print(f"lagebild: serving {path} on [bold]http://{shown}:{port}/[/]"
              + (" (token required)" if token else "") + " — Ctrl-C stops", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
