"""Stage 1, read: turn paths, URLs and streams into Documents (raw text + metadata).

``read(source)`` yields a ``Document`` per article or an ``InputError`` per item that could not be
read, so one bad file never stops a batch. Format is chosen by extension, then by sniffing content.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from . import fetch
from .decode import MAX_ARTICLE_BYTES, decode, looks_binary
from .feeds import parse_feed
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_text
from .warc import parse_warc

__all__ = ["read", "iter_sources", "Item"]

Item = Document | InputError

_URL = re.compile(r"^https?://\S+$", re.I)
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_EXT = {".txt", ".text", ".md"}
_JSONL_EXT = {".jsonl", ".ndjson", ".json"}
_FEED_EXT = {".rss", ".atom", ".xml", ".rdf"}


def iter_sources(sources: list[str]) -> Iterator[str]:
    """Expand directories (recursively, sorted) into files; keep URLs and '-' as they are."""
    for src in sources:
        if src == "-" or _URL.match(src):
            yield src
            continue
        p = Path(src)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.name not in _SKIP_NAMES and not f.name.startswith("."):
                    yield str(f)
        else:
            yield src


def read(source: str) -> Iterator[Item]:
    """Read one path, URL or '-' (stdin) into zero or more articles."""
    try:
        if source == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), item="<stdin>", name="")
        elif _URL.match(source):
            yield from _read_url(source)
        else:
            yield from _read_path(Path(source))
    except InputError as exc:
        yield exc


def _read_path(path: Path) -> Iterator[Item]:
    item = str(path)
    if not path.exists():
        raise InputError(item, "no such file or directory")
    if not os.access(path, os.R_OK):
        raise InputError(item, "is not readable (permission denied)")
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        with open(path, "rb") as fh:
            yield from parse_warc(fh, item=item)
        return
    if name.endswith(tuple(_JSONL_EXT)) or name.endswith((".jsonl.gz", ".ndjson.gz")):
        yield from _read_jsonl_file(path, item)
        return
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            item,
            f"is {size / 2**20:.0f} MB, too large for one article (limit {MAX_ARTICLE_BYTES // 2**20} MB)",
            tip="split it, or store many articles as JSONL or WARC, which are streamed",
        )
    data = path.read_bytes()
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(item, f"is not a valid gzip file ({exc})") from None
        name = name[:-3]
    yield from _read_bytes(data, item=item, name=name, path=item)


def _read_jsonl_file(path: Path, item: str) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        head = fh.read(8192)
        if looks_binary(head):
            raise InputError(item, "is binary data, not JSON Lines")
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding="utf-8", errors="replace")
        first = head.lstrip()[:1]
        if first == b"[":  # a JSON array of articles rather than JSON Lines
            import json

            try:
                arr = json.load(text)
            except json.JSONDecodeError as exc:
                raise InputError(item, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
            lines = [json.dumps(o, ensure_ascii=False) for o in arr]
            yield from parse_jsonl(lines, item=item)
        else:
            yield from parse_jsonl(text, item=item)


def _read_url(url: str) -> Iterator[Item]:
    resp = fetch.get(url)
    yield from _read_bytes(resp.body, item=url, name="", url=resp.url, charset=resp.charset,
                           content_type=resp.content_type)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or head.startswith(b"<rdf"):
        return "feed" if re.search(rb"<(rss|feed|rdf:rdf)\b", data[:4096].lower()) else "html"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_bytes(
    data: bytes,
    *,
    item: str,
    name: str,
    path: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    content_type: str = "",
) -> Iterator[Item]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(item, f"is not a valid gzip stream ({exc})") from None
    ext = os.path.splitext(name)[1]
    kind = _sniff(data)
    if ext in _HTML_EXT or "html" in content_type:
        kind = "html" if kind != "feed" else kind
    elif ext in _FEED_EXT or "xml" in content_type or "rss" in content_type or "atom" in content_type:
        kind = "feed" if kind in ("feed", "html") else kind
    elif ext in _TEXT_EXT and kind not in ("warc",):
        kind = "text" if kind != "html" or ext == ".md" else "html"
    if kind == "warc":
        yield from parse_warc(io.BytesIO(data), item=item)
        return
    if kind == "feed":
        yield from parse_feed(data, item=item)
        return
    text = decode(data, item, declared=charset)
    if kind == "jsonl":
        yield from parse_jsonl(text.splitlines(), item=item)
        return
    if kind == "html":
        yield parse_html(text, item=item, url=url, path=path)
        return
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and all(_URL.match(ln) or ln.startswith("#") for ln in lines):
        # A list of article or feed URLs (e.g. feeds.txt): read each in turn.
        for ln in lines:
            if not ln.startswith("#"):
                yield from read(ln)
        return
    doc = parse_text(text, path=path)
    doc.url = url
    yield doc
