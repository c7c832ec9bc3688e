"""The command line: each command parses options, calls one public function, formats the result.

Commands live in modules of this package by topic; each registers itself on ``main``.

Data goes to stdout (so ``lagebild export | jq`` works); progress, summaries and errors to stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click
from rich.console import Console

from ..errors import LagebildError

out = Console(soft_wrap=True)
err = Console(stderr=True)

DEFAULT_DB = "lagebild.db"


def _db_path(db: str | None) -> str:
    return db or os.environ.get("LAGEBILD_DB") or DEFAULT_DB


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", metavar="FILE", default=None,
        help=f"The database file (default: $LAGEBILD_DB or ./{DEFAULT_DB}).",
    )(fn)


def open_store(db: str | None, *, must_exist: bool = True):  # type: ignore[no-untyped-def]
    from ..storage import Store

    path = _db_path(db)
    if must_exist and path != ":memory:" and not os.path.exists(path):
        raise LagebildError(f"no database at {path}", tip="add articles first: lagebild add FILES...")
    return Store(path)


def friendly_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn LagebildError into one red line (plus a tip) and exit code 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except LagebildError as exc:
            err.print(f"[bold red]Error:[/] {exc}", highlight=False)
            if exc.tip:
                err.print(f"[dim]Tip:[/] {exc.tip}", highlight=False)
            sys.exit(1)
        except BrokenPipeError:  # `lagebild export | head`
            sys.exit(0)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="Show more log output (-vv for debug).")
@click.version_option(package_name="lagebild")
def main(verbose: int) -> None:
    """lagebild: news articles in, a situation picture out.

    Stories, a timeline of events with their status, who said what, and where outlets agree,
    contradict each other or editorialise, every fact traceable to its sentence.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("lagebild")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False



# Importing the command modules registers their commands on ``main``.
from . import corpus  # noqa: E402,F401
from . import picture  # noqa: E402,F401
from . import train  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import stories  # noqa: E402,F401
