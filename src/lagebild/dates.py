"""Small date helpers shared by ingest, the store and the CLI (no NLP here; see timexpr/)."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def normalize_published(value: str | None) -> str | None:
    """ISO 8601 date (or date-time) from the spellings feeds and pages use; None if unreadable."""
    if not value:
        return None
    v = str(value).strip()
    if _ISO.match(v):
        return v.replace(" ", "T")
    m = _DMY.match(v)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(v).isoformat()
    except ValueError:
        return None


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

