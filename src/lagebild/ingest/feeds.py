"""RSS and Atom feeds: one article per item; items with only a summary are fetched from their link."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from . import fetch

# An item whose content is shorter than this is a teaser: the article is behind its link.
_MIN_FULL_TEXT_CHARS = 600


def parse_feed(data: bytes | str, *, item: str, follow_links: bool = True) -> Iterator[Document | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield InputError(item, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception', 'malformed XML')})")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{item}#{n}"
        link = entry.get("link")
        published = _entry_date(entry)
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        if len(_visible(html)) < _MIN_FULL_TEXT_CHARS and link and follow_links:
            try:
                resp = fetch.get(link)
                from .decode import decode
                from .html import parse_html

                doc = parse_html(decode(resp.body, link, declared=resp.charset), item=link, url=resp.url)
            except InputError as exc:
                if not html and not entry.get("summary"):
                    yield exc
                    continue
                doc = None
            if doc is not None:
                doc.source = outlet or doc.source  # the feed names its outlet more reliably than the page
                doc.title = entry.get("title") or doc.title
                if published:
                    doc.published, doc.published_basis = published, "metadata"
                doc.path = where
                yield doc
                continue
        html = html or entry.get("summary", "")
        text = _fragment_text(html)
        if not text.strip():
            yield InputError(where, "feed item has no text and its link could not be fetched")
            continue
        yield Document(
            text="",
            raw_text=text,
            title=(entry.get("title") or "").strip() or None,
            source=outlet,
            url=link,
            path=where,
            author=entry.get("author") or None,
            published=published,
            published_basis="metadata" if published else None,
        )


def _entry_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}Z"
    return None


def _visible(html: str) -> str:
    return _fragment_text(html) if html else ""


def _fragment_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per line (block elements become line breaks)."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - broken fragments: fall back to the raw text
        return html.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3|//h4|//blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n".join(line for line in lines if line)
