"""WARC / WARC.gz: every HTTP response record with an HTML body is one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import Document


def parse_warc(stream: BinaryIO, *, item: str) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    records = 0
    damaged = False
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{item}#{n}"
            status = record.http_headers.get_statuscode()
            body = record.content_stream().read()
            if status and not status.startswith("2"):
                yield InputError(where, f"HTTP status {status} for {url}; skipped")
                continue
            charset = None
            if "charset=" in ctype:
                charset = ctype.split("charset=", 1)[1].split(";")[0].strip()
            from .decode import decode
            from .html import parse_html

            try:
                doc = parse_html(decode(body, where, declared=charset), item=where, url=url)
            except InputError as exc:
                yield exc
                continue
            doc.path = where
            yield doc
    except Exception as exc:  # noqa: BLE001 - warcio raises assorted errors on damaged archives
        damaged = True
        yield InputError(item, f"damaged WARC after {n} record(s): {type(exc).__name__}: {exc}")
    if records == 0 and not damaged:
        yield InputError(item, "no WARC records could be read: not a WARC file, or damaged at the start")
    elif n == 0 and not damaged:
        yield InputError(item, "contains no HTML response records")
