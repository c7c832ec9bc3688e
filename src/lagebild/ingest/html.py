"""HTML pages: main-content extraction with trafilatura, metadata from the page head."""

from __future__ import annotations

import logging

from ..errors import InputError
from ..model import Document

log = logging.getLogger(__name__)


def parse_html(html: str, *, item: str, url: str | None = None, path: str | None = None) -> Document:
    """Extract the article body and its metadata. Scripts, styles and comments never reach the text."""
    import trafilatura

    # trafilatura logs noisy warnings about malformed markup; the user gets our one-line message instead.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except Exception as exc:  # noqa: BLE001 - malformed markup surfaces as many exception types
        raise InputError(item, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if result is None or not (result.text or "").strip():
        raise InputError(item, "no article text found in the HTML", tip="is this an index or login page?")
    text = result.text
    title = (result.title or "").strip() or None
    # trafilatura keeps the <h1> as the first line; it is the headline, stored as the title.
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title:
        text = "\n".join(lines[1:])
    return Document(
        text="",
        raw_text=text.strip("\n"),
        title=title,
        source=(result.sitename or result.hostname or None),
        url=url or result.url or None,
        path=path,
        author=result.author or None,
        published=result.date or None,
        published_basis="metadata" if result.date else None,
    )
