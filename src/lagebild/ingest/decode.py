"""Bytes to text: encodings real news files come in, and refusing what is not text."""

from __future__ import annotations

import re

from ..errors import InputError

# A single article larger than this is almost certainly not an article (a dump, a binary).
# Container formats (JSONL, WARC, feeds) are streamed and not bound by it.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any 8-bit or UTF encoding (NULs, many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.02


def decode(data: bytes, item: str, *, declared: str | None = None) -> str:
    """Decode ``data`` trying the declared charset, UTF-8, then cp1252 (a superset of latin-1 for
    German umlauts). Raises InputError for empty or binary input."""
    if not data.strip():
        raise InputError(item, "is empty", tip="nothing to ingest; check the file")
    if looks_binary(data):
        raise InputError(item, "is binary data, not text, HTML, JSONL, a feed or a WARC")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8-sig", "cp1252", "latin-1"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # A page that declares latin-1 but is UTF-8 shows "Ã¼" for "ü": prefer UTF-8 then.
        if enc.lower().replace("-", "") in ("iso88591", "latin1", "cp1252", "windows1252") and "Ã" in text:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        return text
    raise InputError(item, "could not be decoded as text")  # pragma: no cover - latin-1 never fails
