"""JSON Lines: one article per line with text/title/url/published/source (and a few common aliases)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import Document

# Archives from other tools name fields differently; these are the spellings we accept.
_ALIASES = {
    "text": ("text", "body", "content", "maintext", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "date_publish", "pubdate", "published_at", "publish_date"),
    "source": ("source", "outlet", "source_domain", "sitename", "publisher"),
    "author": ("author", "authors", "byline"),
    "html": ("html", "raw_html"),
}


def _field(obj: dict, name: str) -> object | None:
    for key in _ALIASES[name]:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def parse_jsonl(lines: Iterable[str], *, item: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{item}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "each line must be a JSON object")
            continue
        text = _field(obj, "text")
        html = _field(obj, "html")
        if not isinstance(text, str) and isinstance(html, str):
            from .html import parse_html

            try:
                doc = parse_html(html, item=where, url=_str(_field(obj, "url")))
            except InputError as exc:
                yield exc
                continue
        elif isinstance(text, str) and text.strip():
            doc = Document(text="", raw_text=text.strip("\n"))
        else:
            yield InputError(where, "has no 'text' (or 'body'/'content'/'html') field")
            continue
        author = _field(obj, "author")
        doc.title = _str(_field(obj, "title")) or doc.title
        doc.url = _str(_field(obj, "url")) or doc.url
        doc.source = _str(_field(obj, "source")) or doc.source
        doc.author = ", ".join(author) if isinstance(author, list) else (_str(author) or doc.author)
        published = _str(_field(obj, "published"))
        if published:
            doc.published, doc.published_basis = published, "metadata"
        doc.path = where
        yield doc


def _str(value: object | None) -> str | None:
    return str(value).strip() or None if value is not None else None
